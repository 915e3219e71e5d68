// @stdout-only
// Stream module scenarios (ops1): events logged with nextTick, microtask and
// immediate markers, to compare event ordering with Node's.
'use strict';
const helpers = require('../fixtures/stream_harness');

{
const { Readable, Writable, Duplex, PassThrough, Transform, pipeline, finished, promises, log, watch, ticks, state, scenario } = helpers;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

scenario('map/filter/toArray', async () => {
  log(await Readable.from([1, 2, 3, 4]).map((x) => x * 2).filter((x) => x > 2).toArray());
  log(await Readable.from([1, 2, 3]).map(async (x) => { await sleep(3 - x); return x; }, { concurrency: 3 }).toArray());
});

scenario('map concurrency order and limit', async () => {
  let active = 0; let maxActive = 0;
  const res = await Readable.from([5, 1, 3, 2, 4]).map(async (x) => { active++; maxActive = Math.max(maxActive, active); await sleep(x); active--; return x; }, { concurrency: 2 }).toArray();
  log(res, maxActive);
});

scenario('forEach', async () => {
  const seen = [];
  const r = await Readable.from([1, 2, 3]).forEach(async (x) => { await sleep(1); seen.push(x); });
  log(r, seen);
});

scenario('some/every/find', async () => {
  log(await Readable.from([1, 2, 3]).some((x) => x > 2), await Readable.from([1, 2, 3]).some((x) => x > 5));
  log(await Readable.from([1, 2, 3]).every((x) => x > 0), await Readable.from([1, 2, 3]).every((x) => x > 1));
  log(await Readable.from([1, 2, 3]).find((x) => x > 1), await Readable.from([1, 2, 3]).find((x) => x > 5));
});

scenario('some stops source', async () => {
  const r = Readable.from([1, 2, 3, 4, 5]);
  watch('r', r, ['close', 'error']);
  log(await r.some((x) => x === 2), r.destroyed);
});

scenario('reduce', async () => {
  log(await Readable.from([1, 2, 3]).reduce((a, b) => a + b));
  log(await Readable.from([1, 2, 3]).reduce((a, b) => a + b, 10));
  log(await Readable.from([]).reduce((a, b) => a + b, 10));
  try { await Readable.from([]).reduce((a, b) => a + b); } catch (e) { log('empty', e); }
  try { await Readable.from([1]).reduce(5); } catch (e) { log('bad', e); }
});

scenario('drop/take', async () => {
  log(await Readable.from([1, 2, 3, 4, 5]).drop(2).toArray());
  log(await Readable.from([1, 2, 3, 4, 5]).take(2).toArray());
  log(await Readable.from([1, 2, 3]).take(0).toArray());
  log(await Readable.from([1, 2, 3]).drop(10).toArray());
  try { Readable.from([1]).drop(-1); } catch (e) { log(e); }
  log(await Readable.from([1, 2, 3]).take('2').toArray(), await Readable.from([1, 2]).drop(NaN).toArray());
});

scenario('take destroys source', async () => {
  const r = Readable.from([1, 2, 3, 4]);
  watch('r', r, ['close', 'error']);
  log(await r.take(2).toArray(), r.destroyed);
});

scenario('flatMap', async () => {
  log(await Readable.from([1, 2]).flatMap((x) => [x, x * 10]).toArray());
  log(await Readable.from([1, 2]).flatMap(async function* (x) { yield x; yield -x; }).toArray());
  log(await Readable.from([1, 2]).flatMap((x) => Readable.from([x, x])).toArray());
});

scenario('asIndexedPairs', async () => {
  log(await Readable.from(['a', 'b']).asIndexedPairs().toArray());
});

scenario('map error propagates', async () => {
  const r = Readable.from([1, 2, 3]);
  watch('r', r, ['close', 'error']);
  try { await r.map((x) => { if (x === 2) throw new Error('map err'); return x; }).toArray(); } catch (e) { log('caught', e); }
  log(r.destroyed);
});

scenario('map with signal abort', async () => {
  const ac = new AbortController();
  const r = Readable.from([1, 2, 3, 4]);
  const m = r.map(async (x, { signal }) => { if (x === 2) ac.abort(); await sleep(1); return x; }, { signal: ac.signal });
  try { log(await m.toArray()); } catch (e) { log('caught', e); }
});

scenario('toArray with aborted signal', async () => {
  const ac = new AbortController(); ac.abort();
  try { await Readable.from([1]).toArray({ signal: ac.signal }); } catch (e) { log('caught', e); }
  const ac2 = new AbortController(); ac2.abort('r');
  try { await Readable.from([1]).reduce((a, b) => a + b, 0, { signal: ac2.signal }); } catch (e) { log('caught', e); }
});

scenario('operator validation', () => {
  const r = Readable.from([1]);
  for (const f of [() => r.map(1), () => r.map(() => 1, 5), () => r.map(() => 1, { concurrency: 0 }), () => r.map(() => 1, { signal: 5 }), () => r.filter(null), () => r.flatMap(1), () => new r.map(), () => r.take(-1)]) {
    try { const x = f(); log('ok', typeof x); } catch (e) { log(e); }
  }
  r.toArray().then(() => {});
  r.forEach(5).catch((e) => log('forEach rejected', e));
  r.every(5).catch((e) => log('every rejected', e));
  r.toArray(5).catch((e) => log('toArray rejected', e));
});

scenario('operators on non-object stream', async () => {
  const r = new Readable({ read() {} });
  r.push('ab'); r.push('cd'); r.push(null);
  log(await r.map((c) => c.toString()).toArray());
});

scenario('map returned stream is objectMode', async () => {
  const m = Readable.from([1]).map((x) => x);
  log(m.readableObjectMode, m.readableHighWaterMark, m.constructor.name);
  log(await m.toArray());
});

scenario('compose operator', async () => {
  const t = new Transform({ objectMode: true, transform(c, e, cb) { cb(null, c + 1); } });
  log(await Readable.from([1, 2]).compose(t).toArray());
  log(await Readable.from([1, 2]).compose(async function* (s) { for await (const x of s) yield x * 3; }).toArray());
});
}
