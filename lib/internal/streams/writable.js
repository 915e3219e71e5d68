'use strict';

// Writable streams.
//
// write() hands a chunk straight to _write() when nothing is in progress,
// and queues it in `state.buffered` otherwise (also while corked, errored,
// or still being constructed). Each _write() completion takes the next
// chunk off the queue (several at once through _writev(), when defined).
//
//   write() ─▶ _write() ─▶ onwrite ─▶ next buffered chunk ... ─▶ 'drain'
//   end()   ─▶ (queue empty) ─▶ _final() ─▶ 'prefinish' ─▶ 'finish' ─▶ 'close'
//
// `state.length` counts what was written but not yet completed; once it
// reaches highWaterMark write() returns false, and 'drain' follows when it
// is back to zero. `pendingcb` counts the callbacks still owed, so that
// 'finish' waits for all of them.

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { Stream } = require('internal/streams/legacy');
const { codes, newAbortError, nop } = require('internal/streams/utils');
const destroyImpl = require('internal/streams/destroy');
const { getHighWaterMark, getDefaultHighWaterMark } = require('internal/streams/state');
const { addAbortSignalNoValidate } = require('internal/streams/add-abort-signal');
const eos = require('internal/streams/end-of-stream');

const { errorOrDestroy } = destroyImpl;

let Duplex;
function isDuplexInstance(stream) {
  Duplex ??= require('internal/streams/duplex');
  return stream instanceof Duplex;
}

// ---------------------------------------------------------------------------
// State

// A state's fields that start as constants are the prototype's (below) until set: a
// stream holds only what it changed, which for an idle socket is a few of the thirty.
class WritableState {
  constructor(options, stream, isDuplex) {
    if (typeof isDuplex !== 'boolean') isDuplex = isDuplexInstance(stream);

    if (options?.objectMode || (isDuplex && options?.writableObjectMode)) this.objectMode = true;
    this.highWaterMark = options ?
      getHighWaterMark(options, this.objectMode, 'writableHighWaterMark', isDuplex) :
      getDefaultHighWaterMark(false);

    // Strings are turned into Buffers before _write() unless asked not to.
    if (options?.decodeStrings === false) this.decodeStrings = false;
    const defaultEncoding = options?.defaultEncoding;
    if (defaultEncoding && !Buffer.isEncoding(defaultEncoding)) {
      throw new codes.ERR_UNKNOWN_ENCODING(defaultEncoding);
    }
    if (defaultEncoding) this.defaultEncoding = defaultEncoding;

    this.length = 0;
    this.onwrite = onwrite.bind(undefined, stream);
    // Queued writes: buffered[bufferedIndex..] as { chunk, encoding, callback }.
    this.buffered = [];
    if (options && options.emitClose === false) this.emitClose = false;
    if (options && options.autoDestroy === false) this.autoDestroy = false;
    // end() callbacks waiting for 'finish'.
    this.onFinished = [];
  }

  getBuffer() {
    return this.buffered.slice(this.bufferedIndex);
  }

  get bufferedRequestCount() {
    return this.buffered.length - this.bufferedIndex;
  }

  // Called once the stream's _construct() has completed: start on what was
  // written meanwhile.
  flushAfterConstruct(stream) {
    if (!this.writing) clearBuffer(stream, this);
    finishMaybe(stream, this);
  }
}
Object.assign(WritableState.prototype, {
  objectMode: false,
  finalCalled: false, // _final() has been called
  needDrain: false, // a write() returned false: 'drain' is owed
  ending: false, // end() has been called
  ended: false, // ...and has returned
  finished: false, // 'finish' emitted
  destroyed: false,
  decodeStrings: true,
  defaultEncoding: 'utf8',
  writing: false, // a _write()/_writev() call is in progress
  corked: 0,
  // Inside a _write() call: its callback, if called now, is synchronous and its effects
  // are deferred to the next tick.
  sync: true,
  bufferProcessing: false,
  writecb: null,
  writelen: 0,
  // Completions of synchronous writes, batched into one tick.
  afterWriteTickInfo: null,
  // A tick is due to complete a synchronous write made without callback.
  nopTickPending: false,
  bufferedIndex: 0,
  allBuffers: true,
  allNoop: true,
  pendingcb: 0,
  constructed: true,
  // destroy() waiting for _construct() to finish.
  pendingDestroy: null,
  prefinished: false,
  errorEmitted: false,
  emitClose: true,
  autoDestroy: true,
  errored: null,
  closed: false,
  closeEmitted: false,
});

function resetBuffer(state) {
  state.buffered = [];
  state.bufferedIndex = 0;
  state.allBuffers = true;
  state.allNoop = true;
}

// ---------------------------------------------------------------------------
// Writable

function Writable(options) {
  // Duplex instances are Writables too (see Symbol.hasInstance below), so
  // the plain prototype check tells a real Writable from a call without new.
  const isDuplex = isDuplexInstance(this);
  if (!isDuplex && !Function.prototype[Symbol.hasInstance].call(Writable, this)) {
    return new Writable(options);
  }
  this._events ??= { __proto__: null };
  this._writableState = new WritableState(options, this, isDuplex);
  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignalNoValidate(options.signal, this);
  }
  Stream.call(this, options);
  destroyImpl.construct(this);
}
Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);

Writable.WritableState = WritableState;

Writable.fromWeb = function fromWeb(writableStream, options) {
  return require('internal/webstreams/adapters').writableFromWeb(writableStream, options);
};

Writable.toWeb = function toWeb(streamWritable) {
  return require('internal/webstreams/adapters').writableToWeb(streamWritable);
};

// Anything with a WritableState counts as a Writable, so that Duplex
// streams (which inherit from Readable) pass `instanceof Writable`.
Object.defineProperty(Writable, Symbol.hasInstance, {
  value: function hasInstance(object) {
    if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
    if (this !== Writable) return false;
    return Boolean(object && object._writableState instanceof WritableState);
  },
});

Writable.prototype.pipe = function pipe() {
  errorOrDestroy(this, new codes.ERR_STREAM_CANNOT_PIPE());
};

// Validates and normalises the chunk, then writes or queues it. Returns the
// error when the stream can no longer be written to, else whether the
// caller may keep writing.
function writeChunk(stream, chunk, encoding, cb) {
  const state = stream._writableState;
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  if (typeof cb !== 'function') cb = nop;

  if (chunk === null) throw new codes.ERR_STREAM_NULL_VALUES();
  // Object mode hands the encoding argument over as given.
  if (!state.objectMode) {
    if (!encoding) encoding = state.defaultEncoding;
    else if (encoding !== 'buffer' && !Buffer.isEncoding(encoding)) throw new codes.ERR_UNKNOWN_ENCODING(encoding);

    if (typeof chunk === 'string') {
      if (state.decodeStrings !== false) {
        chunk = Buffer.from(chunk, encoding);
        encoding = 'buffer';
      }
    } else if (chunk instanceof Buffer) {
      encoding = 'buffer';
    } else if (ArrayBuffer.isView(chunk)) {
      chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = 'buffer';
    } else {
      throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
  }

  let err;
  if (state.ending) err = new codes.ERR_STREAM_WRITE_AFTER_END();
  else if (state.destroyed) err = new codes.ERR_STREAM_DESTROYED('write');
  if (err) {
    // The callback hears first, then 'error' (both on the next tick).
    process.nextTick(cb, err);
    errorOrDestroy(stream, err, true);
    return err;
  }
  state.pendingcb++;
  return writeOrBuffer(stream, state, chunk, encoding, cb);
}

Writable.prototype.write = function write(chunk, encoding, cb) {
  return writeChunk(this, chunk, encoding, cb) === true;
};

function writeOrBuffer(stream, state, chunk, encoding, callback) {
  const len = state.objectMode ? 1 : chunk.length;
  state.length += len;

  if (state.writing || state.corked || state.errored || !state.constructed) {
    state.buffered.push({ chunk, encoding, callback });
    if (state.allBuffers && encoding !== 'buffer') state.allBuffers = false;
    if (state.allNoop && callback !== nop) state.allNoop = false;
  } else {
    state.writelen = len;
    state.writecb = callback;
    state.writing = true;
    state.sync = true;
    stream._write(chunk, encoding, state.onwrite);
    state.sync = false;
  }

  // Measured after the write: one that completed synchronously no longer
  // counts, and an empty stream never asks to wait (even with
  // highWaterMark 0).
  const belowMark = state.length < state.highWaterMark || state.length === 0;
  if (!belowMark) state.needDrain = true;
  return belowMark && !state.errored && !state.destroyed;
}

function doWrite(stream, state, writev, len, chunk, encoding, cb) {
  state.writelen = len;
  state.writecb = cb;
  state.writing = true;
  state.sync = true;
  if (state.destroyed) state.onwrite(new codes.ERR_STREAM_DESTROYED('write'));
  else if (writev) stream._writev(chunk, state.onwrite);
  else stream._write(chunk, encoding, state.onwrite);
  state.sync = false;
}

// The callback given to _write()/_writev().
function onwrite(stream, er) {
  const state = stream._writableState;
  const sync = state.sync;
  const cb = state.writecb;
  if (typeof cb !== 'function') {
    errorOrDestroy(stream, new codes.ERR_MULTIPLE_CALLBACK());
    return;
  }

  state.writing = false;
  state.writecb = null;
  state.length -= state.writelen;
  state.writelen = 0;

  if (er) {
    er.stack; // captured now, before the error travels through ticks
    if (!state.errored) state.errored = er;
    // A duplex fails as a whole.
    const rState = stream._readableState;
    if (rState && !rState.errored) rState.errored = er;
    if (sync) process.nextTick(onwriteError, stream, state, er, cb);
    else onwriteError(stream, state, er, cb);
    return;
  }

  if (state.buffered.length > state.bufferedIndex) clearBuffer(stream, state);
  if (!sync) {
    afterWrite(stream, state, 1, cb);
  } else if (cb === nop) {
    // Nobody to call back. A byte stream completes such a write on the spot
    // unless it owes a 'drain' it can now emit; object-mode streams always
    // take a tick (as Node does). One pending tick serves a run of them.
    const needTick = state.objectMode || (state.needDrain && state.length === 0);
    if (needTick && state.afterWriteTickInfo === null && !state.nopTickPending) {
      state.nopTickPending = true;
      process.nextTick(afterNopWriteTick, stream, state);
    } else {
      state.pendingcb--;
      // An end() made inside _write() waited for this write.
      if (state.ending) finishMaybe(stream, state, true);
    }
  } else {
    // Many synchronous writes in a row with the same callback complete in
    // a single tick.
    const info = state.afterWriteTickInfo;
    if (info !== null && info.cb === cb) {
      info.count++;
    } else {
      state.afterWriteTickInfo = { count: 1, cb, stream, state };
      process.nextTick(afterWriteTick, state.afterWriteTickInfo);
    }
  }
}

function onwriteError(stream, state, er, cb) {
  --state.pendingcb;
  cb(er);
  // Queued writes fail with the same error; then the stream does.
  errorBuffer(state);
  errorOrDestroy(stream, er);
}

function afterWriteTick({ stream, state, count, cb }) {
  state.afterWriteTickInfo = null;
  afterWrite(stream, state, count, cb);
}

function afterNopWriteTick(stream, state) {
  afterWrite(stream, state, 1, nop);
}

function afterWrite(stream, state, count, cb) {
  // Any completion running now lets the next callback-less write schedule
  // its own tick.
  state.nopTickPending = false;
  const needDrain = !state.ending && !stream.destroyed && state.length === 0 && state.needDrain;
  if (needDrain) {
    state.needDrain = false;
    stream.emit('drain');
  }
  while (count-- > 0) {
    state.pendingcb--;
    cb(null);
  }
  if (state.destroyed) errorBuffer(state);
  // 'finish', if now due, comes a tick after the last write's callback.
  finishMaybe(stream, state, true);
}

// Fails every queued write and every end() callback once the stream is
// destroyed or errored.
function errorBuffer(state) {
  if (state.writing) return;
  for (let n = state.bufferedIndex; n < state.buffered.length; ++n) {
    const { chunk, callback } = state.buffered[n];
    state.length -= state.objectMode ? 1 : chunk.length;
    callback(state.errored ?? new codes.ERR_STREAM_DESTROYED('write'));
  }
  for (const callback of state.onFinished.splice(0)) {
    callback(state.errored ?? new codes.ERR_STREAM_DESTROYED('end'));
  }
  resetBuffer(state);
}

// Writes out what is queued: all of it in one _writev() call if the stream
// has one, else chunk by chunk for as long as _write() completes
// synchronously.
function clearBuffer(stream, state) {
  if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
  const { buffered, bufferedIndex, objectMode } = state;
  const count = buffered.length - bufferedIndex;
  if (!count) return;

  let i = bufferedIndex;
  state.bufferProcessing = true;
  if (count > 1 && stream._writev) {
    // One callback stands for all the chunks.
    state.pendingcb -= count - 1;
    const callback = state.allNoop ? nop : (err) => {
      for (let n = i; n < buffered.length; ++n) buffered[n].callback(err);
    };
    const chunks = state.allNoop && i === 0 ? buffered : buffered.slice(i);
    chunks.allBuffers = state.allBuffers;
    doWrite(stream, state, true, state.length, chunks, '', callback);
    resetBuffer(state);
  } else {
    do {
      const { chunk, encoding, callback } = buffered[i];
      buffered[i++] = null;
      const len = objectMode ? 1 : chunk.length;
      doWrite(stream, state, false, len, chunk, encoding, callback);
    } while (i < buffered.length && !state.writing);

    if (i === buffered.length) {
      resetBuffer(state);
    } else if (i > 256) {
      buffered.splice(0, i);
      state.bufferedIndex = 0;
    } else {
      state.bufferedIndex = i;
    }
  }
  state.bufferProcessing = false;
}

Writable.prototype._write = function _write(chunk, encoding, cb) {
  if (this._writev) this._writev([{ chunk, encoding }], cb);
  else throw new codes.ERR_METHOD_NOT_IMPLEMENTED('_write()');
};

Writable.prototype._writev = null;

Writable.prototype.cork = function cork() {
  this._writableState.corked++;
};

Writable.prototype.uncork = function uncork() {
  const state = this._writableState;
  if (state.corked) {
    state.corked--;
    if (!state.writing) clearBuffer(this, state);
  }
};

Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
  if (typeof encoding === 'string') encoding = encoding.toLowerCase();
  if (!Buffer.isEncoding(encoding)) throw new codes.ERR_UNKNOWN_ENCODING(encoding);
  this._writableState.defaultEncoding = encoding;
  return this;
};

// --- ending -------------------------------------------------------------------

Writable.prototype.end = function end(chunk, encoding, cb) {
  const state = this._writableState;
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }

  let err;
  if (chunk !== null && chunk !== undefined) {
    const ret = writeChunk(this, chunk, encoding);
    if (ret instanceof Error) err = ret;
  }

  // end() flushes a corked stream however many times it was corked.
  if (state.corked) {
    state.corked = 1;
    this.uncork();
  }

  if (err) {
    // The failed write already reports it.
  } else if (!state.errored && !state.ending) {
    state.ending = true;
    finishMaybe(this, state, true);
    state.ended = true;
  } else if (state.finished) {
    err = new codes.ERR_STREAM_ALREADY_FINISHED('end');
  } else if (state.destroyed) {
    err = new codes.ERR_STREAM_DESTROYED('end');
  }

  if (typeof cb === 'function') {
    // A stream that failed (possibly in the _final() call just made) calls
    // back with its error.
    if (err) process.nextTick(cb, err);
    else if (state.errored) process.nextTick(cb, state.errored);
    else if (state.finished) process.nextTick(cb, null);
    else state.onFinished.push(cb);
  }
  return this;
};

// Whether everything is written and 'finish' may come.
function needFinish(state) {
  return state.ending && !state.destroyed && state.constructed && state.length === 0 &&
    !state.errored && state.buffered.length === 0 && !state.finished && !state.writing &&
    !state.errorEmitted && !state.closeEmitted;
}

function callFinal(stream, state) {
  let called = false;
  function onFinal(err) {
    if (called) {
      errorOrDestroy(stream, err ?? new codes.ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;
    state.pendingcb--;
    if (err) {
      for (const callback of state.onFinished.splice(0)) callback(err);
      errorOrDestroy(stream, err, state.sync);
    } else if (needFinish(state)) {
      state.prefinished = true;
      stream.emit('prefinish');
      // 'finish' always comes a tick after _final()'s callback, even a
      // synchronous one: existing streams rely on that.
      state.pendingcb++;
      process.nextTick(finish, stream, state);
    }
  }
  state.sync = true;
  state.pendingcb++;
  try {
    stream._final(onFinal);
  } catch (err) {
    onFinal(err);
  }
  state.sync = false;
}

function prefinish(stream, state) {
  if (!state.prefinished && !state.finalCalled) {
    if (typeof stream._final === 'function' && !state.destroyed) {
      state.finalCalled = true;
      callFinal(stream, state);
    } else {
      state.prefinished = true;
      stream.emit('prefinish');
    }
  }
}

// `sync`: called from end() or after a write completed; 'finish' then
// comes on the next tick, if still due by then.
function finishMaybe(stream, state, sync) {
  if (!needFinish(state)) return;
  prefinish(stream, state);
  if (state.pendingcb !== 0) return;
  if (sync) {
    state.pendingcb++;
    process.nextTick(finishIfNeeded, stream, state);
  } else if (needFinish(state)) {
    state.pendingcb++;
    finish(stream, state);
  }
}

function finishIfNeeded(stream, state) {
  if (needFinish(state)) finish(stream, state);
  else state.pendingcb--;
}

function finish(stream, state) {
  state.pendingcb--;
  state.finished = true;
  for (const callback of state.onFinished.splice(0)) callback(null);
  stream.emit('finish');

  if (state.autoDestroy) {
    // A duplex waits for its readable side to end too.
    const rState = stream._readableState;
    const readableDone = !rState ||
      (rState.autoDestroy && (rState.endEmitted || rState.readable === false));
    if (readableDone) stream.destroy();
  }
}

// --- destroying ----------------------------------------------------------------

Writable.prototype.destroy = function destroy(err, cb) {
  const state = this._writableState;
  // Queued writes and end() callbacks fail once the stream is gone.
  if (!state.destroyed && (state.bufferedIndex < state.buffered.length || state.onFinished.length)) {
    process.nextTick(errorBuffer, state);
  }
  destroyImpl.destroy.call(this, err, cb);
  return this;
};

Writable.prototype._undestroy = destroyImpl.undestroy;
Writable.prototype._destroy = function _destroy(err, cb) {
  cb(err);
};

Writable.prototype[EventEmitter.captureRejectionSymbol] = function onRejection(err) {
  this.destroy(err);
};

// `await using` support: destroys a stream that has not finished.
Writable.prototype[Symbol.asyncDispose] = function asyncDispose() {
  let error;
  if (!this.destroyed) {
    error = this.writableFinished ? null : newAbortError();
    this.destroy(error);
  }
  return new Promise((resolve, reject) => {
    eos(this, (err) => (err && err.name !== 'AbortError' ? reject(err) : resolve(null)));
  });
};

// --- accessors ------------------------------------------------------------------

Object.defineProperties(Writable.prototype, {
  closed: {
    get() {
      return this._writableState ? this._writableState.closed : false;
    },
  },
  destroyed: {
    get() {
      return this._writableState ? this._writableState.destroyed : false;
    },
    set(value) {
      if (this._writableState) this._writableState.destroyed = value;
    },
  },
  writable: {
    get() {
      const w = this._writableState;
      return Boolean(w) && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
    },
    set(value) {
      // Duplex-like classes assign `writable = false` to switch the side off.
      if (this._writableState) this._writableState.writable = Boolean(value);
    },
  },
  writableFinished: {
    get() {
      return this._writableState ? this._writableState.finished : false;
    },
  },
  writableObjectMode: {
    get() {
      return this._writableState ? this._writableState.objectMode : false;
    },
  },
  writableBuffer: {
    get() {
      return this._writableState && this._writableState.getBuffer();
    },
  },
  writableEnded: {
    get() {
      return this._writableState ? this._writableState.ending : false;
    },
  },
  writableNeedDrain: {
    get() {
      const w = this._writableState;
      if (!w) return false;
      return !w.destroyed && !w.ending && w.needDrain;
    },
  },
  writableHighWaterMark: {
    get() {
      return this._writableState && this._writableState.highWaterMark;
    },
  },
  writableCorked: {
    get() {
      return this._writableState ? this._writableState.corked : 0;
    },
  },
  writableLength: {
    get() {
      return this._writableState && this._writableState.length;
    },
  },
  errored: {
    enumerable: false,
    get() {
      return this._writableState ? this._writableState.errored : null;
    },
  },
  writableAborted: {
    enumerable: false,
    get() {
      const w = this._writableState;
      return Boolean(w.writable !== false && (w.destroyed || w.errored) && !w.finished);
    },
  },
});

module.exports = Writable;
