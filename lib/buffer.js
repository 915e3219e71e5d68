'use strict';
// Buffer: a Uint8Array subclass. Encoding, decoding, search, compare and fill run in Rust
// (internalBinding('buffer')); argument checks and the number read/write family are here.

const binding = internalBinding('buffer');

// internal/errors loads only when something fails.
let errorsModule;
const errors = () => (errorsModule ??= require('internal/errors'));
const codes = new Proxy({}, { get: (_, code) => errors().codes[code] });

const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;
let INSPECT_MAX_BYTES = 50;

class FastBuffer extends Uint8Array {}
// Bytes the native side returns (file contents, …) are made Buffers there.
binding.setBufferPrototype(FastBuffer.prototype);

function normalizeEncoding(enc) {
  if (enc === undefined || enc === null) return 'utf8';
  switch (`${enc}`.toLowerCase()) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'ascii': return 'ascii';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'hex': return 'hex';
    default: return undefined;
  }
}

// The numbers the native side knows the encodings by (codec.rs's Encoding::from_id), under
// every spelling that needs no case folding; other spellings go through normalizeEncoding.
const UTF8 = 0;
const HEX = 6;
const kEncodingIds = {
  __proto__: null,
  'utf8': 0, 'utf-8': 0,
  'utf16le': 1, 'utf-16le': 1, 'ucs2': 1, 'ucs-2': 1,
  'latin1': 2, 'binary': 2,
  'ascii': 3,
  'base64': 4,
  'base64url': 5,
  'hex': 6,
};

// An encoding argument as its number; undefined means utf8.
function encodingOrThrow(enc) {
  if (enc === undefined) return UTF8;
  const id = kEncodingIds[enc];
  if (id !== undefined) return id;
  const e = normalizeEncoding(enc);
  if (e === undefined || enc === '') throw new codes.ERR_UNKNOWN_ENCODING(enc);
  return kEncodingIds[e];
}

function fromBytes(u8) {
  return new FastBuffer(u8.buffer, u8.byteOffset, u8.length);
}

let deprecationShown = false;
// Callable with or without `new`, like Node's (deprecated) Buffer constructor.
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

// --- argument checks, with Node's errors ---------------------------------------------

function validateNumber(value, name) {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
}

function validateSize(size) {
  validateNumber(size, 'size');
  if (!(size >= 0 && size <= kMaxLength)) throw new codes.ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, size);
}

// An integer offset within [min, max], else ERR_OUT_OF_RANGE.
function validateOffset(value, name, min, max) {
  validateNumber(value, name);
  if (!Number.isInteger(value)) throw new codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

// What Node throws when a read or write of `byteLength` bytes at `offset` does not fit.
function boundsError(offset, lastValid) {
  if (Math.floor(offset) !== offset) {
    validateNumber(offset, 'offset');
    throw new codes.ERR_OUT_OF_RANGE('offset', 'an integer', offset);
  }
  if (lastValid < 0) throw new codes.ERR_BUFFER_OUT_OF_BOUNDS();
  throw new codes.ERR_OUT_OF_RANGE('offset', `>= 0 and <= ${lastValid}`, offset);
}

function checkAccess(buf, offset, byteLength) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  if (!(offset >= 0 && offset + byteLength <= buf.length && Number.isInteger(offset))) {
    boundsError(offset, buf.length - byteLength);
  }
}

function checkByteLength(byteLength) {
  validateNumber(byteLength, 'byteLength');
  if (!(byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength))) {
    if (!Number.isInteger(byteLength)) throw new codes.ERR_OUT_OF_RANGE('byteLength', 'an integer', byteLength);
    throw new codes.ERR_OUT_OF_RANGE('byteLength', '>= 1 and <= 6', byteLength);
  }
}

// --- construction -------------------------------------------------------------------

Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  const buf = new FastBuffer(size);
  if (fill !== undefined && fill !== 0 && size > 0) buf.fill(fill, 0, size, encoding);
  return buf;
};

// Below this size zeroing the memory costs less than the native call that skips it.
const kUnzeroedMinSize = 4096;

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return size < kUnzeroedMinSize ? new FastBuffer(size) : binding.allocUnsafe(size);
};
Buffer.allocUnsafeSlow = Buffer.allocUnsafe;

function isArrayBufferLike(v) {
  return v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer);
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromBytes(binding.encode(value, encodingOrThrow(encodingOrOffset)));
  if (isArrayBufferLike(value)) {
    const offset = encodingOrOffset === undefined ? 0 : +encodingOrOffset || 0;
    const max = value.byteLength - offset;
    if (max < 0) throw new codes.ERR_BUFFER_OUT_OF_BOUNDS('offset');
    let len = max;
    if (length !== undefined) {
      len = +length || 0;
      if (len > max) throw new codes.ERR_BUFFER_OUT_OF_BOUNDS('length');
    }
    return new FastBuffer(value, offset, len);
  }
  if (ArrayBuffer.isView(value)) {
    if (value instanceof Uint8Array) {
      const copy = new FastBuffer(value.length);
      copy.set(value);
      return copy;
    }
    // Other views are taken element by element, each truncated to a byte, as in Node.
    return fromArrayLike(value);
  }
  if (value !== null && typeof value === 'object') {
    const prim = typeof value[Symbol.toPrimitive] === 'function' ? value[Symbol.toPrimitive]('string') : value.valueOf();
    if (prim !== null && prim !== undefined && prim !== value && (typeof prim === 'string' || typeof prim === 'object')) {
      return Buffer.from(prim, encodingOrOffset, length);
    }
    if (typeof value.length === 'number' || Array.isArray(value)) return fromArrayLike(value);
    if (value.type === 'Buffer' && Array.isArray(value.data)) return fromArrayLike(value.data);
  }
  throw new codes.ERR_INVALID_ARG_TYPE('first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

function fromArrayLike(obj) {
  const len = obj.length > 0 ? obj.length >>> 0 : 0;
  const buf = new FastBuffer(len);
  for (let i = 0; i < len; i++) buf[i] = obj[i];
  return buf;
}

Buffer.of = function of(...items) {
  return fromArrayLike(items);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset = 0, length) {
  if (!ArrayBuffer.isView(view) || view instanceof DataView) {
    throw new codes.ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  }
  const bpe = view.BYTES_PER_ELEMENT;
  const start = Math.min(offset, view.length);
  const end = length === undefined ? view.length : Math.min(start + length, view.length);
  const bytes = new Uint8Array(view.buffer, view.byteOffset + start * bpe, Math.max(0, end - start) * bpe);
  const copy = new FastBuffer(bytes.length);
  copy.set(bytes);
  return copy;
};

Buffer.isBuffer = (b) => b instanceof FastBuffer;
Buffer.isEncoding = (e) => typeof e === 'string' && e.length > 0 && normalizeEncoding(e) !== undefined;

Buffer.byteLength = function byteLength(value, encoding) {
  if (typeof value !== 'string') {
    if (ArrayBuffer.isView(value) || isArrayBufferLike(value)) return value.byteLength;
    throw new codes.ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], value);
  }
  if (encoding === undefined) return binding.byteLength(value, UTF8);
  return binding.byteLength(value, kEncodingIds[encoding] ?? kEncodingIds[normalizeEncoding(encoding)] ?? UTF8);
};

Buffer.concat = function concat(list, totalLength) {
  if (!Array.isArray(list)) throw new codes.ERR_INVALID_ARG_TYPE('list', 'Array', list);
  if (list.length === 0) return new FastBuffer(0);
  if (totalLength === undefined) {
    totalLength = 0;
    for (let i = 0; i < list.length; i++) totalLength += list[i].length >>> 0;
  } else {
    validateOffset(totalLength, 'length', 0, kMaxLength);
  }
  for (let i = 0; i < list.length; i++) {
    if (!(list[i] instanceof Uint8Array)) throw new codes.ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
  }
  return fromBytes(binding.concat(list, totalLength));
};

Buffer.compare = function compare(a, b) {
  if (!(a instanceof Uint8Array)) throw new codes.ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], a);
  if (!(b instanceof Uint8Array)) throw new codes.ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], b);
  return a === b ? 0 : binding.compare(a, b);
};

// --- instance methods ----------------------------------------------------------------

const proto = FastBuffer.prototype;

proto.toString = function toString(encoding, start, end) {
  const len = this.length;
  if (encoding === undefined && start === undefined && end === undefined) return binding.decode(this, UTF8, 0, len);
  start = start === undefined || start <= 0 ? 0 : start >= len ? len : Math.trunc(start) || 0;
  end = end === undefined || end > len ? len : Math.trunc(end) || 0;
  if (end <= start) return '';
  return binding.decode(this, encodingOrThrow(encoding), start, end);
};

proto.toLocaleString = proto.toString;

proto.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('argument', 'string', string);
  if (offset === undefined) {
    return binding.encodeInto(string, UTF8, this, 0, this.length);
  }
  if (length === undefined && typeof offset === 'string') {
    return binding.encodeInto(string, encodingOrThrow(offset), this, 0, this.length);
  }
  validateOffset(offset, 'offset', 0, this.length);
  const remaining = this.length - offset;
  if (length === undefined) {
    length = remaining;
  } else if (typeof length === 'string') {
    encoding = length;
    length = remaining;
  } else {
    validateOffset(length, 'length', 0, this.length);
    if (length > remaining) length = remaining;
  }
  return binding.encodeInto(string, encodingOrThrow(encoding), this, offset, length);
};

proto.equals = function equals(other) {
  if (!(other instanceof Uint8Array)) throw new codes.ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], other);
  return this === other || (this.length === other.length && binding.compare(this, other) === 0);
};

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!(target instanceof Uint8Array)) throw new codes.ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return binding.compare(this, target);
  targetStart = targetStart === undefined ? 0 : (validateOffset(targetStart, 'targetStart', 0, kMaxLength), targetStart);
  targetEnd = targetEnd === undefined ? target.length : (validateOffset(targetEnd, 'targetEnd', 0, target.length), targetEnd);
  sourceStart = sourceStart === undefined ? 0 : (validateOffset(sourceStart, 'sourceStart', 0, kMaxLength), sourceStart);
  sourceEnd = sourceEnd === undefined ? this.length : (validateOffset(sourceEnd, 'sourceEnd', 0, this.length), sourceEnd);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  return binding.compare(this.subarray(sourceStart, sourceEnd), target.subarray(targetStart, targetEnd));
};

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!(target instanceof Uint8Array)) throw new codes.ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  targetStart = toInteger(targetStart, 0);
  if (targetStart < 0) throw new codes.ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  sourceStart = toInteger(sourceStart, 0);
  if (sourceStart < 0 || sourceStart > this.length) throw new codes.ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${this.length}`, sourceStart);
  sourceEnd = sourceEnd === undefined ? this.length : toInteger(sourceEnd, 0);
  if (sourceEnd < 0) throw new codes.ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  if (sourceEnd > this.length) sourceEnd = this.length;
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  const n = Math.min(sourceEnd - sourceStart, target.length - targetStart);
  // TypedArray#set copies as if through a temporary, so overlapping ranges are safe.
  target.set(this.subarray(sourceStart, sourceStart + n), targetStart);
  return n;
};

function toInteger(v, dflt) {
  if (v === undefined) return dflt;
  const n = Math.trunc(+v);
  return Number.isNaN(n) ? dflt : n;
}

// Node's slice shares memory like subarray (unlike Uint8Array's copying slice).
proto.slice = function slice(start, end) {
  return this.subarray(start, end);
};

proto.fill = function fill(value, offset, end, encoding) {
  if (typeof offset === 'string') {
    encoding = offset;
    offset = 0;
    end = this.length;
  } else if (typeof end === 'string') {
    encoding = end;
    end = this.length;
  }
  if (offset === undefined) offset = 0;
  else validateOffset(offset, 'offset', 0, kMaxLength);
  if (end === undefined) end = this.length;
  else validateOffset(end, 'end', 0, this.length);
  if (offset >= end) return this;
  if (typeof value === 'number') {
    Uint8Array.prototype.fill.call(this, value & 255, offset, end);
    return this;
  }
  if (typeof value === 'boolean') {
    Uint8Array.prototype.fill.call(this, +value, offset, end);
    return this;
  }
  let pattern;
  if (typeof value === 'string') {
    const enc = encodingOrThrow(encoding);
    if (value.length === 1 && enc === UTF8 && value.charCodeAt(0) < 128) {
      Uint8Array.prototype.fill.call(this, value.charCodeAt(0), offset, end);
      return this;
    }
    pattern = binding.encode(value, enc);
    if (pattern.length === 0) {
      if (enc === HEX || value.length === 0) {
        if (value.length > 0) throw new codes.ERR_INVALID_ARG_VALUE('value', value);
        Uint8Array.prototype.fill.call(this, 0, offset, end);
        return this;
      }
    }
  } else if (value instanceof Uint8Array) {
    pattern = value;
    if (pattern.length === 0) throw new codes.ERR_INVALID_ARG_VALUE('value', value);
  } else {
    Uint8Array.prototype.fill.call(this, (+value || 0) & 255, offset, end);
    return this;
  }
  binding.fill(this, pattern, offset, end);
  return this;
};

// Shared by indexOf, lastIndexOf and includes; `forward` picks the direction.
function bidirectionalIndexOf(buf, value, byteOffset, encoding, forward) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  }
  let offset = byteOffset === undefined || byteOffset === null ? NaN : +byteOffset;
  if (Number.isNaN(offset)) offset = forward ? 0 : buf.length;
  offset = Math.trunc(offset);
  if (offset < 0) offset += buf.length;
  if (typeof value === 'number') {
    if (offset < 0) {
      if (!forward) return -1;
      offset = 0;
    }
    if (forward && offset >= buf.length) return -1;
    return binding.indexOfByte(buf, value & 255, Math.min(offset, buf.length - 1), forward);
  }
  let needle;
  if (typeof value === 'string') {
    needle = binding.encode(value, encodingOrThrow(encoding));
  } else if (value instanceof Uint8Array) {
    needle = value;
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], value);
  }
  if (offset < 0) {
    if (!forward) return -1;
    offset = 0;
  }
  if (needle.length === 0) return forward ? Math.min(offset, buf.length) : Math.min(offset, buf.length);
  if (forward && offset >= buf.length) return -1;
  return binding.indexOf(buf, needle, Math.min(offset, buf.length), forward);
}

proto.indexOf = function indexOf(value, byteOffset, encoding) {
  return bidirectionalIndexOf(this, value, byteOffset, encoding, true);
};

proto.lastIndexOf = function lastIndexOf(value, byteOffset, encoding) {
  return bidirectionalIndexOf(this, value, byteOffset, encoding, false);
};

proto.includes = function includes(value, byteOffset, encoding) {
  return this.indexOf(value, byteOffset, encoding) !== -1;
};

function swapper(bits) {
  const bytes = bits / 8;
  return function swap() {
    if (this.length % bytes !== 0) throw new codes.ERR_INVALID_BUFFER_SIZE(`${bits}-bits`);
    binding.swap(this, bytes);
    return this;
  };
}
proto.swap16 = swapper(16);
proto.swap32 = swapper(32);
proto.swap64 = swapper(64);

proto.toJSON = function toJSON() {
  return { type: 'Buffer', data: Array.from(this) };
};

Object.defineProperty(proto, 'parent', { get() { return this.buffer; }, configurable: true, enumerable: true });
Object.defineProperty(proto, 'offset', { get() { return this.byteOffset; }, configurable: true, enumerable: true });

// Per-encoding slice/write methods that some packages call directly.
for (const name of ['utf8', 'ucs2', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex']) {
  const enc = kEncodingIds[name];
  proto[`${name}Slice`] = function (start = 0, end = this.length) {
    return binding.decode(this, enc, start, end);
  };
  proto[`${name}Write`] = function (string, offset = 0, length = this.length - offset) {
    return binding.encodeInto(string, enc, this, offset, length);
  };
}

// --- numbers -------------------------------------------------------------------------

// Scratch space for float conversions (little-endian host).
const f32 = new Float32Array(1);
const f64 = new Float64Array(1);
const f32b = new Uint8Array(f32.buffer);
const f64b = new Uint8Array(f64.buffer);

function readUInt(buf, offset, n, le) {
  checkAccess(buf, offset, n);
  let v = 0;
  if (le) for (let i = n - 1; i >= 0; i--) v = v * 256 + buf[offset + i];
  else for (let i = 0; i < n; i++) v = v * 256 + buf[offset + i];
  return v;
}

function readInt(buf, offset, n, le) {
  const v = readUInt(buf, offset, n, le);
  const limit = 2 ** (8 * n - 1);
  return v >= limit ? v - limit * 2 : v;
}

function rangeText(n, signed) {
  if (n > 4) {
    const bits = 8 * n - (signed ? 1 : 0);
    return signed ? `>= -(2 ** ${bits}) and < 2 ** ${bits}` : `>= 0 and < 2 ** ${bits}`;
  }
  const min = signed ? -(2 ** (8 * n - 1)) : 0;
  const max = signed ? 2 ** (8 * n - 1) - 1 : 2 ** (8 * n) - 1;
  return `>= ${min} and <= ${max}`;
}

function writeInt(buf, value, offset, n, le, signed) {
  const min = signed ? -(2 ** (8 * n - 1)) : 0;
  const max = signed ? 2 ** (8 * n - 1) - 1 : 2 ** (8 * n) - 1;
  value = +value;
  if (value > max || value < min) {
    validateNumber(offset, 'offset');
    throw new codes.ERR_OUT_OF_RANGE('value', rangeText(n, signed), value);
  }
  checkAccess(buf, offset, n);
  let v = value < 0 ? value + 2 ** (8 * n) : value;
  v = Math.trunc(v) || 0;
  for (let i = 0; i < n; i++) {
    const byte = v % 256;
    buf[le ? offset + i : offset + n - 1 - i] = byte;
    v = (v - byte) / 256;
  }
  return offset + n;
}

for (const [bytes, name] of [[1, '8'], [2, '16'], [4, '32']]) {
  for (const [suffix, le] of bytes === 1 ? [['', true]] : [['LE', true], ['BE', false]]) {
    proto[`readUInt${name}${suffix}`] = function (offset = 0) { return readUInt(this, offset, bytes, le); };
    proto[`readInt${name}${suffix}`] = function (offset = 0) { return readInt(this, offset, bytes, le); };
    proto[`writeUInt${name}${suffix}`] = function (value, offset = 0) { return writeInt(this, value, offset, bytes, le, false); };
    proto[`writeInt${name}${suffix}`] = function (value, offset = 0) { return writeInt(this, value, offset, bytes, le, true); };
  }
}

for (const [suffix, le] of [['LE', true], ['BE', false]]) {
  proto[`readUInt${suffix}`] = function (offset, byteLength) { checkByteLength(byteLength); return readUInt(this, offset, byteLength, le); };
  proto[`readInt${suffix}`] = function (offset, byteLength) { checkByteLength(byteLength); return readInt(this, offset, byteLength, le); };
  proto[`writeUInt${suffix}`] = function (value, offset, byteLength) { checkByteLength(byteLength); return writeInt(this, value, offset, byteLength, le, false); };
  proto[`writeInt${suffix}`] = function (value, offset, byteLength) { checkByteLength(byteLength); return writeInt(this, value, offset, byteLength, le, true); };

  proto[`readFloat${suffix}`] = function (offset = 0) {
    checkAccess(this, offset, 4);
    for (let i = 0; i < 4; i++) f32b[le ? i : 3 - i] = this[offset + i];
    return f32[0];
  };
  proto[`readDouble${suffix}`] = function (offset = 0) {
    checkAccess(this, offset, 8);
    for (let i = 0; i < 8; i++) f64b[le ? i : 7 - i] = this[offset + i];
    return f64[0];
  };
  proto[`writeFloat${suffix}`] = function (value, offset = 0) {
    checkAccess(this, offset, 4);
    f32[0] = +value;
    for (let i = 0; i < 4; i++) this[offset + i] = f32b[le ? i : 3 - i];
    return offset + 4;
  };
  proto[`writeDouble${suffix}`] = function (value, offset = 0) {
    checkAccess(this, offset, 8);
    f64[0] = +value;
    for (let i = 0; i < 8; i++) this[offset + i] = f64b[le ? i : 7 - i];
    return offset + 8;
  };

  proto[`readBigUInt64${suffix}`] = function (offset = 0) {
    checkAccess(this, offset, 8);
    const lo = readUInt(this, offset + (le ? 0 : 4), 4, le);
    const hi = readUInt(this, offset + (le ? 4 : 0), 4, le);
    return (BigInt(hi) << 32n) | BigInt(lo);
  };
  proto[`readBigInt64${suffix}`] = function (offset = 0) {
    return BigInt.asIntN(64, this[`readBigUInt64${suffix}`](offset));
  };
  const writeBig = (signed) => function (value, offset = 0) {
    // Node lets the engine's BigInt arithmetic reject other types.
    if (typeof value !== 'bigint') throw new TypeError('Cannot mix BigInt and other types, use explicit conversions');
    const [min, max, range] = signed
      ? [-(2n ** 63n), 2n ** 63n - 1n, '>= -(2n ** 63n) and < 2n ** 63n']
      : [0n, 2n ** 64n - 1n, '>= 0n and < 2n ** 64n'];
    if (value < min || value > max) throw new codes.ERR_OUT_OF_RANGE('value', range, value);
    checkAccess(this, offset, 8);
    const u = BigInt.asUintN(64, value);
    const lo = Number(u & 0xffffffffn);
    const hi = Number(u >> 32n);
    writeInt(this, lo, offset + (le ? 0 : 4), 4, le, false);
    writeInt(this, hi, offset + (le ? 4 : 0), 4, le, false);
    return offset + 8;
  };
  proto[`writeBigUInt64${suffix}`] = writeBig(false);
  proto[`writeBigInt64${suffix}`] = writeBig(true);
}

// Node's lower-case aliases (readUint8 …).
for (const key of Object.getOwnPropertyNames(proto)) {
  if (/^(read|write)(Big)?UInt/.test(key)) proto[key.replace('UInt', 'Uint')] = proto[key];
}

proto[Symbol.for('nodejs.util.inspect.custom')] = function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const n = Math.min(this.length, max);
  let hex = '';
  for (let i = 0; i < n; i++) hex += (i ? ' ' : '') + (this[i] < 16 ? '0' : '') + this[i].toString(16);
  const rest = this.length - n;
  if (rest > 0) hex += ` ... ${rest} more byte${rest > 1 ? 's' : ''}`;
  // Own properties beyond the indices, as Node appends them.
  const extras = Object.keys(this).filter((k) => !/^\d+$/.test(k));
  if (extras.length > 0 && ctx) {
    const { inspect } = require('util');
    const shown = extras.map((k) => `${k}: ${inspect(this[k], { ...ctx, breakLength: Infinity, compact: true })}`);
    hex += (hex ? ', ' : '') + shown.join(', ');
  }
  return `<${this.constructor.name} ${hex}>`;
};

function atob(input) {
  if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('input');
  const str = `${input}`.replace(/[\t\n\f\r ]/g, '');
  if (str.length % 4 === 1 || /[^A-Za-z0-9+/=]/.test(str) || /=[^=]/.test(str) || /={3,}$/.test(str)) {
    throw invalidCharacterError('The string to be decoded is not correctly encoded.');
  }
  return binding.decode(binding.encode(str, 'base64'), 'latin1', 0, Infinity);
}

function btoa(input) {
  if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('input');
  const str = `${input}`;
  for (let i = 0; i < str.length; i++) {
    if (str.charCodeAt(i) > 255) throw invalidCharacterError('Invalid character');
  }
  return binding.decode(binding.encode(str, 'latin1'), 'base64', 0, Infinity);
}

function invalidCharacterError(message) {
  const err = new Error(message);
  err.name = 'InvalidCharacterError';
  err.code = 5;
  return err;
}

// transcode(buf, from, to): re-encode between the text encodings Node supports for it.
function transcode(source, fromEnc, toEnc) {
  if (!(source instanceof Uint8Array)) throw new codes.ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  const supported = ['ascii', 'latin1', 'utf8', 'utf16le'];
  const from = normalizeEncoding(fromEnc);
  const to = normalizeEncoding(toEnc);
  if (!supported.includes(from) || !supported.includes(to)) {
    const err = new Error(`Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]`);
    err.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    err.errno = 1;
    throw err;
  }
  let text = binding.decode(source, from, 0, source.length);
  // Characters the target cannot hold become '?', as ICU's converters substitute.
  if (to === 'ascii') text = text.replace(/[^\x00-\x7f]/g, '?');
  else if (to === 'latin1') text = text.replace(/[^\x00-\xff]/g, '?');
  return fromBytes(binding.encode(text, to));
}

function isUtf8(input) {
  if (!ArrayBuffer.isView(input) && !isArrayBufferLike(input)) {
    throw new codes.ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
  }
  return binding.isUtf8(input);
}

function isAscii(input) {
  if (!ArrayBuffer.isView(input) && !isArrayBufferLike(input)) {
    throw new codes.ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
  }
  return binding.isAscii(input);
}

module.exports = {
  get Blob() {
    return require('internal/blob').Blob;
  },
  get File() {
    return require('internal/blob').File;
  },
  Buffer,
  SlowBuffer: Buffer.allocUnsafeSlow,
  kMaxLength,
  kStringMaxLength,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  atob,
  btoa,
  isUtf8,
  isAscii,
  transcode,
  resolveObjectURL: (url) => require('internal/url').resolveObjectURL(url),
};
Object.defineProperty(module.exports, 'INSPECT_MAX_BYTES', {
  get: () => INSPECT_MAX_BYTES,
  set: (v) => { INSPECT_MAX_BYTES = v; },
  enumerable: true,
});
