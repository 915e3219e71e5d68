'use strict';
// Runs the entry point (script, -e/-p code, or stdin), then the event loop, then 'exit'.

const { processTicksAndRejections } = require('internal/process/task_queues');
const { getOptionValue } = require('internal/options');

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
  for (const path of getOptionValue('--env-file')) {
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
    // --require modules load first, then --import modules, each in order; the program
    // runs once the last import has settled (as in Node, a failed one ends the process).
    if (options.require.length > 0) require('internal/modules/cjs').Module._preloadModules(options.require);
    if (options.import.length > 0) {
      mainPromise = importPreloads(options.import).then(() => runEntry(options));
    } else {
      mainPromise = runEntry(options);
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

// The program: a promise when it is an ES module (or follows --import's), else null.
function runEntry(options) {
  switch (options.mode) {
    case 'script':
      return require('internal/modules/cjs').Module.runMain(process.argv[1]);
    case 'eval':
      addBuiltinGlobals();
      return evalCode(options.code, options.print, options.inputModule, '[eval]');
    case 'stdin':
      return evalCode(readStdin(), false, options.inputModule, '[stdin]');
    case 'worker': {
      const worker = require('internal/worker');
      worker.setupWorkerThread();
      return worker.self.eval ? evalCode(worker.self.entry, false, false, '[worker eval]') :
        require('internal/modules/cjs').Module.runMain(worker.self.entry);
    }
  }
  return null;
}

// -e/-p code sees the builtin modules as globals (`fs`, `http`, ...), each loaded on first
// use and replaced by an assignment, as in Node's [eval] context; names the global object
// has already (console, process, crypto) keep their values. The names come from the
// builtin list itself (Module.builtinModules less the seed's lib* modules), not from the
// loader, which `-e 0` does not load.
function addBuiltinGlobals() {
  for (const name of require.ids) {
    if (name.startsWith('_') || name.startsWith('lib') || name.includes('/') ||
      Object.prototype.hasOwnProperty.call(globalThis, name)) continue;
    const setReal = (value) => {
      delete globalThis[name];
      globalThis[name] = value;
    };
    Object.defineProperty(globalThis, name, {
      get() {
        const lib = require(name);
        Object.defineProperty(globalThis, name, { get: () => lib, set: setReal, configurable: true, enumerable: false });
        return lib;
      },
      set: setReal,
      configurable: true,
      enumerable: false,
    });
  }
}

// --import's modules, one after another, resolved from the working directory.
async function importPreloads(specifiers) {
  const moduleWrap = internalBinding('module_wrap');
  for (const specifier of specifiers) await moduleWrap.importModule(specifier, '');
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
      mod = new Module(name, null);
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
