'use strict';

// Tearing streams down and setting them up: destroy() and its
// 'error'/'close' emission, errorOrDestroy() (the path every internal
// failure takes), the asynchronous `construct` step, and destroyer(), which
// brings down anything stream-like.
//
// Readable, Writable and Duplex share these functions; each looks at
// whichever of `_readableState` / `_writableState` the stream has.

const {
  codes,
  aggregateTwoErrors,
  isDestroyed,
  isFinished,
  isServerRequest,
  isRequest,
  kIsDestroyed,
  newAbortError,
} = require('internal/streams/utils');

// Records `err` as the reason each side failed, unless one is already set.
function recordError(err, wState, rState) {
  if (!err) return;
  // Node reads the stack here so that it is captured while the frames are
  // still meaningful, before the error travels through ticks.
  err.stack;
  if (wState && !wState.errored) wState.errored = err;
  if (rState && !rState.errored) rState.errored = err;
}

// The public destroy(err, cb) of every stream class.
function destroy(err, cb) {
  const rState = this._readableState;
  const wState = this._writableState;
  if (wState?.destroyed || rState?.destroyed) {
    if (typeof cb === 'function') cb();
    return this;
  }

  recordError(err, wState, rState);
  if (wState) wState.destroyed = true;
  if (rState) rState.destroyed = true;

  const state = wState || rState;
  if (state.constructed) {
    runDestroy(this, err, cb);
  } else {
    // _destroy() waits for _construct() to finish; an error from
    // construction joins the one given here.
    state.pendingDestroy = (constructErr) => {
      runDestroy(this, aggregateTwoErrors(constructErr, err), cb);
    };
  }
  return this;
}

function runDestroy(stream, err, cb) {
  let called = false;
  function onDestroy(destroyErr) {
    if (called) return;
    called = true;
    const rState = stream._readableState;
    const wState = stream._writableState;
    recordError(destroyErr, wState, rState);
    if (wState) wState.closed = true;
    if (rState) rState.closed = true;
    if (typeof cb === 'function') cb(destroyErr);
    if (destroyErr) process.nextTick(emitErrorThenClose, stream, destroyErr);
    else process.nextTick(emitClose, stream);
  }
  try {
    stream._destroy(err || null, onDestroy);
  } catch (thrown) {
    onDestroy(thrown);
  }
}

function emitErrorThenClose(stream, err) {
  emitError(stream, err);
  emitClose(stream);
}

function emitClose(stream) {
  const rState = stream._readableState;
  const wState = stream._writableState;
  if (wState) wState.closeEmitted = true;
  if (rState) rState.closeEmitted = true;
  if (wState?.emitClose || rState?.emitClose) stream.emit('close');
}

// 'error' is emitted at most once per stream, whichever side failed.
function emitError(stream, err) {
  const rState = stream._readableState;
  const wState = stream._writableState;
  if (wState?.errorEmitted || rState?.errorEmitted) return;
  if (wState) wState.errorEmitted = true;
  if (rState) rState.errorEmitted = true;
  stream.emit('error', err);
}

// Puts a destroyed stream back into its initial state (used by code that
// reuses stream objects, such as net.Socket on reconnect).
function undestroy() {
  const rState = this._readableState;
  const wState = this._writableState;
  if (rState) {
    rState.constructed = true;
    rState.closed = false;
    rState.closeEmitted = false;
    rState.destroyed = false;
    rState.errored = null;
    rState.errorEmitted = false;
    rState.reading = false;
    rState.ended = rState.readable === false;
    rState.endEmitted = rState.readable === false;
  }
  if (wState) {
    wState.constructed = true;
    wState.destroyed = false;
    wState.closed = false;
    wState.closeEmitted = false;
    wState.errored = null;
    wState.errorEmitted = false;
    wState.finalCalled = false;
    wState.prefinished = false;
    wState.ended = wState.writable === false;
    wState.ending = wState.writable === false;
    wState.finished = wState.writable === false;
  }
}

// How streams report failures they detect themselves: destroy the stream
// when it auto-destroys, otherwise just emit 'error' (on the next tick when
// `sync`, so that the caller's own callback runs first).
function errorOrDestroy(stream, err, sync) {
  const rState = stream._readableState;
  const wState = stream._writableState;
  if (wState?.destroyed || rState?.destroyed) return;
  if (rState?.autoDestroy || wState?.autoDestroy) {
    stream.destroy(err);
  } else if (err) {
    recordError(err, wState, rState);
    if (sync) process.nextTick(emitError, stream, err);
    else emitError(stream, err);
  }
}

// Runs stream._construct() (if the class or options define one) one tick
// after the constructor returns; until its callback comes, the stream keeps
// reads, writes and destroy() waiting. Each side's state then starts on
// whatever queued up meanwhile (readable side first).
function construct(stream) {
  if (typeof stream._construct !== 'function') return;
  const rState = stream._readableState;
  const wState = stream._writableState;
  if (rState) rState.constructed = false;
  if (wState) wState.constructed = false;
  process.nextTick(runConstruct, stream);
}

function runConstruct(stream) {
  let called = false;
  function onConstruct(err) {
    if (called) {
      errorOrDestroy(stream, err ?? new codes.ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;
    const rState = stream._readableState;
    const wState = stream._writableState;
    const state = wState || rState;
    if (rState) rState.constructed = true;
    if (wState) wState.constructed = true;
    if (state.destroyed) {
      // destroy() was called meanwhile and left its continuation here.
      const pending = state.pendingDestroy;
      state.pendingDestroy = null;
      if (pending) pending(err);
    } else if (err) {
      errorOrDestroy(stream, err, true);
    } else {
      flushAfterConstruct(stream);
    }
  }
  try {
    // The callback is always deferred, even when _construct() calls it
    // synchronously.
    stream._construct((err) => process.nextTick(onConstruct, err));
  } catch (err) {
    process.nextTick(onConstruct, err);
  }
}

function flushAfterConstruct(stream) {
  stream._readableState?.flushAfterConstruct(stream);
  stream._writableState?.flushAfterConstruct(stream);
}

// Destroys anything stream-like with `err`; a stream that ends without error
// before it finished is aborted. http requests are aborted rather than
// destroyed; plain emitters get 'error'/'close' emitted on them.
function destroyer(stream, err) {
  if (!stream || isDestroyed(stream)) return;
  if (!err && !isFinished(stream)) err = newAbortError();
  if (isServerRequest(stream)) {
    stream.socket = null;
    stream.destroy(err);
  } else if (isRequest(stream)) {
    stream.abort();
  } else if (isRequest(stream.req)) {
    stream.req.abort();
  } else if (typeof stream.destroy === 'function') {
    stream.destroy(err);
  } else if (typeof stream.close === 'function') {
    stream.close();
  } else if (err) {
    process.nextTick((s, e) => s.emit('error', e), stream, err);
  } else {
    process.nextTick((s) => s.emit('close'), stream);
  }
  if (!stream.destroyed) stream[kIsDestroyed] = true;
}

module.exports = {
  construct,
  destroyer,
  destroy,
  undestroy,
  errorOrDestroy,
};
