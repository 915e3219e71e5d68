'use strict';
// WritableStream (WHATWG Streams): the stream, its default writer and controller, with
// the standard's states (writable, erroring, errored, closed), write queue, back-pressure
// and abort; errors are Node's.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE },
} = require('internal/errors');
const {
  kInspect, deferred, markHandled, rejected, promiseCall, validatedMethod, highWaterMarkOf, sizeAlgorithmOf,
  SizedQueue, checkThis, inspectWith, tagged,
} = require('internal/webstreams/util');

const kState = Symbol('kState');
const kWriter = Symbol('kWriter');
const kController = Symbol('kController');
// The queue's marker for a requested close.
const kCloseSentinel = Symbol('kCloseSentinel');

function isWritableStream(value) {
  return value !== null && typeof value === 'object' && kState in value;
}

class WritableStream {
  constructor(sink = undefined, strategy = undefined) {
    if (sink !== undefined && (sink === null || typeof sink !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('sink', 'Object', sink);
    }
    if (strategy !== undefined && (strategy === null || typeof strategy !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('strategy', 'Object', strategy);
    }
    if (sink !== undefined && sink.type !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('type', sink.type);
    this[kState] = {
      state: 'writable',
      storedError: undefined,
      writer: undefined,
      controller: undefined,
      writeRequests: [],
      inFlightWrite: null,
      closeRequest: null,
      inFlightClose: null,
      pendingAbort: null,
      backpressure: false,
    };
    setUpController(this, sink, highWaterMarkOf(strategy, 1), sizeAlgorithmOf(strategy));
  }

  get locked() {
    checkThis(this, kState, 'WritableStream');
    return this[kState].writer !== undefined;
  }

  abort(reason = undefined) {
    if (!isWritableStream(this)) return rejected(new ERR_INVALID_STATE.TypeError('Not a WritableStream'));
    if (this.locked) return rejected(new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    return abortStream(this, reason);
  }

  close() {
    if (!isWritableStream(this)) return rejected(new ERR_INVALID_STATE.TypeError('Not a WritableStream'));
    if (this.locked) return rejected(new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    if (closeQueuedOrInFlight(this)) return rejected(new ERR_INVALID_STATE.TypeError('Failure closing WritableStream'));
    return closeStream(this);
  }

  getWriter() {
    checkThis(this, kState, 'WritableStream');
    return new WritableStreamDefaultWriter(this);
  }
}
WritableStream.prototype[kInspect] = inspectWith('WritableStream', function() {
  return { locked: this.locked, state: this[kState].state };
});

// --- The stream's states -------------------------------------------------------------

function writableState(stream) {
  return stream[kState].state;
}

function storedError(stream) {
  return stream[kState].storedError;
}

function closeQueuedOrInFlight(stream) {
  const s = stream[kState];
  return s.closeRequest !== null || s.inFlightClose !== null;
}

function hasOperationInFlight(stream) {
  const s = stream[kState];
  return s.inFlightWrite !== null || s.inFlightClose !== null;
}

function abortStream(stream, reason) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') return Promise.resolve();
  s.controller[kController].abortController.abort(reason);
  if (s.state === 'closed' || s.state === 'errored') return Promise.resolve();
  if (s.pendingAbort !== null) return s.pendingAbort.d.promise;
  let wasAlreadyErroring = false;
  if (s.state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const d = deferred();
  s.pendingAbort = { d, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) startErroring(stream, reason);
  return d.promise;
}

function closeStream(stream) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') {
    return rejected(new ERR_INVALID_STATE.TypeError(`WritableStream is ${s.state}`));
  }
  const d = deferred();
  s.closeRequest = d;
  const writer = s.writer;
  if (writer !== undefined && s.backpressure && s.state === 'writable') writer[kWriter].ready.resolve();
  const c = s.controller[kController];
  c.queue.push(kCloseSentinel, 0);
  advanceQueueIfNeeded(s.controller);
  return d.promise;
}

function dealWithRejection(stream, error) {
  if (stream[kState].state === 'writable') {
    startErroring(stream, error);
    return;
  }
  finishErroring(stream);
}

function startErroring(stream, reason) {
  const s = stream[kState];
  s.storedError = reason;
  s.state = 'erroring';
  const writer = s.writer;
  if (writer !== undefined) ensureReadyRejected(writer, reason);
  if (!hasOperationInFlight(stream) && s.controller[kController].started) finishErroring(stream);
}

function finishErroring(stream) {
  const s = stream[kState];
  s.state = 'errored';
  s.controller[kController].queue.reset();
  const e = s.storedError;
  for (const request of s.writeRequests.splice(0)) request.reject(e);
  if (s.pendingAbort === null) {
    rejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  const abort = s.pendingAbort;
  s.pendingAbort = null;
  if (abort.wasAlreadyErroring) {
    abort.d.reject(e);
    rejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  s.controller[kController].abortSteps(abort.reason).then(() => {
    abort.d.resolve();
    rejectCloseAndClosedPromiseIfNeeded(stream);
  }, (reason) => {
    abort.d.reject(reason);
    rejectCloseAndClosedPromiseIfNeeded(stream);
  });
}

function rejectCloseAndClosedPromiseIfNeeded(stream) {
  const s = stream[kState];
  if (s.closeRequest !== null) {
    s.closeRequest.reject(s.storedError);
    s.closeRequest = null;
  }
  const writer = s.writer;
  if (writer !== undefined) {
    writer[kWriter].closed.reject(s.storedError);
    markHandled(writer[kWriter].closed.promise);
  }
}

function updateBackpressure(stream, backpressure) {
  const s = stream[kState];
  const writer = s.writer;
  if (writer !== undefined && backpressure !== s.backpressure) {
    if (backpressure) writer[kWriter].ready = deferred();
    else writer[kWriter].ready.resolve();
  }
  s.backpressure = backpressure;
}

// --- Controller ----------------------------------------------------------------------

class WritableStreamDefaultController {
  constructor(key) {
    if (key !== kController) throw new TypeError('Illegal constructor');
  }

  get signal() {
    checkThis(this, kController, 'WritableStreamDefaultController');
    return this[kController].abortController.signal;
  }

  error(e = undefined) {
    checkThis(this, kController, 'WritableStreamDefaultController');
    const c = this[kController];
    if (c.stream[kState].state !== 'writable') return;
    controllerError(this, e);
  }
}

function setUpController(stream, sink, hwm, size) {
  const controller = new WritableStreamDefaultController(kController);
  const start = validatedMethod(sink, 'start', 'sink');
  const write = validatedMethod(sink, 'write', 'sink');
  const close = validatedMethod(sink, 'close', 'sink');
  const abort = validatedMethod(sink, 'abort', 'sink');
  const c = {
    stream,
    queue: new SizedQueue(),
    started: false,
    hwm,
    size,
    abortController: new AbortController(),
    write: (chunk) => promiseCall(write, sink, [chunk, controller]),
    close: () => promiseCall(close, sink, []),
    abort: (reason) => promiseCall(abort, sink, [reason]),
  };
  c.abortSteps = (reason) => {
    const result = c.abort(reason);
    clearAlgorithms(c);
    return result;
  };
  controller[kController] = c;
  stream[kState].controller = controller;
  updateBackpressure(stream, getBackpressure(controller));
  const started = Promise.resolve(start === undefined ? undefined : Reflect.apply(start, sink, [controller]));
  started.then(() => {
    c.started = true;
    advanceQueueIfNeeded(controller);
  }, (e) => {
    c.started = true;
    dealWithRejection(stream, e);
  });
}

function clearAlgorithms(c) {
  c.write = () => Promise.resolve();
  c.close = () => Promise.resolve();
  c.abort = () => Promise.resolve();
  c.size = () => 1;
}

function desiredSize(controller) {
  const c = controller[kController];
  return c.hwm - c.queue.totalSize;
}

function getBackpressure(controller) {
  return desiredSize(controller) <= 0;
}

function controllerError(controller, e) {
  const c = controller[kController];
  clearAlgorithms(c);
  startErroring(c.stream, e);
}

function errorIfNeeded(controller, e) {
  if (controller[kController].stream[kState].state === 'writable') controllerError(controller, e);
}

function advanceQueueIfNeeded(controller) {
  const c = controller[kController];
  const stream = c.stream;
  const s = stream[kState];
  if (!c.started || s.inFlightWrite !== null) return;
  if (s.state === 'erroring') {
    finishErroring(stream);
    return;
  }
  if (c.queue.length === 0) return;
  const value = c.queue.peek();
  if (value === kCloseSentinel) processClose(controller);
  else processWrite(controller, value);
}

function processClose(controller) {
  const c = controller[kController];
  const stream = c.stream;
  const s = stream[kState];
  s.inFlightClose = s.closeRequest;
  s.closeRequest = null;
  c.queue.shift();
  const result = c.close();
  clearAlgorithms(c);
  result.then(() => {
    s.inFlightClose.resolve();
    s.inFlightClose = null;
    if (s.state === 'erroring') {
      s.storedError = undefined;
      if (s.pendingAbort !== null) {
        s.pendingAbort.d.resolve();
        s.pendingAbort = null;
      }
    }
    s.state = 'closed';
    const writer = s.writer;
    if (writer !== undefined) writer[kWriter].closed.resolve();
  }, (e) => {
    s.inFlightClose.reject(e);
    s.inFlightClose = null;
    if (s.pendingAbort !== null) {
      s.pendingAbort.d.reject(e);
      s.pendingAbort = null;
    }
    dealWithRejection(stream, e);
  });
}

function processWrite(controller, chunk) {
  const c = controller[kController];
  const stream = c.stream;
  const s = stream[kState];
  s.inFlightWrite = s.writeRequests.shift();
  c.write(chunk).then(() => {
    s.inFlightWrite.resolve();
    s.inFlightWrite = null;
    const state = s.state;
    c.queue.shift();
    if (!closeQueuedOrInFlight(stream) && state === 'writable') {
      updateBackpressure(stream, getBackpressure(controller));
    }
    advanceQueueIfNeeded(controller);
  }, (e) => {
    if (s.state === 'writable') clearAlgorithms(c);
    s.inFlightWrite.reject(e);
    s.inFlightWrite = null;
    dealWithRejection(stream, e);
  });
}

// --- Writer --------------------------------------------------------------------------

class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isWritableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    if (stream[kState].writer !== undefined) throw new ERR_INVALID_STATE.TypeError('WritableStream is locked');
    const w = { stream, ready: deferred(), closed: deferred() };
    this[kWriter] = w;
    const s = stream[kState];
    s.writer = this;
    if (s.state === 'writable') {
      if (closeQueuedOrInFlight(stream) || !s.backpressure) w.ready.resolve();
    } else if (s.state === 'erroring') {
      w.ready.reject(s.storedError);
      markHandled(w.ready.promise);
    } else if (s.state === 'closed') {
      w.ready.resolve();
      w.closed.resolve();
    } else {
      w.ready.reject(s.storedError);
      markHandled(w.ready.promise);
      w.closed.reject(s.storedError);
      markHandled(w.closed.promise);
    }
  }

  get closed() {
    if (!this || !(kWriter in this)) return rejected(new ERR_INVALID_STATE.TypeError('Not a WritableStreamDefaultWriter'));
    return this[kWriter].closed.promise;
  }

  get ready() {
    if (!this || !(kWriter in this)) return rejected(new ERR_INVALID_STATE.TypeError('Not a WritableStreamDefaultWriter'));
    return this[kWriter].ready.promise;
  }

  get desiredSize() {
    checkThis(this, kWriter, 'WritableStreamDefaultWriter');
    const stream = this[kWriter].stream;
    if (stream === undefined) throw new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream');
    const state = stream[kState].state;
    if (state === 'errored' || state === 'erroring') return null;
    if (state === 'closed') return 0;
    return desiredSize(stream[kState].controller);
  }

  abort(reason = undefined) {
    if (!this || !(kWriter in this)) return rejected(new ERR_INVALID_STATE.TypeError('Not a WritableStreamDefaultWriter'));
    const stream = this[kWriter].stream;
    if (stream === undefined) return rejected(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    return abortStream(stream, reason);
  }

  close() {
    if (!this || !(kWriter in this)) return rejected(new ERR_INVALID_STATE.TypeError('Not a WritableStreamDefaultWriter'));
    const stream = this[kWriter].stream;
    if (stream === undefined) return rejected(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    if (closeQueuedOrInFlight(stream)) return rejected(new ERR_INVALID_STATE.TypeError('Failure to close WritableStream'));
    return closeStream(stream);
  }

  releaseLock() {
    checkThis(this, kWriter, 'WritableStreamDefaultWriter');
    releaseWriter(this);
  }

  write(chunk = undefined) {
    if (!this || !(kWriter in this)) return rejected(new ERR_INVALID_STATE.TypeError('Not a WritableStreamDefaultWriter'));
    const stream = this[kWriter].stream;
    if (stream === undefined) return rejected(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    return writerWrite(this, chunk);
  }
}
WritableStreamDefaultWriter.prototype[kInspect] = inspectWith('WritableStreamDefaultWriter', function() {
  return { stream: this[kWriter].stream, close: this[kWriter].closed.promise, ready: this[kWriter].ready.promise, desiredSize: this.desiredSize };
});

function ensureReadyRejected(writer, e) {
  const w = writer[kWriter];
  if (w.ready.settled) w.ready = deferred();
  w.ready.reject(e);
  markHandled(w.ready.promise);
}

function ensureClosedRejected(writer, e) {
  const w = writer[kWriter];
  if (w.closed.settled) w.closed = deferred();
  w.closed.reject(e);
  markHandled(w.closed.promise);
}

function releaseWriter(writer) {
  const w = writer[kWriter];
  const stream = w.stream;
  if (stream === undefined) return;
  const e = new ERR_INVALID_STATE.TypeError('Writer released');
  ensureReadyRejected(writer, e);
  ensureClosedRejected(writer, e);
  stream[kState].writer = undefined;
  w.stream = undefined;
}

function writerWrite(writer, chunk) {
  const stream = writer[kWriter].stream;
  const s = stream[kState];
  const controller = s.controller;
  const c = controller[kController];
  let size;
  try {
    size = c.size(chunk);
  } catch (e) {
    errorIfNeeded(controller, e);
    size = 1;
  }
  if (stream !== writer[kWriter].stream) return rejected(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
  if (s.state === 'errored') return rejected(s.storedError);
  if (closeQueuedOrInFlight(stream) || s.state === 'closed') {
    return rejected(new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  if (s.state === 'erroring') return rejected(s.storedError);
  const d = deferred();
  s.writeRequests.push(d);
  try {
    c.queue.push(chunk, size);
  } catch (e) {
    errorIfNeeded(controller, e);
    return d.promise;
  }
  if (!closeQueuedOrInFlight(stream) && s.state === 'writable') updateBackpressure(stream, getBackpressure(controller));
  advanceQueueIfNeeded(controller);
  return d.promise;
}

// close() for a pipe's destination: a close that is already under way or moot resolves.
function closeWithErrorPropagation(writer) {
  const stream = writer[kWriter].stream;
  const s = stream[kState];
  if (closeQueuedOrInFlight(stream) || s.state === 'closed') return Promise.resolve();
  if (s.state === 'errored') return rejected(s.storedError);
  return closeStream(stream);
}

tagged(WritableStream);
tagged(WritableStreamDefaultController);
tagged(WritableStreamDefaultWriter);

module.exports = {
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  isWritableStream,
  writableState,
  storedError,
  closeQueuedOrInFlight,
  abortStream,
  releaseWriter,
  closeWithErrorPropagation,
  // For TransformStream.
  controllerErrorIfNeeded: errorIfNeeded,
  kState,
};
