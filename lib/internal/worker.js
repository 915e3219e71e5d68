'use strict';

// worker_threads' threads: Worker (the parent's handle on one) and the worker's own side
// (parentPort, workerData, its start, exit and uncaught errors). Each worker is a thread
// with a runtime of its own (bindings/worker.rs); messages cross as V8-serialized bytes
// (internal/messaging's serialize, which carries transferred ports too) through a mailbox
// each way, whose descriptor each side's loop watches.

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { serialize, deserialize, transferListOf } = require('internal/messaging');
const binding = internalBinding('worker');
const eventLoop = require('internal/event_loop');
const { codes, validateObject } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_WORKER_PATH } = codes;

const EPOLLIN = 0x001;

// This thread's start when it is a worker, or undefined on the main thread.
const self = binding.self();

// An error as it crosses: its own properties kept (the serializer keeps only name,
// message, stack and cause).
function serializeError(err) {
  const props = {};
  if (err !== null && typeof err === 'object') {
    for (const key of Object.keys(err)) {
      try {
        serialize(err[key]);
        props[key] = err[key];
      } catch {
        // A property that cannot be cloned stays behind.
      }
    }
  }
  try {
    return serialize({ error: err, props });
  } catch {
    return serialize({ error: new Error(String(err)), props: {} });
  }
}

function deserializeError(bytes) {
  const { error, props } = deserialize(bytes);
  if (error !== null && typeof error === 'object') Object.assign(error, props);
  return error;
}

// --- the parent's side -------------------------------------------------------------------

const kHandle = Symbol('kHandle');

function workerPath(filename) {
  if (filename instanceof URL) {
    if (filename.protocol !== 'file:') throw new codes.ERR_INVALID_URL_SCHEME('file');
    return require('url').fileURLToPath(filename);
  }
  if (typeof filename !== 'string') throw new ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
  if (filename.startsWith('file:')) return require('url').fileURLToPath(filename);
  const path = require('path');
  if (path.isAbsolute(filename) || /^\.\.?[\\/]/.test(filename)) return path.resolve(filename);
  throw new ERR_WORKER_PATH(filename);
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    validateObject(options, 'options');
    let entry;
    if (options.eval) {
      if (typeof filename !== 'string') throw new ERR_INVALID_ARG_TYPE('filename', 'string', filename);
      entry = filename;
    } else {
      entry = workerPath(filename);
    }
    const argv = options.argv === undefined ? [] : Array.from(options.argv, String);
    // The worker's environment: a copy of this thread's process.env (or options.env) as it
    // is now, sent with workerData. (SHARE_ENV is taken as a copy too.)
    const env = options.env !== undefined && options.env !== null && typeof options.env === 'object' ? options.env : process.env;
    const data = serialize({ workerData: options.workerData, env: { ...env } }, transferListOf(options.transferList));
    const name = typeof options.name === 'string' ? options.name : '';
    const [id, threadId, fd] = binding.spawn(entry, !!options.eval, name, data, argv);
    this[kHandle] = { id, fd, exited: false, exitCode: undefined, waiting: [], ownOutput: !!options.stdout, ownErrors: !!options.stderr };
    // The worker's output, as Readables; what options.stdout/stderr do not ask to keep
    // goes on to this process's own.
    const { Readable } = require('stream');
    this.stdout = new Readable({ read() {} });
    this.stderr = new Readable({ read() {} });
    this.threadId = threadId;
    this.resourceLimits = { maxYoungGenerationSizeMb: -1, maxOldGenerationSizeMb: -1, codeRangeSizeMb: -1, stackSizeMb: 4, ...options.resourceLimits };
    this[kHandle].token = eventLoop.watch(fd, EPOLLIN, () => this.#receive(), true);
  }

  #receive() {
    const handle = this[kHandle];
    if (handle.exited) return;
    for (const [kind, payload] of binding.takeFromWorker(handle.id)) {
      switch (kind) {
        case 'online':
          this.emit('online');
          break;
        case 'message': {
          let value;
          try {
            value = deserialize(payload);
          } catch (err) {
            this.emit('messageerror', err);
            break;
          }
          this.emit('message', value);
          break;
        }
        case 'error':
          this.emit('error', deserializeError(payload));
          break;
        case 'stdout':
          if (handle.ownOutput) this.stdout.push(Buffer.from(payload));
          else process.stdout.write(Buffer.from(payload));
          break;
        case 'stderr':
          if (handle.ownErrors) this.stderr.push(Buffer.from(payload));
          else process.stderr.write(Buffer.from(payload));
          break;
        case 'exit':
          this.#exited(payload);
          return;
      }
    }
  }

  #exited(code) {
    const handle = this[kHandle];
    handle.exited = true;
    handle.exitCode = code;
    eventLoop.unwatch(handle.token);
    binding.release(handle.id);
    this.threadId = -1;
    this.stdout.push(null);
    this.stderr.push(null);
    this.emit('exit', code);
    for (const resolve of handle.waiting.splice(0)) resolve(code);
  }

  postMessage(value, transferList) {
    const handle = this[kHandle];
    const bytes = serialize(value, transferListOf(transferList));
    if (!handle.exited) binding.postToWorker(handle.id, bytes);
  }

  terminate(callback) {
    const handle = this[kHandle];
    // A worker that has already ended: nothing to wait for (Node resolves undefined).
    const done = new Promise((resolve) => {
      if (handle.exited) resolve(undefined);
      else handle.waiting.push(resolve);
    });
    if (!handle.exited) binding.terminate(handle.id);
    if (typeof callback === 'function') done.then((code) => callback(null, code));
    return done;
  }

  ref() {
    const handle = this[kHandle];
    if (!handle.exited) eventLoop.setWatchRef(handle.token, true);
  }

  unref() {
    const handle = this[kHandle];
    if (!handle.exited) eventLoop.setWatchRef(handle.token, false);
  }

  get stdin() {
    return null;
  }

  get performance() {
    return { eventLoopUtilization: () => ({ idle: 0, active: 0, utilization: 0 }) };
  }
}

// --- the worker's side -------------------------------------------------------------------

let parentPort = null;
let workerData = null;

// On a worker thread: parentPort (fed from the parent's mailbox) and workerData, set up
// before the worker's code runs.
function setupWorkerThread() {
  // stdout and stderr go to the parent, which writes them (or hands them to
  // worker.stdout/stderr) in order with the worker's messages.
  const { Writable } = require('stream');
  for (const [name, fd] of [['stdout', 1], ['stderr', 2]]) {
    const stream = new Writable({
      write(chunk, encoding, callback) {
        binding.postOutput(fd, chunk);
        callback();
      },
      writev(chunks, callback) {
        binding.postOutput(fd, Buffer.concat(chunks.map((c) => c.chunk)));
        callback();
      },
    });
    stream.fd = fd;
    stream.isTTY = false;
    Object.defineProperty(process, name, { value: stream, configurable: true, writable: true, enumerable: false });
  }
  const { MessagePort } = require('internal/messaging');
  const start = deserialize(self.data);
  workerData = start.workerData;
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, start.env);
  parentPort = MessagePort._detached();
  parentPort.postMessage = function postMessage(value, transferList) {
    binding.postToParent(serialize(value, transferListOf(transferList)), false);
  };
  parentPort.close = function close() {
    if (parentPort._closeHere()) eventLoop.unwatch(token);
  };
  // The mailbox's watch itself does not keep the worker alive: a 'message' listener (the
  // port started and ref'd) does, as in Node.
  const token = eventLoop.watch(self.fd, EPOLLIN, () => {
    // terminate() ends the worker with code 1 (the runtime's interrupt check stops code
    // that runs on; this stops one that waits).
    if (binding.terminating()) binding.exit(1);
    for (const [kind, payload] of binding.takeFromParent()) {
      if (kind !== 'message') continue;
      let value;
      try {
        value = deserialize(payload);
      } catch (err) {
        parentPort.dispatchEvent(Object.assign(new Event('messageerror'), { data: err }));
        continue;
      }
      parentPort._enqueue(value);
    }
  }, false);
  process.argv = [process.argv[0], self.eval ? '[worker eval]' : self.entry, ...self.argv];
  binding.online();
}

// A worker's uncaught exception goes to its parent's 'error' event.
function reportToParent(err) {
  binding.postToParent(serializeError(err), true);
}

module.exports = {
  Worker,
  isMainThread: self === undefined,
  threadId: self === undefined ? 0 : self.threadId,
  self,
  setupWorkerThread,
  reportToParent,
  get parentPort() {
    return parentPort;
  },
  get workerData() {
    return workerData;
  },
};
