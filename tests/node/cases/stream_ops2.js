// @stdout-only
// Stream module scenarios (ops2): events logged with nextTick, microtask and
// immediate markers, to compare event ordering with Node's.
'use strict';
const helpers = require('../fixtures/stream_harness');

{
const { Readable, log, ticks, scenario } = helpers;
const imm = (n) => new Promise((r) => { const f = (k) => (k <= 0 ? setImmediate(r) : setImmediate(() => f(k - 1))); f(n); });

scenario('map concurrency timing', (done) => {
  const src = new Readable({ objectMode: true, read() { log('_read'); } });
  const m = src.map(async (x) => { log('fn start', x); await imm(x % 3); log('fn end', x); return x * 10; }, { concurrency: 2 });
  m.on('data', (d) => log('data', d));
  m.on('end', () => { log('end'); done(); });
  for (let i = 0; i < 5; i++) src.push(i);
  ticks(1);
  setImmediate(() => src.push(null));
});

scenario('filter + take timing', (done) => {
  const r = Readable.from([1, 2, 3, 4, 5, 6]);
  r.on('close', () => log('src close'));
  const out = r.filter((x) => { log('filter', x); return x % 2 === 0; }).take(2);
  out.on('data', (d) => log('data', d));
  out.on('close', () => { log('out close'); done(); });
  ticks(1);
});

scenario('forEach sync fn timing', async () => {
  ticks(1);
  await Readable.from([1, 2, 3]).forEach((x) => log('each', x));
  log('forEach done');
});

scenario('toArray and reduce timing', async () => {
  ticks(1);
  const p1 = Readable.from([1, 2]).toArray().then((a) => log('toArray', a));
  const p2 = Readable.from([1, 2]).reduce((a, b) => a + b, 0).then((a) => log('reduce', a));
  await Promise.all([p1, p2]);
});

scenario('async iterator with slow consumer', async () => {
  const r = new Readable({ objectMode: true, highWaterMark: 2, read() { log('_read', this.readableLength); } });
  for (let i = 0; i < 4; i++) r.push(i);
  setImmediate(() => r.push(null));
  for await (const x of r) { log('got', x); await imm(1); }
  log('loop end');
});

scenario('flatMap timing', (done) => {
  const out = Readable.from([1, 2]).flatMap(async function* (x) { yield x; await imm(1); yield -x; });
  out.on('data', (d) => log('data', d));
  out.on('end', () => { log('end'); done(); });
});

scenario('map highWaterMark buffering', (done) => {
  let pulled = 0;
  const src = Readable.from((function* () { for (let i = 0; i < 10; i++) { pulled++; yield i; } })());
  const m = src.map((x) => x, { concurrency: 1, highWaterMark: 3 });
  setImmediate(() => setImmediate(() => { log('pulled before consuming', pulled); m.on('data', () => {}); m.on('end', () => { log('pulled', pulled); done(); }); }));
});
}
