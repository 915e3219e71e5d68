// @stdout-only
// Stream module scenarios (pipe1): events logged with nextTick, microtask and
// immediate markers, to compare event ordering with Node's.
'use strict';
const helpers = require('../fixtures/stream_harness');

{
const { Readable, Writable, PassThrough, Transform, log, watch, ticks, state, scenario } = helpers;

function slowSink(name, hwm, delay) {
  return new Writable({ highWaterMark: hwm, write(c, e, cb) { log(`${name}._write`, c); setTimeout(cb, delay); } });
}

scenario('pipe with backpressure', (done) => {
  let i = 0;
  const r = new Readable({ highWaterMark: 4, read() { log('_read'); this.push(i < 6 ? 'ab' + i++ : null); } });
  const w = slowSink('w', 4, 1);
  watch('r', r); watch('w', w);
  r.pipe(w);
  w.on('close', done);
});

scenario('pipe sync sink', (done) => {
  const r = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { log('write', c); cb(); } });
  watch('r', r); watch('w', w);
  r.pipe(w);
  r.push('a'); r.push('b'); ticks(1); r.push(null);
  w.on('close', done);
});

scenario('pipe to two destinations, one slow', (done) => {
  const r = new Readable({ highWaterMark: 2, read() {} });
  const fast = new Writable({ highWaterMark: 1, write(c, e, cb) { log('fast', c); cb(); } });
  const slow = slowSink('slow', 1, 3);
  watch('r', r, ['pause', 'resume', 'end']); watch('fast', fast, ['drain', 'finish']); watch('slow', slow, ['drain', 'finish']);
  r.pipe(fast); r.pipe(slow);
  for (const c of ['1', '2', '3', '4']) r.push(c);
  r.push(null);
  slow.on('close', done);
});

scenario('unpipe', (done) => {
  const r = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { log('write', c); cb(); } });
  watch('r', r); watch('w', w);
  r.pipe(w);
  r.push('a');
  setTimeout(() => { r.unpipe(w); log('flowing', r.readableFlowing, r._readableState.pipes.length); r.push('b'); setTimeout(() => { log('len', r.readableLength); done(); }, 2); }, 2);
});

scenario('unpipe all', () => {
  const r = new Readable({ read() {} });
  const w1 = new PassThrough(); const w2 = new PassThrough();
  watch('w1', w1, ['unpipe', 'pipe']); watch('w2', w2, ['unpipe', 'pipe']);
  r.pipe(w1); r.pipe(w2); r.unpipe(); log(r.readableFlowing); r.unpipe(w1);
});

scenario('pipe end false', (done) => {
  const r = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { cb(); } });
  watch('r', r); watch('w', w);
  r.pipe(w, { end: false });
  r.push('a'); r.push(null);
  setTimeout(() => { state('w', w); done(); }, 3);
});

scenario('dest error unpipes', (done) => {
  const r = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { cb(new Error('sink broke')); } });
  watch('r', r); watch('w', w);
  r.pipe(w);
  r.push('a'); r.push('b');
  setTimeout(() => { state('r', r); log(r._readableState.pipes.length); done(); }, 3);
});

scenario('dest error without handler throws', (done) => {
  const r = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { cb(new Error('sink broke')); } });
  r.pipe(w);
  r.push('a');
  setTimeout(done, 3);
});

scenario('source destroyed while piping', (done) => {
  const r = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { setTimeout(cb, 1); } });
  watch('r', r); watch('w', w);
  r.pipe(w);
  r.push('a');
  setTimeout(() => { r.destroy(); setTimeout(() => { state('w', w); done(); }, 3); }, 1);
});

scenario('pipe chain through transforms', (done) => {
  const r = Readable.from(['a', 'b', 'c']);
  const up = new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } });
  const dbl = new Transform({ transform(c, e, cb) { this.push(c); this.push(c); cb(); }, flush(cb) { this.push('!'); cb(); } });
  const out = [];
  const w = new Writable({ write(c, e, cb) { out.push(String(c)); cb(); } });
  watch('up', up, ['end', 'finish', 'close', 'prefinish']); watch('dbl', dbl, ['end', 'finish', 'close']); watch('w', w, ['finish', 'close']);
  r.pipe(up).pipe(dbl).pipe(w);
  w.on('close', () => { log(out.join('')); done(); });
});

scenario('pipe from ended stream', (done) => {
  const r = new Readable({ read() {} });
  r.push(null); r.resume();
  r.on('end', () => {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    watch('w', w);
    r.pipe(w);
    setTimeout(done, 3);
  });
});

scenario('pipe to dest needing drain', (done) => {
  const w = new Writable({ highWaterMark: 1, write(c, e, cb) { log('w', c); setTimeout(cb, 1); } });
  w.write('xx');
  log('needDrain', w.writableNeedDrain);
  const r = new Readable({ read() {} });
  watch('r', r, ['pause', 'resume']);
  r.pipe(w);
  r.push('a'); r.push(null);
  w.on('close', done);
});

scenario('pipe objectMode', (done) => {
  const r = new Readable({ objectMode: true, read() {} });
  const w = new Writable({ objectMode: true, highWaterMark: 2, write(c, e, cb) { log('w', c); setTimeout(cb, 1); } });
  watch('r', r, ['pause', 'resume', 'end']); watch('w', w, ['drain', 'finish']);
  r.pipe(w);
  for (let i = 0; i < 5; i++) r.push({ i });
  r.push(null);
  w.on('close', done);
});

scenario('legacy Stream pipe to writable', (done) => {
  const { Stream } = helpers;
  const src = new Stream(); src.readable = true;
  const w = new Writable({ highWaterMark: 1, write(c, e, cb) { log('w', c); setTimeout(cb, 1); } });
  src.pause = () => log('src pause'); src.resume = () => log('src resume');
  watch('w', w, ['pipe', 'drain', 'finish', 'close']);
  src.pipe(w);
  src.emit('data', 'aa'); src.emit('data', 'bb'); src.emit('end');
  w.on('close', done);
});

scenario('wrap old stream', (done) => {
  const { Stream } = helpers;
  const old = new Stream(); old.pause = () => log('old pause'); old.resume = () => log('old resume');
  old.extra = function () { return 'x'; };
  const r = new Readable({ highWaterMark: 2 }).wrap(old);
  log(typeof r.extra);
  watch('r', r);
  old.emit('data', Buffer.from('abc'));
  old.emit('data', Buffer.from('def'));
  setTimeout(() => { r.on('data', (d) => log('data', d)); setTimeout(() => { old.emit('end'); setTimeout(done, 3); }, 2); }, 2);
});
}
