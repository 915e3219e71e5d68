// WebAssembly: a module assembled here (types, imports, functions, a table with elements,
// a memory, a global, exports) compiled, validated, instantiated both ways; calls with
// i32/i64 values, a JS import called from wasm, a JS exception thrown through wasm, traps,
// memory views across grow (the old buffer detached), tables and globals; the errors for
// bad bytes and missing imports.
'use strict';

function leb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}
const vec = (items) => [...leb(items.length), ...items.flat()];
const name = (s) => vec([...Buffer.from(s)]);
const section = (id, content) => [id, ...leb(content.length), ...content];
const I32 = 0x7f, I64 = 0x7e;
const type = (params, results) => [0x60, ...vec(params), ...vec(results)];
const body = (code) => vec([0x00, ...code, 0x0b]);

const bytes = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vec([
    type([I32], []), type([I32, I32], [I32]), type([], [I32]), type([], []), type([I64], [I64]), type([I32, I32], []),
  ])),
  ...section(2, vec([[...name('env'), ...name('log'), 0x00, 0], [...name('env'), ...name('thrower'), 0x00, 3]])),
  ...section(3, vec([[1], [0], [2], [3], [3], [4], [5]])),
  ...section(4, vec([[0x70, 0x00, 2]])),
  ...section(5, vec([[0x01, 1, 4]])),
  ...section(6, vec([[I32, 0x01, 0x41, 7, 0x0b]])),
  ...section(7, vec([
    [...name('add'), 0, 2], [...name('callLog'), 0, 3], [...name('grow'), 0, 4], [...name('boom'), 0, 5],
    [...name('callThrow'), 0, 6], [...name('dbl'), 0, 7], [...name('store'), 0, 8],
    [...name('tbl'), 1, 0], [...name('mem'), 2, 0], [...name('g'), 3, 0],
  ])),
  ...section(9, vec([[0x00, 0x41, 0, 0x0b, ...vec([[2], [7]])]])),
  ...section(10, vec([
    body([0x20, 0, 0x20, 1, 0x6a]),
    body([0x20, 0, 0x10, 0]),
    body([0x41, 1, 0x40, 0]),
    body([0x00]),
    body([0x10, 1]),
    body([0x20, 0, 0x20, 0, 0x7c]),
    body([0x20, 0, 0x20, 1, 0x3a, 0, 0]),
  ])),
]);

console.log('validate', WebAssembly.validate(bytes), WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 2, 0, 0, 0])));
const compiled = new WebAssembly.Module(bytes);
console.log('imports', JSON.stringify(WebAssembly.Module.imports(compiled)));
console.log('exports', JSON.stringify(WebAssembly.Module.exports(compiled)));
console.log(String(WebAssembly), Object.keys(WebAssembly), typeof WebAssembly.Instance);

const logged = [];
let reenter = false;
const imports = {
  env: {
    // Once `reenter` is set, the import calls back into the instance and reads its memory
    // while wasm is suspended in the call.
    log: (v) => logged.push(reenter ? [v, e.add(v, 100), new Uint8Array(e.mem.buffer)[10], e.g.value] : v),
    thrower: () => { throw new Error('thrown by JS'); },
  },
};
const instance = new WebAssembly.Instance(compiled, imports);
const e = instance.exports;
console.log('exports object', Object.keys(e), Object.isFrozen(e), Object.getPrototypeOf(e));
console.log('add', e.add(2, 40), e.add(0x7fffffff, 1), e.add('3', 4.9), e.add.length);
console.log('dbl', e.dbl(2n ** 40n), e.dbl(-3n));
try { e.dbl(1); } catch (err) { console.log('dbl(1)', err.name); }
e.callLog(5); e.callLog(-1);
console.log('logged', logged);
try { e.callThrow(); } catch (err) { console.log('through wasm:', err.message); }
try { e.boom(); } catch (err) { console.log('trap:', err instanceof WebAssembly.RuntimeError, err.name); }

const mem = e.mem;
console.log('memory', mem instanceof WebAssembly.Memory, mem.buffer.byteLength, mem.buffer === mem.buffer);
const view = new Uint8Array(mem.buffer);
e.store(10, 0x1ff);
console.log('byte', view[10]);
const before = mem.buffer;
console.log('grow from wasm', e.grow(), 'old buffer', before.byteLength, 'new', mem.buffer.byteLength, view.length);
console.log('grow from JS', mem.grow(1), mem.buffer.byteLength, new Uint8Array(mem.buffer)[10]);
try { mem.grow(10); } catch (err) { console.log('grow past maximum', err.name); }

console.log('global', e.g.value, e.g instanceof WebAssembly.Global, +e.g);
e.g.value = 9;
console.log('global set', e.g.value);
reenter = true;
e.callLog(1);
console.log('re-entered', logged.pop());
const tbl = e.tbl;
console.log('table', tbl.length, tbl.get(0) === e.add, tbl.get(1)(5n), tbl.get(0)(1, 2));
try { tbl.get(5); } catch (err) { console.log('table get past end', err.name); }

const own = new WebAssembly.Memory({ initial: 1, maximum: 2 });
console.log('own memory', own.buffer.byteLength, own.grow(1), own.buffer.byteLength);
const glob = new WebAssembly.Global({ value: 'i32', mutable: true }, 42);
console.log('own global', glob.value);

try { new WebAssembly.Module(new Uint8Array([1, 2, 3])); } catch (err) { console.log('bad bytes', err instanceof WebAssembly.CompileError, err.name); }
try { new WebAssembly.Instance(compiled, { env: {} }); } catch (err) { console.log('missing import', err instanceof WebAssembly.LinkError, err.name); }
try { new WebAssembly.Instance(compiled); } catch (err) { console.log('no imports', err.name); }
// A start function that traps: the instantiation's RuntimeError.
const trapsAtStart = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vec([type([], [])])), ...section(3, vec([[0]])), ...section(8, [0]), ...section(10, vec([body([0x00])])),
]);
try { new WebAssembly.Instance(new WebAssembly.Module(trapsAtStart)); } catch (err) { console.log('start traps', err instanceof WebAssembly.RuntimeError); }

WebAssembly.instantiate(bytes, imports).then(({ module: m, instance: i }) => {
  console.log('instantiate(bytes)', m instanceof WebAssembly.Module, i.exports.add(1, 1));
  return WebAssembly.instantiate(m, imports);
}).then((i) => {
  console.log('instantiate(module)', i instanceof WebAssembly.Instance);
  return WebAssembly.compile(new Uint8Array([0]));
}).catch((err) => console.log('compile rejects', err.name));

// WeakRef keeps a new target alive for the rest of the job, as the specification has it.
const ref = new WeakRef({ made: 'now' });
console.log('WeakRef', ref.deref(), ref instanceof WeakRef, Object.prototype.toString.call(ref));
