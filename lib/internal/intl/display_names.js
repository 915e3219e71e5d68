'use strict';
// Intl.DisplayNames in English: the names of regions, languages (CLDR's dialect names, as
// "American English", or the language with its script and region), scripts, currencies,
// calendars and date fields, in long, short and narrow styles.

const {
  canonicalizeLocaleList, resolveLocale, supportedLocalesOf, toOptions, getOption, checkReceiver,
  defineMethods, parseTag, isLocaleType,
} = require('internal/intl/core');
const data = require('internal/intl/data');

const kService = 'Intl.DisplayNames';
const kStyles = ['long', 'short', 'narrow'];
const kFields = Object.keys(data.display.dateTimeField);
const states = new WeakMap();

function invalid() {
  return new RangeError('invalid_argument');
}

// A name from the table by style ([long, short, narrow] where they differ).
function named(table, code, style) {
  const entry = table[code];
  if (entry === undefined) return undefined;
  return Array.isArray(entry) ? entry[kStyles.indexOf(style)] : entry;
}

function languageName(s, code) {
  const parts = parseTag(code);
  if (parts === null || parts.duplicateVariant || parts.extensions.some(([k]) => k !== 'u') || parts.privateUse) {
    throw invalid();
  }
  const language = parts.language;
  const script = parts.script ? parts.script[0].toUpperCase() + parts.script.slice(1) : '';
  const region = parts.region.toUpperCase();
  const details = [];
  let base;
  if (s.languageDisplay === 'dialect' && (script === '') !== (region === '')) {
    base = named(data.display.dialect, `${language}-${script || region}`, s.style);
  }
  if (base === undefined) {
    base = named(data.display.language, language, s.style);
    if (base === undefined) {
      if (s.fallback === 'none') return undefined;
      base = language;
    }
    if (script) details.push(named(data.display.script, script, s.style) ?? script);
    if (region) details.push(named(data.display.region, region, s.style) ?? region);
  }
  details.push(...parts.variants);
  return details.length > 0 ? `${base} (${details.join(', ')})` : base;
}

function nameOf(s, code) {
  code = String(code);
  let found;
  switch (s.type) {
    case 'region':
      if (!/^([A-Za-z]{2}|\d{3})$/.test(code)) throw invalid();
      found = named(data.display.region, code, s.style);
      break;
    case 'script':
      if (!/^[A-Za-z]{4}$/.test(code)) throw invalid();
      found = named(data.display.script, code, s.style);
      break;
    case 'currency':
      if (!/^[A-Za-z]{3}$/.test(code)) throw invalid();
      found = named(data.display.currency, code.toUpperCase(), s.style);
      break;
    case 'calendar':
      if (!isLocaleType(code)) throw invalid();
      found = named(data.display.calendar, code.toLowerCase(), s.style);
      break;
    case 'dateTimeField':
      if (!kFields.includes(code)) throw invalid();
      found = named(data.display.dateTimeField, code, s.style);
      break;
    default:
      return languageName(s, code);
  }
  if (found !== undefined) return found;
  return s.fallback === 'code' ? code : undefined;
}

function DisplayNames(locales, options) {
  if (new.target === undefined) throw new TypeError("Constructor Intl.DisplayNames requires 'new'");
  const requested = canonicalizeLocaleList(locales);
  if (options === undefined) throw new TypeError('invalid_argument');
  options = toOptions(options);
  getOption(options, 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', kService);
  const style = getOption(options, 'style', 'string', kStyles, 'long', kService);
  const type = getOption(options, 'type', 'string', ['language', 'region', 'script', 'currency', 'calendar', 'dateTimeField'],
    undefined, kService);
  if (type === undefined) throw new TypeError('invalid_argument');
  const fallback = getOption(options, 'fallback', 'string', ['code', 'none'], 'code', kService);
  const languageDisplay = getOption(options, 'languageDisplay', 'string', ['dialect', 'standard'], 'dialect', kService);
  const { locale } = resolveLocale(requested, []);
  states.set(this, { locale, style, type, fallback, languageDisplay });
}

defineMethods(DisplayNames.prototype, {
  of(code) {
    return nameOf(checkReceiver(this, states, 'Intl.DisplayNames.prototype.of'), code);
  },

  resolvedOptions() {
    const s = checkReceiver(this, states, 'Intl.DisplayNames.prototype.resolvedOptions');
    const out = { locale: s.locale, style: s.style, type: s.type, fallback: s.fallback };
    if (s.type === 'language') out.languageDisplay = s.languageDisplay;
    return out;
  },
});

defineMethods(DisplayNames, {
  supportedLocalesOf(locales, options) {
    return supportedLocalesOf(locales, options);
  },
});

Object.defineProperty(DisplayNames.prototype, Symbol.toStringTag, { value: 'Intl.DisplayNames', configurable: true });

module.exports = { DisplayNames };
