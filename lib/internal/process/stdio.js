'use strict';
// process.stdin/stdout/stderr. Output is written synchronously (as Node does for files
// and TTYs), so nothing is lost when the process exits. These are EventEmitters with the
// stream methods programs use; the full stream classes come with lib/stream.js.

const EventEmitter = require('events');
const binding = internalBinding('process');
const fsBinding = internalBinding('fs');

function normalizeChunk(chunk, encoding) {
  if (typeof chunk === 'string') {
    if (encoding && encoding !== 'utf8' && encoding !== 'utf-8') {
      return require('buffer').Buffer.from(chunk, encoding);
    }
    return chunk;
  }
  if (chunk instanceof Uint8Array) return chunk;
  const { codes } = require('internal/errors');
  throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
}

function createWritable(fd) {
  const stream = new EventEmitter();
  const kind = binding.fdKind(fd);
  stream.fd = fd;
  stream._type = kind === 'tty' ? 'tty' : kind === 'file' ? 'fs' : 'pipe';
  stream.isTTY = kind === 'tty' ? true : undefined;
  stream.writable = true;
  stream.writableEnded = false;
  stream.writableFinished = false;
  stream.writableLength = 0;
  stream.writableHighWaterMark = 16384;
  stream.writableObjectMode = false;
  stream.destroyed = false;
  stream._isStdio = true;
  if (kind === 'tty') {
    const size = binding.windowSize(fd) || [80, 24];
    stream.columns = size[0];
    stream.rows = size[1];
    stream.getWindowSize = () => binding.windowSize(fd) || [80, 24];
  }
  stream.getColorDepth = function getColorDepth(env = process.env) {
    if (!stream.isTTY || env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') return 1;
    if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
    return /256/.test(env.TERM || '') ? 8 : 4;
  };
  stream.hasColors = function hasColors(count = 16, env) {
    if (typeof count === 'object') { env = count; count = 16; }
    return 2 ** stream.getColorDepth(env) >= count;
  };
  stream.write = function write(chunk, encoding, cb) {
    if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
    if (stream.writableEnded) {
      const { codes } = require('internal/errors');
      const err = new codes.ERR_STREAM_WRITE_AFTER_END();
      process.nextTick(() => { if (cb) cb(err); stream.emit('error', err); });
      return false;
    }
    const data = normalizeChunk(chunk, encoding);
    try {
      binding.writeSync(fd, data);
    } catch (err) {
      process.nextTick(() => { if (cb) cb(err); stream.emit('error', err); });
      return false;
    }
    if (cb) process.nextTick(cb, null);
    return true;
  };
  stream.end = function end(chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
    if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
    if (chunk !== undefined && chunk !== null) stream.write(chunk, encoding);
    // Stdio is never closed for real (Node keeps fds 0-2 open too).
    if (!stream.writableEnded) {
      stream.writableEnded = true;
      process.nextTick(() => {
        stream.writableFinished = true;
        stream.emit('finish');
        if (cb) cb();
      });
    }
    return stream;
  };
  stream.cork = stream.uncork = function () {};
  stream.setDefaultEncoding = function () { return stream; };
  stream.destroy = function destroy(err) {
    stream.destroyed = true;
    if (err) process.nextTick(() => stream.emit('error', err));
    process.nextTick(() => stream.emit('close'));
    return stream;
  };
  stream._destroy = stream.destroy;
  return stream;
}

const EPOLLIN = 0x001;

function createReadable(fd) {
  const { Buffer } = require('buffer');
  const eventLoop = require('internal/event_loop');
  const stream = new EventEmitter();
  const kind = binding.fdKind(fd);
  stream.fd = fd;
  stream.isTTY = kind === 'tty' ? true : undefined;
  stream.readable = true;
  stream.readableEnded = false;
  stream.readableFlowing = null;
  stream.destroyed = false;
  let encoding = null;
  let decoder = null;
  let token = 0;
  let fileTimer = null;
  const buffered = [];
  const chunk = new Uint8Array(65536);

  function deliver(bytes) {
    let data = Buffer.from(bytes);
    if (decoder) data = decoder.write(data);
    if (stream.readableFlowing) stream.emit('data', data);
    else buffered.push(data);
  }

  function finish() {
    stop();
    if (decoder) {
      const rest = decoder.end();
      if (rest) stream.emit('data', rest);
    }
    stream.readable = false;
    stream.readableEnded = true;
    process.nextTick(() => {
      stream.emit('end');
      stream.emit('close');
    });
  }

  // One read per readiness report: epoll said there is data, so it cannot block.
  function onReadable() {
    let n;
    try {
      n = fsBinding.read(fd, chunk, 0, chunk.length, -1);
    } catch (err) {
      stop();
      stream.emit('error', err);
      return;
    }
    if (n === 0) finish();
    else if (n > 0) deliver(chunk.subarray(0, n));
  }

  function start() {
    if (token !== 0 || fileTimer !== null || stream.readableEnded) return;
    try {
      token = eventLoop.watch(fd, EPOLLIN, onReadable);
    } catch {
      // Regular files cannot be polled: read them a chunk per loop turn.
      const pump = () => {
        fileTimer = null;
        if (!stream.readableFlowing) return;
        onReadable();
        if (!stream.readableEnded) fileTimer = setImmediate(pump);
      };
      fileTimer = setImmediate(pump);
    }
  }

  function stop() {
    if (token !== 0) {
      eventLoop.unwatch(token);
      token = 0;
    }
    if (fileTimer !== null) {
      clearImmediate(fileTimer);
      fileTimer = null;
    }
  }

  stream.setEncoding = function setEncoding(enc) {
    encoding = enc;
    const { StringDecoder } = require('string_decoder');
    decoder = new StringDecoder(enc);
    return stream;
  };
  stream.resume = function resume() {
    stream.readableFlowing = true;
    while (buffered.length > 0 && stream.readableFlowing) stream.emit('data', buffered.shift());
    start();
    return stream;
  };
  stream.pause = function pause() {
    stream.readableFlowing = false;
    stop();
    return stream;
  };
  stream.isPaused = () => stream.readableFlowing === false;
  stream.read = function read() {
    return buffered.length > 0 ? buffered.shift() : null;
  };
  stream.unref = function unref() { if (token) eventLoop.setWatchRef(token, false); return stream; };
  stream.ref = function ref() { if (token) eventLoop.setWatchRef(token, true); return stream; };
  stream.setRawMode = function setRawMode() { return stream; };
  stream.destroy = function destroy(err) {
    stop();
    stream.destroyed = true;
    if (err) process.nextTick(() => stream.emit('error', err));
    process.nextTick(() => stream.emit('close'));
    return stream;
  };
  stream.pipe = function pipe(dest, opts) {
    stream.on('data', (d) => dest.write(d));
    if (!opts || opts.end !== false) stream.on('end', () => { if (dest !== process.stdout && dest !== process.stderr) dest.end(); });
    stream.resume();
    return dest;
  };
  stream[Symbol.asyncIterator] = async function* iterate() {
    const chunks = [];
    let done = false;
    let wake = null;
    let error = null;
    stream.on('data', (d) => { chunks.push(d); if (wake) wake(); });
    stream.on('end', () => { done = true; if (wake) wake(); });
    stream.on('error', (e) => { error = e; if (wake) wake(); });
    stream.resume();
    for (;;) {
      if (error) throw error;
      if (chunks.length > 0) { yield chunks.shift(); continue; }
      if (done) return;
      await new Promise((resolve) => { wake = resolve; });
      wake = null;
    }
  };
  stream.on('newListener', (type) => {
    if ((type === 'data' || type === 'readable') && stream.readableFlowing !== false) {
      process.nextTick(() => stream.resume());
    }
  });
  return stream;
}

module.exports = {
  stdout: () => createWritable(1),
  stderr: () => createWritable(2),
  stdin: () => createReadable(0),
};
