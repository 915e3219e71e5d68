'use strict';
// The Intl global (QuickJS has none), its services loaded on first use. (The
// locale-sensitive methods of the built-in prototypes over them are installed by
// internal/bootstrap, which loads none of this until they are called.)

const { canonicalizeLocaleList } = require('internal/intl/core');

const services = {
  Collator: () => require('internal/intl/collator').Collator,
  DateTimeFormat: () => require('internal/intl/date_time_format').DateTimeFormat,
  DisplayNames: () => require('internal/intl/display_names').DisplayNames,
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

module.exports = { Intl };
