'use strict';
// Runs the entry point (script, -e/-p code, or stdin), then the event loop, then 'exit'.

const { processTicksAndRejections } = require('internal/process/task_queues');

function triggerUncaughtException(err, fromPromise) {
  require('internal/process/execution').triggerUncaughtException(err, fromPromise);
}

function run(options) {
  // QuickJS asks these for every import; the loader itself loads on the first one.
  internalBinding('module_wrap').setHooks(
    (specifier, referrer) => require('internal/modules/esm').resolve(specifier, referrer),
    (id) => require('internal/modules/esm').load(id));
  // --env-file=PATH: its variables, under those the environment already has (a missing
  // file ends the process as Node ends it).
  for (const arg of process.execArgv) {
    if (!arg.startsWith('--env-file=')) continue;
    const path = arg.slice('--env-file='.length);
    try {
      process.loadEnvFile(path);
    } catch {
      internalBinding('process').writeSync(2, `unode: ${path}: not found\n`);
      process.reallyExit(9);
    }
  }
  // A child forked with an IPC channel: process.send and 'message' from the start.
  if (process.env.NODE_CHANNEL_FD !== undefined) {
    require('internal/child_process/channel').setupChildChannel();
    // A cluster worker (forked by cluster.fork) says it is online before its code runs.
    if (process.env.NODE_UNIQUE_ID !== undefined && process.send !== undefined) require('cluster')._setupWorker();
  }
  let mainPromise = null;
  try {
    switch (options.mode) {
      case 'script':
        mainPromise = require('internal/modules/cjs').Module.runMain(process.argv[1]);
        break;
      case 'eval':
        mainPromise = evalCode(options.code, options.print, options.inputModule, '[eval]');
        break;
      case 'stdin':
        mainPromise = evalCode(readStdin(), false, options.inputModule, '[stdin]');
        break;
      case 'worker': {
        const worker = require('internal/worker');
        worker.setupWorkerThread();
        mainPromise = worker.self.eval ? evalCode(worker.self.entry, false, false, '[worker eval]') :
          require('internal/modules/cjs').Module.runMain(worker.self.entry);
        break;
      }
    }
  } catch (err) {
    triggerUncaughtException(err, false);
  }
  let settled = mainPromise === null;
  if (mainPromise !== null) {
    mainPromise.then(() => { settled = true; }, (err) => { settled = true; triggerUncaughtException(err, false); });
  }
  processTicksAndRejections();
  // An ES module entry (mainPromise set) ran the way Node runs it: from a promise job.
  require('internal/event_loop').run(mainPromise !== null);

  let code = process.exitCode || 0;
  if (!settled && code === 0) {
    // Node's exit code 13: the main module's top-level await never settled.
    internalBinding('process').writeSync(2, 'Warning: Detected unsettled top-level await\n');
    code = 13;
  }
  if (!process._exiting) {
    process._exiting = true;
    try {
      process.emit('exit', code);
    } catch (err) {
      triggerUncaughtException(err, false);
    }
  }
  return process.exitCode !== undefined && process.exitCode !== null ? process.exitCode | 0 : code;
}

function readStdin() {
  const fsBinding = internalBinding('fs');
  const chunks = [];
  const buf = new Uint8Array(65536);
  let total = 0;
  for (;;) {
    const n = fsBinding.read(0, buf, 0, buf.length, -1);
    if (n <= 0) break;
    chunks.push(buf.slice(0, n));
    total += n;
  }
  const all = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    all.set(c, off);
    off += c.length;
  }
  return internalBinding('buffer').decode(all, 'utf8', 0, total);
}

// -e / -p / stdin code runs as a sloppy script with require & co. as globals (Node's
// [eval] context), or as an ES module under --input-type=module.
function evalCode(code, print, asModule, name) {
  if (asModule) {
    return require('internal/modules/esm').evalModule(code, name);
  }
  // require/module/exports are made on first use: `-e 0` should not load the loader.
  let mod;
  const evalModule = () => {
    if (mod === undefined) {
      const filename = require('path').join(process.cwd(), name);
      const { Module } = require('internal/modules/cjs');
      mod = new Module(filename, null);
      mod.filename = filename;
      mod.paths = Module._nodeModulePaths(process.cwd());
    }
    return mod;
  };
  const lazyGlobal = (key, make) => Object.defineProperty(globalThis, key, {
    configurable: true,
    enumerable: false,
    get() {
      const value = make();
      Object.defineProperty(globalThis, key, { value, writable: true, configurable: true, enumerable: false });
      return value;
    },
    set(value) {
      Object.defineProperty(globalThis, key, { value, writable: true, configurable: true, enumerable: false });
    },
  });
  lazyGlobal('module', evalModule);
  lazyGlobal('exports', () => evalModule().exports);
  lazyGlobal('require', () => require('internal/modules/cjs').makeRequire(evalModule()));
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  const result = internalBinding('contextify').evalScript(stripShebang(code), name);
  if (print) {
    const { inspect } = require('util');
    process.stdout.write((typeof result === 'string' ? result : inspect(result)) + '\n');
  }
  return null;
}

function stripShebang(code) {
  return code.startsWith('#!') ? '//' + code.slice(2) : code;
}

module.exports = { run, stripShebang };
