// stream: Readable/Writable/Transform, back-pressure, pipeline, async iteration, errors.
const { Readable, Writable, Transform, PassThrough, pipeline, finished } = require('stream');
const { pipeline: pipelineP } = require('stream/promises');
const log = [];
const r = Readable.from(['a', 'b', 'c']);
const upper = new Transform({ transform(chunk, enc, cb) { cb(null, String(chunk).toUpperCase()); } });
const out = [];
const w = new Writable({ highWaterMark: 2, write(chunk, enc, cb) { out.push(String(chunk)); setImmediate(cb); } });
pipeline(r, upper, w, (err) => {
  log.push(`pipeline done ${err} ${out.join('')}`);
  const slow = new Writable({ highWaterMark: 3, write(c, e, cb) { setTimeout(cb, 1); } });
  const results = [];
  for (let i = 0; i < 5; i++) results.push(slow.write('xx'));
  log.push(`back-pressure ${results.join(',')} ${slow.writableLength} ${slow.writableNeedDrain}`);
  slow.once('drain', async () => {
    log.push('drain');
    const chunks = [];
    for await (const c of Readable.from([1, 2, 3, 4])) {
      chunks.push(c);
      if (c === 3) break;
    }
    log.push(`async iter ${chunks}`);
    const ended = new Writable({ write(c, e, cb) { cb(); } });
    ended.end('last');
    ended.write('after', (e) => log.push(`write after end cb ${e && e.code}`));
    ended.on('error', (e) => log.push(`error event ${e.code}`));
    const broken = new Readable({ read() { this.destroy(new Error('boom')); } });
    finished(broken, (e) => log.push(`finished ${e.message}`));
    broken.resume();
    try {
      await pipelineP(Readable.from(['x']), new Transform({ transform(c, e, cb) { cb(new Error('transform failed')); } }), new PassThrough());
    } catch (e) {
      log.push(`pipeline promise ${e.message}`);
    }
    const arr = await Readable.from([1, 2, 3, 4, 5]).filter((x) => x % 2).map((x) => x * 10).toArray();
    log.push(`operators ${arr}`);
    setTimeout(() => console.log(log.join('\n')), 10);
  });
});
