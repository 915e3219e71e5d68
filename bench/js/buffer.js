// Buffer throughput: each case runs a few times; the median in ms is printed as JSON.
// Run under node and unode by `unode-bench buffer`.
const MB = 1024 * 1024;
const N = 64 * MB;
const REPS = 5;

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1];
}

function time(fn) {
  const runs = [];
  for (let i = 0; i < REPS; i++) {
    const t = process.hrtime.bigint();
    fn();
    runs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(runs);
}

const bytes = Buffer.alloc(N);
for (let i = 0; i < N; i += 4096) bytes[i] = i & 255;
const ascii = Buffer.alloc(N, 'abcdefghijklmnopqrstuvwxyz0123456789 ');
const text = ascii.toString('latin1');
const b64 = bytes.toString('base64');
const hex = bytes.toString('hex');
const chunks = [];
for (let i = 0; i < 10000; i++) chunks.push(Buffer.alloc(1024 + (i % 7), i & 255));
const hay = Buffer.alloc(N, 'a');
hay.write('needle!', N - 100);

const results = {
  'base64 encode 64 MB': time(() => bytes.toString('base64')),
  'base64 decode 64 MB': time(() => Buffer.from(b64, 'base64')),
  'hex encode 64 MB': time(() => bytes.toString('hex')),
  'hex decode 64 MB': time(() => Buffer.from(hex, 'hex')),
  'utf8 encode 64 MB': time(() => Buffer.from(text, 'utf8')),
  'utf8 decode 64 MB': time(() => ascii.toString('utf8')),
  'concat 10k chunks': time(() => Buffer.concat(chunks)),
  'indexOf in 64 MB': time(() => hay.indexOf('needle!')),
};
console.log(JSON.stringify(results));
