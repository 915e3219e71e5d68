// @flags --expose-gc
// gc() of --expose-gc: there, callable, and with { execution: 'async' } a promise.
console.log(typeof gc, typeof globalThis.gc, gc(), gc({ type: 'minor' }));
const p = gc({ execution: 'async' });
console.log(p instanceof Promise);
p.then((v) => console.log('after async gc', v));
