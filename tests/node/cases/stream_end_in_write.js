// end() called inside _write(), with the write's callback called at once or later: the
// stream finishes and closes either way (a WebSocket receiver ends itself so on a close
// frame).
const { Writable } = require('stream');
for (const mode of ['sync', 'async']) {
  const w = new Writable({
    write(chunk, enc, cb) {
      if (chunk.toString() === 'close') this.end();
      if (mode === 'sync') cb(); else setImmediate(cb);
    },
  });
  w.on('finish', () => console.log(mode, 'finish'));
  w.on('close', () => console.log(mode, 'close'));
  w.write('a');
  w.write('close');
  setTimeout(() => { const s = w._writableState; console.log(mode, s.ending, s.finished, s.pendingcb, s.writing, s.length); }, 20);
}
