// Intl.NumberFormat in en-US: styles, digits options, rounding, notation, sign display,
// currency and unit displays, formatToParts, resolvedOptions, errors; Number and BigInt
// toLocaleString.
const show = (label, f) => {
  try {
    console.log(label, JSON.stringify(f()));
  } catch (e) {
    console.log(label, 'throws', e.name, e.message);
  }
};
const nums = [0, -0, 1, -1, 0.5, 1.005, 2.5, -2.5, 1234.5678, 1234567.891, 0.000123, 1e21, 123456789012345680000, NaN, Infinity, -Infinity, 999.9999, 0.1 + 0.2];
const fmt = (o) => nums.map((n) => new Intl.NumberFormat('en-US', o).format(n));
show('default', () => fmt({}));
show('undefined locale', () => new Intl.NumberFormat().format(1234.5));
show('percent', () => fmt({ style: 'percent' }));
show('percent digits', () => fmt({ style: 'percent', maximumFractionDigits: 2 }));
show('min frac', () => fmt({ minimumFractionDigits: 2 }));
show('max frac 0', () => fmt({ maximumFractionDigits: 0 }));
show('min int', () => fmt({ minimumIntegerDigits: 3 }));
show('sig', () => fmt({ maximumSignificantDigits: 3 }));
show('min sig', () => fmt({ minimumSignificantDigits: 5 }));
show('no grouping', () => fmt({ useGrouping: false }));
show('min2 grouping', () => [1234, 12345].map((n) => new Intl.NumberFormat('en-US', { useGrouping: 'min2' }).format(n)));
show('sign always', () => fmt({ signDisplay: 'always' }));
show('sign exceptZero', () => fmt({ signDisplay: 'exceptZero' }));
show('sign never', () => fmt({ signDisplay: 'never' }));
show('sign negative', () => fmt({ signDisplay: 'negative' }));
show('currency', () => fmt({ style: 'currency', currency: 'USD' }));
show('currencies', () => ['EUR', 'GBP', 'JPY', 'CNY', 'CAD', 'AUD', 'INR', 'KRW', 'BRL', 'MXN', 'CHF', 'SEK', 'XYZ', 'BHD'].map((c) => new Intl.NumberFormat('en-US', { style: 'currency', currency: c }).format(-1234.567)));
show('currency code', () => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'eur', currencyDisplay: 'code' }).format(12.5));
show('currency name', () => [1, 2.5].map((n) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', currencyDisplay: 'name' }).format(n)));
show('currency narrow', () => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CAD', currencyDisplay: 'narrowSymbol' }).format(5));
show('accounting', () => [-5, 5].map((n) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', currencySign: 'accounting' }).format(n)));
show('currency no cents', () => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(1234.5));
show('compact short', () => [0, 5, 999, 1000, 1234, 12345, 123456, 999999, 1234567, 1.5e9, 2.5e12, 1e15, -1234].map((n) => new Intl.NumberFormat('en-US', { notation: 'compact' }).format(n)));
show('compact long', () => [1234, 12345, 1234567, 1.5e9].map((n) => new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long' }).format(n)));
show('scientific', () => [0, 1234.5, 0.00012, -5].map((n) => new Intl.NumberFormat('en-US', { notation: 'scientific' }).format(n)));
show('engineering', () => [1234.5, 0.00012].map((n) => new Intl.NumberFormat('en-US', { notation: 'engineering' }).format(n)));
show('units short', () => ['kilobyte', 'megabyte', 'gigabyte', 'byte', 'kilometer', 'meter', 'second', 'minute', 'hour', 'day', 'percent', 'celsius', 'kilogram', 'mile-per-hour', 'liter', 'millisecond', 'foot', 'inch'].map((unit) => [1, 2.5].map((n) => new Intl.NumberFormat('en-US', { style: 'unit', unit }).format(n)).join(' | ')));
show('units long', () => ['kilobyte', 'second', 'day', 'kilometer-per-hour', 'percent', 'fahrenheit'].map((unit) => [1, 2].map((n) => new Intl.NumberFormat('en-US', { style: 'unit', unit, unitDisplay: 'long' }).format(n)).join(' | ')));
show('units narrow', () => ['kilobyte', 'second', 'day', 'kilometer', 'percent', 'celsius'].map((unit) => new Intl.NumberFormat('en-US', { style: 'unit', unit, unitDisplay: 'narrow' }).format(3)));
show('rounding modes', () => ['ceil', 'floor', 'expand', 'trunc', 'halfCeil', 'halfFloor', 'halfExpand', 'halfTrunc', 'halfEven'].map((roundingMode) => [1.25, -1.25, 1.35].map((n) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, roundingMode }).format(n)).join(' ')));
show('trailingZeroDisplay', () => [1, 1.5].map((n) => new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, trailingZeroDisplay: 'stripIfInteger' }).format(n)));
show('bigint', () => [0n, 123456789012345678901234567890n, -5n].map((n) => new Intl.NumberFormat('en-US').format(n)));
show('string', () => ['1234.5', '1e3', ' 12 ', 'abc', ''].map((n) => new Intl.NumberFormat('en-US').format(n)));
show('parts', () => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).formatToParts(-1234.5));
show('parts percent', () => new Intl.NumberFormat('en-US', { style: 'percent', signDisplay: 'always' }).formatToParts(0.256));
show('parts compact', () => new Intl.NumberFormat('en-US', { notation: 'compact' }).formatToParts(12345));
show('parts unit', () => new Intl.NumberFormat('en-US', { style: 'unit', unit: 'kilobyte', unitDisplay: 'long' }).formatToParts(1234.5));
show('parts nan', () => new Intl.NumberFormat('en-US').formatToParts(NaN));
show('parts sci', () => new Intl.NumberFormat('en-US', { notation: 'scientific' }).formatToParts(-1234.5));
show('resolved', () => new Intl.NumberFormat('en-US').resolvedOptions());
show('resolved currency', () => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'jpy' }).resolvedOptions());
show('resolved sig', () => new Intl.NumberFormat(undefined, { maximumSignificantDigits: 2, notation: 'compact' }).resolvedOptions());
show('resolved percent', () => new Intl.NumberFormat('en', { style: 'percent' }).resolvedOptions());
show('resolved unit', () => new Intl.NumberFormat('en-US', { style: 'unit', unit: 'meter' }).resolvedOptions());
show('format bound', () => { const f = new Intl.NumberFormat('en-US').format; return [f(1234), [1, 22, 333333].map(new Intl.NumberFormat('en-US').format)]; });
show('range', () => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).formatRange(3, 5));
show('call without new', () => Intl.NumberFormat('en-US').format(1000));
show('supportedLocalesOf', () => Intl.NumberFormat.supportedLocalesOf(['en-US', 'en']));
show('toLocaleString', () => [(1234.5).toLocaleString(), (1234.5).toLocaleString('en-US', { style: 'currency', currency: 'EUR' }), (0.256).toLocaleString(undefined, { style: 'percent', minimumFractionDigits: 1 }), (12345678901234567890n).toLocaleString(), (5).toLocaleString('en-US', { minimumIntegerDigits: 2 })]);
show('bad style', () => new Intl.NumberFormat('en-US', { style: 'nope' }));
show('no currency', () => new Intl.NumberFormat('en-US', { style: 'currency' }));
show('bad currency', () => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'US' }));
show('bad digits', () => new Intl.NumberFormat('en-US', { maximumFractionDigits: 101 }));
show('min > max', () => new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 1 }));
show('bad unit', () => new Intl.NumberFormat('en-US', { style: 'unit', unit: 'parsec' }));
show('no unit', () => new Intl.NumberFormat('en-US', { style: 'unit' }));
show('bad locale', () => new Intl.NumberFormat('en_US'));
show('bad receiver', () => Intl.NumberFormat.prototype.format);
show('bad receiver call', () => Intl.NumberFormat.prototype.formatToParts.call({}, 1));
show('toStringTag', () => [Object.prototype.toString.call(new Intl.NumberFormat()), Object.prototype.toString.call(Intl), String(Intl.NumberFormat)]);
