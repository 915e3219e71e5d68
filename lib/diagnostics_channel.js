'use strict';

// Named channels that code publishes messages to and tools subscribe to (Node's
// diagnostics_channel): http and net publish their requests and sockets here, and libraries
// (fastify, undici, pino …) trace their own work through it. A channel costs nothing to
// publish to while nobody listens: publishers check `hasSubscribers` first.

const { codes, validateFunction } = require('internal/errors');

// A channel nobody subscribes to may be collected once its maker lets it go (as in Node);
// one with subscribers or stores is held, so `channel(name)` finds it again.
const channels = new Map();
const held = new Set();
const forget = new FinalizationRegistry((name) => {
  const ref = channels.get(name);
  if (ref !== undefined && ref.deref() === undefined) channels.delete(name);
});

class Channel {
  constructor(name) {
    this._subscribers = [];
    this._stores = null;
    // Whether anyone listens: read by the runtime's own publishers, which run per request.
    this._active = false;
    this.name = name;
  }

  get hasSubscribers() {
    return this._active;
  }

  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    // A new list rather than a push: a publish under way goes on with the list it began with.
    this._subscribers = [...this._subscribers, subscription];
    this._update();
  }

  unsubscribe(subscription) {
    const at = this._subscribers.indexOf(subscription);
    if (at === -1) return false;
    this._subscribers = this._subscribers.filter((_, i) => i !== at);
    this._update();
    return true;
  }

  // `store` is an AsyncLocalStorage (anything with run(value, fn)); `transform` makes the
  // store's value from a published message (the message itself without one).
  bindStore(store, transform) {
    if (this._stores === null) this._stores = new Map();
    this._stores.set(store, transform);
    this._update();
  }

  unbindStore(store) {
    if (this._stores === null || !this._stores.delete(store)) return false;
    if (this._stores.size === 0) this._stores = null;
    this._update();
    return true;
  }

  // A subscriber's exception does not stop the others or the publisher: it is thrown on a
  // tick of its own, as an uncaught exception.
  publish(message) {
    const subscribers = this._subscribers;
    for (let i = 0; i < subscribers.length; i++) {
      try {
        subscribers[i](message, this.name);
      } catch (err) {
        process.nextTick(() => {
          throw err;
        });
      }
    }
  }

  // Runs fn with each bound store set to the value made from `message`, publishing the
  // message inside them first.
  runStores(message, fn, thisArg, ...args) {
    let run = () => {
      this.publish(message);
      return Reflect.apply(fn, thisArg, args);
    };
    if (this._stores !== null) {
      for (const [store, transform] of this._stores) {
        const inner = run;
        run = () => {
          let value = message;
          if (typeof transform === 'function') {
            try {
              value = transform(message);
            } catch (err) {
              process.nextTick(() => {
                throw err;
              });
              return inner();
            }
          }
          return store.run(value, inner);
        };
      }
    }
    return run();
  }

  _update() {
    const active = this._subscribers.length > 0 || this._stores !== null;
    if (active === this._active) return;
    this._active = active;
    if (active) held.add(this);
    else held.delete(this);
  }
}

function validateName(name) {
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw new codes.ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name);
  }
}

function channel(name) {
  const existing = channels.get(name)?.deref();
  if (existing !== undefined) return existing;
  validateName(name);
  const made = new Channel(name);
  channels.set(name, new WeakRef(made));
  forget.register(made, name);
  return made;
}

function hasSubscribers(name) {
  const existing = channels.get(name)?.deref();
  return existing !== undefined && existing.hasSubscribers;
}

function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  const existing = channels.get(name)?.deref();
  return existing !== undefined && existing.unsubscribe(subscription);
}

// --- tracing -------------------------------------------------------------------------------

const kTracingEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

// Five channels around one kind of operation: start and end around its synchronous part,
// asyncStart and asyncEnd around its continuation, error when it fails. The same context
// object is published to each, gaining `result` or `error`.
class TracingChannel {
  constructor(nameOrChannels) {
    if (typeof nameOrChannels === 'string') {
      for (const event of kTracingEvents) this[event] = channel(`tracing:${nameOrChannels}:${event}`);
    } else if (nameOrChannels !== null && typeof nameOrChannels === 'object') {
      for (const event of kTracingEvents) {
        const given = nameOrChannels[event];
        if (!(given instanceof Channel)) throw new codes.ERR_INVALID_ARG_TYPE(`nameOrChannels.${event}`, 'Channel', given);
        this[event] = given;
      }
    } else {
      throw new codes.ERR_INVALID_ARG_TYPE('nameOrChannels', ['string', 'object', 'Channel'], nameOrChannels);
    }
  }

  get hasSubscribers() {
    return kTracingEvents.some((event) => this[event].hasSubscribers);
  }

  subscribe(handlers) {
    for (const event of kTracingEvents) if (handlers[event]) this[event].subscribe(handlers[event]);
  }

  unsubscribe(handlers) {
    let all = true;
    for (const event of kTracingEvents) {
      if (handlers[event] && !this[event].unsubscribe(handlers[event])) all = false;
    }
    return all;
  }

  // Runs `body`, the operation's synchronous part, inside start's stores: error is published
  // if it throws, end either way.
  #run(context, body) {
    return this.start.runStores(context, () => {
      try {
        return body();
      } catch (err) {
        context.error = err;
        this.error.publish(context);
        throw err;
      } finally {
        this.end.publish(context);
      }
    });
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    return this.#run(context, () => {
      context.result = Reflect.apply(fn, thisArg, args);
      return context.result;
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const settled = () => {
      this.asyncStart.publish(context);
      this.asyncEnd.publish(context);
    };
    return this.#run(context, () => {
      let promise = Reflect.apply(fn, thisArg, args);
      if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
      return promise.then((result) => {
        context.result = result;
        settled();
        return result;
      }, (err) => {
        context.error = err;
        this.error.publish(context);
        settled();
        throw err;
      });
    });
  }

  // The callback at `position` in args (negative counts from the end) is wrapped so that
  // its call is traced as the operation's continuation.
  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const at = position < 0 ? args.length + position : position;
    const callback = args[at];
    validateFunction(callback, 'callback');
    const tracing = this;
    args[at] = function tracedCallback(err, result) {
      if (err) {
        context.error = err;
        tracing.error.publish(context);
      } else {
        context.result = result;
      }
      return tracing.asyncStart.runStores(context, () => {
        try {
          return Reflect.apply(callback, this, arguments);
        } finally {
          tracing.asyncEnd.publish(context);
        }
      });
    };
    return this.#run(context, () => Reflect.apply(fn, thisArg, args));
  }
}

function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

module.exports = { channel, hasSubscribers, subscribe, tracingChannel, unsubscribe, Channel };
