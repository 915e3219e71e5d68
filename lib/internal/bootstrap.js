'use strict';
// The first JS that runs: builds the built-in module system, `process` and the globals,
// and exports start(options), which runs the program and the event loop and returns the
// exit code. Rust calls it with `internalBinding` and nothing else.

const builtinsBinding = internalBinding('builtins');
const bindingCache = { __proto__: null };
function getBinding(name) {
  return bindingCache[name] || (bindingCache[name] = internalBinding(name));
}

const builtinIds = builtinsBinding.ids;
// Created below, once `events` (which it inherits from) has loaded.
let processObject;
const builtinCache = new Map();

// Runs a built-in module body once and caches its module object.
function requireBuiltin(id) {
  const cached = builtinCache.get(id);
  if (cached !== undefined) return cached.exports;
  const mod = { id, exports: {}, loaded: false };
  builtinCache.set(id, mod);
  const fn = builtinsBinding.load(id);
  try {
    fn.call(mod.exports, mod.exports, requireBuiltin, mod, processObject, getBinding, undefined);
  } catch (err) {
    builtinCache.delete(id);
    throw err;
  }
  mod.loaded = true;
  return mod.exports;
}
requireBuiltin.ids = builtinIds;
requireBuiltin.has = (id) => builtinCache.has(id) || builtinsBinding.has(id);

// `process` is an EventEmitter whose properties are filled in by internal/process/setup.
const EventEmitter = requireBuiltin('events');
// (The wrapper's own `process` parameter is undefined here: this file creates it.)
processObject = Object.create(EventEmitter.prototype, {
  [Symbol.toStringTag]: { value: 'process', writable: false, enumerable: false, configurable: true },
});
EventEmitter.call(processObject);

function defineLazyGlobal(name, load) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable: false,
    get() {
      const value = load();
      Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
      return value;
    },
    set(value) {
      Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: true });
    },
  });
}

// ECMA-402's locale-sensitive methods of the built-in prototypes, over lib/internal/intl/:
// here only stubs that load internal/intl/locale_methods at their first call (a start that
// carried the methods themselves would cost more than they do).
function installLocaleMethods() {
  const targets = [
    [Number.prototype, 'toLocaleString', 'numberToLocaleString'],
    [BigInt.prototype, 'toLocaleString', 'bigintToLocaleString'],
    [Date.prototype, 'toLocaleString', 'dateToLocaleString'],
    [Date.prototype, 'toLocaleDateString', 'dateToLocaleDateString'],
    [Date.prototype, 'toLocaleTimeString', 'dateToLocaleTimeString'],
    [String.prototype, 'toLocaleUpperCase', 'toLocaleUpperCase'],
    [String.prototype, 'toLocaleLowerCase', 'toLocaleLowerCase'],
    [Array.prototype, 'toLocaleString', 'arrayToLocaleString'],
    [Object.getPrototypeOf(Uint8Array.prototype), 'toLocaleString', 'arrayToLocaleString'],
  ];
  let methods;
  const load = () => (methods ??= requireBuiltin('internal/intl/locale_methods'));
  for (const [proto, name, key] of targets) {
    const method = {
      [name](...args) {
        return load()[key](this, args[0], args[1]);
      },
    }[name];
    Object.defineProperty(proto, name, { value: method, writable: true, configurable: true, enumerable: false });
  }
  const localeCompare = {
    localeCompare(that, ...args) {
      return load().localeCompare(this, that, args[0], args[1]);
    },
  }.localeCompare;
  Object.defineProperty(String.prototype, 'localeCompare', { value: localeCompare, writable: true, configurable: true, enumerable: false });
}

function defineGlobal(name, value) {
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
}

// A native function's source as V8 writes it, on one line ("function max() { [native
// code] }"), where QuickJS breaks it over three.
{
  const functionToString = Function.prototype.toString;
  const kQuickJSNative = '{\n    [native code]\n}';
  Object.defineProperty(Function.prototype, 'toString', {
    value: {
      toString() {
        const source = Reflect.apply(functionToString, this, []);
        return source.endsWith(kQuickJSNative) ? `${source.slice(0, -kQuickJSNative.length)}{ [native code] }` : source;
      },
    }.toString,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

// V8's stack format: QuickJS-ng calls Error.prepareStackTrace with V8-style call sites,
// so `err.stack` starts with "Name: message" and lists "    at fn (file:line:col)" frames,
// as programs written for Node expect.
function prepareStackTrace(error, frames) {
  let header;
  try {
    header = error === null || error === undefined ? String(error) : Error.prototype.toString.call(error);
  } catch {
    header = '<error>';
  }
  let out = header;
  for (const f of frames) {
    const file = f.getFileName();
    const loc = file === undefined || file === null ? 'native' : `${file}:${f.getLineNumber()}:${f.getColumnNumber()}`;
    const fn = f.getFunctionName();
    out += fn && fn !== '<anonymous>' && fn !== '<eval>' ? `\n    at ${fn} (${loc})` : `\n    at ${loc}`;
  }
  return out;
}
// (An assignment, not defineProperty: QuickJS keeps the hook behind an accessor.)
Error.prepareStackTrace = prepareStackTrace;

// QuickJS-ng's call sites have V8's location getters but not the rest of V8's CallSite
// API, which packages that read their callers (depd, used by express) call.
function completeCallSites() {
  let sites;
  Error.prepareStackTrace = (_, s) => s;
  try {
    const holder = {};
    Error.captureStackTrace(holder);
    sites = holder.stack;
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
  }
  const proto = Array.isArray(sites) && sites.length > 0 ? Object.getPrototypeOf(sites[0]) : null;
  if (proto === null || typeof proto.isEval === 'function') return;
  const methods = {
    isEval: () => false,
    isToplevel() {
      return !this.getFunctionName();
    },
    isAsync: () => false,
    isPromiseAll: () => false,
    getPromiseIndex: () => null,
    getEvalOrigin: () => undefined,
    getTypeName: () => null,
    getMethodName: () => null,
    getThis: () => undefined,
    getScriptNameOrSourceURL() {
      return this.getFileName();
    },
    getScriptHash: () => '',
    getEnclosingLineNumber() {
      return this.getLineNumber();
    },
    getEnclosingColumnNumber() {
      return this.getColumnNumber();
    },
    getPosition: () => 0,
    toString() {
      const file = this.getFileName();
      const loc = file ? `${file}:${this.getLineNumber()}:${this.getColumnNumber()}` : 'native';
      const fn = this.getFunctionName();
      return fn ? `${fn} (${loc})` : loc;
    },
  };
  for (const name of Object.keys(methods)) {
    Object.defineProperty(proto, name, { value: methods[name], writable: true, configurable: true, enumerable: false });
  }
}
completeCallSites();

defineGlobal('global', globalThis);
defineGlobal('process', processObject);

// `gc()` of --expose-gc: a whole collection, at once (QuickJS has no minor one); with
// `{ execution: 'async' }` a promise of it, as V8's.
function gc(options) {
  internalBinding('process').runGc();
  if (options !== null && typeof options === 'object' && options.execution === 'async') return Promise.resolve();
}

module.exports = function start(options) {
  requireBuiltin('internal/options').setOptions(options.options);
  requireBuiltin('internal/process/setup').setupProcess(processObject, options, requireBuiltin);

  const timers = requireBuiltin('internal/timers');
  for (const name of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate']) {
    defineGlobal(name, timers[name]);
  }
  const { queueMicrotask } = requireBuiltin('internal/process/task_queues');
  defineGlobal('queueMicrotask', queueMicrotask);
  const { getOptionValue } = requireBuiltin('internal/options');
  if (getOptionValue('--expose-gc') || getOptionValue('--expose_gc')) defineGlobal('gc', gc);

  defineLazyGlobal('console', () => requireBuiltin('console'));
  defineLazyGlobal('WebAssembly', () => requireBuiltin('internal/webassembly'));
  const EngineWeakRef = globalThis.WeakRef;
  defineLazyGlobal('WeakRef', () => requireBuiltin('internal/util/weak_ref')(EngineWeakRef));
  defineLazyGlobal('Buffer', () => requireBuiltin('buffer').Buffer);
  // Node's atob/btoa (QuickJS-ng has its own, with other error messages).
  defineLazyGlobal('atob', () => requireBuiltin('buffer').atob);
  defineLazyGlobal('btoa', () => requireBuiltin('buffer').btoa);
  defineLazyGlobal('TextEncoder', () => requireBuiltin('internal/encoding').TextEncoder);
  defineLazyGlobal('TextDecoder', () => requireBuiltin('internal/encoding').TextDecoder);
  for (const name of ['EventTarget', 'Event', 'CustomEvent']) {
    defineLazyGlobal(name, () => requireBuiltin('events')[name]);
  }
  // These replace QuickJS-ng's own DOMException and performance.
  defineLazyGlobal('DOMException', () => requireBuiltin('internal/dom_exception').DOMException);
  for (const name of ['AbortController', 'AbortSignal']) {
    defineLazyGlobal(name, () => requireBuiltin('internal/abort_controller')[name]);
  }
  defineLazyGlobal('structuredClone', () => requireBuiltin('internal/structured_clone').structuredClone);
  // Intl (QuickJS has none), with English data, and the toLocale*/localeCompare methods
  // over it; each service loads at its first use.
  defineLazyGlobal('Intl', () => requireBuiltin('internal/intl/index').Intl);
  installLocaleMethods();
  // Atomics.wait and notify that worker.terminate() can interrupt (internal/atomics, loaded
  // at first use).
  Object.defineProperties(Atomics, {
    wait: {
      __proto__: null,
      value: function wait(typedArray, index, value, timeout) {
        return requireBuiltin('internal/atomics').wait(typedArray, index, value, timeout);
      },
      writable: true,
      configurable: true,
    },
    notify: {
      __proto__: null,
      value: function notify(typedArray, index, count) {
        return requireBuiltin('internal/atomics').notify(typedArray, index, count);
      },
      writable: true,
      configurable: true,
    },
  });
  for (const name of ['MessageChannel', 'MessagePort', 'MessageEvent', 'BroadcastChannel']) {
    defineLazyGlobal(name, () => requireBuiltin('internal/messaging')[name]);
  }
  for (const name of [
    'ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader', 'ReadableStreamBYOBRequest',
    'ReadableByteStreamController', 'ReadableStreamDefaultController', 'TransformStream',
    'TransformStreamDefaultController', 'WritableStream', 'WritableStreamDefaultWriter',
    'WritableStreamDefaultController', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextEncoderStream',
    'TextDecoderStream', 'CompressionStream', 'DecompressionStream',
  ]) {
    defineLazyGlobal(name, () => requireBuiltin('stream/web')[name]);
  }
  defineLazyGlobal('Blob', () => requireBuiltin('internal/blob').Blob);
  defineLazyGlobal('FormData', () => requireBuiltin('internal/fetch/form_data').FormData);
  defineLazyGlobal('File', () => requireBuiltin('internal/blob').File);
  for (const name of [
    'performance', 'PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure', 'PerformanceObserver',
    'PerformanceObserverEntryList',
  ]) {
    defineLazyGlobal(name, () => requireBuiltin('perf_hooks')[name]);
  }
  defineLazyGlobal('crypto', () => requireBuiltin('crypto').webcrypto);
  defineLazyGlobal('Crypto', () => requireBuiltin('crypto').Crypto);
  for (const name of ['CryptoKey', 'SubtleCrypto']) {
    defineLazyGlobal(name, () => requireBuiltin('internal/crypto/webcrypto')[name]);
  }
  for (const name of ['fetch', 'Headers', 'Request', 'Response']) {
    defineLazyGlobal(name, () => requireBuiltin('internal/fetch/fetch')[name]);
  }
  if (builtinsBinding.has('url')) {
    defineLazyGlobal('URL', () => requireBuiltin('url').URL);
    defineLazyGlobal('URLSearchParams', () => requireBuiltin('url').URLSearchParams);
  }

  return requireBuiltin('internal/main').run(options, requireBuiltin);
};
