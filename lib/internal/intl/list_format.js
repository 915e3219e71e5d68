'use strict';
// Intl.ListFormat in English: "a, b, and c", "a, b, & c", "a, b, or c", "a, b, c", "a b c".

const {
  canonicalizeLocaleList, resolveLocale, supportedLocalesOf, toOptions, getOption, checkReceiver,
  defineMethods,
} = require('internal/intl/core');

const kService = 'Intl.ListFormat';
const states = new WeakMap();

// [between two, between the middle ones, before the last of three or more].
const kJoiners = {
  conjunction: { long: [' and ', ', ', ', and '], short: [' & ', ', ', ', & '], narrow: [', ', ', ', ', '] },
  disjunction: { long: [' or ', ', ', ', or '], short: [' or ', ', ', ', or '], narrow: [' or ', ', ', ', or '] },
  unit: { long: [', ', ', ', ', '], short: [', ', ', ', ', '], narrow: [' ', ' ', ' '] },
};

// StringListFromIterable.
function stringList(list) {
  if (list === undefined) return [];
  const out = [];
  for (const item of list) {
    if (typeof item !== 'string') throw new TypeError(`Iterable yielded ${String(item)} which is not a string`);
    out.push(item);
  }
  return out;
}

function partsOf(s, list) {
  const items = stringList(list);
  const [two, middle, last] = kJoiners[s.type][s.style];
  const parts = [];
  items.forEach((value, i) => {
    if (i > 0) {
      const joiner = items.length === 2 ? two : i === items.length - 1 ? last : middle;
      parts.push({ type: 'literal', value: joiner });
    }
    parts.push({ type: 'element', value });
  });
  return parts;
}

function ListFormat(locales, options) {
  if (new.target === undefined) throw new TypeError("Constructor Intl.ListFormat requires 'new'");
  const requested = canonicalizeLocaleList(locales);
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError('Options must be an object');
  }
  options = toOptions(options);
  getOption(options, 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', kService);
  const type = getOption(options, 'type', 'string', ['conjunction', 'disjunction', 'unit'], 'conjunction', kService);
  const style = getOption(options, 'style', 'string', ['long', 'short', 'narrow'], 'long', kService);
  states.set(this, { locale: resolveLocale(requested, []).locale, type, style });
}

defineMethods(ListFormat.prototype, {
  format(list) {
    return partsOf(checkReceiver(this, states, 'Intl.ListFormat.prototype.format'), list).map((p) => p.value).join('');
  },

  formatToParts(list) {
    return partsOf(checkReceiver(this, states, 'Intl.ListFormat.prototype.formatToParts'), list);
  },

  resolvedOptions() {
    const { locale, type, style } = checkReceiver(this, states, 'Intl.ListFormat.prototype.resolvedOptions');
    return { locale, type, style };
  },
});

defineMethods(ListFormat, {
  supportedLocalesOf(locales, options) {
    return supportedLocalesOf(locales, options);
  },
});

Object.defineProperty(ListFormat.prototype, Symbol.toStringTag, { value: 'Intl.ListFormat', configurable: true });

module.exports = { ListFormat };
