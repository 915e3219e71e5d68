'use strict';
// Fills in the `process` object: identity, environment, clocks, exit, signals, stdio.

const binding = internalBinding('process');
const loop = internalBinding('event_loop');

// The Node release whose API unode implements; packages check it for features.
const NODE_VERSION = '20.20.2';
const UNODE_VERSION = '0.1.0';

const signalNumbers = {
  __proto__: null,
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7,
  SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14,
  SIGTERM: 15, SIGCHLD: 17, SIGSTKFLT: 16, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20,
  SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26,
  SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
};

// process.env stores strings only, as Node's does: assigned values are converted.
function envProxy(env) {
  return new Proxy(env, {
    set(target, key, value) {
      if (typeof key === 'symbol') return Reflect.set(target, key, value);
      target[key] = `${value}`;
      return true;
    },
    defineProperty(target, key, desc) {
      if ('value' in desc && typeof key !== 'symbol') desc = { ...desc, value: `${desc.value}` };
      return Reflect.defineProperty(target, key, desc);
    },
  });
}

function setupProcess(process, options, requireBuiltin) {
  // internal/errors is big: load it only when something actually fails.
  const errors = () => requireBuiltin('internal/errors');
  const define = (name, value) =>
    Object.defineProperty(process, name, { value, writable: true, configurable: true, enumerable: true });

  define('version', 'v' + NODE_VERSION);
  define('versions', {
    node: NODE_VERSION,
    unode: UNODE_VERSION,
    quickjs: '0.16.2',
    modules: '115',
    uv: '1.46.0',
  });
  define('release', { name: 'node', lts: 'Iron', sourceUrl: '', headersUrl: '' });
  define('arch', 'x64');
  define('platform', 'linux');
  define('title', 'unode');
  define('pid', binding.pid);
  Object.defineProperty(process, 'ppid', { get: binding.getppid, enumerable: true, configurable: true });
  define('execPath', binding.execPath);
  define('execArgv', options.execArgv);
  define('env', envProxy(binding.env));
  define('config', { target_defaults: {}, variables: { node_shared: false, v8_enable_i18n_support: 1, icu_small: true } });
  define('features', { inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: false, tls_sni: false, tls_ocsp: false, tls: false, cached_builtins: true, typescript: false });
  define('moduleLoadList', []);
  define('argv0', options.argv0);
  define('_exiting', false);
  const { getOptionValue } = requireBuiltin('internal/options');
  define('noDeprecation', !getOptionValue('--deprecation'));
  define('throwDeprecation', getOptionValue('--throw-deprecation'));
  define('traceDeprecation', false);

  define('cwd', function cwd() { return binding.cwd(); });
  define('chdir', function chdir(directory) {
    if (typeof directory !== 'string') throw new (errors().codes).ERR_INVALID_ARG_TYPE('directory', 'string', directory);
    binding.chdir(directory);
  });
  define('umask', function umask(mask) {
    if (mask === undefined) return binding.umask();
    if (typeof mask === 'string') {
      if (!/^[0-7]+$/.test(mask)) throw new (errors().codes).ERR_INVALID_ARG_VALUE('mask', mask, 'must be a 32-bit unsigned integer or an octal string');
      mask = parseInt(mask, 8);
    }
    return binding.umask(mask);
  });

  const argv = [binding.execPath];
  // After cwd(), which path.resolve needs.
  if (options.mode === 'script') argv.push(requireBuiltin('path').resolve(options.script));
  define('argv', argv.concat(options.args));

  const [uid, euid, gid, egid] = binding.ids();
  define('getuid', () => uid);
  define('geteuid', () => euid);
  define('getgid', () => gid);
  define('getegid', () => egid);
  define('getgroups', () => [gid]);

  function hrtime(prev) {
    const ns = binding.hrtime();
    let sec = Math.floor(ns / 1e9);
    let nsec = ns - sec * 1e9;
    if (prev !== undefined) {
      if (!Array.isArray(prev)) throw new (errors().codes).ERR_INVALID_ARG_TYPE('time', 'Array', prev);
      if (prev.length !== 2) throw new (errors().codes).ERR_OUT_OF_RANGE('time', 2, prev.length);
      sec -= prev[0];
      nsec -= prev[1];
      if (nsec < 0) {
        sec -= 1;
        nsec += 1e9;
      }
    }
    return [sec, nsec];
  }
  hrtime.bigint = binding.hrtimeBigint;
  define('hrtime', hrtime);
  define('uptime', binding.uptime);
  function memoryUsage() {
    const [heapTotal, heapUsed, arrayBuffers] = binding.heap();
    return { rss: binding.rss(), heapTotal, heapUsed, external: arrayBuffers, arrayBuffers };
  }
  memoryUsage.rss = binding.rss;
  define('memoryUsage', memoryUsage);
  define('resourceUsage', function resourceUsage() {
    const [user, system] = binding.cpuUsage();
    return { userCPUTime: user, systemCPUTime: system, maxRSS: binding.maxRss() / 1024 };
  });
  define('cpuUsage', function cpuUsage(prev) {
    const [user, system] = binding.cpuUsage();
    return prev ? { user: user - prev.user, system: system - prev.system } : { user, system };
  });

  define('kill', function kill(pid, sig = 'SIGTERM') {
    if (pid != (pid | 0)) throw new (errors().codes).ERR_INVALID_ARG_TYPE('pid', 'number', pid);
    let num = sig;
    if (typeof sig === 'string') {
      num = signalNumbers[sig];
      if (num === undefined) throw new (errors().codes).ERR_UNKNOWN_SIGNAL(sig);
    } else if (typeof sig !== 'number') {
      throw new (errors().codes).ERR_UNKNOWN_SIGNAL(sig);
    }
    const err = binding.kill(pid, num);
    if (err) throw errors().errnoException(err, 'kill');
    return true;
  });
  // Deprecated (DEP0006) but still there: stdin, flowing.
  define('openStdin', function openStdin() {
    process.stdin.resume();
    return process.stdin;
  });
  define('abort', function abort() {
    binding.kill(binding.pid, signalNumbers.SIGABRT);
  });

  // Exit: 'exit' listeners run once, then the process ends with process.exitCode.
  let exitCode;
  Object.defineProperty(process, 'exitCode', {
    configurable: true,
    enumerable: true,
    get() { return exitCode; },
    set(code) {
      if (code !== null && code !== undefined) {
        let v = code;
        if (typeof code === 'string' && code !== '' && Number.isInteger(+code)) v = +code;
        if (!Number.isInteger(v)) throw new (errors().codes).ERR_INVALID_ARG_TYPE('code', 'integer', code);
      }
      exitCode = code;
    },
  });
  define('reallyExit', function reallyExit(code) {
    // Responses the loop held back for its batch were written, as far as the program knows.
    require('internal/event_loop').flushHeldWrites();
    internalBinding('net').drainWrites();
    // On a worker thread only the worker ends (its JS unwinds; the thread reports the code).
    if (!require('internal/worker').isMainThread) internalBinding('worker').exit(code | 0);
    binding.reallyExit(code | 0);
  });
  define('exit', function exit(code) {
    if (code !== undefined) process.exitCode = code;
    if (!process._exiting) {
      process._exiting = true;
      process.emit('exit', process.exitCode || 0);
    }
    process.reallyExit(process.exitCode || 0);
  });

  define('nextTick', requireBuiltin('internal/process/task_queues').nextTick);
  define('emitWarning', function emitWarning(...args) {
    return requireBuiltin('internal/process/warning').emitWarning(...args);
  });
  for (const name of ['setUncaughtExceptionCaptureCallback', 'hasUncaughtExceptionCaptureCallback']) {
    define(name, function(...args) {
      return requireBuiltin('internal/process/execution')[name](...args);
    });
  }
  // Sets the variables of a .env file (see internal/process/dotenv) that the environment
  // does not already have.
  define('loadEnvFile', function loadEnvFile(path = '.env') {
    const content = requireBuiltin('fs').readFileSync(path, 'utf8');
    const { parseEnv } = requireBuiltin('internal/process/dotenv');
    for (const [key, value] of Object.entries(parseEnv(content))) {
      if (process.env[key] === undefined) process.env[key] = value;
    }
  });
  // A built-in module by its name (`node:` or not), or undefined: how code that may run
  // elsewhere than Node loads one without import or require.
  define('getBuiltinModule', function getBuiltinModule(id) {
    errors().validateString(id, 'id');
    const { Module } = requireBuiltin('internal/modules/cjs');
    return Module.isBuiltin(id) ? Module._load(id, null, false) : undefined;
  });
  define('binding', function binding(name) {
    throw new Error(`No such module: ${name}`);
  });

  // Signals arrive through a signalfd once a listener exists; they do not keep the loop
  // alive, as in Node.
  process.on('newListener', function startListeningIfSignal(type) {
    const num = signalNumbers[type];
    if (num !== undefined && process.listenerCount(type) === 0) loop.signalStart(num);
  });
  process.on('removeListener', function stopListeningIfNoListener(type) {
    const num = signalNumbers[type];
    if (num !== undefined && process.listenerCount(type) === 0) loop.signalStop(num);
  });

  for (const name of ['stdin', 'stdout', 'stderr']) {
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: false,
      get() {
        const stream = requireBuiltin('internal/process/stdio')[name]();
        Object.defineProperty(process, name, { value: stream, configurable: true, writable: true, enumerable: false });
        return stream;
      },
    });
  }
}

module.exports = { setupProcess, signalNumbers };
