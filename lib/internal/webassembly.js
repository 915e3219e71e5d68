'use strict';
// The WebAssembly namespace (QuickJS has none) over crates/runtime's wasm binding, which
// runs modules in wasmi, an interpreter: Module, Instance, Memory, Table, Global,
// compile/instantiate/validate (and their *Streaming forms over a Response), and the
// CompileError/LinkError/RuntimeError classes. Natives hold modules and externals by index;
// each object here keeps its index under kIndex.

const binding = internalBinding('wasm');

const kIndex = Symbol('kIndex');
const kBuffer = Symbol('kBuffer');
const kGeneration = Symbol('kGeneration');

class CompileError extends Error {}
class LinkError extends Error {}
class RuntimeError extends Error {}
for (const E of [CompileError, LinkError, RuntimeError]) {
  Object.defineProperty(E.prototype, 'name', { value: E.name, writable: true, configurable: true });
}

// The JS functions modules import, by the index their host functions call (lent to every
// call into wasm), and each JS function's index.
const hostFunctions = [];
const hostIndex = new Map();
// The wrappers made for externals (by index), so that one external is one JS object.
const wrappers = new Map();
// Memories whose buffer JS holds: checked after every call into wasm and before every
// call out of it, as wasm may have grown them.
const liveMemories = new Set();

function syncMemories() {
  for (const memory of liveMemories) {
    if (binding.memoryGeneration(memory[kIndex]) !== memory[kGeneration]) {
      binding.detach(memory[kBuffer]);
      memory[kBuffer] = undefined;
      liveMemories.delete(memory);
    }
  }
}

function bytesOf(source, what) {
  if (ArrayBuffer.isView(source) || source instanceof ArrayBuffer || source instanceof SharedArrayBuffer) return source;
  throw new TypeError(`${what}: Argument 0 must be a buffer source`);
}

function throwFrom(message) {
  const colon = message.indexOf(': ');
  const kind = message.slice(0, colon);
  const text = message.slice(colon + 2);
  if (kind === 'LinkError') throw new LinkError(`WebAssembly.Instance(): ${text}`);
  if (kind === 'RangeError') throw new RangeError(text);
  throw new RuntimeError(text);
}

class Module {
  constructor(bytes) {
    if (new.target === undefined) throw new TypeError("WebAssembly.Module must be invoked with 'new'");
    const id = binding.compile(bytesOf(bytes, 'WebAssembly.Module()'));
    if (typeof id === 'string') throw new CompileError(`WebAssembly.Module(): ${id}`);
    this[kIndex] = id;
  }

  static imports(module) {
    checkModule(module, 'WebAssembly.Module.imports()');
    return binding.imports(module[kIndex]).map(([m, name, kind]) => ({ module: m, name, kind }));
  }

  static exports(module) {
    checkModule(module, 'WebAssembly.Module.exports()');
    return binding.exports(module[kIndex]).map(([name, kind]) => ({ name, kind }));
  }

  static customSections(module, name) {
    checkModule(module, 'WebAssembly.Module.customSections()');
    if (name === undefined) throw new TypeError('WebAssembly.Module.customSections(): Argument 1 is required');
    return binding.customSections(module[kIndex], String(name));
  }
}

function checkModule(module, what) {
  if (!(module instanceof Module)) throw new TypeError(`${what}: Argument 0 must be a WebAssembly.Module`);
}

class Instance {
  constructor(module, importObject) {
    if (new.target === undefined) throw new TypeError("WebAssembly.Instance must be invoked with 'new'");
    checkModule(module, 'WebAssembly.Instance()');
    const wanted = binding.imports(module[kIndex]);
    if (wanted.length > 0 && (importObject === undefined || importObject === null || typeof importObject !== 'object')) {
      throw new TypeError('WebAssembly.Instance(): Imports argument must be present and must be an object');
    }
    const given = wanted.map(([m, name, kind], i) => importOf(importObject, m, name, kind, i));
    const rows = binding.instantiate(module[kIndex], given, hostFunctions);
    if (typeof rows === 'string') throwFrom(rows);
    const exports = { __proto__: null };
    for (const [name, kind, index] of rows) exports[name] = wrap(kind, index);
    syncMemories();
    Object.defineProperty(this, 'exports', { value: Object.freeze(exports), enumerable: true, configurable: true });
  }
}

function importOf(importObject, moduleName, name, kind, i) {
  const ns = importObject[moduleName];
  if (ns === null || (typeof ns !== 'object' && typeof ns !== 'function')) {
    throw new TypeError(`WebAssembly.Instance(): Import #${i} "${moduleName}": module is not an object or function`);
  }
  const value = ns[name];
  switch (kind) {
    case 'function': {
      if (typeof value !== 'function') {
        throw new LinkError(`WebAssembly.Instance(): Import #${i} "${moduleName}" "${name}": function import requires a callable`);
      }
      if (value[kIndex] !== undefined) return value[kIndex];
      let k = hostIndex.get(value);
      if (k === undefined) {
        k = hostFunctions.length;
        hostFunctions.push(hostCall(value));
        hostIndex.set(value, k);
      }
      return -(k + 1);
    }
    case 'memory':
      if (!(value instanceof Memory)) throw new LinkError(`WebAssembly.Instance(): Import #${i} "${moduleName}" "${name}": memory import must be a WebAssembly.Memory object`);
      return value[kIndex];
    case 'table':
      if (!(value instanceof Table)) throw new LinkError(`WebAssembly.Instance(): Import #${i} "${moduleName}" "${name}": table import requires a WebAssembly.Table`);
      return value[kIndex];
    default:
      if (value instanceof Global) return value[kIndex];
      if (typeof value === 'number' || typeof value === 'bigint') return new Global({ value: typeof value === 'bigint' ? 'i64' : 'f64' }, value)[kIndex];
      throw new LinkError(`WebAssembly.Instance(): Import #${i} "${moduleName}" "${name}": global import must be a number, valid Wasm reference, or WebAssembly.Global object`);
  }
}

// A JS import as wasm calls it: the memories it may look at are made current first.
function hostCall(fn) {
  return (...args) => {
    syncMemories();
    return fn(...args);
  };
}

function wrap(kind, index) {
  let w = wrappers.get(index);
  if (w !== undefined) return w;
  switch (kind) {
    case 'function': w = exportedFunction(index); break;
    case 'memory': w = Object.create(Memory.prototype); w[kIndex] = index; break;
    case 'table': w = Object.create(Table.prototype); w[kIndex] = index; break;
    default: w = Object.create(Global.prototype); w[kIndex] = index; break;
  }
  wrappers.set(index, w);
  return w;
}

function exportedFunction(index) {
  const f = function(...args) {
    const out = binding.call(index, args, hostFunctions);
    syncMemories();
    if (typeof out === 'string') throw new RuntimeError(out);
    return out[0];
  };
  Object.defineProperty(f, 'name', { value: String(index) });
  Object.defineProperty(f, 'length', { value: binding.arity(index) });
  f[kIndex] = index;
  return f;
}

function pages(descriptor, key, what) {
  const v = descriptor[key];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 65536) throw new TypeError(`${what}: Property '${key}': value ${v} is above the upper bound 65536`);
  return Math.floor(n);
}

class Memory {
  constructor(descriptor) {
    if (new.target === undefined) throw new TypeError("WebAssembly.Memory must be invoked with 'new'");
    if (descriptor === null || typeof descriptor !== 'object') throw new TypeError('WebAssembly.Memory(): Argument 0 must be a memory descriptor');
    const initial = pages(descriptor, 'initial', 'WebAssembly.Memory()') ?? 0;
    const maximum = pages(descriptor, 'maximum', 'WebAssembly.Memory()');
    if (maximum !== undefined && maximum < initial) throw new RangeError('WebAssembly.Memory(): Property \'maximum\': value is below the lower bound');
    const id = binding.memoryNew(initial, maximum);
    if (typeof id === 'string') throwFrom(id);
    this[kIndex] = id;
    wrappers.set(id, this);
  }

  get buffer() {
    if (this[kBuffer] === undefined) {
      this[kGeneration] = binding.memoryGeneration(this[kIndex]);
      this[kBuffer] = binding.memoryBuffer(this[kIndex]);
      liveMemories.add(this);
    }
    return this[kBuffer];
  }

  grow(delta) {
    const old = binding.memoryGrow(this[kIndex], delta >>> 0);
    if (old < 0) throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
    // The buffer is replaced even when it did not move, as the specification has it.
    if (this[kBuffer] !== undefined) {
      binding.detach(this[kBuffer]);
      this[kBuffer] = undefined;
      liveMemories.delete(this);
    }
    return old;
  }
}

class Table {
  constructor(descriptor) {
    if (new.target === undefined) throw new TypeError("WebAssembly.Table must be invoked with 'new'");
    if (descriptor === null || typeof descriptor !== 'object') throw new TypeError('WebAssembly.Table(): Argument 0 must be a table descriptor');
    if (descriptor.element !== 'anyfunc' && descriptor.element !== 'funcref') {
      throw new TypeError("WebAssembly.Table(): Descriptor property 'element' must be a WebAssembly reference type");
    }
    const id = binding.tableNew(Number(descriptor.initial) >>> 0, descriptor.maximum === undefined ? undefined : Number(descriptor.maximum) >>> 0);
    if (typeof id === 'string') throwFrom(id);
    this[kIndex] = id;
    wrappers.set(id, this);
  }

  get length() {
    return binding.tableLength(this[kIndex]);
  }

  get(index) {
    const f = binding.tableGet(this[kIndex], index >>> 0);
    if (f === undefined) throw new RangeError(`WebAssembly.Table.get(): invalid address ${index} in funcref table of size ${this.length}`);
    return f === null ? null : wrap('function', f);
  }

  set(index, value = null) {
    if (value !== null && (typeof value !== 'function' || value[kIndex] === undefined)) {
      throw new TypeError('WebAssembly.Table.set(): Argument 1 is invalid for table: function-typed object expected');
    }
    if (!binding.tableSet(this[kIndex], index >>> 0, value === null ? undefined : value[kIndex])) {
      throw new RangeError(`WebAssembly.Table.set(): invalid address ${index} in funcref table of size ${this.length}`);
    }
  }

  grow(delta) {
    const old = binding.tableGrow(this[kIndex], delta >>> 0);
    if (old < 0) throw new RangeError('WebAssembly.Table.grow(): failed to grow table');
    return old;
  }
}

class Global {
  constructor(descriptor, value) {
    if (new.target === undefined) throw new TypeError("WebAssembly.Global must be invoked with 'new'");
    if (descriptor === null || typeof descriptor !== 'object') throw new TypeError('WebAssembly.Global(): Argument 0 must be a global descriptor');
    this[kIndex] = binding.globalNew(String(descriptor.value), Boolean(descriptor.mutable), value);
    wrappers.set(this[kIndex], this);
  }

  get value() {
    return binding.globalGet(this[kIndex]);
  }

  set value(v) {
    binding.globalSet(this[kIndex], v);
  }

  valueOf() {
    return this.value;
  }
}

function validate(bytes) {
  return binding.validate(bytesOf(bytes, 'WebAssembly.validate()'));
}

// The promise forms compile at once (there is no background compiler) and settle on a
// later job, as engines do.
function compile(bytes) {
  return new Promise((resolve) => resolve(new Module(bytes)));
}

function instantiate(source, importObject) {
  return new Promise((resolve) => {
    if (source instanceof Module) {
      resolve(new Instance(source, importObject));
      return;
    }
    const module = new Module(source);
    resolve({ module, instance: new Instance(module, importObject) });
  });
}

async function compileStreaming(source) {
  const response = await source;
  return compile(await response.arrayBuffer());
}

async function instantiateStreaming(source, importObject) {
  const response = await source;
  return instantiate(await response.arrayBuffer(), importObject);
}

const WebAssembly = {
  compile,
  validate,
  instantiate,
  compileStreaming,
  instantiateStreaming,
  Module,
  Instance,
  Memory,
  Table,
  Global,
  CompileError,
  LinkError,
  RuntimeError,
};
// The classes are not enumerable, the functions are (as in V8).
for (const key of ['Module', 'Instance', 'Memory', 'Table', 'Global', 'CompileError', 'LinkError', 'RuntimeError']) {
  Object.defineProperty(WebAssembly, key, { enumerable: false });
}
Object.defineProperty(WebAssembly, Symbol.toStringTag, { value: 'WebAssembly', configurable: true });

module.exports = WebAssembly;
