// @stdout-only
// Stream module scenarios (order1): events logged with nextTick, microtask and
// immediate markers, to compare event ordering with Node's.
'use strict';
const helpers = require('../fixtures/stream_harness');

{
const { Readable, Writable, Duplex, PassThrough, Transform, pipeline, finished, promises, log, watch, ticks, state, scenario } = helpers;

scenario('destroy during flow', (done) => {
  let n = 0;
  const r = new Readable({ read() { this.push(String(n++)); } });
  watch('r', r, ['end', 'close', 'error', 'pause']);
  r.on('data', (d) => { log('data', d); if (n === 3) { r.destroy(); log('destroyed', r.destroyed); ticks('d'); } });
  r.on('close', () => setTimeout(done, 2));
});

scenario('destroy with error during flow with pipe', (done) => {
  let n = 0;
  let writes = 0;
  const r = new Readable({ highWaterMark: 2, read() { setImmediate(() => this.push('c' + n++)); } });
  const w = new Writable({ highWaterMark: 2, write(c, e, cb) { log('w', c); if (++writes === 3) r.destroy(new Error('src died')); setImmediate(cb); } });
  watch('r', r, ['close', 'error', 'pause', 'resume']); watch('w', w, ['close', 'error', 'unpipe', 'drain', 'finish']);
  r.pipe(w);
  setTimeout(() => { state('w', w); done(); }, 30);
});

scenario('error in middle of pipe chain', (done) => {
  const r = new Readable({ read() {} });
  const t = new Transform({ transform(c, e, cb) { if (String(c) === 'bad') return cb(new Error('bad chunk')); cb(null, c); } });
  const w = new Writable({ write(c, e, cb) { log('w', c); cb(); } });
  watch('r', r, ['close', 'error', 'pause', 'end']); watch('t', t, ['close', 'error', 'unpipe']); watch('w', w, ['close', 'error', 'unpipe', 'finish']);
  r.pipe(t).pipe(w);
  r.push('ok'); r.push('bad'); r.push('after');
  setTimeout(() => { state('r', r); state('w', w); done(); }, 10);
});

scenario('slow writable, fast readable, byte counts', (done) => {
  let produced = 0;
  const r = new Readable({ read(size) { if (produced >= 100000) return this.push(null); const c = Buffer.alloc(Math.min(size, 7000), 97); produced += c.length; this.push(c); } });
  let consumed = 0; let writes = 0;
  const w = new Writable({ highWaterMark: 10000, write(c, e, cb) { consumed += c.length; writes++; setTimeout(cb, 0); } });
  let drains = 0, pauses = 0;
  w.on('drain', () => drains++); r.on('pause', () => pauses++);
  r.pipe(w);
  w.on('finish', () => { log('consumed', consumed, 'writes', writes, 'drains', drains, 'pauses', pauses); done(); });
});

scenario('readable + nextTick ordering of end/close vs finish', (done) => {
  const p = new PassThrough();
  watch('p', p);
  p.on('data', (d) => log('data', d));
  p.end('x');
  ticks(1);
  p.on('close', () => { ticks(2); setTimeout(done, 2); });
});

scenario('pause inside data, resume later, readable listener', (done) => {
  const r = new Readable({ read() {} });
  watch('r', r, ['pause', 'resume', 'end', 'readable']);
  r.on('data', (d) => { log('data', d); r.pause(); setImmediate(() => r.resume()); });
  r.push('a'); r.push('b'); r.push('c'); r.push(null);
  r.on('close', done);
});

scenario('resume then remove data listener', (done) => {
  const r = new Readable({ read() {} });
  const f = (d) => log('data', d);
  r.on('data', f);
  r.push('a');
  process.nextTick(() => { r.removeListener('data', f); log('flowing', r.readableFlowing); r.push('b'); setTimeout(() => { log('len', r.readableLength, r.readableFlowing); done(); }, 2); });
});

scenario('removeAllListeners readable', (done) => {
  const r = new Readable({ read() {} });
  r.on('readable', () => log('readable'));
  r.on('data', (d) => log('data', d));
  r.push('a');
  setTimeout(() => { r.removeAllListeners('readable'); log('f1', r.readableFlowing); process.nextTick(() => { log('f2', r.readableFlowing); r.push('b'); setTimeout(done, 2); }); }, 2);
});

scenario('cork in pipe (writev)', (done) => {
  const r = new Readable({ read() {} });
  const w = new Writable({ writev(chunks, cb) { log('writev', chunks.map((c) => String(c.chunk))); setTimeout(cb, 1); }, write(c, e, cb) { log('write', c); setTimeout(cb, 1); } });
  r.pipe(w);
  r.push('a'); r.push('b'); r.push('c');
  setTimeout(() => { r.push('d'); r.push(null); }, 1);
  w.on('finish', () => { log('finish'); done(); });
});

scenario('emit error manually on readable', () => {
  const r = new Readable({ read() {} });
  watch('r', r);
  r.emit('error', new Error('manual'));
  state('r', r);
});

scenario('captureRejections destroys', (done) => {
  const r = new Readable({ read() {}, captureRejections: true });
  watch('r', r, ['error', 'close']);
  r.on('data', async () => { throw new Error('async listener'); });
  r.push('x');
  r.on('close', done);
});

scenario('Writable end callback + finished interplay', (done) => {
  const w = new Writable({ write(c, e, cb) { setTimeout(cb, 1); } });
  finished(w, (err) => log('finished cb', err));
  w.on('finish', () => log('finish event'));
  w.on('close', () => { log('close event'); done(); });
  w.end('x', () => log('end cb'));
});

scenario('writable drain, end before drain', (done) => {
  const w = new Writable({ highWaterMark: 1, write(c, e, cb) { setTimeout(cb, 1); } });
  watch('w', w);
  log(w.write('ab'));
  w.end();
  w.on('close', done);
});

scenario('read() in end listener and readable after end', (done) => {
  const r = new Readable({ read() {} });
  r.on('readable', () => { log('readable', r.read()); });
  r.on('end', () => { log('end', r.read()); });
  r.push('a');
  setTimeout(() => { r.push(null); }, 1);
  r.on('close', done);
});

scenario('unshift in readable handler', (done) => {
  const r = new Readable({ read() {} });
  let first = true;
  r.on('readable', () => {
    const c = r.read();
    log('readable got', c);
    if (c && first) { first = false; r.unshift(c.subarray(1)); }
  });
  r.push('hello');
  setTimeout(() => { r.push(null); }, 2);
  r.on('close', done);
});
}
