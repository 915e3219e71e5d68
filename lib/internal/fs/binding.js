'use strict';
// internalBinding('fs') with Node's calling convention: a trailing callback makes the call
// run on the worker pool and report back through the event loop; without one it is
// synchronous and throws Node-style system errors.

const native = internalBinding('fs');
const { poolRequest } = require('internal/event_loop');

const binding = {};
for (const name of Object.keys(native)) {
  const call = native[name];
  // `arguments` and apply, not rest and spread: the sync path is hot, and QuickJS makes
  // no array for it this way.
  binding[name] = function () {
    const n = arguments.length;
    if (typeof arguments[n - 1] !== 'function') return call.apply(undefined, arguments);
    const callback = arguments[n - 1];
    const args = Array.prototype.slice.call(arguments, 0, n - 1);
    poolRequest((id) => { args.push(id); return call.apply(undefined, args); }, callback, args);
  };
}

module.exports = binding;
