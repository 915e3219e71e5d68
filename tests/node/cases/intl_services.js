// Intl's other services in English: PluralRules, ListFormat, RelativeTimeFormat, Segmenter,
// Collator (and localeCompare), Locale, getCanonicalLocales, supportedValuesOf; the Intl
// object itself and the services' errors.
const show = (label, f) => {
  try {
    console.log(label, JSON.stringify(f()));
  } catch (e) {
    console.log(label, 'throws', e.name, e.message);
  }
};
show('plural cardinal', () => [0, 1, 1.0, 1.5, 2, -1, 21, 0.1].map((n) => new Intl.PluralRules('en-US').select(n)));
show('plural min frac', () => [1, 2].map((n) => new Intl.PluralRules('en-US', { minimumFractionDigits: 1 }).select(n)));
show('plural ordinal', () => [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 0].map((n) => new Intl.PluralRules('en-US', { type: 'ordinal' }).select(n)));
show('plural resolved', () => [new Intl.PluralRules('en').resolvedOptions(), new Intl.PluralRules('en-US', { type: 'ordinal', maximumSignificantDigits: 2 }).resolvedOptions()]);
show('plural range', () => new Intl.PluralRules('en').selectRange(1, 2));
show('plural without new', () => Intl.PluralRules());
for (const type of ['conjunction', 'disjunction', 'unit']) {
  for (const style of ['long', 'short', 'narrow']) {
    show(`list ${type} ${style}`, () => [[], ['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd']].map((l) => new Intl.ListFormat('en', { type, style }).format(l)));
  }
}
show('list parts', () => [new Intl.ListFormat('en').formatToParts(['x', 'y', 'z']), new Intl.ListFormat('en-US', { style: 'short' }).resolvedOptions()]);
show('list set', () => new Intl.ListFormat('en').format(new Set(['p', 'q'])));
show('list non-string', () => new Intl.ListFormat('en').format(['a', 1]));
for (const style of ['long', 'short', 'narrow']) {
  for (const numeric of ['always', 'auto']) {
    show(`relative ${style} ${numeric}`, () => ['year', 'quarters', 'month', 'week', 'day', 'hours', 'minute', 'second'].map((u) => [-2, -1, 0, 1, 2, 1.5, -0, 1234.5].map((v) => new Intl.RelativeTimeFormat('en', { style, numeric }).format(v, u)).join('|')));
  }
}
show('relative parts', () => [new Intl.RelativeTimeFormat('en').formatToParts(-1234.5, 'days'), new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).formatToParts(1, 'day'), new Intl.RelativeTimeFormat('en').formatToParts(3, 'hour')]);
show('relative resolved', () => new Intl.RelativeTimeFormat('en-US', { style: 'narrow' }).resolvedOptions());
show('relative bad unit', () => new Intl.RelativeTimeFormat('en').format(1, 'decade'));
show('relative bad value', () => new Intl.RelativeTimeFormat('en').format(NaN, 'day'));
const text = 'Hello, world! 42 é👍🏽 don\'t e\u0301 👨‍👩‍👧🇺🇸 3.14';
show('graphemes', () => [...new Intl.Segmenter().segment(text)].map((s) => [s.segment, s.index]));
show('words', () => [...new Intl.Segmenter('en', { granularity: 'word' }).segment(text)].map((s) => [s.segment, s.index, s.isWordLike]));
show('sentences', () => [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment('Hi there. How are you? Fine! Mr. Smith left.')].map((s) => s.segment));
show('containing', () => { const seg = new Intl.Segmenter('en', { granularity: 'word' }).segment('ab cd'); return [seg.containing(0), seg.containing(3), seg.containing(2), seg.containing(5), seg.containing(-1)]; });
show('segment empty', () => [...new Intl.Segmenter().segment('')]);
show('segmenter resolved', () => [new Intl.Segmenter().resolvedOptions(), new Intl.Segmenter('en-US', { granularity: 'word' }).resolvedOptions()]);
show('segmenter bad', () => new Intl.Segmenter('en', { granularity: 'line' }));
const words = ['', ' ', ' a', '_', '-', '10', '2', '9', 'a', 'A', 'á', 'Á', 'ä', 'a b', 'A b', 'a-b', 'a10', 'a9', 'ab', 'ae', 'æ', 'b', 'e', 'é', 'ê', 'naive', 'naïve', 'o', 'ø', 'oe', 'œ', 'resume', 'Resume', 'résumé', 'ss', 'ß', 'z', 'Z', 'ε', 'Ω', 'я', '中', 'file10.txt', 'file9.txt', 'File1.txt', '$5', '#tag', '@me', 'x.y', 'x,y'];
show('sort', () => words.slice().sort(new Intl.Collator('en').compare));
show('sort numeric', () => words.slice().sort(new Intl.Collator('en', { numeric: true }).compare));
show('sort upper first', () => words.slice().sort(new Intl.Collator('en', { caseFirst: 'upper' }).compare));
show('localeCompare', () => words.slice().sort((a, b) => a.localeCompare(b)));
show('sensitivity', () => ['a', 'á', 'A', 'b', 'Á'].map((x) => ['base', 'accent', 'case', 'variant'].map((s) => new Intl.Collator('en', { sensitivity: s }).compare('a', x))));
show('ignorePunctuation', () => [new Intl.Collator('en', { ignorePunctuation: true }).compare('a-b', 'ab'), new Intl.Collator('en').compare('a-b', 'ab')]);
show('collator resolved', () => [new Intl.Collator('en').resolvedOptions(), new Intl.Collator('en-US', { usage: 'search', sensitivity: 'base', numeric: true, caseFirst: 'upper' }).resolvedOptions(), new Intl.Collator('en-u-kn-kf-upper').resolvedOptions()]);
show('localeCompare options', () => ['a'.localeCompare('A', 'en', { sensitivity: 'base' }), 'a10'.localeCompare('a9', undefined, { numeric: true }), 'résumé'.localeCompare('resume', 'en', { sensitivity: 'accent' })]);
show('collator call', () => Intl.Collator('en').compare('b', 'a'));
show('locale', () => { const l = new Intl.Locale('en-Latn-us-u-ca-gregory-hc-h12-kn', { region: 'GB' }); return [l.toString(), l.baseName, l.language, l.script, l.region, l.calendar, l.hourCycle, l.numeric, l.caseFirst, l.collation, l.numberingSystem]; });
show('locale options', () => [new Intl.Locale('en', { calendar: 'gregory', hourCycle: 'h23', numeric: true, caseFirst: 'upper', numberingSystem: 'latn' }).toString(), new Intl.Locale(new Intl.Locale('en-US'), { script: 'latn' }).toString()]);
show('locale maximize', () => ['en', 'en-GB', 'de', 'zh', 'zh-TW', 'ja', 'und-x-private'.slice(0, 2)].map((t) => [new Intl.Locale(t).maximize().toString(), new Intl.Locale(t).maximize().minimize().toString()]));
show('locale info', () => { const e = new Intl.Locale('en-US'); return [e.weekInfo, e.hourCycles, e.calendars, e.textInfo, e.numberingSystems]; });
show('locale errors', () => ['x', 'en-', 'en--US', '12', 'en-US-u', 'en-a-b'].map((t) => { try { return new Intl.Locale(t).toString(); } catch (e) { return `${e.name}: ${e.message}`; } }));
show('locale no new', () => Intl.Locale('en'));
show('locale bad arg', () => new Intl.Locale(5));
show('canonical', () => Intl.getCanonicalLocales(['EN-us', 'zh-hant-tw', 'en-u-ca-gregory-kn-true', 'de-DE-1996-u-co-phonebk', 'en-US', 'x-private'.replace('x-', 'en-x-')]));
show('canonical errors', () => [[1], ['en_US'], ['en-US-US'], ['de-1996-1996']].map((l) => { try { return Intl.getCanonicalLocales(l); } catch (e) { return `${e.name}: ${e.message}`; } }));
show('canonical string', () => [Intl.getCanonicalLocales('EN'), Intl.getCanonicalLocales(), Intl.getCanonicalLocales([])]);
show('supportedValuesOf', () => [Intl.supportedValuesOf('calendar').includes('gregory'), Intl.supportedValuesOf('currency').includes('EUR'), Intl.supportedValuesOf('unit').length, Intl.supportedValuesOf('timeZone').includes('America/New_York'), Intl.supportedValuesOf('numberingSystem').includes('latn')]);
show('supportedValuesOf bad', () => Intl.supportedValuesOf('colour'));
show('Intl', () => [typeof Intl, Object.prototype.toString.call(Intl), ['Collator', 'DateTimeFormat', 'DisplayNames', 'ListFormat', 'Locale', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'Segmenter', 'getCanonicalLocales', 'supportedValuesOf'].map((k) => typeof Intl[k]), Object.keys(Intl)]);
show('toStringTags', () => [new Intl.Collator(), new Intl.PluralRules(), new Intl.ListFormat(), new Intl.RelativeTimeFormat(), new Intl.Segmenter(), new Intl.Locale('en'), new Intl.DateTimeFormat(), new Intl.DisplayNames('en', { type: 'region' })].map((o) => Object.prototype.toString.call(o)));
show('case mapping', () => ['İstanbul'.toLocaleLowerCase('en-US'), 'straße'.toLocaleUpperCase(), 'ABC'.toLocaleLowerCase()]);
show('array toLocaleString', () => [[1234.5, new Date(0), null, 'x'].toLocaleString('en-US', { timeZone: 'UTC' }), new Float64Array([1234.5, 2]).toLocaleString()]);
show('turkic case', () => ['I'.toLocaleLowerCase('tr'), 'İ'.toLocaleLowerCase('tr-TR'), 'i'.toLocaleUpperCase('az'), 'ı'.toLocaleUpperCase('tr'), 'I'.toLocaleLowerCase('en')]);
show('compatibility forms', () => [new Intl.Collator('en', { sensitivity: 'base' }).compare('\ufb03', 'ffi'), new Intl.Collator('en').compare('\ufb03', 'ffi'), ['ﬃ', 'ffi', 'ffj', 'Ａ', 'a', 'b'].sort(new Intl.Collator('en').compare)]);
show('vm realm', () => require('vm').runInNewContext('[typeof Intl, new Intl.NumberFormat("en-US").format(1234.5), "v8BreakIterator" in Intl]'));
