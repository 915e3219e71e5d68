// Intl.DisplayNames in English: regions, languages (dialect and standard names, scripts,
// regions and variants in parentheses), scripts, currencies, calendars and date fields,
// by style; fallbacks; errors; resolvedOptions.
const show = (label, f) => {
  try {
    console.log(label, JSON.stringify(f()));
  } catch (e) {
    console.log(label, 'throws', e.name, e.message);
  }
};
const dn = (o) => new Intl.DisplayNames('en', o);
for (const style of ['long', 'short', 'narrow']) {
  show(`region ${style}`, () => ['US', 'GB', 'DE', 'JP', 'CN', 'HK', 'MO', 'PS', '419', '001', '150', 'XX', 'us', 'EU', 'UN'].map((c) => dn({ type: 'region', style }).of(c)));
  show(`language ${style}`, () => ['en', 'en-US', 'en-GB', 'en-AU', 'es-419', 'es-MX', 'fr-CA', 'fr-BE', 'pt-BR', 'pt-PT', 'zh-Hans', 'zh-Hant', 'zh-TW', 'zh-Hant-TW', 'sr-Latn-RS', 'de-AT', 'de-CH', 'nl-BE', 'xx', 'xx-US', 'en-XX', 'EN-us', 'en-u-ca-gregory', 'ja', 'ko', 'ar', 'hi', 'sw-CD'].map((c) => dn({ type: 'language', style }).of(c)));
  show(`script ${style}`, () => ['Latn', 'Cyrl', 'Arab', 'Hans', 'Hant', 'Jpan', 'Zzzz', 'Xxxx', 'latn'].map((c) => dn({ type: 'script', style }).of(c)));
  show(`currency ${style}`, () => ['USD', 'EUR', 'JPY', 'usd', 'XYZ', 'xyz', 'BTC'].map((c) => dn({ type: 'currency', style }).of(c)));
  show(`calendar ${style}`, () => ['gregory', 'islamic-civil', 'japanese', 'foo', 'iso8601'].map((c) => dn({ type: 'calendar', style }).of(c)));
  show(`dateTimeField ${style}`, () => ['era', 'year', 'quarter', 'month', 'weekOfYear', 'weekday', 'day', 'dayPeriod', 'hour', 'minute', 'second', 'timeZoneName'].map((c) => dn({ type: 'dateTimeField', style }).of(c)));
}
show('standard', () => ['en-US', 'zh-Hans', 'es-419', 'sr-Latn'].map((c) => dn({ type: 'language', languageDisplay: 'standard' }).of(c)));
show('fallback none', () => [dn({ type: 'region', fallback: 'none' }).of('XX'), dn({ type: 'currency', fallback: 'none' }).of('XYZ'), dn({ type: 'language', fallback: 'none' }).of('xx'), dn({ type: 'script', fallback: 'none' }).of('Xxxx')]);
show('resolved', () => [dn({ type: 'region' }).resolvedOptions(), dn({ type: 'language', style: 'short', fallback: 'none' }).resolvedOptions(), new Intl.DisplayNames('en-US', { type: 'currency' }).resolvedOptions()]);
show('no options', () => new Intl.DisplayNames('en'));
show('no type', () => new Intl.DisplayNames('en', {}));
show('bad type', () => new Intl.DisplayNames('en', { type: 'x' }));
show('bad codes', () => [['region', 'USA'], ['currency', 'US'], ['language', 'en_US'], ['script', 'Lat'], ['dateTimeField', 'foo'], ['calendar', 'f'], ['region', undefined]].map(([type, code]) => { try { return dn({ type }).of(code); } catch (e) { return `${e.name}: ${e.message}`; } }));
show('without new', () => Intl.DisplayNames('en', { type: 'region' }));
show('tag', () => Object.prototype.toString.call(dn({ type: 'region' })));
show('supportedLocalesOf', () => Intl.DisplayNames.supportedLocalesOf(['en-US', 'en']));
