'use strict';
// child_process: programs started by the native side (internalBinding('child_process'):
// a fork whose child makes raw syscalls up to execve). A child's pipes are socketpairs
// read and written as net.Sockets, its exit is a pidfd the loop watches, and the *Sync
// forms run the whole child natively. Events, results and errors follow Node 20.

const EventEmitter = require('events');
const net = require('net');
const { Buffer } = require('buffer');
const eventLoop = require('internal/event_loop');
const binding = internalBinding('child_process');
const processBinding = internalBinding('process');
const { signalNumbers } = require('internal/process/setup');
const { getValidatedPath } = require('internal/fs/utils');
const { setupChannel } = require('internal/child_process/channel');
const {
  codes: {
    ERR_CHILD_PROCESS_IPC_REQUIRED,
    ERR_CHILD_PROCESS_STDIO_MAXBUFFER,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_SYNC_FORK_INPUT,
    ERR_IPC_ONE_PIPE,
    ERR_IPC_SYNC_FORK,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_SIGNAL,
  },
  AbortError,
  errnoException,
  getSystemErrorName,
  validateAbortSignal,
  validateArray,
  validateBoolean,
  validateFunction,
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/errors');

const EPOLLIN = 0x001;
const UV_ESRCH = -3;
const UV_EINVAL = -22;
const UV_ENOSYS = -38;
const kDefaultMaxBuffer = 1024 * 1024;
// How the native side reads a stdio slot (see bindings/child_process.rs).
const kStdioIgnore = -1;
const kStdioPipe = -2;
// Marks a stream given to a child as its stdio: the parent no longer reads it.
const kUsedAsStdio = Symbol('kUsedAsStdio');

const signalNames = { __proto__: null };
for (const name in signalNumbers) signalNames[signalNumbers[name]] = name;

// --- Arguments -------------------------------------------------------------------------

function rejectNullBytes(value, name) {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, value, 'must be a string without null bytes');
  }
}

function isInt32(value) {
  return value === (value | 0);
}

// A signal as a number: a known name, or a number that names one.
function signalNumber(signal, name = 'signal') {
  if (typeof signal === 'number' && signalNames[signal] !== undefined) return signal;
  if (typeof signal === 'string' && signalNumbers[signal.toUpperCase()] !== undefined) return signalNumbers[signal.toUpperCase()];
  if (typeof signal === 'number' || typeof signal === 'string') throw new ERR_UNKNOWN_SIGNAL(signal);
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'number'], signal);
}

function killSignalOf(signal) {
  return signal === undefined || signal === null ? signalNumbers.SIGTERM : signalNumber(signal, 'options.killSignal');
}

function checkTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    throw new ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', timeout);
  }
}

function checkMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw new ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number', maxBuffer);
  }
}

// What spawn and spawnSync start: the file (the shell, for `shell`), argv from argv0,
// the environment as NAME=value pairs (inherited keys too, as Node reads them with for-in).
function spawnPlan(file, args, options) {
  validateString(file, 'file');
  rejectNullBytes(file, 'file');
  if (file.length === 0) throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args === undefined || args === null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  for (let i = 0; i < args.length; i++) rejectNullBytes(args[i], `args[${i}]`);
  if (options === undefined) options = {};
  else validateObject(options, 'options');
  const cwd = options.cwd != null ? getValidatedPath(options.cwd, 'options.cwd') : undefined;
  if (options.detached != null) validateBoolean(options.detached, 'options.detached');
  for (const id of ['uid', 'gid']) {
    if (options[id] != null && !isInt32(options[id])) throw new ERR_INVALID_ARG_TYPE(`options.${id}`, 'int32', options[id]);
  }
  const { shell } = options;
  if (shell != null && typeof shell !== 'boolean' && typeof shell !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], shell);
  }
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    rejectNullBytes(options.argv0, 'options.argv0');
  }
  if (options.windowsHide != null) validateBoolean(options.windowsHide, 'options.windowsHide');
  if (options.windowsVerbatimArguments != null) {
    validateBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  }
  if (shell) {
    rejectNullBytes(shell, 'options.shell');
    const command = [file, ...args].join(' ');
    file = typeof shell === 'string' ? shell : '/bin/sh';
    args = ['-c', command];
  }
  args.unshift(typeof options.argv0 === 'string' ? options.argv0 : file);
  const env = options.env || process.env;
  const envPairs = [];
  for (const key in env) {
    const value = env[key];
    if (value === undefined) continue;
    rejectNullBytes(key, `options.env['${key}']`);
    rejectNullBytes(value, `options.env['${key}']`);
    envPairs.push(`${key}=${value}`);
  }
  return {
    ...options,
    args,
    cwd,
    detached: !!options.detached,
    envPairs,
    file,
    windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  };
}

// The stdio option as one entry per descriptor: { type: 'pipe' | 'ignore' | 'fd', fd,
// input }. `sync`: inputs (strings and buffers) are allowed; 'ipc' is not.
function stdioSlots(stdio, sync) {
  if (typeof stdio === 'string') {
    if (stdio !== 'pipe' && stdio !== 'overlapped' && stdio !== 'ignore' && stdio !== 'inherit') {
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
    }
    stdio = [stdio, stdio, stdio];
  } else if (!Array.isArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  } else {
    stdio = stdio.slice();
  }
  while (stdio.length < 3) stdio.push(undefined);
  let ipc = false;
  return stdio.map((entry, i) => {
    if (entry === undefined || entry === null) entry = i < 3 ? 'pipe' : 'ignore';
    if (entry === 'ignore') return { type: 'ignore' };
    if (entry === 'pipe' || entry === 'overlapped') return { type: 'pipe' };
    if (entry === 'inherit') return { type: 'fd', fd: i };
    if (entry === 'ipc') {
      if (sync) throw new ERR_IPC_SYNC_FORK();
      if (ipc) throw new ERR_IPC_ONE_PIPE();
      ipc = true;
      return { type: 'ipc' };
    }
    if (typeof entry === 'number') return { type: 'fd', fd: entry };
    if (typeof entry === 'object' && typeof entry.fd === 'number') return { type: 'fd', fd: entry.fd };
    const handle = typeof entry === 'object' ? entry._handle : undefined;
    if (handle && typeof handle.fd === 'number' && handle.fd >= 0) return { type: 'fd', fd: handle.fd, stream: entry };
    if (ArrayBuffer.isView(entry) || typeof entry === 'string') {
      if (!sync) throw new ERR_INVALID_SYNC_FORK_INPUT(require('util').inspect(entry));
      return { type: 'pipe', input: entry };
    }
    throw new ERR_INVALID_ARG_VALUE('stdio', entry);
  });
}

function nativeStdio(slots) {
  return slots.map((s) => (s.type === 'pipe' || s.type === 'ipc' ? kStdioPipe : s.type === 'ignore' ? kStdioIgnore : s.fd));
}

// --- ChildProcess ----------------------------------------------------------------------

// What the loop knows of a running child: its pidfd, watched until it is readable.
class ProcessHandle {
  constructor(pid, pidfd, onexit) {
    this.pid = pid;
    this.pidfd = pidfd;
    this.refed = true;
    this.token = eventLoop.watch(pidfd, EPOLLIN, () => {
      const exit = binding.reap(this.pidfd);
      if (exit === null) return;
      this.close();
      onexit(exit[0], exit[1] === null ? null : signalNames[exit[1]] || exit[1]);
    }, true, true);
  }

  kill(signal) {
    return processBinding.kill(this.pid, signal);
  }

  ref() {
    if (this.token !== 0) eventLoop.setWatchRef(this.token, true);
  }

  unref() {
    if (this.token !== 0) eventLoop.setWatchRef(this.token, false);
  }

  close() {
    if (this.token !== 0) eventLoop.unwatch(this.token);
    this.token = 0;
  }
}

function ChildProcess() {
  EventEmitter.call(this);
  this._closesNeeded = 1;
  this._closesGot = 0;
  this.connected = false;
  this.signalCode = null;
  this.exitCode = null;
  this.killed = false;
  this.spawnfile = null;
  this._handle = null;
}
Object.setPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
Object.setPrototypeOf(ChildProcess, EventEmitter);

// Starts the program `options` (spawnPlan's) describes. A program that cannot start
// (ENOENT, EACCES …) is reported by 'error' on a later tick, as Node reports it; a
// failure of the machinery itself throws.
ChildProcess.prototype.spawn = function(options) {
  validateObject(options, 'options');
  const slots = stdioSlots(options.stdio || 'pipe', false);
  const ipcSlot = slots.findIndex((slot) => slot.type === 'ipc');
  validateOneOf(options.serialization, 'options.serialization', [undefined, 'json', 'advanced']);
  const serialization = options.serialization || 'json';
  let envPairs = options.envPairs || [];
  if (ipcSlot !== -1) {
    envPairs = [...envPairs, `NODE_CHANNEL_FD=${ipcSlot}`, `NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`];
  }
  validateString(options.file, 'options.file');
  this.spawnfile = options.file;
  if (options.args === undefined) {
    this.spawnargs = [];
  } else {
    validateArray(options.args, 'options.args');
    this.spawnargs = options.args;
  }
  const row = binding.spawn({
    file: options.file,
    args: this.spawnargs.map(String),
    envPairs,
    // An empty directory means none, as in Node.
    cwd: options.cwd || undefined,
    stdio: nativeStdio(slots),
    detached: !!options.detached,
    uid: options.uid,
    gid: options.gid,
  });
  const err = row[0];
  // A stream given as the child's stdio is the child's to read now, not ours.
  for (const slot of slots) {
    if (slot.stream === undefined) continue;
    slot.stream.pause();
    if (typeof slot.stream._stopReading === 'function') slot.stream._stopReading();
    slot.stream[kUsedAsStdio] = true;
  }
  if (err === 0) {
    this._handle = new ProcessHandle(row[1], row[2], (code, signal) => onExit(this, code, signal));
    this.pid = row[1];
    process.nextTick(() => this.emit('spawn'));
  } else if (row.length === 1) {
    // Not even the pipes could be made (EMFILE …).
    throw errnoException(err, 'spawn');
  } else {
    process.nextTick(() => onExit(this, err, null));
  }
  this.stdio = slots.map((slot, i) => {
    const fd = row[3 + i];
    if (fd === undefined || fd < 0) return null;
    if (i === ipcSlot) {
      this._closesNeeded++;
      setupChannel(this, fd, serialization, () => maybeClose(this));
      return null;
    }
    const socket = new net.Socket({ fd, readable: i > 0 });
    if (i > 0) {
      this._closesNeeded++;
      socket.on('close', () => maybeClose(this));
    }
    return socket;
  });
  this.stdin = this.stdio[0] || null;
  this.stdout = this.stdio[1] || null;
  this.stderr = this.stdio[2] || null;
  return err;
};

// The child ended (or never started: `code` a negative errno).
function onExit(child, code, signal) {
  if (signal) child.signalCode = signal;
  else child.exitCode = code;
  if (child.stdin) child.stdin.destroy();
  child._handle = null;
  if (code < 0) {
    const syscall = child.spawnfile ? `spawn ${child.spawnfile}` : 'spawn';
    const err = errnoException(code, syscall);
    if (child.spawnfile) err.path = child.spawnfile;
    err.spawnargs = child.spawnargs.slice(1);
    child.emit('error', err);
  } else {
    child.emit('exit', child.exitCode, child.signalCode);
  }
  // Output nobody reads is let flow, so that the pipes end and 'close' comes.
  process.nextTick(() => {
    for (const stream of child.stdio || []) {
      if (stream && stream.readable && !stream[kUsedAsStdio]) stream.resume();
    }
  });
  maybeClose(child);
}

function maybeClose(child) {
  if (++child._closesGot === child._closesNeeded) child.emit('close', child.exitCode, child.signalCode);
}

ChildProcess.prototype.kill = function(sig) {
  const signal = sig === 0 ? 0 : signalNumber(sig === undefined ? 'SIGTERM' : sig);
  if (this._handle) {
    const err = this._handle.kill(signal);
    if (err === 0) {
      this.killed = true;
      return true;
    }
    if (err === UV_EINVAL || err === UV_ENOSYS) throw errnoException(err, 'kill');
    if (err !== UV_ESRCH) this.emit('error', errnoException(err, 'kill'));
  }
  return false;
};

if (typeof Symbol.dispose === 'symbol') {
  ChildProcess.prototype[Symbol.dispose] = function() {
    if (!this.killed) this.kill();
  };
}

ChildProcess.prototype.ref = function() {
  if (this._handle) this._handle.ref();
};

ChildProcess.prototype.unref = function() {
  if (this._handle) this._handle.unref();
};

// --- spawn, exec, execFile -------------------------------------------------------------

function spawn(file, args, options) {
  const plan = spawnPlan(file, args, options);
  checkTimeout(plan.timeout);
  if (plan.signal !== undefined) validateAbortSignal(plan.signal, 'options.signal');
  const killSignal = plan.killSignal === undefined ? 'SIGTERM' : plan.killSignal;
  if (plan.killSignal !== undefined) signalNumber(plan.killSignal, 'options.killSignal');
  const child = new ChildProcess();
  child.spawn(plan);
  if (plan.timeout > 0) {
    let timer = setTimeout(() => {
      timer = null;
      try {
        child.kill(killSignal);
      } catch (err) {
        child.emit('error', err);
      }
    }, plan.timeout);
    child.once('exit', () => {
      if (timer !== null) clearTimeout(timer);
    });
  }
  const { signal } = plan;
  if (signal) {
    const onAbort = () => {
      if (child.kill(killSignal)) child.emit('error', new AbortError(undefined, { cause: signal.reason }));
    };
    if (signal.aborted) {
      process.nextTick(onAbort);
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return child;
}

function execFileArguments(file, args, options, callback) {
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args !== null && typeof args === 'object') {
    callback = options;
    options = args;
    args = null;
  } else if (typeof args === 'function') {
    callback = args;
    options = null;
    args = null;
  }
  if (args === null || args === undefined) args = [];
  if (typeof options === 'function') callback = options;
  else if (options !== null && options !== undefined) validateObject(options, 'options');
  if (options === null || options === undefined || typeof options === 'function') options = {};
  if (callback !== null && callback !== undefined) validateFunction(callback, 'callback');
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    rejectNullBytes(options.argv0, 'options.argv0');
  }
  return { file, args, options, callback };
}

function execFile(file, args, options, callback) {
  ({ file, args, options, callback } = execFileArguments(file, args, options, callback));
  options = {
    encoding: 'utf8', timeout: 0, maxBuffer: kDefaultMaxBuffer, killSignal: 'SIGTERM', cwd: null, env: null, shell: false,
    ...options,
  };
  checkTimeout(options.timeout);
  checkMaxBuffer(options.maxBuffer);
  const killSignal = killSignalOf(options.killSignal);
  const child = spawn(file, args, {
    cwd: options.cwd,
    env: options.env,
    gid: options.gid,
    shell: options.shell,
    signal: options.signal,
    uid: options.uid,
    windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  });
  const encoding = options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding) ? options.encoding : null;
  const output = { stdout: [], stderr: [] };
  const lengths = { stdout: 0, stderr: 0 };
  let killedByUs = false;
  let done = false;
  let timer = null;
  let failure = null;

  const finish = (code, signal) => {
    if (done) return;
    done = true;
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (!callback) return;
    const text = (name) => (encoding || (child[name] && child[name].readableEncoding)
      ? output[name].join('')
      : Buffer.concat(output[name]));
    const stdout = text('stdout');
    const stderr = text('stderr');
    if (failure === null && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    const cmd = args.length ? `${file} ${args.join(' ')}` : file;
    if (failure === null) {
      failure = new Error(`Command failed: ${cmd}\n${stderr}`);
      failure.code = code < 0 ? getSystemErrorName(code) : code;
      failure.killed = child.killed || killedByUs;
      failure.signal = signal;
    }
    failure.cmd = cmd;
    callback(failure, stdout, stderr);
  };
  const stopOutput = () => {
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
  };
  const kill = () => {
    stopOutput();
    killedByUs = true;
    try {
      child.kill(killSignal);
    } catch (err) {
      failure = err;
      finish();
    }
  };
  if (options.timeout > 0) {
    timer = setTimeout(() => {
      timer = null;
      kill();
    }, options.timeout);
  }
  for (const name of ['stdout', 'stderr']) {
    const stream = child[name];
    if (!stream) continue;
    if (encoding) stream.setEncoding(encoding);
    stream.on('data', (chunk) => {
      if (options.maxBuffer === Infinity) {
        output[name].push(chunk);
        return;
      }
      const streamEncoding = stream.readableEncoding;
      const length = streamEncoding ? Buffer.byteLength(chunk, streamEncoding) : chunk.length;
      lengths[name] += length;
      if (lengths[name] > options.maxBuffer) {
        const keep = options.maxBuffer - (lengths[name] - length);
        output[name].push(chunk.slice(0, keep));
        failure = new ERR_CHILD_PROCESS_STDIO_MAXBUFFER(name);
        kill();
      } else {
        output[name].push(chunk);
      }
    });
  }
  child.addListener('close', finish);
  child.addListener('error', (err) => {
    failure = err;
    stopOutput();
    finish();
  });
  return child;
}

function execArguments(command, options, callback) {
  validateString(command, 'command');
  rejectNullBytes(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return { file: command, options, callback };
}

function exec(command, options, callback) {
  const a = execArguments(command, options, callback);
  return module.exports.execFile(a.file, a.options, a.callback);
}

// util.promisify(exec) and (execFile) resolve to { stdout, stderr }, reject with the
// error carrying both, and give the child as the promise's `child`.
function promisifiedWithOutput(run) {
  return (...args) => {
    let settle;
    const promise = new Promise((resolve, reject) => {
      settle = { resolve, reject };
    });
    promise.child = run(...args, (err, stdout, stderr) => {
      if (err !== null) {
        err.stdout = stdout;
        err.stderr = stderr;
        settle.reject(err);
      } else {
        settle.resolve({ stdout, stderr });
      }
    });
    return promise;
  };
}
const kCustomPromisified = Symbol.for('nodejs.util.promisify.custom');
Object.defineProperty(exec, kCustomPromisified, { enumerable: false, value: promisifiedWithOutput(exec) });
Object.defineProperty(execFile, kCustomPromisified, { enumerable: false, value: promisifiedWithOutput(execFile) });

const kEvalSwitches = new Set(['-e', '--eval', '-p', '--print', '-pe']);
function withoutEval(execArgv) {
  const kept = [];
  for (let i = 0; i < execArgv.length; i++) {
    if (kEvalSwitches.has(execArgv[i])) i++;
    else if (!execArgv[i].startsWith('--eval=') && !execArgv[i].startsWith('--print=')) kept.push(execArgv[i]);
  }
  return kept;
}

// Another unode (or options.execPath) running `modulePath`, with an IPC channel.
function fork(modulePath, args, options) {
  modulePath = getValidatedPath(modulePath, 'modulePath');
  if (args === null || args === undefined) {
    args = [];
  } else if (typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  } else {
    validateArray(args, 'args');
  }
  if (options !== null && options !== undefined) validateObject(options, 'options');
  options = { ...options, shell: false };
  let execArgv = options.execArgv || process.execArgv;
  validateArray(execArgv, 'options.execArgv');
  // The parent's -e/-p code is not the child's to run (it would fork again).
  if (execArgv === process.execArgv) execArgv = withoutEval(execArgv);
  const stdio = options.stdio;
  if (typeof stdio === 'string') {
    if (stdio !== 'pipe' && stdio !== 'overlapped' && stdio !== 'ignore' && stdio !== 'inherit') {
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
    }
    options.stdio = [stdio, stdio, stdio, 'ipc'];
  } else if (!Array.isArray(stdio)) {
    options.stdio = options.silent ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['inherit', 'inherit', 'inherit', 'ipc'];
  } else if (!stdio.includes('ipc')) {
    throw new ERR_CHILD_PROCESS_IPC_REQUIRED('options.stdio');
  }
  options.execPath = options.execPath || process.execPath;
  return spawn(options.execPath, [...execArgv, modulePath, ...args], options);
}

// --- Synchronous forms -----------------------------------------------------------------

function spawnSync(file, args, options) {
  const plan = spawnPlan(file, args, options);
  plan.maxBuffer = plan.maxBuffer === undefined ? kDefaultMaxBuffer : plan.maxBuffer;
  checkMaxBuffer(plan.maxBuffer);
  checkTimeout(plan.timeout);
  const killSignal = killSignalOf(plan.killSignal);
  const slots = stdioSlots(plan.stdio || 'pipe', true);
  let input = slots[0].input;
  if (plan.input !== undefined && plan.input !== null) {
    if (typeof plan.input !== 'string' && !ArrayBuffer.isView(plan.input)) {
      throw new ERR_INVALID_ARG_TYPE('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], plan.input);
    }
    input = plan.input;
    slots[0] = { type: 'pipe', input };
  }
  if (typeof input === 'string') input = Buffer.from(input, plan.encoding && plan.encoding !== 'buffer' ? plan.encoding : 'utf8');
  else if (input !== undefined && !(input instanceof Uint8Array)) input = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const run = binding.spawnSync({
    file: plan.file,
    args: plan.args.map(String),
    envPairs: plan.envPairs,
    cwd: plan.cwd || undefined,
    stdio: nativeStdio(slots),
    detached: plan.detached,
    uid: plan.uid,
    gid: plan.gid,
    input,
    timeout: plan.timeout || 0,
    killSignal,
    maxBuffer: plan.maxBuffer,
  });
  const result = {};
  if (run.errno !== 0) {
    const err = errnoException(run.errno, `spawnSync ${plan.file}`);
    err.path = plan.file;
    err.spawnargs = plan.args.slice(1);
    result.error = err;
  }
  if (run.output === undefined) {
    Object.assign(result, { status: null, signal: null, output: null, pid: 0, stdout: null, stderr: null });
    return result;
  }
  let output = run.output;
  if (plan.encoding && plan.encoding !== 'buffer') {
    output = output.map((o) => (o === null ? null : o.toString(plan.encoding)));
  }
  result.status = run.status;
  result.signal = run.signal === null ? null : signalNames[run.signal] || run.signal;
  result.output = output;
  result.pid = run.pid;
  result.stdout = output[1] === undefined ? null : output[1];
  result.stderr = output[2] === undefined ? null : output[2];
  return result;
}

// The error a *Sync call throws for a run that failed or exited non-zero.
function syncFailure(result, command) {
  if (result.error) return Object.assign(result.error, result);
  if (result.status === 0) return null;
  let message = `Command failed: ${command}`;
  if (result.stderr && result.stderr.length > 0) message += `\n${result.stderr.toString()}`;
  return Object.assign(new Error(message), result);
}

function execFileSync(file, args, options) {
  ({ file, args, options } = execFileArguments(file, args, options));
  const inheritStderr = !options.stdio;
  const result = spawnSync(file, args, options);
  if (inheritStderr && result.stderr) process.stderr.write(result.stderr);
  const failure = syncFailure(result, [options.argv0 || file, ...args].join(' '));
  if (failure) throw failure;
  return result.stdout;
}

function execSync(command, options) {
  const a = execArguments(command, options);
  const inheritStderr = !a.options.stdio;
  const result = spawnSync(a.file, a.options);
  if (inheritStderr && result.stderr) process.stderr.write(result.stderr);
  const failure = syncFailure(result, command);
  if (failure) throw failure;
  return result.stdout;
}

module.exports = {
  _forkChild() {},
  ChildProcess,
  exec,
  execFile,
  execFileSync,
  execSync,
  fork,
  spawn,
  spawnSync,
};
