'use strict';

// Readable streams.
//
// Data moves through `_readableState`:
//   source ──_read()──▶ push(chunk) ──▶ buffer ──read()──▶ 'data' / caller
//
// A stream is in one of three modes, kept in `state.flowing`:
//   null   nobody has asked for data yet;
//   true   flowing: chunks are emitted as 'data' as soon as they arrive;
//   false  paused: the consumer pulls with read(), usually on 'readable'.
//
// Much of the work is deferred with process.nextTick so that the events
// keep Node's documented order (listeners attached in the same tick as the
// stream was made still see everything; 'end' always comes after the last
// 'data'; 'close' after 'end' or 'error'). The flags below exist mostly to
// keep each kind of deferred work scheduled at most once.

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { Stream, prependListener } = require('internal/streams/legacy');
const {
  codes,
  nop,
  aggregateTwoErrors,
  validateObject,
  newAbortError,
} = require('internal/streams/utils');
const destroyImpl = require('internal/streams/destroy');
const { getHighWaterMark, getDefaultHighWaterMark } = require('internal/streams/state');
const { addAbortSignalNoValidate } = require('internal/streams/add-abort-signal');
const eos = require('internal/streams/end-of-stream');

const { errorOrDestroy } = destroyImpl;

// Loaded on first use.
let Duplex;
let StringDecoder;
let fromImpl;
let operators;

function isDuplexInstance(stream) {
  Duplex ??= require('internal/streams/duplex');
  return stream instanceof Duplex;
}

function newStringDecoder(encoding) {
  StringDecoder ??= require('string_decoder').StringDecoder;
  return new StringDecoder(encoding);
}

// read(n) grows highWaterMark to fit n, in powers of two up to 1 GiB.
const kMaxHighWaterMark = 0x40000000;

function grownHighWaterMark(n) {
  if (n > kMaxHighWaterMark) throw new codes.ERR_OUT_OF_RANGE('size', '<= 1GiB', n);
  let hwm = 1;
  while (hwm < n) hwm *= 2;
  return hwm;
}

// ---------------------------------------------------------------------------
// State

// A state's fields that start as constants are the prototype's (below) until set: a
// stream holds only what it changed, which for an idle socket is a few of the thirty.
class ReadableState {
  constructor(options, stream, isDuplex) {
    if (typeof isDuplex !== 'boolean') isDuplex = isDuplexInstance(stream);

    if (options?.objectMode || (isDuplex && options?.readableObjectMode)) this.objectMode = true;
    this.highWaterMark = options ?
      getHighWaterMark(options, this.objectMode, 'readableHighWaterMark', isDuplex) :
      getDefaultHighWaterMark(false);

    // Chunks not yet read: buffer[bufferIndex..]. Reading advances the index
    // instead of shifting the array, which would cost O(n) per chunk.
    this.buffer = [];
    // Bytes (or characters, with an encoding; or objects) in the buffer.
    this.length = 0;
    this.pipes = [];

    if (options && options.emitClose === false) this.emitClose = false;
    if (options && options.autoDestroy === false) this.autoDestroy = false;

    const defaultEncoding = options?.defaultEncoding;
    if (defaultEncoding && !Buffer.isEncoding(defaultEncoding)) {
      throw new codes.ERR_UNKNOWN_ENCODING(defaultEncoding);
    }
    if (defaultEncoding) this.defaultEncoding = defaultEncoding;
    if (options?.encoding) {
      this.decoder = newStringDecoder(options.encoding);
      this.encoding = options.encoding;
    }
  }

  get pipesCount() {
    return this.pipes.length;
  }

  // Called once the stream's _construct() has completed.
  flushAfterConstruct(stream) {
    if (this.needReadable) scheduleReadMore(stream, this);
  }
}
Object.assign(ReadableState.prototype, {
  objectMode: false,
  bufferIndex: 0,
  // While piping: the destination (or, with several, the Set of them) whose 'drain' the
  // source waits for.
  awaitDrainWriters: null,
  multiAwaitDrain: false,
  flowing: null,
  // pause() was called (as opposed to flowing === false set by a 'readable' listener).
  paused: false,
  ended: false, // push(null) seen
  endEmitted: false,
  reading: false, // a _read() call is waiting for its push()
  // Inside a synchronous _read(): pushes then must not emit 'data' directly. Starts true
  // so nothing is emitted before the first read.
  sync: true,
  needReadable: false, // a 'readable' event is owed
  emittedReadable: false, // ...and is already scheduled
  readableListening: false,
  resumeScheduled: false,
  readingMore: false,
  dataEmitted: false,
  constructed: true,
  // destroy() waiting for _construct() to finish.
  pendingDestroy: null,
  emitClose: true,
  autoDestroy: true,
  destroyed: false,
  errored: null,
  errorEmitted: false,
  closed: false,
  closeEmitted: false,
  defaultEncoding: 'utf8',
  decoder: null,
  encoding: null,
});

// --- the chunk buffer ------------------------------------------------------

function takeFirstChunk(state) {
  const { buffer } = state;
  const chunk = buffer[state.bufferIndex];
  buffer[state.bufferIndex++] = undefined;
  if (state.bufferIndex === buffer.length) {
    buffer.length = 0;
    state.bufferIndex = 0;
  } else if (state.bufferIndex > 1024 && state.bufferIndex * 2 > buffer.length) {
    // Reclaim the consumed front once it dominates the array.
    buffer.splice(0, state.bufferIndex);
    state.bufferIndex = 0;
  }
  return chunk;
}

function putBackChunk(state, chunk) {
  if (state.bufferIndex > 0) state.buffer[--state.bufferIndex] = chunk;
  else state.buffer.unshift(chunk);
}

function clearChunks(state) {
  state.buffer.length = 0;
  state.bufferIndex = 0;
}

// The live chunks, as a compact array.
function compactBuffer(state) {
  if (state.bufferIndex > 0) {
    state.buffer.splice(0, state.bufferIndex);
    state.bufferIndex = 0;
  }
  return state.buffer;
}

// Removes and returns `n` units (bytes or characters) from the buffer; with
// n missing or covering everything, the whole buffer.
function takeFromBuffer(n, state) {
  if (state.length === 0) return null;
  if (state.objectMode) return takeFirstChunk(state);
  const chunks = compactBuffer(state);
  if (!n || n >= state.length) {
    let all;
    if (state.decoder) all = chunks.join('');
    else if (chunks.length === 1) all = chunks[0];
    else all = Buffer.concat(chunks, state.length);
    clearChunks(state);
    return all;
  }
  const first = chunks[0];
  if (n < first.length) {
    chunks[0] = first.slice(n);
    return first.slice(0, n);
  }
  if (n === first.length) return takeFirstChunk(state);
  return typeof first === 'string' ? takeString(n, state) : takeBytes(n, state);
}

function takeString(n, state) {
  let out = '';
  while (n > 0) {
    const chunk = state.buffer[state.bufferIndex];
    if (chunk.length <= n) {
      out += chunk;
      n -= chunk.length;
      takeFirstChunk(state);
    } else {
      out += chunk.slice(0, n);
      state.buffer[state.bufferIndex] = chunk.slice(n);
      n = 0;
    }
  }
  return out;
}

function takeBytes(n, state) {
  const out = Buffer.allocUnsafe(n);
  let filled = 0;
  while (filled < n) {
    const chunk = state.buffer[state.bufferIndex];
    const want = n - filled;
    if (chunk.length <= want) {
      out.set(chunk, filled);
      filled += chunk.length;
      takeFirstChunk(state);
    } else {
      out.set(chunk.subarray(0, want), filled);
      state.buffer[state.bufferIndex] = chunk.slice(want);
      filled = n;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Readable

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  const isDuplex = isDuplexInstance(this);
  // Created before the state so that the own keys come in Node's order.
  this._events ??= { __proto__: null };
  this._readableState = new ReadableState(options, this, isDuplex);
  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal && !isDuplex) addAbortSignalNoValidate(options.signal, this);
  }
  Stream.call(this, options);
  destroyImpl.construct(this);
}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);

Readable.ReadableState = ReadableState;

Readable.prototype.destroy = destroyImpl.destroy;
Readable.prototype._undestroy = destroyImpl.undestroy;
Readable.prototype._destroy = function _destroy(err, cb) {
  cb(err);
};

Readable.prototype[EventEmitter.captureRejectionSymbol] = function onRejection(err) {
  this.destroy(err);
};

// `await using` support: destroys a stream that has not ended.
Readable.prototype[Symbol.asyncDispose] = function asyncDispose() {
  let error;
  if (!this.destroyed) {
    error = this.readableEnded ? null : newAbortError();
    this.destroy(error);
  }
  return new Promise((resolve, reject) => {
    eos(this, (err) => (err && err !== error ? reject(err) : resolve(null)));
  });
};

// --- producing: push() and unshift() ---------------------------------------

Readable.prototype.push = function push(chunk, encoding) {
  return addChunk(this, this._readableState, chunk, encoding, false);
};

Readable.prototype.unshift = function unshift(chunk, encoding) {
  return addChunk(this, this._readableState, chunk, encoding, true);
};

// Whether the producer should keep pushing.
function wantsMore(state) {
  return !state.ended && (state.length < state.highWaterMark || state.length === 0);
}

function invalidChunkError(chunk) {
  return new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
}

function toBuffer(view) {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

function addChunk(stream, state, chunk, encoding, toFront) {
  if (chunk === null) {
    state.reading = false;
    onEndOfData(stream, state);
    return false;
  }

  // In byte mode every chunk becomes a Buffer, or a string in the stream's
  // encoding; an empty one carries no data. `decoded` says the chunk needs
  // no further decoding (in object mode: an encoding was given with it).
  let decoded = state.objectMode && Boolean(encoding);
  if (!state.objectMode) {
    if (typeof chunk === 'string') {
      encoding ||= state.defaultEncoding;
      if (state.encoding === encoding) {
        decoded = true;
      } else if (toFront && state.encoding) {
        // Unshifted data goes back in front of already-decoded text.
        chunk = Buffer.from(chunk, encoding).toString(state.encoding);
        decoded = true;
      } else {
        chunk = Buffer.from(chunk, encoding);
      }
    } else if (chunk instanceof Buffer) {
      // As is.
    } else if (ArrayBuffer.isView(chunk)) {
      chunk = toBuffer(chunk);
    } else if (chunk !== undefined) {
      errorOrDestroy(stream, invalidChunkError(chunk));
      return false;
    }
    if (!chunk || chunk.length <= 0) {
      if (!toFront) {
        state.reading = false;
        scheduleReadMore(stream, state);
      }
      return wantsMore(state);
    }
  }

  if (toFront) {
    if (state.endEmitted) errorOrDestroy(stream, new codes.ERR_STREAM_UNSHIFT_AFTER_END_EVENT());
    else if (!state.destroyed && !state.errored) storeChunk(stream, state, chunk, true);
    else return false;
    return wantsMore(state);
  }

  if (state.ended) {
    errorOrDestroy(stream, new codes.ERR_STREAM_PUSH_AFTER_EOF());
    return false;
  }
  if (state.destroyed || state.errored) return false;
  state.reading = false;
  if (state.decoder && !decoded) {
    chunk = state.decoder.write(chunk);
    if (!state.objectMode && chunk.length === 0) {
      // Only part of a character so far.
      scheduleReadMore(stream, state);
      return wantsMore(state);
    }
  }
  storeChunk(stream, state, chunk, false);
  return wantsMore(state);
}

// Hands the chunk straight to 'data' listeners when the stream is flowing
// and nothing is queued before it; otherwise buffers it.
function storeChunk(stream, state, chunk, toFront) {
  if (state.flowing && state.length === 0 && !state.sync && stream.listenerCount('data') > 0) {
    clearAwaitDrain(state);
    state.dataEmitted = true;
    stream.emit('data', chunk);
  } else {
    state.length += state.objectMode ? 1 : chunk.length;
    if (toFront) putBackChunk(state, chunk);
    else state.buffer.push(chunk);
    if (state.needReadable) scheduleReadable(stream);
  }
  scheduleReadMore(stream, state);
}

// Reading resets the pipe back-pressure bookkeeping.
function clearAwaitDrain(state) {
  if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
  else state.awaitDrainWriters = null;
}

function onEndOfData(stream, state) {
  if (state.ended) return;
  if (state.decoder) {
    const rest = state.decoder.end();
    if (rest && rest.length) {
      state.buffer.push(rest);
      state.length += state.objectMode ? 1 : rest.length;
    }
  }
  state.ended = true;
  if (state.sync) {
    // Pushed from inside _read(): let read() finish first.
    scheduleReadable(stream);
  } else {
    state.needReadable = false;
    state.emittedReadable = true;
    emitReadableNow(stream);
  }
}

// --- 'readable' --------------------------------------------------------------

function scheduleReadable(stream) {
  const state = stream._readableState;
  state.needReadable = false;
  if (!state.emittedReadable) {
    state.emittedReadable = true;
    process.nextTick(emitReadableNow, stream);
  }
}

function emitReadableNow(stream) {
  const state = stream._readableState;
  if (!state.destroyed && !state.errored && (state.length || state.ended)) {
    stream.emit('readable');
    state.emittedReadable = false;
  }
  // Another 'readable' is owed once the consumer has drained the buffer
  // below the mark.
  state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
  flow(stream);
}

// Fills the buffer up to highWaterMark in the background (one tick later),
// so that data is at hand before the consumer asks for it.
function scheduleReadMore(stream, state) {
  if (!state.readingMore && state.constructed) {
    state.readingMore = true;
    process.nextTick(readMore, stream, state);
  }
}

function readMore(stream, state) {
  // Keeps calling read(0) while each call makes _read() push something
  // synchronously; an asynchronous _read() stops the loop, and its push()
  // schedules the next round.
  while (!state.reading && !state.ended &&
         (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
    const before = state.length;
    stream.read(0);
    if (before === state.length) break;
  }
  state.readingMore = false;
}

// --- consuming: read() --------------------------------------------------------

Readable.prototype.isPaused = function isPaused() {
  const state = this._readableState;
  return state.paused === true || state.flowing === false;
};

Readable.prototype.setEncoding = function setEncoding(encoding) {
  const decoder = newStringDecoder(encoding);
  const state = this._readableState;
  state.decoder = decoder;
  state.encoding = decoder.encoding;
  // What is already buffered is decoded now.
  let text = '';
  for (const chunk of compactBuffer(state)) text += decoder.write(chunk);
  clearChunks(state);
  if (text !== '') state.buffer.push(text);
  state.length = text.length;
  return this;
};

// How much a read(n) call can return now.
function readableAmount(n, state) {
  if (n <= 0 || (state.length === 0 && state.ended)) return 0;
  if (state.objectMode) return 1;
  if (Number.isNaN(n)) {
    // read() without a size: one chunk at a time while flowing, else all.
    if (state.flowing && state.length) return state.buffer[state.bufferIndex].length;
    return state.length;
  }
  if (n <= state.length) return n;
  return state.ended ? state.length : 0;
}

Readable.prototype.read = function read(n) {
  if (n === undefined) n = NaN;
  else if (!Number.isInteger(n)) n = Number.parseInt(n, 10);
  const state = this._readableState;
  const requested = n;

  if (n > state.highWaterMark) state.highWaterMark = grownHighWaterMark(n);
  if (n !== 0) state.emittedReadable = false;

  // read(0) only pokes the stream: it emits the 'readable' (or 'end') that
  // is due, or triggers a _read() below.
  if (n === 0 && state.needReadable &&
      ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) ||
       state.ended)) {
    if (state.length === 0 && state.ended) endReadable(this);
    else scheduleReadable(this);
    return null;
  }

  n = readableAmount(n, state);
  if (n === 0 && state.ended) {
    if (state.length === 0) endReadable(this);
    return null;
  }

  // Ask the source for more when the buffer would fall below the mark.
  let doRead = state.needReadable || state.length === 0 || state.length - n < state.highWaterMark;
  if (state.ended || state.reading || state.destroyed || state.errored || !state.constructed) {
    doRead = false;
  }
  if (doRead) {
    state.reading = true;
    state.sync = true;
    if (state.length === 0) state.needReadable = true;
    try {
      this._read(state.highWaterMark);
    } catch (err) {
      errorOrDestroy(this, err);
    }
    state.sync = false;
    // A synchronous push() may have made more available.
    if (!state.reading) n = readableAmount(requested, state);
  }

  let chunk = n > 0 ? takeFromBuffer(n, state) : null;
  if (chunk === null) {
    state.needReadable = state.length <= state.highWaterMark;
    n = 0;
  } else {
    state.length -= n;
    clearAwaitDrain(state);
  }

  if (state.length === 0) {
    // Whoever is reading will want to hear when more arrives.
    if (!state.ended) state.needReadable = true;
    // This read drained what was left after the end.
    if (requested !== n && state.ended) endReadable(this);
  }

  if (chunk !== null && !state.errorEmitted && !state.closeEmitted) {
    state.dataEmitted = true;
    this.emit('data', chunk);
  }
  return chunk;
};

Readable.prototype._read = function _read(n) {
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED('_read()');
};

function endReadable(stream) {
  const state = stream._readableState;
  if (!state.endEmitted) {
    state.ended = true;
    process.nextTick(emitEnd, state, stream);
  }
}

function emitEnd(state, stream) {
  if (state.errored || state.closeEmitted || state.endEmitted || state.length !== 0) return;
  state.endEmitted = true;
  stream.emit('end');

  const wState = stream._writableState;
  if (stream.writable && stream.allowHalfOpen === false) {
    // A duplex that may not stay half open ends its writable side too.
    process.nextTick(endWritable, stream);
  } else if (state.autoDestroy) {
    // Destroy only once the writable side (if any) is done as well.
    const writableDone = !wState ||
      (wState.autoDestroy && (wState.finished || wState.writable === false));
    if (writableDone) stream.destroy();
  }
}

function endWritable(stream) {
  const writable = stream.writable && !stream.writableEnded && !stream.destroyed;
  if (writable) stream.end();
}

// --- flowing mode -------------------------------------------------------------

function flow(stream) {
  const state = stream._readableState;
  while (state.flowing && stream.read() !== null);
}

Readable.prototype.resume = function resume() {
  const state = this._readableState;
  if (!state.flowing) {
    // With 'readable' listeners the data is pulled by them, not emitted.
    state.flowing = !state.readableListening;
    scheduleResume(this, state);
  }
  state.paused = false;
  return this;
};

function scheduleResume(stream, state) {
  if (!state.resumeScheduled) {
    state.resumeScheduled = true;
    process.nextTick(resumeNow, stream, state);
  }
}

function resumeNow(stream, state) {
  if (!state.reading) stream.read(0);
  state.resumeScheduled = false;
  stream.emit('resume');
  flow(stream);
  if (state.flowing && !state.reading) stream.read(0);
}

Readable.prototype.pause = function pause() {
  const state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    this.emit('pause');
  }
  state.paused = true;
  return this;
};

// Attaching a 'data' listener starts the flow (unless paused explicitly);
// a 'readable' listener switches to pulling and takes precedence.
Readable.prototype.on = function on(ev, fn) {
  const result = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;
  if (ev === 'data') {
    state.readableListening = this.listenerCount('readable') > 0;
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if (!state.endEmitted && !state.readableListening) {
      state.readableListening = true;
      state.needReadable = true;
      state.flowing = false;
      state.emittedReadable = false;
      if (state.length) scheduleReadable(this);
      else if (!state.reading) process.nextTick(readZero, this);
    }
  }
  return result;
};
Readable.prototype.addListener = Readable.prototype.on;

function readZero(stream) {
  stream.read(0);
}

Readable.prototype.removeListener = function removeListener(ev, fn) {
  const result = Stream.prototype.removeListener.call(this, ev, fn);
  // Deferred, as the listener may be re-added in the same tick.
  if (ev === 'readable') process.nextTick(updateReadableListening, this);
  return result;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function removeAllListeners(ev) {
  const result = Reflect.apply(Stream.prototype.removeAllListeners, this, arguments);
  if (ev === 'readable' || ev === undefined) process.nextTick(updateReadableListening, this);
  return result;
};

// Once the last 'readable' listener is gone, 'data' listeners (if any)
// take over.
function updateReadableListening(stream) {
  const state = stream._readableState;
  state.readableListening = stream.listenerCount('readable') > 0;
  if (state.resumeScheduled && state.paused === false) {
    state.flowing = true;
  } else if (stream.listenerCount('data') > 0) {
    stream.resume();
  } else if (!state.readableListening) {
    state.flowing = null;
  }
}

// --- pipe() -----------------------------------------------------------------

Readable.prototype.pipe = function pipe(dest, pipeOpts) {
  const src = this;
  const state = this._readableState;

  // With a second destination, back-pressure waits for a set of writers.
  if (state.pipes.length === 1 && !state.multiAwaitDrain) {
    state.multiAwaitDrain = true;
    state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
  }
  state.pipes.push(dest);

  const doEnd = (!pipeOpts || pipeOpts.end !== false) &&
    dest !== process.stdout && dest !== process.stderr;
  const endFn = doEnd ? onend : unpipe;
  if (state.endEmitted) process.nextTick(endFn);
  else src.once('end', endFn);

  dest.on('unpipe', onunpipe);
  function onunpipe(readable, unpipeInfo) {
    if (readable === src && unpipeInfo && unpipeInfo.hasUnpiped === false) {
      unpipeInfo.hasUnpiped = true;
      cleanup();
    }
  }

  function onend() {
    dest.end();
  }

  let ondrain;
  let cleanedUp = false;
  function cleanup() {
    dest.removeListener('close', onclose);
    dest.removeListener('finish', onfinish);
    if (ondrain) dest.removeListener('drain', ondrain);
    dest.removeListener('error', onerror);
    dest.removeListener('unpipe', onunpipe);
    src.removeListener('end', onend);
    src.removeListener('end', unpipe);
    src.removeListener('data', ondata);
    cleanedUp = true;
    // A destination that goes away while the source waits for its 'drain'
    // must not keep the source stuck.
    if (ondrain && state.awaitDrainWriters && (!dest._writableState || dest._writableState.needDrain)) {
      ondrain();
    }
  }

  function pause() {
    if (!cleanedUp) {
      if (state.pipes.length === 1 && state.pipes[0] === dest) {
        state.awaitDrainWriters = dest;
        state.multiAwaitDrain = false;
      } else if (state.pipes.length > 1 && state.pipes.includes(dest)) {
        state.awaitDrainWriters.add(dest);
      }
      src.pause();
    }
    if (!ondrain) {
      ondrain = onDrainFor(src, dest);
      dest.on('drain', ondrain);
    }
  }

  src.on('data', ondata);
  function ondata(chunk) {
    if (dest.write(chunk) === false) pause();
  }

  // An error on the destination unpipes it; the error is re-raised there
  // unless someone else handles it.
  function onerror(er) {
    unpipe();
    dest.removeListener('error', onerror);
    if (dest.listenerCount('error') === 0) {
      const s = dest._writableState || dest._readableState;
      if (s && !s.errorEmitted) errorOrDestroy(dest, er);
      else dest.emit('error', er);
    }
  }
  prependListener(dest, 'error', onerror);

  function onclose() {
    dest.removeListener('finish', onfinish);
    unpipe();
  }
  dest.once('close', onclose);
  function onfinish() {
    dest.removeListener('close', onclose);
    unpipe();
  }
  dest.once('finish', onfinish);

  function unpipe() {
    src.unpipe(dest);
  }

  dest.emit('pipe', src);

  if (dest.writableNeedDrain === true) pause();
  else if (!state.flowing) src.resume();

  return dest;
};

function onDrainFor(src, dest) {
  return function pipeOnDrain() {
    const state = src._readableState;
    if (state.awaitDrainWriters === dest) state.awaitDrainWriters = null;
    else if (state.multiAwaitDrain) state.awaitDrainWriters.delete(dest);
    if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) && src.listenerCount('data')) {
      src.resume();
    }
  };
}

Readable.prototype.unpipe = function unpipe(dest) {
  const state = this._readableState;
  if (state.pipes.length === 0) return this;

  if (!dest) {
    const dests = state.pipes;
    state.pipes = [];
    this.pause();
    for (const d of dests) d.emit('unpipe', this, { hasUnpiped: false });
    return this;
  }

  const index = state.pipes.indexOf(dest);
  if (index === -1) return this;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) this.pause();
  dest.emit('unpipe', this, { hasUnpiped: false });
  return this;
};

// --- old-style sources ----------------------------------------------------------

// Makes this Readable read from an old-style stream (one that emits 'data'
// and 'end' and has pause()/resume()).
Readable.prototype.wrap = function wrap(stream) {
  let paused = false;

  stream.on('data', (chunk) => {
    if (!this.push(chunk) && stream.pause) {
      paused = true;
      stream.pause();
    }
  });
  stream.on('end', () => {
    this.push(null);
  });
  stream.on('error', (err) => {
    errorOrDestroy(this, err);
  });
  stream.on('close', () => {
    this.destroy();
  });
  stream.on('destroy', () => {
    this.destroy();
  });

  this._read = () => {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };

  // Old streams often carry extra methods (setEncoding, destroy...): proxy
  // those this stream lacks. The first key is skipped, as Node does.
  const keys = Object.keys(stream);
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    if (this[key] === undefined && typeof stream[key] === 'function') this[key] = stream[key].bind(stream);
  }
  return this;
};

Readable.wrap = function wrap(src, options) {
  return new Readable({
    objectMode: src.readableObjectMode ?? src.objectMode ?? true,
    ...options,
    destroy(err, callback) {
      destroyImpl.destroyer(src, err);
      callback(err);
    },
  }).wrap(src);
};

// --- async iteration ------------------------------------------------------------

Readable.prototype[Symbol.asyncIterator] = function asyncIterator() {
  return streamToAsyncIterator(this);
};

Readable.prototype.iterator = function iterator(options) {
  if (options !== undefined) validateObject(options, 'options');
  return streamToAsyncIterator(this, options);
};

function streamToAsyncIterator(stream, options) {
  if (typeof stream.read !== 'function') stream = Readable.wrap(stream, { objectMode: true });
  return iterateStream(stream, options);
}

// Pulls chunks with read(), waiting for 'readable' or the end of the stream
// in between. Leaving the loop early destroys the stream (unless
// `destroyOnReturn: false`); an error, or the stream failing, is thrown.
async function* iterateStream(stream, options) {
  let wake = nop;
  function onReadable() {
    const fn = wake;
    wake = nop;
    fn();
  }
  stream.on('readable', onReadable);

  // undefined while the stream runs, null once it ended cleanly.
  let error;
  const cleanup = eos(stream, { writable: false }, (err) => {
    error = err ? aggregateTwoErrors(error, err) : null;
    onReadable();
  });

  try {
    while (true) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) {
        yield chunk;
      } else if (error) {
        throw error;
      } else if (error === null) {
        return;
      } else {
        await new Promise((resolve) => {
          wake = resolve;
        });
      }
    }
  } catch (err) {
    error = aggregateTwoErrors(error, err);
    throw error;
  } finally {
    if ((error || options?.destroyOnReturn !== false) &&
        (error === undefined || stream._readableState.autoDestroy)) {
      destroyImpl.destroyer(stream, null);
    } else {
      stream.off('readable', onReadable);
      cleanup();
    }
  }
}

// --- accessors ------------------------------------------------------------------

Object.defineProperties(Readable.prototype, {
  readable: {
    get() {
      const r = this._readableState;
      return Boolean(r) && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
    },
    set(value) {
      // Duplex-like classes assign `readable = false` to switch the side off.
      if (this._readableState) this._readableState.readable = Boolean(value);
    },
  },
  readableDidRead: {
    enumerable: false,
    get() {
      return this._readableState.dataEmitted;
    },
  },
  readableAborted: {
    enumerable: false,
    get() {
      const r = this._readableState;
      return Boolean(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
    },
  },
  readableHighWaterMark: {
    enumerable: false,
    get() {
      return this._readableState.highWaterMark;
    },
  },
  readableBuffer: {
    enumerable: false,
    get() {
      const r = this._readableState;
      return r && compactBuffer(r);
    },
  },
  readableFlowing: {
    enumerable: false,
    get() {
      return this._readableState.flowing;
    },
    set(value) {
      if (this._readableState) this._readableState.flowing = value;
    },
  },
  readableLength: {
    enumerable: false,
    get() {
      return this._readableState.length;
    },
  },
  readableObjectMode: {
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.objectMode : false;
    },
  },
  readableEncoding: {
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.encoding : null;
    },
  },
  errored: {
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.errored : null;
    },
  },
  closed: {
    get() {
      return this._readableState ? this._readableState.closed : false;
    },
  },
  destroyed: {
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.destroyed : false;
    },
    set(value) {
      if (this._readableState) this._readableState.destroyed = value;
    },
  },
  readableEnded: {
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.endEmitted : false;
    },
  },
});

// --- Readable.from() and the operators ---------------------------------------------

Readable._fromList = takeFromBuffer;

Readable.from = function from(iterable, opts) {
  fromImpl ??= require('internal/streams/from');
  return fromImpl(Readable, iterable, opts);
};

Readable.fromWeb = function fromWeb(readableStream, options) {
  return require('internal/webstreams/adapters').readableFromWeb(readableStream, options);
};

Readable.toWeb = function toWeb(streamReadable, options) {
  return require('internal/webstreams/adapters').readableToWeb(streamReadable, options);
};

function loadOperators() {
  return (operators ??= require('internal/streams/operators'));
}

// Operators returning a stream wrap the async generator they make in
// Readable.from(); the others return a promise. Their code is loaded on
// first use.
const kStreamOperators = [
  ['asIndexedPairs', 0], ['drop', 1], ['filter', 2], ['flatMap', 2], ['map', 2], ['take', 1],
  ['compose', 2],
];
const kPromiseOperators = [
  ['every', 1], ['forEach', 2], ['reduce', 3], ['toArray', 1], ['some', 1], ['find', 2],
];

function defineOperator(name, length, returnsStream) {
  function operator(...args) {
    if (new.target) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    const result = Reflect.apply(loadOperators()[name], this, args);
    return returnsStream ? Readable.from(result) : result;
  }
  Object.defineProperty(operator, 'name', { value: name });
  Object.defineProperty(operator, 'length', { value: length });
  Object.defineProperty(Readable.prototype, name, {
    value: operator, enumerable: false, configurable: true, writable: true,
  });
}
for (const [name, length] of kStreamOperators) defineOperator(name, length, true);
for (const [name, length] of kPromiseOperators) defineOperator(name, length, false);

module.exports = Readable;
