'use strict';

// Node's async_hooks, in part: AsyncResource (what frameworks such as fastify use to run a
// callback "in" a resource), and execution/trigger ids. The loop does not track async ids
// per callback: outside an AsyncResource's scope the ids are the main script's (1, and 0
// for its trigger). createHook and AsyncLocalStorage, which need the engine to report
// every promise continuation, are not here yet.

const { codes, validateFunction } = require('internal/errors');
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
  }

  // Calls fn with this resource's ids as the current ones, then restores the caller's.
  runInAsyncScope(fn, thisArg, ...args) {
    const savedId = currentAsyncId, savedTrigger = currentTriggerId;
    currentAsyncId = this[kAsyncId];
    currentTriggerId = this[kTriggerAsyncId];
    resourcesInScope.push(this);
    try {
      return Reflect.apply(fn, thisArg, args);
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

module.exports = { executionAsyncId, triggerAsyncId, executionAsyncResource, AsyncResource };
