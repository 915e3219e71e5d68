'use strict';

// Transform: a Duplex whose output is computed from its input. Each written
// chunk goes through _transform(chunk, encoding, callback); what it pushes
// (or passes to the callback) comes out of the readable side. When the
// writable side ends, _flush(callback) may push a last bit before the
// readable side ends.
//
// Back-pressure: a transform callback whose output leaves the readable
// buffer at or above its highWaterMark is held back until the consumer
// reads (_read), so that writes stop while nobody reads.

const Duplex = require('internal/streams/duplex');
const { codes } = require('internal/streams/utils');
const { getHighWaterMark } = require('internal/streams/state');

// The held-back callback of the last _transform() call.
const kCallback = Symbol('kCallback');

function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);

  // A Duplex buffers on both sides; a Transform with readableHighWaterMark
  // 0 wants no buffering at all, so its writable side buffers nothing
  // either (unless asked to). Only an explicit 0 matters here.
  const readableHighWaterMark = options ?
    getHighWaterMark(options, false, 'readableHighWaterMark', true) :
    null;
  if (readableHighWaterMark === 0) {
    options = {
      ...options,
      highWaterMark: null,
      readableHighWaterMark,
      writableHighWaterMark: options.writableHighWaterMark || 0,
    };
  }

  Duplex.call(this, options);

  // Pushes from _transform() may emit 'data' right away: the transform is
  // never inside a _read() call.
  this._readableState.sync = false;
  this[kCallback] = null;

  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }

  // Streams that replace _final still get flushed when the writable side
  // finishes.
  this.on('prefinish', prefinish);
}
Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);

// Runs _flush() (if any), then ends the readable side.
function final(cb) {
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((er, data) => {
      if (er) {
        if (cb) cb(er);
        else this.destroy(er);
        return;
      }
      if (data != null) this.push(data);
      this.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
}

function prefinish() {
  if (this._final !== final) final.call(this);
}

Transform.prototype._final = final;

Transform.prototype._transform = function _transform(chunk, encoding, callback) {
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED('_transform()');
};

Transform.prototype._write = function _write(chunk, encoding, callback) {
  const rState = this._readableState;
  const wState = this._writableState;
  const lengthBefore = rState.length;

  this._transform(chunk, encoding, (err, val) => {
    if (err) {
      callback(err);
      return;
    }
    if (val != null) this.push(val);

    if (rState.ended) {
      // The transform pushed null: the end has to settle before the write
      // completes.
      process.nextTick(callback);
    } else if (wState.ended || lengthBefore === rState.length ||
               rState.length < rState.highWaterMark) {
      callback();
    } else {
      this[kCallback] = callback;
    }
  });
};

Transform.prototype._read = function _read() {
  const callback = this[kCallback];
  if (callback) {
    this[kCallback] = null;
    callback();
  }
};

module.exports = Transform;
