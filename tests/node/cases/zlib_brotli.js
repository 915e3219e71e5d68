// Brotli: one-shot and streaming round trips (across runtimes: node decodes what unode
// encodes is checked by decoding a fixed node-made stream), quality through params,
// flush, the errors of damaged and cut-off input, and the constants.
const zlib = require('zlib');
const text = 'The quick brown fox jumps over the lazy dog. '.repeat(500);

// Made by node's brotliCompressSync('hello hello hello').
const fromNode = Buffer.from('1b1000f88d946ede445586966c206f014f1c601c', 'hex');
console.log('decodes node\'s:', zlib.brotliDecompressSync(fromNode).toString());

const packed = zlib.brotliCompressSync(text);
console.log('round trip:', zlib.brotliDecompressSync(packed).toString() === text, packed.length < text.length / 20);
const fast = zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });
console.log('quality 1 round trip:', zlib.brotliDecompressSync(fast).toString() === text);

for (const bad of [Buffer.from('hello world'), packed.subarray(0, packed.length - 4)]) {
  try {
    zlib.brotliDecompressSync(bad);
  } catch (e) {
    console.log('error:', e.message, e.code.startsWith('ERR__ERROR_FORMAT') ? 'ERR__ERROR_FORMAT_*' : e.code, e.errno < 0);
  }
}

zlib.brotliCompress(text, (err, out) => {
  console.log('async:', err, zlib.brotliDecompressSync(out).length);
  zlib.brotliDecompress(Buffer.from('nope'), (e) => console.log('async error:', e.message));
});

const enc = zlib.createBrotliCompress();
const dec = zlib.createBrotliDecompress();
const chunks = [];
enc.pipe(dec).on('data', (d) => chunks.push(d)).on('end', () => {
  console.log('stream:', Buffer.concat(chunks).toString() === text + text, enc.constructor.name, dec.constructor.name);
});
enc.write(text);
enc.flush(() => {
  enc.end(text);
});

console.log('constants:', zlib.constants.BROTLI_DEFAULT_QUALITY, zlib.constants.BROTLI_PARAM_QUALITY,
  zlib.constants.BROTLI_OPERATION_FINISH, zlib.constants.BROTLI_DECODER_ERROR_FORMAT_PADDING_1,
  typeof zlib.BrotliCompress, zlib.createBrotliCompress() instanceof zlib.BrotliCompress);
