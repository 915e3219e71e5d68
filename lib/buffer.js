'use strict';
// Buffer: a Uint8Array subclass; encoding and decoding run in Rust (internalBinding('buffer')).
// This is the core of the API; the complete read/write family lands with the core-modules work.

const binding = internalBinding('buffer');
const { codes } = require('internal/errors');

const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;
const INSPECT_MAX_BYTES = 50;

class FastBuffer extends Uint8Array {}

function normalizeEncoding(enc) {
  if (enc === undefined || enc === null || enc === '') return 'utf8';
  const e = String(enc).toLowerCase();
  switch (e) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'ascii': case 'base64': case 'base64url': case 'hex': return e;
    default: return undefined;
  }
}

function encodingOrThrow(enc) {
  const e = normalizeEncoding(enc);
  if (e === undefined) throw new codes.ERR_UNKNOWN_ENCODING(enc);
  return e;
}

function fromBytes(u8) {
  return new FastBuffer(u8.buffer, u8.byteOffset, u8.length);
}

// Callable with or without `new`, like Node's (deprecated) Buffer constructor.
let deprecationShown = false;
function Buffer(arg, encodingOrOffset, length) {
  if (!deprecationShown && !/node_modules/.test(new Error().stack || '')) {
    deprecationShown = true;
    process.emitWarning(
      'Buffer() is deprecated due to security and usability issues. Please use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
      'DeprecationWarning', 'DEP0005');
  }
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw new codes.ERR_INVALID_ARG_TYPE('string', 'string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
// Buffer and FastBuffer share one prototype, so `instanceof Buffer` holds for every buffer.
Object.setPrototypeOf(Buffer, Uint8Array);
Buffer.prototype = FastBuffer.prototype;
FastBuffer.prototype.constructor = Buffer;
// subarray/map/filter build their results through the species, not the Buffer() call.
Object.defineProperty(Buffer, Symbol.species, { get: () => FastBuffer, configurable: true });
Buffer.poolSize = 8192;

function validateSize(size) {
  if (typeof size !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('size', 'number', size);
  if (!(size >= 0 && size <= kMaxLength)) throw new codes.ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, size);
}

Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  const buf = new FastBuffer(size);
  if (fill !== undefined && fill !== 0 && size > 0) buf.fill(fill, 0, size, encoding);
  return buf;
};
Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return new FastBuffer(size);
};
Buffer.allocUnsafeSlow = Buffer.allocUnsafe;

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromBytes(binding.encode(value, encodingOrThrow(encodingOrOffset)));
  if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) {
    const offset = encodingOrOffset === undefined ? 0 : +encodingOrOffset || 0;
    if (offset > value.byteLength) throw new codes.ERR_BUFFER_OUT_OF_BOUNDS('offset');
    const len = length === undefined ? value.byteLength - offset : +length || 0;
    if (offset + len > value.byteLength) throw new codes.ERR_BUFFER_OUT_OF_BOUNDS('length');
    return new FastBuffer(value, offset, len);
  }
  if (ArrayBuffer.isView(value)) {
    const copy = new FastBuffer(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = value[i];
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    if (typeof value[Symbol.toPrimitive] === 'function' || typeof value.valueOf === 'function') {
      const prim = typeof value[Symbol.toPrimitive] === 'function' ? value[Symbol.toPrimitive]('string') : value.valueOf();
      if (prim !== value && prim !== null && (typeof prim === 'string' || typeof prim === 'object')) return Buffer.from(prim, encodingOrOffset, length);
    }
    if (typeof value.length === 'number' || Array.isArray(value)) {
      const buf = new FastBuffer(value.length >>> 0);
      for (let i = 0; i < buf.length; i++) buf[i] = value[i];
      return buf;
    }
    if (value.type === 'Buffer' && Array.isArray(value.data)) return Buffer.from(value.data);
  }
  throw new codes.ERR_INVALID_ARG_TYPE('first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.isBuffer = (b) => b instanceof FastBuffer;
Buffer.isEncoding = (e) => typeof e === 'string' && e.length > 0 && normalizeEncoding(e) !== undefined;

Buffer.byteLength = function byteLength(value, encoding) {
  if (typeof value !== 'string') {
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value.byteLength;
    throw new codes.ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], value);
  }
  return binding.byteLength(value, normalizeEncoding(encoding) || 'utf8');
};

Buffer.concat = function concat(list, totalLength) {
  if (!Array.isArray(list)) throw new codes.ERR_INVALID_ARG_TYPE('list', 'Array', list);
  if (totalLength === undefined) {
    totalLength = 0;
    for (const b of list) totalLength += b.length;
  }
  const out = Buffer.allocUnsafe(totalLength);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const b = list[i];
    if (!(b instanceof Uint8Array)) throw new codes.ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], b);
    const n = Math.min(b.length, totalLength - pos);
    if (n <= 0) break;
    out.set(n === b.length ? b : b.subarray(0, n), pos);
    pos += n;
  }
  if (pos < totalLength) out.fill(0, pos);
  return out;
};

Buffer.compare = function compare(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
};

const proto = FastBuffer.prototype;

proto.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return binding.decode(this, 'utf8', 0, this.length);
  start = start === undefined || start < 0 ? 0 : Math.trunc(start) || 0;
  end = end === undefined || end > this.length ? this.length : Math.trunc(end) || 0;
  if (end <= start) return '';
  return binding.decode(this, encodingOrThrow(encoding), start, end);
};
proto.toLocaleString = proto.toString;

proto.write = function write(string, offset, length, encoding) {
  if (typeof offset === 'string') { encoding = offset; offset = 0; length = this.length; }
  else if (typeof length === 'string') { encoding = length; length = this.length - (offset || 0); }
  offset = offset === undefined ? 0 : offset >>> 0;
  const remaining = this.length - offset;
  length = length === undefined || length > remaining ? remaining : length >>> 0;
  const enc = encodingOrThrow(encoding);
  let bytes = binding.encode(string, enc);
  if (bytes.length > length) {
    bytes = bytes.subarray(0, length);
    if (enc === 'utf8') {
      // Never write a partial UTF-8 sequence.
      let cut = length;
      while (cut > 0 && (bytes[cut - 1] & 0xc0) === 0x80) cut--;
      if (cut > 0 && bytes[cut - 1] >= 0xc0) {
        const lead = bytes[cut - 1];
        const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
        if (length - (cut - 1) < need) bytes = bytes.subarray(0, cut - 1);
      }
    }
  }
  this.set(bytes, offset);
  return bytes.length;
};

proto.equals = function equals(other) {
  if (!(other instanceof Uint8Array)) throw new codes.ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], other);
  return Buffer.compare(this, other) === 0;
};

proto.compare = function compare(target) {
  return Buffer.compare(this, target);
};

proto.copy = function copy(target, targetStart = 0, sourceStart = 0, sourceEnd = this.length) {
  const n = Math.max(0, Math.min(sourceEnd - sourceStart, target.length - targetStart));
  target.set(this.subarray(sourceStart, sourceStart + n), targetStart);
  return n;
};

// Node's slice shares memory like subarray (unlike Uint8Array's copying slice).
proto.slice = function slice(start, end) {
  return this.subarray(start, end);
};

const u8fill = Uint8Array.prototype.fill;
proto.fill = function fill(value, offset = 0, end = this.length, encoding) {
  if (typeof offset === 'string') { encoding = offset; offset = 0; end = this.length; }
  if (typeof value === 'number') return u8fill.call(this, value & 255, offset, end);
  if (typeof value === 'boolean') return u8fill.call(this, +value, offset, end);
  const bytes = typeof value === 'string' ? binding.encode(value, encodingOrThrow(encoding)) : value;
  if (bytes.length === 0) return u8fill.call(this, 0, offset, end);
  for (let i = offset, j = 0; i < end; i++, j = (j + 1) % bytes.length) this[i] = bytes[j];
  return this;
};

proto.indexOf = function indexOf(value, byteOffset = 0, encoding) {
  if (typeof value === 'number') return Uint8Array.prototype.indexOf.call(this, value & 255, byteOffset);
  const needle = typeof value === 'string' ? binding.encode(value, encodingOrThrow(encoding)) : value;
  if (byteOffset < 0) byteOffset = Math.max(0, this.length + byteOffset);
  outer: for (let i = byteOffset; i <= this.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (this[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
};

proto.includes = function includes(value, byteOffset, encoding) {
  return this.indexOf(value, byteOffset, encoding) !== -1;
};

proto.toJSON = function toJSON() {
  return { type: 'Buffer', data: Array.from(this) };
};

proto.readUInt8 = function readUInt8(offset = 0) {
  if (offset >= this.length || offset < 0) throw new codes.ERR_OUT_OF_RANGE('offset', `>= 0 and <= ${this.length - 1}`, offset);
  return this[offset];
};

proto[Symbol.for('nodejs.util.inspect.custom')] = function inspect() {
  let hex = '';
  const n = Math.min(this.length, INSPECT_MAX_BYTES);
  for (let i = 0; i < n; i++) hex += (i ? ' ' : '') + (this[i] < 16 ? '0' : '') + this[i].toString(16);
  const more = this.length > n ? ` ... ${this.length - n} more byte${this.length - n > 1 ? 's' : ''}` : '';
  return `<Buffer${hex ? ' ' + hex : ''}${more}>`;
};

function atob(input) {
  return binding.decode(binding.encode(String(input), 'base64'), 'latin1', 0, Infinity);
}

function btoa(input) {
  return binding.decode(binding.encode(String(input), 'latin1'), 'base64', 0, Infinity);
}

module.exports = {
  Buffer,
  FastBuffer,
  SlowBuffer: Buffer.allocUnsafeSlow,
  kMaxLength,
  kStringMaxLength,
  INSPECT_MAX_BYTES,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  atob,
  btoa,
};
