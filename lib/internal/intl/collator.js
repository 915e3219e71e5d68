'use strict';
// Intl.Collator and String.prototype.localeCompare, by the Unicode root collation's levels
// as English uses it: letters before their accented forms before their capitals, the
// three levels compared in turn (base letters, accents, case), spaces and punctuation in
// CLDR's order ahead of digits ahead of letters, numeric ordering of digit runs, and the
// sensitivity, caseFirst, ignorePunctuation and usage options.
//
// The order is CLDR's for ASCII and the Latin letters with accents; other scripts follow
// Latin in code point order (which keeps each script together, as CLDR's order does).

const {
  canonicalizeLocaleList, resolveLocale, withKeywords, supportedLocalesOf, toOptions, getOption,
  getKeywordOption, checkReceiver, defineMethods,
} = require('internal/intl/core');

const kService = 'Intl.Collator';
const states = new WeakMap();

// CLDR root order of ASCII's spaces, punctuation and symbols.
const kPunctuationOrder = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
// Letters that sort as others with an accent (ø as o, ł as l) or as two letters (æ as ae,
// with a tertiary difference).
const kAccented = { ø: ['o', '\u0338'], Ø: ['O', '\u0338'], ł: ['l', '\u0335'], Ł: ['L', '\u0335'], đ: ['d', '\u0335'], Đ: ['D', '\u0335'] };
const kExpanded = { æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ß: 'ss', ĳ: 'ij', Ĳ: 'IJ' };

const kDigit = 100;
const kLatin = 200;
const kOtherLetter = 1000;

// A string's collation elements: { primary, num (a digit run's value, numeric only),
// accents, tertiary, variable (a space or punctuation) }.
function elementsOf(text, numeric) {
  const out = [];
  const chars = [...text.normalize('NFD')];
  for (let i = 0; i < chars.length; i++) {
    let ch = chars[i];
    if (/\p{M}/u.test(ch)) {
      if (out.length > 0) out[out.length - 1].accents += ch;
      continue;
    }
    if (kExpanded[ch] !== undefined) {
      for (const c of kExpanded[ch]) out.push(letter(c, 2));
      continue;
    }
    // A compatibility form (the ligature ﬃ, a full-width letter) sorts as what it stands
    // for, a tertiary difference apart.
    const compatible = ch.normalize('NFKD');
    if (compatible !== ch) {
      const sub = elementsOf(compatible, numeric);
      for (const e of sub) e.tertiary += 2;
      out.push(...sub);
      continue;
    }
    let accent = '';
    if (kAccented[ch] !== undefined) [ch, accent] = kAccented[ch];
    if (ch >= '0' && ch <= '9') {
      if (numeric) {
        let run = ch;
        while (i + 1 < chars.length && chars[i + 1] >= '0' && chars[i + 1] <= '9') run += chars[++i];
        out.push({ primary: kDigit, num: BigInt(run), accents: '', tertiary: 0, variable: false });
      } else {
        out.push({ primary: kDigit + Number(ch), num: 0n, accents: '', tertiary: 0, variable: false });
      }
      continue;
    }
    const p = kPunctuationOrder.indexOf(ch);
    if (p !== -1) {
      out.push({ primary: p, num: 0n, accents: '', tertiary: 0, variable: true });
      continue;
    }
    if (/[\s\p{P}\p{S}]/u.test(ch)) {
      // Other spaces with the space; other punctuation and symbols after ASCII's.
      const primary = /\s/u.test(ch) ? 0 : kPunctuationOrder.length + ch.codePointAt(0) / 0x110000;
      out.push({ primary, num: 0n, accents: '', tertiary: 0, variable: true });
      continue;
    }
    const e = letter(ch, 0);
    e.accents = accent;
    out.push(e);
  }
  return out;
}

function letter(ch, tertiary) {
  const lower = ch.toLowerCase();
  const upper = lower !== ch;
  let primary;
  if (lower >= 'a' && lower <= 'z' && lower.length === 1) primary = kLatin + lower.charCodeAt(0) - 97;
  else primary = kOtherLetter + (lower.codePointAt(0) ?? 0);
  return { primary, num: 0n, accents: '', tertiary: tertiary + (upper ? 1 : 0), upper, variable: false };
}

function compareNumbers(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Each ASCII character's element, made once by the general path (ASCII has no accents or
// expansions, so a string of it needs no normalization); digits are left to that path
// when runs of them compare as numbers.
const kAsciiElements = [];
for (let code = 0; code < 128; code++) kAsciiElements.push(elementsOf(String.fromCharCode(code), false)[0]);
const kAscii = /^[\x00-\x7f]*$/;

function asciiElementsOf(text, numeric) {
  const out = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (numeric && code >= 48 && code <= 57) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      out.push({ primary: kDigit, num: BigInt(text.slice(i, j)), accents: '', tertiary: 0, variable: false });
      i = j - 1;
    } else {
      out.push(kAsciiElements[code]);
    }
  }
  return out;
}

// A string's elements under the collator's settings, kept for the next comparisons (a sort
// compares each string many times).
const kKeyCacheSize = 20000;
function keyOf(s, text) {
  let key = s.keys.get(text);
  if (key !== undefined) return key;
  key = kAscii.test(text) ? asciiElementsOf(text, s.numeric) : elementsOf(text, s.numeric);
  if (s.ignorePunctuation) key = key.filter((e) => !e.variable);
  if (s.keys.size >= kKeyCacheSize) s.keys.clear();
  s.keys.set(text, key);
  return key;
}

function compareElements(s, a, b) {
  const ea = keyOf(s, a);
  const eb = keyOf(s, b);
  // Primary: base letters, digits and punctuation.
  const n = Math.min(ea.length, eb.length);
  for (let i = 0; i < n; i++) {
    const pa = ea[i].primary;
    const pb = eb[i].primary;
    if (pa !== pb) return pa < pb ? -1 : 1;
    // Digit runs read as numbers share one primary weight; their values order them.
    if (pa === kDigit && s.numeric) {
      const c = compareNumbers(ea[i].num, eb[i].num);
      if (c !== 0) return c;
    }
  }
  if (ea.length !== eb.length) return ea.length < eb.length ? -1 : 1;
  if (s.sensitivity === 'base') return 0;
  // Secondary: accents.
  if (s.sensitivity !== 'case') {
    for (let i = 0; i < n; i++) {
      if (ea[i].accents !== eb[i].accents) return ea[i].accents < eb[i].accents ? -1 : 1;
    }
  }
  if (s.sensitivity === 'accent') return 0;
  // Tertiary: case (lowercase first unless caseFirst is "upper"), and the two-letter forms.
  for (let i = 0; i < n; i++) {
    let ta = ea[i].tertiary;
    let tb = eb[i].tertiary;
    if (s.caseFirst === 'upper') {
      ta = (ta & ~1) | (ea[i].upper ? 0 : 1);
      tb = (tb & ~1) | (eb[i].upper ? 0 : 1);
    }
    if (ta !== tb) return ta < tb ? -1 : 1;
  }
  return 0;
}

function Collator(locales, options) {
  const target = new.target === undefined ? Collator : new.target;
  const self = Object.create(target.prototype);
  states.set(self, createState(locales, options));
  return self;
}

function createState(locales, options) {
  const requested = canonicalizeLocaleList(locales);
  options = toOptions(options);
  const usage = getOption(options, 'usage', 'string', ['sort', 'search'], 'sort', kService);
  getOption(options, 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', kService);
  getKeywordOption(options, 'collation', kService);
  const numericOption = getOption(options, 'numeric', 'boolean', undefined, undefined, kService);
  const caseFirstOption = getOption(options, 'caseFirst', 'string', ['upper', 'lower', 'false'], undefined, kService);
  const { locale, keywords } = resolveLocale(requested, ['kn', 'kf']);
  const numeric = numericOption ?? (keywords.has('kn') ? keywords.get('kn') === 'true' : false);
  const caseFirst = caseFirstOption ?? (['upper', 'lower', 'false'].includes(keywords.get('kf')) ? keywords.get('kf') : 'false');
  const dropped = [...(numericOption === undefined ? [] : ['kn']), ...(caseFirstOption === undefined ? [] : ['kf'])];
  const resolvedLocale = withKeywords(locale, keywords, dropped);
  const sensitivity = getOption(options, 'sensitivity', 'string', ['base', 'accent', 'case', 'variant'], 'variant', kService);
  const ignorePunctuation = getOption(options, 'ignorePunctuation', 'boolean', undefined, false, kService);
  return {
    locale: resolvedLocale, usage, sensitivity, ignorePunctuation, collation: 'default', numeric, caseFirst,
    keys: new Map(),
  };
}

Object.defineProperties(Collator.prototype, {
  compare: {
    __proto__: null,
    configurable: true,
    get() {
      const s = typeof this === 'object' && this !== null ? states.get(this) : undefined;
      if (s === undefined) {
        throw new TypeError(`Method get Intl.Collator.prototype.compare called on incompatible receiver ${
          typeof this === 'object' && this !== null ? `#<${this.constructor?.name ?? 'Object'}>` : String(this)}`);
      }
      s.boundCompare ??= (a, b) => compareElements(s, String(a), String(b));
      return s.boundCompare;
    },
  },
  resolvedOptions: {
    __proto__: null,
    configurable: true,
    writable: true,
    value: function resolvedOptions() {
      const s = checkReceiver(this, states, 'Intl.Collator.prototype.resolvedOptions');
      return {
        locale: s.locale, usage: s.usage, sensitivity: s.sensitivity, ignorePunctuation: s.ignorePunctuation,
        collation: s.collation, numeric: s.numeric, caseFirst: s.caseFirst,
      };
    },
  },
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'Intl.Collator' },
});

defineMethods(Collator, {
  supportedLocalesOf(locales, options) {
    return supportedLocalesOf(locales, options);
  },
});

// String.prototype.localeCompare: the usual call without locales or options shares one
// collator's state.
let defaultState;
// States for the locales and options a program passes again and again (a sort's
// `localeCompare(b, 'en', { numeric: true })`), by their text where they are plain.
const stateCache = new Map();
function compareStrings(a, b, locales, options) {
  if (locales === undefined && options === undefined) {
    defaultState ??= createState();
    return compareElements(defaultState, a, b);
  }
  const key = cacheKey(locales, options);
  if (key === undefined) return compareElements(createState(locales, options), a, b);
  let state = stateCache.get(key);
  if (state === undefined) {
    state = createState(locales, options);
    if (stateCache.size >= 32) stateCache.clear();
    stateCache.set(key, state);
  }
  return compareElements(state, a, b);
}

// A text naming `locales` and `options` when both are plain (a string or undefined, and
// undefined or an ordinary object of primitives), else undefined.
function cacheKey(locales, options) {
  if (locales !== undefined && typeof locales !== 'string') return undefined;
  if (options === undefined) return `${locales}`;
  if (typeof options !== 'object' || options === null || Object.getPrototypeOf(options) !== Object.prototype) {
    return undefined;
  }
  let key = `${locales}`;
  for (const name of Object.keys(options)) {
    const value = options[name];
    if (value !== null && typeof value === 'object') return undefined;
    if (typeof value === 'function' || typeof value === 'symbol') return undefined;
    key += `|${name}=${typeof value}:${String(value)}`;
  }
  return key;
}

module.exports = { Collator, compareStrings };
