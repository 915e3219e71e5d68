// util.inspect and util.types.isProxy on proxies: targets shown without running traps,
// showProxy, revoked proxies, nested proxies, custom inspect through a proxy.
const util = require('util');
const target = { a: 1, nested: { b: [1, 2] } };
const handler = { get(t, k) { console.log('TRAP get', String(k)); return t[k]; }, ownKeys(t) { console.log('TRAP ownKeys'); return Reflect.ownKeys(t); } };
const p = new Proxy(target, handler);
console.log(util.types.isProxy(p), util.types.isProxy(target), util.types.isProxy({}));
console.log(util.inspect(p));
console.log(util.inspect(p, { showProxy: true }));
console.log(util.inspect(p, { showProxy: true, depth: 0 }));
console.log(util.inspect({ deep: { p } }, { showProxy: true, depth: 0 }));
const arr = new Proxy([1, 2, 3], {});
console.log(arr, util.inspect(arr, { showProxy: true }));
const fn = new Proxy(function named() {}, {});
console.log(fn, util.inspect(fn, { showProxy: true }));
const { proxy, revoke } = Proxy.revocable({}, {});
revoke();
console.log(util.inspect(proxy), util.inspect(proxy, { showProxy: true }), util.types.isProxy(proxy));
const custom = new Proxy({ [util.inspect.custom]() { return 'custom!'; } }, {});
console.log(util.inspect(custom));
console.log(util.format('%o', p));
const pp = new Proxy(new Proxy({ x: 1 }, {}), {});
console.log(util.inspect(pp, { showProxy: true }), util.inspect(pp));
