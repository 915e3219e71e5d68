'use strict';

// Duplex: a Readable that is also a Writable. It inherits from Readable and
// borrows Writable's methods and accessors; `instanceof Writable` holds
// through Writable's Symbol.hasInstance.
//
// `allowHalfOpen: false` ends the writable side when the readable side
// ends; `readable: false` / `writable: false` start with that side already
// finished.

const { Stream } = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const destroyImpl = require('internal/streams/destroy');
const { addAbortSignalNoValidate } = require('internal/streams/add-abort-signal');

const { ReadableState } = Readable;
const { WritableState } = Writable;

let duplexify;

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);

  this._events ??= { __proto__: null };
  this._readableState = new ReadableState(options, this, true);
  this._writableState = new WritableState(options, this, true);

  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;

    if (options.readable === false) {
      const r = this._readableState;
      r.readable = false;
      r.ended = true;
      r.endEmitted = true;
    }
    if (options.writable === false) {
      const w = this._writableState;
      w.writable = false;
      w.ending = true;
      w.ended = true;
      w.finished = true;
    }

    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignalNoValidate(options.signal, this);
  } else {
    this.allowHalfOpen = true;
  }

  Stream.call(this, options);
  destroyImpl.construct(this);
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

// Writable's side of the interface. destroy() is Writable's, which also
// fails queued writes.
for (const name of ['write', 'cork', 'uncork', 'setDefaultEncoding', '_write', '_writev', 'end', 'destroy']) {
  Duplex.prototype[name] = Writable.prototype[name];
}
for (const name of [
  'writable', 'writableHighWaterMark', 'writableObjectMode', 'writableBuffer', 'writableLength',
  'writableFinished', 'writableCorked', 'writableEnded', 'writableNeedDrain',
]) {
  Object.defineProperty(Duplex.prototype, name,
    Object.getOwnPropertyDescriptor(Writable.prototype, name));
}

Object.defineProperty(Duplex.prototype, 'destroyed', {
  get() {
    if (this._readableState === undefined || this._writableState === undefined) return false;
    return this._readableState.destroyed && this._writableState.destroyed;
  },
  set(value) {
    if (this._readableState && this._writableState) {
      this._readableState.destroyed = value;
      this._writableState.destroyed = value;
    }
  },
});

Duplex.from = function from(body) {
  duplexify ??= require('internal/streams/duplexify');
  return duplexify(body, 'body');
};

Duplex.fromWeb = function fromWeb(pair, options) {
  return require('internal/webstreams/adapters').duplexFromWeb(pair, options);
};

Duplex.toWeb = function toWeb(duplex) {
  return require('internal/webstreams/adapters').duplexToWeb(duplex);
};

module.exports = Duplex;
