'use strict';
// Writes lib/internal/intl/data.js, the English (en-US) locale data unode's Intl formats
// with: CLDR's names and patterns as the ICU inside node gives them (currency symbols,
// names and digits; unit patterns; month, weekday, era and day period names; time zone
// names). Run with node when its ICU or the list of what unode formats changes:
//   node scripts/gen-intl-data.js
// The output is data only: the formatting is unode's (lib/internal/intl/*.js).

const fs = require('fs');
const path = require('path');

const en = 'en-US';
const numberPattern = (options, n) => {
  const parts = new Intl.NumberFormat(en, options).formatToParts(n);
  let out = '';
  let placed = false;
  for (const p of parts) {
    if (['integer', 'group', 'decimal', 'fraction'].includes(p.type)) {
      if (!placed) out += '{0}';
      placed = true;
    } else {
      out += p.value;
    }
  }
  return out;
};

// Currencies: [symbol, narrow symbol, name for one, name for other, fraction digits].
const currencies = {};
for (const code of Intl.supportedValuesOf('currency')) {
  const part = (display, n) => new Intl.NumberFormat(en, { style: 'currency', currency: code, currencyDisplay: display })
    .formatToParts(n).find((p) => p.type === 'currency').value;
  const digits = new Intl.NumberFormat(en, { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits;
  currencies[code] = [part('symbol', 1), part('narrowSymbol', 1), part('name', 1), part('name', 2), digits];
}

// Units: patterns ({0} for the number) for one and other, by display.
const units = {};
const displays = ['short', 'long', 'narrow'];
const simpleUnits = Intl.supportedValuesOf('unit');
for (const unit of simpleUnits) {
  units[unit] = displays.map((unitDisplay) => [1, 2].map((n) => numberPattern({ style: 'unit', unit, unitDisplay }, n)));
}
// A compound unit "a-per-b" is a's pattern inside b's per-pattern (derived from byte-per-b),
// except for the compounds CLDR names itself (kilometer-per-hour is "km/h"): those are
// listed whole.
const perPatterns = {};
for (const unit of simpleUnits) {
  perPatterns[unit] = displays.map((unitDisplay) => [1, 2].map((n) => {
    const whole = numberPattern({ style: 'unit', unit: `byte-per-${unit}`, unitDisplay }, n);
    const byte = units.byte[displays.indexOf(unitDisplay)][n === 1 ? 0 : 1];
    return whole.replace(byte, '{1}');
  }));
}
const compounds = {};
for (const a of simpleUnits) {
  for (const b of simpleUnits) {
    const unit = `${a}-per-${b}`;
    const actual = displays.map((unitDisplay) => [1, 2].map((n) => numberPattern({ style: 'unit', unit, unitDisplay }, n)));
    const derived = displays.map((d, i) => [0, 1].map((k) => perPatterns[b][i][k].replace('{1}', units[a][i][k])));
    if (JSON.stringify(actual) !== JSON.stringify(derived)) compounds[unit] = actual;
  }
}

// Dates.
const utc = (m, d) => new Date(Date.UTC(2021, m, d, 12));
const names = (options, dates) => dates.map((d) => new Intl.DateTimeFormat(en, { ...options, timeZone: 'UTC' }).format(d));
const months = Array.from({ length: 12 }, (_, m) => utc(m, 1));
const weekdays = Array.from({ length: 7 }, (_, d) => utc(0, 3 + d)); // 2021-01-03 is a Sunday
const dates = {
  months: { long: names({ month: 'long' }, months), short: names({ month: 'short' }, months), narrow: names({ month: 'narrow' }, months) },
  weekdays: { long: names({ weekday: 'long' }, weekdays), short: names({ weekday: 'short' }, weekdays), narrow: names({ weekday: 'narrow' }, weekdays) },
  eras: Object.fromEntries(['long', 'short', 'narrow'].map((era) => [era, [new Date(Date.UTC(-100, 0, 1)), utc(0, 1)].map((d) =>
    new Intl.DateTimeFormat(en, { era, year: 'numeric', timeZone: 'UTC' }).formatToParts(d).find((p) => p.type === 'era').value)])),
  // Day periods for dayPeriod: the name each hour gets, by width.
  dayPeriods: Object.fromEntries(['narrow', 'short', 'long'].map((dayPeriod) => [dayPeriod, Array.from({ length: 24 }, (_, h) =>
    new Intl.DateTimeFormat(en, { dayPeriod, hour: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2021, 0, 1, h)))
      .find((p) => p.type === 'dayPeriod').value)])),
};

// Time zones: the names CLDR has for each, standard and daylight, by style, where they are
// not the GMT offset form unode makes itself (see zoneName in date_time_format.js); and
// the canonical list.
const zones = {};
const jan = new Date(Date.UTC(2024, 0, 15, 12));
const jul = new Date(Date.UTC(2024, 6, 15, 12));
const zoneName = (timeZone, style, d) => new Intl.DateTimeFormat(en, { timeZone, timeZoneName: style })
  .formatToParts(d).find((p) => p.type === 'timeZoneName').value;
// Minutes east of UTC, from the longOffset name.
const offsetOf = (timeZone, d) => {
  const m = /^GMT(?:([+-])(\d\d):(\d\d))?$/.exec(zoneName(timeZone, 'longOffset', d));
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
};
const offsetName = (minutes, long) => {
  const sign = minutes < 0 ? '-' : '+';
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  if (long) return `GMT${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return `GMT${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
};
for (const zone of ['UTC', ...Intl.supportedValuesOf('timeZone')]) {
  const offsets = [offsetOf(zone, jan), offsetOf(zone, jul)];
  // Standard time first: of two offsets, daylight time is the greater.
  const order = offsets[0] > offsets[1] ? [1, 0] : [0, 1];
  const entry = {};
  for (const style of ['long', 'short', 'longGeneric', 'shortGeneric']) {
    const long = style.startsWith('long');
    const pair = order.map((i) => [zoneName(zone, style, [jan, jul][i]), offsetName(offsets[i], long)]);
    if (pair.every(([name, fallback]) => name === fallback)) continue;
    entry[style] = pair[0][0] === pair[1][0] ? pair[0][0] : pair.map(([name]) => name);
  }
  if (Object.keys(entry).length > 0) zones[zone] = entry;
}

// The tz database's names for zones ICU still calls by an older name (Asia/Kolkata is
// ICU's Asia/Calcutta), read from the system's database (its zone lines).
const zoneAliases = {};
const tzdata = fs.readFileSync(path.join(process.env.TZDIR || '/usr/share/zoneinfo', 'tzdata.zi'), 'utf8');
for (const line of tzdata.split('\n')) {
  const m = /^Z (\S+)/.exec(line);
  if (!m) continue;
  let icu;
  try {
    icu = new Intl.DateTimeFormat(en, { timeZone: m[1] }).resolvedOptions().timeZone;
  } catch {
    continue;
  }
  if (icu !== m[1]) zoneAliases[m[1]] = icu;
}

// Display names (Intl.DisplayNames): regions, languages (with CLDR's dialect names, as
// "American English"), scripts, currencies, calendars and date fields, long, with the
// short and narrow forms where they differ.
const display = { region: {}, language: {}, dialect: {}, script: {}, currency: {}, calendar: {}, dateTimeField: {} };
const displayNames = (type, style) => new Intl.DisplayNames(en, { type, style, fallback: 'none' });
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const regionCodes = [];
for (const a of letters) for (const b of letters) regionCodes.push(a + b);
for (let n = 0; n < 1000; n++) regionCodes.push(String(n).padStart(3, '0'));
const addNames = (type, codes) => {
  for (const code of codes) {
    const long = displayNames(type, 'long').of(code);
    if (long === undefined) continue;
    const short = displayNames(type, 'short').of(code);
    const narrow = displayNames(type, 'narrow').of(code);
    display[type][code] = long === short && short === narrow ? long : [long, short, narrow];
  }
};
addNames('region', regionCodes);
const languageCodes = [];
for (const a of letters) for (const b of letters) languageCodes.push((a + b).toLowerCase());
for (const extra of ['fil', 'haw', 'yue', 'ckb', 'gsw', 'nds', 'sah', 'chr', 'ast', 'ceb', 'kok', 'mai', 'mni', 'sat', 'brx', 'doi']) languageCodes.push(extra);
addNames('language', languageCodes);
// Dialect names CLDR has for a language with a region or script.
const standard = new Intl.DisplayNames(en, { type: 'language', languageDisplay: 'standard' });
const dialect = new Intl.DisplayNames(en, { type: 'language', languageDisplay: 'dialect' });
const dialectShort = new Intl.DisplayNames(en, { type: 'language', languageDisplay: 'dialect', style: 'short' });
const dialectNarrow = new Intl.DisplayNames(en, { type: 'language', languageDisplay: 'dialect', style: 'narrow' });
for (const lang of Object.keys(display.language)) {
  for (const sub of [...Object.keys(display.region).filter((r) => r.length === 2 || r === '419'), 'Hans', 'Hant', 'Latn', 'Cyrl', 'Arab']) {
    const tag = `${lang}-${sub}`;
    const name = dialect.of(tag);
    if (name === standard.of(tag)) continue;
    const short = dialectShort.of(tag);
    const narrow = dialectNarrow.of(tag);
    display.dialect[tag] = name === short && short === narrow ? name : [name, short, narrow];
  }
}
const scriptCodes = ['Adlm', 'Arab', 'Aran', 'Armn', 'Beng', 'Bopo', 'Brai', 'Cakm', 'Cans', 'Cher', 'Cyrl', 'Deva', 'Ethi',
  'Geor', 'Grek', 'Gujr', 'Guru', 'Hanb', 'Hang', 'Hani', 'Hans', 'Hant', 'Hebr', 'Hira', 'Hrkt', 'Jamo', 'Jpan', 'Kana',
  'Khmr', 'Knda', 'Kore', 'Laoo', 'Latn', 'Mlym', 'Mong', 'Mtei', 'Mymr', 'Nkoo', 'Olck', 'Orya', 'Rohg', 'Sinh', 'Sund',
  'Syrc', 'Taml', 'Telu', 'Tfng', 'Thaa', 'Thai', 'Tibt', 'Vaii', 'Yiii', 'Zinh', 'Zmth', 'Zsye', 'Zsym', 'Zxxx', 'Zyyy', 'Zzzz'];
addNames('script', scriptCodes);
addNames('currency', Intl.supportedValuesOf('currency'));
addNames('calendar', Intl.supportedValuesOf('calendar'));
addNames('dateTimeField', ['era', 'year', 'quarter', 'month', 'weekOfYear', 'weekday', 'day', 'dayPeriod', 'hour', 'minute', 'second', 'timeZoneName']);

const out = `'use strict';
// English (en-US) locale data for Intl, from CLDR as the ICU in node ${process.versions.node} (ICU ${process.versions.icu}) gives it.
// Generated by scripts/gen-intl-data.js: do not edit by hand.

module.exports = ${JSON.stringify({ currencies, units, perPatterns, compounds, dates, zones, zoneAliases, timeZones: Intl.supportedValuesOf('timeZone'), display })};
`;
fs.writeFileSync(path.join(__dirname, '../lib/internal/intl/data.js'), out);
console.log(`lib/internal/intl/data.js: ${out.length} bytes, ${Object.keys(compounds).length} named compounds, ${Object.keys(zones).length} named zones`);
