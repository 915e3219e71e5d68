// structuredClone: supported types, shared and circular references, transfer, DataCloneError.
const util = require('util');
const show = (label, fn) => {
  try { console.log(label, util.inspect(fn(), { depth: 4, breakLength: 120 })); } catch (e) { console.log(label, 'threw', e.constructor.name, e.name, e.code, e.message); }
};
const shared = { s: 1 };
const src = {
  n: -0, big: 10n, str: 'x', u: undefined, nul: null, date: new Date(0), re: /a+/gi,
  map: new Map([[1, shared]]), set: new Set([shared, 'a']), arr: [1, , 3], err: new RangeError('bad', { cause: shared }),
  boxed: [Object(1), Object('s'), Object(true)], u8: new Uint8Array([1, 2]), nested: { deep: [shared] },
};
src.arr.extra = 'p';
src.self = src;
const c = structuredClone(src);
console.log(util.inspect({ ...c, err: [c.err.name, c.err.message, c.err.cause], self: c.self === c }, { depth: 4, breakLength: 120 }));
console.log(c.map.get(1) === c.nested.deep[0], c.set.has(c.nested.deep[0]), c.err instanceof RangeError, Object.is(c.n, -0), 1 in c.arr);
show('class instance', () => { class P { constructor() { this.x = 1; } } const v = structuredClone(new P()); return [v, v.constructor === Object]; });
show('views share', () => { const ab = new ArrayBuffer(8); const v = structuredClone([new Uint8Array(ab, 2, 2), new DataView(ab)]); return [v[0].buffer === v[1].buffer, v[0].byteOffset]; });
show('transfer', () => { const ab = new Uint8Array([5, 6]).buffer; const v = structuredClone({ ab }, { transfer: [ab] }); return [ab.byteLength, new Uint8Array(v.ab)]; });
show('getter', () => structuredClone({ get g() { return 'got'; } }));
show('symbol keys', () => structuredClone({ [Symbol('k')]: 1, k: 2 }));
show('function', () => structuredClone({ f() {} }));
show('arrow', () => structuredClone(() => {}));
show('symbol', () => structuredClone(Symbol('s')));
show('promise', () => structuredClone(Promise.resolve()));
show('weakmap', () => structuredClone(new WeakMap()));
show('no args', () => structuredClone());
show('bad options', () => structuredClone(1, 1));
show('bad transfer', () => structuredClone(1, { transfer: [{}] }));
show('duplicate transfer', () => { const ab = new ArrayBuffer(1); return structuredClone(1, { transfer: [ab, ab] }); });
show('detached', () => { const ab = new ArrayBuffer(1); structuredClone(ab, { transfer: [ab] }); return structuredClone(ab); });
show('error is DOMException', () => { try { structuredClone(Symbol()); } catch (e) { return [e instanceof DOMException, e.code]; } });
show('blob', () => util.inspect(structuredClone(new Blob(['ab'], { type: 'text/plain' }))));
