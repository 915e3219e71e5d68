'use strict';

// The `events` module: EventEmitter and its static helpers, plus the DOM-style
// EventTarget, Event and CustomEvent classes (the runtime installs the latter
// three as globals).
//
// This module is loaded while the runtime bootstraps, before `process` exists
// (the process object is itself an EventEmitter).  Nothing here may touch
// `process` at load time, and the module-scoped `process` binding may stay
// undefined, so the live object is always read from globalThis.  util is
// loaded lazily for the same reason.
//
// Module-level bindings, and emitTwo's locals, are var (see internal/http/server.js).

// internal/errors is loaded only when something fails: events loads at start-up.
var errorsModule;
function errors() {
  return (errorsModule ??= require('internal/errors'));
}
function validateFunction(value, name) {
  if (typeof value !== 'function') errors().validateFunction(value, name);
}
function validateBoolean(value, name) {
  if (typeof value !== 'boolean') errors().validateBoolean(value, name);
}
var validateNumber = (...args) => errors().validateNumber(...args);
var validateInteger = (...args) => errors().validateInteger(...args);
var validateObject = (...args) => errors().validateObject(...args);
var validateAbortSignal = (...args) => errors().validateAbortSignal(...args);

var utilInspect;
function inspect(value, options) {
  utilInspect ??= require('util').inspect;
  return utilInspect(value, options);
}

function emitWarning(warning) {
  const proc = globalThis.process;
  if (proc !== undefined && typeof proc.emitWarning === 'function') proc.emitWarning(warning);
}

// Reports an exception thrown (or a promise rejected) by an EventTarget
// listener: as in browsers, it does not stop the dispatch but surfaces later
// as an uncaught exception.
function reportListenerError(err) {
  const proc = globalThis.process;
  const later = proc !== undefined && typeof proc.nextTick === 'function' ?
    (fn) => proc.nextTick(fn) : queueMicrotask;
  later(() => { throw err; });
}

var kCapture = Symbol('kCapture');
var kErrorMonitor = Symbol('events.errorMonitor');
var kRejection = Symbol.for('nodejs.rejection');
var kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
var kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
// Listener option used internally for abort listeners: such a listener still
// runs after an earlier one called stopImmediatePropagation().
var kResistStopPropagation = Symbol('kResistStopPropagation');
var kDispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');
var kInspect = Symbol.for('nodejs.util.inspect.custom');

var defaultMaxListeners = 10;

// ---------------------------------------------------------------------------
// EventEmitter
//
// Listeners live in `this._events`, a null-prototype object mapping each event
// name to either a single function or an array of functions.  That shape,
// `_eventsCount` and `_maxListeners` are de-facto public: many npm packages
// read them directly, so they are kept exactly as Node has them.

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;
Object.defineProperty(EventEmitter.prototype, kCapture, {
  value: false,
  writable: true,
  enumerable: false,
  configurable: true,
});

// Also called directly (`EventEmitter.init.call(this)`) by code that builds
// emitters without the constructor.
EventEmitter.init = function init(opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts?.captureRejections) {
    validateBoolean(opts.captureRejections, 'options.captureRejections');
    this[kCapture] = true;
  } else {
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
};

function getMaxListenersOf(emitter) {
  return emitter._maxListeners === undefined ? defaultMaxListeners : emitter._maxListeners;
}

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  validateNumber(n, 'setMaxListeners', 0);
  this._maxListeners = n;
  return this;
};

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return getMaxListenersOf(this);
};

EventEmitter.prototype.emit = function emit(type, ...args) {
  let throwError = type === 'error';
  const events = this._events;
  if (events !== undefined) {
    // errorMonitor listeners observe errors without counting as handlers.
    if (throwError && events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
    throwError = throwError && events.error === undefined;
  } else if (!throwError) {
    return false;
  }

  if (throwError) {
    const er = args[0];
    if (er instanceof Error) throw er;
    let shown;
    try {
      shown = inspect(er);
    } catch {
      shown = er;
    }
    const err = new (errors().codes.ERR_UNHANDLED_ERROR)(shown);
    err.context = er;
    throw err;
  }

  const handler = events[type];
  if (handler === undefined) return false;
  if (typeof handler === 'function') {
    const result = Reflect.apply(handler, this, args);
    if (result !== undefined && result !== null) captureRejection(this, result, type, args);
  } else {
    // Snapshot: listeners added or removed while emitting take effect for
    // the next emit only.
    const listeners = handler.slice();
    for (let i = 0; i < listeners.length; i++) {
      const result = Reflect.apply(listeners[i], this, args);
      if (result !== undefined && result !== null) captureRejection(this, result, type, args);
    }
  }
  return true;
};

// emitter.emit(type, a, b) for the runtime's callers that always pass two arguments (the
// HTTP server's 'request', once per request): the same steps for a single listener,
// without emit's rest array (a tenth of a microsecond in QuickJS).
function emitTwo(emitter, type, a, b) {
  var events = emitter._events;
  var handler = events === undefined ? undefined : events[type];
  if (typeof handler !== 'function' || type === 'error' || emitter.emit !== EventEmitter.prototype.emit) {
    return emitter.emit(type, a, b);
  }
  var result = handler.call(emitter, a, b);
  if (result !== undefined && result !== null) captureRejection(emitter, result, type, [a, b]);
  return true;
}
Object.defineProperty(EventEmitter, require('internal/events/symbols').kEmitTwo, {
  __proto__: null,
  value: emitTwo,
});

// With captureRejections on, a listener's rejected promise is routed to the
// emitter's [Symbol.for('nodejs.rejection')] method if it has one, else to
// its 'error' event.
function captureRejection(emitter, promise, type, args) {
  if (!emitter[kCapture]) return;
  try {
    const then = promise.then;
    if (typeof then === 'function') {
      Reflect.apply(then, promise, [undefined, (err) => {
        // Deferred so that a throwing 'error' handler becomes an uncaught
        // exception instead of yet another rejection.
        globalThis.process.nextTick(reportRejection, emitter, err, type, args);
      }]);
    }
  } catch (err) {
    emitter.emit('error', err);
  }
}

function reportRejection(emitter, err, type, args) {
  if (typeof emitter[kRejection] === 'function') {
    emitter[kRejection](err, type, ...args);
    return;
  }
  // Capturing is switched off meanwhile, or a rejecting 'error' listener
  // would loop forever.
  const previous = emitter[kCapture];
  try {
    emitter[kCapture] = false;
    emitter.emit('error', err);
  } finally {
    emitter[kCapture] = previous;
  }
}

function addListenerImpl(target, type, listener, prepend) {
  validateFunction(listener, 'listener');

  let events = target._events;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else if (events.newListener !== undefined) {
    // Announced before the listener is added, so a 'newListener' handler
    // never sees itself.  Handlers may replace _events: reload it.
    target.emit('newListener', type, listener.listener ?? listener);
    events = target._events;
  }

  const existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    target._eventsCount++;
    return target;
  }
  let list = existing;
  if (typeof existing === 'function') {
    list = events[type] = prepend ? [listener, existing] : [existing, listener];
  } else if (prepend) {
    list.unshift(listener);
  } else {
    list.push(listener);
  }

  const max = getMaxListenersOf(target);
  if (max > 0 && list.length > max && !list.warned) {
    list.warned = true;
    const warning = new Error(
      `Possible EventEmitter memory leak detected. ${list.length} ${String(type)} listeners ` +
      `added to ${inspect(target, { depth: -1 })}. MaxListeners is ${max}. ` +
      'Use emitter.setMaxListeners() to increase limit');
    warning.name = 'MaxListenersExceededWarning';
    warning.emitter = target;
    warning.type = type;
    warning.count = list.length;
    emitWarning(warning);
  }
  return target;
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  return addListenerImpl(this, type, listener, false);
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return addListenerImpl(this, type, listener, true);
};

// Wraps `listener` so that it removes itself before its first call.  The
// original stays reachable as `.listener`, which removeListener(),
// listeners() and listenerCount() look through.
function onceWrap(target, type, listener) {
  let fired = false;
  function onceWrapper(...args) {
    if (fired) return undefined;
    fired = true;
    target.removeListener(type, onceWrapper);
    return Reflect.apply(listener, target, args);
  }
  onceWrapper.listener = listener;
  return onceWrapper;
}

EventEmitter.prototype.once = function once(type, listener) {
  validateFunction(listener, 'listener');
  this.on(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  validateFunction(listener, 'listener');
  this.prependListener(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  validateFunction(listener, 'listener');
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;

  if (list === listener || list.listener === listener) {
    if (--this._eventsCount === 0) {
      this._events = { __proto__: null };
    } else {
      delete events[type];
      if (events.removeListener !== undefined) {
        this.emit('removeListener', type, list.listener || listener);
      }
    }
    return this;
  }
  if (typeof list === 'function') return this;

  // The most recently added match goes first.
  let position = -1;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i] === listener || list[i].listener === listener) {
      position = i;
      break;
    }
  }
  if (position < 0) return this;
  list.splice(position, 1);
  if (list.length === 1) events[type] = list[0];
  if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  // Called without arguments, it removes every event; an explicit
  // `undefined` names the event 'undefined'.
  const everything = arguments.length === 0;

  if (events.removeListener === undefined) {
    // Nobody listens for removals: drop the lists wholesale.
    if (everything) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = { __proto__: null };
      else delete events[type];
    }
    return this;
  }

  // Remove one listener at a time so that each removal is announced, and
  // 'removeListener' listeners last so that they hear about the others.
  if (everything) {
    for (const key of Reflect.ownKeys(events)) {
      if (key !== 'removeListener') this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = { __proto__: null };
    this._eventsCount = 0;
    return this;
  }
  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const list = events[type];
  if (list === undefined) return [];
  if (typeof list === 'function') return unwrap ? [list.listener || list] : [list];
  return unwrap ? list.map((l) => l.listener || l) : list.slice();
}

EventEmitter.prototype.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};

EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};

function listenerCount(type, listener) {
  const events = this._events;
  if (events === undefined) return 0;
  const list = events[type];
  if (list === undefined) return 0;
  if (typeof list === 'function') return listener == null || matchesListener(list, listener) ? 1 : 0;
  if (listener == null) return list.length;
  return list.filter((l) => matchesListener(l, listener)).length;
}

// A registered function stands for `listener` itself or for its once() wrapper.
function matchesListener(registered, listener) {
  return registered === listener || registered.listener === listener;
}
EventEmitter.prototype.listenerCount = listenerCount;

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

// ---------------------------------------------------------------------------
// Static helpers

function isEventTarget(value) {
  return value !== null && typeof value === 'object' && value[kListenerLists] !== undefined;
}

// The helpers below accept either an EventEmitter (anything with on/off
// style methods) or an EventTarget.
function agnosticAddListener(emitter, name, listener, options) {
  if (typeof emitter.on === 'function') {
    if (options?.once) emitter.once(name, listener);
    else emitter.on(name, listener);
  } else if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, options);
  } else {
    throw new (errors().codes.ERR_INVALID_ARG_TYPE)('emitter', 'EventEmitter', emitter);
  }
}

function agnosticRemoveListener(emitter, name, listener, options) {
  if (typeof emitter.removeListener === 'function') {
    emitter.removeListener(name, listener);
  } else if (typeof emitter.removeEventListener === 'function') {
    emitter.removeEventListener(name, listener, options);
  } else {
    throw new (errors().codes.ERR_INVALID_ARG_TYPE)('emitter', 'EventEmitter', emitter);
  }
}

function abortErrorFor(signal) {
  return new (errors().AbortError)(undefined, { cause: signal?.reason });
}

// Resolves with the arguments of the next `name` event (an array; for an
// EventTarget, [event]); rejects on an 'error' event or when `signal` aborts.
async function once(emitter, name, options = {}) {
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw abortErrorFor(signal);
  return new Promise((resolve, reject) => {
    const cleanupSignal = () => {
      if (signal != null) signal.removeEventListener('abort', onAbort);
    };
    const onError = (err) => {
      emitter.removeListener(name, onEvent);
      cleanupSignal();
      reject(err);
    };
    const onEvent = (...args) => {
      if (typeof emitter.removeListener === 'function') emitter.removeListener('error', onError);
      cleanupSignal();
      resolve(args);
    };
    function onAbort() {
      agnosticRemoveListener(emitter, name, onEvent);
      agnosticRemoveListener(emitter, 'error', onError);
      reject(abortErrorFor(signal));
    }
    agnosticAddListener(emitter, name, onEvent, { once: true, [kResistStopPropagation]: true });
    if (name !== 'error' && typeof emitter.on === 'function') emitter.once('error', onError);
    if (signal != null) {
      signal.addEventListener('abort', onAbort, { once: true, [kResistStopPropagation]: true });
    }
  });
}

var AsyncIteratorPrototype = Object.getPrototypeOf(
  Object.getPrototypeOf(async function* () {}).prototype);

// An async iterator over `event`'s argument arrays.  Events that arrive
// before they are asked for are queued; an 'error' event rejects the pending
// (or next) read and ends the iteration, as do the `close` events and
// `signal`.  With `highWaterMark`, an emitter that has pause()/resume() (a
// stream) is paused while the queue is longer than that, and resumed once it
// has drained below `lowWaterMark`.
function on(emitter, event, options = {}) {
  const signal = options.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw abortErrorFor(signal);
  const highWaterMark = options.highWaterMark ?? options.highWatermark ?? Number.MAX_SAFE_INTEGER;
  validateInteger(highWaterMark, 'options.highWaterMark', 1);
  const lowWaterMark = options.lowWaterMark ?? options.lowWatermark ?? 1;
  validateInteger(lowWaterMark, 'options.lowWaterMark', 1);

  const queued = []; // argument arrays not yet read
  const waiting = []; // { resolve, reject } of reads not yet satisfied
  let pendingError = null;
  let finished = false;
  let paused = false;

  const iterator = Object.setPrototypeOf({
    next() {
      if (queued.length > 0) {
        const value = queued.shift();
        if (paused && queued.length < lowWaterMark && typeof emitter.resume === 'function') {
          emitter.resume();
          paused = false;
        }
        return Promise.resolve({ value, done: false });
      }
      if (pendingError !== null) {
        const p = Promise.reject(pendingError);
        pendingError = null;
        return p;
      }
      if (finished) return close();
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },

    return() {
      return close();
    },

    throw(err) {
      if (!(err instanceof Error)) {
        throw new (errors().codes.ERR_INVALID_ARG_TYPE)('EventEmitter.AsyncIterator', 'Error', err);
      }
      onError(err);
    },

    [Symbol.asyncIterator]() {
      return this;
    },
  }, AsyncIteratorPrototype);

  function onEvent(...args) {
    if (waiting.length > 0) {
      waiting.shift().resolve({ value: args, done: false });
      return;
    }
    queued.push(args);
    if (!paused && queued.length > highWaterMark && typeof emitter.pause === 'function') {
      paused = true;
      emitter.pause();
    }
  }

  function onError(err) {
    if (waiting.length > 0) waiting.shift().reject(err);
    else pendingError = err;
    close();
  }

  function onAbort() {
    onError(abortErrorFor(signal));
  }

  const closeEvents = options.close;

  function close() {
    agnosticRemoveListener(emitter, event, onEvent);
    agnosticRemoveListener(emitter, 'error', onError);
    if (closeEvents?.length) {
      for (const name of closeEvents) agnosticRemoveListener(emitter, name, close);
    }
    if (signal != null) signal.removeEventListener('abort', onAbort);
    finished = true;
    const done = { value: undefined, done: true };
    while (waiting.length > 0) waiting.shift().resolve(done);
    return Promise.resolve(done);
  }

  agnosticAddListener(emitter, event, onEvent, { [kResistStopPropagation]: true });
  if (event !== 'error' && typeof emitter.on === 'function') emitter.on('error', onError);
  if (closeEvents?.length) {
    for (const name of closeEvents) agnosticAddListener(emitter, name, close, { [kResistStopPropagation]: true });
  }
  if (signal != null) {
    signal.addEventListener('abort', onAbort, { once: true, [kResistStopPropagation]: true });
  }
  return iterator;
}

function getEventListeners(emitterOrTarget, type) {
  if (typeof emitterOrTarget.listeners === 'function') return emitterOrTarget.listeners(type);
  if (isEventTarget(emitterOrTarget)) {
    const list = emitterOrTarget[kListenerLists].get(type);
    const out = [];
    for (let node = list?.first; node !== undefined; node = node.next) out.push(node.listener);
    return out;
  }
  throw new (errors().codes.ERR_INVALID_ARG_TYPE)('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function getMaxListeners(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === 'function') return getMaxListenersOf(emitterOrTarget);
  if (isEventTarget(emitterOrTarget)) return emitterOrTarget[kMaxEventTargetListeners];
  throw new (errors().codes.ERR_INVALID_ARG_TYPE)('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

// With no targets, sets the default for every emitter and EventTarget that
// has not set its own limit.
function setMaxListeners(n = defaultMaxListeners, ...eventTargets) {
  validateNumber(n, 'setMaxListeners', 0);
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
    return;
  }
  for (const target of eventTargets) {
    if (isEventTarget(target)) {
      target[kMaxEventTargetListeners] = n;
      target[kMaxEventTargetListenersWarned] = false;
    } else if (typeof target.setMaxListeners === 'function') {
      target.setMaxListeners(n);
    } else {
      throw new (errors().codes.ERR_INVALID_ARG_TYPE)('eventTargets', ['EventEmitter', 'EventTarget'], target);
    }
  }
}

// Calls `listener` once `signal` aborts (in a microtask if it already has).
// The returned disposable detaches the listener.
function addAbortListener(signal, listener) {
  if (signal === undefined) throw new (errors().codes.ERR_INVALID_ARG_TYPE)('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateFunction(listener, 'listener');
  let detach;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, { once: true, [kResistStopPropagation]: true });
    detach = () => signal.removeEventListener('abort', listener);
  }
  return {
    __proto__: null,
    [kDispose]() {
      detach?.();
    },
  };
}

Object.defineProperties(EventEmitter, {
  captureRejections: {
    get() {
      return EventEmitter.prototype[kCapture];
    },
    set(value) {
      validateBoolean(value, 'EventEmitter.captureRejections');
      EventEmitter.prototype[kCapture] = value;
    },
    enumerable: true,
    configurable: true,
  },
  defaultMaxListeners: {
    get() {
      return defaultMaxListeners;
    },
    set(value) {
      validateNumber(value, 'defaultMaxListeners', 0);
      defaultMaxListeners = value;
    },
    enumerable: true,
    configurable: false,
  },
  kMaxEventTargetListeners: { value: kMaxEventTargetListeners },
  kMaxEventTargetListenersWarned: { value: kMaxEventTargetListenersWarned },
});

Object.assign(EventEmitter, {
  addAbortListener,
  once,
  on,
  getEventListeners,
  getMaxListeners,
  EventEmitter,
  usingDomains: false,
  captureRejectionSymbol: kRejection,
  errorMonitor: kErrorMonitor,
  setMaxListeners,
  // Deprecated form of emitter.listenerCount(type).
  listenerCount(emitter, type) {
    if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
    return Reflect.apply(listenerCount, emitter, [type]);
  },
});

// ---------------------------------------------------------------------------
// Event, CustomEvent
//
// Internal state lives in private fields; the public surface is the set of
// accessors the DOM defines.  As in Node there is no propagation path: an
// event is dispatched to its target only, so bubbles/composed are recorded
// but have no effect, and composedPath() is [target] during dispatch.

// Filled in by Event's static block: lets EventTarget reach Event's private
// dispatch state.
var eventInternals;

function eventTimeStamp() {
  const perf = globalThis.performance;
  return perf !== undefined && typeof perf.now === 'function' ? perf.now() : Date.now();
}

function toDOMString(value) {
  if (typeof value === 'symbol') throw new (errors().codes.ERR_INVALID_ARG_VALUE)('value', value);
  return `${value}`;
}

// Inspection shared by Event and EventTarget: 'Name { ...fields }', or just
// the name when out of depth.
function inspectAs(object, fields, depth, options) {
  const name = object.constructor.name;
  if (depth < 0) return name;
  const opts = { ...options, depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth };
  return `${name} ${inspect(fields, opts)}`;
}

class Event {
  #type;
  #bubbles;
  #cancelable;
  #composed;
  #defaultPrevented = false;
  #timeStamp = eventTimeStamp();
  #propagationStopped = false;
  #stopImmediate = false;
  #target = null;
  #dispatching = false;

  constructor(type, options = {}) {
    if (arguments.length === 0) throw new (errors().codes.ERR_MISSING_ARGS)('type');
    validateObject(options, 'options',
      errors().kValidateObjectAllowNullable | errors().kValidateObjectAllowArray | errors().kValidateObjectAllowFunction);
    this.#type = `${type}`;
    this.#bubbles = Boolean(options?.bubbles);
    this.#cancelable = Boolean(options?.cancelable);
    this.#composed = Boolean(options?.composed);
  }

  static #check(value) {
    if (value === null || typeof value !== 'object' || !(#type in value)) {
      throw new (errors().codes.ERR_INVALID_THIS)('Event');
    }
  }

  // Legacy initializer; ignored while the event is being dispatched.
  initEvent(type, bubbles = false, cancelable = false) {
    Event.#check(this);
    if (arguments.length === 0) throw new (errors().codes.ERR_MISSING_ARGS)('type');
    if (this.#dispatching) return;
    this.#type = `${type}`;
    this.#bubbles = Boolean(bubbles);
    this.#cancelable = Boolean(cancelable);
  }

  stopImmediatePropagation() {
    Event.#check(this);
    this.#propagationStopped = true;
    this.#stopImmediate = true;
  }

  preventDefault() {
    Event.#check(this);
    this.#defaultPrevented = true;
  }

  get target() {
    Event.#check(this);
    return this.#target;
  }

  get currentTarget() {
    Event.#check(this);
    return this.#dispatching ? this.#target : null;
  }

  get srcElement() {
    Event.#check(this);
    return this.#target;
  }

  get type() {
    Event.#check(this);
    return this.#type;
  }

  get cancelable() {
    Event.#check(this);
    return this.#cancelable;
  }

  get defaultPrevented() {
    Event.#check(this);
    return this.#cancelable && this.#defaultPrevented;
  }

  get timeStamp() {
    Event.#check(this);
    return this.#timeStamp;
  }

  composedPath() {
    Event.#check(this);
    return this.#dispatching ? [this.#target] : [];
  }

  get returnValue() {
    Event.#check(this);
    return !this.defaultPrevented;
  }

  get bubbles() {
    Event.#check(this);
    return this.#bubbles;
  }

  get composed() {
    Event.#check(this);
    return this.#composed;
  }

  get eventPhase() {
    Event.#check(this);
    return this.#dispatching ? Event.AT_TARGET : Event.NONE;
  }

  get cancelBubble() {
    Event.#check(this);
    return this.#propagationStopped;
  }

  set cancelBubble(value) {
    Event.#check(this);
    if (value) this.#propagationStopped = true;
  }

  stopPropagation() {
    Event.#check(this);
    this.#propagationStopped = true;
  }

  // Only events created by the runtime itself are trusted; none are yet.
  get isTrusted() {
    return false;
  }

  [kInspect](depth, options) {
    return inspectAs(this, {
      type: this.#type,
      defaultPrevented: this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timeStamp,
    }, depth, options);
  }

  static {
    eventInternals = {
      isEvent: (value) => value !== null && typeof value === 'object' && #type in value,
      isDispatching: (event) => event.#dispatching,
      isImmediatelyStopped: (event) => event.#stopImmediate,
      begin(event, target) {
        event.#target = target;
        event.#dispatching = true;
      },
      end(event) {
        event.#dispatching = false;
      },
    };
  }
}

for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
  Object.defineProperty(Event, name, { value, writable: false, enumerable: true, configurable: false });
}

class CustomEvent extends Event {
  #detail;

  constructor(type, options = {}) {
    if (arguments.length === 0) throw new (errors().codes.ERR_MISSING_ARGS)('type');
    super(type, options);
    this.#detail = options?.detail ?? null;
  }

  get detail() {
    if (this === null || typeof this !== 'object' || !(#detail in this)) {
      throw new (errors().codes.ERR_INVALID_THIS)('CustomEvent');
    }
    return this.#detail;
  }
}

// ---------------------------------------------------------------------------
// EventTarget
//
// Each event type maps to a doubly linked list of listener records.  A
// dispatch walks the live list, fetching each record's successor before
// invoking it: a listener removed mid-dispatch is skipped (its `removed` flag
// is set), and one added mid-dispatch runs only if the walk has not yet
// passed the end of the list, exactly as in Node.

var kListenerLists = Symbol('kListenerLists');

function listenerOptions(options) {
  if (typeof options === 'boolean' || options == null) {
    return { once: false, capture: options === true, passive: false, signal: undefined, resistStopPropagation: false };
  }
  validateObject(options, 'options', errors().kValidateObjectAllowArray | errors().kValidateObjectAllowFunction);
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    resistStopPropagation: Boolean(options[kResistStopPropagation]),
  };
}

// True for usable listeners (a function, or an object expected to have a
// handleEvent method by dispatch time), false for null/undefined, which the
// DOM silently ignores; anything else is a TypeError.
function isListener(listener) {
  if (typeof listener === 'function' || typeof listener?.handleEvent === 'function') return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true;
  throw new (errors().codes.ERR_INVALID_ARG_TYPE)('listener', 'EventListener', listener);
}

function unlink(list, node) {
  node.removed = true;
  if (node.prev === undefined) list.first = node.next;
  else node.prev.next = node.next;
  if (node.next === undefined) list.last = node.prev;
  else node.next.prev = node.prev;
  list.size--;
  // node.next is left intact so that a dispatch standing on this node can
  // still move on.
}

class EventTarget {
  constructor() {
    this[kListenerLists] = new Map();
    this[kMaxEventTargetListeners] = defaultMaxListeners;
    this[kMaxEventTargetListenersWarned] = false;
  }

  addEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw new (errors().codes.ERR_INVALID_THIS)('EventTarget');
    if (arguments.length < 2) throw new (errors().codes.ERR_MISSING_ARGS)('type', 'listener');
    const { once, capture, passive, signal, resistStopPropagation } = listenerOptions(options);
    validateAbortSignal(signal, 'options.signal');
    if (!isListener(listener)) {
      const warning = new Error(`addEventListener called with ${listener} which has no effect.`);
      warning.name = 'AddEventListenerArgumentTypeWarning';
      warning.target = this;
      warning.type = type;
      emitWarning(warning);
      return;
    }
    type = toDOMString(type);

    if (signal) {
      if (signal.aborted) return;
      signal.addEventListener('abort', () => this.removeEventListener(type, listener, options),
        { once: true, [kResistStopPropagation]: true });
    }

    const lists = this[kListenerLists];
    let list = lists.get(type);
    if (list === undefined) {
      list = { first: undefined, last: undefined, size: 0 };
      lists.set(type, list);
    }
    // The same listener with the same capture flag is only added once.
    for (let node = list.first; node !== undefined; node = node.next) {
      if (node.listener === listener && node.capture === capture) return;
    }
    const node = {
      listener,
      capture,
      once,
      passive,
      resistStopPropagation,
      removed: false,
      prev: list.last,
      next: undefined,
    };
    if (list.last === undefined) list.first = node;
    else list.last.next = node;
    list.last = node;
    list.size++;

    const max = this[kMaxEventTargetListeners];
    if (max > 0 && list.size > max && !this[kMaxEventTargetListenersWarned]) {
      this[kMaxEventTargetListenersWarned] = true;
      const warning = new Error(
        `Possible EventTarget memory leak detected. ${list.size} ${type} listeners added to ` +
        `${inspect(this, { depth: -1 })}. MaxListeners is ${max}. ` +
        'Use events.setMaxListeners() to increase limit');
      warning.name = 'MaxListenersExceededWarning';
      warning.target = this;
      warning.type = type;
      warning.count = list.size;
      emitWarning(warning);
    }
  }

  removeEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw new (errors().codes.ERR_INVALID_THIS)('EventTarget');
    if (arguments.length < 2) throw new (errors().codes.ERR_MISSING_ARGS)('type', 'listener');
    if (!isListener(listener)) return;
    type = toDOMString(type);
    // Node only honours the dictionary form here: a bare `true` does not
    // select the capturing registration.
    const capture = options?.capture === true;
    const list = this[kListenerLists].get(type);
    if (list === undefined) return;
    for (let node = list.first; node !== undefined; node = node.next) {
      if (node.listener === listener && node.capture === capture) {
        unlink(list, node);
        if (list.size === 0) this[kListenerLists].delete(type);
        return;
      }
    }
  }

  dispatchEvent(event) {
    if (!isEventTarget(this)) throw new (errors().codes.ERR_INVALID_THIS)('EventTarget');
    if (arguments.length < 1) throw new (errors().codes.ERR_MISSING_ARGS)('event');
    if (!eventInternals.isEvent(event)) throw new (errors().codes.ERR_INVALID_ARG_TYPE)('event', 'Event', event);
    if (eventInternals.isDispatching(event)) throw new (errors().codes.ERR_EVENT_RECURSION)(event.type);

    const type = event.type;
    const list = this[kListenerLists].get(type);
    eventInternals.begin(event, this);
    try {
      let node = list?.first;
      while (node !== undefined) {
        const next = node.next;
        const skip = node.removed ||
          (eventInternals.isImmediatelyStopped(event) && !node.resistStopPropagation);
        if (!skip) {
          if (node.once) {
            unlink(list, node);
            if (list.size === 0) this[kListenerLists].delete(type);
          }
          invokeListener(this, node.listener, event);
        }
        node = next;
      }
    } finally {
      eventInternals.end(event);
    }
    return !event.defaultPrevented;
  }

  [kInspect](depth, options) {
    if (!isEventTarget(this)) throw new (errors().codes.ERR_INVALID_THIS)('EventTarget');
    return inspectAs(this, {}, depth, options);
  }
}

// Calls one listener.  Whatever it throws, or rejects with if it returns a
// promise, is reported as uncaught without disturbing the dispatch.
function invokeListener(target, listener, event) {
  try {
    const result = typeof listener === 'function' ?
      Reflect.apply(listener, target, [event]) :
      callHandleEvent(listener, event);
    if (result !== undefined && result !== null && typeof result.then === 'function') {
      result.then(undefined, reportListenerError);
    }
  } catch (err) {
    reportListenerError(err);
  }
}

// An object's handleEvent is looked up at call time (none: nothing happens).
// As in Node it runs inside an async function, so its failures, including a
// non-callable handleEvent, are reported through the rejection path.
async function callHandleEvent(listener, event) {
  if (listener.handleEvent) await Reflect.apply(listener.handleEvent, listener, [event]);
}

// The DOM makes these members enumerable, unlike plain class members.
function markEnumerable(proto, names) {
  for (const name of names) {
    Object.defineProperty(proto, name, { enumerable: true });
  }
}

markEnumerable(EventTarget.prototype, ['addEventListener', 'removeEventListener', 'dispatchEvent']);
markEnumerable(Event.prototype, [
  'initEvent', 'stopImmediatePropagation', 'preventDefault', 'target', 'currentTarget',
  'srcElement', 'type', 'cancelable', 'defaultPrevented', 'timeStamp', 'composedPath',
  'returnValue', 'bubbles', 'composed', 'eventPhase', 'cancelBubble', 'stopPropagation',
]);
Object.defineProperty(Event.prototype, 'isTrusted', { enumerable: true, configurable: false });
markEnumerable(CustomEvent.prototype, ['detail']);
for (const [cls, tag] of [[EventTarget, 'EventTarget'], [Event, 'Event'], [CustomEvent, 'CustomEvent']]) {
  Object.defineProperty(cls.prototype, Symbol.toStringTag, {
    value: tag, writable: false, enumerable: false, configurable: true,
  });
}

// Not part of Node's `events` exports: non-enumerable, for the runtime to
// install as globals.
Object.defineProperties(EventEmitter, {
  EventTarget: { value: EventTarget, writable: true, configurable: true },
  Event: { value: Event, writable: true, configurable: true },
  CustomEvent: { value: CustomEvent, writable: true, configurable: true },
});

// An EventEmitter whose listeners run in its own AsyncResource's scope; made on first use,
// so that loading events does not load async_hooks.
let EventEmitterAsyncResource;
Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource', {
  enumerable: true,
  configurable: true,
  get() {
    EventEmitterAsyncResource ??= makeEventEmitterAsyncResource();
    return EventEmitterAsyncResource;
  },
});

function makeEventEmitterAsyncResource() {
  const { AsyncResource } = require('async_hooks');
  const kResource = Symbol('kResource');
  class EventEmitterReferencingAsyncResource extends AsyncResource {
    #emitter;
    constructor(emitter, type, options) {
      super(type, options);
      this.#emitter = emitter;
    }

    get eventEmitter() {
      return this.#emitter;
    }
  }
  return class EventEmitterAsyncResource extends EventEmitter {
    constructor(options = undefined) {
      let name;
      if (typeof options === 'string') {
        name = options;
        options = undefined;
      } else {
        name = options?.name || new.target.name;
      }
      super(options);
      this[kResource] = new EventEmitterReferencingAsyncResource(this, name, options);
    }

    emit(event, ...args) {
      return this[kResource].runInAsyncScope(EventEmitter.prototype.emit, this, event, ...args);
    }

    emitDestroy() {
      this[kResource].emitDestroy();
    }

    get asyncId() {
      return this[kResource].asyncId();
    }

    get triggerAsyncId() {
      return this[kResource].triggerAsyncId();
    }

    get asyncResource() {
      return this[kResource];
    }
  };
}

module.exports = EventEmitter;
