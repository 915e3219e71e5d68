// @stdout-only
// Stream module scenarios (writable1): events logged with nextTick, microtask and
// immediate markers, to compare event ordering with Node's.
'use strict';
const helpers = require('../fixtures/stream_harness');

{
const { Writable, log, watch, ticks, state, scenario } = helpers;

function sink(name, opts = {}, delay = -1) {
  return new Writable({
    ...opts,
    write(chunk, enc, cb) {
      log(`${name}._write`, chunk, enc);
      if (delay < 0) cb(); else if (delay === 0) process.nextTick(cb); else setTimeout(cb, delay);
    },
  });
}

scenario('sync write, end, finish order', () => {
  const w = watch('w', sink('w'));
  log('ret', w.write('a', () => log('cb a')));
  log('ret', w.write('b', 'latin1', () => log('cb b')));
  w.end('c', () => log('end cb'));
  state('w', w);
  ticks(1);
});

scenario('async write backpressure and drain', (done) => {
  const w = watch('w', sink('w', { highWaterMark: 3 }, 1));
  log('ret', w.write('ab'), w.writableLength, w.writableNeedDrain);
  log('ret', w.write('cd'), w.writableLength, w.writableNeedDrain);
  log('ret', w.write('e'), w.writableLength);
  w.once('drain', () => { log('drained', w.writableLength, w.writableNeedDrain); w.end(); });
  w.on('close', done);
});

scenario('objectMode writable hwm', (done) => {
  const w = watch('w', sink('w', { objectMode: true }, 1));
  log(w.writableHighWaterMark, w.writableObjectMode);
  const rets = [];
  for (let i = 0; i < 17; i++) rets.push(w.write({ i }));
  log(rets.join(','));
  w.end(); w.on('close', done);
});

scenario('write after end', () => {
  const w = watch('w', sink('w'));
  w.end();
  log('ret', w.write('x', (err) => log('write cb', err)));
  ticks(1);
});

scenario('write after end, no error listener', () => {
  const w = sink('w');
  w.on('close', () => log('close'));
  w.end();
  w.write('x', (err) => log('write cb', err));
});

scenario('write null / bad chunk / bad encoding', () => {
  const w = watch('w', sink('w'));
  for (const args of [[null], [42], [{}], ['x', 'nope'], [undefined]]) {
    try { log('ret', w.write(...args)); } catch (e) { log('threw', e); }
  }
  try { log('end', w.end(42)); } catch (e) { log('end threw', e); }
});

scenario('cork/uncork with writev', (done) => {
  const w = new Writable({
    write(c, e, cb) { log('_write', c); cb(); },
    writev(chunks, cb) { log('_writev', chunks.map((c) => [String(c.chunk), c.encoding]), chunks.allBuffers); cb(); },
  });
  watch('w', w);
  w.cork(); w.cork();
  w.write('a'); w.write('b', () => log('cb b')); w.write('c', 'hex' === 'x' ? 'hex' : undefined);
  log('corked', w.writableCorked, w.writableLength);
  w.uncork(); log('corked', w.writableCorked);
  process.nextTick(() => { w.uncork(); log('uncorked', w.writableCorked, w.writableLength); w.end('z'); });
  w.on('close', done);
});

scenario('writev only', (done) => {
  const w = new Writable({ writev(chunks, cb) { log('_writev', chunks.length); setTimeout(cb, 1); } });
  watch('w', w);
  w.write('a'); w.write('b'); w.write('c'); w.end('d');
  w.on('close', done);
});

scenario('writev with decodeStrings false', (done) => {
  const w = new Writable({ decodeStrings: false, writev(chunks, cb) { log('_writev', chunks.map((c) => [c.chunk, c.encoding]), chunks.allBuffers); cb(); }, write(c, e, cb) { log('_write', c, e); setTimeout(cb, 1); } });
  w.write('a'); w.write('b', 'latin1'); w.write(Buffer.from('c')); w.end();
  w.on('finish', () => { log('finish'); done(); });
});

scenario('end with corked', () => {
  const w = watch('w', sink('w'));
  w.cork(); w.cork(); w.write('a'); w.end('b');
  log(w.writableCorked);
});

scenario('_final sync and async', (done) => {
  const w = new Writable({ write(c, e, cb) { cb(); }, final(cb) { log('_final'); setTimeout(() => { log('final done'); cb(); }, 1); } });
  watch('w', w);
  w.end('x', () => log('end cb'));
  const w2 = new Writable({ write(c, e, cb) { cb(); }, final(cb) { log('_final2'); cb(); } });
  watch('w2', w2);
  w2.end(() => log('end cb2'));
  ticks(1);
  w.on('close', done);
});

scenario('_final error', () => {
  const w = new Writable({ write(c, e, cb) { cb(); }, final(cb) { cb(new Error('final fail')); } });
  watch('w', w);
  w.end((err) => log('end cb', err));
  ticks(1);
});

scenario('_final called twice', () => {
  const w = new Writable({ write(c, e, cb) { cb(); }, final(cb) { cb(); cb(); } });
  watch('w', w);
  w.end();
});

scenario('write callback twice', () => {
  const w = new Writable({ write(c, e, cb) { cb(); cb(); } });
  watch('w', w);
  w.write('a');
});

scenario('write error sync', () => {
  const w = new Writable({ write(c, e, cb) { cb(new Error('wfail')); } });
  watch('w', w);
  log('ret', w.write('a', (err) => log('cb a', err)));
  log('ret', w.write('b', (err) => log('cb b', err)));
  w.end((err) => log('end cb', err));
  state('w', w);
  ticks(1);
});

scenario('write error async with buffered', (done) => {
  const w = new Writable({ write(c, e, cb) { setTimeout(() => cb(new Error('wfail ' + c)), 1); } });
  watch('w', w);
  w.write('a', (err) => log('cb a', err));
  w.write('b', (err) => log('cb b', err));
  w.end((err) => log('end cb', err));
  w.on('close', done);
});

scenario('missing _write', () => {
  const w = new Writable();
  watch('w', w);
  try { w.write('a', (err) => log('cb', err)); } catch (e) { log('threw', e); }
});

scenario('destroy with pending writes', (done) => {
  const w = new Writable({ write(c, e, cb) { setTimeout(cb, 2); } });
  watch('w', w);
  w.write('a', (err) => log('cb a', err));
  w.write('b', (err) => log('cb b', err));
  w.end((err) => log('end cb', err));
  w.destroy();
  log('write after destroy', w.write('c', (err) => log('cb c', err)));
  state('w', w);
  setTimeout(() => { state('w', w); done(); }, 10);
});

scenario('destroy with error then end', () => {
  const w = watch('w', sink('w'));
  w.destroy(new Error('dead'));
  w.end((err) => log('end cb', err));
  w.end((err) => log('end cb2', err));
});

scenario('end twice after finish', (done) => {
  const w = watch('w', sink('w'));
  w.end();
  w.on('finish', () => { w.end((err) => log('end after finish', err)); setTimeout(done, 2); });
});

scenario('end twice before finish', () => {
  const w = watch('w', sink('w', {}, 1));
  w.write('x');
  w.end(() => log('end1 cb'));
  w.end(() => log('end2 cb'));
  try { w.end('more', () => log('end3 cb')); } catch (e) { log('threw', e); }
});

scenario('defaultEncoding / setDefaultEncoding', () => {
  const w = new Writable({ decodeStrings: false, defaultEncoding: 'base64', write(c, e, cb) { log('_write', c, e); cb(); } });
  w.write('YQ==');
  w.setDefaultEncoding('HEX');
  w.write('6162');
  try { w.setDefaultEncoding('nope'); } catch (e) { log('threw', e); }
  const w2 = new Writable({ write(c, e, cb) { log('_write2', c, e); cb(); } });
  w2.setDefaultEncoding('hex'); w2.write('6162'); w2.write('ff', 'latin1');
});

scenario('hwm 0 writable', (done) => {
  const w = watch('w', sink('w', { highWaterMark: 0 }, 1));
  log('ret', w.write('a'), w.writableNeedDrain);
  w.on('drain', () => { w.end(); });
  w.on('close', done);
});

scenario('autoDestroy false writable', (done) => {
  const w = watch('w', sink('w', { autoDestroy: false }));
  w.end('x');
  setTimeout(() => { state('w', w); done(); }, 3);
});

scenario('emitClose false writable', (done) => {
  const w = watch('w', sink('w', { emitClose: false }));
  w.end('x');
  setTimeout(() => { state('w', w); done(); }, 3);
});

scenario('write uint8array and dataview', () => {
  const w = sink('w');
  w.write(new Uint8Array([65, 66]));
  w.write(new DataView(new ArrayBuffer(2)));
  w.write(new Uint16Array([0x4343]));
});

scenario('many sync writes batch callbacks', (done) => {
  const w = sink('w', { highWaterMark: 100 });
  w._write = (c, e, cb) => cb();
  let n = 0;
  for (let i = 0; i < 5; i++) w.write('x', () => log('cb', i, ++n));
  w.once('drain', () => log('drain'));
  process.nextTick(() => log('tick after writes'));
  w.end(() => { log('end cb'); done(); });
});

scenario('drain after hitting hwm with sync writes', (done) => {
  const w = sink('w', { highWaterMark: 2 });
  w._write = (c, e, cb) => cb();
  log(w.write('a'), w.write('b'), w.write('c'));
  w.on('drain', () => log('drain', w.writableLength));
  process.nextTick(() => log('tick'));
  setTimeout(done, 3);
});

scenario('Writable without new, instanceof', () => {
  const { Duplex, Transform, PassThrough, Readable } = helpers;
  const w = Writable({ write(c, e, cb) { cb(); } });
  log(w instanceof Writable, new Duplex() instanceof Writable, new PassThrough() instanceof Writable, new Readable() instanceof Writable);
  log(new Transform() instanceof Duplex, Object.keys(w).join(','));
  class MyW extends Writable {}
  log(new MyW() instanceof Writable, new Duplex() instanceof MyW);
});

scenario('writable pipe', () => {
  const w = watch('w', sink('w'));
  w.pipe();
});
}
