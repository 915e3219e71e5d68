// @stdout-only
// Stream module scenarios (misc2): events logged with nextTick, microtask and
// immediate markers, to compare event ordering with Node's.
'use strict';
const helpers = require('../fixtures/stream_harness');

{
const { Readable, Writable, Duplex, PassThrough, Transform, pipeline, finished, promises, compose, log, watch, ticks, state, scenario } = helpers;
const stream = helpers.stream;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

scenario('pipeline through duplex pair-ish', (done) => {
  const d = new Duplex({ read() {}, write(c, e, cb) { this.push(c); cb(); }, final(cb) { this.push(null); cb(); } });
  const out = [];
  pipeline(Readable.from(['1', '2']), d, new Writable({ write(c, e, cb) { out.push(String(c)); cb(); } }), (err) => { log('cb', err, out); done(); });
});

scenario('Readable.from(stream)', async () => {
  const src = new PassThrough();
  src.end('abc');
  const r = Readable.from(src);
  log(await r.toArray());
});

scenario('Readable.from objectMode false non-buffer', (done) => {
  const r = Readable.from([1, 2], { objectMode: false });
  watch('r', r, ['error', 'close']);
  r.resume();
  r.on('close', done);
});

scenario('objectMode hwm 0 read', (done) => {
  const r = new Readable({ objectMode: true, highWaterMark: 0, read() { log('_read'); } });
  r.on('readable', () => log('readable', r.read()));
  r.push({ a: 1 });
  setTimeout(() => { r.push(null); setTimeout(done, 2); }, 2);
});

scenario('Duplex.from generator error', async () => {
  const d = Duplex.from(async function* (src) { for await (const c of src) { throw new Error('gen broke'); } });
  d.on('error', (e) => log('error', e));
  d.on('close', () => log('close'));
  d.write('x');
  await sleep(5);
});

scenario('destroy during data with pipes', (done) => {
  const r = new Readable({ read() {} });
  const w = new PassThrough();
  watch('w', w, ['unpipe', 'close', 'finish', 'error']);
  r.pipe(w);
  r.on('data', () => { r.destroy(); });
  r.push('a'); r.push('b');
  setTimeout(() => { state('r', r); state('w', w); done(); }, 3);
});

scenario('promises.finished cleanup option', async () => {
  const r = Readable.from(['a']);
  r.resume();
  await promises.finished(r, { cleanup: true });
  log('listeners', r.listenerCount('end'), r.listenerCount('close'), r.listenerCount('error'));
});

scenario('writable destroy in write callback', (done) => {
  const w = new Writable({ write(c, e, cb) { this.destroy(); cb(); } });
  watch('w', w);
  w.write('a', (err) => log('cb a', err));
  w.write('b', (err) => log('cb b', err));
  setTimeout(done, 3);
});

scenario('final then destroy', (done) => {
  const w = new Writable({ write(c, e, cb) { cb(); }, final(cb) { log('_final'); setTimeout(() => { log('final cb'); cb(); }, 10); } });
  watch('w', w);
  w.end(() => log('end cb'));
  setImmediate(() => w.destroy());
  setTimeout(done, 20);
});

scenario('readable errored getter and read after error', () => {
  const r = new Readable({ read() {}, autoDestroy: false });
  r.on('error', (e) => log('error', e));
  r.destroy(new Error('e1'));
  log(r.errored && r.errored.message, r.read(), r.readableAborted);
});

scenario('undestroy', (done) => {
  const w = new Writable({ write(c, e, cb) { log('w', c); cb(); } });
  w.destroy();
  w.on('close', () => {
    w._undestroy();
    state('w', w);
    w.write('again', () => { log('written'); done(); });
  });
});

scenario('events.once on stream', async () => {
  const { once } = require('events');
  const r = new Readable({ read() {} });
  setTimeout(() => r.push('x'), 1);
  const [d] = await once(r, 'data');
  log('once data', d);
});

scenario('events.on iteration', async () => {
  const { on } = require('events');
  const r = Readable.from(['a', 'b']);
  const seen = [];
  const ac = new AbortController();
  r.on('end', () => ac.abort());
  try { for await (const [d] of on(r, 'data', { signal: ac.signal })) seen.push(d); } catch (e) { log(e.name); }
  log(seen);
});

scenario('write in finish listener', () => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  watch('w', w);
  w.on('finish', () => { w.write('late', (err) => log('late cb', err)); });
  w.end();
});

scenario('readable push from within data listener (reentrancy)', (done) => {
  const r = new Readable({ read() {} });
  let first = true;
  r.on('data', (d) => { log('data', d); if (first) { first = false; r.push('inner'); log('after inner push', r.readableLength); } });
  r.push('outer');
  setTimeout(() => { r.push('later'); r.push(null); }, 1);
  r.on('close', done);
});

scenario('highWaterMark edge: push returns false exactly at hwm', () => {
  const r = new Readable({ highWaterMark: 3, read() {} });
  log(r.push('a'), r.push('b'), r.push('c'), r.push('d'), r.readableLength);
  const r2 = new Readable({ highWaterMark: 0, read() {} });
  log(r2.push('a'), r2.push('b'));
});

scenario('Writable writev callback errors', (done) => {
  const w = new Writable({ writev(chunks, cb) { cb(new Error('v fail')); }, write(c, e, cb) { setTimeout(cb, 1); } });
  watch('w', w);
  w.write('a', (err) => log('cb a', err));
  w.write('b', (err) => log('cb b', err));
  w.write('c', (err) => log('cb c', err));
  setTimeout(done, 5);
});

scenario('pipe with destroyed destination mid-flow', (done) => {
  const r = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { setTimeout(cb, 1); } });
  watch('r', r, ['pause', 'resume', 'close']); watch('w', w, ['unpipe', 'close', 'error']);
  r.pipe(w);
  r.push('a'); r.push('b');
  setTimeout(() => { w.destroy(); r.push('c'); setTimeout(() => { log('r flowing', r.readableFlowing, r.readableLength); done(); }, 3); }, 1);
});
}
