// The command line's and NODE_OPTIONS' runtime options, in child processes of the runtime
// under test: -r/--require and --import preloads (order, resolution from the working
// directory, a missing one), NODE_OPTIONS (quoting, refused options), builtin modules as
// -e/-p globals, --max-http-header-size and --insecure-http-parser.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-preload-'));
fs.writeFileSync(path.join(dir, 'a.js'), 'console.log("a", typeof globalThis.preloaded); globalThis.preloaded = "a";');
fs.writeFileSync(path.join(dir, 'with space.js'), 'console.log("spaced");');
fs.writeFileSync(path.join(dir, 'b.mjs'), 'await Promise.resolve(); console.log("b.mjs", globalThis.preloaded);');
fs.mkdirSync(path.join(dir, 'node_modules', 'hook'), { recursive: true });
fs.writeFileSync(path.join(dir, 'node_modules', 'hook', 'index.js'), 'console.log("hook from node_modules");');
fs.writeFileSync(path.join(dir, 'main.js'), 'console.log("main", globalThis.preloaded, process.execArgv.length);');

function run(args, env) {
  const r = spawnSync(process.execPath, args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', ...env },
  });
  const firstError = r.stderr.split('\n').find((l) => /Error|not allowed|requires|invalid/.test(l)) || '';
  console.log(JSON.stringify(args), env ? JSON.stringify(env) : '', '->', r.status);
  if (r.stdout) console.log(r.stdout.trimEnd());
  // The runtime's own path starts its option errors ("/usr/bin/node: ..."): the rest is
  // compared.
  if (firstError) console.log('stderr:', firstError.replace(/^\S+: /, ''));
}

run(['-r', './a.js', 'main.js']);
run(['--require=./a.js', '-r', 'hook', '-p', 'preloaded']);
run(['--import', './b.mjs', '-r', './a.js', 'main.js']);
run(['--import=./b.mjs', '-e', 'console.log("eval", preloaded)']);
run(['-r', './missing.js', '-e', '1']);
run(['-r', 'fs', '-p', 'typeof fs.readFileSync']);
// Worker threads load the --require modules too, not the --import ones.
run(['-r', './a.js', '--import', './b.mjs', '-e', 'new (require("worker_threads").Worker)("console.log(`worker`, globalThis.preloaded)", { eval: true })']);
run(['-r']);
run(['-p', 'preloaded'], { NODE_OPTIONS: '-r ./a.js --require "./with space.js"' });
run(['-r', './a.js', 'main.js'], { NODE_OPTIONS: '--no-warnings -r hook' });
run(['-e', '1'], { NODE_OPTIONS: '-e 1' });
// Options of node's that unode lacks are passed over in NODE_OPTIONS (node takes them).
run(['-p', 'require("dns").getDefaultResultOrder()'], { NODE_OPTIONS: '--experimental-wasm-modules --dns-result-order=ipv4first' });
run(['--trace-deprecation', '--openssl-legacy-provider', '-p', 'process.execArgv.length']);

// Builtin modules are globals of -e/-p code, loaded on first use, replaceable.
run(['-p', '[typeof http, typeof zlib.gzipSync, fs === require("fs"), Object.keys(globalThis).includes("fs")]']);
run(['-e', 'fs = 1; console.log(fs, typeof path.join)']);
run(['-p', 'module.id + " " + __filename']);

// The HTTP parser's defaults follow their options.
run(['-p', 'http.maxHeaderSize']);
run(['--max-http-header-size=100', '-p', 'http.maxHeaderSize']);
run(['--max-http-header-size', '64', '-e', `
  const server = http.createServer((req, res) => res.end('ok')).listen(0, '127.0.0.1', () => {
    const req = http.get({ port: server.address().port, host: '127.0.0.1', headers: { 'x-big': 'y'.repeat(100) } });
    req.on('response', (res) => { console.log('status', res.statusCode); server.close(); });
    req.on('error', (e) => { console.log('error', e.code); server.close(); });
  });`]);

fs.rmSync(dir, { recursive: true, force: true });
