'use strict';
// internalBinding('fs') with Node's calling convention: a trailing callback makes the call
// run on the worker pool and report back through the event loop; without one it is
// synchronous and throws Node-style system errors.

const native = internalBinding('fs');
const { poolRequest } = require('internal/event_loop');

const binding = {};
for (const name of Object.keys(native)) {
  const call = native[name];
  binding[name] = function (...args) {
    if (typeof args[args.length - 1] !== 'function') return call(...args);
    const callback = args.pop();
    poolRequest((id) => call(...args, id), callback, args);
  };
}

module.exports = binding;
