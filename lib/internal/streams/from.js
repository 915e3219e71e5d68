'use strict';

// Readable.from(iterable[, options]): a readable stream (object mode,
// highWaterMark 1 unless overridden) that yields the iterable's values.
// Strings and Buffers are emitted whole, not character by character.
//
// Values are pulled only as fast as the stream is read. A synchronous
// iterable is drained synchronously inside _read() for as long as push()
// asks for more; a promise among its values switches to awaiting each one.
// Destroying the stream closes the iterator (return(), or throw() with the
// error).

const { Buffer } = require('buffer');
const { codes } = require('internal/streams/utils');

function from(Readable, iterable, opts) {
  if (typeof iterable === 'string' || iterable instanceof Buffer) {
    return new Readable({
      objectMode: true,
      ...opts,
      read() {
        this.push(iterable);
        this.push(null);
      },
    });
  }

  let iterator;
  let isAsync;
  if (iterable && iterable[Symbol.asyncIterator]) {
    isAsync = true;
    iterator = iterable[Symbol.asyncIterator]();
  } else if (iterable && iterable[Symbol.iterator]) {
    isAsync = false;
    iterator = iterable[Symbol.iterator]();
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('iterable', ['Iterable'], iterable);
  }

  const readable = new Readable({ objectMode: true, highWaterMark: 1, ...opts });
  // A pull is in progress: _read() calls meanwhile are no-ops.
  let reading = false;
  // A synchronous iterable that turned out to yield promises.
  let awaitValues = false;

  readable._read = function _read() {
    if (reading) return;
    reading = true;
    if (isAsync) pullAsync();
    else if (awaitValues) pullSyncAwaiting();
    else pullSync();
  };

  readable._destroy = function _destroy(error, cb) {
    closeIterator(error).then(
      () => process.nextTick(cb, error),
      (err) => process.nextTick(cb, err || error));
  };

  async function closeIterator(error) {
    if (error !== undefined && error !== null && typeof iterator.throw === 'function') {
      const { value, done } = await iterator.throw(error);
      await value;
      if (done) return;
    }
    if (typeof iterator.return === 'function') {
      const { value } = await iterator.return();
      await value;
    }
  }

  // Pushes one value; returns whether to go on pulling.
  function deliver(value) {
    if (value === null) {
      reading = false;
      throw new codes.ERR_STREAM_NULL_VALUES();
    }
    if (readable.push(value)) return true;
    reading = false;
    return false;
  }

  function pullSync() {
    try {
      while (true) {
        const { value, done } = iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        if (value && typeof value.then === 'function') {
          switchToAwaiting(value);
          return;
        }
        if (!deliver(value)) return;
      }
    } catch (err) {
      readable.destroy(err);
    }
  }

  async function switchToAwaiting(pending) {
    awaitValues = true;
    try {
      if (deliver(await pending)) pullSyncAwaiting();
    } catch (err) {
      readable.destroy(err);
    }
  }

  async function pullSyncAwaiting() {
    try {
      while (true) {
        const { value, done } = iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        const resolved = value && typeof value.then === 'function' ? await value : value;
        if (!deliver(resolved)) return;
      }
    } catch (err) {
      readable.destroy(err);
    }
  }

  async function pullAsync() {
    try {
      while (true) {
        const { value, done } = await iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        if (!deliver(value)) return;
      }
    } catch (err) {
      readable.destroy(err);
    }
  }

  return readable;
}

module.exports = from;
