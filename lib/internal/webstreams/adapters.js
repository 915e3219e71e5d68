'use strict';
// Between Node streams and WHATWG streams: Readable/Writable/Duplex .fromWeb and .toWeb.

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_STATE },
} = require('internal/errors');
const { ReadableStream, isReadableStream } = require('internal/webstreams/readable');
const { WritableStream, isWritableStream } = require('internal/webstreams/writable');

// A byte stream over a Node Readable (strings become UTF-8; object-mode readables give
// their objects as they are, through a default stream).
function readableToWeb(readable, options = {}) {
  if (typeof readable?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', readable);
  }
  const objectMode = readable.readableObjectMode;
  const iterator = readable[Symbol.asyncIterator]();
  const pull = (controller) => iterator.next().then(({ value, done }) => {
    if (done) {
      controller.close();
      if (controller.byobRequest) controller.byobRequest.respond(0);
      return;
    }
    if (objectMode) {
      controller.enqueue(value);
      return;
    }
    const bytes = typeof value === 'string' ? Buffer.from(value) : value;
    // A copy: enqueue takes the bytes' ArrayBuffer, which a Buffer may share with others.
    if (bytes.length > 0) controller.enqueue(new Uint8Array(bytes));
  });
  const cancel = (reason) => {
    readable.destroy(reason === undefined ? undefined : reason instanceof Error ? reason : undefined);
  };
  if (objectMode) return new ReadableStream({ pull, cancel }, options.strategy);
  return new ReadableStream({ type: 'bytes', pull, cancel });
}

function readableFromWeb(stream, options = {}) {
  if (!isReadableStream(stream)) throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', stream);
  const { Readable } = require('stream');
  const reader = stream.getReader();
  let closed = false;
  const readable = new Readable({
    objectMode: !!options.objectMode,
    highWaterMark: options.highWaterMark,
    encoding: options.encoding,
    signal: options.signal,
    read() {
      reader.read().then(({ value, done }) => {
        if (done) readable.push(null);
        else readable.push(value);
      }, (e) => readable.destroy(e));
    },
    destroy(error, callback) {
      if (closed) {
        callback(error);
        return;
      }
      reader.cancel(error).then(() => callback(error), (e) => callback(e));
    },
  });
  reader.closed.then(() => {
    closed = true;
  }, (e) => {
    closed = true;
    readable.destroy(e);
  });
  return readable;
}

function writableToWeb(writable) {
  if (typeof writable?._writableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', writable);
  }
  let backpressure = null;
  writable.on('drain', () => {
    if (backpressure !== null) backpressure.resolve();
    backpressure = null;
  });
  return new WritableStream({
    start(controller) {
      require('stream').finished(writable, (err) => {
        if (err && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') controller.error(err);
      });
    },
    write(chunk) {
      if (writable.write(chunk)) return undefined;
      backpressure = {};
      return new Promise((resolve) => {
        backpressure.resolve = resolve;
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        writable.end((err) => (err ? reject(err) : resolve()));
      });
    },
    abort(reason) {
      writable.destroy(reason instanceof Error ? reason : undefined);
    },
  });
}

function writableFromWeb(stream, options = {}) {
  if (!isWritableStream(stream)) throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', stream);
  const { Writable } = require('stream');
  const writer = stream.getWriter();
  let closed = false;
  const writable = new Writable({
    objectMode: !!options.objectMode,
    highWaterMark: options.highWaterMark,
    decodeStrings: options.decodeStrings ?? true,
    signal: options.signal,
    write(chunk, encoding, callback) {
      writer.ready.then(() => writer.write(chunk)).then(() => callback(), callback);
    },
    final(callback) {
      writer.close().then(() => callback(), callback);
    },
    destroy(error, callback) {
      if (closed) {
        callback(error);
        return;
      }
      writer.abort(error).then(() => callback(error), (e) => callback(e));
    },
  });
  writer.closed.then(() => {
    closed = true;
  }, (e) => {
    closed = true;
    writable.destroy(e);
  });
  return writable;
}

function duplexToWeb(duplex) {
  return { readable: readableToWeb(duplex), writable: writableToWeb(duplex) };
}

function duplexFromWeb(pair, options = {}) {
  if (pair === null || typeof pair !== 'object') throw new ERR_INVALID_ARG_TYPE('pair', 'Object', pair);
  if (!isReadableStream(pair.readable) || !isWritableStream(pair.writable)) {
    throw new ERR_INVALID_STATE.TypeError('pair must have a ReadableStream readable and a WritableStream writable');
  }
  const { Duplex } = require('stream');
  const readable = readableFromWeb(pair.readable, options);
  const writable = writableFromWeb(pair.writable, options);
  return Duplex.from({ readable, writable });
}

module.exports = {
  readableToWeb, readableFromWeb, writableToWeb, writableFromWeb, duplexToWeb, duplexFromWeb,
};
