'use strict';
// ReadableStream (WHATWG Streams): default and byte streams, their controllers, default
// and BYOB readers, tee, pipeTo/pipeThrough, async iteration and ReadableStream.from,
// following the standard's algorithms; errors are Node's (ERR_INVALID_STATE …).

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE },
  AbortError,
} = require('internal/errors');
const {
  kInspect, deferred, markHandled, rejected, promiseCall, validatedMethod, highWaterMarkOf, sizeAlgorithmOf,
  SizedQueue, checkThis, inspectWith, tagged,
} = require('internal/webstreams/util');

const kState = Symbol('kState');
const kReader = Symbol('kReader');
const kController = Symbol('kController');
const kRequest = Symbol('kRequest');

function isReadableStream(value) {
  return value !== null && typeof value === 'object' && kState in value && value[kState].kind === 'readable';
}

class ReadableStream {
  constructor(source = undefined, strategy = undefined) {
    if (source !== undefined && (source === null || typeof source !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('source', 'Object', source);
    }
    if (strategy !== undefined && (strategy === null || typeof strategy !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('strategy', 'Object', strategy);
    }
    this[kState] = {
      kind: 'readable',
      state: 'readable',
      reader: undefined,
      storedError: undefined,
      disturbed: false,
      controller: undefined,
    };
    const type = source === undefined ? undefined : source.type;
    if (type !== undefined && `${type}` === 'bytes') {
      if (strategy !== undefined && strategy.size !== undefined) {
        throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.size', strategy.size);
      }
      setUpByteController(this, source, highWaterMarkOf(strategy, 0));
    } else if (type !== undefined) {
      throw new ERR_INVALID_ARG_VALUE('source.type', type);
    } else {
      setUpDefaultController(this, source, highWaterMarkOf(strategy, 1), sizeAlgorithmOf(strategy));
    }
  }

  get locked() {
    checkThis(this, kState, 'ReadableStream');
    return this[kState].reader !== undefined;
  }

  cancel(reason = undefined) {
    if (!isReadableStream(this)) return rejected(new ERR_INVALID_STATE.TypeError('Not a ReadableStream'));
    if (this[kState].reader !== undefined) return rejected(new ERR_INVALID_STATE.TypeError('ReadableStream is locked'));
    return cancelStream(this, reason);
  }

  getReader(options = undefined) {
    checkThis(this, kState, 'ReadableStream');
    const mode = options === undefined || options === null ? undefined : options.mode;
    if (mode === undefined) return new ReadableStreamDefaultReader(this);
    if (`${mode}` !== 'byob') throw new ERR_INVALID_ARG_VALUE('options.mode', mode);
    return new ReadableStreamBYOBReader(this);
  }

  pipeThrough(transform, options = {}) {
    checkThis(this, kState, 'ReadableStream');
    const { readable, writable } = transform || {};
    if (!isReadableStream(readable)) throw new ERR_INVALID_ARG_TYPE('transform.readable', 'ReadableStream', readable);
    if (!require('internal/webstreams/writable').isWritableStream(writable)) {
      throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', writable);
    }
    if (this.locked) throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
    if (writable.locked) throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
    markHandled(pipeTo(this, writable, pipeOptions(options)));
    return readable;
  }

  pipeTo(destination, options = {}) {
    try {
      checkThis(this, kState, 'ReadableStream');
      if (!require('internal/webstreams/writable').isWritableStream(destination)) {
        throw new ERR_INVALID_ARG_TYPE('destination', 'WritableStream', destination);
      }
      const parsed = pipeOptions(options);
      if (this.locked) throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
      if (destination.locked) throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
      return pipeTo(this, destination, parsed);
    } catch (e) {
      return rejected(e);
    }
  }

  tee() {
    checkThis(this, kState, 'ReadableStream');
    return tee(this);
  }

  values(options = undefined) {
    checkThis(this, kState, 'ReadableStream');
    const preventCancel = !!(options !== undefined && options !== null && options.preventCancel);
    return asyncIterator(this, preventCancel);
  }

  [Symbol.asyncIterator](options) {
    return this.values(options);
  }

  static from(iterable) {
    return fromIterable(iterable);
  }
}
ReadableStream.prototype[kInspect] = inspectWith('ReadableStream', function() {
  return { locked: this.locked, state: this[kState].state, supportsBYOB: this[kState].controller instanceof ReadableByteStreamController };
});

function pipeOptions(options) {
  if (options === null || typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  const { signal } = options;
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
  }
  return {
    preventClose: !!options.preventClose,
    preventAbort: !!options.preventAbort,
    preventCancel: !!options.preventCancel,
    signal,
  };
}

// --- Stream state changes ------------------------------------------------------------

function closeStream(stream) {
  const s = stream[kState];
  s.state = 'closed';
  const reader = s.reader;
  if (reader === undefined) return;
  reader[kReader].closed.resolve();
  if (reader instanceof ReadableStreamDefaultReader) {
    const requests = reader[kReader].requests.splice(0);
    for (const r of requests) r.close();
  }
}

function errorStream(stream, e) {
  const s = stream[kState];
  s.state = 'errored';
  s.storedError = e;
  const reader = s.reader;
  if (reader === undefined) return;
  reader[kReader].closed.reject(e);
  markHandled(reader[kReader].closed.promise);
  const requests = reader[kReader].requests.splice(0);
  for (const r of requests) r.error(e);
}

function cancelStream(stream, reason) {
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'closed') return Promise.resolve();
  if (s.state === 'errored') return rejected(s.storedError);
  closeStream(stream);
  const reader = s.reader;
  if (reader instanceof ReadableStreamBYOBReader) {
    const requests = reader[kReader].requests.splice(0);
    for (const r of requests) r.close(undefined);
  }
  return s.controller[kController].cancel(reason).then(() => undefined);
}

function numReadRequests(stream) {
  const reader = stream[kState].reader;
  return reader === undefined ? 0 : reader[kReader].requests.length;
}

function hasDefaultReader(stream) {
  return stream[kState].reader instanceof ReadableStreamDefaultReader;
}

function hasBYOBReader(stream) {
  return stream[kState].reader instanceof ReadableStreamBYOBReader;
}

// --- Default controller --------------------------------------------------------------

class ReadableStreamDefaultController {
  constructor(key) {
    if (key !== kController) throw new TypeError('Illegal constructor');
  }

  get desiredSize() {
    checkThis(this, kController, 'ReadableStreamDefaultController');
    return defaultDesiredSize(this);
  }

  close() {
    checkThis(this, kController, 'ReadableStreamDefaultController');
    if (!defaultCanCloseOrEnqueue(this)) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    defaultClose(this);
  }

  enqueue(chunk = undefined) {
    checkThis(this, kController, 'ReadableStreamDefaultController');
    if (!defaultCanCloseOrEnqueue(this)) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    defaultEnqueue(this, chunk);
  }

  error(e = undefined) {
    checkThis(this, kController, 'ReadableStreamDefaultController');
    defaultError(this, e);
  }
}

function setUpDefaultController(stream, source, hwm, size) {
  const controller = new ReadableStreamDefaultController(kController);
  const start = validatedMethod(source, 'start', 'source');
  const pull = validatedMethod(source, 'pull', 'source');
  const cancel = validatedMethod(source, 'cancel', 'source');
  const c = {
    stream,
    queue: new SizedQueue(),
    started: false,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    hwm,
    size,
    pull: () => promiseCall(pull, source, [controller]),
    // The steps every controller gives its stream: cancel, a read, a reader's release.
    cancel: (reason) => {
      c.queue.reset();
      const result = promiseCall(cancel, source, [reason]);
      clearDefaultAlgorithms(c);
      return result;
    },
    pullSteps: (request) => defaultPullSteps(controller, request),
    releaseSteps: () => {},
  };
  controller[kController] = c;
  stream[kState].controller = controller;
  const started = Promise.resolve(start === undefined ? undefined : Reflect.apply(start, source, [controller]));
  started.then(() => {
    c.started = true;
    defaultCallPullIfNeeded(controller);
  }, (e) => defaultError(controller, e));
}

function clearDefaultAlgorithms(c) {
  c.pull = () => Promise.resolve();
  c.size = () => 1;
}

function defaultDesiredSize(controller) {
  const c = controller[kController];
  const state = c.stream[kState].state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return c.hwm - c.queue.totalSize;
}

function defaultCanCloseOrEnqueue(controller) {
  const c = controller[kController];
  return !c.closeRequested && c.stream[kState].state === 'readable';
}

function defaultClose(controller) {
  const c = controller[kController];
  if (!defaultCanCloseOrEnqueue(controller)) return;
  c.closeRequested = true;
  if (c.queue.length === 0) {
    clearDefaultAlgorithms(c);
    closeStream(c.stream);
  }
}

function defaultEnqueue(controller, chunk) {
  const c = controller[kController];
  if (!defaultCanCloseOrEnqueue(controller)) return;
  const stream = c.stream;
  if (stream[kState].reader !== undefined && numReadRequests(stream) > 0) {
    stream[kState].reader[kReader].requests.shift().chunk(chunk);
  } else {
    let size;
    try {
      size = c.size(chunk);
      c.queue.push(chunk, size);
    } catch (e) {
      defaultError(controller, e);
      throw e;
    }
  }
  defaultCallPullIfNeeded(controller);
}

function defaultError(controller, e) {
  const c = controller[kController];
  if (c.stream[kState].state !== 'readable') return;
  c.queue.reset();
  clearDefaultAlgorithms(c);
  errorStream(c.stream, e);
}

function defaultShouldCallPull(controller) {
  const c = controller[kController];
  if (!defaultCanCloseOrEnqueue(controller) || !c.started) return false;
  if (c.stream[kState].reader !== undefined && numReadRequests(c.stream) > 0) return true;
  return defaultDesiredSize(controller) > 0;
}

function defaultCallPullIfNeeded(controller) {
  callPullIfNeeded(controller, defaultShouldCallPull, defaultError);
}

// Pulls from the source when `shouldPull` says the controller wants more, one pull at a
// time (a wish for another while one runs is remembered); a failed pull is `fail`ed.
function callPullIfNeeded(controller, shouldPull, fail) {
  const c = controller[kController];
  if (!shouldPull(controller)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  c.pull().then(() => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      callPullIfNeeded(controller, shouldPull, fail);
    }
  }, (e) => fail(controller, e));
}

function defaultPullSteps(controller, request) {
  const c = controller[kController];
  if (c.queue.length > 0) {
    const chunk = c.queue.shift();
    if (c.closeRequested && c.queue.length === 0) {
      clearDefaultAlgorithms(c);
      closeStream(c.stream);
    } else {
      defaultCallPullIfNeeded(controller);
    }
    request.chunk(chunk);
    return;
  }
  c.stream[kState].reader[kReader].requests.push(request);
  defaultCallPullIfNeeded(controller);
}

// --- Byte controller -----------------------------------------------------------------

class ReadableStreamBYOBRequest {
  constructor(key) {
    if (key !== kController) throw new TypeError('Illegal constructor');
  }

  get view() {
    checkThis(this, kRequest, 'ReadableStreamBYOBRequest');
    return this[kRequest].view;
  }

  respond(bytesWritten) {
    checkThis(this, kRequest, 'ReadableStreamBYOBRequest');
    const r = this[kRequest];
    if (r.controller === undefined) throw new ERR_INVALID_STATE.TypeError('This BYOB request has been invalidated');
    const n = Number(bytesWritten);
    if (!Number.isFinite(n) || n < 0) throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    byteRespond(r.controller, n);
  }

  respondWithNewView(view) {
    checkThis(this, kRequest, 'ReadableStreamBYOBRequest');
    const r = this[kRequest];
    if (!ArrayBuffer.isView(view)) throw new ERR_INVALID_ARG_TYPE('view', 'ArrayBufferView', view);
    if (r.controller === undefined) throw new ERR_INVALID_STATE.TypeError('This BYOB request has been invalidated');
    byteRespondWithNewView(r.controller, view);
  }
}

class ReadableByteStreamController {
  constructor(key) {
    if (key !== kController) throw new TypeError('Illegal constructor');
  }

  get byobRequest() {
    checkThis(this, kController, 'ReadableByteStreamController');
    const c = this[kController];
    if (c.byobRequest === null && c.pending.length > 0) {
      const d = c.pending[0];
      const view = new Uint8Array(d.buffer, d.byteOffset + d.bytesFilled, d.byteLength - d.bytesFilled);
      const request = new ReadableStreamBYOBRequest(kController);
      request[kRequest] = { controller: this, view };
      c.byobRequest = request;
    }
    return c.byobRequest;
  }

  get desiredSize() {
    checkThis(this, kController, 'ReadableByteStreamController');
    return byteDesiredSize(this);
  }

  close() {
    checkThis(this, kController, 'ReadableByteStreamController');
    const c = this[kController];
    if (c.closeRequested) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    if (c.stream[kState].state !== 'readable') throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    byteClose(this);
  }

  enqueue(chunk) {
    checkThis(this, kController, 'ReadableByteStreamController');
    if (!ArrayBuffer.isView(chunk)) throw new ERR_INVALID_ARG_TYPE('chunk', ['Buffer', 'TypedArray', 'DataView'], chunk);
    if (chunk.byteLength === 0) throw new ERR_INVALID_ARG_VALUE('chunk', chunk, 'cannot be empty');
    if (chunk.buffer.byteLength === 0) throw new ERR_INVALID_ARG_VALUE('chunk', chunk, 'cannot have a detached buffer');
    const c = this[kController];
    if (c.closeRequested) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    if (c.stream[kState].state !== 'readable') throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    byteEnqueue(this, chunk);
  }

  error(e = undefined) {
    checkThis(this, kController, 'ReadableByteStreamController');
    byteError(this, e);
  }
}

function setUpByteController(stream, source, hwm) {
  const controller = new ReadableByteStreamController(kController);
  const start = validatedMethod(source, 'start', 'source');
  const pull = validatedMethod(source, 'pull', 'source');
  const cancel = validatedMethod(source, 'cancel', 'source');
  let autoAllocateChunkSize = source.autoAllocateChunkSize;
  if (autoAllocateChunkSize !== undefined) {
    autoAllocateChunkSize = Number(autoAllocateChunkSize);
    if (!Number.isInteger(autoAllocateChunkSize) || autoAllocateChunkSize <= 0) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('source.autoAllocateChunkSize', source.autoAllocateChunkSize);
    }
  }
  const c = {
    stream,
    // Entries { buffer, byteOffset, byteLength }.
    queue: [],
    queueTotalSize: 0,
    // Pull-into descriptors: { buffer, byteOffset, byteLength, bytesFilled, minimumFill,
    // elementSize, ctor, readerType }.
    pending: [],
    byobRequest: null,
    started: false,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    hwm,
    autoAllocateChunkSize,
    pull: () => promiseCall(pull, source, [controller]),
    sourceCancel: (reason) => promiseCall(cancel, source, [reason]),
    pullSteps: (request) => bytePullSteps(controller, request),
    releaseSteps: () => {
      if (c.pending.length > 0) {
        const first = c.pending[0];
        first.readerType = 'none';
        c.pending = [first];
      }
    },
  };
  c.cancel = (reason) => {
    clearPending(controller);
    c.queue = [];
    c.queueTotalSize = 0;
    const result = c.sourceCancel(reason);
    clearByteAlgorithms(c);
    return result;
  };
  controller[kController] = c;
  stream[kState].controller = controller;
  const started = Promise.resolve(start === undefined ? undefined : Reflect.apply(start, source, [controller]));
  started.then(() => {
    c.started = true;
    byteCallPullIfNeeded(controller);
  }, (e) => byteError(controller, e));
}

function clearByteAlgorithms(c) {
  c.pull = () => Promise.resolve();
  c.sourceCancel = () => Promise.resolve();
}

function invalidateBYOBRequest(c) {
  if (c.byobRequest === null) return;
  c.byobRequest[kRequest].controller = undefined;
  c.byobRequest[kRequest].view = null;
  c.byobRequest = null;
}

function clearPending(controller) {
  const c = controller[kController];
  invalidateBYOBRequest(c);
  c.pending = [];
}

function byteDesiredSize(controller) {
  const c = controller[kController];
  const state = c.stream[kState].state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return c.hwm - c.queueTotalSize;
}

function byteError(controller, e) {
  const c = controller[kController];
  if (c.stream[kState].state !== 'readable') return;
  clearPending(controller);
  c.queue = [];
  c.queueTotalSize = 0;
  clearByteAlgorithms(c);
  errorStream(c.stream, e);
}

function byteClose(controller) {
  const c = controller[kController];
  if (c.closeRequested || c.stream[kState].state !== 'readable') return;
  if (c.queueTotalSize > 0) {
    c.closeRequested = true;
    return;
  }
  if (c.pending.length > 0) {
    const first = c.pending[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const e = new ERR_INVALID_STATE.TypeError('Partial read');
      byteError(controller, e);
      throw e;
    }
  }
  clearByteAlgorithms(c);
  closeStream(c.stream);
}

function transferBuffer(buffer) {
  return typeof buffer.transfer === 'function' ? buffer.transfer() : buffer.slice(0);
}

function byteEnqueue(controller, chunk) {
  const c = controller[kController];
  const stream = c.stream;
  const byteOffset = chunk.byteOffset;
  const byteLength = chunk.byteLength;
  const buffer = transferBuffer(chunk.buffer);
  if (c.pending.length > 0) {
    invalidateBYOBRequest(c);
    const first = c.pending[0];
    first.buffer = transferBuffer(first.buffer);
    if (first.readerType === 'none') enqueueDetachedPullInto(controller, first);
  }
  if (hasDefaultReader(stream)) {
    processReadRequestsUsingQueue(controller);
    if (numReadRequests(stream) === 0) {
      enqueueChunk(c, buffer, byteOffset, byteLength);
    } else {
      if (c.pending.length > 0) c.pending.shift();
      stream[kState].reader[kReader].requests.shift().chunk(new Uint8Array(buffer, byteOffset, byteLength));
    }
  } else if (hasBYOBReader(stream)) {
    enqueueChunk(c, buffer, byteOffset, byteLength);
    processPullIntosUsingQueue(controller);
  } else {
    enqueueChunk(c, buffer, byteOffset, byteLength);
  }
  byteCallPullIfNeeded(controller);
}

function enqueueChunk(c, buffer, byteOffset, byteLength) {
  c.queue.push({ buffer, byteOffset, byteLength });
  c.queueTotalSize += byteLength;
}

function enqueueDetachedPullInto(controller, d) {
  const c = controller[kController];
  if (d.bytesFilled > 0) enqueueChunk(c, d.buffer.slice(d.byteOffset, d.byteOffset + d.bytesFilled), 0, d.bytesFilled);
  c.pending.shift();
}

function processReadRequestsUsingQueue(controller) {
  const c = controller[kController];
  const reader = c.stream[kState].reader;
  while (reader[kReader].requests.length > 0 && c.queueTotalSize > 0) {
    const entry = c.queue.shift();
    c.queueTotalSize -= entry.byteLength;
    handleQueueDrain(controller);
    reader[kReader].requests.shift().chunk(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
  }
}

function handleQueueDrain(controller) {
  const c = controller[kController];
  if (c.queueTotalSize === 0 && c.closeRequested) {
    clearByteAlgorithms(c);
    closeStream(c.stream);
  } else {
    byteCallPullIfNeeded(controller);
  }
}

// Copies queued bytes into descriptor `d`; whether it reached its minimum fill.
function fillPullIntoFromQueue(controller, d) {
  const c = controller[kController];
  const maxBytes = Math.min(c.queueTotalSize, d.byteLength - d.bytesFilled);
  const maxAligned = d.bytesFilled + maxBytes - ((d.bytesFilled + maxBytes) % d.elementSize);
  let toCopy = maxBytes;
  let ready = false;
  if (maxAligned >= d.minimumFill) {
    toCopy = maxAligned - d.bytesFilled;
    ready = true;
  }
  const target = new Uint8Array(d.buffer);
  while (toCopy > 0) {
    const head = c.queue[0];
    const n = Math.min(toCopy, head.byteLength);
    target.set(new Uint8Array(head.buffer, head.byteOffset, n), d.byteOffset + d.bytesFilled);
    if (head.byteLength === n) c.queue.shift();
    else {
      head.byteOffset += n;
      head.byteLength -= n;
    }
    c.queueTotalSize -= n;
    d.bytesFilled += n;
    toCopy -= n;
  }
  return ready;
}

function processPullIntosUsingQueue(controller) {
  const c = controller[kController];
  while (c.pending.length > 0) {
    if (c.queueTotalSize === 0) return;
    const d = c.pending[0];
    if (fillPullIntoFromQueue(controller, d)) {
      c.pending.shift();
      commitPullInto(c.stream, d);
    }
  }
}

function viewOf(d) {
  const elements = d.bytesFilled / d.elementSize;
  return new d.ctor(d.buffer, d.byteOffset, elements);
}

function commitPullInto(stream, d) {
  const done = stream[kState].state === 'closed';
  if (done) d.bytesFilled = 0;
  const view = viewOf(d);
  const requests = stream[kState].reader[kReader].requests;
  if (d.readerType === 'default') requests.shift().chunk(view);
  else if (d.readerType === 'byob') {
    const request = requests.shift();
    if (done) request.close(view);
    else request.chunk(view);
  }
}

function bytePullSteps(controller, request) {
  const c = controller[kController];
  if (c.queueTotalSize > 0) {
    const entry = c.queue.shift();
    c.queueTotalSize -= entry.byteLength;
    handleQueueDrain(controller);
    request.chunk(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
    return;
  }
  if (c.autoAllocateChunkSize !== undefined) {
    c.pending.push({
      buffer: new ArrayBuffer(c.autoAllocateChunkSize), byteOffset: 0, byteLength: c.autoAllocateChunkSize,
      bytesFilled: 0, minimumFill: 1, elementSize: 1, ctor: Uint8Array, readerType: 'default',
    });
  }
  c.stream[kState].reader[kReader].requests.push(request);
  byteCallPullIfNeeded(controller);
}

function bytePullInto(controller, view, min, request) {
  const c = controller[kController];
  const stream = c.stream;
  const ctor = view.constructor;
  const elementSize = ctor.BYTES_PER_ELEMENT || 1;
  const { byteOffset, byteLength } = view;
  const d = {
    buffer: transferBuffer(view.buffer), byteOffset, byteLength, bytesFilled: 0,
    minimumFill: min * elementSize, elementSize, ctor: view instanceof DataView ? DataView : ctor, readerType: 'byob',
  };
  if (c.pending.length > 0) {
    c.pending.push(d);
    stream[kState].reader[kReader].requests.push(request);
    return;
  }
  if (stream[kState].state === 'closed') {
    request.close(new d.ctor(d.buffer, d.byteOffset, 0));
    return;
  }
  if (c.queueTotalSize > 0) {
    if (fillPullIntoFromQueue(controller, d)) {
      handleQueueDrain(controller);
      request.chunk(viewOf(d));
      return;
    }
    if (c.closeRequested) {
      const e = new ERR_INVALID_STATE.TypeError('Partial read');
      byteError(controller, e);
      request.error(e);
      return;
    }
  }
  c.pending.push(d);
  stream[kState].reader[kReader].requests.push(request);
  byteCallPullIfNeeded(controller);
}

function byteRespond(controller, bytesWritten) {
  const c = controller[kController];
  const d = c.pending[0];
  const state = c.stream[kState].state;
  if (state === 'closed') {
    if (bytesWritten !== 0) throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
  } else if (bytesWritten === 0 || d.bytesFilled + bytesWritten > d.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
  }
  d.buffer = transferBuffer(d.buffer);
  respondInternal(controller, bytesWritten);
}

function byteRespondWithNewView(controller, view) {
  const c = controller[kController];
  const d = c.pending[0];
  const state = c.stream[kState].state;
  if (state === 'closed' ? view.byteLength !== 0 : view.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  if (d.byteOffset + d.bytesFilled !== view.byteOffset || d.buffer.byteLength !== view.buffer.byteLength ||
      d.bytesFilled + view.byteLength > d.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  const viewLength = view.byteLength;
  d.buffer = transferBuffer(view.buffer);
  respondInternal(controller, viewLength);
}

function respondInternal(controller, bytesWritten) {
  const c = controller[kController];
  const d = c.pending[0];
  invalidateBYOBRequest(c);
  const stream = c.stream;
  if (stream[kState].state === 'closed') {
    if (d.readerType === 'none') c.pending.shift();
    if (hasBYOBReader(stream)) {
      while (numReadRequests(stream) > 0) commitPullInto(stream, c.pending.shift());
    }
  } else {
    d.bytesFilled += bytesWritten;
    if (d.readerType === 'none') {
      enqueueDetachedPullInto(controller, d);
      processPullIntosUsingQueue(controller);
    } else if (d.bytesFilled >= d.minimumFill) {
      c.pending.shift();
      const remainder = d.bytesFilled % d.elementSize;
      if (remainder > 0) {
        const end = d.byteOffset + d.bytesFilled;
        enqueueChunk(c, d.buffer.slice(end - remainder, end), 0, remainder);
      }
      d.bytesFilled -= remainder;
      commitPullInto(stream, d);
      processPullIntosUsingQueue(controller);
    }
  }
  byteCallPullIfNeeded(controller);
}

function byteShouldCallPull(controller) {
  const c = controller[kController];
  const stream = c.stream;
  if (stream[kState].state !== 'readable' || c.closeRequested || !c.started) return false;
  if ((hasDefaultReader(stream) || hasBYOBReader(stream)) && numReadRequests(stream) > 0) return true;
  return byteDesiredSize(controller) > 0;
}

function byteCallPullIfNeeded(controller) {
  callPullIfNeeded(controller, byteShouldCallPull, byteError);
}

// --- Readers -------------------------------------------------------------------------

function initReader(reader, stream) {
  if (!isReadableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
  if (stream[kState].reader !== undefined) throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
  const closed = deferred();
  reader[kReader] = { stream, closed, requests: [] };
  stream[kState].reader = reader;
  const state = stream[kState].state;
  if (state === 'closed') closed.resolve();
  else if (state === 'errored') {
    closed.reject(stream[kState].storedError);
    markHandled(closed.promise);
  }
}

function releaseReader(reader) {
  const r = reader[kReader];
  const stream = r.stream;
  if (stream === undefined) return;
  const e = new ERR_INVALID_STATE.TypeError('Reader released');
  if (stream[kState].state === 'readable') r.closed.reject(e);
  else {
    r.closed = deferred();
    r.closed.reject(e);
  }
  markHandled(r.closed.promise);
  stream[kState].controller[kController].releaseSteps();
  stream[kState].reader = undefined;
  r.stream = undefined;
  const requests = r.requests.splice(0);
  const releasing = new ERR_INVALID_STATE.TypeError('Releasing reader');
  for (const request of requests) request.error(releasing);
}

// A read request's three outcomes, settling `d`.
function readRequest(d) {
  return {
    chunk: (value) => d.resolve({ value, done: false }),
    close: (value) => d.resolve({ value, done: true }),
    error: (e) => d.reject(e),
  };
}

class ReadableStreamDefaultReader {
  constructor(stream) {
    initReader(this, stream);
  }

  read() {
    if (!this || !(kReader in this)) return rejected(new ERR_INVALID_STATE.TypeError('Not a ReadableStreamDefaultReader'));
    const stream = this[kReader].stream;
    if (stream === undefined) return rejected(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    const d = deferred();
    defaultReaderRead(this, readRequest(d));
    return d.promise;
  }

  releaseLock() {
    checkThis(this, kReader, 'ReadableStreamDefaultReader');
    releaseReader(this);
  }

  get closed() {
    if (!this || !(kReader in this)) return rejected(new ERR_INVALID_STATE.TypeError('Not a ReadableStreamDefaultReader'));
    return this[kReader].closed.promise;
  }

  cancel(reason = undefined) {
    if (!this || !(kReader in this)) return rejected(new ERR_INVALID_STATE.TypeError('Not a ReadableStreamDefaultReader'));
    const stream = this[kReader].stream;
    if (stream === undefined) return rejected(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    return cancelStream(stream, reason);
  }
}
ReadableStreamDefaultReader.prototype[kInspect] = inspectWith('ReadableStreamDefaultReader', function() {
  return { stream: this[kReader].stream, readRequests: this[kReader].requests.length, close: this[kReader].closed.promise };
});

function defaultReaderRead(reader, request) {
  const stream = reader[kReader].stream;
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'closed') request.close(undefined);
  else if (s.state === 'errored') request.error(s.storedError);
  else s.controller[kController].pullSteps(request);
}

class ReadableStreamBYOBReader {
  constructor(stream) {
    if (isReadableStream(stream) && !(stream[kState].controller instanceof ReadableByteStreamController)) {
      throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be a byte stream');
    }
    initReader(this, stream);
  }

  read(view, options = undefined) {
    if (!this || !(kReader in this)) return rejected(new ERR_INVALID_STATE.TypeError('Not a ReadableStreamBYOBReader'));
    if (!ArrayBuffer.isView(view)) return rejected(new ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view));
    if (view.byteLength === 0) return rejected(new ERR_INVALID_STATE.TypeError('View or Viewed ArrayBuffer is zero-length or detached'));
    if (view.buffer.byteLength === 0) return rejected(new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached'));
    let min = 1;
    if (options !== undefined && options !== null && options.min !== undefined) {
      min = Number(options.min);
      const length = view instanceof DataView ? view.byteLength : view.length;
      if (!Number.isInteger(min) || min <= 0 || min > length) {
        return rejected(new ERR_INVALID_ARG_VALUE.RangeError('options.min', options.min));
      }
    }
    const stream = this[kReader].stream;
    if (stream === undefined) return rejected(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    const d = deferred();
    const request = readRequest(d);
    const s = stream[kState];
    s.disturbed = true;
    if (s.state === 'errored') request.error(s.storedError);
    else bytePullInto(s.controller, view, min, request);
    return d.promise;
  }

  releaseLock() {
    checkThis(this, kReader, 'ReadableStreamBYOBReader');
    releaseReader(this);
  }

  get closed() {
    if (!this || !(kReader in this)) return rejected(new ERR_INVALID_STATE.TypeError('Not a ReadableStreamBYOBReader'));
    return this[kReader].closed.promise;
  }

  cancel(reason = undefined) {
    if (!this || !(kReader in this)) return rejected(new ERR_INVALID_STATE.TypeError('Not a ReadableStreamBYOBReader'));
    const stream = this[kReader].stream;
    if (stream === undefined) return rejected(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    return cancelStream(stream, reason);
  }
}

// --- tee, iteration, from ------------------------------------------------------------

function tee(stream) {
  const reader = new ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelled = deferred();
  const pull = () => {
    if (reading) {
      readAgain = true;
      return Promise.resolve();
    }
    reading = true;
    defaultReaderRead(reader, {
      chunk: (chunk) => {
        queueMicrotask(() => {
          readAgain = false;
          if (!canceled1) defaultEnqueue(branch1[kState].controller, chunk);
          if (!canceled2) defaultEnqueue(branch2[kState].controller, chunk);
          reading = false;
          if (readAgain) pull();
        });
      },
      close: () => {
        reading = false;
        if (!canceled1) defaultClose(branch1[kState].controller);
        if (!canceled2) defaultClose(branch2[kState].controller);
        if (!canceled1 || !canceled2) cancelled.resolve(undefined);
      },
      error: () => {
        reading = false;
      },
    });
    return Promise.resolve();
  };
  const cancelBranch = (which) => (reason) => {
    if (which === 1) {
      canceled1 = true;
      reason1 = reason;
    } else {
      canceled2 = true;
      reason2 = reason;
    }
    if (canceled1 && canceled2) cancelled.resolve(cancelStream(stream, [reason1, reason2]));
    return cancelled.promise;
  };
  branch1 = new ReadableStream({ pull, cancel: cancelBranch(1) });
  branch2 = new ReadableStream({ pull, cancel: cancelBranch(2) });
  reader[kReader].closed.promise.catch((e) => {
    defaultError(branch1[kState].controller, e);
    defaultError(branch2[kState].controller, e);
    if (!canceled1 || !canceled2) cancelled.resolve(undefined);
  });
  return [branch1, branch2];
}

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

function asyncIterator(stream, preventCancel) {
  const reader = new ReadableStreamDefaultReader(stream);
  let finished = false;
  let ongoing = null;
  const next = () => {
    if (finished) return Promise.resolve({ value: undefined, done: true });
    const d = deferred();
    defaultReaderRead(reader, {
      chunk: (value) => d.resolve({ value, done: false }),
      close: () => {
        finished = true;
        releaseReader(reader);
        d.resolve({ value: undefined, done: true });
      },
      error: (e) => {
        finished = true;
        releaseReader(reader);
        d.reject(e);
      },
    });
    return d.promise;
  };
  const returnSteps = (value) => {
    if (finished) return Promise.resolve({ value, done: true });
    finished = true;
    if (reader[kReader].stream === undefined) return Promise.resolve({ value, done: true });
    if (!preventCancel) {
      const result = cancelStream(reader[kReader].stream, value);
      releaseReader(reader);
      return result.then(() => ({ value, done: true }));
    }
    releaseReader(reader);
    return Promise.resolve({ value, done: true });
  };
  const iterator = Object.create(AsyncIteratorPrototype, {
    next: {
      value() {
        ongoing = ongoing === null ? next() : ongoing.then(next, next);
        const current = ongoing;
        current.then(() => {
          if (ongoing === current) ongoing = null;
        }, () => {
          if (ongoing === current) ongoing = null;
        });
        return current;
      },
      writable: true,
      configurable: true,
    },
    return: {
      value(value) {
        const run = () => returnSteps(value);
        return ongoing === null ? run() : ongoing.then(run, run);
      },
      writable: true,
      configurable: true,
    },
    [Symbol.toStringTag]: { value: 'ReadableStreamAsyncIterator', configurable: true },
  });
  return iterator;
}

function fromIterable(iterable) {
  if (iterable === null || iterable === undefined) throw new ERR_INVALID_ARG_TYPE('iterable', 'Iterable', iterable);
  if (isReadableStream(iterable)) return iterable;
  const method = iterable[Symbol.asyncIterator] ?? iterable[Symbol.iterator];
  if (typeof method !== 'function') throw new ERR_INVALID_ARG_TYPE('iterable', 'Iterable', iterable);
  let iterator = Reflect.apply(method, iterable, []);
  if (iterator === null || typeof iterator !== 'object') throw new ERR_INVALID_STATE.TypeError('The iterator method must return an object');
  if (iterable[Symbol.asyncIterator] === undefined) {
    const sync = iterator;
    iterator = {
      next: () => {
        const r = sync.next();
        return Promise.resolve(r.value).then((value) => ({ value, done: r.done }));
      },
      return: typeof sync.return === 'function' ? (v) => Promise.resolve(sync.return(v)) : undefined,
    };
  }
  return new ReadableStream({
    pull(controller) {
      return Promise.resolve(iterator.next()).then((result) => {
        if (result === null || typeof result !== 'object') throw new TypeError('The iterator result must be an object');
        if (result.done) controller.close();
        else controller.enqueue(result.value);
      });
    },
    cancel(reason) {
      const ret = iterator.return;
      if (ret === undefined || ret === null) return undefined;
      return Promise.resolve(Reflect.apply(ret, iterator, [reason])).then((result) => {
        if (result === null || typeof result !== 'object') throw new TypeError('The iterator result must be an object');
      });
    },
  }, { highWaterMark: 0 });
}

// --- pipeTo --------------------------------------------------------------------------

function pipeTo(source, dest, { preventClose, preventAbort, preventCancel, signal }) {
  const W = require('internal/webstreams/writable');
  const reader = new ReadableStreamDefaultReader(source);
  const writer = new W.WritableStreamDefaultWriter(dest);
  source[kState].disturbed = true;
  const done = deferred();
  let shuttingDown = false;
  let currentWrite = Promise.resolve();
  let abortListener;

  const finalize = (isError, error) => {
    W.releaseWriter(writer);
    releaseReader(reader);
    if (signal !== undefined && abortListener !== undefined) signal.removeEventListener('abort', abortListener);
    if (isError) done.reject(error);
    else done.resolve(undefined);
  };
  const waitForWrites = () => {
    const last = currentWrite;
    return last.then(() => (last !== currentWrite ? waitForWrites() : undefined), () => undefined);
  };
  const shutdownWithAction = (action, originalIsError, originalError) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const run = () => action().then(() => finalize(originalIsError, originalError), (e) => finalize(true, e));
    if (W.writableState(dest) === 'writable' && !W.closeQueuedOrInFlight(dest)) waitForWrites().then(run);
    else run();
  };
  const shutdown = (isError, error) => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (W.writableState(dest) === 'writable' && !W.closeQueuedOrInFlight(dest)) {
      waitForWrites().then(() => finalize(isError, error));
    } else {
      finalize(isError, error);
    }
  };

  if (signal !== undefined) {
    abortListener = () => {
      const error = signal.reason !== undefined ? signal.reason : new AbortError();
      const actions = [];
      if (!preventAbort) {
        actions.push(() => (W.writableState(dest) === 'writable' ? W.abortStream(dest, error) : Promise.resolve()));
      }
      if (!preventCancel) {
        actions.push(() => (source[kState].state === 'readable' ? cancelStream(source, error) : Promise.resolve()));
      }
      shutdownWithAction(() => Promise.all(actions.map((a) => a())), true, error);
    };
    if (signal.aborted) {
      abortListener();
      return done.promise;
    }
    signal.addEventListener('abort', abortListener, { once: true });
  }

  // Errors and closes, as they happen on either side.
  const onSourceErrored = (e) => {
    if (!preventAbort) shutdownWithAction(() => W.abortStream(dest, e), true, e);
    else shutdown(true, e);
  };
  const onDestErrored = (e) => {
    if (!preventCancel) shutdownWithAction(() => cancelStream(source, e), true, e);
    else shutdown(true, e);
  };
  const onSourceClosed = () => {
    if (!preventClose) shutdownWithAction(() => W.closeWithErrorPropagation(writer));
    else shutdown(false);
  };
  const onDestClosed = () => {
    const e = new ERR_INVALID_STATE.TypeError('the destination stream is closed');
    if (!preventCancel) shutdownWithAction(() => cancelStream(source, e), true, e);
    else shutdown(true, e);
  };

  if (source[kState].state === 'errored') onSourceErrored(source[kState].storedError);
  else if (W.writableState(dest) === 'errored' || W.writableState(dest) === 'erroring') onDestErrored(W.storedError(dest));
  else if (source[kState].state === 'closed') onSourceClosed();
  else if (W.closeQueuedOrInFlight(dest) || W.writableState(dest) === 'closed') onDestClosed();
  if (shuttingDown) return done.promise;

  reader[kReader].closed.promise.then(() => {
    if (!shuttingDown) onSourceClosed();
  }, (e) => {
    if (!shuttingDown) onSourceErrored(e);
  });
  writer.closed.then(() => {}, (e) => {
    if (!shuttingDown) onDestErrored(e);
  });

  const step = () => {
    if (shuttingDown) return;
    writer.ready.then(() => {
      if (shuttingDown) return;
      defaultReaderRead(reader, {
        chunk: (chunk) => {
          currentWrite = writer.write(chunk);
          markHandled(currentWrite);
          step();
        },
        close: () => {},
        error: () => {},
      });
    }, () => {});
  };
  step();
  return done.promise;
}

tagged(ReadableStream);
tagged(ReadableStreamDefaultController);
tagged(ReadableStreamBYOBRequest);
tagged(ReadableByteStreamController);
tagged(ReadableStreamDefaultReader);
tagged(ReadableStreamBYOBReader);

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
  isReadableStream,
  isDisturbed: (stream) => stream[kState].disturbed,
  // For TransformStream: its readable side driven directly.
  defaultEnqueue,
  defaultClose,
  defaultError,
  defaultDesiredSize,
  defaultCanCloseOrEnqueue,
  kState,
  kController,
};
