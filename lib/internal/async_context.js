'use strict';
// The async context AsyncLocalStorage reads: a map from each storage to its store, carried
// from where a callback is scheduled (process.nextTick, timers, immediates,
// queueMicrotask, the thread pool's fs/dns/crypto requests, AsyncResource) to where it
// runs.
//
// QuickJS reports no promise reaction to the embedder (its promise hook has no before or
// after for them), so an `await`'s continuation cannot be given the context the function
// awaited in: after an await the context is the one the continuation happens to run in —
// that of the loop callback whose microtasks are running, which is reset to none between
// callbacks, so that a store never leaks from one callback into another.

// undefined (no store anywhere: the usual case, and then nothing is bound) or a Map.
var current;

function getContext() {
  return current;
}

function setContext(context) {
  current = context;
}

// `fn` bound to the current context: it runs in the context it was scheduled in.
function bindContext(fn) {
  if (current === undefined) return fn;
  const context = current;
  return function runInContext(...args) {
    return runWithContext(context, fn, this, args);
  };
}

// The end of a callback the loop made (its microtasks run): a store entered there
// (enterWith) goes no further.
function endCallback() {
  current = undefined;
}

// Runs `fn` with `context` as the current one, then restores the caller's.
function runWithContext(context, fn, thisArg, args) {
  const previous = current;
  current = context;
  try {
    return Reflect.apply(fn, thisArg, args);
  } finally {
    current = previous;
  }
}

module.exports = { getContext, setContext, bindContext, runWithContext, endCallback };
