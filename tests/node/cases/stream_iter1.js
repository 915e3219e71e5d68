// @stdout-only
// Stream module scenarios (iter1): events logged with nextTick, microtask and
// immediate markers, to compare event ordering with Node's.
'use strict';
const helpers = require('../fixtures/stream_harness');

{
const { Readable, Writable, Duplex, PassThrough, Transform, pipeline, finished, promises, log, watch, ticks, state, scenario } = helpers;

scenario('for await basic', async () => {
  const r = new Readable({ read() {} });
  watch('r', r, ['end', 'close', 'error']);
  r.push('a'); setTimeout(() => { r.push('b'); r.push(null); }, 1);
  for await (const c of r) log('chunk', c);
  log('loop done', r.destroyed);
});

scenario('for await break destroys', async () => {
  const r = Readable.from([1, 2, 3, 4]);
  watch('r', r, ['end', 'close', 'error']);
  for await (const c of r) { log('chunk', c); if (c === 2) break; }
  log('after break', r.destroyed, r.readableAborted);
  ticks(1);
});

scenario('iterator destroyOnReturn false', async () => {
  const r = Readable.from([1, 2, 3, 4]);
  watch('r', r, ['end', 'close', 'error']);
  for await (const c of r.iterator({ destroyOnReturn: false })) { log('chunk', c); if (c === 2) break; }
  log('after break', r.destroyed);
  for await (const c of r) log('rest', c);
});

scenario('for await with error', async () => {
  const r = new Readable({ read() {} });
  r.push('a');
  setTimeout(() => r.destroy(new Error('iter boom')), 1);
  try { for await (const c of r) log('chunk', c); } catch (e) { log('caught', e); }
});

scenario('for await throw in body', async () => {
  const r = Readable.from(['a', 'b']);
  watch('r', r, ['close', 'error']);
  try { for await (const c of r) { throw new Error('body'); } } catch (e) { log('caught', e); }
  await new Promise((res) => setImmediate(res));
  log('destroyed', r.destroyed);
});

scenario('async iterator objectMode and strings', async () => {
  const r = new Readable({ objectMode: true, read() {} });
  r.push(1); r.push('two'); r.push({ three: 3 }); r.push(null);
  const out = [];
  for await (const c of r) out.push(c);
  log(out);
  const r2 = new Readable({ read() {}, encoding: 'utf8' });
  r2.push('he'); r2.push('llo'); r2.push(null);
  for await (const c of r2) log('str chunk', c);
});

scenario('premature close during iteration', async () => {
  const r = new Readable({ read() {} });
  setTimeout(() => r.destroy(), 1);
  try { for await (const c of r) log(c); log('no error'); } catch (e) { log('caught', e); }
});

scenario('iterate non-stream (old style) via asyncIterator', async () => {
  const { Stream } = helpers;
  const old = new Stream();
  old.pause = () => {}; old.resume = () => {};
  const it = Readable.prototype[Symbol.asyncIterator].call(old);
  setTimeout(() => { old.emit('data', 'x'); old.emit('data', 'y'); old.emit('end'); }, 1);
  for await (const c of it) log('old chunk', c);
});

scenario('from sync iterable timing', () => {
  const r = Readable.from([1, 2, 3]);
  watch('r', r, ['end', 'close', 'pause', 'resume']);
  r.on('data', (d) => log('data', d));
  ticks(1);
});

scenario('from array of promises', (done) => {
  const r = Readable.from([Promise.resolve(1), 2, Promise.resolve(3)]);
  watch('r', r, ['end', 'close']);
  r.on('data', (d) => log('data', d));
  ticks(1);
  r.on('close', done);
});

scenario('from async generator', (done) => {
  async function* gen() { yield 'a'; await new Promise((r) => setTimeout(r, 1)); yield 'b'; }
  const r = Readable.from(gen());
  watch('r', r, ['end', 'close']);
  r.on('data', (d) => log('data', d));
  r.on('close', done);
});

scenario('from string / buffer / objectMode false', (done) => {
  const r = Readable.from('hello');
  r.on('data', (d) => log('data', d, r.readableObjectMode));
  const r2 = Readable.from(Buffer.from('buf'));
  r2.on('data', (d) => log('data2', d));
  const r3 = Readable.from(['x', 'y'], { objectMode: false });
  r3.on('data', (d) => log('data3', d));
  r3.on('close', done);
});

scenario('from null value', (done) => {
  const r = Readable.from([1, null, 2]);
  watch('r', r, ['error', 'close', 'end']);
  r.on('data', (d) => log('data', d));
  r.on('close', done);
});

scenario('from generator throws', (done) => {
  function* gen() { yield 1; throw new Error('gen err'); }
  const r = Readable.from(gen());
  watch('r', r, ['error', 'close', 'end']);
  r.on('data', (d) => log('data', d));
  r.on('close', done);
});

scenario('from destroy calls return', (done) => {
  let closed = false;
  const it = { i: 0, [Symbol.iterator]() { return this; }, next() { return { value: this.i++, done: false }; }, return() { log('return called'); closed = true; return { done: true }; } };
  const r = Readable.from(it);
  watch('r', r, ['close', 'error']);
  r.once('data', (d) => { log('data', d); r.destroy(); });
  r.on('close', () => { log('closed', closed); done(); });
});

scenario('from async generator destroy with error calls throw', (done) => {
  async function* gen() { try { yield 1; yield 2; } catch (e) { log('gen caught', e); } finally { log('gen finally'); } }
  const r = Readable.from(gen());
  watch('r', r, ['close', 'error']);
  r.once('data', (d) => { log('data', d); r.destroy(new Error('stop')); });
  r.on('close', done);
});

scenario('from backpressure with hwm', (done) => {
  let pulled = 0;
  function* gen() { for (let i = 0; i < 5; i++) { pulled++; yield i; } }
  const r = Readable.from(gen(), { highWaterMark: 2 });
  setTimeout(() => { log('pulled before reading', pulled, r.readableLength); r.resume(); r.on('end', () => { log('pulled', pulled); done(); }); }, 2);
});

scenario('Readable.from errors', () => {
  try { Readable.from(5); } catch (e) { log(e); }
  try { Readable.from({}); } catch (e) { log(e); }
});

scenario('asyncDispose', async () => {
  const r = new Readable({ read() {} });
  watch('r', r, ['close', 'error']);
  await r[Symbol.asyncDispose]();
  log('disposed', r.destroyed, r.errored);
  const w = new Writable({ write(c, e, cb) { cb(); } });
  watch('w', w, ['close', 'error']);
  await w[Symbol.asyncDispose]();
  log('w disposed', w.destroyed);
});
}
