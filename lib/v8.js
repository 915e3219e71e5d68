'use strict';

// Node's v8 module, as far as it is not about V8's own machinery: heap statistics (from
// QuickJS's accounting), the structured serializer in V8's wire format (version 15, the
// bytes node writes and reads, Buffers and typed arrays as Node's host objects), and
// startupSnapshot's queries. Heap snapshots, coverage, promise hooks and GC profiling are
// V8's tools and are not here; setFlagsFromString takes V8 flags and ignores them.

const { Buffer } = require('buffer');
const os = require('os');
const { codes, validateString } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE } = codes;

const kWireVersion = 15;
const kLatestVersion = 15;
const kOldestVersion = 13;

// The wire format's tags (one byte each, named by their characters in V8).
const T = {
  padding: 0x00, verifyCount: 0x3f, hole: 0x2d, undefined: 0x5f, null: 0x30, true: 0x54,
  false: 0x46, int32: 0x49, uint32: 0x55, double: 0x4e, bigint: 0x5a, utf8: 0x53,
  oneByte: 0x22, twoByte: 0x63, ref: 0x5e, beginObject: 0x6f, endObject: 0x7b,
  beginSparse: 0x61, endSparse: 0x40, beginDense: 0x41, endDense: 0x24, date: 0x44,
  trueObject: 0x79, falseObject: 0x78, numberObject: 0x6e, bigintObject: 0x7a,
  stringObject: 0x73, regexp: 0x52, beginMap: 0x3b, endMap: 0x3a, beginSet: 0x27,
  endSet: 0x2c, arrayBuffer: 0x42, sharedArrayBuffer: 0x75, view: 0x56, host: 0x5c, error: 0x72,
};
// Inside an error: its prototype, its message, stack and cause, and its end.
const E = { eval: 0x45, range: 0x52, reference: 0x46, syntax: 0x53, type: 0x54, uri: 0x55, message: 0x6d, cause: 0x63, stack: 0x73, end: 0x2e };
const kErrorTags = [[EvalError, E.eval], [RangeError, E.range], [ReferenceError, E.reference],
  [SyntaxError, E.syntax], [TypeError, E.type], [URIError, E.uri]];
const kRegExpFlags = 'gimsuydv';
// A view V8 writes itself (a plain Serializer): its ArrayBuffer first, then the view's
// kind, offset, length and flags.
const kViewSubtags = [[Int8Array, 0x62], [Uint8Array, 0x42], [Uint8ClampedArray, 0x43], [Int16Array, 0x77],
  [Uint16Array, 0x57], [Int32Array, 0x64], [Uint32Array, 0x44], [Float32Array, 0x66], [Float64Array, 0x46],
  [BigInt64Array, 0x71], [BigUint64Array, 0x51], [DataView, 0x3f]];
const kRegExpFlagBits = { g: 1, i: 2, m: 4, y: 8, u: 16, s: 32, d: 128, v: 256 };

// Node writes Buffers and typed arrays as host objects: the type's index, the byte length,
// the bytes (never the whole pooled ArrayBuffer behind a Buffer).
const kViewTypes = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, DataView, Buffer, BigInt64Array, BigUint64Array];

function cloneError(value) {
  let shown;
  if (typeof value === 'function') shown = Function.prototype.toString.call(value);
  else if (typeof value === 'symbol') shown = value.toString();
  else shown = `#<${value?.constructor?.name ?? 'Object'}>`;
  return new Error(`${shown} could not be cloned.`);
}

class Serializer {
  constructor() {
    this._bytes = new Uint8Array(64);
    this._length = 0;
    this._ids = new Map();
    this._viewsAsHost = false;
  }

  _reserve(n) {
    if (this._length + n <= this._bytes.length) return;
    let size = this._bytes.length * 2;
    while (size < this._length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this._bytes.subarray(0, this._length));
    this._bytes = grown;
  }

  _byte(b) {
    this._reserve(1);
    this._bytes[this._length++] = b;
  }

  _varint(n) {
    // Numbers up to 2^53: seven bits a byte, low first.
    do {
      let b = n % 128;
      n = Math.floor(n / 128);
      if (n > 0) b |= 0x80;
      this._byte(b);
    } while (n > 0);
  }

  _double(d) {
    this._reserve(8);
    new DataView(this._bytes.buffer).setFloat64(this._length, d, true);
    this._length += 8;
  }

  writeHeader() {
    this._byte(0xff);
    this._varint(kWireVersion);
  }

  writeUint32(value) {
    this._varint(value >>> 0);
  }

  writeUint64(hi, lo) {
    this._varint((hi >>> 0) * 2 ** 32 + (lo >>> 0));
  }

  writeDouble(value) {
    this._double(+value);
  }

  writeRawBytes(source) {
    if (!ArrayBuffer.isView(source)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'TypedArray', 'DataView'], source);
    const bytes = new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
    this._reserve(bytes.length);
    this._bytes.set(bytes, this._length);
    this._length += bytes.length;
  }

  releaseBuffer() {
    const out = Buffer.from(this._bytes.buffer, 0, this._length);
    this._bytes = new Uint8Array(64);
    this._length = 0;
    return out;
  }

  transferArrayBuffer() {
    throw new Error('Transferring ArrayBuffers is not supported by this serializer.');
  }

  _setTreatArrayBufferViewsAsHostObjects(flag) {
    this._viewsAsHost = Boolean(flag);
  }

  _getDataCloneError(message) {
    return new Error(message);
  }

  _writeHostObject(object) {
    throw this._getDataCloneError(`Unserializable host object: ${object}`);
  }

  // Whether `object` is written by _writeHostObject, as V8 writes the objects of its
  // embedder (the runtime's own serializer for other threads says so for MessagePorts).
  _isHostObject() {
    return false;
  }

  _getSharedArrayBufferId() {
    throw this._getDataCloneError('#<SharedArrayBuffer> could not be cloned.');
  }

  writeValue(value) {
    switch (typeof value) {
      case 'undefined': return this._byte(T.undefined), true;
      case 'boolean': return this._byte(value ? T.true : T.false), true;
      case 'number': return this._number(value), true;
      case 'bigint': return this._byte(T.bigint), this._bigint(value), true;
      case 'string': return this._string(value), true;
      case 'object':
        if (value === null) return this._byte(T.null), true;
        this._object(value);
        return true;
      default: throw cloneError(value);
    }
  }

  _number(value) {
    if (Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 && !Object.is(value, -0)) {
      this._byte(T.int32);
      this._varint(value >= 0 ? value * 2 : -value * 2 - 1);
    } else {
      this._byte(T.double);
      this._double(value);
    }
  }

  // The magnitude as 64-bit little-endian digits, after a bitfield of its byte length and
  // sign.
  _bigint(value) {
    const negative = value < 0n;
    let magnitude = negative ? -value : value;
    const digits = [];
    while (magnitude > 0n) {
      digits.push(magnitude & 0xffffffffffffffffn);
      magnitude >>= 64n;
    }
    this._varint(digits.length * 8 * 2 + (negative ? 1 : 0));
    this._reserve(digits.length * 8);
    const view = new DataView(this._bytes.buffer);
    for (const digit of digits) {
      view.setBigUint64(this._length, digit, true);
      this._length += 8;
    }
  }

  // Latin-1 text as one byte a character; other text as UTF-16, its code units at an even
  // offset (a padding byte first where needed), as V8's reader expects.
  _string(value) {
    let oneByte = true;
    for (let i = 0; i < value.length; i++) {
      if (value.charCodeAt(i) > 0xff) {
        oneByte = false;
        break;
      }
    }
    if (oneByte) {
      this._byte(T.oneByte);
      this._varint(value.length);
      this._reserve(value.length);
      for (let i = 0; i < value.length; i++) this._bytes[this._length++] = value.charCodeAt(i);
      return;
    }
    const byteLength = value.length * 2;
    let varintLength = 1;
    for (let n = byteLength; n >= 128; n = Math.floor(n / 128)) varintLength++;
    if ((this._length + 1 + varintLength) % 2 === 1) this._byte(T.padding);
    this._byte(T.twoByte);
    this._varint(byteLength);
    this._reserve(byteLength);
    for (let i = 0; i < value.length; i++) {
      const unit = value.charCodeAt(i);
      this._bytes[this._length++] = unit & 0xff;
      this._bytes[this._length++] = unit >> 8;
    }
  }

  _object(value) {
    const seen = this._ids.get(value);
    if (seen !== undefined) {
      this._byte(T.ref);
      this._varint(seen);
      return;
    }
    if (ArrayBuffer.isView(value) && !this._viewsAsHost) return this._nativeView(value);
    this._ids.set(value, this._ids.size);
    if (ArrayBuffer.isView(value) || this._isHostObject(value)) {
      this._byte(T.host);
      this._writeHostObject(value);
      return;
    }
    if (Array.isArray(value)) return this._array(value);
    if (value instanceof Date) return this._byte(T.date), this._double(value.getTime());
    if (value instanceof RegExp) {
      this._byte(T.regexp);
      this._string(value.source);
      let bits = 0;
      for (const f of value.flags) bits |= kRegExpFlagBits[f] ?? 0;
      return this._varint(bits);
    }
    if (value instanceof Map) {
      this._byte(T.beginMap);
      for (const [k, v] of value) {
        this.writeValue(k);
        this.writeValue(v);
      }
      this._byte(T.endMap);
      return this._varint(value.size * 2);
    }
    if (value instanceof Set) {
      this._byte(T.beginSet);
      for (const v of value) this.writeValue(v);
      this._byte(T.endSet);
      return this._varint(value.size);
    }
    if (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer) {
      // Shared memory is named, not copied: by the id _getSharedArrayBufferId gives it.
      this._byte(T.sharedArrayBuffer);
      return this._varint(this._getSharedArrayBufferId(value));
    }
    if (value instanceof ArrayBuffer) {
      this._byte(T.arrayBuffer);
      this._varint(value.byteLength);
      return this.writeRawBytes(new Uint8Array(value));
    }
    if (value instanceof Error) return this._error(value);
    if (value instanceof Number) return this._byte(T.numberObject), this._double(value.valueOf());
    if (value instanceof Boolean) return this._byte(value.valueOf() ? T.trueObject : T.falseObject);
    if (value instanceof String) return this._byte(T.stringObject), this._string(value.valueOf());
    if (typeof BigInt !== 'undefined' && Object.prototype.toString.call(value) === '[object BigInt]') {
      this._byte(T.bigintObject);
      return this._bigint(value.valueOf());
    }
    const tag = Object.prototype.toString.call(value);
    if (tag !== '[object Object]' && tag !== '[object Arguments]') throw cloneError(value);
    this._byte(T.beginObject);
    const count = this._properties(value, Object.keys(value));
    this._byte(T.endObject);
    this._varint(count);
  }

  _nativeView(view) {
    this._object(view.buffer);
    this._ids.set(view, this._ids.size);
    const entry = kViewSubtags.find(([Type]) => view instanceof Type);
    if (entry === undefined) throw cloneError(view);
    this._byte(T.view);
    this._byte(entry[1]);
    this._varint(view.byteOffset);
    this._varint(view.byteLength);
    this._varint(0);
  }

  _properties(value, keys) {
    let count = 0;
    for (const key of keys) {
      if (!Object.prototype.propertyIsEnumerable.call(value, key)) continue;
      const index = +key;
      if (String(index) === key && Number.isInteger(index) && index >= 0 && index < 2 ** 31) this._number(index);
      else this._string(key);
      this.writeValue(value[key]);
      count++;
    }
    return count;
  }

  _array(value) {
    const length = value.length;
    let holes = false;
    for (let i = 0; i < length; i++) {
      if (!(i in value)) {
        holes = true;
        break;
      }
    }
    if (!holes) {
      this._byte(T.beginDense);
      this._varint(length);
      for (let i = 0; i < length; i++) this.writeValue(value[i]);
      const extra = Object.keys(value).filter((k) => !(String(+k) === k && +k < length));
      const count = this._properties(value, extra);
      this._byte(T.endDense);
      this._varint(count);
      return this._varint(length);
    }
    this._byte(T.beginSparse);
    this._varint(length);
    const count = this._properties(value, Object.keys(value));
    this._byte(T.endSparse);
    this._varint(count);
    this._varint(length);
  }

  _error(value) {
    this._byte(T.error);
    const proto = Object.getPrototypeOf(value);
    for (const [Class, tag] of kErrorTags) {
      if (proto === Class.prototype) this._byte(tag);
    }
    const message = Object.getOwnPropertyDescriptor(value, 'message');
    if (message !== undefined && 'value' in message) {
      this._byte(E.message);
      this._string(String(message.value));
    }
    if (typeof value.stack === 'string') {
      this._byte(E.stack);
      this._string(value.stack);
    }
    if (Object.prototype.hasOwnProperty.call(value, 'cause')) {
      this._byte(E.cause);
      this.writeValue(value.cause);
    }
    this._byte(E.end);
  }
}

class Deserializer {
  constructor(buffer) {
    if (!ArrayBuffer.isView(buffer)) {
      const err = new TypeError('buffer must be a TypedArray or a DataView');
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    this.buffer = buffer;
    this._bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    this._view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    this._at = 0;
    this._version = 0;
    this._objects = [];
  }

  _fail() {
    return new Error('Unable to deserialize cloned data.');
  }

  _byte() {
    if (this._at >= this._bytes.length) throw this._fail();
    return this._bytes[this._at++];
  }

  _varint() {
    let value = 0, scale = 1, b;
    do {
      b = this._byte();
      value += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80);
    return value;
  }

  _double() {
    if (this._at + 8 > this._bytes.length) throw this._fail();
    const d = this._view.getFloat64(this._at, true);
    this._at += 8;
    return d;
  }

  readHeader() {
    if (this._bytes[this._at] === 0xff) {
      this._at++;
      this._version = this._varint();
    }
    if (this._version < kOldestVersion || this._version > kLatestVersion) {
      throw new Error('Unable to deserialize cloned data due to invalid or unsupported version.');
    }
    return true;
  }

  getWireFormatVersion() {
    return this._version;
  }

  readUint32() {
    return this._varint() >>> 0;
  }

  readUint64() {
    const n = this._varint();
    return [Math.floor(n / 2 ** 32) >>> 0, n >>> 0];
  }

  readDouble() {
    return this._double();
  }

  // A view of the next `length` bytes of the buffer read (not a copy).
  readRawBytes(length) {
    if (this._at + length > this._bytes.length) throw this._fail();
    const bytes = Buffer.from(this.buffer.buffer, this.buffer.byteOffset + this._at, length);
    this._at += length;
    return bytes;
  }

  _raw(length) {
    if (this._at + length > this._bytes.length) throw this._fail();
    const bytes = this._bytes.slice(this._at, this._at + length);
    this._at += length;
    return bytes;
  }

  // The (Shared)ArrayBuffer a message refers to by `id` (the receiver's side of
  // _getSharedArrayBufferId).
  transferArrayBuffer(id, arrayBuffer) {
    (this._transferred ??= new Map()).set(id, arrayBuffer);
  }

  _readHostObject() {
    throw this._fail();
  }

  _tag() {
    let tag;
    do tag = this._byte(); while (tag === T.padding);
    return tag;
  }

  _remember(object) {
    this._objects.push(object);
    return object;
  }

  readValue() {
    const tag = this._tag();
    switch (tag) {
      case T.verifyCount: this._varint(); return this.readValue();
      case T.undefined: return undefined;
      case T.null: return null;
      case T.true: return true;
      case T.false: return false;
      case T.int32: {
        const z = this._varint();
        return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
      }
      case T.uint32: return this._varint();
      case T.double: return this._double();
      case T.bigint: return this._bigint();
      case T.utf8: return Buffer.from(this._raw(this._varint())).toString('utf8');
      case T.oneByte: return Buffer.from(this._raw(this._varint())).toString('latin1');
      case T.twoByte: return this._twoByte();
      case T.ref: {
        const object = this._objects[this._varint()];
        if (object === undefined) throw this._fail();
        return object;
      }
      case T.beginObject: {
        const object = this._remember({});
        this._readProperties(object, T.endObject);
        this._varint();
        return object;
      }
      case T.beginDense: {
        const length = this._varint();
        const array = this._remember(new Array(length));
        for (let i = 0; i < length; i++) {
          if (this._bytes[this._at] === T.hole) {
            this._at++;
            continue;
          }
          array[i] = this.readValue();
        }
        this._readProperties(array, T.endDense);
        this._varint();
        this._varint();
        return array;
      }
      case T.beginSparse: {
        const array = this._remember(new Array(this._varint()));
        this._readProperties(array, T.endSparse);
        this._varint();
        this._varint();
        return array;
      }
      case T.date: return this._remember(new Date(this._double()));
      case T.trueObject: return this._remember(Object(true));
      case T.falseObject: return this._remember(Object(false));
      case T.numberObject: return this._remember(Object(this._double()));
      case T.bigintObject: return this._remember(Object(this._bigint()));
      case T.stringObject: return this._remember(Object(this.readValue()));
      case T.regexp: {
        const source = this.readValue();
        const bits = this._varint();
        let flags = '';
        for (const f of kRegExpFlags) if (bits & kRegExpFlagBits[f]) flags += f;
        return this._remember(new RegExp(source, flags));
      }
      case T.beginMap: {
        const map = this._remember(new Map());
        while (this._bytes[this._at] !== T.endMap) map.set(this.readValue(), this.readValue());
        this._at++;
        this._varint();
        return map;
      }
      case T.beginSet: {
        const set = this._remember(new Set());
        while (this._bytes[this._at] !== T.endSet) set.add(this.readValue());
        this._at++;
        this._varint();
        return set;
      }
      case T.sharedArrayBuffer: {
        const shared = this._transferred?.get(this._varint());
        if (shared === undefined) throw this._fail();
        this._remember(shared);
        return this._bytes[this._at] === T.view ? this._readView(shared) : shared;
      }
      case T.arrayBuffer: {
        const buffer = this._remember(this._raw(this._varint()).buffer);
        return this._bytes[this._at] === T.view ? this._readView(buffer) : buffer;
      }
      case T.host: {
        const id = this._objects.length;
        this._objects.push(undefined);
        const object = this._readHostObject();
        this._objects[id] = object;
        return object;
      }
      case T.error: return this._error();
      default: throw this._fail();
    }
  }

  // A view of the ArrayBuffer just read.
  _readView(buffer) {
    this._at++;
    const subtag = this._byte();
    const offset = this._varint();
    const length = this._varint();
    if (this._version >= 14) this._varint();
    const entry = kViewSubtags.find(([, t]) => t === subtag);
    if (entry === undefined || offset + length > buffer.byteLength) throw this._fail();
    const Type = entry[0];
    if (Type === DataView) return this._remember(new DataView(buffer, offset, length));
    if (offset % Type.BYTES_PER_ELEMENT !== 0 || length % Type.BYTES_PER_ELEMENT !== 0) throw this._fail();
    return this._remember(new Type(buffer, offset, length / Type.BYTES_PER_ELEMENT));
  }

  _readProperties(object, endTag) {
    while (this._bytes[this._at] !== endTag) {
      if (this._at >= this._bytes.length) throw this._fail();
      const key = this.readValue();
      object[key] = this.readValue();
    }
    this._at++;
  }

  _twoByte() {
    const length = this._varint();
    if (length % 2 !== 0 || this._at + length > this._bytes.length) throw this._fail();
    let text = '';
    for (let i = 0; i < length; i += 2) text += String.fromCharCode(this._view.getUint16(this._at + i, true));
    this._at += length;
    return text;
  }

  _bigint() {
    const bits = this._varint();
    const byteLength = Math.floor(bits / 2);
    if (byteLength % 8 !== 0 || this._at + byteLength > this._bytes.length) throw this._fail();
    let value = 0n;
    for (let i = byteLength - 8; i >= 0; i -= 8) value = (value << 64n) | this._view.getBigUint64(this._at + i, true);
    this._at += byteLength;
    return bits % 2 === 1 ? -value : value;
  }

  _error() {
    let Class = Error, message, stack, cause, hasCause = false;
    for (;;) {
      const tag = this._byte();
      if (tag === E.end) break;
      if (tag === E.message) message = this.readValue();
      else if (tag === E.stack) stack = this.readValue();
      else if (tag === E.cause) {
        cause = this.readValue();
        hasCause = true;
      } else {
        const entry = kErrorTags.find(([, t]) => t === tag);
        if (entry === undefined) throw this._fail();
        Class = entry[0];
      }
    }
    const error = hasCause ? new Class(message, { cause }) : new Class(message);
    if (message === undefined) delete error.message;
    if (stack !== undefined) Object.defineProperty(error, 'stack', { value: stack, writable: true, configurable: true });
    return this._remember(error);
  }
}

class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  _writeHostObject(view) {
    let index = view instanceof Buffer ? 10 : kViewTypes.findIndex((Type) => view.constructor === Type);
    if (index === -1) index = kViewTypes.findIndex((Type) => Type !== Buffer && view instanceof Type);
    this.writeUint32(index);
    this.writeUint32(view.byteLength);
    this.writeRawBytes(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  }
}

class DefaultDeserializer extends Deserializer {
  _readHostObject() {
    const Type = kViewTypes[this.readUint32()];
    const byteLength = this.readUint32();
    if (Type === undefined) throw this._fail();
    const bytes = this._raw(byteLength);
    if (Type === Buffer) return Buffer.from(bytes.buffer, 0, byteLength);
    if (Type === DataView) return new DataView(bytes.buffer);
    if (byteLength % Type.BYTES_PER_ELEMENT !== 0) throw this._fail();
    return new Type(bytes.buffer, 0, byteLength / Type.BYTES_PER_ELEMENT);
  }
}

function serialize(value) {
  const serializer = new DefaultSerializer();
  serializer.writeHeader();
  serializer.writeValue(value);
  return serializer.releaseBuffer();
}

function deserialize(buffer) {
  const deserializer = new DefaultDeserializer(buffer);
  deserializer.readHeader();
  return deserializer.readValue();
}

function getHeapStatistics() {
  const [heapTotal, heapUsed, arrayBuffers] = internalBinding('process').heap();
  const limit = os.totalmem();
  return {
    total_heap_size: heapTotal,
    total_heap_size_executable: 0,
    total_physical_size: heapTotal,
    total_available_size: Math.max(0, limit - heapUsed),
    used_heap_size: heapUsed,
    heap_size_limit: limit,
    malloced_memory: heapTotal,
    peak_malloced_memory: heapTotal,
    does_zap_garbage: 0,
    number_of_native_contexts: 1,
    number_of_detached_contexts: 0,
    total_global_handles_size: 0,
    used_global_handles_size: 0,
    external_memory: arrayBuffers,
  };
}

// One space: QuickJS has a single heap.
function getHeapSpaceStatistics() {
  const { total_heap_size: size, used_heap_size: used } = getHeapStatistics();
  return [{ space_name: 'heap', space_size: size, space_used_size: used, space_available_size: Math.max(0, size - used), physical_space_size: size }];
}

function getHeapCodeStatistics() {
  return { code_and_metadata_size: 0, bytecode_and_metadata_size: 0, external_script_source_size: 0, cpu_profiler_metadata_size: 0 };
}

// A number that changes when the engine's compiled-code format does: derived from the
// engine's name and version.
function cachedDataVersionTag() {
  const text = `quickjs-ng ${process.versions.quickjs}`;
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  return hash;
}

function setFlagsFromString(flags) {
  validateString(flags, 'flags');
}

function notBuildingSnapshot() {
  throw new codes.ERR_NOT_BUILDING_SNAPSHOT();
}

const startupSnapshot = {
  isBuildingSnapshot: () => false,
  addSerializeCallback: notBuildingSnapshot,
  addDeserializeCallback: notBuildingSnapshot,
  setDeserializeMainFunction: notBuildingSnapshot,
};

module.exports = {
  cachedDataVersionTag,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  serialize,
  startupSnapshot,
};
