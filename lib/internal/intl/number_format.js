'use strict';
// Intl.NumberFormat in English: decimal, percent, currency and unit styles; fraction and
// significant digits with every rounding mode and priority; standard, scientific,
// engineering and compact notation; grouping and sign display; parts and ranges.
//
// Numbers are formatted from their shortest round-trip decimal digits, as ICU formats
// them (1.005 to two places is 1.01, not the binary value's 1.00), and strings and BigInts
// from their exact decimal digits.

const {
  canonicalizeLocaleList, resolveLocale, withKeywords, supportedLocalesOf, toOptions, getOption,
  getNumberOption, getKeywordOption, checkReceiver, defineMethods,
} = require('internal/intl/core');
const data = require('internal/intl/data');

const kService = 'Intl.NumberFormat';

// --- decimals ---------------------------------------------------------------------------
// A non-negative decimal: `digits` without leading or trailing zeros ('' for zero), and
// `point`, where the decimal point goes: the value is 0.digits × 10^point.

function decimalFromString(text) {
  const m = /^(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  const int = m[1];
  const frac = m[2] || '';
  let digits = int + frac;
  let point = int.length + (m[3] ? Number(m[3]) : 0);
  let lead = 0;
  while (lead < digits.length && digits[lead] === '0') lead++;
  digits = digits.slice(lead).replace(/0+$/, '');
  point -= lead;
  return { digits, point: digits === '' ? 0 : point };
}

// The value to format: { negative, kind: 'finite' | 'nan' | 'infinity', decimal }.
function mathematicalValue(x) {
  if (typeof x === 'bigint') {
    return { negative: x < 0n, kind: 'finite', decimal: decimalFromString(String(x < 0n ? -x : x)) };
  }
  if (typeof x === 'string') {
    const text = x.trim();
    let m;
    if (text === '') return { negative: false, kind: 'finite', decimal: { digits: '', point: 0 } };
    if ((m = /^([+-]?)(\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)$/i.exec(text))) {
      return { negative: m[1] === '-', kind: 'finite', decimal: decimalFromString(m[2].startsWith('.') ? `0${m[2]}` : m[2]) };
    }
    if (/^[+-]?Infinity$/.test(text)) return { negative: text[0] === '-', kind: 'infinity' };
    x = Number(text);
  }
  const n = Number(x);
  if (Number.isNaN(n)) return { negative: false, kind: 'nan' };
  const negative = n < 0 || Object.is(n, -0);
  if (!Number.isFinite(n)) return { negative, kind: 'infinity' };
  return { negative, kind: 'finite', decimal: decimalFromString(String(Math.abs(n))) };
}

// Whether rounding away the digits from `keep` on (a count of leading digits, which may be
// zero or negative) goes up a unit, by `mode`.
function roundsUp(decimal, keep, mode, negative) {
  const { digits } = decimal;
  if (digits.length <= keep) return false;
  const first = keep < 0 ? 0 : Number(digits[keep]);
  const rest = keep < 0 ? digits.length > 0 : /[1-9]/.test(digits.slice(keep + 1));
  const inexact = first > 0 || rest;
  if (!inexact) return false;
  switch (mode) {
    case 'ceil': return !negative;
    case 'floor': return negative;
    case 'expand': return true;
    case 'trunc': return false;
  }
  if (first !== 5 || rest) return first >= 5;
  switch (mode) {
    case 'halfCeil': return !negative;
    case 'halfFloor': return negative;
    case 'halfExpand': return true;
    case 'halfTrunc': return false;
    default: { // halfEven
      const last = keep > 0 ? Number(digits[keep - 1]) : 0;
      return last % 2 === 1;
    }
  }
}

// `decimal` rounded to its first `keep` digits.
function roundTo(decimal, keep, mode, negative) {
  const { digits, point } = decimal;
  if (digits.length <= keep) return decimal;
  if (!roundsUp(decimal, keep, mode, negative)) {
    const kept = keep > 0 ? digits.slice(0, keep).replace(/0+$/, '') : '';
    return { digits: kept, point: kept === '' ? 0 : point };
  }
  if (keep <= 0) return { digits: '1', point: point - keep + 1 };
  const kept = digits.slice(0, keep).split('').map(Number);
  let i = kept.length - 1;
  while (i >= 0 && kept[i] === 9) kept[i--] = 0;
  if (i < 0) return { digits: '1', point: point + 1 };
  kept[i]++;
  return { digits: kept.join('').replace(/0+$/, ''), point };
}

// The digits of `decimal` rounded as `settings` say: { decimal, minFrac } (the fraction
// digits to show at least).
function roundDecimal(decimal, s, negative) {
  const byFraction = () => {
    let d = roundTo(decimal, decimal.point + s.maxFrac, s.roundingMode, negative);
    if (s.roundingIncrement > 1) d = roundToIncrement(decimal, s, negative);
    return { decimal: d, minFrac: s.minFrac, magnitude: -s.maxFrac };
  };
  const bySignificant = () => {
    const d = roundTo(decimal, s.maxSig, s.roundingMode, negative);
    const point = d.digits === '' ? 1 : d.point;
    return { decimal: d, minFrac: Math.max(0, s.minSig - point), magnitude: (d.digits === '' ? 1 : d.point) - s.maxSig };
  };
  if (s.roundingType === 'fraction') return byFraction();
  if (s.roundingType === 'significant') return bySignificant();
  // morePrecision / lessPrecision: the rounding that keeps more (or fewer) digits.
  const a = bySignificant();
  const b = byFraction();
  const aFiner = a.magnitude <= b.magnitude;
  return s.roundingType === 'morePrecision' ? (aFiner ? a : b) : (aFiner ? b : a);
}

// Rounding to a multiple of roundingIncrement × 10^-maxFrac.
function roundToIncrement(decimal, s, negative) {
  const text = decimalText(decimal, s.maxFrac + 1);
  const [int, frac = ''] = text.split('.');
  const scaledTimes10 = BigInt(int + frac.padEnd(s.maxFrac + 1, '0'));
  const unit = BigInt(s.roundingIncrement) * 10n;
  const q = scaledTimes10 / unit;
  const r = scaledTimes10 % unit;
  const exact = r === 0n && !/[1-9]/.test(decimal.digits.slice(Math.max(0, decimal.point + s.maxFrac + 1)));
  let up;
  if (exact) up = false;
  else if (['ceil', 'floor', 'expand', 'trunc'].includes(s.roundingMode)) {
    up = s.roundingMode === 'expand' || (s.roundingMode === 'ceil' && !negative) || (s.roundingMode === 'floor' && negative);
  } else {
    const twice = r * 2n;
    if (twice !== unit) up = twice > unit;
    else if (s.roundingMode === 'halfEven') up = q % 2n === 1n;
    else up = s.roundingMode === 'halfExpand' || (s.roundingMode === 'halfCeil' && !negative) || (s.roundingMode === 'halfFloor' && negative);
  }
  const units = (q + (up ? 1n : 0n)) * BigInt(s.roundingIncrement);
  const str = units.toString().padStart(s.maxFrac + 1, '0');
  return decimalFromString(`${str.slice(0, str.length - s.maxFrac)}.${str.slice(str.length - s.maxFrac)}`);
}

// Plain text of a decimal with at least `minFrac` fraction digits.
function decimalText(decimal, minFrac = 0) {
  const { int, frac } = splitDecimal(decimal, 1, minFrac);
  return frac ? `${int}.${frac}` : int;
}

function splitDecimal(decimal, minInt, minFrac) {
  const { digits, point } = decimal;
  let int;
  let frac;
  if (digits === '') {
    int = '0';
    frac = '';
  } else if (point <= 0) {
    int = '0';
    frac = '0'.repeat(-point) + digits;
  } else {
    int = digits.slice(0, point).padEnd(point, '0');
    frac = digits.slice(point);
  }
  if (int.length < minInt) int = int.padStart(minInt, '0');
  if (frac.length < minFrac) frac = frac.padEnd(minFrac, '0');
  return { int, frac };
}

// English cardinal plural category of a formatted number's digits.
function pluralOf(int, frac) {
  return int === '1' && frac === '' ? 'one' : 'other';
}

// --- options ----------------------------------------------------------------------------

const kStyles = ['decimal', 'percent', 'currency', 'unit'];
const kRoundingModes = ['ceil', 'floor', 'expand', 'trunc', 'halfCeil', 'halfFloor', 'halfExpand', 'halfTrunc', 'halfEven'];
const kIncrements = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000];
const kSimpleUnits = Object.keys(data.units);

function isWellFormedUnit(unit) {
  if (kSimpleUnits.includes(unit)) return true;
  const per = unit.split('-per-');
  return per.length === 2 && kSimpleUnits.includes(per[0]) && kSimpleUnits.includes(per[1]);
}

// SetNumberFormatDigitOptions.
function digitOptions(options, s, defMinFrac, defMaxFrac, notation) {
  s.minInt = getNumberOption(options, 'minimumIntegerDigits', 1, 21, 1);
  const mnfd = options.minimumFractionDigits;
  const mxfd = options.maximumFractionDigits;
  const mnsd = options.minimumSignificantDigits;
  const mxsd = options.maximumSignificantDigits;
  s.roundingIncrement = getNumberOption(options, 'roundingIncrement', 1, 5000, 1);
  if (!kIncrements.includes(s.roundingIncrement)) throw new RangeError('roundingIncrement value is out of range.');
  s.roundingMode = getOption(options, 'roundingMode', 'string', kRoundingModes, 'halfExpand', kService);
  s.roundingPriority = getOption(options, 'roundingPriority', 'string', ['auto', 'morePrecision', 'lessPrecision'], 'auto', kService);
  s.trailingZeroDisplay = getOption(options, 'trailingZeroDisplay', 'string', ['auto', 'stripIfInteger'], 'auto', kService);
  if (s.roundingIncrement !== 1) defMaxFrac = defMinFrac;
  const hasSd = mnsd !== undefined || mxsd !== undefined;
  const hasFd = mnfd !== undefined || mxfd !== undefined;
  let needSd = true;
  let needFd = true;
  if (s.roundingPriority === 'auto') {
    needSd = hasSd;
    if (needSd || (!hasFd && notation === 'compact')) needFd = false;
  }
  if (needSd) {
    if (hasSd) {
      s.minSig = getNumberOption(options, 'minimumSignificantDigits', 1, 21, 1);
      s.maxSig = getNumberOption(options, 'maximumSignificantDigits', s.minSig, 21, 21);
    } else {
      s.minSig = 1;
      s.maxSig = 21;
    }
  }
  if (needFd) {
    if (hasFd) {
      let min = getNumberOption(options, 'minimumFractionDigits', 0, 100, undefined);
      let max = getNumberOption(options, 'maximumFractionDigits', 0, 100, undefined);
      if (min === undefined) min = Math.min(defMinFrac, max);
      else if (max === undefined) max = Math.max(defMaxFrac, min);
      else if (min > max) throw new RangeError('maximumFractionDigits value is out of range.');
      s.minFrac = min;
      s.maxFrac = max;
    } else {
      s.minFrac = defMinFrac;
      s.maxFrac = defMaxFrac;
    }
  }
  if (!needSd && !needFd) {
    // Compact notation's own rounding: two significant digits below 100, integers above.
    s.minFrac = 0;
    s.maxFrac = 0;
    s.minSig = 1;
    s.maxSig = 2;
    s.roundingType = 'morePrecision';
    s.compactRounding = true;
  } else if (s.roundingPriority === 'auto') {
    s.roundingType = needSd ? 'significant' : 'fraction';
  } else {
    s.roundingType = s.roundingPriority;
  }
  if (s.roundingIncrement !== 1) {
    if (s.roundingType !== 'fraction') throw new TypeError('roundingIncrement is only valid with fraction rounding');
    if (s.maxFrac !== s.minFrac) throw new RangeError('maximumFractionDigits not equal to minimumFractionDigits');
  }
}

const states = new WeakMap();

function NumberFormat(locales, options) {
  const target = new.target === undefined ? NumberFormat : new.target;
  const self = Object.create(target.prototype);
  const requested = canonicalizeLocaleList(locales);
  options = toOptions(options);
  getOption(options, 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', kService);
  const nu = getKeywordOption(options, 'numberingSystem', kService);
  const { locale, keywords } = resolveLocale(requested, ['nu']);
  const s = { locale: withKeywords(locale, keywords, nu === undefined ? [] : ['nu']), numberingSystem: 'latn' };
  s.style = getOption(options, 'style', 'string', kStyles, 'decimal', kService);
  const currency = getOption(options, 'currency', 'string', undefined, undefined, kService);
  if (currency !== undefined && !/^[A-Za-z]{3}$/.test(currency)) throw new RangeError(`Invalid currency code : ${currency}`);
  const currencyDisplay = getOption(options, 'currencyDisplay', 'string', ['code', 'symbol', 'narrowSymbol', 'name'], 'symbol', kService);
  const currencySign = getOption(options, 'currencySign', 'string', ['standard', 'accounting'], 'standard', kService);
  const unit = getOption(options, 'unit', 'string', undefined, undefined, kService);
  if (unit !== undefined && !isWellFormedUnit(unit)) throw new RangeError(`Invalid unit argument for Intl.NumberFormat() '${unit}'`);
  const unitDisplay = getOption(options, 'unitDisplay', 'string', ['short', 'narrow', 'long'], 'short', kService);
  if (s.style === 'currency') {
    if (currency === undefined) throw new TypeError('Currency code is required with currency style.');
    s.currency = currency.toUpperCase();
    s.currencyDisplay = currencyDisplay;
    s.currencySign = currencySign;
  }
  if (s.style === 'unit') {
    if (unit === undefined) throw new TypeError("Invalid unit argument for Intl.NumberFormat() ''");
    s.unit = unit;
    s.unitDisplay = unitDisplay;
  }
  s.notation = getOption(options, 'notation', 'string', ['standard', 'scientific', 'engineering', 'compact'], 'standard', kService);
  let defMin = 0;
  let defMax = 3;
  if (s.style === 'currency' && s.notation === 'standard') {
    const digits = data.currencies[s.currency]?.[4] ?? 2;
    defMin = digits;
    defMax = digits;
  } else if (s.style === 'percent') {
    defMax = 0;
  }
  digitOptions(options, s, defMin, defMax, s.notation);
  s.compactDisplay = getOption(options, 'compactDisplay', 'string', ['short', 'long'], 'short', kService);
  const defaultGrouping = s.notation === 'compact' ? 'min2' : 'auto';
  const grouping = options.useGrouping;
  if (grouping === undefined) s.useGrouping = defaultGrouping;
  else if (grouping === true) s.useGrouping = 'always';
  else if (!grouping) s.useGrouping = false;
  else {
    const g = String(grouping);
    if (g === 'true' || g === 'false') s.useGrouping = defaultGrouping;
    else if (['min2', 'auto', 'always'].includes(g)) s.useGrouping = g;
    else throw new RangeError(`Value ${g} out of range for Intl.NumberFormat options property useGrouping`);
  }
  s.signDisplay = getOption(options, 'signDisplay', 'string', ['auto', 'never', 'always', 'exceptZero', 'negative'], 'auto', kService);
  states.set(self, s);
  return self;
}

// --- formatting -------------------------------------------------------------------------

const kCompactShort = ['', 'K', 'M', 'B', 'T'];
const kCompactLong = ['', 'thousand', 'million', 'billion', 'trillion'];

function groupInteger(int, useGrouping, parts) {
  const grouped = useGrouping === false ? false : useGrouping === 'min2' ? int.length >= 5 : int.length > 3;
  if (!grouped) {
    parts.push({ type: 'integer', value: int });
    return;
  }
  const head = int.length % 3 || 3;
  parts.push({ type: 'integer', value: int.slice(0, head) });
  for (let i = head; i < int.length; i += 3) {
    parts.push({ type: 'group', value: ',' });
    parts.push({ type: 'integer', value: int.slice(i, i + 3) });
  }
}

// The number's own parts (no sign, currency or unit), and what the rest needs to know:
// { parts, isZero, plural }.
function numberParts(s, value) {
  const parts = [];
  if (value.kind === 'nan') return { parts: [{ type: 'nan', value: 'NaN' }], isZero: false, plural: 'other' };
  if (value.kind === 'infinity') return { parts: [{ type: 'infinity', value: '∞' }], isZero: false, plural: 'other' };
  let decimal = value.decimal;
  if (s.style === 'percent') decimal = decimal.digits === '' ? decimal : { digits: decimal.digits, point: decimal.point + 2 };
  let exponent = 0;
  let compact = 0;
  let rounded;
  if (s.notation === 'scientific' || s.notation === 'engineering') {
    const place = (d) => {
      const mag = d.digits === '' ? 0 : d.point - 1;
      return s.notation === 'engineering' ? Math.floor(mag / 3) * 3 : mag;
    };
    exponent = place(decimal);
    rounded = roundDecimal({ digits: decimal.digits, point: decimal.point - exponent }, s, value.negative);
    const again = place({ digits: rounded.decimal.digits, point: rounded.decimal.point + exponent });
    if (again !== exponent) {
      exponent = again;
      rounded = roundDecimal({ digits: decimal.digits, point: decimal.point - exponent }, s, value.negative);
    }
  } else if (s.notation === 'compact') {
    const groupOf = (d) => (d.digits === '' ? 0 : Math.min(Math.max(Math.floor((d.point - 1) / 3), 0), 4));
    compact = groupOf(decimal);
    rounded = roundDecimal({ digits: decimal.digits, point: decimal.point - 3 * compact }, s, value.negative);
    const again = groupOf({ digits: rounded.decimal.digits, point: rounded.decimal.point + 3 * compact });
    if (again !== compact) {
      compact = again;
      rounded = roundDecimal({ digits: decimal.digits, point: decimal.point - 3 * compact }, s, value.negative);
    }
  } else {
    rounded = roundDecimal(decimal, s, value.negative);
  }
  let minFrac = rounded.minFrac;
  if (s.trailingZeroDisplay === 'stripIfInteger' && rounded.decimal.point >= rounded.decimal.digits.length) minFrac = 0;
  const { int, frac } = splitDecimal(rounded.decimal, s.minInt, minFrac);
  groupInteger(int, s.useGrouping, parts);
  if (frac) {
    parts.push({ type: 'decimal', value: '.' });
    parts.push({ type: 'fraction', value: frac });
  }
  if (exponent !== 0 || s.notation === 'scientific' || s.notation === 'engineering') {
    parts.push({ type: 'exponentSeparator', value: 'E' });
    if (exponent < 0) parts.push({ type: 'exponentMinusSign', value: '-' });
    parts.push({ type: 'exponentInteger', value: String(Math.abs(exponent)) });
  }
  if (compact > 0) {
    if (s.compactDisplay === 'long') {
      parts.push({ type: 'literal', value: ' ' });
      parts.push({ type: 'compact', value: kCompactLong[compact] });
    } else {
      parts.push({ type: 'compact', value: kCompactShort[compact] });
    }
  }
  return { parts, isZero: rounded.decimal.digits === '', plural: compact > 0 || exponent !== 0 ? 'other' : pluralOf(int, frac) };
}

// The sign a number shows, by signDisplay: '-', '+' or ''.
function signOf(s, value, isZero) {
  const negative = value.negative;
  switch (s.signDisplay) {
    case 'never': return '';
    case 'always': return negative ? '-' : '+';
    case 'exceptZero':
      if (value.kind === 'nan' || isZero) return '';
      return negative ? '-' : '+';
    case 'negative': return negative && !isZero && value.kind !== 'nan' ? '-' : '';
    default: return negative ? '-' : '';
  }
}

// A pattern with {0} for the number, as parts: the text around it a literal where it is
// space and `type` where it is not.
function patternParts(pattern, type, numberPartsList) {
  const parts = [];
  const [before, after] = pattern.split('{0}');
  const addText = (text) => {
    const m = /^(\s*)(.*?)(\s*)$/su.exec(text);
    if (m[1]) parts.push({ type: 'literal', value: m[1] });
    if (m[2]) parts.push({ type, value: m[2] });
    if (m[3]) parts.push({ type: 'literal', value: m[3] });
  };
  addText(before);
  parts.push(...numberPartsList);
  addText(after);
  return parts;
}

function unitPattern(unit, display, plural) {
  const d = ['short', 'long', 'narrow'].indexOf(display);
  const k = plural === 'one' ? 0 : 1;
  if (data.units[unit]) return data.units[unit][d][k];
  if (data.compounds[unit]) return data.compounds[unit][d][k];
  const [a, b] = unit.split('-per-');
  return data.perPatterns[b][d][k].replace('{1}', data.units[a][d][k]);
}

function formatToPartsOf(s, x) {
  const value = mathematicalValue(x);
  const { parts: num, isZero, plural } = numberParts(s, value);
  const sign = signOf(s, value, isZero);
  const signPart = sign === '' ? [] : [{ type: sign === '-' ? 'minusSign' : 'plusSign', value: sign }];
  if (s.style === 'percent') return [...signPart, ...num, { type: 'percentSign', value: '%' }];
  if (s.style === 'unit') {
    return patternParts(unitPattern(s.unit, s.unitDisplay, plural), 'unit', [...signPart, ...num]);
  }
  if (s.style === 'currency') {
    const info = data.currencies[s.currency];
    if (s.currencyDisplay === 'name') {
      const name = info ? info[plural === 'one' ? 2 : 3] : s.currency;
      return [...signPart, ...num, { type: 'literal', value: ' ' }, { type: 'currency', value: name }];
    }
    const symbol = s.currencyDisplay === 'code' || !info ? s.currency : info[s.currencyDisplay === 'narrowSymbol' ? 1 : 0];
    const currency = [{ type: 'currency', value: symbol }];
    // CLDR's currency spacing: a symbol that ends in a letter is kept apart from the digits.
    if (!/\p{S}$/u.test(symbol)) currency.push({ type: 'literal', value: '\u00a0' });
    if (s.currencySign === 'accounting' && sign === '-') {
      return [{ type: 'literal', value: '(' }, ...currency, ...num, { type: 'literal', value: ')' }];
    }
    return [...signPart, ...currency, ...num];
  }
  return [...signPart, ...num];
}

const join = (parts) => parts.map((p) => p.value).join('');

function formatRangeParts(s, start, end) {
  if (start === undefined || end === undefined) throw new TypeError('start or end is undefined');
  const a = mathematicalValue(start);
  const b = mathematicalValue(end);
  if (a.kind === 'nan') throw new RangeError(`Invalid start : ${start}`);
  if (b.kind === 'nan') throw new RangeError(`Invalid end : ${end}`);
  const pa = formatToPartsOf(s, start);
  const pb = formatToPartsOf(s, end);
  if (join(pa) === join(pb)) {
    return [{ type: 'approximatelySign', value: '~', source: 'shared' }, ...pa.map((p) => ({ ...p, source: 'shared' }))];
  }
  // A unit or percent sign the two share is written once, after the range, where neither
  // has a sign of its own (ICU's collapsing of identical affixes).
  const isAffix = (p) => p.type === 'unit' || p.type === 'percentSign' || p.type === 'compact';
  const suffix = (parts) => {
    let i = parts.length;
    while (i > 0 && (isAffix(parts[i - 1]) || (parts[i - 1].type === 'literal' && i < parts.length))) i--;
    return parts.slice(i);
  };
  const sa = suffix(pa);
  const sb = suffix(pb);
  const signed = (p) => p.some((x) => x.type === 'minusSign' || x.type === 'plusSign');
  if (s.style === 'unit' && sa.length > 0 && join(sa) === join(sb) && !signed(pa) && !signed(pb)) {
    return [
      ...pa.slice(0, pa.length - sa.length).map((p) => ({ ...p, source: 'startRange' })),
      { type: 'literal', value: '–', source: 'shared' },
      ...pb.slice(0, pb.length - sb.length).map((p) => ({ ...p, source: 'endRange' })),
      ...sb.map((p) => ({ ...p, source: 'shared' })),
    ];
  }
  const spaced = s.style !== 'decimal' || s.notation === 'compact' || signed(pa) || signed(pb);
  return [
    ...pa.map((p) => ({ ...p, source: 'startRange' })),
    { type: 'literal', value: spaced ? ' – ' : '–', source: 'shared' },
    ...pb.map((p) => ({ ...p, source: 'endRange' })),
  ];
}

function boundFormat(self) {
  const state = typeof self === 'object' && self !== null ? states.get(self) : undefined;
  if (state === undefined) {
    // V8's words: it looks for a legacy NumberFormat behind the receiver, and names that.
    const shown = typeof self === 'object' && self !== null ? 'undefined' : String(self);
    throw new TypeError(`Method UnwrapNumberFormat called on incompatible receiver ${shown}`);
  }
  if (state.boundFormat === undefined) {
    state.boundFormat = (x) => join(formatToPartsOf(state, x));
  }
  return state.boundFormat;
}

Object.defineProperties(NumberFormat.prototype, {
  format: { __proto__: null, configurable: true, get() { return boundFormat(this); } },
  formatToParts: {
    __proto__: null,
    configurable: true,
    writable: true,
    value: function formatToParts(x) {
      return formatToPartsOf(checkReceiver(this, states, 'Intl.NumberFormat.prototype.formatToParts'), x);
    },
  },
  formatRange: {
    __proto__: null,
    configurable: true,
    writable: true,
    value: function formatRange(start, end) {
      return join(formatRangeParts(checkReceiver(this, states, 'Intl.NumberFormat.prototype.formatRange'), start, end));
    },
  },
  formatRangeToParts: {
    __proto__: null,
    configurable: true,
    writable: true,
    value: function formatRangeToParts(start, end) {
      return formatRangeParts(checkReceiver(this, states, 'Intl.NumberFormat.prototype.formatRangeToParts'), start, end);
    },
  },
  resolvedOptions: {
    __proto__: null,
    configurable: true,
    writable: true,
    value: function resolvedOptions() {
      const s = checkReceiver(this, states, 'Intl.NumberFormat.prototype.resolvedOptions');
      const out = { locale: s.locale, numberingSystem: s.numberingSystem, style: s.style };
      if (s.style === 'currency') Object.assign(out, { currency: s.currency, currencyDisplay: s.currencyDisplay, currencySign: s.currencySign });
      if (s.style === 'unit') Object.assign(out, { unit: s.unit, unitDisplay: s.unitDisplay });
      out.minimumIntegerDigits = s.minInt;
      const both = s.roundingType === 'morePrecision' || s.roundingType === 'lessPrecision';
      if (s.roundingType === 'significant' || both) {
        out.minimumSignificantDigits = s.minSig;
        out.maximumSignificantDigits = s.maxSig;
      }
      if (s.roundingType === 'fraction' || both) {
        out.minimumFractionDigits = s.minFrac;
        out.maximumFractionDigits = s.maxFrac;
      }
      out.useGrouping = s.useGrouping;
      out.notation = s.notation;
      if (s.notation === 'compact') out.compactDisplay = s.compactDisplay;
      out.signDisplay = s.signDisplay;
      out.roundingMode = s.roundingMode;
      out.roundingIncrement = s.roundingIncrement;
      out.trailingZeroDisplay = s.trailingZeroDisplay;
      out.roundingPriority = s.roundingPriority === 'auto' && s.compactRounding ? 'morePrecision' : s.roundingPriority;
      return out;
    },
  },
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'Intl.NumberFormat' },
});

defineMethods(NumberFormat, {
  supportedLocalesOf(locales, options) {
    return supportedLocalesOf(locales, options);
  },
});

// Number.prototype.toLocaleString and BigInt's: a format made for the call (a cached one
// for the usual call without arguments).
let defaultFormat;
function formatNumber(x, locales, options) {
  if (locales === undefined && options === undefined) {
    defaultFormat ??= new NumberFormat();
    return boundFormat(defaultFormat)(x);
  }
  return boundFormat(new NumberFormat(locales, options))(x);
}

module.exports = { NumberFormat, formatNumber, mathematicalValue, roundDecimal, splitDecimal, decimalText, digitOptions };
