// @stdout-only
// Stream module scenarios (misc1): events logged with nextTick, microtask and
// immediate markers, to compare event ordering with Node's.
'use strict';
const helpers = require('../fixtures/stream_harness');

{
const { Readable, Writable, Duplex, PassThrough, Transform, pipeline, finished, promises, compose, addAbortSignal, log, watch, ticks, state, scenario } = helpers;
const stream = helpers.stream;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

scenario('construct readable', (done) => {
  const r = new Readable({
    construct(cb) { log('_construct'); setTimeout(() => { log('constructed'); cb(); }, 2); },
    read() { log('_read'); this.push('x'); this.push(null); },
  });
  watch('r', r, ['end', 'close', 'resume']);
  r.on('data', (d) => log('data', d));
  ticks(1);
  r.on('close', done);
});

scenario('construct writable buffers writes', (done) => {
  const w = new Writable({
    construct(cb) { log('_construct'); cb(); },
    write(c, e, cb) { log('_write', c); cb(); },
    final(cb) { log('_final'); cb(); },
  });
  watch('w', w);
  log(w.write('a'), w.writableLength);
  w.end('b');
  ticks(1);
  w.on('close', done);
});

scenario('construct error', () => {
  const w = new Writable({ construct(cb) { cb(new Error('ctor fail')); }, write(c, e, cb) { cb(); } });
  watch('w', w);
  w.write('a', (err) => log('write cb', err));
  ticks(1);
});

scenario('construct throws', () => {
  const r = new Readable({ construct() { throw new Error('ctor throw'); }, read() {} });
  watch('r', r);
});

scenario('destroy before construct done', (done) => {
  const r = new Readable({ construct(cb) { log('_construct'); setTimeout(() => cb(new Error('late ctor err')), 2); }, read() {}, destroy(err, cb) { log('_destroy', err); cb(err); } });
  watch('r', r);
  r.destroy(new Error('early'), (err) => log('destroy cb', err));
  r.on('close', done);
});

scenario('construct duplex', (done) => {
  const d = new Duplex({
    construct(cb) { log('_construct'); setTimeout(cb, 1); },
    read() { log('_read'); },
    write(c, e, cb) { log('_write', c); this.push(c); cb(); },
    final(cb) { this.push(null); cb(); },
  });
  watch('d', d);
  d.on('data', (x) => log('data', x));
  d.end('z');
  d.on('close', done);
});

scenario('construct callback twice', () => {
  const r = new Readable({ construct(cb) { cb(); cb(); }, read() {} });
  watch('r', r);
});

scenario('addAbortSignal', (done) => {
  const ac = new AbortController();
  const r = addAbortSignal(ac.signal, new Readable({ read() {} }));
  watch('r', r);
  ac.abort('because');
  r.on('close', done);
});

scenario('signal option', (done) => {
  const ac = new AbortController();
  const w = new Writable({ signal: ac.signal, write(c, e, cb) { cb(); } });
  watch('w', w);
  setTimeout(() => ac.abort(), 1);
  w.on('close', done);
});

scenario('pre-aborted signal option', () => {
  const ac = new AbortController(); ac.abort();
  const r = new Readable({ signal: ac.signal, read() {} });
  log(r.destroyed);
  watch('r', r);
});

scenario('addAbortSignal validation', () => {
  try { addAbortSignal({}, new Readable()); } catch (e) { log(e); }
  try { addAbortSignal(new AbortController().signal, {}); } catch (e) { log(e); }
});

scenario('compose streams', async () => {
  const up = new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } });
  const ex = new Transform({ transform(c, e, cb) { cb(null, c + '!'); } });
  const d = compose(up, ex);
  log(d.readable, d.writable, d.constructor.name);
  d.end('hi');
  const out = [];
  for await (const c of d) out.push(String(c));
  log(out);
});

scenario('compose with generators', async () => {
  const d = compose(async function* (src) { for await (const c of src) yield String(c) + '1'; }, async function* (src) { for await (const c of src) yield c + '2'; });
  d.write('a'); d.end('b');
  const out = [];
  for await (const c of d) out.push(c);
  log(out);
});

scenario('compose readable source', async () => {
  const d = compose(Readable.from(['x', 'y']), async function* (s) { for await (const c of s) yield c.toUpperCase(); });
  log(d.readable, d.writable);
  log(await d.toArray());
});

scenario('compose errors', async () => {
  try { compose(); } catch (e) { log(e); }
  const d = compose(new PassThrough(), new Transform({ transform(c, e, cb) { cb(new Error('inner')); } }));
  d.on('error', (e) => log('composed error', e));
  d.on('close', () => log('composed close'));
  d.write('a');
  await sleep(5);
  try { compose(new Writable({ write() {} }), new PassThrough()); } catch (e) { log(e.code, e.message.split('.')[0]); }
});

scenario('compose destroy', async () => {
  const a = new PassThrough(); const b = new PassThrough();
  watch('a', a, ['close', 'error']); watch('b', b, ['close', 'error']);
  const d = compose(a, b);
  watch('d', d, ['close', 'error']);
  d.destroy();
  await sleep(5);
});

scenario('Duplex.from variants', async () => {
  const d1 = Duplex.from(Readable.from(['r']));
  log(d1.constructor.name, d1.readable, d1.writable, await d1.toArray());
  const w = new Writable({ write(c, e, cb) { log('inner write', c); cb(); } });
  const d2 = Duplex.from(w);
  log(d2.readable, d2.writable);
  d2.end('to-w');
  await sleep(3);
  const d3 = Duplex.from(async function* (src) { for await (const c of src) yield String(c).repeat(2); });
  d3.end('ab');
  log(await d3.toArray());
  const d4 = Duplex.from([1, 2]);
  log(d4.readable, d4.writable, await d4.toArray());
  const d5 = Duplex.from(Promise.resolve('p'));
  log(await d5.toArray());
  const d6 = Duplex.from({ readable: Readable.from(['pair']), writable: new Writable({ write(c, e, cb) { log('pair write', c); cb(); } }) });
  d6.end('w');
  log(await d6.toArray());
  const pt = new PassThrough();
  log(Duplex.from(pt) === pt);
  const d7 = Duplex.from(async function (src) { for await (const c of src) log('sink got', c); });
  d7.end('s');
  await new Promise((r) => d7.on('finish', r));
  log('d7 finished', d7.readable);
  try { Duplex.from(5); } catch (e) { log(e); }
  try { Duplex.from(() => 5); } catch (e) { log(e); }
});

scenario('destroy/isX helpers', async () => {
  const r = new Readable({ read() {} });
  log(stream.isReadable(r), stream.isWritable(r), stream.isDestroyed(r), stream.isErrored(r));
  stream.destroy(r, new Error('x'));
  r.on('error', () => {});
  log(stream.isReadable(r), stream.isDestroyed(r), stream.isErrored(r));
  const w = new Writable({ write(c, e, cb) { cb(); } });
  log(stream.isWritable(w), stream.isReadable(w));
  w.end();
  log(stream.isWritable(w));
  log(stream.isReadable({}), stream.isDestroyed({}), stream.isErrored({}), stream.isDisturbed({}));
  const ee = new (require('events'))();
  ee.on('close', () => log('plain ee close'));
  stream.destroy(ee);
  await sleep(2);
});

scenario('default hwm', () => {
  log(stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true));
  stream.setDefaultHighWaterMark(false, 100);
  log(new Readable().readableHighWaterMark, new Writable().writableHighWaterMark);
  stream.setDefaultHighWaterMark(false, 16384);
  try { stream.setDefaultHighWaterMark(true, 1.5); } catch (e) { log(e); }
});

scenario('duplexPair', (done) => {
  const [a, b] = stream.duplexPair();
  log(a.constructor.name);
  a.write('hi', () => log('a write cb'));
  b.on('data', (d) => log('b data', d));
  a.end(() => log('a end cb'));
  b.on('end', () => log('b end'));
  b.end();
  a.resume();
  a.on('close', () => { log('a close'); done(); });
});

scenario('exports shape', () => {
  log(typeof stream, stream === stream.Stream, Object.keys(stream));
  log(typeof stream.promises.pipeline, stream.promises === promises);
  const util = require('util');
  log(util.promisify(stream.pipeline) === promises.pipeline, util.promisify(stream.finished) === promises.finished);
  log(Object.getOwnPropertyNames(stream.Readable).filter((k) => !/Web$/.test(k)).sort().join());
  log(Object.getOwnPropertyNames(stream.Readable.prototype).sort().join());
  log(Object.getOwnPropertyNames(stream.Writable.prototype).sort().join());
  log(Object.getOwnPropertyNames(stream.Duplex.prototype).sort().join());
  log(stream._isUint8Array(Buffer.alloc(1)), stream._isArrayBufferView(new DataView(new ArrayBuffer(1))), stream._uint8ArrayToBuffer(new Uint8Array([1])));
  log(new stream.Readable()._readableState.pipesCount, typeof new stream.Writable()._writableState.getBuffer);
});
}
