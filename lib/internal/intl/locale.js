'use strict';
// Intl.Locale: a Unicode locale identifier, its parts and -u- keywords, the options that
// replace them, maximize()/minimize() by likely subtags, and the locale info getters
// (English's week, hour cycles, calendars ...).

const {
  parseTag, tagOf, unicodeKeywords, toOptions, getOption, checkReceiver, localeError,
  defineMethods, isLocaleType,
} = require('internal/intl/core');

const kService = 'Intl.Locale';
const states = new WeakMap();

// Likely subtags (CLDR) for the languages most often asked for: language → script, region.
const kLikely = {
  en: ['Latn', 'US'], de: ['Latn', 'DE'], fr: ['Latn', 'FR'], es: ['Latn', 'ES'], it: ['Latn', 'IT'],
  pt: ['Latn', 'BR'], nl: ['Latn', 'NL'], sv: ['Latn', 'SE'], da: ['Latn', 'DK'], nb: ['Latn', 'NO'],
  fi: ['Latn', 'FI'], pl: ['Latn', 'PL'], cs: ['Latn', 'CZ'], tr: ['Latn', 'TR'], ro: ['Latn', 'RO'],
  hu: ['Latn', 'HU'], id: ['Latn', 'ID'], vi: ['Latn', 'VN'], ru: ['Cyrl', 'RU'], uk: ['Cyrl', 'UA'],
  el: ['Grek', 'GR'], he: ['Hebr', 'IL'], ar: ['Arab', 'EG'], fa: ['Arab', 'IR'], hi: ['Deva', 'IN'],
  th: ['Thai', 'TH'], ja: ['Jpan', 'JP'], ko: ['Kore', 'KR'], zh: ['Hans', 'CN'],
};
// Chinese regions written in traditional characters.
const kHantRegions = ['TW', 'HK', 'MO'];

const kRightToLeft = ['ar', 'ckb', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi'];

const kKeywordOptions = [
  ['calendar', 'ca'], ['collation', 'co'], ['hourCycle', 'hc'], ['caseFirst', 'kf'], ['numeric', 'kn'], ['numberingSystem', 'nu'],
];

function Locale(tag, options) {
  if (new.target === undefined) throw new TypeError("Constructor Intl.Locale requires 'new'");
  if (typeof tag !== 'string' && !(typeof tag === 'object' && tag !== null)) {
    throw new TypeError("First argument to Intl.Locale constructor can't be empty or missing");
  }
  const text = tag instanceof Locale ? states.get(tag).tag : String(tag);
  const parts = parseTag(text);
  if (parts === null) throw localeError();
  options = toOptions(options);
  const language = getOption(options, 'language', 'string', undefined, undefined, kService);
  if (language !== undefined) {
    if (!/^([a-z]{2,3}|[a-z]{5,8})$/i.test(language)) throw localeError();
    parts.language = language.toLowerCase();
  }
  const script = getOption(options, 'script', 'string', undefined, undefined, kService);
  if (script !== undefined) {
    if (!/^[a-z]{4}$/i.test(script)) throw localeError();
    parts.script = script.toLowerCase();
  }
  const region = getOption(options, 'region', 'string', undefined, undefined, kService);
  if (region !== undefined) {
    if (!/^([a-z]{2}|\d{3})$/i.test(region)) throw localeError();
    parts.region = region.toLowerCase();
  }
  let u = parts.extensions.find(([s]) => s === 'u');
  const keywords = u ? unicodeKeywords(u[1]) : new Map();
  for (const [name, key] of kKeywordOptions) {
    let value = options[name];
    if (value === undefined) continue;
    if (name === 'numeric') value = String(Boolean(value));
    else value = String(value);
    if (name === 'hourCycle' && !['h11', 'h12', 'h23', 'h24'].includes(value)) {
      throw new RangeError(`Value ${value} out of range for Intl.Locale options property hourCycle`);
    }
    if (name === 'caseFirst' && !['upper', 'lower', 'false'].includes(value)) {
      throw new RangeError(`Value ${value} out of range for Intl.Locale options property caseFirst`);
    }
    if (!isLocaleType(value)) throw localeError();
    keywords.set(key, value.toLowerCase());
  }
  if (keywords.size > 0) {
    const attributes = u ? u[1].slice(0, u[1].findIndex((s) => s.length === 2) >>> 0) : [];
    const subtags = [...attributes];
    for (const [k, v] of keywords) subtags.push(k, ...(v === 'true' ? [] : v.split('-')));
    if (u) u[1] = subtags;
    else parts.extensions.push(u = ['u', subtags]);
  }
  states.set(this, { parts, keywords, tag: tagOf(parts) });
}

defineMethods(Locale.prototype, {
  toString() {
    return checkReceiver(this, states, 'Intl.Locale.prototype.toString').tag;
  },

  maximize() {
    const { parts } = checkReceiver(this, states, 'Intl.Locale.prototype.maximize');
    const likely = kLikely[parts.language];
    const copy = { ...parts };
    if (likely) {
      let [script, region] = likely;
      if (parts.language === 'zh' && kHantRegions.includes(parts.region.toUpperCase())) script = 'Hant';
      if (!copy.script) copy.script = script.toLowerCase();
      if (!copy.region) copy.region = region.toLowerCase();
    }
    return new Locale(tagOf(copy));
  },

  minimize() {
    const { parts } = checkReceiver(this, states, 'Intl.Locale.prototype.minimize');
    const likely = kLikely[parts.language];
    const copy = { ...parts };
    if (likely) {
      const script = parts.language === 'zh' && kHantRegions.includes(parts.region.toUpperCase()) ? 'hant' : likely[0].toLowerCase();
      if (copy.script === script) copy.script = '';
      if (copy.region === likely[1].toLowerCase() && (copy.script === '' || parts.language !== 'zh')) copy.region = '';
    }
    return new Locale(tagOf(copy));
  },
});

const getters = {
  baseName(s) {
    return tagOf({ ...s.parts, extensions: [], privateUse: '' });
  },
  language: (s) => s.parts.language,
  script: (s) => (s.parts.script ? s.parts.script[0].toUpperCase() + s.parts.script.slice(1) : undefined),
  region: (s) => (s.parts.region ? s.parts.region.toUpperCase() : undefined),
  calendar: (s) => s.keywords.get('ca'),
  caseFirst: (s) => s.keywords.get('kf'),
  collation: (s) => s.keywords.get('co'),
  hourCycle: (s) => s.keywords.get('hc'),
  numeric: (s) => s.keywords.get('kn') === 'true' || s.keywords.get('kn') === '',
  numberingSystem: (s) => s.keywords.get('nu'),
  calendars: (s) => [s.keywords.get('ca') ?? 'gregory'],
  collations: () => ['emoji', 'eor'],
  hourCycles: (s) => [s.keywords.get('hc') ?? 'h12'],
  numberingSystems: (s) => [s.keywords.get('nu') ?? 'latn'],
  textInfo: (s) => ({ direction: kRightToLeft.includes(s.parts.language) ? 'rtl' : 'ltr' }),
  timeZones: () => undefined,
  weekInfo: () => ({ firstDay: 7, weekend: [6, 7], minimalDays: 1 }),
};
for (const [name, get] of Object.entries(getters)) {
  Object.defineProperty(Locale.prototype, name, {
    configurable: true,
    get: {
      [name]() {
        return get(checkReceiver(this, states, `Intl.Locale.prototype.${name}`));
      },
    }[name],
  });
}
Object.defineProperty(Locale.prototype, Symbol.toStringTag, { value: 'Intl.Locale', configurable: true });

module.exports = { Locale };
