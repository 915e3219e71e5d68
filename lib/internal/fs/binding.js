'use strict';
// internalBinding('fs') with Node's calling convention: a trailing callback makes the call
// run on the worker pool and report back through the event loop; without one it is
// synchronous and throws Node-style system errors.

const native = internalBinding('fs');
const { poolRequest } = require('internal/event_loop');

const binding = {};
// Calls that are only ever synchronous skip the wrapper below.
const syncOnly = new Set(['statSync', 'statsFromArray', 'setStatsPrototype', 'internalModuleStat', 'readFileUtf8', 'readFileText']);

for (const name of Object.keys(native)) {
  const call = native[name];
  if (syncOnly.has(name)) {
    binding[name] = call;
    continue;
  }
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

// The unwrapped calls, for sync paths hot enough that the wrapper's cost shows
// (readFileSync, existsSync): always synchronous.
binding.sync = native;

module.exports = binding;
