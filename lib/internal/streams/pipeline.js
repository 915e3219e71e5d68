'use strict';

// pipeline(source, ...transforms, destination, callback): pipes the streams
// into each other, forwards errors, and destroys every stream once any of
// them fails. The callback runs once, when the last stream is done or with
// the first error.
//
// Besides streams, the stages may be:
//   - source: an iterable / async iterable, or a function returning one;
//   - transform: `async function* (source, { signal })`;
//   - destination: an async function consuming `source` (its result is the
//     callback's second argument).
// Functions are fed through async iteration, and a destination function is
// fronted by a PassThrough so that pipeline() always returns a stream.

const eos = require('internal/streams/end-of-stream');
const destroyImpl = require('internal/streams/destroy');
const {
  codes,
  once,
  aggregateTwoErrors,
  isIterable,
  isNodeStream,
  isReadable,
  isReadableFinished,
  isReadableNodeStream,
  validateAbortSignal,
  validateFunction,
  abortErrorFor,
} = require('internal/streams/utils');

const kDispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');

let Duplex;
let PassThrough;
let Readable;

function pipeline(...streams) {
  return pipelineImpl(streams, once(popCallback(streams)));
}

function popCallback(streams) {
  // Node names the argument this way in its error message.
  validateFunction(streams[streams.length - 1], 'streams[stream.length - 1]');
  return streams.pop();
}

// Destroys `stream` when the pipeline fails, unless it already closed or
// finished cleanly on the sides the pipeline uses.
function destroyerFor(stream, reading, writing) {
  let finished = false;
  stream.on('close', () => {
    finished = true;
  });
  const cleanup = eos(stream, { readable: reading, writable: writing }, (err) => {
    finished = !err;
  });
  return {
    destroy(err) {
      if (finished) return;
      finished = true;
      destroyImpl.destroyer(stream, err || new codes.ERR_STREAM_DESTROYED('pipe'));
    },
    cleanup,
  };
}

function makeAsyncIterable(val) {
  if (isIterable(val)) return val;
  if (isReadableNodeStream(val)) return iterateReadable(val);
  throw new codes.ERR_INVALID_ARG_TYPE('val', ['Readable', 'Iterable', 'AsyncIterable'], val);
}

// A stream's chunks, from the first next() on: a stage that never reads its source leaves
// the stream alone (an old-style stream is wrapped for reading only then, so its errors are
// the pipeline's alone until something reads).
async function* iterateReadable(stream) {
  Readable ??= require('internal/streams/readable');
  yield* Readable.prototype[Symbol.asyncIterator].call(stream);
}

// Writes an (async) iterable into a writable stream, honouring
// back-pressure; ends it afterwards when `end`.
async function pumpToNode(iterable, writable, finish, { end }) {
  let error;
  let onresolve = null;

  const resume = (err) => {
    if (err) error = err;
    if (onresolve) {
      const callback = onresolve;
      onresolve = null;
      callback();
    }
  };

  const wait = () => new Promise((resolve, reject) => {
    if (error) {
      reject(error);
    } else {
      onresolve = () => {
        if (error) reject(error);
        else resolve();
      };
    }
  });

  writable.on('drain', resume);
  const cleanup = eos(writable, { readable: false }, resume);

  try {
    if (writable.writableNeedDrain) await wait();
    for await (const chunk of iterable) {
      if (!writable.write(chunk)) await wait();
    }
    if (end) {
      writable.end();
      await wait();
    }
    finish();
  } catch (err) {
    finish(error !== err ? aggregateTwoErrors(error, err) : err);
  } finally {
    cleanup();
    writable.off('drain', resume);
  }
}

// WHATWG streams take part as the Node streams over them (a ReadableStream as a source
// is an async iterable already).
function fromWebStream(stream, i) {
  if (stream === null || typeof stream !== 'object' || typeof stream.pipe === 'function') return stream;
  const web = require('internal/webstreams/readable');
  const { isWritableStream } = require('internal/webstreams/writable');
  const adapters = require('internal/webstreams/adapters');
  if (web.isReadableStream(stream)) return i === 0 ? stream : adapters.readableFromWeb(stream);
  if (isWritableStream(stream)) return adapters.writableFromWeb(stream);
  if (web.isReadableStream(stream.readable) && isWritableStream(stream.writable)) return adapters.duplexFromWeb(stream);
  return stream;
}

function pipelineImpl(streams, callback, opts) {
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  if (streams.length < 2) throw new codes.ERR_MISSING_ARGS('streams');
  streams = streams.map(fromWebStream);

  // Aborted when the pipeline ends, for the functions among the stages.
  const ac = new AbortController();
  const signal = ac.signal;
  const outerSignal = opts?.signal;
  validateAbortSignal(outerSignal, 'options.signal');

  // Run on success, for the last stream only: the pipeline's listeners
  // must not linger on a stream the caller keeps using.
  const lastStreamCleanup = [];

  function abort() {
    finishImpl(abortErrorFor(outerSignal));
  }
  let disposable;
  if (outerSignal) disposable = require('events').addAbortListener(outerSignal, abort);

  let error;
  let value;
  const destroys = [];
  // How many completions to wait for (one per connection, plus the pumps).
  let finishCount = 0;

  function finish(err) {
    finishImpl(err, --finishCount === 0);
  }

  function finishImpl(err, final) {
    // A premature close is usually the echo of a real error elsewhere.
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
    if (!error && !final) return;

    while (destroys.length) destroys.shift()(error);
    disposable?.[kDispose]();
    ac.abort();

    if (final) {
      if (!error) for (const fn of lastStreamCleanup) fn();
      process.nextTick(callback, error, value);
    }
  }

  let ret;
  for (let i = 0; i < streams.length; i++) {
    const stream = streams[i];
    const reading = i < streams.length - 1;
    const writing = i > 0;
    const end = reading || opts?.end !== false;
    const isLastStream = i === streams.length - 1;

    if (isNodeStream(stream)) {
      if (end) {
        const { destroy, cleanup } = destroyerFor(stream, reading, writing);
        destroys.push(destroy);
        if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      }

      // Errors that come after the data was piped still fail the pipeline.
      const onError = (err) => {
        if (err && err.name !== 'AbortError' && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') finish(err);
      };
      stream.on('error', onError);
      if (isReadable(stream) && isLastStream) {
        lastStreamCleanup.push(() => {
          stream.removeListener('error', onError);
        });
      }
    }

    if (i === 0) {
      if (typeof stream === 'function') {
        ret = stream({ signal });
        if (!isIterable(ret)) {
          throw new codes.ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or Stream', 'source', ret);
        }
      } else if (isIterable(stream) || isReadableNodeStream(stream)) {
        ret = stream;
      } else {
        Duplex ??= require('internal/streams/duplex');
        ret = Duplex.from(stream);
      }
    } else if (typeof stream === 'function') {
      ret = stream(makeAsyncIterable(ret), { signal });

      if (reading) {
        if (!isIterable(ret, true)) {
          throw new codes.ERR_INVALID_RETURN_VALUE('AsyncIterable', `transform[${i - 1}]`, ret);
        }
      } else {
        // The destination is a function: its result is fed to a
        // PassThrough, the stream pipeline() returns.
        PassThrough ??= require('internal/streams/passthrough');
        const pt = new PassThrough({ objectMode: true });

        // Read `then` once: it could be a getter.
        const then = ret?.then;
        if (typeof then === 'function') {
          finishCount++;
          Reflect.apply(then, ret, [
            (val) => {
              value = val;
              if (val != null) pt.write(val);
              if (end) pt.end();
              process.nextTick(finish);
            },
            (err) => {
              pt.destroy(err);
              process.nextTick(finish, err);
            },
          ]);
        } else if (isIterable(ret, true)) {
          finishCount++;
          pumpToNode(ret, pt, finish, { end });
        } else {
          throw new codes.ERR_INVALID_RETURN_VALUE('AsyncIterable or Promise', 'destination', ret);
        }

        ret = pt;
        const { destroy, cleanup } = destroyerFor(ret, false, true);
        destroys.push(destroy);
        if (isLastStream) lastStreamCleanup.push(cleanup);
      }
    } else if (isNodeStream(stream)) {
      if (isReadableNodeStream(ret)) {
        finishCount += 2;
        const cleanup = pipe(ret, stream, finish, { end });
        if (cleanup && isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      } else if (isIterable(ret)) {
        finishCount++;
        pumpToNode(ret, stream, finish, { end });
      } else {
        throw new codes.ERR_INVALID_ARG_TYPE('val',
          ['Readable', 'Iterable', 'AsyncIterable', 'ReadableStream', 'TransformStream'], ret);
      }
      ret = stream;
    } else {
      Duplex ??= require('internal/streams/duplex');
      ret = Duplex.from(stream);
    }
  }

  if (signal?.aborted || outerSignal?.aborted) process.nextTick(abort);

  return ret;
}

// Pipes one stream into the next; `finish` is called twice: once for the
// source side, once for the destination (at once when the destination is
// not to be ended). Returns the cleanup of what was attached to the
// destination, if anything.
function pipe(src, dst, finish, { end }) {
  let ended = false;
  dst.on('close', () => {
    // The destination went away before the source was done with it.
    if (!ended) finish(new codes.ERR_STREAM_PREMATURE_CLOSE());
  });

  // Ending is done here rather than by pipe(), to know when it happened.
  src.pipe(dst, { end: false });

  if (end) {
    function endFn() {
      ended = true;
      dst.end();
    }
    if (isReadableFinished(src)) process.nextTick(endFn);
    else src.once('end', endFn);
  }

  eos(src, { readable: true, writable: false }, (err) => {
    const rState = src._readableState;
    if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' &&
        rState && rState.ended && !rState.errored && !rState.errorEmitted) {
      // Some streams emit 'close' before 'end'; having ended without
      // error, this one will still emit 'end' (or fail).
      src.once('end', finish).once('error', finish);
    } else {
      finish(err);
    }
  });

  if (!end) {
    finish();
    return undefined;
  }
  return eos(dst, { readable: false, writable: true }, finish);
}

module.exports = { pipeline, pipelineImpl };
