'use strict';
// Intl.RelativeTimeFormat in English: "in 3 days", "2 hr. ago", "in 5m", and with
// numeric: 'auto' the words ("yesterday", "next year", "now").

const {
  canonicalizeLocaleList, resolveLocale, withKeywords, supportedLocalesOf, toOptions, getOption,
  getKeywordOption, checkReceiver, defineMethods,
} = require('internal/intl/core');
const { NumberFormat } = require('internal/intl/number_format');

const kService = 'Intl.RelativeTimeFormat';
const states = new WeakMap();
const kUnits = ['year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second'];

// Unit names by style: [one, other], and whether a space parts them from the number.
const kNames = {
  long: {
    year: ['year', 'years'], quarter: ['quarter', 'quarters'], month: ['month', 'months'], week: ['week', 'weeks'],
    day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'], second: ['second', 'seconds'],
  },
  short: {
    year: ['yr.', 'yr.'], quarter: ['qtr.', 'qtrs.'], month: ['mo.', 'mo.'], week: ['wk.', 'wk.'],
    day: ['day', 'days'], hour: ['hr.', 'hr.'], minute: ['min.', 'min.'], second: ['sec.', 'sec.'],
  },
  narrow: {
    year: ['y', 'y'], quarter: ['q', 'q'], month: ['mo', 'mo'], week: ['w', 'w'],
    day: ['d', 'd'], hour: ['h', 'h'], minute: ['m', 'm'], second: ['s', 's'],
  },
};
// numeric: 'auto' words for -1, 0 and 1, by style (narrow's are short's).
const kWords = {
  long: {
    year: ['last year', 'this year', 'next year'], quarter: ['last quarter', 'this quarter', 'next quarter'],
    month: ['last month', 'this month', 'next month'], week: ['last week', 'this week', 'next week'],
    day: ['yesterday', 'today', 'tomorrow'], hour: [null, 'this hour', null], minute: [null, 'this minute', null],
    second: [null, 'now', null],
  },
  short: {
    year: ['last yr.', 'this yr.', 'next yr.'], quarter: ['last qtr.', 'this qtr.', 'next qtr.'],
    month: ['last mo.', 'this mo.', 'next mo.'], week: ['last wk.', 'this wk.', 'next wk.'],
    day: ['yesterday', 'today', 'tomorrow'], hour: [null, 'this hour', null], minute: [null, 'this minute', null],
    second: [null, 'now', null],
  },
};

function partsOf(s, value, unit) {
  value = Number(value);
  unit = String(unit);
  const singular = unit.endsWith('s') ? unit.slice(0, -1) : unit;
  if (!kUnits.includes(singular)) {
    throw new RangeError(`Invalid unit argument for Intl.RelativeTimeFormat.prototype.format() '${unit}'`);
  }
  if (!Number.isFinite(value)) {
    throw new RangeError('Value need to be finite number for Intl.RelativeTimeFormat.prototype.format()');
  }
  if (s.numeric === 'auto' && (value === -1 || value === 0 || value === 1)) {
    const word = kWords[s.style === 'narrow' ? 'short' : s.style][singular][value + 1];
    if (word !== null) return [{ type: 'literal', value: word }];
  }
  const past = value < 0 || Object.is(value, -0);
  s.numberFormat ??= new NumberFormat('en');
  const numberParts = s.numberFormat.formatToParts(Math.abs(value)).map((p) => ({ ...p, unit: singular }));
  const digits = numberParts.map((p) => p.value).join('');
  const name = kNames[s.style][singular][digits === '1' ? 0 : 1];
  const space = s.style === 'narrow' ? '' : ' ';
  if (past) return [...numberParts, { type: 'literal', value: `${space}${name} ago` }];
  return [{ type: 'literal', value: 'in ' }, ...numberParts, { type: 'literal', value: `${space}${name}` }];
}

function RelativeTimeFormat(locales, options) {
  if (new.target === undefined) throw new TypeError("Constructor Intl.RelativeTimeFormat requires 'new'");
  const requested = canonicalizeLocaleList(locales);
  options = toOptions(options);
  getOption(options, 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', kService);
  const nu = getKeywordOption(options, 'numberingSystem', kService);
  const style = getOption(options, 'style', 'string', ['long', 'short', 'narrow'], 'long', kService);
  const numeric = getOption(options, 'numeric', 'string', ['always', 'auto'], 'always', kService);
  const { locale, keywords } = resolveLocale(requested, ['nu']);
  states.set(this, { locale: withKeywords(locale, keywords, nu === undefined ? [] : ['nu']), style, numeric });
}

defineMethods(RelativeTimeFormat.prototype, {
  format(value, unit) {
    return partsOf(checkReceiver(this, states, 'Intl.RelativeTimeFormat.prototype.format'), value, unit)
      .map((p) => p.value).join('');
  },

  formatToParts(value, unit) {
    return partsOf(checkReceiver(this, states, 'Intl.RelativeTimeFormat.prototype.formatToParts'), value, unit);
  },

  resolvedOptions() {
    const { locale, style, numeric } = checkReceiver(this, states, 'Intl.RelativeTimeFormat.prototype.resolvedOptions');
    return { locale, style, numeric, numberingSystem: 'latn' };
  },
});

defineMethods(RelativeTimeFormat, {
  supportedLocalesOf(locales, options) {
    return supportedLocalesOf(locales, options);
  },
});

Object.defineProperty(RelativeTimeFormat.prototype, Symbol.toStringTag, { value: 'Intl.RelativeTimeFormat', configurable: true });

module.exports = { RelativeTimeFormat };
