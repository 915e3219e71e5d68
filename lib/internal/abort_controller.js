'use strict';

// AbortController and AbortSignal (WHATWG DOM), with Node 20's behaviour
// where it departs from the standard:
//   - a signal first fires its own 'abort' event and only then aborts the
//     signals that follow it (AbortSignal.any), one after the other;
//   - `onabort` stores whatever it is given, and its first assignment, of any
//     value, registers the listener that calls it (only functions are called);
//   - AbortSignal.timeout()'s timer is unref'd: a pending timeout signal never
//     keeps the process alive, even with listeners.
//
// A signal made by AbortSignal.any() is held only weakly by its sources, so
// that short-lived combined signals do not pile up on a long-lived one; while
// it has 'abort' listeners it is kept alive (the standard's rule), which is
// why AbortSignal overrides add/removeEventListener.

const { EventTarget, Event, getEventListeners } = require('events');

// Loaded on first use: signals are made early and often, errors rarely.
let errorsModule;
function errors() {
  return (errorsModule ??= require('internal/errors'));
}

let DOMExceptionClass;
function domException(message, name) {
  DOMExceptionClass ??= require('internal/dom_exception').DOMException;
  return new DOMExceptionClass(message, name);
}

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kToken = Symbol('kToken');

// Node marks the events it fires itself as trusted; events.js's Event
// reports isTrusted from a non-configurable prototype getter, so abort
// events are made from a subclass that answers true and otherwise passes
// for a plain Event.
class TrustedEvent extends Event {
  get isTrusted() {
    return true;
  }
}
Object.defineProperty(TrustedEvent.prototype, 'constructor', {
  value: Event, writable: true, enumerable: false, configurable: true,
});

// Node's inspect shape for both classes: `Name { ...fields }`; out of depth,
// the object itself, which util.inspect then abbreviates.
function inspectWith(self, fields, depth, options, inspect) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth === null ? null : options.depth - 1 };
  return `${self.constructor.name} ${inspect(fields, opts)}`;
}

// Combined signals that currently have 'abort' listeners: kept alive here
// until they abort or lose their listeners.
const listenedSignals = new Set();

// Forgets a source's weak reference to a combined signal once that signal
// has been collected.
const dependentCleanup = new FinalizationRegistry(({ dependents, ref }) => dependents.delete(ref));

// Filled in by AbortSignal's static block: lets this module reach its
// private state.
let signalInternals;

class AbortSignal extends EventTarget {
  #aborted = false;
  #reason = undefined;
  // Set of WeakRefs to the combined signals that follow this one.
  #dependents = undefined;
  // For a combined signal: WeakRefs to the plain signals it follows.
  #sources = undefined;
  #onabort = null;
  #onabortRegistered = false;

  constructor(token) {
    if (token !== kToken) throw new (errors().codes.ERR_ILLEGAL_CONSTRUCTOR)();
    super();
  }

  static #check(value) {
    if (!signalInternals.isSignal(value)) throw new (errors().codes.ERR_INVALID_THIS)('AbortSignal');
  }

  get aborted() {
    AbortSignal.#check(this);
    return this.#aborted;
  }

  get reason() {
    AbortSignal.#check(this);
    return this.#reason;
  }

  throwIfAborted() {
    AbortSignal.#check(this);
    if (this.#aborted) throw this.#reason;
  }

  // Node checks the receiver of its event handler properties as an
  // EventTarget, whatever their class.
  static #checkHandlerThis(value) {
    if (!signalInternals.isSignal(value)) {
      throw new (errors().codes.ERR_INVALID_ARG_TYPE)('this', 'EventTarget', value);
    }
  }

  get onabort() {
    AbortSignal.#checkHandlerThis(this);
    return this.#onabort;
  }

  set onabort(value) {
    AbortSignal.#checkHandlerThis(this);
    this.#onabort = value;
    if (!this.#onabortRegistered) {
      this.#onabortRegistered = true;
      this.addEventListener('abort', (event) => {
        const handler = this.#onabort;
        if (typeof handler === 'function') return Reflect.apply(handler, this, [event]);
      });
    }
  }

  addEventListener(type, listener, options) {
    Reflect.apply(super.addEventListener, this, arguments);
    if (type === 'abort' && this.#sources !== undefined && !this.#aborted &&
        getEventListeners(this, 'abort').length > 0) {
      listenedSignals.add(this);
    }
  }

  removeEventListener(type, listener, options) {
    Reflect.apply(super.removeEventListener, this, arguments);
    if (type === 'abort' && listenedSignals.has(this) && getEventListeners(this, 'abort').length === 0) {
      listenedSignals.delete(this);
    }
  }

  [kInspect](depth, options, inspect) {
    return inspectWith(this, { aborted: this.aborted }, depth, options, inspect);
  }

  static abort(reason = domException('This operation was aborted', 'AbortError')) {
    const signal = new AbortSignal(kToken);
    signal.#aborted = true;
    signal.#reason = reason;
    return signal;
  }

  static timeout(delay) {
    errors().validateUint32(delay, 'delay', false);
    const signal = new AbortSignal(kToken);
    setTimeout(() => {
      AbortSignal.#abort(signal, domException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay).unref();
    return signal;
  }

  static any(signals) {
    if (!Array.isArray(signals)) throw new (errors().codes.ERR_INVALID_ARG_TYPE)('signals', 'Array', signals);
    for (let i = 0; i < signals.length; i++) {
      if (!signalInternals.isSignal(signals[i])) {
        throw new (errors().codes.ERR_INVALID_ARG_TYPE)(`signals[${i}]`, 'AbortSignal', signals[i]);
      }
    }
    const result = new AbortSignal(kToken);
    for (const signal of signals) {
      if (signal.#aborted) {
        result.#aborted = true;
        result.#reason = signal.#reason;
        return result;
      }
    }
    // A combined source is replaced by its own sources, so every combined
    // signal follows plain signals only.
    result.#sources = [];
    const resultRef = new WeakRef(result);
    const follow = (source) => {
      if (source.#dependents === undefined) source.#dependents = new Set();
      else if (source.#dependents.has(resultRef)) return;
      source.#dependents.add(resultRef);
      dependentCleanup.register(result, { dependents: source.#dependents, ref: resultRef });
      result.#sources.push(new WeakRef(source));
    };
    for (const signal of signals) {
      if (signal.#sources === undefined) {
        follow(signal);
        continue;
      }
      for (const ref of signal.#sources) {
        const source = ref.deref();
        if (source !== undefined && !source.#aborted) follow(source);
      }
    }
    return result;
  }

  static #abort(signal, reason) {
    if (signal.#aborted) return;
    signal.#aborted = true;
    signal.#reason = reason;
    const dependents = signal.#dependents;
    signal.#dependents = undefined;
    signal.#sources = undefined;
    listenedSignals.delete(signal);
    signal.dispatchEvent(new TrustedEvent('abort'));
    if (dependents !== undefined) {
      for (const ref of dependents) {
        const dependent = ref.deref();
        if (dependent !== undefined) AbortSignal.#abort(dependent, reason);
      }
    }
  }

  static {
    signalInternals = {
      isSignal: (value) => value !== null && typeof value === 'object' && #aborted in value,
      create: () => new AbortSignal(kToken),
      abort: (signal, reason) => AbortSignal.#abort(signal, reason),
    };
  }
}

class AbortController {
  #signal = signalInternals.create();

  get signal() {
    return this.#signal;
  }

  abort(reason = domException('This operation was aborted', 'AbortError')) {
    signalInternals.abort(this.#signal, reason);
  }

  [kInspect](depth, options, inspect) {
    return inspectWith(this, { signal: this.signal }, depth, options, inspect);
  }
}

// WebIDL attributes and operations are enumerable; Node leaves
// AbortSignal's reason and throwIfAborted as plain class members.
for (const [proto, names] of [
  [AbortSignal.prototype, ['aborted', 'onabort']],
  [AbortController.prototype, ['signal', 'abort']],
]) {
  for (const name of names) Object.defineProperty(proto, name, { enumerable: true });
}
for (const [cls, tag] of [[AbortSignal, 'AbortSignal'], [AbortController, 'AbortController']]) {
  Object.defineProperty(cls.prototype, Symbol.toStringTag, {
    value: tag, writable: false, enumerable: false, configurable: true,
  });
}

module.exports = {
  AbortController,
  AbortSignal,
};
