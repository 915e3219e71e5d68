'use strict';

// duplexPair([options]): two Duplex streams wired to each other, like the
// two ends of a socket: what is written to one is read from the other.

const Duplex = require('internal/streams/duplex');

const kOtherSide = Symbol('kOtherSide');
// The callback of the other side's last write, released when this side
// is read from: back-pressure crosses over.
const kCallback = Symbol('kCallback');

class DuplexSide extends Duplex {
  constructor(options) {
    super(options);
    this[kOtherSide] = null;
    this[kCallback] = null;
  }

  _read() {
    const callback = this[kCallback];
    if (callback) {
      this[kCallback] = null;
      callback();
    }
  }

  _write(chunk, encoding, callback) {
    if (chunk.length === 0) {
      // An empty chunk pushes nothing, so no read on the other side would
      // release the callback.
      process.nextTick(callback);
    } else {
      this[kOtherSide].push(chunk);
      this[kOtherSide][kCallback] = callback;
    }
  }

  _final(callback) {
    this[kOtherSide].on('end', callback);
    this[kOtherSide].push(null);
  }
}

function duplexPair(options) {
  const side0 = new DuplexSide(options);
  const side1 = new DuplexSide(options);
  side0[kOtherSide] = side1;
  side1[kOtherSide] = side0;
  return [side0, side1];
}

module.exports = duplexPair;
