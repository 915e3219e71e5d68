'use strict';
// TCP and Unix-domain stream sockets: net.Socket is a Duplex over a non-blocking socket
// watched by the loop's epoll (internalBinding('net') does the syscalls); net.Server
// accepts on one. The shapes of events, errors and addresses follow Node 20.
// Module-level bindings and the request path's locals are var (see internal/http/server.js).

var EventEmitter = require('events');
var { Duplex } = require('stream');
var { Buffer } = require('buffer');
var eventLoop = require('internal/event_loop');
var perfObserve = require('internal/perf/observe');
var dc = require('diagnostics_channel');
var clientSocketChannel = dc.channel('net.client.socket');
var serverSocketChannel = dc.channel('net.server.socket');
var { isIP, isIPv4, isIPv6 } = require('internal/net/ip');
var { restart: restartTimer, getTimerDuration } = require('internal/timers');
var {
  codes: {
    ERR_INVALID_ADDRESS_FAMILY,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FD_TYPE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_INVALID_IP_ADDRESS,
    ERR_MISSING_ARGS,
    ERR_SERVER_ALREADY_LISTEN,
    ERR_SERVER_NOT_RUNNING,
    ERR_SOCKET_CLOSED,
    ERR_SOCKET_CLOSED_BEFORE_CONNECTION,
  },
  errnoException,
  exceptionWithHostPort,
  makeCodeError,
  uvExceptionWithHostPort,
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateNumber,
  validateObject,
  validatePort,
  validateString,
} = require('internal/errors');

var binding = internalBinding('net');
var { processTicksAndRejections } = require('internal/process/task_queues');
var { constants: C, PARTIAL_WRITE } = binding;

var EPOLLIN = 0x001;
var EPOLLOUT = 0x004;
var EPOLLERR = 0x008;
var EPOLLHUP = 0x010;
var UV_EAGAIN = -11;
var UV_EINPROGRESS = -115;
var UV_EADDRINUSE = -98;
var UV_EMFILE = -24;
var UV_ENFILE = -23;
// How long a server out of descriptors waits before accepting again.
var kAcceptRetryMs = 100;
var UV_ENOTSOCK = -88;
// libuv reads at most this many times per readiness report before yielding to others.
var kMaxReadsPerTick = 32;
// What one read asks for (the binding's buffer size).
var kReadSize = 64 * 1024;

var autoSelectFamilyDefault = true;
var autoSelectFamilyAttemptTimeoutDefault = 250;

function familyName(n) {
  return n === 6 ? 'IPv6' : n === 4 ? 'IPv4' : undefined;
}

function toNumber(x) {
  return (x = Number(x)) >= 0 ? x : false;
}

function isPipeName(s) {
  return typeof s === 'string' && toNumber(s) === false;
}

// (port[, host][, cb]) / (path[, cb]) / (options[, cb]) → [options, cb]
function normalizeArgs(args) {
  if (args.length === 0) return [{}, null];
  const arg0 = args[0];
  let options = {};
  if (typeof arg0 === 'object' && arg0 !== null) options = arg0;
  else if (isPipeName(arg0)) options.path = arg0;
  else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? cb : null];
}

function lazyDns() {
  return require('dns');
}

// --- the descriptor under a socket or server ---------------------------------------

// One socket descriptor and its epoll watch: `want(events)` sets what the loop waits for;
// no events means no watch, so an idle socket does not keep the process alive (as an
// inactive libuv handle does not).
class Handle {
  constructor(fd, family, onReady) {
    this.fd = fd;
    this.family = family; // 4, 6, or 0 for a Unix socket
    this.events = 0;
    this.token = 0;
    this.refed = true;
    this.onReady = onReady;
    // A write of this descriptor on the writer thread (see writeBehind), and a close()
    // made while it was: the close waits for the write, so that the number is not reused
    // under it.
    this.writing = false;
    this.closeAfterWrite = false;
    // The HTTP parser the loop reads for (see readParsed), and the socket it reads for.
    this.parser = -1;
    this.reader = null;
    // An accepted TCP connection's remote address, as accept() gave it.
    this.peer = null;
  }

  // Has the loop read the descriptor itself whenever it is readable and asked to be, with
  // HTTP parser `parser` parsing what came for `socket` (see onParsedRead); -1: no more.
  readParsed(parser, socket) {
    this.parser = parser;
    this.reader = parser >= 0 ? socket : null;
    if (this.token !== 0) eventLoop.readParsed(this.token, parser, this.reader);
  }

  want(events) {
    if (this.fd < 0 || events === this.events) return;
    this.events = events;
    if (events === 0) {
      if (this.token !== 0) eventLoop.unwatch(this.token);
      this.token = 0;
    } else if (this.token === 0) {
      this.token = eventLoop.watch(this.fd, events, this.onReady, this.refed);
      if (this.parser >= 0) eventLoop.readParsed(this.token, this.parser, this.reader);
    } else {
      eventLoop.rewatch(this.token, events);
    }
  }

  // Whether the watch keeps the process alive.
  ref() {
    this.refed = true;
    if (this.token !== 0) eventLoop.setWatchRef(this.token, true);
  }

  unref() {
    this.refed = false;
    if (this.token !== 0) eventLoop.setWatchRef(this.token, false);
  }

  hasRef() {
    return this.refed;
  }

  // TCP's options, as Node's TCP handle sets them (a Unix socket's handle ignores them):
  // what Socket's setNoDelay and setKeepAlive call when the setting changes.
  setNoDelay(enable) {
    if (this.family !== 0 && this.fd >= 0) binding.setsockopt(this.fd, C.IPPROTO_TCP, C.TCP_NODELAY, enable ? 1 : 0);
  }

  setKeepAlive(enable, delaySecs) {
    if (this.family === 0 || this.fd < 0) return;
    binding.setsockopt(this.fd, C.SOL_SOCKET, C.SO_KEEPALIVE, enable ? 1 : 0);
    if (enable && delaySecs > 0) binding.setsockopt(this.fd, C.IPPROTO_TCP, C.TCP_KEEPIDLE, delaySecs);
  }

  // Node's TCP handle's: `out` gets the local (or the peer's) address, family and port;
  // 0, or a negative errno.
  getsockname(out) {
    return addressInto(binding.sockname(this.fd), out);
  }

  getpeername(out) {
    return addressInto(binding.peername(this.fd), out);
  }

  close() {
    if (this.fd < 0) return;
    this.want(0);
    if (this.writing) this.closeAfterWrite = true;
    else binding.close(this.fd);
    this.fd = -1;
  }
}

// A sockname/peername answer into `out` (nothing for a Unix socket's).
function addressInto(r, out) {
  if (typeof r === 'number') return r;
  if (r[0] !== 0) {
    out.address = r[1];
    out.family = familyName(r[0]);
    out.port = r[2];
  }
  return 0;
}

function newSocketFd(family, type = C.SOCK_STREAM) {
  return binding.socket(family, type);
}

// --- Socket --------------------------------------------------------------------------

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (typeof options === 'number') options = { fd: options };
  else options = { ...options };
  for (const key of ['objectMode', 'readableObjectMode', 'writableObjectMode']) {
    if (options[key]) throw new ERR_INVALID_ARG_VALUE(`options.${key}`, options[key], 'is not supported');
  }
  this.connecting = false;
  this._hadError = false;
  this._handle = null;
  this._host = null;
  this._peername = null;
  this._sockname = null;
  this._pendingData = null;
  this._pendingEncoding = '';
  this._pendingWrite = null;
  // A write the writer thread has (see writeBehind): its string and callback.
  this._inFlight = null;
  this._inFlightCb = null;
  // A write the event loop holds until the end of its batch, and its callback (see
  // _writeNow).
  this._heldChunk = null;
  this._heldCb = null;
  this._reading = false;
  // Set by a consumer that parses the bytes itself (see _took).
  this._consumer = null;
  // Set by one that has the loop read and parse the descriptor for it (the HTTP server,
  // see Handle's readParsed): what takes those reads' rows.
  this._parsedConsumer = null;
  this._bytesRead = 0;
  this._bytesDispatched = 0;
  this._timeoutTimer = null;
  // The timer behind setTimeout(), made once and restarted (see setTimeout).
  this._idleTimer = null;
  this._refed = true;
  this.server = null;
  this._server = null;
  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  if (options.keepAliveInitialDelay !== undefined) {
    validateNumber(options.keepAliveInitialDelay, 'options.keepAliveInitialDelay');
  }
  this[kKeepAliveDelay] = options.keepAliveInitialDelay > 0 ? ~~(options.keepAliveInitialDelay / 1000) : 0;

  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  // The socket answers its own signal (below), once: not the Duplex as well.
  const { signal } = options;
  options.signal = undefined;
  Duplex.call(this, options);
  // The loop reads the descriptor for as long as the stream wants data (see _read and
  // _readReady), as libuv does for Node: the Readable's own read-more round after each
  // chunk (a tick and a read(0) per chunk) would find nothing to do.
  this._readableState.readingMore = true;

  if (options.handle) {
    this._attach(options.handle);
  } else if (options.fd !== undefined) {
    const fd = options.fd;
    validateInt32(fd, 'fd', 0);
    const name = binding.sockname(fd);
    if (typeof name === 'number' && name === UV_ENOTSOCK) throw new ERR_INVALID_FD_TYPE('NOT_A_SOCKET');
    this._attach(new Handle(fd, typeof name === 'number' ? 4 : name[0], null));
  }
  this.on('end', onReadableStreamEnd);

  if (this._handle !== null && options.readable !== false) {
    if (options.pauseOnConnect) {
      this._readableState.flowing = false;
    } else if (!options.manualStart) {
      this.read(0);
    }
  }
  const { onread } = options;
  if (onread !== null && typeof onread === 'object' && typeof onread.callback === 'function' &&
      (typeof onread.buffer === 'function' || ArrayBuffer.isView(onread.buffer))) {
    useOnRead(this, onread);
  }
  if (signal) addAbortSignal(this, signal);
}

// `onread`: incoming bytes are copied into the caller's buffer (or one its function
// returns), a buffer-full at a time, and handed to its callback instead of becoming
// 'data'; the callback (called on the socket) returning false, or pausing the socket,
// stops the handing over, and what is left of the chunk is handed over first when it
// resumes. (An onread without both parts is ignored, as Node ignores it.)
function useOnRead(socket, { buffer, callback }) {
  let rest = null;
  const deliver = (bytes) => {
    let at = 0;
    while (at < bytes.length) {
      const target = typeof buffer === 'function' ? buffer() : buffer;
      const view = new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
      const n = Math.min(view.length, bytes.length - at);
      view.set(bytes.subarray(at, at + n));
      at += n;
      if (callback.call(socket, n, target) === false) {
        socket.pause();
        break;
      }
      if (socket.isPaused()) break;
    }
    rest = at < bytes.length ? bytes.subarray(at) : null;
  };
  socket._consumer = (ab) => deliver(new Uint8Array(ab));
  socket.on('resume', () => {
    if (rest !== null) deliver(rest);
  });
  // The read that finds the end takes a buffer too, as libuv asks for one before every
  // read (Node's callers count them).
  if (typeof buffer === 'function') socket.once('end', () => buffer());
}
Object.setPrototypeOf(Socket.prototype, Duplex.prototype);
Object.setPrototypeOf(Socket, Duplex);

var kSetNoDelay = Symbol('kSetNoDelay');
// A connect being timed for a 'net' performance entry (internal/perf/observe).
var kPerfConnect = Symbol('kPerfConnect');
var kSetKeepAlive = Symbol('kSetKeepAlive');
var kKeepAliveDelay = Symbol('kKeepAliveDelay');

function addAbortSignal(socket, signal) {
  const onAbort = () => socket.destroy(new (require('internal/errors').AbortError)(undefined, { cause: signal.reason }));
  if (signal.aborted) process.nextTick(onAbort);
  else signal.addEventListener('abort', onAbort, { once: true });
}

// `connecting`: the handle of a connect under way, whose options are set once it connects
// (_afterConnect), as Node sets them.
Socket.prototype._attach = function(handle, connecting) {
  // Bound rather than a closure that calls it: one call less per readiness report.
  handle.onReady = this._onReady.bind(this);
  if (!this._refed && typeof handle.unref === 'function') handle.unref();
  this._handle = handle;
  if (!connecting) this._applyHandleOptions();
};

Socket.prototype._applyHandleOptions = function() {
  var handle = this._handle;
  if (this[kSetNoDelay] && handle.setNoDelay) handle.setNoDelay(true);
  if (this[kSetKeepAlive] && handle.setKeepAlive) handle.setKeepAlive(true, this[kKeepAliveDelay]);
};

Socket.prototype._updateInterest = function() {
  var h = this._handle;
  if (h === null) return;
  var events = 0;
  if (this.connecting || (this._pendingWrite !== null && this._inFlight === null)) events |= EPOLLOUT;
  if (this._reading && !this.connecting) events |= EPOLLIN;
  if (h.want !== undefined) h.want(events);
  else foreignHandleInterest(h, events);
};

// A handle that is not ours (an object a caller gave as `handle`, with Node's handle
// methods or some of them) is asked to read as Node asks its own; what it lacks is skipped.
function foreignHandleInterest(handle, events) {
  var method = events & EPOLLIN ? handle.readStart : handle.readStop;
  if (typeof method === 'function') method.call(handle);
}

Socket.prototype._onReady = function(events) {
  if (this.connecting) {
    if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) this._afterConnect(binding.soError(this._handle.fd));
    return;
  }
  if (this._pendingWrite !== null && this._inFlight === null && events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) {
    this._flushPending();
  }
  if (this._handle !== null && this._reading && events & (EPOLLIN | EPOLLERR | EPOLLHUP)) this._readReady();
};

Socket.prototype._readReady = function() {
  for (var i = 0; i < kMaxReadsPerTick; i++) {
    if (this._handle === null || !this._reading) return;
    var r = binding.read(this._handle.fd);
    if (typeof r === 'number') {
      if (r !== UV_EAGAIN) this._readFailed(r);
      return;
    }
    // (byteLength is a getter: read once.) A short read means the kernel had no more:
    // like libuv, wait for the next readiness report (so an EOF right behind the data is
    // seen one loop iteration later).
    var length = r.byteLength;
    if (!this._took(r, length) || length < kReadSize) return;
  }
};

// A read that found the end of the stream (0) or failed (a negative errno).
Socket.prototype._readFailed = function(r) {
  this._reading = false;
  this._updateInterest();
  if (r === 0) {
    this.push(null);
    // Lets 'end' out even when nobody reads, as Node's onStreamRead does; a socket whose
    // own side is done then goes away after 'end' (the stream's autoDestroy).
    this.read(0);
    return;
  }
  this.destroy(errnoException(r, 'read'));
};

// `length` bytes a read brought, `r`. False when reading stops for now.
Socket.prototype._took = function(r, length) {
  this._bytesRead += length;
  if (this._timeoutTimer !== null) this._touch();
  if (this._consumer !== null) {
    // A consumer (the HTTP server's parser) takes the bytes directly, as Node's
    // parser.consume() does: no Buffer, no 'data' event. It stops taking them when
    // the socket is paused.
    this._consumer(r);
    if (this._readableState.flowing === false) {
      this._stopReading();
      return false;
    }
    return true;
  }
  if (!this.push(Buffer.from(r))) {
    this._reading = false;
    this._updateInterest();
    return false;
  }
  return true;
};

// Reading stops: paused by the consumer of its bytes, or handed to a child process as
// its stdio. Nothing was pushed for the read Readable asked for, so that is cleared,
// letting resume() ask again. (A consumer that let go of the socket, as an upgrade does,
// leaves it reading: the next bytes go out as 'data'.)
Socket.prototype._stopReading = function() {
  this._readableState.reading = false;
  this._reading = false;
  this._updateInterest();
};

// A read the loop made for a socket whose bytes an HTTP parser takes (see Handle's
// readParsed): the byte count then the parser's rows, 0 at the end of the stream, or a
// negative errno. `events` is the readiness it came with, as _onReady gets it. The rows
// go to the consumer the socket had when they were read (_parsedConsumer), even if an
// earlier callback of the same batch let go of the parser. (What _took does for a read
// of its own, inline: this runs once per request of a busy server.)
function onParsedRead(socket, events, r) {
  if (socket._pendingWrite !== null && socket._inFlight === null && events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) {
    socket._flushPending();
  }
  // Closed by an earlier callback of the batch: the bytes go with it.
  if (socket._handle === null) return;
  if (typeof r === 'number') {
    if (r !== UV_EAGAIN) socket._readFailed(r);
    return;
  }
  socket._bytesRead += r[0];
  if (socket._timeoutTimer !== null) socket._touch();
  socket._parsedConsumer(r);
  if (socket._readableState.flowing === false) socket._stopReading();
}
eventLoop.setParsedReader(onParsedRead);

Socket.prototype._read = function(n) {
  if (this.connecting || this._handle === null) {
    this.once('connect', () => this._read(n));
    return;
  }
  if (!this._reading) {
    this._reading = true;
    this._updateInterest();
  }
};

function onReadableStreamEnd() {
  if (!this.allowHalfOpen) {
    this.write = writeAfterFIN;
  }
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) return Socket.prototype.write.call(this, chunk, encoding, cb);
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const er = new Error('This socket has been ended by the other party');
  er.code = 'EPIPE';
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

// What Node's handle throws for a string written with the encoding 'buffer'.
var ERR_STRING_AS_BUFFER = makeCodeError('ERR_INVALID_ARG_TYPE', TypeError, 'Second argument must be a buffer');

// Strings go to the binding as they are (it writes them as UTF-8); other encodings are
// converted first, except for ASCII text, whose latin1/ascii bytes are its UTF-8 bytes
// (a string is ASCII when its UTF-8 length is its length: cheaper than a regex here).
function toWritable(chunk, encoding) {
  if (typeof chunk !== 'string' || encoding === 'utf8' || encoding === 'utf-8') return chunk;
  if (encoding === 'buffer') throw new ERR_STRING_AS_BUFFER();
  if ((encoding === 'latin1' || encoding === 'binary' || encoding === 'ascii') && Buffer.byteLength(chunk) === chunk.length) {
    return chunk;
  }
  return Buffer.from(chunk, encoding);
}

Socket.prototype._writeGeneric = function(writev, data, encoding, cb) {
  if (this.connecting) {
    this._pendingData = data;
    this._pendingEncoding = encoding;
    this.once('connect', function connect() {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, cb);
    });
    function onClose() {
      cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
    }
    this.once('close', onClose);
    return;
  }
  this._pendingData = null;
  this._pendingEncoding = '';
  if (this._handle === null) {
    cb(new ERR_SOCKET_CLOSED());
    return false;
  }
  const chunks = writev
    ? data.map(({ chunk, encoding }) => toWritable(chunk, encoding))
    : [toWritable(data, encoding)];
  this._touch();
  this._writeChunks(chunks, cb);
};

// Writes what the socket takes now; the rest waits for EPOLLOUT. `cb` runs once all of
// it is in the kernel, as libuv's write request completes.
Socket.prototype._writeChunks = function(chunks, cb) {
  if (this._heldChunk !== null) {
    const heldCb = this._heldCb;
    chunks = [this._heldChunk, ...chunks];
    this._heldChunk = this._heldCb = null;
    const after = cb;
    cb = (err) => {
      if (typeof heldCb === 'function') process.nextTick(heldCb, err);
      after(err);
    };
  }
  if (this._pendingWrite !== null || this._inFlight !== null) {
    // Behind the rest of a held write the kernel did not take at once, or behind one on
    // the writer thread.
    const pending = this._pendingWrite ??= { chunks: [], cb: null };
    for (let i = 0; i < chunks.length; i++) {
      const c = chunks[i];
      pending.chunks.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
    }
    pending.cb = chainWriteCallbacks(pending.cb, cb);
    return;
  }
  let total = 0;
  for (let i = 0; i < chunks.length; i++) total += typeof chunks[i] === 'string' ? Buffer.byteLength(chunks[i]) : chunks[i].byteLength;
  const n = total === 0 ? 0 : binding.writev(this._handle.fd, chunks);
  if (n < 0 && n !== UV_EAGAIN) {
    cb(errnoException(n, 'write'));
    return;
  }
  const done = n < 0 ? 0 : n;
  this._bytesDispatched += done;
  if (done === total) {
    cb();
    return;
  }
  this._pendingWrite = { chunks: remainderOf(chunks, done), cb };
  this._updateInterest();
};

// Writes `data` straight to the descriptor when the socket has nothing queued or in
// flight, skipping the Writable bookkeeping (the HTTP server answers most requests this
// way). `cb` runs as a Writable write's would: on the next tick once all of it is in the
// kernel; what the kernel did not take goes through Writable behind it. False, with
// nothing written, when the stream must take the write (queued data, a cork, an error
// to report, an ended or unconnected socket).
Socket.prototype._writeNow = function(data, encoding, cb) {
  if (!this._canWriteNow()) return false;
  return writeIdle(this, toWritable(data, encoding || 'utf8'), cb) !== undefined;
};

// Whether a write can go straight to the descriptor: nothing queued, held or in flight,
// and the socket connected, uncorked, not ending and not failed.
Socket.prototype._canWriteNow = function() {
  var state = this._writableState;
  return !(this._handle === null || this.connecting || this._pendingWrite !== null || this._inFlight !== null ||
    this._heldChunk !== null ||
    state.length !== 0 || state.writing || state.corked || state.ending || state.destroyed || state.errored);
};

// write() of a Buffer or UTF-8 string to an idle socket goes out as _writeNow sends it,
// without the Writable bookkeeping (which would find nothing to queue); every other
// write goes through Writable. A subclass with its own _write or _writev keeps the
// Writable path.
Socket.prototype.write = function(chunk, encoding, cb) {
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = undefined;
  }
  if ((chunk instanceof Uint8Array || (typeof chunk === 'string' && (encoding == null || encoding === 'utf8'))) &&
    this._write === socketWrite && this._writev === socketWritev && this._canWriteNow()) {
    var ret = writeIdle(this, chunk, cb);
    if (ret !== undefined) return ret;
  }
  return Duplex.prototype.write.call(this, chunk, encoding, cb);
};

// Sends `chunk` (a string, as UTF-8, or a buffer) on an idle socket: write()'s answer
// (true, or the Writable's for what the kernel left of it), or undefined, with nothing
// written, for an error the stream must report. A string may be held until the end of
// the loop's batch of events (see event_loop's holdWrite); a buffer's bytes go now, as
// the caller may reuse the buffer once the write returns (with node they are usually in
// the kernel by then).
function writeIdle(socket, chunk, cb) {
  if (typeof chunk === 'string' && eventLoop.holdWrite(socket)) {
    socket._heldChunk = chunk;
    socket._heldCb = cb;
    return true;
  }
  var r = binding.writeChunk(socket._handle.fd, chunk);
  // An error (EAGAIN included) is the stream's to retry or report.
  if (r < 0 && r > PARTIAL_WRITE) return undefined;
  socket._touch();
  if (r >= 0) {
    socket._bytesDispatched += r;
    if (typeof cb === 'function') process.nextTick(cb);
    return true;
  }
  var n = PARTIAL_WRITE - r;
  socket._bytesDispatched += n;
  return Duplex.prototype.write.call(socket, remainderOf([chunk], n)[0], cb);
}

function remainderOf(chunks, skip) {
  const rest = [];
  for (let i = 0; i < chunks.length; i++) {
    let c = chunks[i];
    if (typeof c === 'string') c = Buffer.from(c, 'utf8');
    if (skip >= c.byteLength) {
      skip -= c.byteLength;
      continue;
    }
    rest.push(skip > 0 ? new Uint8Array(c.buffer, c.byteOffset + skip, c.byteLength - skip) : c);
    skip = 0;
  }
  return rest;
}

// Writes what the loop held (see _writeNow): what the kernel does not take now waits for
// EPOLLOUT, and a write that fails destroys the socket, as the write would have.
// `fromLoop`: called by the loop between its callbacks (flushHeldWrites).
Socket.prototype._flushHeld = function(fromLoop) {
  const chunk = this._heldChunk;
  if (chunk === null || this._handle === null) return;
  const cb = this._heldCb;
  this._heldChunk = this._heldCb = null;
  this._touch();
  if (this._pendingWrite !== null || this._inFlight !== null) {
    this._writeChunks([chunk], afterHeldWrite(this, cb));
    return;
  }
  const r = binding.writeChunk(this._handle.fd, chunk);
  if (r >= 0) {
    this._bytesDispatched += r;
    // From the loop, a later turn than the held write(): the callback runs now, as the
    // tick a write completing at once schedules would. From _final or _destroy it waits
    // for a tick, as there it would run inside the stream's own steps.
    if (typeof cb === 'function') {
      if (fromLoop) cb();
      else process.nextTick(cb);
    }
  } else if (r <= PARTIAL_WRITE || r === UV_EAGAIN) {
    // The rest waits for EPOLLOUT.
    const n = r === UV_EAGAIN ? 0 : PARTIAL_WRITE - r;
    this._bytesDispatched += n;
    this._pendingWrite = { chunks: remainderOf([chunk], n), cb: afterHeldWrite(this, cb) };
    this._updateInterest();
  } else {
    afterHeldWrite(this, cb)(errnoException(r, 'write'));
  }
};

// The end of a held write that did not go out whole at once: a failure destroys the
// socket, as the write would have, and the write's callback runs on the next tick.
function afterHeldWrite(socket, cb) {
  return (err) => {
    if (err) socket.destroy(err);
    if (typeof cb === 'function') {
      if (err) process.nextTick(cb, err);
      else process.nextTick(cb);
    }
  };
}

// The held writes of a batch of the loop's events (two or more sockets), handed to the
// writer thread in one step: the loop thread goes on with the next events while the kernel
// takes them. On loopback a write also delivers to the peer, about a third of a busy
// server's CPU per keep-alive request, which another core then spends. Each socket's write
// is in flight until the thread reports it (the socket's _inFlight): later writes queue
// behind it (a pending write), EPOLLOUT is not waited for, an end waits for it, and a close
// of the descriptor is put off until it is done (Handle's close).
function writeBehind(sockets) {
  // Stored by index rather than pushed: QuickJS looks `push` up on every call.
  var fds = [], chunks = [], entries = [], n = 0;
  for (var i = 0; i < sockets.length; i++) {
    var socket = sockets[i];
    var chunk = socket._heldChunk;
    if (chunk === null || socket._handle === null) continue;
    if (socket._pendingWrite !== null || socket._inFlight !== null) {
      socket._flushHeld(false);
      continue;
    }
    socket._inFlight = chunk;
    socket._inFlightCb = socket._heldCb;
    socket._heldChunk = socket._heldCb = null;
    if (socket._timeoutTimer !== null) socket._touch();
    var handle = socket._handle;
    handle.writing = true;
    fds[n] = handle.fd;
    chunks[n] = chunk;
    entries[2 * n] = socket;
    entries[2 * n + 1] = handle;
    n++;
  }
  if (n === 0) return;
  eventLoop.poolRequest((id) => binding.writeBehind(fds, chunks, id), (err, results) => {
    for (var i = 0; i < fds.length; i++) {
      afterWriteBehind(entries[2 * i], entries[2 * i + 1], fds[i], results[i]);
      processTicksAndRejections();
    }
  });
}

function afterWriteBehind(socket, handle, fd, r) {
  handle.writing = false;
  if (handle.closeAfterWrite) binding.close(fd);
  var chunk = socket._inFlight;
  // Destroyed meanwhile: what was left of the write is dropped, as a destroy drops it.
  if (chunk === null) return;
  var cb = socket._inFlightCb;
  socket._inFlight = socket._inFlightCb = null;
  var pending;
  if (r >= 0) {
    socket._bytesDispatched += r;
    // The write's callback runs now, as _flushHeld's from the loop does; then what was
    // queued behind it goes.
    if (typeof cb === 'function') cb();
    if (socket._pendingWrite !== null && socket._inFlight === null) socket._flushPending();
  } else if (r <= PARTIAL_WRITE || r === UV_EAGAIN) {
    // The rest waits for EPOLLOUT, ahead of what was queued behind it.
    var n = r === UV_EAGAIN ? 0 : PARTIAL_WRITE - r;
    socket._bytesDispatched += n;
    var rest = remainderOf([chunk], n);
    pending = socket._pendingWrite;
    if (pending === null) {
      socket._pendingWrite = { chunks: rest, cb: afterHeldWrite(socket, cb) };
    } else {
      pending.chunks.unshift(...rest);
      pending.cb = chainWriteCallbacks(afterHeldWrite(socket, cb), pending.cb);
    }
    socket._updateInterest();
  } else {
    pending = socket._pendingWrite;
    socket._pendingWrite = null;
    var err = errnoException(r, 'write');
    afterHeldWrite(socket, cb)(err);
    if (pending !== null && pending.cb !== null) pending.cb(err);
  }
}

// The callback of a pending write and of what was queued behind it, in that order.
function chainWriteCallbacks(first, then) {
  if (first === null) return then;
  if (then === null) return first;
  return (err) => {
    first(err);
    then(err);
  };
}
eventLoop.setWriteBehind(writeBehind);

Socket.prototype._flushPending = function() {
  const { chunks, cb } = this._pendingWrite;
  this._pendingWrite = null;
  this._updateInterest();
  this._writeChunks(chunks, cb);
};

Socket.prototype._writev = function(chunks, cb) {
  this._writeGeneric(true, chunks, '', cb);
};
var socketWritev = Socket.prototype._writev;

Socket.prototype._write = function(data, encoding, cb) {
  this._writeGeneric(false, data, encoding, cb);
};
var socketWrite = Socket.prototype._write;

Socket.prototype._final = function(cb) {
  if (this.pending) {
    return this.once('connect', () => this._final(cb));
  }
  if (this._handle === null) return cb();
  this._flushHeld();
  if (this._pendingWrite !== null || this._inFlight !== null) {
    // The end follows the rest of a held write, or the writer thread's.
    const pending = this._pendingWrite ??= { chunks: [], cb: null };
    pending.cb = chainWriteCallbacks(pending.cb, (err) => {
      if (err) cb(err);
      else this._final(cb);
    });
    return;
  }
  const err = binding.shutdown(this._handle.fd);
  // ENOTCONN: the peer already went away; the end of our side is not an error then.
  if (err < 0 && err !== -107) return cb(errnoException(err, 'shutdown'));
  cb();
};

Socket.prototype._destroy = function(exception, cb) {
  // Node's socket has its handle from connect() on, also while its host is looked up.
  const hadHandle = this._handle !== null || this.connecting;
  this.connecting = false;
  this._reading = false;
  // What Node would have written before the close reaches the kernel; the rest is dropped.
  // A write on the writer thread is as good as written (the close waits for it): its
  // callback runs, as _flushHeld's does.
  this._flushHeld();
  if (this._inFlight !== null && typeof this._inFlightCb === 'function') process.nextTick(this._inFlightCb);
  this._inFlight = this._inFlightCb = null;
  this._pendingWrite = null;
  this._heldChunk = this._heldCb = null;
  if (this._timeoutTimer !== null) {
    clearTimeout(this._timeoutTimer);
    this._timeoutTimer = null;
  }
  if (hadHandle) {
    const isException = exception ? true : false;
    if (this._handle !== null && typeof this._handle.close === 'function') this._handle.close();
    this._handle = null;
    eventLoop.onClose(() => this.emit('close', isException));
  }
  cb(exception);
  if (!hadHandle) process.nextTick(emitCloseNT, this);
  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
  }
};

function emitCloseNT(socket) {
  socket.emit('close');
}

Socket.prototype.destroySoon = function() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype.resetAndDestroy = function() {
  if (this.connecting) {
    this.once('connect', () => resetNow(this));
  } else if (this._handle !== null) {
    if (this._handle.family === 0) throw new ERR_INVALID_HANDLE_TYPE();
    resetNow(this);
  } else {
    this.destroy(new ERR_SOCKET_CLOSED());
  }
  return this;
};

// The close that destroy() makes then resets the connection (RST).
function resetNow(socket) {
  if (socket._handle !== null) binding.lingerZero(socket._handle.fd);
  socket.destroy();
}

// --- timeouts --------------------------------------------------------------------------

// Activity restarts the idle timer from the loop's time (as libuv's timers count), with no
// clock read per read or write.
Socket.prototype._touch = function() {
  var timer = this._timeoutTimer;
  if (timer !== null) restartTimer(timer, timer._idleTimeout);
};

Socket.prototype.setTimeout = function(msecs, callback) {
  if (this.destroyed) return this;
  msecs = getTimerDuration(msecs, 'msecs');
  this.timeout = msecs;
  if (this._timeoutTimer !== null) {
    clearTimeout(this._timeoutTimer);
    this._timeoutTimer = null;
  }
  if (msecs === 0) {
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.removeListener('timeout', callback);
    }
  } else {
    // One timer per socket, restarted rather than made anew: an HTTP server sets it
    // again for every request on a keep-alive connection.
    if (this._idleTimer === null) {
      this._idleTimer = setTimeout(() => {
        this._timeoutTimer = null;
        this.emit('timeout');
      }, msecs);
      this._idleTimer.unref();
    } else {
      restartTimer(this._idleTimer, msecs);
    }
    this._timeoutTimer = this._idleTimer;
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
  }
  return this;
};

// --- options -----------------------------------------------------------------------------

// Each reaches the handle only when the setting changes, as in Node (a handle without the
// method, as a pipe's in Node, is left alone).
Socket.prototype.setNoDelay = function(enable) {
  enable = enable === undefined ? true : Boolean(enable);
  if (this._handle === null) {
    this[kSetNoDelay] = enable;
    return this;
  }
  if (this._handle.setNoDelay && enable !== this[kSetNoDelay]) {
    this[kSetNoDelay] = enable;
    this._handle.setNoDelay(enable);
  }
  return this;
};

Socket.prototype.setKeepAlive = function(enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const initialDelay = ~~(initialDelayMsecs / 1000);
  if (this._handle === null) {
    this[kSetKeepAlive] = enable;
    this[kKeepAliveDelay] = initialDelay;
    return this;
  }
  if (!this._handle.setKeepAlive) return this;
  if (enable !== this[kSetKeepAlive] || (enable && this[kKeepAliveDelay] !== initialDelay)) {
    this[kSetKeepAlive] = enable;
    this[kKeepAliveDelay] = initialDelay;
    this._handle.setKeepAlive(enable, initialDelay);
  }
  return this;
};

Socket.prototype.address = function() {
  return this._getsockname();
};

Socket.prototype._getpeername = function() {
  if (this._handle === null || !this._handle.getpeername) return this._peername || {};
  if (this._peername === null) {
    const out = {};
    if (this._handle.getpeername(out) !== 0) return {};
    this._peername = out;
  }
  return this._peername;
};

Socket.prototype._getsockname = function() {
  if (this._handle === null || !this._handle.getsockname) return {};
  if (this._sockname === null) {
    const out = {};
    if (this._handle.getsockname(out) !== 0) return {};
    this._sockname = out;
  }
  return this._sockname;
};

function defineGetter(name, fn) {
  Object.defineProperty(Socket.prototype, name, { __proto__: null, configurable: true, enumerable: true, get: fn });
}
defineGetter('remoteAddress', function() {
  return this._getpeername().address;
});
defineGetter('remoteFamily', function() {
  return this._getpeername().family;
});
defineGetter('remotePort', function() {
  return this._getpeername().port;
});
defineGetter('localAddress', function() {
  return this._getsockname().address;
});
defineGetter('localPort', function() {
  return this._getsockname().port;
});
defineGetter('localFamily', function() {
  return this._getsockname().family;
});
defineGetter('pending', function() {
  return this._handle === null || this.connecting;
});
defineGetter('readyState', function() {
  if (this.connecting) return 'opening';
  if (this.readable && this.writable) return 'open';
  if (this.readable && !this.writable) return 'readOnly';
  if (!this.readable && this.writable) return 'writeOnly';
  return 'closed';
});
defineGetter('bufferSize', function() {
  // Node's socket has its handle from connect() on, also while its host is looked up.
  if (this._handle !== null || this.connecting) return this.writableLength;
});
defineGetter('bytesRead', function() {
  return this._bytesRead;
});
defineGetter('bytesWritten', function() {
  let bytes = this._bytesDispatched;
  const pending = this._pendingWrite;
  if (pending !== null) for (const c of pending.chunks) bytes += c.byteLength;
  if (this._inFlight !== null) bytes += Buffer.byteLength(this._inFlight);
  const held = this._heldChunk;
  if (held !== null) bytes += typeof held === 'string' ? Buffer.byteLength(held) : held.byteLength;
  for (const { chunk, encoding } of this.writableBuffer || []) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.length;
  }
  if (this._pendingData !== null) {
    const d = this._pendingData;
    if (Array.isArray(d)) {
      for (const { chunk, encoding } of d) bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.length;
    } else {
      bytes += typeof d === 'string' ? Buffer.byteLength(d, this._pendingEncoding) : d.length;
    }
  }
  return bytes;
});
Object.defineProperty(Socket.prototype, '_connecting', {
  __proto__: null,
  get() {
    return this.connecting;
  },
});

Socket.prototype.ref = function() {
  this._refed = true;
  if (this._handle !== null && typeof this._handle.ref === 'function') this._handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  this._refed = false;
  if (this._handle !== null && typeof this._handle.unref === 'function') this._handle.unref();
  return this;
};

// --- connect -----------------------------------------------------------------------------

Socket.prototype.connect = function(...args) {
  let normalized;
  if (Array.isArray(args[0]) && args[0].length > 0) normalized = args[0];
  else normalized = normalizeArgs(args);
  const [options, cb] = normalized;
  if (cb !== null) this.once('connect', cb);
  // A null port is refused later, with its own error.
  if (options.port === undefined && options.path == null) throw new ERR_MISSING_ARGS(['options', 'port', 'path']);
  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
  if (this.destroyed) {
    this._handle = null;
    this._peername = null;
    this._sockname = null;
    // A new connection counts its own bytes, as a new libuv handle does in Node.
    this._bytesRead = 0;
    this._bytesDispatched = 0;
    this._undestroy();
  }
  const { path } = options;
  const pipe = !!path;
  if (pipe) validateString(path, 'options.path');
  this._touch();
  this.connecting = true;
  // The socket has its handle from here on, as in Node (code may patch it before the
  // connect is made); its descriptor is opened for the address's family when the connect
  // is made (startConnect).
  if (this._handle === null) this._attach(new Handle(-1, pipe ? 0 : 4, null), true);
  if (pipe) {
    internalConnect(this, 0, path);
  } else {
    lookupAndConnect(this, options);
  }
  return this;
};

function lookupAndConnect(self, options) {
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port, autoSelectFamilyAttemptTimeout, autoSelectFamily } = options;
  if (localAddress && !isIP(localAddress)) {
    throw new ERR_INVALID_IP_ADDRESS(localAddress);
  }
  if (localPort) validateNumber(localPort, 'options.localPort');
  if (typeof port !== 'undefined') {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port);
    }
    port = validatePort(port);
  }
  port |= 0;
  if (autoSelectFamily != null) validateBoolean(autoSelectFamily, 'options.autoSelectFamily');
  else autoSelectFamily = autoSelectFamilyDefault;
  if (autoSelectFamilyAttemptTimeout != null) {
    validateInt32(autoSelectFamilyAttemptTimeout, 'options.autoSelectFamilyAttemptTimeout', 1);
    if (autoSelectFamilyAttemptTimeout < 10) autoSelectFamilyAttemptTimeout = 10;
  } else {
    autoSelectFamilyAttemptTimeout = autoSelectFamilyAttemptTimeoutDefault;
  }

  const addressType = isIP(host);
  if (addressType) {
    process.nextTick(() => {
      if (self.connecting) internalConnect(self, addressType, host, port, localAddress, localPort);
    });
    return;
  }
  if (options.lookup != null) validateFunction(options.lookup, 'options.lookup');
  const lookup = options.lookup || lazyDns().lookup;
  const dnsopts = { family: socketToDnsFamily(options.family), hints: options.hints || 0 };
  if (autoSelectFamily && dnsopts.family === 0) dnsopts.all = true;
  self._host = host;
  lookup(host, dnsopts, function emitLookup(err, ip, addressType) {
    if (!self.connecting) return;
    if (err) {
      process.nextTick(() => {
        self.emit('lookup', err, ip, addressType, host);
        self.destroy(err);
      });
      return;
    }
    if (Array.isArray(ip)) {
      const addrs = attemptOrder(self, ip, host);
      if (addrs === null) return;
      if (addrs.length === 0) {
        // Nothing to try: the first answer says why.
        const first = ip[0] || {};
        const err = !isIP(first.address) ? new ERR_INVALID_IP_ADDRESS(first.address) :
          new ERR_INVALID_ADDRESS_FAMILY(first.family, host, port);
        process.nextTick(() => self.destroy(err));
        return;
      }
      if (addrs.length === 1) {
        internalConnect(self, addrs[0].family, addrs[0].address, port, localAddress, localPort);
        return;
      }
      self.autoSelectFamilyAttemptedAddresses = [];
      internalConnectMultiple(self, addrs, 0, port, localAddress, localPort, autoSelectFamilyAttemptTimeout, []);
      return;
    }
    self.emit('lookup', err, ip, addressType, host);
    if (!isIP(ip)) {
      self.destroy(new ERR_INVALID_IP_ADDRESS(ip));
      return;
    }
    internalConnect(self, addressType, ip, port, localAddress, localPort);
  });
}

function socketToDnsFamily(family) {
  switch (family) {
    case 'IPv4':
      return 4;
    case 'IPv6':
      return 6;
  }
  return family || 0;
}

// Opens (when needed), binds (when asked) and starts connecting the socket's descriptor.
function startConnect(self, family, address, port, localAddress, localPort) {
  if (self._handle === null || self._handle.fd < 0) {
    const fd = newSocketFd(family);
    if (fd < 0) return { err: fd, syscall: 'socket' };
    if (self._handle === null) {
      self._attach(new Handle(fd, family, null), true);
    } else {
      self._handle.fd = fd;
      self._handle.family = family;
    }
  }
  const fd = self._handle.fd;
  if (localAddress || localPort) {
    const la = localAddress || (family === 6 ? '::' : '0.0.0.0');
    const err = binding.bind(fd, family, la, localPort || 0, 0);
    if (err < 0) return { err, syscall: 'bind', local: `${la}:${localPort || 0}` };
  }
  // A TCP connect is a 'net' performance entry while someone observes them, as in Node.
  if (family !== 0 && perfObserve.hasObserver('net')) {
    self[kPerfConnect] = perfObserve.startPerf('connect', 'net', { host: address, port });
  }
  const err = family === 0 ? binding.connectUnix(fd, address) : binding.connect(fd, family, address, port);
  if (err < 0 && err !== UV_EINPROGRESS && err !== UV_EAGAIN) return { err, syscall: 'connect' };
  self._connectTarget = { address, port, localAddress, localPort };
  self._updateInterest();
  return null;
}

function internalConnect(self, family, address, port, localAddress, localPort) {
  if (!self.connecting) return;
  const failure = startConnect(self, family, address, port, localAddress, localPort);
  if (failure !== null) {
    const details = failure.local || (localAddress ? `${localAddress}:${localPort || 0}` : undefined);
    const ex = family === 0
      ? exceptionWithHostPort(failure.err, failure.syscall, address)
      : exceptionWithHostPort(failure.err, failure.syscall, address, port, details);
    eventLoop.defer(() => self.destroy(ex));
  }
}

// Happy eyeballs (RFC 8305) as Node 20 does it: one address at a time, moving on when an
// attempt fails or takes longer than the attempt timeout.
// The addresses autoSelectFamily tries, as Node orders them: each once, the two families
// alternating, starting with the first address's. A 'lookup' event for each address;
// null when a listener destroyed the socket.
function attemptOrder(self, addresses, host) {
  const byFamily = { 4: [], 6: [] };
  let first = 0;
  for (const a of addresses) {
    self.emit('lookup', null, a.address, a.family, host);
    if (!self.connecting) return null;
    if (!isIP(a.address) || (a.family !== 4 && a.family !== 6)) continue;
    first ||= a.family;
    if (!byFamily[a.family].some((b) => b.address === a.address)) byFamily[a.family].push(a);
  }
  if (first === 0) return [];
  const [primary, secondary] = first === 6 ? [byFamily[6], byFamily[4]] : [byFamily[4], byFamily[6]];
  const order = [];
  for (let i = 0; i < Math.max(primary.length, secondary.length); i++) {
    if (i < primary.length) order.push(primary[i]);
    if (i < secondary.length) order.push(secondary[i]);
  }
  return order;
}

function internalConnectMultiple(self, addrs, index, port, localAddress, localPort, timeout, errors) {
  if (!self.connecting) return;
  if (index >= addrs.length) {
    // Node's shape: an AggregateError with an empty message and the first error's code.
    const agg = new AggregateError(errors, '');
    agg.code = errors[0] && errors[0].code;
    self.destroy(agg);
    return;
  }
  const { address, family } = addrs[index];
  self.autoSelectFamilyAttemptedAddresses.push(`${address}:${port}`);
  const next = (err) => {
    errors.push(err);
    if (self._handle !== null) {
      self._handle.close();
      self._handle = null;
    }
    internalConnectMultiple(self, addrs, index + 1, port, localAddress, localPort, timeout, errors);
  };
  const failure = startConnect(self, family, address, port, localAddress, localPort);
  if (failure !== null) {
    next(exceptionWithHostPort(failure.err, failure.syscall, address, port));
    return;
  }
  let timer = null;
  if (index + 1 < addrs.length) {
    timer = setTimeout(() => {
      if (!self.connecting || self._connectAttempt !== timer) return;
      const err = exceptionWithHostPort(-110, 'connect', address, port);
      next(err);
    }, timeout);
    self._connectAttempt = timer;
  }
  // The last attempt's failure also goes into the aggregate.
  self._onConnectFailure = (err) => {
    if (timer !== null) clearTimeout(timer);
    next(err);
  };
}

Socket.prototype._afterConnect = function(status) {
  if (!this.connecting) return;
  const target = this._connectTarget;
  if (status !== 0) {
    const family = this._handle === null ? 4 : this._handle.family;
    const ex = family === 0
      ? exceptionWithHostPort(status, 'connect', target.address)
      : exceptionWithHostPort(status, 'connect', target.address, target.port,
        target.localAddress ? `${target.localAddress}:${target.localPort || 0}` : undefined);
    if (this._onConnectFailure) {
      const onFailure = this._onConnectFailure;
      this._onConnectFailure = null;
      onFailure(ex);
      return;
    }
    this.destroy(ex);
    return;
  }
  if (this._connectAttempt) {
    clearTimeout(this._connectAttempt);
    this._connectAttempt = null;
  }
  this._onConnectFailure = null;
  if (this[kPerfConnect] !== undefined) {
    perfObserve.stopPerf(this[kPerfConnect]);
    this[kPerfConnect] = undefined;
  }
  this._sockname = null;
  this.connecting = false;
  this._applyHandleOptions();
  this._updateInterest();
  this._touch();
  this.emit('connect');
  this.emit('ready');
  if (this.readable && !this.isPaused()) this.read(0);
};

// --- Server ----------------------------------------------------------------------------

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
    this.on('connection', connectionListener);
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
    if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  if (options.keepAliveInitialDelay !== undefined) {
    validateNumber(options.keepAliveInitialDelay, 'options.keepAliveInitialDelay');
  }
  if (options.highWaterMark !== undefined) validateNumber(options.highWaterMark, 'options.highWaterMark');
  this._connections = 0;
  this._handle = null;
  this._unref = false;
  this._pipeName = undefined;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this.highWaterMark = options.highWaterMark;
  this.maxConnections = undefined;
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

Object.defineProperty(Server.prototype, 'listening', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    return this._handle !== null;
  },
});

Server.prototype.listen = function(...args) {
  const normalized = normalizeArgs(args);
  let options = normalized[0];
  const cb = normalized[1];
  if (this._handle !== null) throw new ERR_SERVER_ALREADY_LISTEN();
  if (cb !== null) this.once('listening', cb);
  const backlogFromArgs = toNumber(args.length > 1 && args[1]) || toNumber(args.length > 2 && args[2]);
  options = options._handle || options.handle || options;
  const flags = options.ipv6Only ? C.BIND_V6ONLY : 0;
  if (options.signal !== undefined) {
    const signal = options.signal;
    validateAbortSignal(signal, 'options.signal');
    const onAbort = () => this.close();
    if (signal.aborted) process.nextTick(onAbort);
    else signal.addEventListener('abort', onAbort, { once: true });
  }
  if (typeof options.fd === 'number' && options.fd >= 0) {
    listenOn(this, null, -1, 4, backlogFromArgs, options.fd, 0);
    return this;
  }
  if (args.length === 0 || typeof args[0] === 'function' ||
      (typeof options.port === 'undefined' && 'port' in options) || options.port === null) {
    options.port = 0;
  }
  if (typeof options.port === 'number' || typeof options.port === 'string') {
    validatePort(options.port, 'options.port');
    const backlog = options.backlog || backlogFromArgs;
    if (options.host) {
      lazyDns().lookup(options.host, (err, ip, addressType) => {
        if (err) {
          this.emit('error', err);
          return;
        }
        listenInCluster(this, ip, options.port | 0, addressType, backlog, flags, options.exclusive);
      });
    } else {
      listenInCluster(this, null, options.port | 0, 4, backlog, flags, options.exclusive);
    }
    return this;
  }
  if (options.path && isPipeName(options.path)) {
    const backlog = options.backlog || backlogFromArgs;
    if (listenInCluster(this, options.path, -1, -1, backlog, 0, options.exclusive) &&
        (options.readableAll === true || options.writableAll === true)) {
      allowAllOn(this, options.path, options.readableAll === true, options.writableAll === true);
    }
    return this;
  }
  if (!('port' in options) && !('path' in options)) {
    throw new ERR_INVALID_ARG_VALUE('options', options, 'must have the property "port" or "path"');
  }
  throw new ERR_INVALID_ARG_VALUE('options', options);
};

// readableAll / writableAll: the socket file's read or write bits for everyone, added to
// what it has (libuv's uv_pipe_chmod); a failure closes the server and throws.
function allowAllOn(server, path, readable, writable) {
  const fs = require('fs');
  const wanted = (readable ? 0o444 : 0) | (writable ? 0o222 : 0);
  try {
    const mode = fs.statSync(path).mode;
    if ((mode & wanted) !== wanted) fs.chmodSync(path, (mode | wanted) & 0o7777);
  } catch (e) {
    server._handle.close();
    server._handle = null;
    throw errnoException(e.errno, 'uv_pipe_chmod');
  }
}

// In a cluster worker, a server that is not `exclusive` listens on the primary's socket
// for the address, shared with the other workers that listen there; elsewhere it binds its
// own. Whether it listens now (not waiting on the primary).
function listenInCluster(server, address, port, addressType, backlog, flags, exclusive) {
  if (process.env.NODE_UNIQUE_ID === undefined || exclusive) {
    listenOn(server, address, port, addressType, backlog, undefined, flags);
    return server._handle !== null;
  }
  require('cluster')._getServer(server, { address, port, addressType, flags, backlog }, (err, fd) => {
    if (err !== 0) {
      const ex = uvExceptionWithHostPort(err, 'bind', address, port === -1 ? undefined : port);
      process.nextTick(() => server.emit('error', ex));
      return;
    }
    listenOn(server, address, port, addressType, backlog, fd, flags);
  });
  return false;
}

// A listening socket for the cluster primary to share (not watched): { fd } or { err }.
function createListenFd(address, port, addressType, flags, backlog) {
  let result;
  if (addressType === -1) {
    const fd = newSocketFd(0);
    if (fd < 0) return { err: fd };
    const err = binding.bindUnix(fd, address);
    result = err < 0 ? (binding.close(fd), { err }) : { fd };
  } else if (address === null) {
    result = bindListenFd('::', port, 6, flags);
    if (result.err !== undefined && result.err !== UV_EADDRINUSE) result = bindListenFd('0.0.0.0', port, 4, flags);
  } else {
    result = bindListenFd(address, port, addressType, flags);
  }
  if (result.err !== undefined) return result;
  const err = binding.listen(result.fd, backlog || 511);
  if (err < 0) {
    binding.close(result.fd);
    return { err };
  }
  return result;
}

function bindListenFd(address, port, family, flags) {
  const fd = newSocketFd(family);
  if (fd < 0) return { err: fd };
  const err = binding.bind(fd, family, address, port, C.BIND_REUSEADDR | flags);
  if (err < 0) {
    binding.close(fd);
    return { err };
  }
  return { fd };
}

// Binds and listens: on `address`, or on "::" (falling back to "0.0.0.0") when none is
// given; `addressType` -1 means a Unix socket path.
function listenOn(server, address, port, addressType, backlog, fd, flags) {
  let family = addressType;
  let result;
  if (fd !== undefined) {
    result = { fd };
    const name = binding.sockname(fd);
    family = typeof name === 'number' ? 4 : name[0];
  } else if (addressType === -1) {
    family = 0;
    const sfd = newSocketFd(0);
    if (sfd < 0) result = { err: sfd };
    else {
      const err = binding.bindUnix(sfd, address);
      if (err < 0) {
        binding.close(sfd);
        result = { err };
      } else result = { fd: sfd };
    }
    server._pipeName = address;
  } else if (address === null) {
    result = bindListenFd('::', port, 6, flags);
    address = '::';
    family = 6;
    if (result.err !== undefined && result.err !== UV_EADDRINUSE) {
      result = bindListenFd('0.0.0.0', port, 4, flags);
      address = '0.0.0.0';
      family = 4;
    }
  } else {
    result = bindListenFd(address, port, addressType, flags);
  }
  if (result.err === undefined) {
    const err = binding.listen(result.fd, backlog || 511);
    if (err < 0) {
      if (fd === undefined) binding.close(result.fd);
      result = { err };
    }
  }
  if (result.err !== undefined) {
    const ex = uvExceptionWithHostPort(result.err, 'listen', address, port === -1 ? undefined : port);
    process.nextTick(() => server.emit('error', ex));
    return;
  }
  const handle = new Handle(result.fd, family, () => acceptConnections(server));
  // As Node's listening handle: its onconnection(err, clientHandle) makes each accepted
  // connection's socket (code that watches connections replaces it), with `owner` its server.
  handle.owner = server;
  handle.onconnection = onconnection;
  if (server._unref) handle.unref();
  server._handle = handle;
  // Node's key for the listening address: the family the bind settled on (or that of a
  // path or descriptor as given), the address and the port asked for.
  server._connectionKey = `${addressType === -1 || fd !== undefined ? addressType : family}:${address}:${port}`;
  handle.want(EPOLLIN);
  process.nextTick(() => {
    if (server._handle !== null) server.emit('listening');
  });
}

function acceptConnections(server) {
  for (;;) {
    if (server._handle === null) return;
    const r = binding.accept(server._handle.fd);
    if (typeof r === 'number') {
      if (r === UV_EAGAIN) return;
      if (r === UV_EMFILE || r === UV_ENFILE) {
        // Out of descriptors: the pending connection stays queued, so a level-triggered
        // watch would fire again at once. Stop accepting for a moment instead of spinning
        // (libuv accepts and drops it; here it waits its turn in the backlog).
        const handle = server._handle;
        handle.want(0);
        const retry = setTimeout(() => {
          if (server._handle === handle) handle.want(EPOLLIN);
        }, kAcceptRetryMs);
        if (server._unref) retry.unref();
      }
      server._handle.onconnection(r);
      return;
    }
    const clientHandle = new Handle(r[3], server._handle.family, null);
    if (clientHandle.family !== 0) clientHandle.peer = { address: r[1], family: familyName(r[0]), port: r[2] };
    server._handle.onconnection(0, clientHandle);
  }
}

// A listening handle's connection (`err`: a negative errno from accept): the socket, or the
// descriptor dropped when the server is at maxConnections.
function onconnection(err, clientHandle) {
  const server = this.owner;
  if (err) {
    server.emit('error', errnoException(err, 'accept'));
    return;
  }
  const peer = clientHandle.peer;
  if (server.maxConnections != null && server._connections >= server.maxConnections) {
    clientHandle.close();
    server.emit('drop', {
      localAddress: server.address()?.address,
      localPort: server.address()?.port,
      localFamily: server.address()?.family,
      remoteAddress: peer?.address,
      remotePort: peer?.port,
      remoteFamily: peer?.family,
    });
    return;
  }
  const socket = new Socket({
    handle: clientHandle,
    allowHalfOpen: server.allowHalfOpen,
    pauseOnConnect: server.pauseOnConnect,
    readable: true,
    writable: true,
    readableHighWaterMark: server.highWaterMark,
    writableHighWaterMark: server.highWaterMark,
  });
  if (peer !== null) socket._peername = peer;
  if (server.noDelay && clientHandle.setNoDelay) {
    socket[kSetNoDelay] = true;
    clientHandle.setNoDelay(true);
  }
  if (server.keepAlive && clientHandle.setKeepAlive) {
    socket[kSetKeepAlive] = true;
    socket[kKeepAliveDelay] = server.keepAliveInitialDelay;
    clientHandle.setKeepAlive(true, server.keepAliveInitialDelay);
  }
  server._connections++;
  socket.server = server;
  socket._server = server;
  if (serverSocketChannel._active) serverSocketChannel.publish({ socket });
  server.emit('connection', socket);
}

Server.prototype.address = function() {
  if (this._handle === null) return null;
  if (this._pipeName) return this._pipeName;
  if (this._handle.family === 0) {
    // A Unix socket's path (one listened on by descriptor or handle).
    const r = binding.sockname(this._handle.fd);
    if (typeof r === 'number') throw errnoException(r, 'address');
    return r[1];
  }
  const out = {};
  const err = this._handle.getsockname(out);
  if (err) throw errnoException(err, 'address');
  return out;
};

Server.prototype.close = function(cb) {
  if (typeof cb === 'function') {
    if (this._handle === null) {
      this.once('close', function close() {
        cb(new ERR_SERVER_NOT_RUNNING());
      });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle !== null) {
    this._handle.close();
    this._handle = null;
    if (this._pipeName) {
      try {
        require('fs').unlinkSync(this._pipeName);
      } catch {
        // Already gone: nothing to clean up.
      }
    }
  }
  this._emitCloseIfDrained();
  return this;
};

// With captureRejections, a 'connection' listener's rejection destroys that socket;
// any other becomes the server's 'error'.
Server.prototype[Symbol.for('nodejs.rejection')] = function(err, event, socket) {
  if (event === 'connection') socket.destroy(err);
  else this.emit('error', err);
};

Server.prototype[Symbol.asyncDispose] = function() {
  if (this._handle === null) return Promise.resolve();
  return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

Server.prototype._emitCloseIfDrained = function() {
  if (this._handle !== null || this._connections > 0) return;
  process.nextTick(() => this.emit('close'));
};

Server.prototype.getConnections = function(cb) {
  process.nextTick(cb, null, this._connections);
  return this;
};

Server.prototype.ref = function() {
  this._unref = false;
  if (this._handle !== null) this._handle.ref();
  return this;
};

Server.prototype.unref = function() {
  this._unref = true;
  if (this._handle !== null) this._handle.unref();
  return this;
};

// --- factories --------------------------------------------------------------------------

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function connect(...args) {
  const normalized = normalizeArgs(args);
  const [options] = normalized;
  if (options.timeout) validateNumber(options.timeout, 'options.timeout');
  const socket = new Socket(options);
  if (clientSocketChannel._active) clientSocketChannel.publish({ socket });
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

// --- BlockList and SocketAddress --------------------------------------------------------

function ipToBigInt(address, family) {
  if (family === 'ipv4') {
    return address.split('.').reduce((acc, p) => (acc << 8n) | BigInt(+p), 0n);
  }
  let s = address.split('%')[0];
  let tail = [];
  const lastColon = s.lastIndexOf(':');
  if (s.indexOf('.', lastColon) !== -1) {
    const v4 = ipToBigInt(s.slice(lastColon + 1), 'ipv4');
    tail = [(v4 >> 16n) & 0xffffn, v4 & 0xffffn];
    s = s.slice(0, lastColon + 1) + 'x';
    s = s.replace(/:x$/, s.endsWith('::x') ? ':' : '');
  }
  const [head, rest] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':').map((x) => BigInt('0x' + x)) : [];
  const t = rest !== undefined && rest !== '' ? rest.split(':').map((x) => BigInt('0x' + x)) : [];
  const groups = rest === undefined ? [...h, ...tail] : [...h, ...Array(8 - h.length - t.length - tail.length).fill(0n), ...t, ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

function normalizeFamily(family) {
  if (typeof family !== 'string') throw new ERR_INVALID_ARG_TYPE('family', 'string', family);
  const f = family.toLowerCase();
  if (f !== 'ipv4' && f !== 'ipv6') throw new ERR_INVALID_ARG_VALUE('family', family);
  return f;
}

// v4 addresses are also matched as their v4-mapped v6 form, and the reverse, as Node does.
function asFamily(value, from, to) {
  if (from === to) return value;
  if (from === 'ipv4') return value | 0xffff00000000n;
  if ((value >> 32n) === 0xffffn) return value & 0xffffffffn;
  return undefined;
}

class SocketAddress {
  #address;
  #port;
  #family;
  #flowlabel;

  static isSocketAddress(value) {
    return value instanceof SocketAddress;
  }

  constructor(options = {}) {
    validateObject(options, 'options');
    let { family = 'ipv4' } = options;
    const { address = family === 'ipv4' ? '127.0.0.1' : '::', port = 0, flowlabel = 0 } = options;
    family = normalizeFamily(family);
    validateString(address, 'options.address');
    validatePort(port, 'options.port');
    if (!(family === 'ipv4' ? isIPv4(address) : isIPv6(address))) {
      throw new ERR_INVALID_ARG_VALUE('options.address', address);
    }
    this.#address = address;
    this.#port = port | 0;
    this.#family = family;
    this.#flowlabel = flowlabel;
  }

  get address() {
    return this.#address;
  }

  get port() {
    return this.#port;
  }

  get family() {
    return this.#family;
  }

  get flowlabel() {
    return this.#flowlabel;
  }

  toJSON() {
    return { address: this.#address, port: this.#port, family: this.#family, flowlabel: this.#flowlabel };
  }
}

class BlockList {
  #rules = [];

  static isBlockList(value) {
    return value instanceof BlockList;
  }

  #parse(address, family) {
    if (address instanceof SocketAddress) return [ipToBigInt(address.address, address.family), address.family];
    validateString(address, 'address');
    family = normalizeFamily(family);
    if (!(family === 'ipv4' ? isIPv4(address) : isIPv6(address))) {
      throw new ERR_INVALID_ARG_VALUE('address', address);
    }
    return [ipToBigInt(address, family), family];
  }

  addAddress(address, family = 'ipv4') {
    const [v, f] = this.#parse(address, family);
    this.#rules.push({ kind: 'address', lo: v, hi: v, family: f, text: `Address: ${f === 'ipv4' ? 'IPv4' : 'IPv6'} ${address.address || address}` });
  }

  addRange(start, end, family = 'ipv4') {
    const [lo, f] = this.#parse(start, family);
    const [hi] = this.#parse(end, family);
    if (hi < lo) throw new ERR_INVALID_ARG_VALUE('start', start, 'must come before end');
    this.#rules.push({ kind: 'range', lo, hi, family: f, text: `Range: ${f === 'ipv4' ? 'IPv4' : 'IPv6'} ${start.address || start}-${end.address || end}` });
  }

  addSubnet(network, prefix, family = 'ipv4') {
    const [v, f] = this.#parse(network, family);
    const bits = f === 'ipv4' ? 32 : 128;
    validateInt32(prefix, 'prefix', 0, bits);
    const span = 1n << BigInt(bits - prefix);
    const lo = (v / span) * span;
    this.#rules.push({ kind: 'subnet', lo, hi: lo + span - 1n, family: f, text: `Subnet: ${f === 'ipv4' ? 'IPv4' : 'IPv6'} ${network.address || network}/${prefix}` });
  }

  check(address, family = 'ipv4') {
    let v;
    let f;
    try {
      [v, f] = this.#parse(address, family);
    } catch (err) {
      if (err.code === 'ERR_INVALID_ARG_VALUE' && err.message.startsWith("The argument 'address'")) return false;
      throw err;
    }
    for (const rule of this.#rules) {
      const x = asFamily(v, f, rule.family);
      if (x !== undefined && x >= rule.lo && x <= rule.hi) return true;
    }
    return false;
  }

  get rules() {
    return this.#rules.map((r) => r.text).reverse();
  }
}

function getDefaultAutoSelectFamily() {
  return autoSelectFamilyDefault;
}

function setDefaultAutoSelectFamily(value) {
  autoSelectFamilyDefault = Boolean(value);
}

function getDefaultAutoSelectFamilyAttemptTimeout() {
  return autoSelectFamilyAttemptTimeoutDefault;
}

function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1);
  autoSelectFamilyAttemptTimeoutDefault = value < 10 ? 10 : value;
}

// A Windows-only tuning knob in Node, a no-op elsewhere; deprecated (DEP0121).
var warnSimultaneousAccepts = true;
function _setSimultaneousAccepts() {
  if (warnSimultaneousAccepts) {
    process.emitWarning('net._setSimultaneousAccepts() is deprecated and will be removed.', 'DeprecationWarning', 'DEP0121');
    warnSimultaneousAccepts = false;
  }
}

module.exports = {
  _createListenFd: createListenFd,
  BlockList,
  SocketAddress,
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
  _normalizeArgs: normalizeArgs,
  _setSimultaneousAccepts,
};
