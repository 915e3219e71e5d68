// @stdout-only
// Stream module scenarios (readable1): events logged with nextTick, microtask and
// immediate markers, to compare event ordering with Node's.
'use strict';
const helpers = require('../fixtures/stream_harness');

{
const { Readable, log, watch, ticks, state, scenario } = helpers;

scenario('flowing sync pushes', () => {
  const r = new Readable({ read() {} });
  watch('r', r);
  r.on('data', (d) => log('data', d));
  r.push('a'); r.push('b'); ticks(1); r.push(null);
  log('sync end');
});

scenario('paused readable event', () => {
  const r = new Readable({ read() {} });
  watch('r', r);
  r.on('readable', () => { let c; log('readable', r.readableLength); while ((c = r.read()) !== null) log('read', c); });
  r.push('abc'); ticks(1);
  setImmediate(() => { r.push('de'); r.push(null); ticks(2); });
});

scenario('read(n) partial', () => {
  const r = new Readable({ read() {} });
  r.push('hello'); r.push('world');
  log(r.read(3), r.read(4), r.read(100), r.readableLength);
  r.push(null);
  log(r.read(100), r.read(), r.readableLength);
  watch('r', r); ticks(1);
  process.nextTick(() => log('after', r.read(), r.readableEnded));
});

scenario('async _read', (done) => {
  let n = 0;
  const r = new Readable({ read(size) { log('_read', size, n); setTimeout(() => { this.push(n < 3 ? String(n++) : null); }, 1); } });
  watch('r', r);
  r.on('data', (d) => log('data', d));
  r.on('close', done);
});

scenario('sync _read pushes many', (done) => {
  let n = 0;
  const r = new Readable({ highWaterMark: 4, read(size) { log('_read', size); while (n < 10) { if (!this.push(String(n++))) break; } if (n >= 10) this.push(null); } });
  watch('r', r);
  r.on('data', (d) => log('data', d));
  r.on('close', done);
  ticks(1);
});

scenario('objectMode hwm', () => {
  const r = new Readable({ objectMode: true, read() {} });
  log(r.readableHighWaterMark, r.readableObjectMode);
  for (let i = 0; i < 20; i++) { const ok = r.push({ i }); if (!ok) { log('full at', i, r.readableLength); break; } }
  log(r.read(), r.read(5), r.readableLength);
});

scenario('pause/resume', (done) => {
  const r = new Readable({ read() {} });
  watch('r', r);
  r.on('data', (d) => { log('data', d); if (String(d) === 'b') { r.pause(); log('paused', r.isPaused(), r.readableFlowing); setTimeout(() => { log('resuming'); r.resume(); }, 2); } });
  r.push('a'); r.push('b'); r.push('c'); r.push(null);
  r.on('close', done);
});

scenario('setEncoding utf8 split', () => {
  const r = new Readable({ read() {} });
  const euro = Buffer.from('€');
  r.push(euro.subarray(0, 1));
  r.setEncoding('utf8');
  log(r.readableEncoding, r.readableLength);
  r.push(euro.subarray(1)); r.push(Buffer.from('x'));
  r.on('data', (d) => log('data', d));
  r.push(null); watch('r', r);
});

scenario('setEncoding hex, encoding option', () => {
  const r = new Readable({ read() {}, encoding: 'hex' });
  r.push('ab'); r.push(Buffer.from([1, 2]));
  r.on('data', (d) => log('data', d)); r.push(null);
});

scenario('unshift', () => {
  const r = new Readable({ read() {} });
  r.push('world');
  r.unshift('hello ');
  log(r.read());
  r.setEncoding('utf8');
  r.push('abc'); r.unshift('XY'); r.unshift(Buffer.from('Z'));
  log(r.read(), r.readableLength);
});

scenario('push after EOF', () => {
  const r = new Readable({ read() {} });
  watch('r', r);
  r.push(null); log('push ret', r.push('x'));
  r.resume();
});

scenario('unshift after end', (done) => {
  const r = new Readable({ read() {} });
  watch('r', r);
  r.on('end', () => { log('unshift ret', r.unshift('x')); });
  r.on('close', done);
  r.push(null); r.resume();
});

scenario('invalid chunk', () => {
  const r = new Readable({ read() {} });
  watch('r', r);
  log('push ret', r.push(42));
  log('push2 ret', r.push('after'));
  state('r', r);
  process.nextTick(() => state('r', r));
});

scenario('no _read', () => {
  const r = new Readable();
  watch('r', r);
  r.resume();
});

scenario('_read throws', () => {
  const r = new Readable({ read() { throw new Error('boom'); } });
  watch('r', r);
  r.on('data', () => {});
});

scenario('destroy with error', () => {
  const r = new Readable({ read() {} });
  watch('r', r);
  r.push('x');
  r.destroy(new Error('kaput'));
  state('r', r);
  r.destroy(new Error('second'));
  log('push after destroy', r.push('y'));
  ticks(1);
});

scenario('destroy without error, cb', () => {
  const r = new Readable({ read() {} });
  watch('r', r);
  r.destroy(null, (err) => log('destroy cb', err));
  r.destroy(null, (err) => log('destroy cb2', err));
  state('r', r);
  ticks(1);
});

scenario('custom _destroy async', (done) => {
  const r = new Readable({ read() {}, destroy(err, cb) { log('_destroy', err); setTimeout(() => cb(new Error('from destroy')), 1); } });
  watch('r', r);
  r.destroy();
  r.on('close', () => { state('r', r); done(); });
});

scenario('emitClose false, autoDestroy false', (done) => {
  const r = new Readable({ read() {}, emitClose: false, autoDestroy: false });
  watch('r', r);
  r.push('a'); r.push(null); r.resume();
  setTimeout(() => { state('r', r); r.destroy(); setTimeout(() => { state('r', r); done(); }, 2); }, 2);
});

scenario('autoDestroy false error', () => {
  const r = new Readable({ read() {}, autoDestroy: false });
  watch('r', r);
  r.push(5);
  process.nextTick(() => state('r', r));
});

scenario('readable after end listener', (done) => {
  const r = new Readable({ read() {} });
  r.push(null);
  r.resume();
  r.on('end', () => {
    log('end'); r.on('readable', () => log('late readable'));
    setTimeout(done, 2);
  });
});

scenario('data and readable both', () => {
  const r = new Readable({ read() {} });
  watch('r', r);
  r.on('readable', () => { log('readable', r.readableFlowing); let c; while ((c = r.read()) !== null) log('read', c); });
  r.on('data', (d) => log('data', d, r.readableFlowing));
  r.push('a'); r.push('b'); r.push(null);
  ticks(1);
});

scenario('remove readable listener switches to data', (done) => {
  const r = new Readable({ read() {} });
  const onR = () => log('readable');
  r.on('readable', onR);
  r.on('data', (d) => log('data', d));
  r.push('a');
  process.nextTick(() => { r.removeListener('readable', onR); log('flowing now', r.readableFlowing); r.push('b'); process.nextTick(() => log('flowing later', r.readableFlowing)); });
  setTimeout(() => { r.push(null); done(); }, 3);
});

scenario('readable hwm 0', () => {
  const r = new Readable({ highWaterMark: 0, read() { log('_read'); this.push('x'); this.push(null); } });
  watch('r', r);
  r.on('readable', () => { log('readable', r.readableLength); let c; while ((c = r.read()) !== null) log('read', c); });
});

scenario('read(0) on empty with hwm', () => {
  const r = new Readable({ read(n) { log('_read', n); } });
  log(r.read(0));
  log(r.read(0));
  ticks(1);
});

scenario('readableDidRead, isDisturbed', () => {
  const { isDisturbed, isErrored, isReadable } = helpers;
  const r = new Readable({ read() {} });
  log(r.readableDidRead, isDisturbed(r), isReadable(r), isErrored(r));
  r.push('a'); r.read();
  log(r.readableDidRead, isDisturbed(r));
  const r2 = new Readable({ read() {} }); r2.on('error', () => {});
  r2.destroy(new Error('x'));
  log(isDisturbed(r2), isErrored(r2), r2.readableAborted, isReadable(r2));
});

scenario('growing hwm via read(n)', () => {
  const r = new Readable({ read() {} });
  r.read(20000);
  log(r.readableHighWaterMark);
  r.push(Buffer.alloc(30000));
  log(r.read(25000) === null, r.readableLength);
  r.push(null);
  log(r.read(25000) && 'got', r.readableLength);
});

scenario('once data', () => {
  const r = new Readable({ read() {} });
  watch('r', r);
  r.once('data', (d) => log('once data', d, r.readableFlowing));
  r.push('a'); r.push('b');
  setImmediate(() => log('after', r.readableFlowing, r.readableLength));
});
}
