// @stdout-only
// Stream module scenarios (pipeline1): events logged with nextTick, microtask and
// immediate markers, to compare event ordering with Node's.
'use strict';
const helpers = require('../fixtures/stream_harness');

{
const { Readable, Writable, Duplex, PassThrough, Transform, pipeline, finished, promises, log, watch, ticks, state, scenario } = helpers;

function collector(name, out, opts = {}) {
  return new Writable({ ...opts, write(c, e, cb) { out.push(opts.objectMode ? c : String(c)); cb(); } });
}

scenario('pipeline basic', (done) => {
  const out = [];
  const w = collector('w', out);
  const t = new PassThrough();
  watch('t', t, ['end', 'finish', 'close']); watch('w', w, ['finish', 'close']);
  const ret = pipeline(Readable.from(['a', 'b']), t, w, (err, val) => { log('cb', err, val, out.join('')); done(); });
  log(ret === w);
});

scenario('pipeline error in middle', (done) => {
  const src = new Readable({ read() {} });
  const t = new Transform({ transform(c, e, cb) { if (String(c) === 'b') cb(new Error('mid fail')); else cb(null, c); } });
  const w = new Writable({ write(c, e, cb) { log('w', c); cb(); } });
  watch('src', src, ['error', 'close', 'end']); watch('t', t, ['error', 'close']); watch('w', w, ['error', 'close', 'finish']);
  pipeline(src, t, w, (err) => { log('cb', err); state('src', src); state('w', w); done(); });
  src.push('a'); src.push('b'); src.push('c');
});

scenario('pipeline source error', (done) => {
  const src = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { cb(); } });
  watch('w', w, ['error', 'close']);
  pipeline(src, w, (err) => { log('cb', err, w.destroyed); done(); });
  src.destroy(new Error('src fail'));
});

scenario('pipeline dest destroyed early', (done) => {
  const src = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { cb(); } });
  watch('src', src, ['error', 'close']);
  pipeline(src, w, (err) => { log('cb', err, src.destroyed); done(); });
  src.push('a');
  setTimeout(() => w.destroy(), 1);
});

scenario('pipeline with async generator transform and sink', (done) => {
  pipeline(
    Readable.from([1, 2, 3]),
    async function* (source, { signal }) { log('signal', signal.aborted); for await (const x of source) yield x * 10; },
    async function (source) { let s = 0; for await (const x of source) s += x; return s; },
    (err, val) => { log('cb', err, val); done(); });
});

scenario('pipeline with generator source and stream sink', (done) => {
  const out = [];
  pipeline(function* () { yield 'x'; yield 'y'; }, new PassThrough(), collector('w', out), (err) => { log('cb', err, out); done(); });
});

scenario('pipeline async gen throws', (done) => {
  const src = Readable.from(['a', 'b', 'c']);
  watch('src', src, ['close', 'error']);
  pipeline(src, async function* (s) { for await (const c of s) { if (c === 'b') throw new Error('gen fail'); yield c; } }, collector('w', []), (err) => { log('cb', err, src.destroyed); done(); });
});

scenario('pipeline invalid return', () => {
  try { pipeline(Readable.from([1]), () => 5, new PassThrough(), () => {}); } catch (e) { log('threw', e); }
  try { pipeline(() => 5, new PassThrough(), () => {}); } catch (e) { log('threw', e); }
  try { pipeline(Readable.from([1]), () => 5, () => {}); } catch (e) { log('threw', e); }
  try { pipeline([Readable.from([1])], () => {}); } catch (e) { log('threw', e); }
});

scenario('pipeline array form', (done) => {
  const out = [];
  pipeline([Readable.from(['q']), collector('w', out)], (err) => { log('cb', err, out); done(); });
});

scenario('pipeline callback once, dest readable left usable', (done) => {
  const src = Readable.from(['a']);
  const t = new PassThrough();
  pipeline(src, t, (err) => { log('cb', err, t.listenerCount('error'), t.listenerCount('close')); t.on('data', (d) => log('data', d)); t.on('end', () => { log('end'); done(); }); });
});

scenario('promises.pipeline with signal abort', async () => {
  const ac = new AbortController();
  const src = new Readable({ read() {} });
  src.push('a');
  const w = new Writable({ write(c, e, cb) { log('w', c); cb(); } });
  watch('src', src, ['close', 'error']); watch('w', w, ['close', 'error']);
  setTimeout(() => ac.abort(), 2);
  try { await promises.pipeline(src, w, { signal: ac.signal }); log('resolved'); } catch (e) { log('rejected', e); }
});

scenario('promises.pipeline end false', async () => {
  const out = [];
  const w = collector('w', out);
  await promises.pipeline(Readable.from(['a', 'b']), w, { end: false });
  log('resolved', out, w.writableEnded, w.writable);
});

scenario('promises.pipeline already aborted', async () => {
  const ac = new AbortController(); ac.abort(new Error('why'));
  try { await promises.pipeline(Readable.from(['a']), new PassThrough(), { signal: ac.signal }); } catch (e) { log('rejected', e); }
});

scenario('promises.pipeline value', async () => {
  const v = await promises.pipeline(Readable.from(['a', 'b']), async (src) => { let s = ''; for await (const c of src) s += c; return s; });
  log('value', v);
});

scenario('promises.pipeline sync throw becomes rejection', async () => {
  try { await promises.pipeline(Readable.from(['a'])); } catch (e) { log('rejected', e); }
});

scenario('finished readable', (done) => {
  const r = new Readable({ read() {} });
  finished(r, (err) => { log('finished', err, r.destroyed); done(); });
  r.resume(); r.push('a'); r.push(null);
});

scenario('finished premature close', (done) => {
  const r = new Readable({ read() {} });
  finished(r, (err) => { log('finished', err); done(); });
  r.destroy();
});

scenario('finished writable error', (done) => {
  const w = new Writable({ write(c, e, cb) { cb(new Error('ww')); } });
  finished(w, (err) => { log('finished', err); done(); });
  w.write('x');
});

scenario('finished on already finished stream', (done) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.end();
  w.on('close', () => { finished(w, (err) => { log('finished late', err); done(); }); });
});

scenario('finished options readable only on duplex', (done) => {
  const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
  finished(d, { writable: false }, (err) => { log('finished readable side', err); done(); });
  d.push(null); d.resume();
});

scenario('finished cleanup', () => {
  const r = new Readable({ read() {} });
  const before = r.eventNames().length;
  const cleanup = finished(r, () => log('never'));
  log(r.eventNames().length > before);
  cleanup();
  log(r.eventNames().length === before, r.eventNames());
  r.destroy();
});

scenario('finished with signal', (done) => {
  const ac = new AbortController();
  const r = new Readable({ read() {} });
  finished(r, { signal: ac.signal }, (err) => { log('finished', err); done(); });
  ac.abort();
});

scenario('promises.finished', async () => {
  const r = Readable.from(['a']);
  r.resume();
  await promises.finished(r);
  log('done', r.readableEnded);
  const r2 = new Readable({ read() {} });
  const p = promises.finished(r2);
  r2.destroy(new Error('x'));
  try { await p; } catch (e) { log('rejected', e); }
});

scenario('finished error option false', (done) => {
  const r = new Readable({ read() {} });
  r.on('error', () => log('error seen by user'));
  finished(r, { error: false }, (err) => { log('finished', err); done(); });
  r.destroy(new Error('e'));
});

scenario('finished legacy emitter', (done) => {
  const { Stream } = helpers;
  const s = new Stream(); s.writable = true; s.write = () => true; s.end = () => {};
  finished(s, (err) => { log('finished legacy', err); done(); });
  s.writable = false; s.emit('close');
});

scenario('pipeline with destroyed stream', (done) => {
  const r = new Readable({ read() {} });
  r.destroy();
  pipeline(r, new PassThrough(), (err) => { log('cb', err); done(); });
});

scenario('pipeline error after finish listener cleanup', (done) => {
  const out = [];
  const src = Readable.from(['a']);
  const last = new PassThrough();
  pipeline(src, last, (err) => {
    log('cb', err);
    last.on('error', (e) => log('user error', e));
    last.destroy(new Error('later'));
    setTimeout(done, 2);
  });
  last.resume();
});
}
