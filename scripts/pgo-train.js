'use strict';
// The workload QuickJS is profiled on (scripts/build-release.sh): what servers and scripts
// spend their time on — HTTP over loopback both ways, streams, buffers, JSON, strings,
// regular expressions, collections, classes, closures, promises and the module loader —
// so that the C compiler lays out the interpreter for the paths those take. A few seconds.

const http = require('http');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { Readable, Transform, pipeline } = require('stream');

const requests = +(process.argv[2] || 20000);

async function httpRounds() {
  const server = http.createServer((req, res) => {
    if (req.method === 'POST') {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString());
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ echoed: body, url: req.url, agent: req.headers['user-agent'] }));
      });
    } else if (req.url === '/chunked') {
      res.write('part one\n');
      res.end('part two\n');
    } else {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '12' });
      res.end('hello world\n');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const { port } = server.address();
  let done = 0;
  const one = (i) =>
    new Promise((resolve, reject) => {
      const post = i % 8 === 0;
      const req = http.request({
        port, agent, method: post ? 'POST' : 'GET', path: i % 5 === 0 ? '/chunked' : `/item/${i}?q=${i * 7}`,
        headers: { 'User-Agent': 'pgo-train', Accept: '*/*' },
      }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => {
          done += text.length > 0;
          resolve();
        });
      });
      req.on('error', reject);
      req.end(post ? JSON.stringify({ i, list: [1, 2, 3], nested: { a: 'b' } }) : undefined);
    });
  for (let i = 0; i < requests; i += 16) {
    const batch = [];
    for (let j = 0; j < 16; j++) batch.push(one(i + j));
    await Promise.all(batch);
  }
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
  return done;
}

async function tcpEcho() {
  const server = net.createServer((s) => s.pipe(s));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = net.connect(server.address().port, '127.0.0.1');
  const chunk = Buffer.alloc(16384, 'x');
  let received = 0;
  const total = chunk.length * 400;
  await new Promise((resolve) => {
    client.on('data', (d) => {
      received += d.length;
      if (received >= total) resolve();
    });
    for (let i = 0; i < 400; i++) client.write(chunk);
  });
  client.destroy();
  await new Promise((resolve) => server.close(resolve));
  return received;
}

async function streamsAndFiles() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unode-pgo-'));
  const file = path.join(dir, 'data.txt');
  const lines = [];
  for (let i = 0; i < 20000; i++) lines.push(`line ${i}: ${'abc'.repeat(i % 20)} ${i * 3.5}`);
  fs.writeFileSync(file, lines.join('\n'));
  const upper = new Transform({
    transform(chunk, _enc, cb) {
      cb(null, chunk.toString().toUpperCase());
    },
  });
  await new Promise((resolve, reject) =>
    pipeline(fs.createReadStream(file), upper, zlib.createGzip(), fs.createWriteStream(file + '.gz'), (e) => (e ? reject(e) : resolve())));
  const back = zlib.gunzipSync(fs.readFileSync(file + '.gz')).toString();
  let count = 0;
  for await (const piece of Readable.from(back.split('\n'))) count += piece.length > 0;
  fs.rmSync(dir, { recursive: true });
  return count;
}

function plainJs() {
  let acc = 0;
  const map = new Map();
  const set = new Set();
  class Point {
    constructor(x, y) {
      this.x = x;
      this.y = y;
    }
    add(o) {
      return new Point(this.x + o.x, this.y + o.y);
    }
    get norm() {
      return Math.hypot(this.x, this.y);
    }
  }
  let p = new Point(0, 0);
  for (let i = 0; i < 200000; i++) {
    p = p.add(new Point(i % 7, i % 3));
    const key = 'k' + (i % 1000);
    map.set(key, (map.get(key) || 0) + 1);
    set.add(i % 5000);
    const s = `${i}:${key}`;
    acc += s.length + s.indexOf(':') + s.charCodeAt(0);
  }
  const words = 'the quick brown fox jumps over the lazy dog'.split(' ');
  for (let i = 0; i < 20000; i++) {
    const text = words.map((w, j) => (j === i % 9 ? w.toUpperCase() : w)).join(' ');
    acc += /(\w+)\s+(\w+)$/.exec(text)[1].length + text.replace(/o/g, '0').length;
    const obj = JSON.parse(JSON.stringify({ i, text, list: words.slice(i % 5), at: { x: i } }));
    acc += Object.keys(obj).length + obj.list.length;
  }
  const nums = Array.from({ length: 50000 }, (_, i) => (i * 7919) % 10007);
  nums.sort((a, b) => a - b);
  acc += nums.filter((n) => n % 2).reduce((a, b) => a + b, 0) + p.norm;
  const buf = Buffer.alloc(1 << 16);
  for (let i = 0; i < buf.length; i++) buf[i] = i & 0xff;
  acc += buf.toString('base64').length + buf.toString('hex').length + buf.indexOf(200);
  return acc + map.size + set.size;
}

async function promises() {
  let n = 0;
  const step = async (i) => {
    await null;
    return i + 1;
  };
  for (let i = 0; i < 50000; i++) n = await step(n);
  await new Promise((resolve) => setTimeout(resolve, 1));
  await new Promise((resolve) => setImmediate(resolve));
  return n;
}

async function main() {
  const results = {
    http: await httpRounds(),
    tcp: await tcpEcho(),
    streams: await streamsAndFiles(),
    js: plainJs(),
    promises: await promises(),
  };
  console.log(JSON.stringify(results));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
