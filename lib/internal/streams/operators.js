'use strict';

// The iterator-helper style methods of Readable (map, filter, reduce...).
// Each works on the stream through async iteration. Those that return a
// stream are async generators here, which Readable wraps with
// Readable.from(); the others return promises.
//
// map() is the workhorse: it runs up to `concurrency` calls of `fn` at once
// and keeps up to `highWaterMark` finished results waiting, yet yields them
// in input order. filter, flatMap, forEach, some, every and find are built
// on it.

const {
  codes,
  abortErrorFor,
  isNodeStream,
  isWritable,
  validateAbortSignal,
  validateInteger,
  validateObject,
  newAbortError,
} = require('internal/streams/utils');
const { addAbortSignalNoValidate } = require('internal/streams/add-abort-signal');
const { finished } = require('internal/streams/end-of-stream');

const kDispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');

// A map() result that filter()/forEach() drop.
const kEmpty = Symbol('kEmpty');
const kEof = Symbol('kEof');

let staticCompose;

function validateOptions(options) {
  if (options != null) validateObject(options, 'options');
  if (options?.signal != null) validateAbortSignal(options.signal, 'options.signal');
}

function validateFn(fn, name = 'fn') {
  if (typeof fn !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['Function', 'AsyncFunction'], fn);
  }
}

function compose(stream, options) {
  validateOptions(options);
  if (isNodeStream(stream) && !isWritable(stream)) {
    throw new codes.ERR_INVALID_ARG_VALUE('stream', stream, 'must be writable');
  }
  staticCompose ??= require('internal/streams/compose');
  const composed = staticCompose(this, stream);
  if (options?.signal) addAbortSignalNoValidate(options.signal, composed);
  return composed;
}

function map(fn, options) {
  validateFn(fn);
  validateOptions(options);

  let concurrency = 1;
  if (options?.concurrency != null) concurrency = Math.floor(options.concurrency);
  let highWaterMark = concurrency - 1;
  if (options?.highWaterMark != null) highWaterMark = Math.floor(options.highWaterMark);
  validateInteger(concurrency, 'options.concurrency', 1);
  validateInteger(highWaterMark, 'options.highWaterMark', 0);
  // Room for the calls in flight on top of the finished results.
  highWaterMark += concurrency;

  return async function* map() {
    const signal = AbortSignal.any([options?.signal].filter(Boolean));
    const stream = this;
    const signalOpt = { signal };
    // Promises of results, in input order (or kEof last).
    const queue = [];
    let inFlight = 0;
    let done = false;
    // Wakes the consumer waiting for the queue to fill.
    let wakeConsumer;
    // Wakes the pump waiting for room.
    let wakePump;

    function maybeWakePump() {
      if (wakePump && !done && inFlight < concurrency && queue.length < highWaterMark) {
        wakePump();
        wakePump = null;
      }
    }
    function onSettled() {
      inFlight -= 1;
      maybeWakePump();
    }
    function onFailed() {
      done = true;
      onSettled();
    }
    function notifyConsumer() {
      if (wakeConsumer) {
        wakeConsumer();
        wakeConsumer = null;
      }
    }

    // Reads the source and starts `fn` on each value, as far as the limits
    // allow.
    async function pump() {
      try {
        for await (let val of stream) {
          if (done) return;
          if (signal.aborted) throw newAbortError();
          try {
            val = fn(val, signalOpt);
            if (val === kEmpty) continue;
            val = Promise.resolve(val);
          } catch (err) {
            val = Promise.reject(err);
          }
          inFlight += 1;
          val.then(onSettled, onFailed);
          queue.push(val);
          notifyConsumer();
          if (!done && (queue.length >= highWaterMark || inFlight >= concurrency)) {
            await new Promise((resolve) => {
              wakePump = resolve;
            });
          }
        }
        queue.push(kEof);
      } catch (err) {
        const val = Promise.reject(err);
        val.then(onSettled, onFailed);
        queue.push(val);
      } finally {
        done = true;
        notifyConsumer();
      }
    }

    pump();

    try {
      while (true) {
        while (queue.length > 0) {
          const val = await queue[0];
          if (val === kEof) return;
          if (signal.aborted) throw newAbortError();
          if (val !== kEmpty) yield val;
          queue.shift();
          maybeWakePump();
        }
        await new Promise((resolve) => {
          wakeConsumer = resolve;
        });
      }
    } finally {
      // Stops the pump, which then lets go of the source.
      done = true;
      if (wakePump) {
        wakePump();
        wakePump = null;
      }
    }
  }.call(this);
}

let warnedAsIndexedPairs = false;

function asIndexedPairs(options = undefined) {
  if (!warnedAsIndexedPairs) {
    warnedAsIndexedPairs = true;
    process.emitWarning('readable.asIndexedPairs will be removed in a future version.',
      'DeprecationWarning');
  }
  validateOptions(options);
  return async function* asIndexedPairs() {
    let index = 0;
    for await (const val of this) {
      if (options?.signal?.aborted) throw newAbortError();
      yield [index++, val];
    }
  }.call(this);
}

async function some(fn, options = undefined) {
  for await (const unused of filter.call(this, fn, options)) return true;
  return false;
}

async function every(fn, options = undefined) {
  validateFn(fn);
  // Stops at the first value that fails the test.
  return !(await some.call(this, async (...args) => !(await fn(...args)), options));
}

async function find(fn, options) {
  for await (const result of filter.call(this, fn, options)) return result;
  return undefined;
}

async function forEach(fn, options) {
  validateFn(fn);
  async function forEachFn(value, opts) {
    await fn(value, opts);
    return kEmpty;
  }
  // The results are all kEmpty: this only drives the iteration.
  for await (const unused of map.call(this, forEachFn, options));
}

function filter(fn, options) {
  validateFn(fn);
  async function filterFn(value, opts) {
    if (await fn(value, opts)) return value;
    return kEmpty;
  }
  return map.call(this, filterFn, options);
}

// Node's ERR_MISSING_ARGS, with a message of its own.
function emptyReduceError() {
  const err = new codes.ERR_MISSING_ARGS('reduce');
  err.message = 'Reduce of an empty stream requires an initial value';
  return err;
}

async function reduce(reducer, initialValue, options) {
  validateFn(reducer, 'reducer');
  validateOptions(options);
  let hasInitialValue = arguments.length > 1;
  if (options?.signal?.aborted) {
    const err = abortErrorFor(options.signal);
    this.once('error', () => {}); // the stream is destroyed with `err` below
    await finished(this.destroy(err));
    throw err;
  }

  // The reducer's signal also aborts when reduce() is done.
  const ac = new AbortController();
  const signal = ac.signal;
  let disposable;
  if (options?.signal) {
    disposable = require('events').addAbortListener(options.signal, () => ac.abort());
  }

  let gotAnyItemFromStream = false;
  try {
    for await (const value of this) {
      gotAnyItemFromStream = true;
      if (options?.signal?.aborted) throw newAbortError();
      if (!hasInitialValue) {
        initialValue = value;
        hasInitialValue = true;
      } else {
        initialValue = await reducer(initialValue, value, { signal });
      }
    }
    if (!gotAnyItemFromStream && !hasInitialValue) throw emptyReduceError();
  } finally {
    ac.abort();
    disposable?.[kDispose]();
  }
  return initialValue;
}

async function toArray(options) {
  validateOptions(options);
  const result = [];
  for await (const val of this) {
    if (options?.signal?.aborted) throw abortErrorFor(options.signal);
    result.push(val);
  }
  return result;
}

function flatMap(fn, options) {
  const values = map.call(this, fn, options);
  return async function* flatMap() {
    for await (const val of values) yield* val;
  }.call(this);
}

// The count as an integer (NaN → 0); negative counts are rejected.
function toIntegerOrInfinity(number) {
  number = Number(number);
  if (Number.isNaN(number)) return 0;
  if (number < 0) throw new codes.ERR_OUT_OF_RANGE('number', '>= 0', number);
  return number;
}

function drop(number, options = undefined) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  return async function* drop() {
    if (options?.signal?.aborted) throw newAbortError();
    for await (const val of this) {
      if (options?.signal?.aborted) throw newAbortError();
      if (number-- <= 0) yield val;
    }
  }.call(this);
}

function take(number, options = undefined) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  return async function* take() {
    if (options?.signal?.aborted) throw newAbortError();
    for await (const val of this) {
      if (options?.signal?.aborted) throw newAbortError();
      if (number-- > 0) yield val;
      // Stop before pulling another value from the source.
      if (number <= 0) return;
    }
  }.call(this);
}

module.exports = {
  asIndexedPairs,
  drop,
  filter,
  flatMap,
  map,
  take,
  compose,
  every,
  forEach,
  reduce,
  toArray,
  some,
  find,
};
