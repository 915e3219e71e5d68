'use strict';
// WeakRef as the specification has it: a target, whether just given to the constructor or
// returned by deref(), stays alive at least until the current job's end (its "kept
// objects"). QuickJS-ng frees an object as soon as its last strong reference goes, so
// `new WeakRef(makeObject()).deref()` would be undefined at once (undici's fetch resolves
// its promise that way); the targets are held here until the loop's next turn.

let kept = [];

function clearKeptObjects() {
  kept = [];
}

function keep(target) {
  if (kept.length === 0) setImmediate(clearKeptObjects).unref();
  kept.push(target);
}

// The global WeakRef, made from the engine's (which the global names until this replaces it).
function makeWeakRef(EngineWeakRef) {
  return class WeakRef extends EngineWeakRef {
    constructor(target) {
      super(target);
      keep(target);
    }

    deref() {
      const target = super.deref();
      if (target !== undefined) keep(target);
      return target;
    }
  };
}

module.exports = makeWeakRef;
