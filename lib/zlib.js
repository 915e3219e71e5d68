'use strict';
// zlib: deflate/inflate in zlib, gzip and raw framing (and unzip, which detects which),
// as Transform streams and one-shot calls, over flate2 in Rust. Brotli is not there yet.

const { Buffer } = require('buffer');
const { Transform } = require('stream');
const binding = internalBinding('zlib');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_FEATURE_UNAVAILABLE_ON_PLATFORM },
  validateFunction,
} = require('internal/errors');

const constants = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: 4865,
  DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
  BROTLI_DECODE: 8, BROTLI_ENCODE: 9,
  Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384,
  Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8,
  Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
};
Object.freeze(constants);

const codes = {
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
};
for (const key of Object.keys(codes)) codes[codes[key]] = key;

function zlibError(row) {
  const err = new Error(row[1]);
  err.errno = row[3];
  err.code = row[2];
  return err;
}

function toBuffer(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (buffer instanceof ArrayBuffer) return Buffer.from(buffer);
  if (ArrayBuffer.isView(buffer)) return buffer;
  throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], buffer);
}

function Zlib(opts, mode) {
  const level = opts && typeof opts.level === 'number' ? opts.level : constants.Z_DEFAULT_COMPRESSION;
  this._finishFlushFlag = opts && typeof opts.finishFlush === 'number' ? opts.finishFlush : constants.Z_FINISH;
  this._defaultFlushFlag = opts && typeof opts.flush === 'number' ? opts.flush : constants.Z_NO_FLUSH;
  Transform.call(this, { ...opts, autoDestroy: true });
  this._mode = mode;
  this._level = level;
  this._handle = binding.create(mode, level);
  this.bytesWritten = 0;
  this._closed = false;
}
Object.setPrototypeOf(Zlib.prototype, Transform.prototype);
Object.setPrototypeOf(Zlib, Transform);

Zlib.prototype._run = function(chunk, flush) {
  if (this._handle < 0) return new Error('zlib binding closed');
  const row = binding.write(this._handle, chunk, flush);
  if (flush === constants.Z_FINISH) this._handle = -1;
  if (row[0] === null) {
    this._handle = -1;
    return zlibError(row);
  }
  if (row[0].byteLength > 0) this.push(Buffer.from(row[0]));
  return null;
};

Zlib.prototype._transform = function(chunk, encoding, cb) {
  this.bytesWritten += chunk.length;
  cb(this._run(chunk, this._defaultFlushFlag));
};

Zlib.prototype._flush = function(cb) {
  cb(this._run(Buffer.alloc(0), this._finishFlushFlag === constants.Z_SYNC_FLUSH ? constants.Z_FINISH : this._finishFlushFlag));
};

Zlib.prototype.flush = function(kind, callback) {
  if (typeof kind === 'function' || kind === undefined) {
    callback = kind;
    kind = constants.Z_FULL_FLUSH;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    this.write(Buffer.alloc(0), '', () => {
      const err = this._run(Buffer.alloc(0), kind);
      if (err) this.destroy(err);
      if (callback) callback();
    });
  }
};

Zlib.prototype.params = function(level, strategy, callback) {
  this._level = level;
  if (callback) process.nextTick(callback);
};

Zlib.prototype.reset = function() {
  if (this._handle >= 0) binding.close(this._handle);
  this._handle = binding.create(this._mode, this._level);
};

Zlib.prototype.close = function(callback) {
  if (callback) require('stream').finished(this, callback);
  this.destroy();
};

Zlib.prototype._destroy = function(err, cb) {
  if (this._handle >= 0) binding.close(this._handle);
  this._handle = -1;
  this._closed = true;
  cb(err);
};

function defineClass(name, mode) {
  const Class = function(opts) {
    if (!(this instanceof Class)) return new Class(opts);
    Zlib.call(this, opts, mode);
  };
  Object.defineProperty(Class, 'name', { value: name });
  Object.setPrototypeOf(Class.prototype, Zlib.prototype);
  Object.setPrototypeOf(Class, Zlib);
  return Class;
}

const Deflate = defineClass('Deflate', constants.DEFLATE);
const Inflate = defineClass('Inflate', constants.INFLATE);
const Gzip = defineClass('Gzip', constants.GZIP);
const Gunzip = defineClass('Gunzip', constants.GUNZIP);
const DeflateRaw = defineClass('DeflateRaw', constants.DEFLATERAW);
const InflateRaw = defineClass('InflateRaw', constants.INFLATERAW);
const Unzip = defineClass('Unzip', constants.UNZIP);

function brotliUnavailable() {
  throw new ERR_FEATURE_UNAVAILABLE_ON_PLATFORM('Brotli compression in unode');
}
const BrotliCompress = function BrotliCompress() {
  brotliUnavailable();
};
const BrotliDecompress = function BrotliDecompress() {
  brotliUnavailable();
};

function oneShotSync(mode) {
  return function(buffer, opts) {
    const level = opts && typeof opts.level === 'number' ? opts.level : -1;
    const row = binding.oneShot(mode, level, toBuffer(buffer));
    if (row[0] === null) throw zlibError(row);
    const out = Buffer.from(row[0]);
    return opts && opts.info ? { buffer: out, engine: null } : out;
  };
}

function oneShotAsync(sync) {
  return function(buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    validateFunction(callback, 'callback');
    let result;
    try {
      result = sync(buffer, opts);
    } catch (err) {
      if (err.code === 'ERR_INVALID_ARG_TYPE') throw err;
      process.nextTick(callback, err);
      return;
    }
    process.nextTick(callback, null, result);
  };
}

const api = {
  constants,
  codes,
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
  createDeflate: (o) => new Deflate(o),
  createInflate: (o) => new Inflate(o),
  createGzip: (o) => new Gzip(o),
  createGunzip: (o) => new Gunzip(o),
  createDeflateRaw: (o) => new DeflateRaw(o),
  createInflateRaw: (o) => new InflateRaw(o),
  createUnzip: (o) => new Unzip(o),
  createBrotliCompress: brotliUnavailable,
  createBrotliDecompress: brotliUnavailable,
};
for (const [name, mode] of [
  ['deflate', constants.DEFLATE], ['inflate', constants.INFLATE], ['gzip', constants.GZIP],
  ['gunzip', constants.GUNZIP], ['deflateRaw', constants.DEFLATERAW], ['inflateRaw', constants.INFLATERAW],
  ['unzip', constants.UNZIP],
]) {
  api[`${name}Sync`] = oneShotSync(mode);
  api[name] = oneShotAsync(api[`${name}Sync`]);
}
// Node also exposes the constants on the module itself.
for (const key of Object.keys(constants)) {
  if (key.startsWith('Z_')) Object.defineProperty(api, key, { value: constants[key], enumerable: false });
}

module.exports = api;
