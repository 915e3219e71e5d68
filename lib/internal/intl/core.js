'use strict';
// What every Intl service shares: BCP 47 language tags (parsed, checked and put in
// canonical case), locale negotiation and the option readers of ECMA-402.
//
// unode carries English data only, as a Node built with small-icu does: a request for any
// English locale resolves to the one asked for when it is "en" or "en-US", to "en" for
// another region's English, and anything else to the default locale, "en-US".

const kDefaultLocale = 'en-US';

// A tag's parts (lowercase, as given), or null when it is not a well-formed Unicode locale
// identifier.
function parseTag(tag) {
  const subtags = tag.toLowerCase().split('-');
  let i = 0;
  const next = () => subtags[i];
  const result = { language: '', script: '', region: '', variants: [], extensions: [], privateUse: '' };
  const lang = next();
  if (!/^([a-z]{2,3}|[a-z]{5,8})$/.test(lang)) {
    return null;
  }
  result.language = lang;
  i++;
  if (i < subtags.length && /^[a-z]{4}$/.test(next())) result.script = subtags[i++];
  if (i < subtags.length && /^([a-z]{2}|\d{3})$/.test(next())) result.region = subtags[i++];
  while (i < subtags.length && /^([a-z0-9]{5,8}|\d[a-z0-9]{3})$/.test(next())) {
    if (result.variants.includes(next())) return { duplicateVariant: true };
    result.variants.push(subtags[i++]);
  }
  const singletons = new Set();
  while (i < subtags.length) {
    const singleton = subtags[i];
    if (!/^[a-z0-9]$/.test(singleton)) return null;
    if (singleton === 'x') {
      const rest = subtags.slice(i + 1);
      if (rest.length === 0 || !rest.every((s) => /^[a-z0-9]{1,8}$/.test(s))) return null;
      result.privateUse = rest.join('-');
      break;
    }
    if (singletons.has(singleton)) return null;
    singletons.add(singleton);
    i++;
    const start = i;
    while (i < subtags.length && /^[a-z0-9]{2,8}$/.test(subtags[i])) i++;
    if (i === start) return null;
    result.extensions.push([singleton, subtags.slice(start, i)]);
  }
  return result;
}

// The parts of a -u- extension: attributes, then key → type (types joined by "-";
// "true" for a key given without one).
function unicodeKeywords(parts) {
  const keywords = new Map();
  let key = null;
  for (const p of parts) {
    if (p.length === 2) {
      key = p;
      if (!keywords.has(key)) keywords.set(key, []);
    } else if (key !== null) {
      keywords.get(key).push(p);
    }
  }
  return new Map([...keywords].map(([k, v]) => [k, v.join('-') || 'true']));
}

function tagOf(parts) {
  let tag = parts.language;
  if (parts.script) tag += `-${parts.script[0].toUpperCase()}${parts.script.slice(1)}`;
  if (parts.region) tag += `-${parts.region.toUpperCase()}`;
  for (const v of parts.variants) tag += `-${v}`;
  const extensions = [...parts.extensions].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [singleton, subtags] of extensions) {
    if (singleton === 'u') {
      const keywords = unicodeKeywords(subtags);
      const attributes = subtags.slice(0, subtags.findIndex((s) => s.length === 2) >>> 0);
      let ext = attributes.join('-');
      for (const key of [...keywords.keys()].sort()) {
        const type = keywords.get(key);
        ext += `${ext ? '-' : ''}${key}${type === 'true' ? '' : `-${type}`}`;
      }
      tag += `-u${ext ? `-${ext}` : ''}`;
    } else {
      tag += `-${singleton}-${subtags.join('-')}`;
    }
  }
  if (parts.privateUse) tag += `-x-${parts.privateUse}`;
  return tag;
}

function localeError() {
  return new RangeError('Incorrect locale information provided');
}

function canonicalizeTag(tag) {
  const parts = parseTag(tag);
  if (parts === null) throw localeError();
  if (parts.duplicateVariant) throw new RangeError(`Invalid language tag: ${tag}`);
  return tagOf(parts);
}

// CanonicalizeLocaleList: the requested tags, canonical and without duplicates.
function canonicalizeLocaleList(locales) {
  if (locales === undefined) return [];
  const { Locale } = require('internal/intl/locale');
  const list = typeof locales === 'string' || locales instanceof Locale ? [locales] : Object(locales);
  const seen = [];
  const length = Math.min(Math.max(Math.trunc(Number(list.length)) || 0, 0), 2 ** 32 - 1);
  for (let i = 0; i < length; i++) {
    if (!(i in list)) continue;
    const item = list[i];
    if (typeof item !== 'string' && (typeof item !== 'object' || item === null)) {
      throw new TypeError('Language ID should be string or object.');
    }
    const tag = item instanceof Locale ? item.toString() : canonicalizeTag(String(item));
    if (!seen.includes(tag)) seen.push(tag);
  }
  return seen;
}

// The -u- keyword values the services here support.
const kSupportedKeywords = {
  ca: ['gregory'],
  nu: ['latn'],
  hc: ['h11', 'h12', 'h23', 'h24'],
  kn: ['true', 'false'],
  kf: ['upper', 'lower', 'false'],
};

// The locale a service uses for `requested` (see above), and the -u- keywords among `keys`
// that the tag asks for with values supported here: { locale, keywords }.
function resolveLocale(requested, keys) {
  let locale = kDefaultLocale;
  let keywords = new Map();
  for (const tag of requested) {
    const parts = parseTag(tag);
    if (parts.language !== 'en') continue;
    locale = !parts.region || parts.region === 'us' ? (parts.region ? 'en-US' : 'en') : 'en';
    const u = parts.extensions.find(([s]) => s === 'u');
    if (u) keywords = unicodeKeywords(u[1]);
    break;
  }
  const kept = new Map();
  for (const key of keys) {
    if (keywords.has(key) && kSupportedKeywords[key]?.includes(keywords.get(key))) kept.set(key, keywords.get(key));
  }
  return { locale, keywords: kept };
}

// `locale` with the keywords of `keywords` not in `dropped`, as a resolved locale names them.
function withKeywords(locale, keywords, dropped = []) {
  const kept = [...keywords].filter(([k]) => !dropped.includes(k)).sort(([a], [b]) => (a < b ? -1 : 1));
  if (kept.length === 0) return locale;
  return `${locale}-u-${kept.map(([k, v]) => (v === 'true' ? k : `${k}-${v}`)).join('-')}`;
}

// The tags of `locales` a service has data for.
function supportedLocalesOf(locales, options) {
  const requested = canonicalizeLocaleList(locales);
  if (options !== undefined) {
    getOption(toOptions(options), 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', 'Intl');
  }
  return requested.filter((tag) => parseTag(tag).language === 'en');
}

// The options argument as an object (undefined: none).
function toOptions(options) {
  if (options === undefined) return { __proto__: null };
  if (options === null) throw new TypeError('Cannot convert undefined or null to object');
  return Object(options);
}

// GetOption: `options[name]` as a boolean or string, one of `values` when given.
function getOption(options, name, type, values, fallback, service) {
  let value = options[name];
  if (value === undefined) return fallback;
  value = type === 'boolean' ? Boolean(value) : String(value);
  if (values !== undefined && !values.includes(value)) {
    throw new RangeError(`Value ${value} out of range for ${service} options property ${name}`);
  }
  return value;
}

// A -u- keyword's value given as an option (calendar, collation, numberingSystem): a
// Unicode locale type (3–8 letters or digits, in parts), or a RangeError naming it.
function getKeywordOption(options, name, service) {
  const value = getOption(options, name, 'string', undefined, undefined, service);
  if (value !== undefined && !isLocaleType(value)) throw new RangeError(`Invalid ${name} : ${value}`);
  return value;
}

function isLocaleType(value) {
  return /^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(value);
}

// GetNumberOption: an integer in [min, max], or `fallback` when not given.
function getNumberOption(options, name, min, max, fallback) {
  const value = options[name];
  if (value === undefined) return fallback;
  const n = Number(value);
  if (Number.isNaN(n) || n < min || n > max) throw new RangeError(`${name} value is out of range.`);
  return Math.floor(n);
}

// The receiver check of a service's methods: the state `states` holds for `value`, or a
// TypeError naming the method as V8 does.
function checkReceiver(value, states, method) {
  const state = typeof value === 'object' && value !== null ? states.get(value) : undefined;
  if (state === undefined) {
    const shown = typeof value === 'object' && value !== null ? `#<${value.constructor?.name ?? 'Object'}>` :
      typeof value === 'string' ? value : String(value);
    throw new TypeError(`Method ${method} called on incompatible receiver ${shown}`);
  }
  return state;
}

// Methods on a service's prototype as built-ins have them: writable, configurable, not
// enumerable, and named.
function defineMethods(proto, methods) {
  for (const name of Object.getOwnPropertyNames(methods)) {
    Object.defineProperty(proto, name, {
      value: methods[name], writable: true, configurable: true, enumerable: false,
    });
  }
}

module.exports = {
  kDefaultLocale, parseTag, tagOf, canonicalizeTag, canonicalizeLocaleList, unicodeKeywords, resolveLocale,
  withKeywords, supportedLocalesOf, toOptions, getOption, getNumberOption, getKeywordOption, isLocaleType,
  checkReceiver, localeError, defineMethods,
};
