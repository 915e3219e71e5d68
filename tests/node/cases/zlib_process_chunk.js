// zlib's engine internals packages drive directly (minizlib, under tar and npm): the native
// `_handle` with its close(), `_processChunk` without a callback (the output back at once,
// the handle closed after) and with one (the output as the stream's data), bytesWritten,
// and a failed chunk.
const zlib = require('zlib');

const input = Buffer.from('hello hello hello hello '.repeat(50));
const gz = zlib.createGzip();
console.log('handle', typeof gz._handle, typeof gz._handle.close);
const compressed = gz._processChunk(input, zlib.constants.Z_FINISH);
console.log('sync output', Buffer.isBuffer(compressed), compressed.subarray(0, 2).toString('hex'), gz.bytesWritten);
console.log('handle after', gz._handle);
console.log('round trip', zlib.gunzipSync(compressed).equals(input));

// minizlib's trick: the handle's close made a no-op, then the handle put back, so one engine
// takes several chunks.
const inflate = zlib.createInflate();
const deflated = zlib.deflateSync(input);
const pieces = [];
for (const [i, part] of [deflated.subarray(0, 20), deflated.subarray(20)].entries()) {
  const handle = inflate._handle;
  const close = handle.close;
  handle.close = () => {};
  pieces.push(inflate._processChunk(part, i === 0 ? zlib.constants.Z_NO_FLUSH : zlib.constants.Z_FINISH));
  inflate._handle = handle;
  handle.close = close;
}
console.log('pieces', pieces.length, Buffer.concat(pieces).equals(input));

const bad = zlib.createGunzip();
bad.on('error', (e) => console.log('error event', e.code));
try {
  bad._processChunk(Buffer.from('not gzip at all'), zlib.constants.Z_FINISH);
  console.log('bad chunk accepted');
} catch (e) {
  console.log('bad chunk', e.code, e.errno);
}

const withCb = zlib.createDeflate();
const out = [];
withCb.on('data', (d) => out.push(d));
withCb._processChunk(input, zlib.constants.Z_FINISH, () => {
  setImmediate(() => console.log('callback form', zlib.inflateSync(Buffer.concat(out)).equals(input)));
});
