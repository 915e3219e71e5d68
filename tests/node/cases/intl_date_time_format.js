// Intl.DateTimeFormat in en-US: every field with each width alone and in the usual
// combinations, hour cycles, styles, time zones and their names, parts, ranges,
// resolvedOptions, errors; Date's toLocale*String.
const show = (label, f) => {
  try {
    console.log(label, JSON.stringify(f()));
  } catch (e) {
    console.log(label, 'throws', e.name, e.message);
  }
};
const d = new Date(Date.UTC(2020, 0, 2, 15, 4, 5, 67));
const am = new Date(Date.UTC(2021, 6, 30, 0, 9, 8, 7));
const f = (o, date = d) => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', ...o }).format(date);
const widths = { weekday: ['long', 'short', 'narrow'], era: ['long', 'short', 'narrow'], year: ['numeric', '2-digit'], month: ['numeric', '2-digit', 'long', 'short', 'narrow'], day: ['numeric', '2-digit'], hour: ['numeric', '2-digit'], minute: ['numeric', '2-digit'], second: ['numeric', '2-digit'] };
for (const [field, list] of Object.entries(widths)) show(`${field} alone`, () => list.map((w) => f({ [field]: w })));
for (const month of widths.month) {
  show(`ymd ${month}`, () => [f({ year: 'numeric', month, day: 'numeric' }), f({ year: 'numeric', month, day: 'numeric', weekday: 'long' }), f({ year: 'numeric', month, day: 'numeric', weekday: 'short' }), f({ year: '2-digit', month, day: '2-digit' })]);
  show(`md ${month}`, () => [f({ month, day: 'numeric' }), f({ month, day: 'numeric', weekday: 'short' }), f({ month, day: '2-digit' })]);
  show(`ym ${month}`, () => [f({ year: 'numeric', month }), f({ year: '2-digit', month })]);
  show(`era ${month}`, () => [f({ year: 'numeric', month, day: 'numeric', era: 'short' }), f({ year: 'numeric', month, era: 'long' })]);
}
show('weekday day', () => [f({ weekday: 'short', day: 'numeric' }), f({ weekday: 'long', year: 'numeric' }), f({ year: 'numeric', era: 'short' })]);
for (const hourCycle of [undefined, 'h11', 'h12', 'h23', 'h24']) {
  show(`time ${hourCycle}`, () => [d, am].map((date) => [
    f({ hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle }, date),
    f({ hour: '2-digit', minute: '2-digit', hourCycle }, date),
    f({ hour: 'numeric', hourCycle }, date),
    f({ hour: 'numeric', minute: '2-digit', hourCycle }, date),
  ]));
}
show('hour12', () => [f({ hour: 'numeric', minute: 'numeric', hour12: false }), f({ hour: 'numeric', hour12: true }), f({ hour: 'numeric', minute: 'numeric', hour12: false }, am)]);
show('minute second', () => [f({ minute: 'numeric', second: 'numeric' }), f({ minute: '2-digit', second: '2-digit' }, am)]);
show('fractional', () => [1, 2, 3].map((n) => f({ hour: 'numeric', minute: 'numeric', second: 'numeric', fractionalSecondDigits: n })).concat([f({ second: 'numeric', fractionalSecondDigits: 2 }), f({ fractionalSecondDigits: 3 })]));
show('dayPeriod', () => ['narrow', 'short', 'long'].map((dayPeriod) => [f({ hour: 'numeric', dayPeriod }), f({ dayPeriod }), f({ hour: 'numeric', minute: 'numeric', dayPeriod }, am)]));
show('date and time', () => [f({ year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: 'numeric' }), f({ month: 'short', day: 'numeric', hour: 'numeric' }), f({ weekday: 'long', hour: 'numeric', minute: '2-digit' }), f({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })]);
for (const dateStyle of [undefined, 'full', 'long', 'medium', 'short']) {
  show(`styles ${dateStyle}`, () => [undefined, 'full', 'long', 'medium', 'short'].map((timeStyle) => (dateStyle || timeStyle ? f({ dateStyle, timeStyle }) : '')));
}
show('timeZoneName', () => ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric'].map((timeZoneName) => [f({ timeZoneName }), f({ hour: 'numeric', timeZoneName })]));
const zones = ['America/New_York', 'Europe/London', 'Europe/Paris', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney', 'America/Los_Angeles', 'Pacific/Chatham', 'America/St_Johns', 'Etc/GMT+5', 'Asia/Kathmandu', 'America/Sao_Paulo', 'Africa/Cairo'];
show('zones', () => zones.map((timeZone) => [d, am].map((date) => new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'short', timeStyle: 'long' }).format(date))));
show('zone long names', () => zones.map((timeZone) => [d, am].map((date) => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'long' }).format(date))));
show('zone offsets', () => zones.map((timeZone) => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).format(am)));
show('zone generic', () => zones.map((timeZone) => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortGeneric' }).format(am)));
show('zone resolution', () => ['utc', 'Etc/UTC', 'GMT', 'america/new_york', 'Asia/Calcutta', 'Asia/Kolkata', 'US/Pacific', 'EST', 'Etc/GMT-14'].map((timeZone) => new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone));
show('bad zone', () => new Intl.DateTimeFormat('en-US', { timeZone: 'Mars/Olympus' }));
show('dst edges', () => [Date.UTC(2021, 2, 14, 6, 59), Date.UTC(2021, 2, 14, 7, 0), Date.UTC(2021, 10, 7, 5, 59), Date.UTC(2021, 10, 7, 6, 0)].map((t) => new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', minute: 'numeric', timeZoneName: 'short' }).format(t)));
show('far years', () => [new Date(Date.UTC(-50, 0, 1)), new Date(8.64e15), new Date(-8.64e15)].map((date) => f({ year: 'numeric', month: 'short', day: 'numeric', era: 'short' }, date)));
show('parts', () => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'full', timeStyle: 'full' }).formatToParts(d));
show('parts luxon', () => new Intl.DateTimeFormat('en-US', { hour12: false, timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', era: 'short' }).formatToParts(am));
show('parts h23 midnight', () => new Intl.DateTimeFormat('en-US', { hourCycle: 'h23', timeZone: 'UTC', hour: '2-digit', minute: '2-digit' }).formatToParts(am));
show('parts dayPeriod', () => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hour: 'numeric', dayPeriod: 'short' }).formatToParts(d));
show('range', () => [
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).formatRange(d, am),
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'medium' }).formatRange(d, new Date(Date.UTC(2020, 0, 9))),
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hour: 'numeric', minute: 'numeric' }).formatRange(d, new Date(Date.UTC(2020, 0, 2, 17))),
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).formatRange(d, d),
]);
show('resolved', () => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).resolvedOptions());
show('resolved time', () => new Intl.DateTimeFormat('en', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: 'numeric', hour12: false, timeZoneName: 'short', weekday: 'long' }).resolvedOptions());
show('resolved styles', () => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'long', timeStyle: 'short' }).resolvedOptions());
show('resolved hc', () => ['h11', 'h12', 'h23', 'h24'].map((hourCycle) => new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle }).resolvedOptions().hourCycle));
show('resolved locale', () => ['en-US-u-hc-h23', 'en-u-ca-gregory', 'en-US'].map((l) => { const r = new Intl.DateTimeFormat(l, { hour: 'numeric' }).resolvedOptions(); return [r.locale, r.hourCycle, r.calendar]; }));
show('style with field', () => new Intl.DateTimeFormat('en-US', { dateStyle: 'short', year: 'numeric' }));
show('bad option', () => new Intl.DateTimeFormat('en-US', { month: 'big' }));
show('invalid date', () => new Intl.DateTimeFormat('en-US').format(NaN));
show('numbers and undefined', () => [new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).format(0), typeof new Intl.DateTimeFormat().format(), new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).format('2020')]);
show('toLocale', () => [d.toLocaleString('en-US', { timeZone: 'UTC' }), d.toLocaleDateString('en-US', { timeZone: 'UTC' }), d.toLocaleTimeString('en-US', { timeZone: 'UTC' }), d.toLocaleDateString('en-US', { timeZone: 'UTC', month: 'long' }), d.toLocaleTimeString('en-US', { timeZone: 'UTC', hour: '2-digit' }), d.toLocaleString('en-US', { timeZone: 'UTC', weekday: 'short' }), new Date(NaN).toLocaleString()]);
show('toLocale default zone', () => [d.toLocaleString(), d.toLocaleDateString(), d.toLocaleTimeString(), Intl.DateTimeFormat().resolvedOptions().timeZone]);
show('bound format', () => [d, am].map(new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).format));
show('supportedLocalesOf', () => Intl.DateTimeFormat.supportedLocalesOf(['en-US', 'en']));
