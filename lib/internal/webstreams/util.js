'use strict';
// What the WHATWG stream classes share: queues with sizes, strategies, promises whose
// settling functions are kept, and Node's errors for them.

const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS },
} = require('internal/errors');

const kInspect = Symbol.for('nodejs.util.inspect.custom');

// A promise with its resolve and reject, and whether it settled.
function deferred() {
  const d = { promise: undefined, resolve: undefined, reject: undefined, settled: false };
  d.promise = new Promise((resolve, reject) => {
    d.resolve = (v) => {
      d.settled = true;
      resolve(v);
    };
    d.reject = (e) => {
      d.settled = true;
      reject(e);
    };
  });
  return d;
}

// A rejected promise nobody is told about if unhandled (the spec's "set handled").
function markHandled(promise) {
  promise.then(undefined, () => {});
  return promise;
}

function rejected(e) {
  return Promise.reject(e);
}

// Calls `method` of `target` (if any) with `args`, as a promise.
function promiseCall(method, target, args) {
  if (method === undefined) return Promise.resolve();
  try {
    return Promise.resolve(Reflect.apply(method, target, args));
  } catch (e) {
    return Promise.reject(e);
  }
}

function validatedMethod(source, name, what) {
  const method = source === undefined || source === null ? undefined : source[name];
  if (method !== undefined && typeof method !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(`${what}.${name}`, 'Function', method);
  }
  return method;
}

function highWaterMarkOf(strategy, fallback) {
  const hwm = strategy === undefined || strategy === null ? undefined : strategy.highWaterMark;
  if (hwm === undefined) return fallback;
  const n = Number(hwm);
  if (Number.isNaN(n) || n < 0) throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', hwm);
  return n;
}

function sizeAlgorithmOf(strategy) {
  const size = strategy === undefined || strategy === null ? undefined : strategy.size;
  if (size === undefined) return () => 1;
  if (typeof size !== 'function') throw new ERR_INVALID_ARG_TYPE('strategy.size', 'Function', size);
  return (chunk) => size(chunk);
}

// A queue of chunks with their sizes (the spec's "queue-with-sizes").
class SizedQueue {
  constructor() {
    this.items = [];
    this.head = 0;
    this.totalSize = 0;
  }

  get length() {
    return this.items.length - this.head;
  }

  push(value, size) {
    if (typeof size !== 'number' || Number.isNaN(size) || size < 0 || size === Infinity) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
    }
    this.items.push({ value, size });
    this.totalSize += size;
  }

  shift() {
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 32 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.totalSize = Math.max(0, this.totalSize - item.size);
    return item.value;
  }

  peek() {
    return this.items[this.head].value;
  }

  reset() {
    this.items = [];
    this.head = 0;
    this.totalSize = 0;
  }
}

// Brand checks: a method called on something that is not one of ours.
function checkThis(self, brand, name) {
  if (self === null || typeof self !== 'object' || !(brand in self)) throw new ERR_INVALID_THIS(name);
}

// util.inspect output as Node gives it: `Name { key: value, … }`.
function inspectWith(name, fields) {
  return function(depth, options, inspect) {
    if (depth < 0) return this;
    const body = inspect(fields.call(this), { ...options, depth: options.depth == null ? null : options.depth - 1 });
    return `${name} ${body}`;
  };
}

// Symbol.toStringTag as Node defines it on each class: a data property.
function tagged(Class) {
  Object.defineProperty(Class.prototype, Symbol.toStringTag, { value: Class.name, configurable: true });
}

module.exports = {
  tagged,
  kInspect,
  deferred,
  markHandled,
  rejected,
  promiseCall,
  validatedMethod,
  highWaterMarkOf,
  sizeAlgorithmOf,
  SizedQueue,
  checkThis,
  inspectWith,
};
