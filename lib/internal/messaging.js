'use strict';

// MessageChannel, MessagePort, BroadcastChannel and MessageEvent within one thread, as Node
// has them as globals: a message is a structured clone of what was posted, delivered in
// the loop's poll phase (one callback per message, ticks and microtasks run between). A
// started port (a 'message' listener, onmessage, or start()) and a BroadcastChannel keep
// the loop alive until closed or unref()ed.

const { EventTarget, Event } = require('events');
const eventLoop = require('internal/event_loop');
const { structuredClone } = require('internal/structured_clone');

class MessageEvent extends Event {
  #data;
  #origin;
  #lastEventId;
  #source;
  #ports;

  constructor(type, options = {}) {
    super(type, options);
    this.#data = options?.data ?? null;
    this.#origin = options?.origin ?? '';
    this.#lastEventId = options?.lastEventId ?? '';
    this.#source = options?.source ?? null;
    this.#ports = [...(options?.ports ?? [])];
  }

  get data() {
    return this.#data;
  }

  get origin() {
    return this.#origin;
  }

  get lastEventId() {
    return this.#lastEventId;
  }

  get source() {
    return this.#source;
  }

  get ports() {
    return this.#ports;
  }
}

// Node-style listeners (on/once/off) over the EventTarget's: a 'message' listener gets the
// message itself, not the event.
const kNodeListeners = Symbol('kNodeListeners');

// As in Node, a 'message' listener refs the port (and starts it), and the port is unref'd
// again when its last one goes.
const kMessageListeners = Symbol('kMessageListeners');

function nodeStyle(Base) {
  return class extends Base {
    on(type, listener, once = false) {
      const wrapped = (event) => {
        if (once) this.off(type, listener);
        listener.call(this, event instanceof MessageEvent ? event.data : event);
      };
      this[kNodeListeners] ??= new Map();
      this[kNodeListeners].set(listener, wrapped);
      this.addEventListener(type, wrapped);
      if (type === 'message') {
        this[kMessageListeners] = (this[kMessageListeners] ?? 0) + 1;
        this.ref?.();
        this.start?.();
      }
      return this;
    }

    addListener(type, listener) {
      return this.on(type, listener);
    }

    once(type, listener) {
      return this.on(type, listener, true);
    }

    off(type, listener) {
      const wrapped = this[kNodeListeners]?.get(listener);
      if (wrapped !== undefined) {
        this[kNodeListeners].delete(listener);
        this.removeEventListener(type, wrapped);
        if (type === 'message' && --this[kMessageListeners] === 0) this.unref?.();
      }
      return this;
    }

    removeListener(type, listener) {
      return this.off(type, listener);
    }

    emit(type, arg) {
      return this.dispatchEvent(type === 'message' ? new MessageEvent(type, { data: arg }) : new Event(type));
    }
  };
}

// What a port or channel has queued and whether it holds the loop open.
class Receiver extends nodeStyle(EventTarget) {
  #queue = [];
  #scheduled = false;
  #started = false;
  #closed = false;
  #wantsRef = true;
  #holdsRef = false;
  #onmessage = null;
  #onmessageerror = null;

  get onmessage() {
    return this.#onmessage;
  }

  set onmessage(fn) {
    if (this.#onmessage !== null) this.removeEventListener('message', this.#onmessage);
    this.#onmessage = typeof fn === 'function' ? fn : null;
    if (this.#onmessage !== null) {
      this.addEventListener('message', this.#onmessage);
      this.start();
    }
  }

  get onmessageerror() {
    return this.#onmessageerror;
  }

  set onmessageerror(fn) {
    if (this.#onmessageerror !== null) this.removeEventListener('messageerror', this.#onmessageerror);
    this.#onmessageerror = typeof fn === 'function' ? fn : null;
    if (this.#onmessageerror !== null) this.addEventListener('messageerror', this.#onmessageerror);
  }

  _isClosed() {
    return this.#closed;
  }

  _enqueue(message) {
    if (this.#closed) return;
    this.#queue.push(message);
    this.#schedule();
  }

  _dequeue() {
    return this.#queue.shift();
  }

  #schedule() {
    if (!this.#started || this.#scheduled || this.#queue.length === 0) return;
    this.#scheduled = true;
    eventLoop.deferToPoll(() => {
      this.#scheduled = false;
      // What is queued now is delivered, even if the port closes meanwhile (as in Node).
      const batch = this.#queue.splice(0);
      for (const data of batch) eventLoop.invoke(() => this.dispatchEvent(new MessageEvent('message', { data })));
    });
  }

  start() {
    if (this.#closed || this.#started) return;
    this.#started = true;
    this._updateRef();
    this.#schedule();
  }

  _updateRef() {
    const hold = this.#wantsRef && this.#started && !this.#closed;
    if (hold === this.#holdsRef) return;
    this.#holdsRef = hold;
    if (hold) eventLoop.ref();
    else eventLoop.unref();
  }

  ref() {
    this.#wantsRef = true;
    this._updateRef();
    return this;
  }

  unref() {
    this.#wantsRef = false;
    this._updateRef();
    return this;
  }

  hasRef() {
    return this.#holdsRef;
  }

  // Closes this side; 'close' comes in the loop's close phase.
  _closeHere() {
    if (this.#closed) return false;
    this.#closed = true;
    this._updateRef();
    eventLoop.onClose(() => this.dispatchEvent(new Event('close')));
    return true;
  }
}

// Only a MessageChannel makes ports.
const kMakePort = Symbol('kMakePort');

function typeErrorWithCode(message, code) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

class MessagePort extends Receiver {
  #peer = null;

  constructor(token) {
    if (token !== kMakePort) throw typeErrorWithCode('Constructor cannot be called', 'ERR_CONSTRUCT_CALL_INVALID');
    super();
  }

  postMessage(message, transfer) {
    // A transfer list (any iterable), or options holding one; null or undefined: none.
    let options;
    if (transfer !== undefined && transfer !== null) {
      if (typeof transfer !== 'object') {
        throw typeErrorWithCode('Optional transferList argument must be an iterable', 'ERR_INVALID_ARG_TYPE');
      }
      options = Symbol.iterator in transfer ? { transfer: [...transfer] } : transfer;
    }
    const copy = structuredClone(message, options);
    const peer = this.#peer;
    if (peer !== null && !this._isClosed()) peer._enqueue(copy);
  }

  close() {
    if (!this._closeHere()) return;
    const peer = this.#peer;
    this.#peer = null;
    if (peer === null) return;
    // The other side learns of it on a later turn, which does not by itself keep the loop.
    setTimeout(() => peer.close(), 0).unref();
  }

  // A port with no peer in this thread: a worker's parentPort, whose other end is the
  // parent's Worker (internal/worker.js gives it postMessage and close).
  static _detached() {
    return new MessagePort(kMakePort);
  }

  static _entangle(a, b) {
    a.#peer = b;
    b.#peer = a;
  }
}

// A function rather than a class, for Node's error when called without `new`.
function MessageChannel() {
  if (new.target === undefined) throw typeErrorWithCode('Cannot call constructor without `new`', 'ERR_CONSTRUCT_CALL_REQUIRED');
  this.port1 = new MessagePort(kMakePort);
  this.port2 = new MessagePort(kMakePort);
  MessagePort._entangle(this.port1, this.port2);
}

// Open BroadcastChannels by name.
const channels = new Map();

class BroadcastChannel extends Receiver {
  #name;

  constructor(name) {
    if (arguments.length === 0) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_MISSING_ARGS('name');
    }
    super();
    this.#name = `${name}`;
    let members = channels.get(this.#name);
    if (members === undefined) channels.set(this.#name, members = new Set());
    members.add(this);
    this.start();
  }

  get name() {
    return this.#name;
  }

  postMessage(message) {
    if (this._isClosed()) {
      const { DOMException } = require('internal/dom_exception');
      throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    }
    for (const other of channels.get(this.#name)) {
      if (other !== this) other._enqueue(structuredClone(message));
    }
  }

  close() {
    if (!this._closeHere()) return;
    const members = channels.get(this.#name);
    members.delete(this);
    if (members.size === 0) channels.delete(this.#name);
  }
}

// Takes the next message queued on `port` at once, as `{ message }`, or undefined.
function receiveMessageOnPort(port) {
  if (!(port instanceof Receiver)) throw typeErrorWithCode('The "port" argument must be a MessagePort instance', 'ERR_INVALID_ARG_TYPE');
  if (port._isClosed()) return undefined;
  const queued = port._dequeue();
  return queued === undefined ? undefined : { message: queued };
}

module.exports = { MessageChannel, MessagePort, MessageEvent, BroadcastChannel, receiveMessageOnPort };
