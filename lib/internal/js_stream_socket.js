'use strict';
// JSStreamSocket: a socket over any Duplex (Node wraps a JS stream in one to run TLS or
// HTTP/2 over it). unode's TLS reads and writes its transport as a stream already, so this
// is a plain relay; it exists because packages reach for it (http2-wrapper finds the class
// through a TLS socket's `_handle._parentWrap`).

const { Duplex } = require('stream');

class JSStreamSocket extends Duplex {
  constructor(stream) {
    super({ allowHalfOpen: true });
    this.stream = stream;
    stream.on('data', (chunk) => {
      if (!this.push(chunk)) stream.pause();
    });
    stream.on('end', () => this.push(null));
    stream.on('error', (err) => this.destroy(err));
    stream.on('close', () => this.destroy());
  }

  _read() {
    this.stream.resume();
  }

  _write(chunk, encoding, cb) {
    this.stream.write(chunk, encoding, cb);
  }

  _final(cb) {
    this.stream.end(cb);
  }

  _destroy(err, cb) {
    if (!this.stream.destroyed) this.stream.destroy(err ?? undefined);
    cb(err);
  }
}

// What a TLS socket over a JS stream has as `_handle` (Node's TLSWrap, whose parent is the
// JSStreamSocket): the calls net makes on a handle answer as for a socket without one.
class StreamWrap {
  constructor(stream) {
    this._parentWrap = new JSStreamSocket(stream);
    this.fd = -1;
  }

  setNoDelay() {}

  setKeepAlive() {}

  getpeername() {
    return -1;
  }

  getsockname() {
    return -1;
  }

  ref() {}

  unref() {}

  close() {}
}

module.exports = { JSStreamSocket, StreamWrap };
