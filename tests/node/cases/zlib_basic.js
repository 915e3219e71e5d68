// zlib: one-shot and streaming round trips in every framing, unzip's detection, flush,
// and Node's errors for corrupt and truncated input.
const zlib = require('zlib');
const text = 'hello zlib '.repeat(500);
for (const [enc, dec] of [['deflate', 'inflate'], ['gzip', 'gunzip'], ['deflateRaw', 'inflateRaw'], ['gzip', 'unzip'], ['deflate', 'unzip']]) {
  const packed = zlib[`${enc}Sync`](text);
  console.log(enc, dec, packed.length < text.length, zlib[`${dec}Sync`](packed).toString() === text);
}
console.log(zlib.gzipSync('x')[0], zlib.gzipSync('x')[1], zlib.deflateSync('x')[0].toString(16));
for (const [label, fn] of [
  ['garbage', () => zlib.gunzipSync(Buffer.from('not gzip at all'))],
  ['truncated', () => zlib.gunzipSync(zlib.gzipSync(text).subarray(0, 20))],
  ['bad input', () => zlib.gzipSync(42)],
]) {
  try {
    fn();
  } catch (e) {
    console.log(label, e.name, e.code, e.errno, e.message);
  }
}
zlib.gzip(text, (err, packed) => {
  console.log('async gzip', err, packed.length > 10);
  zlib.gunzip(packed, (err2, out) => {
    console.log('async gunzip', err2, out.toString() === text);
    zlib.inflate(Buffer.from('bad'), (err3) => console.log('async error', err3.code, err3.message));
  });
});
const gz = zlib.createGzip();
const gunz = zlib.createGunzip();
const parts = [];
gunz.on('data', (d) => parts.push(d));
gunz.on('end', () => console.log('stream', Buffer.concat(parts).toString() === text + text));
gz.pipe(gunz);
gz.write(text);
gz.flush(() => {
  gz.end(text);
});
console.log(zlib.constants.Z_BEST_COMPRESSION, zlib.Z_SYNC_FLUSH, zlib.codes.Z_DATA_ERROR, zlib.codes['-3']);
