'use strict';
// zlib: deflate/inflate in zlib, gzip and raw framing (and unzip, which detects which) and
// brotli, as Transform streams and one-shot calls, over flate2 and brotli in Rust.

const { Buffer } = require('buffer');
const { Transform } = require('stream');
const binding = internalBinding('zlib');
const {
  codes: { ERR_INVALID_ARG_TYPE },
  validateFunction,
  validateUint32,
} = require('internal/errors');

const constants = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: 4865,
  DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
  Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384,
  Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8,
  Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
  BROTLI_DECODE: 8, BROTLI_ENCODE: 9, BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1,
  BROTLI_OPERATION_FINISH: 2, BROTLI_OPERATION_EMIT_METADATA: 3, BROTLI_PARAM_MODE: 0,
  BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2, BROTLI_DEFAULT_MODE: 0,
  BROTLI_PARAM_QUALITY: 1, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11,
  BROTLI_DEFAULT_QUALITY: 11, BROTLI_PARAM_LGWIN: 2, BROTLI_MIN_WINDOW_BITS: 10,
  BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22,
  BROTLI_PARAM_LGBLOCK: 3, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24,
  BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5,
  BROTLI_PARAM_LARGE_WINDOW: 6, BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8,
  BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1,
  BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0, BROTLI_DECODER_PARAM_LARGE_WINDOW: 1,
  BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1, BROTLI_DECODER_NEEDS_MORE_INPUT: 2,
  BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1,
  BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6,
  BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7,
  BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8,
  BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10,
  BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12,
  BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16,
  BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26,
  BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30,
  BROTLI_DECODER_ERROR_UNREACHABLE: -31,
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

const isBrotli = (mode) => mode === constants.BROTLI_ENCODE || mode === constants.BROTLI_DECODE;

// Brotli streams take BROTLI_OPERATION_* where zlib's take Z_* flush kinds; the native side
// speaks the latter.
function brotliFlush(operation) {
  if (operation === constants.BROTLI_OPERATION_FINISH) return constants.Z_FINISH;
  if (operation === constants.BROTLI_OPERATION_FLUSH) return constants.Z_SYNC_FLUSH;
  return constants.Z_NO_FLUSH;
}

// The compression level: `level` for zlib, params[BROTLI_PARAM_QUALITY] for brotli.
function levelOf(opts, mode) {
  if (isBrotli(mode)) {
    const quality = opts && opts.params ? opts.params[constants.BROTLI_PARAM_QUALITY] : undefined;
    return typeof quality === 'number' ? quality : constants.BROTLI_DEFAULT_QUALITY;
  }
  return opts && typeof opts.level === 'number' ? opts.level : constants.Z_DEFAULT_COMPRESSION;
}

// A stream's native codec, as Node's zlib exposes it on `_handle` (minizlib, under tar and
// npm, reaches in to make its close() a no-op around _processChunk). `id` is -1 once the
// codec is gone: finished, failed or closed.
class ZlibHandle {
  constructor(mode, level) {
    this.id = binding.create(mode, level);
  }

  // The codec's output for `chunk` ([bytes] or [null, message, code, errno]).
  write(chunk, flush) {
    const row = binding.write(this.id, chunk, flush);
    if (flush === constants.Z_FINISH || row[0] === null) this.id = -1;
    return row;
  }

  close() {
    if (this.id >= 0) binding.close(this.id);
    this.id = -1;
  }
}

function Zlib(opts, mode) {
  const level = levelOf(opts, mode);
  this._finishFlushFlag = opts && typeof opts.finishFlush === 'number' ? opts.finishFlush : constants.Z_FINISH;
  this._defaultFlushFlag = opts && typeof opts.flush === 'number' ? opts.flush : constants.Z_NO_FLUSH;
  if (isBrotli(mode)) {
    this._finishFlushFlag = opts && typeof opts.finishFlush === 'number' ? brotliFlush(opts.finishFlush) : constants.Z_FINISH;
    this._defaultFlushFlag = opts && typeof opts.flush === 'number' ? brotliFlush(opts.flush) : constants.Z_NO_FLUSH;
  }
  Transform.call(this, { ...opts, autoDestroy: true });
  this._mode = mode;
  this._level = level;
  this._handle = new ZlibHandle(mode, level);
  this.bytesWritten = 0;
  this._closed = false;
}
Object.setPrototypeOf(Zlib.prototype, Transform.prototype);
Object.setPrototypeOf(Zlib, Transform);

// The codec's output for `chunk`, or an Error.
function runCodec(engine, chunk, flush) {
  const handle = engine._handle;
  if (handle === null || handle.id < 0) return new Error('zlib binding closed');
  const row = handle.write(chunk, flush);
  return row[0] === null ? zlibError(row) : row[0];
}

Zlib.prototype._run = function(chunk, flush) {
  const out = runCodec(this, chunk, flush);
  if (out instanceof Error) return out;
  if (out.byteLength > 0) this.push(Buffer.from(out));
  return null;
};

// Node's way of feeding the codec outside the stream: with a callback, the output goes to
// the stream as a write's would; without one, it comes back (a Buffer) and the handle is
// closed, as Node closes it.
Zlib.prototype._processChunk = function(chunk, flushFlag, cb) {
  if (typeof cb === 'function') {
    this.bytesWritten += chunk.length;
    const err = this._run(chunk, flushFlag);
    if (err) this.destroy(err);
    else process.nextTick(cb);
    return undefined;
  }
  const out = runCodec(this, chunk, flushFlag);
  if (out instanceof Error) {
    this.destroy(out);
    throw out;
  }
  this.bytesWritten += chunk.length;
  if (this._handle !== null) this._handle.close();
  this._handle = null;
  return Buffer.from(out);
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
  if (this._handle !== null) this._handle.close();
  this._handle = new ZlibHandle(this._mode, this._level);
};

Zlib.prototype.close = function(callback) {
  if (callback) require('stream').finished(this, callback);
  this.destroy();
};

Zlib.prototype._destroy = function(err, cb) {
  if (this._handle !== null) this._handle.close();
  this._handle = null;
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

const BrotliCompress = defineClass('BrotliCompress', constants.BROTLI_ENCODE);
const BrotliDecompress = defineClass('BrotliDecompress', constants.BROTLI_DECODE);

function oneShotSync(mode) {
  return function(buffer, opts) {
    const level = levelOf(opts, mode);
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

// CRC-32 (the polynomial of zlib, gzip and PNG), a byte at a time through a table made on
// first use; `value` continues an earlier checksum.
let crcTable = null;
function crc32(data, value = 0) {
  if (typeof data === 'string') data = Buffer.from(data);
  else if (!ArrayBuffer.isView(data)) throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  validateUint32(value, 'value');
  if (crcTable === null) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let crc = ~value;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

const api = {
  constants,
  codes,
  crc32,
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
  createDeflate: (o) => new Deflate(o),
  createInflate: (o) => new Inflate(o),
  createGzip: (o) => new Gzip(o),
  createGunzip: (o) => new Gunzip(o),
  createDeflateRaw: (o) => new DeflateRaw(o),
  createInflateRaw: (o) => new InflateRaw(o),
  createUnzip: (o) => new Unzip(o),
  createBrotliCompress: (o) => new BrotliCompress(o),
  createBrotliDecompress: (o) => new BrotliDecompress(o),
};
for (const [name, mode] of [
  ['deflate', constants.DEFLATE], ['inflate', constants.INFLATE], ['gzip', constants.GZIP],
  ['gunzip', constants.GUNZIP], ['deflateRaw', constants.DEFLATERAW], ['inflateRaw', constants.INFLATERAW],
  ['unzip', constants.UNZIP], ['brotliCompress', constants.BROTLI_ENCODE],
  ['brotliDecompress', constants.BROTLI_DECODE],
]) {
  api[`${name}Sync`] = oneShotSync(mode);
  api[name] = oneShotAsync(api[`${name}Sync`]);
}
// Node also exposes the constants on the module itself.
for (const key of Object.keys(constants)) {
  if (key.startsWith('Z_')) Object.defineProperty(api, key, { value: constants[key], enumerable: false });
}

module.exports = api;
