'use strict';
// TransformStream (WHATWG Streams): a writable side whose chunks the transformer turns
// into the readable side's, with back-pressure from the readable side to the writable.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE },
} = require('internal/errors');
const { kInspect, deferred, promiseCall, validatedMethod, checkThis, inspectWith, tagged } = require('internal/webstreams/util');
const R = require('internal/webstreams/readable');
const W = require('internal/webstreams/writable');

const kTransform = Symbol('kTransform');
const kController = Symbol('kController');

class TransformStream {
  constructor(transformer = undefined, writableStrategy = {}, readableStrategy = {}) {
    if (transformer !== undefined && (transformer === null || typeof transformer !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('transformer', 'Object', transformer);
    }
    if (transformer !== undefined && transformer.readableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.readableType', transformer.readableType);
    }
    if (transformer !== undefined && transformer.writableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.writableType', transformer.writableType);
    }
    const start = validatedMethod(transformer, 'start', 'transformer');
    const transform = validatedMethod(transformer, 'transform', 'transformer');
    const flush = validatedMethod(transformer, 'flush', 'transformer');
    const startPromise = deferred();
    const t = {
      readable: undefined,
      writable: undefined,
      backpressure: undefined,
      backpressureChange: undefined,
      controller: undefined,
    };
    this[kTransform] = t;
    t.writable = new W.WritableStream({
      start: () => startPromise.promise,
      write: (chunk) => sinkWrite(t, chunk),
      abort: (reason) => {
        errorBoth(t, reason);
        return Promise.resolve();
      },
      close: () => sinkClose(t),
    }, { highWaterMark: writableStrategy?.highWaterMark ?? 1, size: writableStrategy?.size });
    t.readable = new R.ReadableStream({
      start: () => startPromise.promise,
      pull: () => {
        setBackpressure(t, false);
        return t.backpressureChange.promise;
      },
      cancel: (reason) => {
        errorWritableAndUnblockWrite(t, reason);
        return Promise.resolve();
      },
    }, { highWaterMark: readableStrategy?.highWaterMark ?? 0, size: readableStrategy?.size });
    setBackpressure(t, true);
    const controller = new TransformStreamDefaultController(kController);
    controller[kController] = {
      stream: t,
      transform: transform === undefined
        ? (chunk) => {
          try {
            enqueue(t, chunk);
            return Promise.resolve();
          } catch (e) {
            return Promise.reject(e);
          }
        }
        : (chunk) => promiseCall(transform, transformer, [chunk, controller]),
      flush: (c) => promiseCall(flush, transformer, [c]),
    };
    t.controller = controller;
    try {
      startPromise.resolve(start === undefined ? undefined : Reflect.apply(start, transformer, [controller]));
    } catch (e) {
      startPromise.reject(e);
      throw e;
    }
  }

  get readable() {
    checkThis(this, kTransform, 'TransformStream');
    return this[kTransform].readable;
  }

  get writable() {
    checkThis(this, kTransform, 'TransformStream');
    return this[kTransform].writable;
  }
}
TransformStream.prototype[kInspect] = inspectWith('TransformStream', function() {
  const t = this[kTransform];
  return { readable: t.readable, writable: t.writable, backpressure: t.backpressure };
});

class TransformStreamDefaultController {
  constructor(key) {
    if (key !== kController) throw new TypeError('Illegal constructor');
  }

  get desiredSize() {
    checkThis(this, kController, 'TransformStreamDefaultController');
    return R.defaultDesiredSize(readableController(this[kController].stream));
  }

  enqueue(chunk = undefined) {
    checkThis(this, kController, 'TransformStreamDefaultController');
    enqueue(this[kController].stream, chunk);
  }

  error(reason = undefined) {
    checkThis(this, kController, 'TransformStreamDefaultController');
    errorBoth(this[kController].stream, reason);
  }

  terminate() {
    checkThis(this, kController, 'TransformStreamDefaultController');
    const t = this[kController].stream;
    R.defaultClose(readableController(t));
    errorWritableAndUnblockWrite(t, new ERR_INVALID_STATE.TypeError('TransformStream terminated'));
  }
}

function readableController(t) {
  return t.readable[R.kState].controller;
}

function setBackpressure(t, backpressure) {
  if (t.backpressureChange !== undefined) t.backpressureChange.resolve();
  t.backpressureChange = deferred();
  t.backpressure = backpressure;
}

function enqueue(t, chunk) {
  const rc = readableController(t);
  if (!R.defaultCanCloseOrEnqueue(rc)) {
    throw new ERR_INVALID_STATE.TypeError('Unable to enqueue');
  }
  try {
    R.defaultEnqueue(rc, chunk);
  } catch (e) {
    errorWritableAndUnblockWrite(t, e);
    throw t.readable[R.kState].storedError;
  }
  const backpressure = R.defaultDesiredSize(rc) <= 0;
  if (backpressure !== t.backpressure) setBackpressure(t, true);
}

function errorBoth(t, e) {
  R.defaultError(readableController(t), e);
  errorWritableAndUnblockWrite(t, e);
}

function errorWritableAndUnblockWrite(t, e) {
  if (t.controller !== undefined) {
    const c = t.controller[kController];
    c.transform = () => Promise.resolve();
    c.flush = () => Promise.resolve();
  }
  W.controllerErrorIfNeeded(t.writable[W.kState].controller, e);
  if (t.backpressure) setBackpressure(t, false);
}

function performTransform(t, chunk) {
  return t.controller[kController].transform(chunk).then(undefined, (e) => {
    errorBoth(t, e);
    throw e;
  });
}

function sinkWrite(t, chunk) {
  if (!t.backpressure) return performTransform(t, chunk);
  return t.backpressureChange.promise.then(() => {
    if (W.writableState(t.writable) === 'erroring') throw W.storedError(t.writable);
    return performTransform(t, chunk);
  });
}

function sinkClose(t) {
  const c = t.controller[kController];
  const flushed = c.flush(t.controller);
  c.transform = () => Promise.resolve();
  c.flush = () => Promise.resolve();
  return flushed.then(() => {
    const rs = t.readable[R.kState];
    if (rs.state === 'errored') throw rs.storedError;
    R.defaultClose(readableController(t));
  }, (e) => {
    errorBoth(t, e);
    throw t.readable[R.kState].storedError;
  });
}

tagged(TransformStream);
tagged(TransformStreamDefaultController);

module.exports = { TransformStream, TransformStreamDefaultController };
