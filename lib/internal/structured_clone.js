'use strict';

// structuredClone(value, { transfer }): HTML's structured serialize and
// deserialize steps fused into one walk that builds the copy while reading
// the original. What can be cloned, and the errors, follow Node 20 (V8's
// serializer):
//   - primitives; Boolean/Number/String/BigInt wrappers; Date; RegExp
//     (source and flags, lastIndex reset); Map and Set (entries only);
//     arrays (holes, length and extra properties kept); ArrayBuffer;
//     typed arrays and DataView (views of one buffer share the cloned
//     buffer); errors (name-selected constructor, message, stack, cause);
//     Blob;
//   - any other object is copied as a plain object: own enumerable string
//     keys, read through getters, prototype dropped;
//   - functions, symbols, Symbol wrappers, promises, Weak*, generators,
//     iterators, arguments objects, module namespaces and the global object
//     throw a DataCloneError DOMException such as "() => {} could not be
//     cloned." (nothing is transferred then).
//
// Known differences from Node:
//   - a SharedArrayBuffer clones to itself: JavaScript cannot make a second
//     object over the same memory, and sharing the memory is the point;
//   - proxies cannot be recognised, so they are cloned through their traps
//     (V8 refuses them);
//   - a view that ends exactly at the end of a resizable buffer is assumed
//     to track the buffer's length (no API tells the two kinds apart);
//   - transfer: a transferred buffer's clone is a copy and the original is
//     then detached with ArrayBuffer.prototype.transfer(). The observable
//     result is the same; only the copy costs. Moving the memory itself
//     would need every view of the buffer rebuilt after the walk, since a
//     detached buffer's views no longer report their offset and length.

let DOMExceptionClass;
function dataCloneError(message) {
  DOMExceptionClass ??= require('internal/dom_exception').DOMException;
  return new DOMExceptionClass(message, 'DataCloneError');
}

// Argument errors that Node raises from C++: a plain "TypeError: message"
// header with an own `code`.
function nativeArgError(code, message) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

function getterOf(proto, key) {
  return Object.getOwnPropertyDescriptor(proto, key).get;
}

const ObjectPrototype = Object.prototype;
const ArrayPrototype = Array.prototype;
const objectToString = ObjectPrototype.toString;
const functionToString = Function.prototype.toString;
const symbolToString = Symbol.prototype.toString;
const dateGetTime = Date.prototype.getTime;
const regExpSource = getterOf(RegExp.prototype, 'source');
const mapSize = getterOf(Map.prototype, 'size');
const mapForEach = Map.prototype.forEach;
const mapSet = Map.prototype.set;
const setSize = getterOf(Set.prototype, 'size');
const setForEach = Set.prototype.forEach;
const setAdd = Set.prototype.add;
const arrayBufferByteLength = getterOf(ArrayBuffer.prototype, 'byteLength');
const sharedArrayBufferByteLength = typeof SharedArrayBuffer === 'function' ?
  getterOf(SharedArrayBuffer.prototype, 'byteLength') : undefined;
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = getterOf(TypedArrayPrototype, Symbol.toStringTag);
const typedArrayBuffer = getterOf(TypedArrayPrototype, 'buffer');
const typedArrayByteOffset = getterOf(TypedArrayPrototype, 'byteOffset');
const typedArrayByteLength = getterOf(TypedArrayPrototype, 'byteLength');
const typedArrayLength = getterOf(TypedArrayPrototype, 'length');
const dataViewBuffer = getterOf(DataView.prototype, 'buffer');
const dataViewByteOffset = getterOf(DataView.prototype, 'byteOffset');
const dataViewByteLength = getterOf(DataView.prototype, 'byteLength');

// RegExp flags in canonical order, each read through its own getter so that
// the internal flags are used, not properties an instance may shadow.
const kRegExpFlags = [
  ['hasIndices', 'd'], ['global', 'g'], ['ignoreCase', 'i'], ['multiline', 'm'], ['dotAll', 's'],
  ['unicode', 'u'], ['unicodeSets', 'v'], ['sticky', 'y'],
].filter(([name]) => name in RegExp.prototype)
  .map(([name, flag]) => [getterOf(RegExp.prototype, name), flag]);

const kTypedArrays = { __proto__: null };
for (const name of [
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
  'Uint32Array', 'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
]) {
  if (typeof globalThis[name] === 'function') kTypedArrays[name] = globalThis[name];
}

// An error's clone is made by the constructor its `name` selects.
const kErrorConstructors = {
  __proto__: null,
  Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
};

// Brand checks call a built-in method that throws for values without its internal slot.
const { hasBrand } = require('internal/util/brand');

const promiseState = internalBinding('util').getPromiseState;
let blobModule;

// The value of `key` found by walking the prototype chain without running
// getters (undefined when an accessor is found first).
function dataProperty(object, key) {
  for (let o = object; o !== null; o = Object.getPrototypeOf(o)) {
    const descriptor = Object.getOwnPropertyDescriptor(o, key);
    if (descriptor !== undefined) return descriptor.value;
  }
  return undefined;
}

// True when `value` really is the built-in its Object.prototype.toString
// tag names, for kinds recognised only by their tag: the tag must come
// from the engine (no @@toStringTag at all, as for arguments objects) or
// from the read-only @@toStringTag of a built-in prototype, not from one a
// program defined.
function hasIntrinsicTag(value) {
  for (let o = value; o !== null; o = Object.getPrototypeOf(o)) {
    const descriptor = Object.getOwnPropertyDescriptor(o, Symbol.toStringTag);
    if (descriptor !== undefined) return 'value' in descriptor && !descriptor.writable;
  }
  return true;
}

// How V8 names a value it cannot clone: a function's source, a symbol's
// description, "#<Ctor>" for objects with the ordinary toString, else
// "[object Tag]".
function describe(value) {
  if (typeof value === 'function') return functionToString.call(value);
  if (typeof value === 'symbol') return symbolToString.call(value);
  if (dataProperty(value, 'toString') === objectToString) {
    const ctor = dataProperty(value, 'constructor');
    if (typeof ctor === 'function') {
      const name = dataProperty(ctor, 'name');
      if (typeof name === 'string' && name !== '') return `#<${name}>`;
    }
  }
  const tag = dataProperty(value, Symbol.toStringTag);
  return typeof tag === 'string' ? `[object ${tag}]` : objectToString.call(value);
}

function uncloneable(value) {
  return dataCloneError(`${describe(value)} could not be cloned.`);
}

function refuse(cloner, value) {
  throw uncloneable(value);
}

// The clone of a buffer's contents; a resizable buffer stays resizable.
function copyBuffer(buffer) {
  if (!buffer.resizable) return buffer.slice(0);
  const copy = new ArrayBuffer(buffer.byteLength, { maxByteLength: buffer.maxByteLength });
  new Uint8Array(copy).set(new Uint8Array(buffer));
  return copy;
}

function cloneView(cloner, view, isTypedArray) {
  const buffer = (isTypedArray ? typedArrayBuffer : dataViewBuffer).call(view);
  // Even when the buffer is in the transfer list: its detached state says
  // nothing of where the view was.
  if (buffer.detached) throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
  const offset = (isTypedArray ? typedArrayByteOffset : dataViewByteOffset).call(view);
  const byteLength = (isTypedArray ? typedArrayByteLength : dataViewByteLength).call(view);
  const Ctor = isTypedArray ? kTypedArrays[typedArrayTag.call(view)] : DataView;
  const bufferClone = cloner.clone(buffer);
  if (buffer.resizable && buffer.byteLength - offset - byteLength < (Ctor.BYTES_PER_ELEMENT ?? 1)) {
    return new Ctor(bufferClone, offset);
  }
  return new Ctor(bufferClone, offset, isTypedArray ? typedArrayLength.call(view) : byteLength);
}

function cloneError(cloner, error) {
  const Ctor = kErrorConstructors[`${error.name}`] ?? Error;
  const message = Object.getOwnPropertyDescriptor(error, 'message');
  const stack = error.stack;
  const clone = new Ctor();
  cloner.memory.set(error, clone);
  const hidden = { value: undefined, writable: true, enumerable: false, configurable: true };
  hidden.value = typeof stack === 'string' ? stack : undefined;
  Object.defineProperty(clone, 'stack', hidden);
  if (message !== undefined && 'value' in message) {
    hidden.value = `${message.value}`;
    Object.defineProperty(clone, 'message', hidden);
  }
  const cause = Object.getOwnPropertyDescriptor(error, 'cause');
  if (cause !== undefined && 'value' in cause) {
    hidden.value = cloner.clone(cause.value);
    Object.defineProperty(clone, 'cause', hidden);
  }
  return clone;
}

function cloneMap(cloner, map) {
  const clone = new Map();
  cloner.memory.set(map, clone);
  // The entries as they are now: cloning runs getters, which may change the map.
  const entries = [];
  mapForEach.call(map, (value, key) => entries.push(key, value));
  for (let i = 0; i < entries.length; i += 2) {
    const key = cloner.clone(entries[i]);
    mapSet.call(clone, key, cloner.clone(entries[i + 1]));
  }
  return clone;
}

function cloneSet(cloner, set) {
  const clone = new Set();
  cloner.memory.set(set, clone);
  const values = [];
  setForEach.call(set, (value) => values.push(value));
  for (const value of values) setAdd.call(clone, cloner.clone(value));
  return clone;
}

function cloneArray(cloner, array) {
  return cloner.copyProperties(array, new Array(array.length), ArrayPrototype);
}

function cloneBlob(cloner, blob) {
  // Blobs are immutable: the clone may share the bytes.
  const clone = blob.slice(0, blob.size, blob.type);
  cloner.memory.set(blob, clone);
  return clone;
}

const kViewKind = { is: (v) => ArrayBuffer.isView(v), clone: (c, v) => cloneView(c, v, true) };
const kRefusedByTag = { is: hasIntrinsicTag, clone: refuse };

// Object kinds by Object.prototype.toString tag. `is` confirms the kind
// (the tag alone can be faked with @@toStringTag); kinds whose `is` is a
// true brand check are also tried, in order, for objects whose tag a
// program changed (`brand: true`).
const kKinds = {
  __proto__: null,
  Array: { brand: true, is: Array.isArray, clone: cloneArray },
  Date: {
    brand: true,
    is: (v) => hasBrand(dateGetTime, v),
    clone: (c, v) => c.remember(v, new Date(dateGetTime.call(v))),
  },
  RegExp: {
    brand: true,
    is: (v) => hasBrand(regExpSource, v),
    clone(c, v) {
      let flags = '';
      for (const [getter, flag] of kRegExpFlags) if (getter.call(v)) flags += flag;
      return c.remember(v, new RegExp(regExpSource.call(v), flags));
    },
  },
  Map: { brand: true, is: (v) => hasBrand(mapSize, v), clone: cloneMap },
  Set: { brand: true, is: (v) => hasBrand(setSize, v), clone: cloneSet },
  Error: { is: () => true, clone: cloneError },
  Boolean: {
    brand: true,
    is: (v) => hasBrand(Boolean.prototype.valueOf, v),
    clone: (c, v) => c.remember(v, Object(Boolean.prototype.valueOf.call(v))),
  },
  Number: {
    brand: true,
    is: (v) => hasBrand(Number.prototype.valueOf, v),
    clone: (c, v) => c.remember(v, Object(Number.prototype.valueOf.call(v))),
  },
  String: {
    brand: true,
    is: (v) => hasBrand(String.prototype.valueOf, v),
    clone: (c, v) => c.remember(v, Object(String.prototype.valueOf.call(v))),
  },
  BigInt: {
    brand: true,
    is: (v) => hasBrand(BigInt.prototype.valueOf, v),
    clone: (c, v) => c.remember(v, Object(BigInt.prototype.valueOf.call(v))),
  },
  ArrayBuffer: {
    brand: true,
    is: (v) => hasBrand(arrayBufferByteLength, v),
    clone: (c, v) => c.cloneArrayBuffer(v),
  },
  SharedArrayBuffer: {
    brand: true,
    is: (v) => sharedArrayBufferByteLength !== undefined && hasBrand(sharedArrayBufferByteLength, v),
    clone: (c, v) => c.remember(v, v),
  },
  DataView: {
    brand: true,
    is: (v) => hasBrand(dataViewBuffer, v),
    clone: (c, v) => cloneView(c, v, false),
  },
  Blob: {
    is: (v) => (blobModule ??= require('internal/blob')).isBlob(v),
    clone: cloneBlob,
  },
  Symbol: { brand: true, is: (v) => hasBrand(Symbol.prototype.valueOf, v), clone: refuse },
  Promise: { brand: true, is: (v) => promiseState(v) !== undefined, clone: refuse },
  WeakMap: { brand: true, is: (v) => hasBrand(WeakMap.prototype.has, v, {}), clone: refuse },
  WeakSet: { brand: true, is: (v) => hasBrand(WeakSet.prototype.has, v, {}), clone: refuse },
  WeakRef: { brand: true, is: (v) => hasBrand(WeakRef.prototype.deref, v), clone: refuse },
  FinalizationRegistry: {
    brand: true,
    // Unregistering a token that was never registered changes nothing.
    is: (v) => hasBrand(FinalizationRegistry.prototype.unregister, v, {}),
    clone: refuse,
  },
};
for (const name in kTypedArrays) kKinds[name] = kViewKind;
for (const tag of [
  'Arguments', 'Module', 'Generator', 'AsyncGenerator', 'Array Iterator', 'Map Iterator',
  'Set Iterator', 'String Iterator', 'RegExp String Iterator', 'Iterator Helper',
  'DisposableStack', 'AsyncDisposableStack',
]) {
  kKinds[tag] = kRefusedByTag;
}
// A typed array with a changed tag is still found by its own brand check.
const kBrandedKinds = [...Object.values(kKinds).filter((kind) => kind.brand), kViewKind];

class Cloner {
  memory = new Map();

  constructor(transfer) {
    this.transfer = transfer;
  }

  remember(original, clone) {
    this.memory.set(original, clone);
    return clone;
  }

  clone(value) {
    if (typeof value !== 'object' || value === null) {
      if (typeof value === 'function' || typeof value === 'symbol') throw uncloneable(value);
      return value;
    }
    const seen = this.memory.get(value);
    if (seen !== undefined) return seen;
    if (value === globalThis) throw uncloneable(value);

    const tag = objectToString.call(value).slice(8, -1);
    if (tag === 'Object') return this.copyProperties(value, {}, ObjectPrototype);
    const kind = kKinds[tag];
    if (kind !== undefined && kind.is(value)) return kind.clone(this, value);
    // A built-in whose tag a subclass or program changed.
    for (const branded of kBrandedKinds) {
      if (branded.is(value)) return branded.clone(this, value);
    }
    return this.copyProperties(value, {}, ObjectPrototype);
  }

  // Copies the own enumerable string-keyed properties of `source` onto
  // `target`, whose prototype becomes `proto` at the end: while it is
  // copied, `target` has none, so that every key (__proto__ included)
  // becomes an own data property whatever setters or read-only properties
  // the prototype has.
  copyProperties(source, target, proto) {
    this.memory.set(source, target);
    Object.setPrototypeOf(target, null);
    for (const key of Object.keys(source)) {
      // An earlier getter may have deleted it.
      if (Object.hasOwn(source, key)) target[key] = this.clone(source[key]);
    }
    Object.setPrototypeOf(target, proto);
    return target;
  }

  cloneArrayBuffer(buffer) {
    let clone;
    if (this.transfer?.has(buffer)) {
      clone = buffer.detached ? new ArrayBuffer(0) : copyBuffer(buffer);
    } else if (buffer.detached) {
      throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
    } else {
      clone = copyBuffer(buffer);
    }
    return this.remember(buffer, clone);
  }
}

// The transfer list as a Set of ArrayBuffers, checked before anything is
// cloned. Like Node, an object without an iterator is taken as an empty
// list.
function transferList(options) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object' && typeof options !== 'function') {
    throw nativeArgError('ERR_INVALID_ARG_TYPE', 'The options argument must be either an object or undefined');
  }
  const transfer = options.transfer;
  if (transfer === undefined || transfer === null) return undefined;
  if (typeof transfer !== 'object' && typeof transfer !== 'function') {
    throw nativeArgError('ERR_INVALID_ARG_TYPE', 'Optional transferList argument must be an iterable');
  }
  if (typeof transfer[Symbol.iterator] !== 'function') return undefined;
  const buffers = new Set();
  for (const item of transfer) {
    if (item === null || typeof item !== 'object' || !hasBrand(arrayBufferByteLength, item)) {
      throw nativeArgError('ERR_INVALID_TRANSFER_OBJECT', 'Found invalid object in transferList');
    }
    if (buffers.has(item)) throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
    buffers.add(item);
  }
  return buffers;
}

// (Default parameters only to give the function Node's length of 0.)
function structuredClone(value = undefined, options = undefined) {
  if (arguments.length === 0) {
    throw nativeArgError('ERR_MISSING_ARGS', 'The value argument must be specified');
  }
  const transfer = transferList(options);
  const clone = new Cloner(transfer).clone(value);
  if (transfer !== undefined) {
    for (const buffer of transfer) if (!buffer.detached) buffer.transfer();
  }
  return clone;
}

module.exports = { structuredClone };
