'use strict';

// addAbortSignal(signal, stream): destroys the stream with an AbortError
// (whose `cause` is the signal's reason) when the signal aborts.

const { codes, abortErrorFor, isNodeStream } = require('internal/streams/utils');

const kDispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');

let eos;

function addAbortSignal(signal, stream) {
  validateSignal(signal, 'signal');
  if (!isNodeStream(stream)) {
    throw new codes.ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  return addAbortSignalNoValidate(signal, stream);
}

function validateSignal(signal, name) {
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

// Used by the stream constructors' `signal` option, which Node does not
// validate beyond being an object with `aborted`.
function addAbortSignalNoValidate(signal, stream) {
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) return stream;
  const onAbort = () => stream.destroy(abortErrorFor(signal));
  if (signal.aborted) {
    onAbort();
  } else {
    const disposable = require('events').addAbortListener(signal, onAbort);
    // The listener goes away with the stream.
    eos ??= require('internal/streams/end-of-stream');
    eos(stream, disposable[kDispose]);
  }
  return stream;
}

module.exports = {
  addAbortSignal,
  addAbortSignalNoValidate,
};
