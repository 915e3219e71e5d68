'use strict';
// Intl.PluralRules in English: "one" and "other" for cardinals; "one", "two", "few" and
// "other" for ordinals (1st, 2nd, 3rd, 4th), on the number as the digit options format it.

const {
  canonicalizeLocaleList, resolveLocale, supportedLocalesOf, toOptions, getOption, checkReceiver,
  defineMethods,
} = require('internal/intl/core');
const { mathematicalValue, roundDecimal, splitDecimal, digitOptions } = require('internal/intl/number_format');

const kService = 'Intl.PluralRules';
const states = new WeakMap();

function PluralRules(locales, options) {
  if (new.target === undefined) throw new TypeError("Constructor Intl.PluralRules requires 'new'");
  const requested = canonicalizeLocaleList(locales);
  options = toOptions(options);
  getOption(options, 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', kService);
  const type = getOption(options, 'type', 'string', ['cardinal', 'ordinal'], 'cardinal', kService);
  // Plural rules are a language's: the locale resolves to its language alone.
  const s = { locale: resolveLocale(requested, []).locale.split('-')[0], type };
  digitOptions(options, s, 0, 3, 'standard');
  states.set(this, s);
}

defineMethods(PluralRules.prototype, {
  select(n) {
    return categoryOf(checkReceiver(this, states, 'Intl.PluralRules.prototype.select'), Number(n));
  },

  selectRange(start, end) {
    const s = checkReceiver(this, states, 'Intl.PluralRules.prototype.selectRange');
    if (start === undefined || end === undefined) throw new TypeError('start or end is undefined');
    const x = Number(start);
    const y = Number(end);
    if (Number.isNaN(x)) throw new RangeError(`Invalid start : ${start}`);
    if (Number.isNaN(y)) throw new RangeError(`Invalid end : ${end}`);
    return categoryOf(s, y);
  },

  resolvedOptions() {
    const s = checkReceiver(this, states, 'Intl.PluralRules.prototype.resolvedOptions');
    const out = { locale: s.locale, type: s.type, minimumIntegerDigits: s.minInt };
    if (s.roundingType === 'significant' || s.roundingType === 'morePrecision' || s.roundingType === 'lessPrecision') {
      out.minimumSignificantDigits = s.minSig;
      out.maximumSignificantDigits = s.maxSig;
    }
    if (s.roundingType !== 'significant') {
      out.minimumFractionDigits = s.minFrac;
      out.maximumFractionDigits = s.maxFrac;
    }
    out.pluralCategories = s.type === 'ordinal' ? ['few', 'one', 'two', 'other'] : ['one', 'other'];
    return out;
  },
});

defineMethods(PluralRules, {
  supportedLocalesOf(locales, options) {
    return supportedLocalesOf(locales, options);
  },
});

Object.defineProperty(PluralRules.prototype, Symbol.toStringTag, { value: 'Intl.PluralRules', configurable: true });

function categoryOf(s, n) {
  if (!Number.isFinite(n)) return 'other';
  const value = mathematicalValue(n);
  const rounded = roundDecimal(value.decimal, s, value.negative);
  const { int, frac } = splitDecimal(rounded.decimal, 1, rounded.minFrac);
  if (s.type === 'cardinal') return int === '1' && frac === '' ? 'one' : 'other';
  if (frac !== '') return 'other';
  const mod10 = Number(int.slice(-1));
  const mod100 = Number(int.slice(-2));
  if (mod10 === 1 && mod100 !== 11) return 'one';
  if (mod10 === 2 && mod100 !== 12) return 'two';
  if (mod10 === 3 && mod100 !== 13) return 'few';
  return 'other';
}

module.exports = { PluralRules };
