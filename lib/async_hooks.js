'use strict';

// Node's async_hooks, in part: AsyncResource (what frameworks such as fastify use to run a
// callback "in" a resource), execution/trigger ids, and AsyncLocalStorage over the async
// context of internal/async_context. The loop does not track async ids per callback:
// outside an AsyncResource's scope the ids are the main script's (1, and 0 for its
// trigger). createHook, which needs the engine to report every promise continuation, is
// not here; nor does a store follow an `await` (see internal/async_context).

const { codes, validateFunction } = require('internal/errors');
const { getContext, setContext, runWithContext } = require('internal/async_context');
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ASYNC_ID } = codes;

let nextAsyncId = 2;
let currentAsyncId = 1;
let currentTriggerId = 0;
let warnedAsyncResource = false;

function executionAsyncId() {
  return currentAsyncId;
}

function triggerAsyncId() {
  return currentTriggerId;
}

const topLevelResource = {};
const resourcesInScope = [];

function executionAsyncResource() {
  return resourcesInScope.length > 0 ? resourcesInScope[resourcesInScope.length - 1] : topLevelResource;
}

const kAsyncId = Symbol('asyncId');
const kContext = Symbol('asyncContext');
const kTriggerAsyncId = Symbol('triggerAsyncId');

class AsyncResource {
  constructor(type, options = {}) {
    if (typeof type !== 'string') throw new ERR_INVALID_ARG_TYPE('type', 'string', type);
    let trigger = options;
    if (options !== null && typeof options === 'object') trigger = options.triggerAsyncId;
    if (trigger === undefined || typeof trigger !== 'number') trigger = executionAsyncId();
    else if (!Number.isSafeInteger(trigger) || trigger < -1) throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', trigger);
    this[kAsyncId] = nextAsyncId++;
    this[kTriggerAsyncId] = trigger;
    // The stores in effect where the resource is made are those its callbacks see.
    this[kContext] = getContext();
  }

  // Calls fn with this resource's ids as the current ones, then restores the caller's.
  runInAsyncScope(fn, thisArg, ...args) {
    const savedId = currentAsyncId, savedTrigger = currentTriggerId;
    currentAsyncId = this[kAsyncId];
    currentTriggerId = this[kTriggerAsyncId];
    resourcesInScope.push(this);
    try {
      return runWithContext(this[kContext], fn, thisArg, args);
    } finally {
      resourcesInScope.pop();
      currentAsyncId = savedId;
      currentTriggerId = savedTrigger;
    }
  }

  emitDestroy() {
    return this;
  }

  asyncId() {
    return this[kAsyncId];
  }

  triggerAsyncId() {
    return this[kTriggerAsyncId];
  }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    let resource = this;
    const bound = thisArg === undefined ?
      function bound(...args) {
        return resource.runInAsyncScope(fn, this, ...args);
      } :
      (...args) => resource.runInAsyncScope(fn, thisArg, ...args);
    if (thisArg !== undefined) Object.defineProperty(bound, 'name', { value: 'bound runInAsyncScope', configurable: true });
    Object.defineProperties(bound, {
      length: { value: fn.length, configurable: true, enumerable: false, writable: false },
      asyncResource: {
        configurable: true,
        enumerable: true,
        get() {
          if (!warnedAsyncResource) {
            warnedAsyncResource = true;
            process.emitWarning('The asyncResource property on bound functions is deprecated', 'DeprecationWarning', 'DEP0172');
          }
          return resource;
        },
        set(value) {
          resource = value;
        },
      },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    return new AsyncResource(type || fn.name || 'bound-anonymous-fn').bind(fn, thisArg);
  }
}

// A store per asynchronous flow: what run() or enterWith() set is what getStore() gives in
// the callbacks scheduled meanwhile (see internal/async_context for how far it goes).
class AsyncLocalStorage {
  #enabled = false;

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    const context = getContext();
    return function runInAsyncScope(fn, ...args) {
      return runWithContext(context, fn, this, args);
    };
  }

  disable() {
    this.#enabled = false;
    const context = getContext();
    if (context !== undefined && context.has(this)) setContext(withStore(context, this, undefined, true));
  }

  getStore() {
    if (!this.#enabled) return undefined;
    const context = getContext();
    return context === undefined ? undefined : context.get(this);
  }

  enterWith(store) {
    this.#enabled = true;
    setContext(withStore(getContext(), this, store, false));
  }

  run(store, callback, ...args) {
    this.#enabled = true;
    return runWithContext(withStore(getContext(), this, store, false), callback, null, args);
  }

  exit(callback, ...args) {
    if (!this.#enabled) return Reflect.apply(callback, null, args);
    return runWithContext(withStore(getContext(), this, undefined, true), callback, null, args);
  }
}

// A copy of `context` with `storage`'s store set (or removed): contexts are never changed
// in place, as callbacks hold on to them.
function withStore(context, storage, store, remove) {
  const next = new Map(context);
  if (remove) next.delete(storage);
  else next.set(storage, store);
  return next.size === 0 ? undefined : next;
}

module.exports = { executionAsyncId, triggerAsyncId, executionAsyncResource, AsyncResource, AsyncLocalStorage };
