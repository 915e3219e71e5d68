// worker_threads: a worker running this same file and eval'd ones, one at a time (their
// output is then in a fixed order): workerData and messages both ways (V8-serialized:
// Maps, typed arrays, errors), online/message/error/exit events, process.exit and
// exitCode in a worker, uncaught exceptions and rejections as the parent's 'error',
// terminate() of a busy worker, timers and an http server in a worker, argv, and
// Node's errors.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');

if (!isMainThread) {
  console.log('worker', threadId > 0, workerData.list, workerData.map.get('k'), workerData.bytes);
  parentPort.on('message', (m) => {
    if (m === 'bye') {
      parentPort.close();
      return;
    }
    parentPort.postMessage({ echo: m, error: new RangeError('sent back'), date: new Date(0) });
  });
  return;
}

function run(label, code, options = {}) {
  return new Promise((resolve) => {
    const w = new Worker(code, { eval: true, ...options });
    const events = [];
    // Node delivers 'online' on an internal port, so a message posted at once by a
    // short worker may overtake it: whether it came is kept apart from the order.
    let online = false;
    w.on('online', () => { online = true; });
    w.on('message', (m) => {
      events.push(['message', options.onMessage ? typeof m : m]);
      if (options.onMessage) options.onMessage(w, m);
    });
    w.on('error', (e) => events.push(['error', e.name, e.message, e.code]));
    w.on('exit', (code) => {
      events.push(['exit', code]);
      console.log(label, online ? 'online' : 'never online', JSON.stringify(events));
      resolve();
    });
    if (options.terminateAfter) {
      setTimeout(() => w.terminate().then((code) => console.log(label, 'terminated with', code)), options.terminateAfter);
    }
  });
}

(async () => {
  await new Promise((resolve) => {
    const w = new Worker(__filename, { workerData: { list: [1, 2], map: new Map([['k', 'v']]), bytes: new Uint8Array([7, 8]) } });
    w.on('online', () => console.log('online'));
    w.on('message', (m) => {
      console.log('parent got', m.echo, m.error instanceof RangeError, m.error.message, m.date.getTime());
      w.postMessage('bye');
    });
    w.on('exit', (code) => {
      console.log('exit', code, w.threadId);
      resolve();
    });
    w.postMessage({ hello: 'worker' });
  });
  await run('process.exit', "require('worker_threads').parentPort.postMessage(1); process.exit(3); require('worker_threads').parentPort.postMessage(2);");
  await run('throw', "const e = new RangeError('bad'); e.code = 'E_CODE'; throw e;");
  await run('rejection', "Promise.reject(new Error('async bad'))");
  await run('exit in a promise job', "(async () => { await null; process.exit(5); })()");
  await run('exitCode', "process.exitCode = 9; process.on('exit', (c) => require('worker_threads').parentPort.postMessage('exit ' + c))");
  await run('busy', 'for (;;) {}', { terminateAfter: 50 });
  await run('timer', "setTimeout(() => require('worker_threads').parentPort.postMessage('late'), 20)");
  process.env.UNODE_TEST_PARENT_VAR = 'set by the parent';
  await run('env', "process.env.FROM_WORKER = 'x'; require('worker_threads').parentPort.postMessage([process.env.UNODE_TEST_PARENT_VAR, process.env.ONLY_HERE])", { env: { ...process.env, ONLY_HERE: 'given' } });
  console.log('env stays the parent\'s', process.env.FROM_WORKER);
  await run('argv', "require('worker_threads').parentPort.postMessage(process.argv.slice(2))", { argv: ['x', 2] });
  await run('server', `const s = require('http').createServer((q, r) => r.end('hi from a worker')).listen(0, () =>
    require('worker_threads').parentPort.postMessage(s.address().port));
    require('worker_threads').parentPort.on('message', () => process.exit(0));`, {
    async onMessage(w, port) {
      const res = await fetch('http://127.0.0.1:' + port);
      console.log('fetched', await res.text());
      w.postMessage('stop');
    },
  });
  await new Promise((resolve) => {
    const w = new Worker("console.log('to my stdout'); console.error('to my stderr'); process.stdout.write('raw')", { eval: true, stdout: true });
    let out = '';
    w.stdout.on('data', (d) => { out += d; });
    w.stdout.on('end', () => {
      console.log('kept stdout', JSON.stringify(out));
      resolve();
    });
  });
  for (const [label, fn] of [
    ['bare path', () => new Worker('worker.js')],
    ['filename type', () => new Worker(42)],
    ['uncloneable', () => new Worker('0', { eval: true, workerData: () => {} })],
  ]) {
    try {
      fn();
      console.log(label, 'no error');
    } catch (e) {
      console.log(label, e.name, e.code, e.message);
    }
  }
  const idle = new Worker('setInterval(() => {}, 1000)', { eval: true });
  idle.unref();
  console.log('unref: the idle worker does not keep the process');
})();
