// @stdout-only
// Stream module scenarios (duplex1): events logged with nextTick, microtask and
// immediate markers, to compare event ordering with Node's.
'use strict';
const helpers = require('../fixtures/stream_harness');

{
const { Readable, Writable, Duplex, PassThrough, Transform, log, watch, ticks, state, scenario } = helpers;

scenario('duplex basic', (done) => {
  const d = new Duplex({
    read() {},
    write(c, e, cb) { log('_write', c); this.push(String(c).toUpperCase()); cb(); },
    final(cb) { log('_final'); this.push(null); cb(); },
  });
  watch('d', d);
  d.on('data', (x) => log('data', x));
  d.write('a'); d.end('b');
  d.on('close', done);
});

scenario('duplex allowHalfOpen false', (done) => {
  const d = new Duplex({ allowHalfOpen: false, read() {}, write(c, e, cb) { cb(); } });
  watch('d', d);
  d.resume(); d.push(null);
  d.on('close', () => { state('d', d); done(); });
});

scenario('duplex half open stays', (done) => {
  const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
  watch('d', d);
  d.resume(); d.push(null);
  setTimeout(() => { state('d', d); d.end(); d.on('close', done); }, 3);
});

scenario('duplex readable:false / writable:false', () => {
  const d1 = new Duplex({ readable: false, write(c, e, cb) { cb(); } });
  const d2 = new Duplex({ writable: false, read() {} });
  state('d1', d1); state('d2', d2);
  log(d1.readableEnded, d2.writableFinished, d1.writableObjectMode, d2.allowHalfOpen);
  watch('d1', d1); d1.end('x');
  watch('d2', d2); d2.push(null); d2.resume();
});

scenario('duplex object modes', () => {
  const d = new Duplex({ readableObjectMode: true, writableHighWaterMark: 5, readableHighWaterMark: 3 });
  log(d.readableObjectMode, d.writableObjectMode, d.readableHighWaterMark, d.writableHighWaterMark);
  const d2 = new Duplex({ objectMode: true, highWaterMark: 7 });
  log(d2.readableObjectMode, d2.writableObjectMode, d2.readableHighWaterMark, d2.writableHighWaterMark);
  log(Object.keys(d).join(','), d.destroyed, d.writable, d.readable);
});

scenario('duplex destroy', () => {
  const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
  watch('d', d);
  d.write('x', (err) => log('write cb', err));
  d.destroy(new Error('dd'));
  state('d', d);
  d.write('y', (err) => log('write2 cb', err));
});

scenario('transform basic', (done) => {
  const t = new Transform({ transform(c, e, cb) { log('_transform', c, e); cb(null, String(c) + '!'); }, flush(cb) { log('_flush'); cb(null, 'END'); } });
  watch('t', t);
  t.on('data', (x) => log('data', x));
  t.write('a'); t.write('b'); t.end();
  ticks(1);
  t.on('close', done);
});

scenario('transform backpressure', (done) => {
  let n = 0;
  const t = new Transform({ highWaterMark: 2, transform(c, e, cb) { log('_transform', c); cb(null, c); } });
  watch('t', t, ['drain', 'finish', 'end']);
  for (let i = 0; i < 5; i++) log('write ret', t.write('x' + i, () => log('cb', i)));
  t.end();
  setTimeout(() => { log('start reading', t.readableLength, t.writableLength); t.on('data', (d) => log('data', d, ++n)); }, 3);
  t.on('close', done);
});

scenario('transform error', () => {
  const t = new Transform({ transform(c, e, cb) { cb(new Error('tx fail')); } });
  watch('t', t);
  t.write('a', (err) => log('write cb', err));
});

scenario('transform flush error', () => {
  const t = new Transform({ transform(c, e, cb) { cb(); }, flush(cb) { cb(new Error('flush fail')); } });
  watch('t', t);
  t.end((err) => log('end cb', err)); t.resume();
});

scenario('transform push null inside transform', (done) => {
  const t = new Transform({ transform(c, e, cb) { this.push(c); this.push(null); cb(); } });
  watch('t', t);
  t.on('data', (d) => log('data', d));
  t.write('a', () => log('cb a'));
  t.write('b', (err) => log('cb b', err));
  setTimeout(done, 5);
});

scenario('transform no _transform', () => {
  const t = new Transform();
  watch('t', t);
  t.write('a');
});

scenario('passthrough objectMode', (done) => {
  const p = new PassThrough({ objectMode: true });
  p.on('data', (d) => log('data', d));
  p.write({ a: 1 }); p.write(null === 1 ? 1 : 0); p.write(''); p.end({ b: 2 });
  watch('p', p);
  p.on('close', done);
});

scenario('transform hwm 0', () => {
  const t = new Transform({ highWaterMark: 0, transform(c, e, cb) { cb(null, c); } });
  log(t.readableHighWaterMark, t.writableHighWaterMark);
  const t2 = new Transform({ readableHighWaterMark: 0, writableHighWaterMark: 4 });
  log(t2.readableHighWaterMark, t2.writableHighWaterMark);
});

scenario('transform sync callback then read', (done) => {
  const t = new PassThrough();
  t.write('abc');
  log(t.readableLength, t.writableLength);
  t.end();
  t.on('readable', () => { let c; while ((c = t.read()) !== null) log('read', c); });
  watch('t', t, ['end', 'finish', 'prefinish', 'close']);
  t.on('close', done);
});

scenario('Transform subclass with _final override', (done) => {
  class T extends Transform {
    _transform(c, e, cb) { cb(null, c); }
    _final(cb) { log('custom _final'); setTimeout(cb, 1); }
    _flush(cb) { log('_flush'); cb(null, 'F'); }
  }
  const t = new T();
  watch('t', t, ['end', 'finish', 'prefinish', 'close']);
  t.on('data', (d) => log('data', d));
  t.end('x');
  t.on('close', done);
});

scenario('old-style inheritance', (done) => {
  const util = require('util');
  function MyReadable(opts) { Readable.call(this, opts); this.n = 0; }
  util.inherits(MyReadable, Readable);
  MyReadable.prototype._read = function () { this.push(this.n < 2 ? String(this.n++) : null); };
  const r = new MyReadable();
  r.on('data', (d) => log('data', d));
  function MyDuplex(opts) { Duplex.call(this, opts); }
  util.inherits(MyDuplex, Duplex);
  log(new MyDuplex() instanceof Writable, new MyDuplex().allowHalfOpen);
  r.on('close', done);
});
}
