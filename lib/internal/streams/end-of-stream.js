'use strict';

// finished(stream[, options], callback): calls back once the stream is done
// on the sides asked about (readable: 'end' seen; writable: 'finish' seen),
// has failed, or was closed before getting there (ERR_STREAM_PREMATURE_CLOSE).
// Returns a function that detaches every listener it added.
//
// When a stream is known to emit 'close' after 'end'/'finish' (autoDestroy
// with emitClose), the callback waits for 'close', so that callers see the
// stream fully torn down.

const {
  codes,
  nop,
  once,
  abortErrorFor,
  isClosed,
  isNodeStream,
  isReadable,
  isReadableErrored,
  isReadableFinished,
  isReadableNodeStream,
  isRequest,
  isWritable,
  isWritableErrored,
  isWritableFinished,
  isWritableNodeStream,
  willEmitClose: streamWillEmitClose,
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateObject,
} = require('internal/streams/utils');

const kDispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');

function eos(stream, options, callback) {
  if (arguments.length === 2) {
    callback = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  validateFunction(callback, 'callback');
  validateAbortSignal(options.signal, 'options.signal');
  callback = once(callback);

  if (!isNodeStream(stream)) {
    throw new codes.ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }

  const readable = options.readable ?? isReadableNodeStream(stream);
  const writable = options.writable ?? isWritableNodeStream(stream);
  const wState = stream._writableState;
  const rState = stream._readableState;

  // Only trust 'close' to come when the sides watched are the stream's
  // real sides.
  let willEmitClose = streamWillEmitClose(stream) &&
    isReadableNodeStream(stream) === readable && isWritableNodeStream(stream) === writable;

  let writableFinished = isWritableFinished(stream, false);
  let readableFinished = isReadableFinished(stream, false);
  let closed = isClosed(stream);

  const onfinish = () => {
    writableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.readable || readable)) return;
    if (!readable || readableFinished) callback.call(stream);
  };

  const onend = () => {
    readableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.writable || writable)) return;
    if (!writable || writableFinished) callback.call(stream);
  };

  const onerror = (err) => {
    callback.call(stream, err);
  };

  // Old-style writables without state: gone unwritable means finished.
  const onlegacyfinish = () => {
    if (!stream.writable) onfinish();
  };

  const onclose = () => {
    closed = true;
    const errored = isWritableErrored(stream) || isReadableErrored(stream);
    if (errored && typeof errored !== 'boolean') {
      callback.call(stream, errored);
      return;
    }
    if (readable && !readableFinished && isReadableNodeStream(stream, true) &&
        !isReadableFinished(stream, false)) {
      callback.call(stream, new codes.ERR_STREAM_PREMATURE_CLOSE());
      return;
    }
    if (writable && !writableFinished && !isWritableFinished(stream, false)) {
      callback.call(stream, new codes.ERR_STREAM_PREMATURE_CLOSE());
      return;
    }
    callback.call(stream);
  };

  // For streams that were already done when finished() was called.
  const onclosed = () => {
    closed = true;
    const errored = isWritableErrored(stream) || isReadableErrored(stream);
    if (errored && typeof errored !== 'boolean') {
      callback.call(stream, errored);
      return;
    }
    callback.call(stream);
  };

  const onrequest = () => {
    stream.req.on('finish', onfinish);
  };

  if (isRequest(stream)) {
    stream.on('complete', onfinish);
    if (!willEmitClose) stream.on('abort', onclose);
    if (stream.req) onrequest();
    else stream.on('request', onrequest);
  } else if (writable && !wState) {
    stream.on('end', onlegacyfinish);
    stream.on('close', onlegacyfinish);
  }

  // http.IncomingMessage reports an aborted request this way.
  if (!willEmitClose && typeof stream.aborted === 'boolean') stream.on('aborted', onclose);

  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);

  if (closed) {
    process.nextTick(onclose);
  } else if (wState?.errorEmitted || rState?.errorEmitted) {
    if (!willEmitClose) process.nextTick(onclosed);
  } else if (!readable && (!willEmitClose || isReadable(stream)) &&
             (writableFinished || isWritable(stream) === false)) {
    process.nextTick(onclosed);
  } else if (!writable && (!willEmitClose || isWritable(stream)) &&
             (readableFinished || isReadable(stream) === false)) {
    process.nextTick(onclosed);
  } else if (rState && stream.req && stream.aborted) {
    process.nextTick(onclosed);
  }

  const cleanup = () => {
    callback = nop;
    stream.removeListener('aborted', onclose);
    stream.removeListener('complete', onfinish);
    stream.removeListener('abort', onclose);
    stream.removeListener('request', onrequest);
    if (stream.req) stream.req.removeListener('finish', onfinish);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('close', onlegacyfinish);
    stream.removeListener('finish', onfinish);
    stream.removeListener('end', onend);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  };

  const signal = options.signal;
  if (signal && !closed) {
    const abort = () => {
      const endCallback = callback;
      cleanup();
      endCallback.call(stream, abortErrorFor(signal));
    };
    if (signal.aborted) {
      process.nextTick(abort);
    } else {
      const disposable = require('events').addAbortListener(signal, abort);
      const original = callback;
      callback = once((...args) => {
        disposable[kDispose]();
        Reflect.apply(original, stream, args);
      });
    }
  }

  return cleanup;
}

function finished(stream, opts) {
  let autoCleanup = false;
  if (opts === null) opts = {};
  if (opts?.cleanup) {
    validateBoolean(opts.cleanup, 'cleanup');
    autoCleanup = opts.cleanup;
  }
  return new Promise((resolve, reject) => {
    const cleanup = eos(stream, opts, (err) => {
      if (autoCleanup) cleanup();
      if (err) reject(err);
      else resolve();
    });
  });
}

eos.finished = finished;

module.exports = eos;
