// stream/consumers reads whole streams and async iterables into one value; path/posix and
// path/win32 are modules of their own.
const consumers = require('stream/consumers');
const { Readable, PassThrough } = require('stream');

async function* parts() {
  yield 'caf';
  yield Buffer.from([0xc3]);
  yield new Uint8Array([0xa9, 0x21]);
}

(async () => {
  console.log(Object.keys(consumers).sort().join(','));
  console.log(await consumers.text(parts()));
  console.log(await consumers.text(Readable.from(['a', Buffer.from([0xe2, 0x82]), Buffer.from([0xac])])));
  console.log(await consumers.json(Readable.from(['{"list": [1, 2', ', 3], "s": "x"}'])));
  const buf = await consumers.buffer(Readable.from([Buffer.from('ab'), 'c']));
  console.log(Buffer.isBuffer(buf), buf.toString('hex'));
  const ab = await consumers.arrayBuffer(Readable.from([new Uint8Array([1, 2, 3])]));
  console.log(ab instanceof ArrayBuffer, ab.byteLength);
  const blob = await consumers.blob(Readable.from(['hello ', 'world']));
  console.log(blob.size, await blob.text());
  console.log(JSON.stringify(await consumers.text(Readable.from([]))));
  const pass = new PassThrough();
  setTimeout(() => pass.end('late'), 5);
  console.log(await consumers.text(pass));
  const failing = new Readable({ read() { this.destroy(new Error('boom')); } });
  await consumers.text(failing).catch((e) => console.log('rejected:', e.message));
  await consumers.json(Readable.from(['{bad'])).catch((e) => console.log('json:', e.name));
  console.log(require('path/posix') === require('path').posix, require('path/win32').join('a', 'b'));
  console.log(require('module').isBuiltin('stream/consumers'), require('module').isBuiltin('node:path/posix'));
})();
