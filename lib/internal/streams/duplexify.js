'use strict';

// Duplex.from(body): turns about anything into a Duplex.
//   - a Duplex is returned as is; a Readable or Writable is wrapped, its
//     other side switched off;
//   - an async generator function `async function* (source, { signal })`
//     becomes a transform: written chunks are its `source`, what it yields
//     is readable; an async function consuming `source` is a writable sink;
//   - an iterable / async iterable becomes the readable side;
//   - a promise: its value (if not null) is the single readable chunk;
//   - `{ readable, writable }` pairs the two given streams.

const Duplex = require('internal/streams/duplex');
const Readable = require('internal/streams/readable');
const eos = require('internal/streams/end-of-stream');
const from = require('internal/streams/from');
const { destroyer } = require('internal/streams/destroy');
const {
  codes,
  abortErrorFor,
  isDuplexNodeStream,
  isIterable,
  isNodeStream,
  isReadable,
  isReadableNodeStream,
  isWritable,
  isWritableNodeStream,
  newAbortError,
} = require('internal/streams/utils');

// Named for what inspect() shows; the side switched off by the options is
// set up by Duplex itself.
class Duplexify extends Duplex {}

function duplexify(body, name) {
  if (isDuplexNodeStream(body)) return body;
  if (isReadableNodeStream(body)) return fromPair({ readable: body });
  if (isWritableNodeStream(body)) return fromPair({ writable: body });
  if (isNodeStream(body)) return fromPair({ writable: false, readable: false });

  if (typeof body === 'function') {
    const { value, write, final, destroy } = fromAsyncGen(body);

    if (isIterable(value)) {
      return from(Duplexify, value, { objectMode: true, write, final, destroy });
    }

    const then = value?.then;
    if (typeof then === 'function') {
      // An async function consuming the written chunks: a writable sink
      // that finishes when its promise settles.
      let d;
      const promise = Reflect.apply(then, value, [
        (val) => {
          if (val != null) throw new codes.ERR_INVALID_RETURN_VALUE('nully', 'body', val);
        },
        (err) => {
          destroyer(d, err);
        },
      ]);
      d = new Duplexify({
        objectMode: true,
        readable: false,
        write,
        final(cb) {
          final(async () => {
            try {
              await promise;
              process.nextTick(cb, null);
            } catch (err) {
              process.nextTick(cb, err);
            }
          });
        },
        destroy,
      });
      return d;
    }

    throw new codes.ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or AsyncFunction', name, value);
  }

  if (typeof Blob === 'function' && body instanceof Blob) return duplexify(body.arrayBuffer(), name);

  if (isIterable(body)) return from(Duplexify, body, { objectMode: true, writable: false });

  if (typeof body?.writable === 'object' || typeof body?.readable === 'object') {
    const readable = body?.readable ?
      (isReadableNodeStream(body.readable) ? body.readable : duplexify(body.readable)) :
      undefined;
    const writable = body?.writable ?
      (isWritableNodeStream(body.writable) ? body.writable : duplexify(body.writable)) :
      undefined;
    return fromPair({ readable, writable });
  }

  const then = body?.then;
  if (typeof then === 'function') {
    let d;
    Reflect.apply(then, body, [
      (val) => {
        if (val != null) d.push(val);
        d.push(null);
      },
      (err) => {
        destroyer(d, err);
      },
    ]);
    d = new Duplexify({ objectMode: true, writable: false, read() {} });
    return d;
  }

  throw new codes.ERR_INVALID_ARG_TYPE(name, [
    'Blob', 'ReadableStream', 'WritableStream', 'Stream', 'Iterable', 'AsyncIterable', 'Function',
    '{ readable, writable } pair', 'Promise',
  ], body);
}

// Calls `fn` with an async iterable of the chunks written to the duplex;
// returns fn's result and the write/final/destroy methods feeding it. Each
// write completes once the generator has taken the chunk.
function fromAsyncGen(fn) {
  let { promise, resolve } = deferred();
  const ac = new AbortController();
  const signal = ac.signal;
  const value = fn(async function* source() {
    while (true) {
      const current = promise;
      promise = null;
      const { chunk, done, cb } = await current;
      process.nextTick(cb);
      if (done) return;
      if (signal.aborted) throw abortErrorFor(signal);
      ({ promise, resolve } = deferred());
      yield chunk;
    }
  }(), { signal });

  return {
    value,
    write(chunk, encoding, cb) {
      const settle = resolve;
      resolve = null;
      settle({ chunk, done: false, cb });
    },
    final(cb) {
      const settle = resolve;
      resolve = null;
      settle({ done: true, cb });
    },
    destroy(err, cb) {
      ac.abort();
      cb(err);
    },
  };
}

function deferred() {
  let resolve;
  const promise = new Promise((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

// A Duplex over a separate readable and writable stream: writes go to
// `writable`, reads come from `readable`; either may be missing.
function fromPair(pair) {
  const r = pair.readable && typeof pair.readable.read !== 'function' ?
    Readable.wrap(pair.readable) : pair.readable;
  const w = pair.writable;

  let readable = Boolean(isReadable(r));
  let writable = Boolean(isWritable(w));

  // Callbacks parked until the inner streams catch up.
  let ondrain;
  let onfinish;
  let onreadable;
  let onclose;
  let d;

  function onfinished(err) {
    const cb = onclose;
    onclose = null;
    if (cb) cb(err);
    else if (err) d.destroy(err);
  }

  d = new Duplexify({
    readableObjectMode: Boolean(r?.readableObjectMode),
    writableObjectMode: Boolean(w?.writableObjectMode),
    readable,
    writable,
  });

  if (writable) {
    eos(w, (err) => {
      writable = false;
      if (err) destroyer(r, err);
      onfinished(err);
    });

    d._write = function _write(chunk, encoding, callback) {
      if (w.write(chunk, encoding)) callback();
      else ondrain = callback;
    };

    d._final = function _final(callback) {
      w.end();
      onfinish = callback;
    };

    w.on('drain', () => {
      if (ondrain) {
        const cb = ondrain;
        ondrain = null;
        cb();
      }
    });

    w.on('finish', () => {
      if (onfinish) {
        const cb = onfinish;
        onfinish = null;
        cb();
      }
    });
  }

  if (readable) {
    eos(r, (err) => {
      readable = false;
      if (err) destroyer(r, err);
      onfinished(err);
    });

    r.on('readable', () => {
      if (onreadable) {
        const cb = onreadable;
        onreadable = null;
        cb();
      }
    });

    r.on('end', () => {
      d.push(null);
    });

    d._read = function _read() {
      while (true) {
        const buf = r.read();
        if (buf === null) {
          onreadable = d._read;
          return;
        }
        if (!d.push(buf)) return;
      }
    };
  }

  d._destroy = function _destroy(err, callback) {
    if (!err && onclose !== null) err = newAbortError();
    onreadable = null;
    ondrain = null;
    onfinish = null;
    if (onclose === null) {
      callback(err);
    } else {
      onclose = callback;
      destroyer(w, err);
      destroyer(r, err);
    }
  };

  return d;
}

module.exports = duplexify;
