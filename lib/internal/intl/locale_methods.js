'use strict';
// ECMA-402's locale-sensitive methods of Number, BigInt, Date, String, Array and the typed
// arrays, over the Intl services (internal/bootstrap installs stubs that call these with
// the receiver first).

const { canonicalizeLocaleList } = require('internal/intl/core');

function thisNumber(value) {
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && value !== null) {
    try {
      return Number.prototype.valueOf.call(value);
    } catch {}
  }
  throw new TypeError("Number.prototype.toLocaleString requires that 'this' be a Number");
}

function thisTime(value, method) {
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    throw new TypeError(`${method} requires that 'this' be a Date`);
  }
}

function thisString(value, method) {
  if (value === undefined || value === null) throw new TypeError(`String.prototype.${method} called on null or undefined`);
  return String(value);
}

// Whether the first of `locales` is Turkish or Azeri (which map I and i apart from their
// dots). Lithuanian's rules are not carried.
function isTurkic(locales) {
  const list = canonicalizeLocaleList(locales);
  const language = list.length > 0 ? list[0].split('-')[0] : 'en';
  return language === 'tr' || language === 'az';
}

// Loaded at the first comparison (sorts call it in a loop).
let compareStrings;

function dateMethod(name, required, defaults) {
  return (receiver, locales, options) => {
    const t = thisTime(receiver, `Date.prototype.${name}`);
    if (Number.isNaN(t)) return 'Invalid Date';
    return require('internal/intl/date_time_format').formatDate(t, locales, options, required, defaults);
  };
}

module.exports = {
  numberToLocaleString(receiver, locales, options) {
    return require('internal/intl/number_format').formatNumber(thisNumber(receiver), locales, options);
  },
  bigintToLocaleString(receiver, locales, options) {
    const n = typeof receiver === 'bigint' ? receiver : BigInt.prototype.valueOf.call(receiver);
    return require('internal/intl/number_format').formatNumber(n, locales, options);
  },
  dateToLocaleString: dateMethod('toLocaleString', 'any', 'all'),
  dateToLocaleDateString: dateMethod('toLocaleDateString', 'date', 'date'),
  dateToLocaleTimeString: dateMethod('toLocaleTimeString', 'time', 'time'),
  localeCompare(receiver, that, locales, options) {
    const text = thisString(receiver, 'localeCompare');
    compareStrings ??= require('internal/intl/collator').compareStrings;
    return compareStrings(text, String(that), locales, options);
  },
  toLocaleUpperCase(receiver, locales) {
    const text = thisString(receiver, 'toLocaleUpperCase');
    if (isTurkic(locales)) return text.replaceAll('i', '\u0130').toUpperCase();
    return text.toUpperCase();
  },
  toLocaleLowerCase(receiver, locales) {
    const text = thisString(receiver, 'toLocaleLowerCase');
    if (isTurkic(locales)) return text.replace(/\u0130|I\u0307/g, 'i').replaceAll('I', '\u0131').toLowerCase();
    return text.toLowerCase();
  },
  // Array's and the typed arrays': the elements' own toLocaleString, joined with ","
  // (QuickJS's passes no locales or options on).
  arrayToLocaleString(receiver, locales, options) {
    const list = Object(receiver);
    const length = Math.min(Math.max(Math.trunc(Number(list.length)) || 0, 0), Number.MAX_SAFE_INTEGER);
    let out = '';
    for (let i = 0; i < length; i++) {
      if (i > 0) out += ',';
      const element = list[i];
      if (element !== undefined && element !== null) out += String(element.toLocaleString(locales, options));
    }
    return out;
  },
};
