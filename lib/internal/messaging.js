'use strict';

// MessageChannel, MessagePort, BroadcastChannel and MessageEvent, as Node has them as
// globals: a message is a structured clone of what was posted, delivered in the loop's
// poll phase (one callback per message, ticks and microtasks run between). A started port
// (a 'message' listener, onmessage, or start()) and a BroadcastChannel keep the loop alive
// until closed or unref()ed.
//
// Both ends of a channel start in one thread, linked in JS. A port sent to another thread
// (in a transfer list) turns the channel native (bindings/messaging.rs): each end then has
// an inbox of V8-serialized messages, watched by the loop of the thread holding it, and
// ports and SharedArrayBuffers travel inside messages by ids.

const { EventTarget, Event } = require('events');
const { Buffer } = require('buffer');
const eventLoop = require('internal/event_loop');
const { structuredClone } = require('internal/structured_clone');
const binding = internalBinding('messaging');
const workerBinding = internalBinding('worker');

const EPOLLIN = 0x001;

function dataCloneError(message) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, 'DataCloneError');
}

// The transfer list of postMessage(value, transfer): an iterable, or options holding one
// as `transfer`; undefined for none. Node's errors for anything else.
function transferListOf(transfer) {
  if (transfer === undefined || transfer === null) return undefined;
  if (typeof transfer !== 'object') {
    throw typeErrorWithCode('Optional transferList argument must be an iterable', 'ERR_INVALID_ARG_TYPE');
  }
  if (Symbol.iterator in transfer) return listOf(transfer, 'transferList');
  const list = transfer.transfer;
  if (list === undefined) return undefined;
  if (list === null || typeof list !== 'object' || !(Symbol.iterator in list)) {
    throw typeErrorWithCode('Optional options.transfer argument must be an iterable', 'ERR_INVALID_ARG_TYPE');
  }
  return listOf(list, 'options.transfer');
}

function listOf(iterable, name) {
  try {
    return [...iterable];
  } catch {
    throw typeErrorWithCode(`Optional ${name} argument must be an iterable`, 'ERR_INVALID_ARG_TYPE');
  }
}

// A message's bytes for another thread: the value in V8's format, framed as [the tokens
// of the SharedArrayBuffers it holds (bindings/worker.rs: sabExport), the channel ends of
// the ports it transfers, the value's bytes]. ArrayBuffers in `transferList` are detached
// here (their bytes travel as a copy); ports in it leave this thread once the value is
// whole, so a message that cannot be cloned moves nothing. `transferList`: an array
// (transferListOf's), or undefined.
function serialize(value, transferList) {
  const v8 = require('v8');
  const ports = [];
  const buffers = [];
  if (transferList !== undefined) {
    for (const item of transferList) {
      if (item instanceof MessagePort) {
        if (ports.includes(item)) throw dataCloneError('Transfer list contains duplicate MessagePort');
        if (item._isDetached() || item._isClosed()) throw dataCloneError('MessagePort in transfer list is already detached');
        ports.push(item);
      } else if (item instanceof ArrayBuffer) {
        if (buffers.includes(item)) throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
        buffers.push(item);
      } else if (!(typeof SharedArrayBuffer === 'function' && item instanceof SharedArrayBuffer)) {
        throw typeErrorWithCode('Found invalid object in transferList', 'ERR_INVALID_TRANSFER_OBJECT');
      }
    }
  }
  const shared = [];
  const serializer = new v8.Serializer();
  serializer._getSharedArrayBufferId = (sab) => {
    const at = shared.indexOf(sab);
    return at === -1 ? shared.push(sab) - 1 : at;
  };
  serializer._getDataCloneError = dataCloneError;
  serializer._isHostObject = (object) => object instanceof MessagePort;
  serializer._writeHostObject = (port) => {
    const at = ports.indexOf(port);
    if (at === -1) {
      throw typeErrorWithCode('Object that needs transfer was found in message but not listed in transferList',
        'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST');
    }
    serializer.writeUint32(at);
  };
  let bytes;
  try {
    serializer.writeHeader();
    serializer.writeValue(value);
    bytes = serializer.releaseBuffer();
  } catch (err) {
    if (err?.name === 'DataCloneError' || err?.code === 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST') throw err;
    throw dataCloneError(err?.message ?? String(err));
  }
  const ends = ports.map((port) => port._transferOut());
  for (const buffer of buffers) if (typeof buffer.transfer === 'function' && !buffer.detached) buffer.transfer();
  return new Uint8Array(v8.serialize([shared.map((sab) => workerBinding.sabExport(sab)), ends, bytes]));
}

// The value of a message serialize() made; the ports it carries are taken up by this
// thread.
function deserialize(frame) {
  const v8 = require('v8');
  const [tokens, ends, bytes] = v8.deserialize(Buffer.from(frame));
  const ports = ends.map((id) => MessagePort._adopt(id));
  const deserializer = new v8.Deserializer(bytes);
  tokens.forEach((token, id) => deserializer.transferArrayBuffer(id, workerBinding.sabImport(token)));
  deserializer._readHostObject = () => ports[deserializer.readUint32()];
  deserializer.readHeader();
  return deserializer.readValue();
}

// A message that came through a native channel, kept as its bytes until it is delivered
// (or passed on with its port).
class NativeFrame {
  constructor(bytes) {
    this.bytes = bytes;
  }
}

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

const kUndecodable = Symbol('kUndecodable');

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

  // The next queued message, or undefined (a native one is decoded; one that cannot be
  // is skipped, after a 'messageerror').
  _dequeue() {
    while (this.#queue.length > 0) {
      const decoded = this.#decode(this.#queue.shift());
      if (decoded !== kUndecodable) return decoded;
    }
    return undefined;
  }

  // What is queued and not delivered, taken out (a port being sent on).
  _drainQueue() {
    return this.#queue.splice(0);
  }

  #decode(message) {
    if (!(message instanceof NativeFrame)) return message;
    try {
      return deserialize(message.bytes);
    } catch (err) {
      eventLoop.invoke(() => this.dispatchEvent(new MessageEvent('messageerror', { data: err })));
      return kUndecodable;
    }
  }

  #schedule() {
    if (!this.#started || this.#scheduled || this.#queue.length === 0) return;
    this.#scheduled = true;
    eventLoop.deferToPoll(() => {
      this.#scheduled = false;
      // What is queued now is delivered, even if the port closes meanwhile (as in Node).
      const batch = this.#queue.splice(0);
      for (const message of batch) {
        const data = this.#decode(message);
        if (data !== kUndecodable) eventLoop.invoke(() => this.dispatchEvent(new MessageEvent('message', { data })));
      }
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

  // Closed without a 'close' event: the port was sent to another thread.
  _closeQuietly() {
    this.#closed = true;
    this._updateRef();
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
  // The port on the other end, in this thread; null once closed, native or detached.
  #peer = null;
  // This end of a native channel (bindings/messaging.rs), -1 while the channel is in JS.
  #end = -1;
  #watch = 0;
  // Sent to another thread: this object is no longer the port.
  #detached = false;

  constructor(token) {
    if (token !== kMakePort) throw typeErrorWithCode('Constructor cannot be called', 'ERR_CONSTRUCT_CALL_INVALID');
    super();
  }

  postMessage(message, transfer) {
    const list = transferListOf(transfer);
    if (list?.includes(this)) throw dataCloneError('Transfer list contains source port');
    if (this.#end !== -1 || list?.some((item) => item instanceof MessagePort)) {
      // Through a native channel (a port in the transfer list makes this one native).
      if (this.#end === -1 && this.#peer !== null) this.#goNative();
      const bytes = serialize(message, list);
      if (this.#end !== -1 && !this._isClosed()) binding.post(this.#end, bytes);
      return;
    }
    const copy = structuredClone(message, list === undefined ? undefined : { transfer: list });
    const peer = this.#peer;
    if (peer !== null && !this._isClosed()) peer._enqueue(copy);
  }

  close(callback) {
    if (typeof callback === 'function') this.once('close', callback);
    if (this.#end !== -1) {
      const end = this.#end;
      this.#unbind();
      binding.close(end);
      this._closeHere();
      return;
    }
    if (!this._closeHere()) return;
    const peer = this.#peer;
    this.#peer = null;
    if (peer === null) return;
    // The other side learns of it on a later turn, which does not by itself keep the loop.
    setTimeout(() => peer.close(), 0).unref();
  }

  _isDetached() {
    return this.#detached;
  }

  // The channel's end this port becomes in a message to another thread; this object is
  // then detached, as a transferred port is in Node.
  _transferOut() {
    if (this.#end === -1) {
      if (this.#peer !== null) {
        this.#goNative();
      } else {
        // A port whose peer has closed: the receiver gets a port that closes at once.
        const [end, other] = binding.channel();
        binding.close(other);
        this.#end = end;
      }
    }
    const end = this.#end;
    this.#unbind();
    // Messages queued here and not delivered go with the port, ahead of later ones.
    const undelivered = this._drainQueue().map((m) => (m instanceof NativeFrame ? m.bytes : serialize(m).buffer));
    if (undelivered.length > 0) binding.requeue(end, undelivered);
    binding.disown(end);
    this.#detached = true;
    this._closeQuietly();
    return end;
  }

  // The channel leaves JS: this port and its peer become the two ends of a native one.
  #goNative() {
    const [mine, theirs] = binding.channel();
    const peer = this.#peer;
    this.#peer = null;
    peer.#peer = null;
    peer.#bind(theirs);
    this.#bind(mine);
  }

  #bind(end) {
    this.#end = end;
    const fd = binding.adopt(end);
    // The watch does not keep the loop: a started, ref'd port does (Receiver's ref).
    if (fd >= 0) this.#watch = eventLoop.watch(fd, EPOLLIN, () => this._pull(), false);
  }

  #unbind() {
    if (this.#watch !== 0) eventLoop.unwatch(this.#watch);
    this.#watch = 0;
    this.#end = -1;
  }

  // Takes what the native channel brought; a peer that closed closes this side once what
  // came before is delivered.
  _pull() {
    if (this.#end === -1) return;
    const [closed, ...frames] = binding.take(this.#end);
    for (const bytes of frames) this._enqueue(new NativeFrame(bytes));
    if (closed) eventLoop.deferToPoll(() => this.close());
  }

  // A port taking up end `id` of a native channel (a port in a message from another
  // thread).
  static _adopt(id) {
    const port = new MessagePort(kMakePort);
    port.#bind(id);
    return port;
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

// Takes the next message queued on `port` at once, as `{ message }`, or undefined (what a
// native channel holds is taken first: another thread may have just posted it).
function receiveMessageOnPort(port) {
  if (!(port instanceof Receiver)) throw typeErrorWithCode('The "port" argument must be a MessagePort instance', 'ERR_INVALID_ARG_TYPE');
  if (port._isClosed()) return undefined;
  if (port instanceof MessagePort) port._pull();
  const queued = port._dequeue();
  return queued === undefined ? undefined : { message: queued };
}

module.exports = {
  MessageChannel, MessagePort, MessageEvent, BroadcastChannel, receiveMessageOnPort, serialize, deserialize, transferListOf,
};
