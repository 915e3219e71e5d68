'use strict';
// The Intl global (QuickJS has none), its services loaded on first use, and the
// locale-sensitive methods of Number, BigInt, Date, String and Array that ECMA-402 defines
// over them.

const { canonicalizeLocaleList } = require('internal/intl/core');

const services = {
  Collator: () => require('internal/intl/collator').Collator,
  DateTimeFormat: () => require('internal/intl/date_time_format').DateTimeFormat,
  ListFormat: () => require('internal/intl/list_format').ListFormat,
  Locale: () => require('internal/intl/locale').Locale,
  NumberFormat: () => require('internal/intl/number_format').NumberFormat,
  PluralRules: () => require('internal/intl/plural_rules').PluralRules,
  RelativeTimeFormat: () => require('internal/intl/relative_time_format').RelativeTimeFormat,
  Segmenter: () => require('internal/intl/segmenter').Segmenter,
};

const Intl = {};
Object.defineProperty(Intl, Symbol.toStringTag, { value: 'Intl', configurable: true });
for (const [name, load] of Object.entries(services)) {
  Object.defineProperty(Intl, name, {
    configurable: true,
    enumerable: false,
    get() {
      const value = load();
      Object.defineProperty(Intl, name, { value, writable: true, configurable: true, enumerable: false });
      return value;
    },
    set(value) {
      Object.defineProperty(Intl, name, { value, writable: true, configurable: true, enumerable: false });
    },
  });
}

function getCanonicalLocales(locales) {
  return canonicalizeLocaleList(locales);
}

// The values each kind of option takes here.
function supportedValuesOf(key) {
  key = String(key);
  switch (key) {
    case 'calendar': return ['gregory'];
    case 'collation': return ['default'];
    case 'currency': return Object.keys(require('internal/intl/data').currencies);
    case 'numberingSystem': return ['latn'];
    case 'timeZone': return [...require('internal/intl/data').timeZones];
    case 'unit': return Object.keys(require('internal/intl/data').units);
    default: throw new RangeError(`Invalid key : ${key}`);
  }
}

for (const fn of [getCanonicalLocales, supportedValuesOf]) {
  Object.defineProperty(Intl, fn.name, { value: fn, writable: true, configurable: true, enumerable: false });
}

// --- locale-sensitive methods of the built-in prototypes ---------------------------------

function thisNumber(value, method) {
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && value !== null) {
    try {
      return Number.prototype.valueOf.call(value);
    } catch {}
  }
  throw new TypeError(`${method} requires that 'this' be a Number`);
}

function thisBigInt(value) {
  if (typeof value === 'bigint') return value;
  return BigInt.prototype.valueOf.call(value);
}

function thisTime(value, method) {
  if (!(value instanceof Date)) {
    try {
      return Date.prototype.getTime.call(value);
    } catch {
      throw new TypeError(`${method} requires that 'this' be a Date`);
    }
  }
  return value.getTime();
}

// Whether the first of `locales` is Turkish or Azeri (which map I and i apart from their
// dots).
function isTurkic(locales) {
  const list = canonicalizeLocaleList(locales);
  const language = list.length > 0 ? list[0].split('-')[0] : 'en';
  return language === 'tr' || language === 'az';
}

function installMethod(proto, name, fn) {
  Object.defineProperty(fn, 'name', { value: name });
  Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false });
}

function installLocaleMethods() {
  const numberFormat = () => require('internal/intl/number_format');
  const dateFormat = () => require('internal/intl/date_time_format');
  const collator = () => require('internal/intl/collator');
  installMethod(Number.prototype, 'toLocaleString', {
    toLocaleString(locales, options) {
      return numberFormat().formatNumber(thisNumber(this, 'Number.prototype.toLocaleString'), locales, options);
    },
  }.toLocaleString);
  installMethod(BigInt.prototype, 'toLocaleString', {
    toLocaleString(locales, options) {
      return numberFormat().formatNumber(thisBigInt(this), locales, options);
    },
  }.toLocaleString);
  for (const [name, required, defaults] of [
    ['toLocaleString', 'any', 'all'], ['toLocaleDateString', 'date', 'date'], ['toLocaleTimeString', 'time', 'time'],
  ]) {
    installMethod(Date.prototype, name, {
      [name](locales, options) {
        const t = thisTime(this, `Date.prototype.${name}`);
        if (Number.isNaN(t)) return 'Invalid Date';
        return dateFormat().formatDate(t, locales, options, required, defaults);
      },
    }[name]);
  }
  installMethod(String.prototype, 'localeCompare', {
    localeCompare(that, locales, options) {
      if (this === undefined || this === null) {
        throw new TypeError('String.prototype.localeCompare called on null or undefined');
      }
      return collator().compareStrings(String(this), String(that), locales, options);
    },
  }.localeCompare);
  // Case mapping is the language-neutral one but for Turkish and Azeri's dotted and
  // dotless i (Lithuanian's rules are not carried).
  installMethod(String.prototype, 'toLocaleUpperCase', {
    toLocaleUpperCase(locales) {
      if (this === undefined || this === null) {
        throw new TypeError('String.prototype.toLocaleUpperCase called on null or undefined');
      }
      const text = String(this);
      if (isTurkic(locales)) return text.replaceAll('i', '\u0130').toUpperCase();
      return text.toUpperCase();
    },
  }.toLocaleUpperCase);
  installMethod(String.prototype, 'toLocaleLowerCase', {
    toLocaleLowerCase(locales) {
      if (this === undefined || this === null) {
        throw new TypeError('String.prototype.toLocaleLowerCase called on null or undefined');
      }
      const text = String(this);
      if (isTurkic(locales)) return text.replace(/\u0130|I\u0307/g, 'i').replaceAll('I', '\u0131').toLowerCase();
      return text.toLowerCase();
    },
  }.toLocaleLowerCase);
  // Array's and the typed arrays' join their elements' own toLocaleString with ","
  // (QuickJS's passes no locales or options on).
  const arrayToLocaleString = {
    toLocaleString(locales, options) {
      const list = Object(this);
      const length = Math.min(Math.max(Math.trunc(Number(list.length)) || 0, 0), Number.MAX_SAFE_INTEGER);
      let out = '';
      for (let i = 0; i < length; i++) {
        if (i > 0) out += ',';
        const element = list[i];
        if (element !== undefined && element !== null) out += String(element.toLocaleString(locales, options));
      }
      return out;
    },
  }.toLocaleString;
  installMethod(Array.prototype, 'toLocaleString', arrayToLocaleString);
  installMethod(Object.getPrototypeOf(Uint8Array.prototype), 'toLocaleString', {
    toLocaleString(locales, options) {
      return Reflect.apply(arrayToLocaleString, this, [locales, options]);
    },
  }.toLocaleString);
}

module.exports = { Intl, installLocaleMethods };
