'use strict';
// Intl.DateTimeFormat in English (the Gregorian calendar, Latin digits): the fields and
// widths ECMA-402 defines, date and time styles, the four hour cycles, day periods,
// fractional seconds, time zones from the system's tz database with CLDR's names, parts,
// ranges and resolvedOptions; and Date's toLocale*String over it.
//
// Patterns follow what ICU's pattern generator gives for English: "Thu, Jan 2, 2020",
// "1/2/2020", "January 2020", "3:04 PM", "15:04", a date and a time joined by " at " after
// a long month, by a space after a lone weekday, by ", " otherwise.

const {
  canonicalizeLocaleList, resolveLocale, withKeywords, supportedLocalesOf, toOptions, getOption,
  getNumberOption, getKeywordOption, checkReceiver, defineMethods,
} = require('internal/intl/core');
const data = require('internal/intl/data');

const kService = 'Intl.DateTimeFormat';
const binding = internalBinding('intl');

// --- time zones -------------------------------------------------------------------------

// Names V8 resolves to UTC.
const kUTCNames = new Set([
  'utc', 'etc/utc', 'etc/gmt', 'gmt', 'etc/universal', 'etc/zulu', 'universal', 'zulu', 'etc/uct', 'uct',
  'etc/greenwich', 'greenwich', 'etc/gmt0', 'etc/gmt+0', 'etc/gmt-0', 'gmt0', 'gmt+0', 'gmt-0',
]);

// A zone's canonical name as ICU gives it, and the tz database's name for reading it (they
// differ where ICU keeps an older name: Asia/Calcutta is the database's Asia/Kolkata):
// { name, file }, or null for no such zone.
const zoneCache = new Map();
function resolveZone(name) {
  const key = name.toLowerCase();
  if (zoneCache.has(key)) return zoneCache.get(key);
  let zone = null;
  if (kUTCNames.has(key)) {
    zone = { name: 'UTC', file: null, fixed: 0 };
  } else {
    const m = /^etc\/gmt([+-])(\d{1,2})$/.exec(key);
    if (m && Number(m[2]) <= (m[1] === '+' ? 12 : 14)) {
      // POSIX's sign: Etc/GMT+5 is five hours west.
      zone = { name: `Etc/GMT${m[1]}${Number(m[2])}`, file: null, fixed: (m[1] === '+' ? -1 : 1) * Number(m[2]) * 3600 };
    } else {
      const file = binding.canonicalZone(name);
      if (file !== undefined) {
        const icu = data.zoneAliases[file] ?? file;
        zone = { name: kUTCNames.has(icu.toLowerCase()) ? 'UTC' : icu, file, fixed: undefined };
      }
    }
  }
  zoneCache.set(key, zone);
  return zone;
}

// The zone a format without one uses: $TZ's, or /etc/localtime's, or UTC.
let defaultZone;
function systemZone() {
  if (defaultZone !== undefined) return defaultZone;
  let tz = process.env.TZ;
  let zone = null;
  if (tz !== undefined && tz !== '') {
    if (tz.startsWith(':')) tz = tz.slice(1);
    const inDatabase = /zoneinfo\/(.+)$/.exec(tz);
    zone = resolveZone(inDatabase ? inDatabase[1] : tz);
  } else if (tz === undefined) {
    const name = binding.systemZone();
    if (name !== undefined) zone = resolveZone(name);
  }
  defaultZone = zone ?? resolveZone('UTC');
  return defaultZone;
}

// [offset in ms, whether daylight saving time] of `zone` at `t`.
function zoneAt(zone, t) {
  if (zone.fixed !== undefined) return [zone.fixed * 1000, false];
  const at = binding.zoneAt(zone.file, Math.floor(t / 1000));
  return at === undefined ? [0, false] : [at[0] * 1000, at[1]];
}

function offsetName(offsetMs, long) {
  const minutes = Math.round(offsetMs / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  if (long) return `GMT${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return `GMT${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

function zoneName(zone, style, offsetMs, dst) {
  if (style === 'shortOffset') return offsetName(offsetMs, false);
  if (style === 'longOffset') return offsetName(offsetMs, true);
  const names = data.zones[zone.name]?.[style];
  if (names !== undefined) return Array.isArray(names) ? names[dst ? 1 : 0] : names;
  return offsetName(offsetMs, style.startsWith('long'));
}

// --- options ----------------------------------------------------------------------------

const kFields = [
  ['weekday', ['narrow', 'short', 'long']],
  ['era', ['narrow', 'short', 'long']],
  ['year', ['2-digit', 'numeric']],
  ['month', ['2-digit', 'numeric', 'narrow', 'short', 'long']],
  ['day', ['2-digit', 'numeric']],
  ['dayPeriod', ['narrow', 'short', 'long']],
  ['hour', ['2-digit', 'numeric']],
  ['minute', ['2-digit', 'numeric']],
  ['second', ['2-digit', 'numeric']],
  ['fractionalSecondDigits', null],
  ['timeZoneName', ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric']],
];
const kStyles = ['full', 'long', 'medium', 'short'];

const states = new WeakMap();

function createState(locales, options, required, defaults) {
  const requested = canonicalizeLocaleList(locales);
  options = toOptions(options);
  getOption(options, 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', kService);
  const calendar = getKeywordOption(options, 'calendar', kService);
  const nu = getKeywordOption(options, 'numberingSystem', kService);
  const hour12 = getOption(options, 'hour12', 'boolean', undefined, undefined, kService);
  let hourCycle = getOption(options, 'hourCycle', 'string', ['h11', 'h12', 'h23', 'h24'], undefined, kService);
  const { locale, keywords } = resolveLocale(requested, ['ca', 'hc', 'nu']);
  const givenHourCycle = hourCycle;
  if (hour12 !== undefined) hourCycle = undefined;
  const tzOption = options.timeZone;
  let zone;
  if (tzOption === undefined) {
    zone = systemZone();
  } else {
    const name = String(tzOption);
    zone = resolveZone(name);
    if (zone === null) throw new RangeError(`Invalid time zone specified: ${name}`);
  }
  const dropped = [];
  if (calendar !== undefined) dropped.push('ca');
  if (nu !== undefined) dropped.push('nu');
  if (hour12 !== undefined || givenHourCycle !== undefined) dropped.push('hc');
  const s = { locale: withKeywords(locale, keywords, dropped), calendar: 'gregory', numberingSystem: 'latn', zone };
  let anyField = false;
  for (const [field, values] of kFields) {
    const value = values === null ?
      getNumberOption(options, field, 1, 3, undefined) :
      getOption(options, field, 'string', values, undefined, kService);
    if (value !== undefined) {
      s[field] = value;
      anyField = true;
    }
  }
  getOption(options, 'formatMatcher', 'string', ['basic', 'best fit'], 'best fit', kService);
  s.dateStyle = getOption(options, 'dateStyle', 'string', kStyles, undefined, kService);
  s.timeStyle = getOption(options, 'timeStyle', 'string', kStyles, undefined, kService);
  if (s.dateStyle !== undefined || s.timeStyle !== undefined) {
    if (anyField) {
      const field = kFields.find(([f]) => s[f] !== undefined)[0];
      throw new TypeError(`Can't set option ${field} when ${s.dateStyle !== undefined ? 'dateStyle' : 'timeStyle'} is used`);
    }
    if (required === 'date' && s.dateStyle === undefined) {
      throw new TypeError("Invalid option : timeStyle");
    }
    if (required === 'time' && s.timeStyle === undefined) {
      throw new TypeError("Invalid option : dateStyle");
    }
  } else {
    // ToDateTimeOptions' defaults: the date, the time, or both, when no field is asked for.
    let needDefaults = true;
    if ((required === 'date' || required === 'any') && ['weekday', 'year', 'month', 'day'].some((f) => s[f] !== undefined)) {
      needDefaults = false;
    }
    if ((required === 'time' || required === 'any') &&
      ['dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits'].some((f) => s[f] !== undefined)) {
      needDefaults = false;
    }
    if (needDefaults && (defaults === 'date' || defaults === 'all')) s.year = s.month = s.day = 'numeric';
    if (needDefaults && (defaults === 'time' || defaults === 'all')) s.hour = s.minute = s.second = 'numeric';
  }
  if (s.hour !== undefined || s.timeStyle !== undefined) {
    // Node 20's V8 takes hour12: false as h24 for English.
    if (hour12 !== undefined) s.hourCycle = hour12 ? 'h12' : 'h24';
    else s.hourCycle = hourCycle ?? keywords.get('hc') ?? 'h12';
  }
  return s;
}

function DateTimeFormat(locales, options) {
  const target = new.target === undefined ? DateTimeFormat : new.target;
  const self = Object.create(target.prototype);
  states.set(self, createState(locales, options, 'any', 'date'));
  return self;
}

// --- formatting -------------------------------------------------------------------------

const pad2 = (n) => String(n).padStart(2, '0');

// The wall-clock fields of `t` in the format's zone.
function fieldsAt(s, t) {
  const [offset, dst] = zoneAt(s.zone, t);
  const local = new Date(t + offset);
  const fullYear = local.getUTCFullYear();
  return {
    t, offset, dst,
    year: fullYear, era: fullYear <= 0 ? 0 : 1, eraYear: fullYear <= 0 ? 1 - fullYear : fullYear,
    month: local.getUTCMonth(), day: local.getUTCDate(), weekday: local.getUTCDay(),
    hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: local.getUTCSeconds(), ms: local.getUTCMilliseconds(),
  };
}

function monthText(width, m) {
  if (width === 'numeric') return String(m + 1);
  if (width === '2-digit') return pad2(m + 1);
  return data.dates.months[width][m];
}

const lit = (value) => ({ type: 'literal', value });

// The date part's parts: [parts, glue] where glue joins a time after it.
function dateParts(s, f) {
  const { weekday, era, year, month, day } = s;
  const E = weekday !== undefined ? { type: 'weekday', value: data.dates.weekdays[weekday][f.weekday] } : null;
  const G = era !== undefined ? { type: 'era', value: data.dates.eras[era][f.era] } : null;
  const y = year !== undefined ? { type: 'year', value: year === '2-digit' ? pad2(f.eraYear % 100) : String(f.eraYear) } : null;
  const M = month !== undefined ? { type: 'month', value: monthText(month, f.month) } : null;
  const d = day !== undefined ? { type: 'day', value: day === '2-digit' ? pad2(f.day) : String(f.day) } : null;
  const textMonth = month === 'long' || month === 'short' || month === 'narrow';
  let parts = [];
  if (M !== null) {
    if (textMonth) {
      parts.push(M);
      if (d) parts.push(lit(' '), d);
      if (y) parts.push(lit(d ? ', ' : ' '), y);
    } else {
      parts.push(M);
      if (d) parts.push(lit('/'), d);
      if (y) parts.push(lit('/'), y);
    }
    if (E && (d || y)) parts.unshift(E, lit(', '));
    else if (E) parts.unshift(E, lit(', '));
    if (G) parts.push(lit(' '), G);
  } else if (y || d) {
    if (y) parts.push(y);
    if (d) parts.push(...(y ? [lit(' '), d] : [d]));
    if (E) parts.push(lit(' '), E);
    if (G) parts.push(lit(' '), G);
  } else if (E) {
    parts = [E];
    if (G) parts.push(lit(' '), G);
  } else if (G) {
    parts = [G];
  }
  let glue = ', ';
  if (M === null && !y && !d && E && !G) glue = ' ';
  else if (month === 'long') glue = ' at ';
  return [parts, glue];
}

// The hour's text by hour cycle (h11 0–11, h12 1–12, h23 0–23, h24 1–24).
function hourText(s, f, width) {
  const h = f.hour;
  switch (s.hourCycle) {
    case 'h11': return width === '2-digit' ? pad2(h % 12) : String(h % 12);
    case 'h23': return pad2(h);
    case 'h24': return pad2(h === 0 ? 24 : h);
    default: return width === '2-digit' ? pad2(h % 12 || 12) : String(h % 12 || 12);
  }
}

function timeParts(s, f) {
  const parts = [];
  const { hour, minute, second, fractionalSecondDigits: fsd, dayPeriod } = s;
  const twelve = s.hourCycle === 'h11' || s.hourCycle === 'h12';
  if (hour !== undefined) parts.push({ type: 'hour', value: hourText(s, f, hour) });
  if (minute !== undefined) {
    if (parts.length) parts.push(lit(':'));
    parts.push({ type: 'minute', value: hour !== undefined || second !== undefined ? pad2(f.minute) : String(f.minute) });
  }
  if (second !== undefined) {
    if (parts.length) parts.push(lit(':'));
    parts.push({ type: 'second', value: minute !== undefined ? pad2(f.second) : String(f.second) });
  }
  if (fsd !== undefined) {
    if (parts.length) parts.push(lit('.'));
    parts.push({ type: 'fractionalSecond', value: String(f.ms).padStart(3, '0').slice(0, fsd) });
  }
  if (hour !== undefined && twelve) {
    const period = dayPeriod !== undefined ? data.dates.dayPeriods[dayPeriod][f.hour] : f.hour < 12 ? 'AM' : 'PM';
    // ICU puts a narrow no-break space before AM and PM; V8's format() (not its parts)
    // makes it a space again.
    parts.push(lit(dayPeriod !== undefined ? ' ' : '\u202f'), { type: 'dayPeriod', value: period });
  } else if (hour === undefined && dayPeriod !== undefined && parts.length === 0) {
    parts.push({ type: 'dayPeriod', value: data.dates.dayPeriods[dayPeriod][f.hour] });
  }
  return parts;
}

const kDateStyles = {
  full: { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' },
  long: { month: 'long', day: 'numeric', year: 'numeric' },
  medium: { month: 'short', day: 'numeric', year: 'numeric' },
  short: { month: 'numeric', day: 'numeric', year: '2-digit' },
};
const kTimeStyles = {
  full: { hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'long' },
  long: { hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'short' },
  medium: { hour: 'numeric', minute: '2-digit', second: '2-digit' },
  short: { hour: 'numeric', minute: '2-digit' },
};

function partsOf(s, f) {
  let fields = s;
  let glue;
  if (s.dateStyle !== undefined || s.timeStyle !== undefined) {
    fields = { ...kDateStyles[s.dateStyle], ...kTimeStyles[s.timeStyle], hourCycle: s.hourCycle };
    glue = s.dateStyle === 'full' || s.dateStyle === 'long' ? ' at ' : ', ';
  }
  const [date, dateGlue] = dateParts(fields, f);
  const time = timeParts(fields, f);
  const tz = fields.timeZoneName !== undefined ?
    { type: 'timeZoneName', value: zoneName(s.zone, fields.timeZoneName, f.offset, f.dst) } : null;
  if (tz) {
    if (time.length) time.push(lit(' '), tz);
    else if (date.length) date.push(lit(', '), tz);
    else time.push(tz);
  }
  if (date.length && time.length) return [...date, lit(glue ?? dateGlue), ...time];
  return date.length ? date : time;
}

// ToNumber and TimeClip of a date argument: ms since the epoch, or a RangeError.
function timeOf(date) {
  const t = date === undefined ? Date.now() : Number(date);
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) throw new RangeError('Invalid time value');
  return Math.trunc(t) + 0;
}

const join = (parts) => parts.map((p) => p.value).join('');

function formatString(s, date) {
  return join(formatToPartsOf(s, date)).replaceAll('\u202f', ' ');
}

function formatToPartsOf(s, date) {
  return partsOf(s, fieldsAt(s, timeOf(date)));
}

// A range: one date where the two read the same; else the parts the two share before the
// first field that differs are written once (as ICU does for a range within a day, or
// within a month when the month is a word).
function formatRangeParts(s, start, end) {
  if (start === undefined || end === undefined) throw new TypeError('startDate or endDate is undefined');
  const a = partsOf(s, fieldsAt(s, timeOf(start)));
  const b = partsOf(s, fieldsAt(s, timeOf(end)));
  if (join(a) === join(b)) return a.map((p) => ({ ...p, source: 'shared' }));
  const dash = lit('\u2009\u2013\u2009');
  const sameDay = ['year', 'month', 'day', 'weekday', 'era'].every((type) => {
    const pa = a.find((p) => p.type === type);
    const pb = b.find((p) => p.type === type);
    return (pa === undefined) === (pb === undefined) && (pa === undefined || pa.value === pb.value);
  });
  const hasTime = a.some((p) => p.type === 'hour' || p.type === 'minute');
  if (sameDay && hasTime) {
    const firstTime = a.findIndex((p) => p.type === 'hour' || p.type === 'minute' || p.type === 'second');
    const shared = a.slice(0, firstTime);
    const ta = a.slice(firstTime);
    const tb = b.slice(firstTime);
    const period = (parts) => parts.findIndex((p) => p.type === 'dayPeriod');
    const pa = period(ta);
    const pb = period(tb);
    if (pa !== -1 && pb !== -1 && ta[pa].value === tb[pb].value && ta.length === pa + 1 && tb.length === pb + 1) {
      return [
        ...shared.map((p) => ({ ...p, source: 'shared' })),
        ...ta.slice(0, pa - 1).map((p) => ({ ...p, source: 'startRange' })),
        { ...dash, source: 'shared' },
        ...tb.slice(0, pb - 1).map((p) => ({ ...p, source: 'endRange' })),
        { ...tb[pb - 1], source: 'shared' },
        { ...tb[pb], source: 'shared' },
      ];
    }
    return [
      ...shared.map((p) => ({ ...p, source: 'shared' })),
      ...ta.map((p) => ({ ...p, source: 'startRange' })),
      { ...dash, source: 'shared' },
      ...tb.map((p) => ({ ...p, source: 'endRange' })),
    ];
  }
  // A word month with the same month and year: "Jan 2 – 9, 2020".
  const textMonth = a.find((p) => p.type === 'month' && /\D/.test(p.value));
  const same = (type) => a.find((p) => p.type === type)?.value === b.find((p) => p.type === type)?.value;
  if (textMonth && !hasTime && same('month') && same('year') && same('era') && a.some((p) => p.type === 'day') &&
    !a.some((p) => p.type === 'weekday')) {
    const di = a.findIndex((p) => p.type === 'day');
    return [
      ...a.slice(0, di).map((p) => ({ ...p, source: 'shared' })),
      { ...a[di], source: 'startRange' },
      { ...dash, source: 'shared' },
      { ...b[di], source: 'endRange' },
      ...a.slice(di + 1).map((p) => ({ ...p, source: 'shared' })),
    ];
  }
  return [
    ...a.map((p) => ({ ...p, source: 'startRange' })),
    { ...dash, source: 'shared' },
    ...b.map((p) => ({ ...p, source: 'endRange' })),
  ];
}

function boundFormat(self) {
  const state = typeof self === 'object' && self !== null ? states.get(self) : undefined;
  if (state === undefined) {
    const shown = typeof self === 'object' && self !== null ? 'undefined' : String(self);
    throw new TypeError(`Method UnwrapDateTimeFormat called on incompatible receiver ${shown}`);
  }
  state.boundFormat ??= (date) => formatString(state, date);
  return state.boundFormat;
}

const method = (name, fn) => ({ __proto__: null, configurable: true, writable: true, value: { [name]: fn }[name] });

Object.defineProperties(DateTimeFormat.prototype, {
  format: { __proto__: null, configurable: true, get() { return boundFormat(this); } },
  formatToParts: method('formatToParts', function(date) {
    return formatToPartsOf(checkReceiver(this, states, 'Intl.DateTimeFormat.prototype.formatToParts'), date);
  }),
  formatRange: method('formatRange', function(start, end) {
    return join(formatRangeParts(checkReceiver(this, states, 'Intl.DateTimeFormat.prototype.formatRange'), start, end));
  }),
  formatRangeToParts: method('formatRangeToParts', function(start, end) {
    return formatRangeParts(checkReceiver(this, states, 'Intl.DateTimeFormat.prototype.formatRangeToParts'), start, end);
  }),
  resolvedOptions: method('resolvedOptions', function() {
    const s = checkReceiver(this, states, 'Intl.DateTimeFormat.prototype.resolvedOptions');
    const out = { locale: s.locale, calendar: s.calendar, numberingSystem: s.numberingSystem, timeZone: s.zone.name };
    if (s.hourCycle !== undefined) {
      out.hourCycle = s.hourCycle;
      out.hour12 = s.hourCycle === 'h11' || s.hourCycle === 'h12';
    }
    if (s.dateStyle === undefined && s.timeStyle === undefined) {
      for (const [field] of kFields) {
        if (s[field] === undefined) continue;
        // A time's minute and second are always two digits.
        out[field] = (field === 'minute' || field === 'second') && s.hour !== undefined ? '2-digit' : s[field];
        if (field === 'hour' && (s.hourCycle === 'h23' || s.hourCycle === 'h24')) out.hour = '2-digit';
      }
    } else {
      if (s.dateStyle !== undefined) out.dateStyle = s.dateStyle;
      if (s.timeStyle !== undefined) out.timeStyle = s.timeStyle;
    }
    return out;
  }),
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'Intl.DateTimeFormat' },
});

defineMethods(DateTimeFormat, {
  supportedLocalesOf(locales, options) {
    return supportedLocalesOf(locales, options);
  },
});

// Date.prototype.toLocaleString and friends: `required` and `defaults` as ToDateTimeOptions
// takes them; the usual calls without arguments share one format each.
const defaultFormats = {};
function formatDate(t, locales, options, required, defaults) {
  let s;
  if (locales === undefined && options === undefined) {
    s = defaultFormats[required] ??= createState(undefined, undefined, required, defaults);
  } else {
    s = createState(locales, options, required, defaults);
  }
  return formatString(s, t);
}

module.exports = { DateTimeFormat, formatDate, resolveZone, systemZone };
