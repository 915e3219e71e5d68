// async_hooks' AsyncResource: ids, runInAsyncScope (this, arguments, the current ids inside
// and after), bind and AsyncResource.bind, and Node's errors for a bad type or trigger id.
const ah = require('async_hooks');
const r = new ah.AsyncResource('X');
console.log(r.asyncId() > 1, r.triggerAsyncId(), ah.executionAsyncId(), ah.triggerAsyncId());
console.log(r.runInAsyncScope(function(a, b) {
  return [typeof this, a, b, ah.executionAsyncId() === r.asyncId(), ah.triggerAsyncId(), ah.executionAsyncResource() === r];
}, 'T', 1, 2));
console.log(ah.executionAsyncId(), ah.executionAsyncResource() === r);
try { r.runInAsyncScope(() => { throw new Error('inside'); }); } catch (e) { console.log('caught', e.message, ah.executionAsyncId()); }
const f = r.bind(function named(a) { return a + 1; });
console.log(f.name, f.length, f(1), Object.getOwnPropertyNames(f).filter((n) => n !== 'prototype'), f.asyncResource === r);
const g = ah.AsyncResource.bind((a, b) => a);
console.log(g.name, g.length, g(7), g.asyncResource instanceof ah.AsyncResource);
const h = r.bind(function() { return this; }, 'self');
console.log(h.name, String(h()));
const child = new ah.AsyncResource('Y', { triggerAsyncId: r.asyncId() });
console.log(child.triggerAsyncId() === r.asyncId(), new ah.AsyncResource('Z', 7).triggerAsyncId());
for (const bad of [[5], ['X', { triggerAsyncId: -2 }], ['X', { triggerAsyncId: 1.5 }]]) {
  try { new ah.AsyncResource(...bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(r.emitDestroy() === r);
try { r.bind(5); } catch (e) { console.log(e.code, e.message); }
