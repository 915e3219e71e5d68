'use strict';

// Shared helpers of the stream modules: lazy access to the error machinery,
// the duck-typing predicates that let pipeline(), finished() and friends
// work with any stream-like object (Node's own streams, old-style emitters
// with pipe(), http messages), and small callback utilities.
//
// The predicates deliberately read the de-facto public `_readableState` /
// `_writableState` objects rather than checking `instanceof`: streams built
// by other copies of the stream classes (readable-stream from npm, say) must
// be recognised too.

// internal/errors is loaded on first use: most stream work never fails.
let errorsModule;
function errors() {
  return (errorsModule ??= require('internal/errors'));
}
// `new codes.ERR_X(...)` without loading internal/errors up front.
const codes = new Proxy({}, { get: (_, code) => errors().codes[code] });

// Argument checks: internal/errors is loaded only to report a failure.
function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) errors().validateObject(value, name);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') errors().validateFunction(value, name);
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') errors().validateBoolean(value, name);
}

function validateInteger(value, name, min) {
  if (!Number.isSafeInteger(value) || value < min) errors().validateInteger(value, name, min);
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    errors().validateAbortSignal(signal, name);
  }
}

// Cross-realm markers, shared with other stream implementations.
const kIsDestroyed = Symbol.for('nodejs.stream.destroyed');
const kIsDisturbed = Symbol.for('nodejs.stream.disturbed');

function nop() {}

// Wraps `callback` so that only its first call goes through.
function once(callback) {
  let called = false;
  return function onceWrapper(...args) {
    if (called) return;
    called = true;
    Reflect.apply(callback, this, args);
  };
}

function isObjectLike(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}

// Something that can be piped from: has pipe() and on(), and if it is also
// writable, has a readable side that has not been switched off. `strict`
// also asks for pause()/resume().
function isReadableNodeStream(obj, strict = false) {
  if (!isObjectLike(obj) || typeof obj.pipe !== 'function' || typeof obj.on !== 'function') return false;
  if (strict && (typeof obj.pause !== 'function' || typeof obj.resume !== 'function')) return false;
  if (obj._writableState) {
    const rState = obj._readableState;
    return Boolean(rState) && rState.readable !== false;
  }
  return true;
}

function isWritableNodeStream(obj) {
  if (!isObjectLike(obj) || typeof obj.write !== 'function' || typeof obj.on !== 'function') return false;
  // A duplex whose writable side was switched off does not count.
  return !obj._readableState || obj._writableState?.writable !== false;
}

function isDuplexNodeStream(obj) {
  return isObjectLike(obj) && typeof obj.pipe === 'function' && Boolean(obj._readableState) &&
    typeof obj.on === 'function' && typeof obj.write === 'function';
}

function isNodeStream(obj) {
  if (!isObjectLike(obj)) return false;
  if (obj._readableState || obj._writableState) return true;
  return typeof obj.on === 'function' && (typeof obj.write === 'function' || typeof obj.pipe === 'function');
}

function isIterable(obj, isAsync) {
  if (obj == null) return false;
  if (isAsync === true) return typeof obj[Symbol.asyncIterator] === 'function';
  if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
  return typeof obj[Symbol.asyncIterator] === 'function' || typeof obj[Symbol.iterator] === 'function';
}

function stateOf(stream) {
  return stream._writableState || stream._readableState;
}

function isDestroyed(stream) {
  if (!isNodeStream(stream)) return null;
  return Boolean(stream.destroyed || stream[kIsDestroyed] || stateOf(stream)?.destroyed);
}

// null: cannot tell. An errored side never counts as ended/finished.
function isWritableEnded(stream) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableEnded === true) return true;
  const wState = stream._writableState;
  if (wState?.errored) return false;
  if (typeof wState?.ended !== 'boolean') return null;
  return wState.ended;
}

// With `strict` false, a writable that was ended with nothing left to write
// counts as finished even before 'finish' is emitted.
function isWritableFinished(stream, strict) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableFinished === true) return true;
  const wState = stream._writableState;
  if (wState?.errored) return false;
  if (typeof wState?.finished !== 'boolean') return null;
  return wState.finished || (strict === false && wState.ended === true && wState.length === 0);
}

function isReadableFinished(stream, strict) {
  if (!isReadableNodeStream(stream)) return null;
  const rState = stream._readableState;
  if (rState?.errored) return false;
  if (typeof rState?.endEmitted !== 'boolean') return null;
  return rState.endEmitted || (strict === false && rState.ended === true && rState.length === 0);
}

function isReadable(stream) {
  if (typeof stream?.readable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
}

function isWritable(stream) {
  if (typeof stream?.writable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
}

// Whether the stream has nothing more to do on the sides asked about.
function isFinished(stream, opts) {
  if (!isNodeStream(stream)) return null;
  if (isDestroyed(stream)) return true;
  if (opts?.readable !== false && isReadable(stream)) return false;
  if (opts?.writable !== false && isWritable(stream)) return false;
  return true;
}

function isWritableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.writableErrored) return stream.writableErrored;
  return stream._writableState?.errored ?? null;
}

function isReadableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.readableErrored) return stream.readableErrored;
  return stream._readableState?.errored ?? null;
}

// http.OutgoingMessage and ServerResponse have no stream state; their shape
// gives them away.
function isOutgoingMessage(stream) {
  return typeof stream._closed === 'boolean' && typeof stream._defaultKeepAlive === 'boolean' &&
    typeof stream._removedConnection === 'boolean' && typeof stream._removedContLen === 'boolean';
}

function isServerResponse(stream) {
  return typeof stream._sent100 === 'boolean' && isOutgoingMessage(stream);
}

function isServerRequest(stream) {
  return typeof stream._consuming === 'boolean' && typeof stream._dumped === 'boolean' &&
    stream.req?.upgradeOrConnect === undefined;
}

// A client request: http.ClientRequest-like objects are aborted, not destroyed.
function isRequest(stream) {
  return Boolean(stream) && typeof stream.setHeader === 'function' && typeof stream.abort === 'function';
}

function isClosed(stream) {
  if (!isNodeStream(stream)) return null;
  if (typeof stream.closed === 'boolean') return stream.closed;
  const wState = stream._writableState;
  const rState = stream._readableState;
  if (typeof wState?.closed === 'boolean' || typeof rState?.closed === 'boolean') {
    return Boolean(wState?.closed || rState?.closed);
  }
  if (typeof stream._closed === 'boolean' && isOutgoingMessage(stream)) return stream._closed;
  return null;
}

// Whether 'close' can be relied upon to follow the end of the stream.
function willEmitClose(stream) {
  if (!isNodeStream(stream)) return null;
  const state = stateOf(stream);
  if (!state) return isServerResponse(stream);
  return Boolean(state.autoDestroy && state.emitClose && state.closed === false);
}

// Whether data has been read from the stream, or it was aborted.
function isDisturbed(stream) {
  return Boolean(stream && (stream[kIsDisturbed] ?? (stream.readableDidRead || stream.readableAborted)));
}

function isErrored(stream) {
  return Boolean(stream && (
    stream.readableErrored ??
    stream.writableErrored ??
    stream._readableState?.errorEmitted ??
    stream._writableState?.errorEmitted ??
    stream._readableState?.errored ??
    stream._writableState?.errored));
}

// `outer` with `inner` folded in: when both are set and differ, an
// AggregateError carrying outer's message and code.
function aggregateTwoErrors(inner, outer) {
  if (inner && outer && inner !== outer) {
    if (Array.isArray(outer.errors)) {
      outer.errors.push(inner);
      return outer;
    }
    const err = new AggregateError([outer, inner], outer.message);
    err.code = outer.code;
    return err;
  }
  return inner || outer;
}

function newAbortError() {
  return new (errors().AbortError)();
}

// An AbortError whose `cause` is the signal's reason.
function abortErrorFor(signal) {
  return new (errors().AbortError)(undefined, { cause: signal?.reason });
}

module.exports = {
  errors,
  codes,
  validateObject,
  validateFunction,
  validateBoolean,
  validateInteger,
  validateAbortSignal,
  kIsDestroyed,
  nop,
  once,
  isReadableNodeStream,
  isWritableNodeStream,
  isDuplexNodeStream,
  isNodeStream,
  isIterable,
  isDestroyed,
  isWritableEnded,
  isWritableFinished,
  isReadableFinished,
  isReadable,
  isWritable,
  isFinished,
  isWritableErrored,
  isReadableErrored,
  isOutgoingMessage,
  isServerResponse,
  isServerRequest,
  isRequest,
  isClosed,
  willEmitClose,
  isDisturbed,
  isErrored,
  aggregateTwoErrors,
  newAbortError,
  abortErrorFor,
};
