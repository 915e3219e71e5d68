'use strict';

// fs.ReadStream and fs.WriteStream: Readable/Writable streams over a file,
// opened by path in _construct() or given as an fd or a FileHandle.
//
// The file calls go through `stream[kFs]`: fs itself, the caller's
// `options.fs` overrides, or the FileHandle's promise methods. These are
// constructor functions, not classes, because old code (graceful-fs among
// it) calls `fs.ReadStream.apply(this, arguments)` and replaces `open()`.

const { Readable, Writable, finished } = require('stream');
const { Buffer } = require('buffer');
const {
  kEmptyObject,
  codes,
  validateBoolean,
  validateFunction,
  validateInteger,
  getValidatedFd,
  getValidatedPath,
  toPathIfFileURL,
  getOptions,
} = require('internal/fs/utils');

const kFs = Symbol('kFs');
// Set while a read or write is in flight: the fd is closed only after it ends.
const kIsPerformingIO = Symbol('kIsPerformingIO');
const kIoDone = Symbol('kIoDone');

let fsModule;
const fs = () => (fsModule ??= require('fs'));

// The file calls of a stream over a FileHandle.
function fileHandleOperations(handle) {
  return {
    open() {
      throw new codes.ERR_METHOD_NOT_IMPLEMENTED('open()');
    },
    close(fd, cb) {
      handle.close().then(() => cb(), cb);
    },
    read(fd, buffer, offset, length, position, cb) {
      handle.read(buffer, offset, length, position)
        .then((r) => cb(null, r.bytesRead, r.buffer), (err) => cb(err, 0, buffer));
    },
    write(fd, buffer, offset, length, position, cb) {
      handle.write(buffer, offset, length, position)
        .then((r) => cb(null, r.bytesWritten, r.buffer), (err) => cb(err, 0, buffer));
    },
    writev(fd, buffers, position, cb) {
      handle.writev(buffers, position)
        .then((r) => cb(null, r.bytesWritten, r.buffers), (err) => cb(err, 0, buffers));
    },
    fsync(fd, cb) {
      handle.sync().then(() => cb(), cb);
    },
  };
}

// Sets up the fd (or the path to open) and the file calls shared by both streams.
function setUpFile(stream, path, options, defaultFlags) {
  if (options.fd == null) {
    stream.fd = null;
    stream[kFs] = options.fs || fs();
    validateFunction(stream[kFs].open, 'options.fs.open');
    // The path is not used when an fd is given, so only checked here.
    stream.path = toPathIfFileURL(path);
    stream.flags = options.flags === undefined ? defaultFlags : options.flags;
    stream.mode = options.mode === undefined ? 0o666 : options.mode;
    getValidatedPath(stream.path);
    return;
  }
  const { fd } = options;
  if (typeof fd === 'number') {
    stream[kFs] = options.fs || fs();
    stream.fd = getValidatedFd(fd);
    return;
  }
  const { FileHandle } = require('internal/fs/promises');
  if (!(fd instanceof FileHandle)) throw new codes.ERR_INVALID_ARG_TYPE('options.fd', ['number', 'FileHandle'], fd);
  if (options.fs) throw new codes.ERR_METHOD_NOT_IMPLEMENTED('FileHandle with fs');
  stream[kFs] = fileHandleOperations(fd);
  fd.on('close', () => stream.close());
  stream.fd = getValidatedFd(fd.fd);
}

// The no-op open() of both prototypes (Node deprecates calling it). A stream
// whose open() was replaced is opened by calling that instead (see construct).
function open() {}

// _construct(): open the file unless an fd was given, then 'open' and 'ready'.
function construct(callback) {
  if (typeof this.fd === 'number') {
    callback();
    return;
  }
  if (this.open !== open) {
    constructWithCustomOpen(this, callback);
    return;
  }
  this[kFs].open(this.path, this.flags, this.mode, (err, fd) => {
    if (err) {
      callback(err);
      return;
    }
    this.fd = fd;
    callback();
    this.emit('open', fd);
    this.emit('ready');
  });
}

// A replaced open() reports through the 'open' or 'error' event it emits.
function constructWithCustomOpen(stream, callback) {
  const emit = stream.emit;
  stream.emit = function (event, ...args) {
    if (event === 'open') {
      this.emit = emit;
      callback();
      return emit.call(this, event, ...args);
    }
    if (event === 'error') {
      this.emit = emit;
      callback(args[0]);
      return true;
    }
    return emit.call(this, event, ...args);
  };
  stream.open();
}

// _destroy(): close the fd (after the pending read or write, if any).
function destroy(err, callback) {
  if (this[kIsPerformingIO]) this.once(kIoDone, (ioErr) => closeFile(this, err || ioErr, callback));
  else closeFile(this, err, callback);
}

// (Like Node, a stream on fd 0 does not close it.)
function closeFile(stream, err, callback) {
  if (!stream.fd) {
    callback(err);
    return;
  }
  const fd = stream.fd;
  stream.fd = null;
  const close = () => stream[kFs].close(fd, (closeErr) => callback(closeErr || err));
  if (stream.flush) {
    stream[kFs].fsync(fd, (syncErr) => {
      err ||= syncErr;
      close();
    });
  } else {
    close();
  }
}

// An I/O error destroys the stream, or with autoClose off only reports it.
function failIO(stream, err) {
  const state = stream._readableState ?? stream._writableState;
  if (state.autoDestroy) stream.destroy(err);
  else stream.emit('error', err);
}

function definePending(proto) {
  Object.defineProperty(proto, 'pending', {
    get() {
      return this.fd === null;
    },
    configurable: true,
  });
}

// --- ReadStream -----------------------------------------------------------

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = { ...getOptions(options, kEmptyObject) };
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  setUpFile(this, path, options, 'r');
  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  validateFunction(this[kFs].read, 'options.fs.read');
  if (options.autoDestroy) validateFunction(this[kFs].close, 'options.fs.close');

  this.start = options.start;
  this.end = options.end ?? Infinity;
  this.pos = undefined;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  if (this.end !== Infinity) {
    validateInteger(this.end, 'end', 0);
    if (this.start !== undefined && this.start > this.end) {
      throw new codes.ERR_OUT_OF_RANGE('start', `<= "end" (here: ${this.end})`, this.start);
    }
  }
  Readable.call(this, options);
  return undefined;
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'autoClose', {
  get() {
    return this._readableState.autoDestroy;
  },
  set(value) {
    this._readableState.autoDestroy = value;
  },
  configurable: true,
});

ReadStream.prototype.open = open;
ReadStream.prototype._construct = construct;

// Reads up to n bytes (never past `end`) at `pos`, or at the file position
// when no start was given.
ReadStream.prototype._read = function _read(n) {
  n = Math.min(this.end - (this.pos !== undefined ? this.pos : this.bytesRead) + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  const buffer = Buffer.allocUnsafeSlow(n);
  this[kIsPerformingIO] = true;
  this[kFs].read(this.fd, buffer, 0, n, this.pos ?? null, (err, bytesRead) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      this.emit(kIoDone, err);
      return;
    }
    if (err) {
      failIO(this, err);
    } else if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      // A short read is copied out rather than sliced, not to pin the big buffer.
      this.push(bytesRead === buffer.length ? buffer : Buffer.from(buffer.subarray(0, bytesRead)));
    } else {
      this.push(null);
    }
  });
};

ReadStream.prototype._destroy = destroy;

ReadStream.prototype.close = function close(callback) {
  if (typeof callback === 'function') finished(this, callback);
  this.destroy();
};

definePending(ReadStream.prototype);

// --- WriteStream ----------------------------------------------------------

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = { ...getOptions(options, kEmptyObject) };
  // Strings are encoded before they reach _write().
  options.decodeStrings = true;
  setUpFile(this, path, options, 'w');
  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;

  const ops = this[kFs];
  if (!ops.write && !ops.writev) throw new codes.ERR_INVALID_ARG_TYPE('options.fs.write', 'function', ops.write);
  if (ops.write) validateFunction(ops.write, 'options.fs.write');
  if (ops.writev) validateFunction(ops.writev, 'options.fs.writev');
  if (options.autoDestroy) validateFunction(ops.close, 'options.fs.close');
  // Overriding one of write/writev is enough: the stream uses what exists.
  if (!ops.write) this._write = null;
  if (!ops.writev) this._writev = null;

  this.start = options.start;
  this.pos = undefined;
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  this.flush = options.flush ?? false;
  validateBoolean(this.flush, 'options.flush');
  Writable.call(this, options);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
  return undefined;
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'autoClose', {
  get() {
    return this._writableState.autoDestroy;
  },
  set(value) {
    this._writableState.autoDestroy = value;
  },
  configurable: true,
});

WriteStream.prototype.open = open;
WriteStream.prototype._construct = construct;

// Runs one write: `issue(pos, done)` writes from `pos` and calls done(err,
// bytesWritten). A short write is continued (`advance` drops the written
// bytes); one that keeps writing nothing fails after a few tries.
function writeAll(stream, size, pos, issue, advance, callback) {
  let retries = 0;
  // `step` refers to itself, a cycle (through the chunk it keeps) that only QuickJS's
  // cycle collector could free: it is cut when the write is over, so the chunk goes as
  // soon as it is written (a 1 GB copy otherwise ran the collector every ten chunks).
  let step = (err, written) => {
    if (err?.code === 'EAGAIN') {
      err = null;
      written = 0;
    }
    if (err || stream.destroyed) {
      step = null;
      callback(err || new codes.ERR_STREAM_DESTROYED('write'));
      return;
    }
    stream.bytesWritten += written;
    retries = written ? 0 : retries + 1;
    size -= written;
    if (pos !== undefined) pos += written;
    if (retries > 5) {
      step = null;
      callback(new Error('write failed'));
    } else if (size > 0) {
      advance(written);
      issue(pos, step);
    } else {
      step = null;
      callback();
    }
  };
  issue(pos, step);
}

function startIO(stream, size, issue, advance, callback) {
  stream[kIsPerformingIO] = true;
  writeAll(stream, size, stream.pos, issue, advance, (err) => {
    stream[kIsPerformingIO] = false;
    callback(err);
    if (stream.destroyed) stream.emit(kIoDone, err);
  });
  if (stream.pos !== undefined) stream.pos += size;
}

WriteStream.prototype._write = function _write(data, encoding, callback) {
  let chunk = data;
  startIO(this, data.length,
    (pos, done) => this[kFs].write(this.fd, chunk, 0, chunk.length, pos ?? null, done),
    (written) => { chunk = chunk.subarray(written); },
    callback);
};

WriteStream.prototype._writev = function _writev(data, callback) {
  let chunks = data.map((entry) => entry.chunk);
  const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  startIO(this, size,
    (pos, done) => this[kFs].writev(this.fd, chunks, pos ?? null, done),
    (written) => { chunks = dropBytes(chunks, written); },
    callback);
};

// The chunks left after the first `n` bytes.
function dropBytes(chunks, n) {
  let i = 0;
  while (n >= chunks[i].length) n -= chunks[i++].length;
  const rest = chunks.slice(i);
  rest[0] = rest[0].subarray(n);
  return rest;
}

WriteStream.prototype._destroy = destroy;

// Ends the stream and calls back on 'close'. Without autoClose the stream is
// destroyed once finished, so that close() still closes the file.
WriteStream.prototype.close = function close(callback) {
  if (callback) {
    if (this.closed) {
      process.nextTick(callback);
      return;
    }
    this.on('close', callback);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

// Files have no half-close: destroySoon() is end().
WriteStream.prototype.destroySoon = WriteStream.prototype.end;

definePending(WriteStream.prototype);

module.exports = { ReadStream, WriteStream };
