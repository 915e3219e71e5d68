'use strict';

// Atomics.wait and Atomics.notify over the runtime's own waiters (bindings/atomics.rs),
// so that worker.terminate() ends a worker blocked in Atomics.wait, as Node's does;
// QuickJS's own cannot be interrupted. The checks, conversions and errors are V8's.

const binding = internalBinding('atomics');

const TypedArrayPrototype = Object.getPrototypeOf(Int8Array.prototype);
const getter = (name) => Object.getOwnPropertyDescriptor(TypedArrayPrototype, name).get;
const typedArrayTag = getter(Symbol.toStringTag);
const bufferOf = getter('buffer');
const byteOffsetOf = getter('byteOffset');
const lengthOf = getter('length');
const objectToString = Object.prototype.toString;

function describe(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function' ?
    objectToString.call(value) : String(value);
}

// The byte offset of element `index` of an Int32Array or BigInt64Array, and whether its
// elements are 64-bit.
function element(typedArray, index, mustBeShared) {
  const tag = ArrayBuffer.isView(typedArray) ? typedArrayTag.call(typedArray) : undefined;
  if (tag !== 'Int32Array' && tag !== 'BigInt64Array') {
    throw new TypeError(`${describe(typedArray)} is not an int32 or BigInt64 typed array.`);
  }
  const shared = objectToString.call(bufferOf.call(typedArray)) === '[object SharedArrayBuffer]';
  if (mustBeShared && !shared) throw new TypeError(`${describe(typedArray)} is not a shared typed array.`);
  // ToIndex: NaN is 0; fractions are cut; past the length (or below 0) is out.
  const i = Math.trunc(Number(index)) || 0;
  if (!(i >= 0 && i < lengthOf.call(typedArray))) throw new RangeError('Invalid atomic access index');
  const wide = tag === 'BigInt64Array';
  return { shared, wide, offset: byteOffsetOf.call(typedArray) + i * (wide ? 8 : 4) };
}

function toBigInt64(value) {
  if (typeof value === 'number' || value === undefined || value === null || typeof value === 'symbol') {
    throw new TypeError(`Cannot convert ${String(value)} to a BigInt`);
  }
  return BigInt.asIntN(64, BigInt(value));
}

function wait(typedArray, index, value, timeout) {
  const { wide, offset } = element(typedArray, index, true);
  let low, high = 0;
  if (wide) {
    const v = toBigInt64(value);
    low = Number(v & 0xffffffffn);
    high = Number(v >> 32n);
  } else {
    low = value | 0;
  }
  let ms = Number(timeout);
  ms = Number.isNaN(ms) ? Infinity : Math.max(ms, 0);
  return binding.wait(bufferOf.call(typedArray), offset, wide, low, high, ms);
}

function notify(typedArray, index, count) {
  const { shared, offset } = element(typedArray, index, false);
  let n = count === undefined ? Infinity : Math.trunc(Number(count)) || 0;
  n = Math.max(n, 0);
  if (!shared) return 0;
  return binding.notify(bufferOf.call(typedArray), offset, n);
}

module.exports = { wait, notify };
