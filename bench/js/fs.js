// fs throughput, run under node and unode by `unode-bench fs`: small-file sync ops/s
// (reported as ms per 10k ops), promises.readFile of 10k files with 64 in flight,
// 1 GB copies through streams, and readline over 100 MB. Medians of a few runs, in ms.
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unode-bench-fs-'));
const REPS = 3;
// The sync cases take tens of milliseconds: more repetitions steady their medians.
const SYNC_REPS = 9;

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1];
}

// Writes the previous repetition left in the page cache go to disk, and its output goes,
// before the clock starts: each copy then starts from the same clean state instead of
// paying for the last one's writeback.
function settle(file) {
  let fd;
  try {
    fd = fs.openSync(file, 'r+');
  } catch {
    return;
  }
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.unlinkSync(file);
}

async function time(fn, output, reps = REPS) {
  const runs = [];
  for (let i = 0; i < reps; i++) {
    if (output) settle(output);
    const t = process.hrtime.bigint();
    await fn();
    runs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(runs);
}

const small = path.join(dir, 'small.txt');
fs.writeFileSync(small, 'x'.repeat(1024));
const many = path.join(dir, 'many');
fs.mkdirSync(many);
const names = [];
for (let i = 0; i < 10000; i++) {
  const f = path.join(many, `f${i}`);
  fs.writeFileSync(f, `file ${i}\n`);
  names.push(f);
}
const big = path.join(dir, 'big.bin');
{
  const chunk = Buffer.alloc(1 << 20, 7);
  const fd = fs.openSync(big, 'w');
  for (let i = 0; i < 1024; i++) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}
const lines = path.join(dir, 'lines.txt');
{
  const line = 'the quick brown fox jumps over the lazy dog 0123456789\n';
  const block = line.repeat(Math.ceil((1 << 20) / line.length));
  const fd = fs.openSync(lines, 'w');
  for (let i = 0; i < 100; i++) fs.writeSync(fd, block);
  fs.closeSync(fd);
}

async function readMany() {
  let next = 0;
  const worker = async () => {
    while (next < names.length) await fs.promises.readFile(names[next++]);
  };
  await Promise.all(Array.from({ length: 64 }, worker));
}

const copy1 = path.join(dir, 'copy1.bin');
const copy2 = path.join(dir, 'copy2.bin');

function copyPipe() {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(copy1);
    out.on('finish', resolve).on('error', reject);
    fs.createReadStream(big).pipe(out);
  });
}

async function main() {
  const results = {};
  results['readFileSync 10k'] = await time(() => { for (let i = 0; i < 10000; i++) fs.readFileSync(small); }, null, SYNC_REPS);
  results['writeFileSync 10k'] = await time(() => { for (let i = 0; i < 10000; i++) fs.writeFileSync(small, 'y'); }, null, SYNC_REPS);
  results['statSync 10k'] = await time(() => { for (let i = 0; i < 10000; i++) fs.statSync(small); }, null, SYNC_REPS);
  results['promises.readFile 10k/64'] = await time(readMany);
  results['copy 1 GB pipe'] = await time(copyPipe, copy1);
  settle(copy1);
  results['copy 1 GB pipeline'] = await time(() => require('stream/promises').pipeline(fs.createReadStream(big), fs.createWriteStream(copy2)), copy2);
  settle(copy2);
  results['readline 100 MB'] = await time(async () => {
    const rl = require('readline').createInterface({ input: fs.createReadStream(lines), crlfDelay: Infinity });
    let n = 0;
    for await (const l of rl) n += l.length > 0 ? 1 : 0;
  });
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify(results));
}

main();
