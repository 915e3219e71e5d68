'use strict';
// IncomingMessage: a request on the server or a response on the client, as a Readable
// of its body. Header folding follows Node: duplicates of single-valued fields are
// dropped, set-cookie collects an array, cookie joins with "; ", the rest with ", ".
// Module-level bindings and the request path's locals are var (see internal/http/server.js).

var { Readable } = require('stream');
var { connectionAccessor } = require('internal/http/common');

var kDropDuplicates = new Set([
  'content-type', 'content-length', 'user-agent', 'referer', 'host', 'authorization',
  'proxy-authorization', 'if-modified-since', 'if-unmodified-since', 'from', 'location',
  'max-forwards', 'retry-after', 'etag', 'last-modified', 'server', 'age', 'expires',
]);

function addHeaderLine(dest, field, value, joinDuplicates) {
  const lower = field.toLowerCase();
  if (lower === 'set-cookie') {
    if (dest[lower] === undefined) dest[lower] = [value];
    else dest[lower].push(value);
  } else if (!kDropDuplicates.has(lower)) {
    // A list; what a name finds before its first line may be inherited ('constructor').
    if (typeof dest[lower] === 'string') dest[lower] += (lower === 'cookie' ? '; ' : ', ') + value;
    else dest[lower] = value;
  } else if (dest[lower] === undefined) {
    dest[lower] = value;
  } else if (joinDuplicates) {
    dest[lower] += ', ' + value;
  }
}

// The Readable state is made on first stream use (see kLazy below): most GET requests are
// answered without their body stream ever being touched, and building and ending it is a
// good part of a request's cost in an interpreter.
var kLazyEnded = Symbol('kLazyEnded');
// Set when the stream state is made (by the setter below, which every Readable.call goes
// through): a property read, where an own-property check is a call through
// Object.prototype.hasOwnProperty.
var kHasStream = Symbol('kHasStream');

// What every message starts from, kept on the prototype (see OutgoingMessage's
// messageDefaults): a request's own fields are the few its head gives it.
var messageDefaults = {
  [kLazyEnded]: false,
  [kHasStream]: false,
  socket: null,
  httpVersionMajor: null,
  httpVersionMinor: null,
  httpVersion: null,
  complete: false,
  rawTrailers: Object.freeze([]),
  joinDuplicateHeaders: false,
  aborted: false,
  upgrade: false,
  url: '',
  method: null,
  statusCode: null,
  statusMessage: null,
  _consuming: false,
  _dumped: false,
  _headers: null,
  _trailers: null,
};

// A message's own fields, filled from a parser's head row when there is one (see _setHead
// for the row's slots).
function messageFields(proto, socket, row, joinDuplicateHeaders, maxHeadersCount) {
  if (row === undefined) return { __proto__: proto, socket, rawHeaders: [], upgrade: null };
  var major = row[3], minor = row[4];
  // The common version and field list without a call each (this runs once per message).
  var version = major === 1 && minor === 1 ? '1.1' : httpVersionOf(major, minor);
  var rawHeaders = maxHeadersCount ? headerLines(row[5], maxHeadersCount) : row[5];
  var msg = row[6] === 0 ? {
    __proto__: proto,
    socket,
    httpVersionMajor: major,
    httpVersionMinor: minor,
    httpVersion: version,
    rawHeaders,
    url: row[2],
    method: row[1],
    // Set by every request's end (see the response's literal in the server).
    complete: false,
    _dumped: false,
    [kLazyEnded]: false,
  } : {
    __proto__: proto,
    socket,
    httpVersionMajor: major,
    httpVersionMinor: minor,
    httpVersion: version,
    rawHeaders,
    statusCode: row[6],
    statusMessage: row[7],
  };
  if (row[8]) msg.upgrade = true;
  if (joinDuplicateHeaders) msg.joinDuplicateHeaders = true;
  return msg;
}

function httpVersionOf(major, minor) {
  return major === 1 && minor === 1 ? '1.1' : `${major}.${minor}`;
}

function headerLines(rawHeaders, maxHeadersCount) {
  return maxHeadersCount ? rawHeaders.slice(0, maxHeadersCount * 2) : rawHeaders;
}

function IncomingMessage(socket) {
  if (new.target !== undefined) return messageFields(new.target.prototype, socket);
  if (!(this instanceof IncomingMessage)) return new IncomingMessage(socket);
  return Object.assign(this, messageFields(null, socket));
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);
Object.assign(IncomingMessage.prototype, messageDefaults);

// The message for a parser's head row: made whole in one step for IncomingMessage itself,
// and through the constructor and _setHead for a class a server or agent was given.
function incomingFromHead(Class, socket, row, joinDuplicateHeaders, maxHeadersCount) {
  if (Class === IncomingMessage) {
    return messageFields(IncomingMessage.prototype, socket, row, joinDuplicateHeaders, maxHeadersCount);
  }
  var msg = new Class(socket);
  msg._setHead(row, joinDuplicateHeaders, maxHeadersCount);
  return msg;
}

Object.defineProperty(IncomingMessage.prototype, '_readableState', {
  __proto__: null,
  configurable: true,
  get() {
    const socket = this.socket;
    Readable.call(this, !socket ? undefined : { highWaterMark: socket.readableHighWaterMark });
    const state = this._readableState;
    state.readingMore = true;
    if (this[kLazyEnded] && this._dumped) {
      // Made after the server let the untouched body go: the state a drained, ended and
      // auto-destroyed stream has, as Node's would be by now.
      Object.assign(state, {
        flowing: true, ended: true, endEmitted: true, readingMore: false,
        destroyed: true, closed: true, closeEmitted: true,
      });
    } else if (this[kLazyEnded]) {
      this.push(null);
    }
    return state;
  },
  set(value) {
    Object.defineProperty(this, '_readableState', { __proto__: null, value, writable: true, configurable: true, enumerable: true });
    this[kHasStream] = true;
  },
});

// The end of the body: pushed when the stream exists, remembered until then otherwise.
IncomingMessage.prototype._pushEnd = function() {
  if (this[kHasStream]) this.push(null);
  else this[kLazyEnded] = true;
};

// Whether the body was never used as a stream and is complete: then there is nothing to
// drain and no one to tell.
IncomingMessage.prototype._untouched = function() {
  return !this[kHasStream] && this[kLazyEnded];
};

function foldHeaders(raw, join) {
  const out = {};
  for (let i = 0; i < raw.length; i += 2) addHeaderLine(out, raw[i], raw[i + 1], join);
  return out;
}

function distinct(raw) {
  const out = { __proto__: null };
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i].toLowerCase();
    if (out[key] === undefined) out[key] = [raw[i + 1]];
    else out[key].push(raw[i + 1]);
  }
  return out;
}

Object.defineProperties(IncomingMessage.prototype, {
  // Reads as `connection` does; a write makes it the message's own field.
  client: {
    __proto__: null,
    ...connectionAccessor,
    set(v) {
      Object.defineProperty(this, 'client', { __proto__: null, value: v, writable: true, configurable: true, enumerable: true });
    },
  },
  connection: connectionAccessor,
  headers: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      if (this._headers === null) this._headers = foldHeaders(this.rawHeaders, this.joinDuplicateHeaders);
      return this._headers;
    },
    set(v) {
      this._headers = v;
    },
  },
  headersDistinct: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return distinct(this.rawHeaders);
    },
  },
  trailers: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      if (this._trailers === null) this._trailers = foldHeaders(this.rawTrailers, this.joinDuplicateHeaders);
      return this._trailers;
    },
    set(v) {
      this._trailers = v;
    },
  },
  trailersDistinct: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return distinct(this.rawTrailers);
    },
  },
});

IncomingMessage.prototype.setTimeout = function(msecs, callback) {
  if (callback) this.on('timeout', callback);
  this.socket.setTimeout(msecs);
  return this;
};

// The body is pushed by the connection as the parser yields it; a full buffer pauses
// the socket and a read resumes it.
IncomingMessage.prototype._read = function() {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  // socket._paused marks a server holding back pipelined requests while responses are
  // owed; that pause is the server's to lift, not the body reader's.
  const socket = this.socket;
  if (socket && socket.readable && !socket._paused && socket.isPaused()) socket.resume();
};

// A read of the body (not a poke, read(0)) marks it consumed, as Node's _read does: the
// server then leaves it alone when the response finishes. When the whole body came with
// the head, it has ended before the first read, and _read is not called any more.
IncomingMessage.prototype.read = function(n) {
  if (n !== 0 && !this._consuming) this._consuming = true;
  return Readable.prototype.read.call(this, n);
};

IncomingMessage.prototype._destroy = function(err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  if (this.socket && !this.socket.destroyed && this.aborted) {
    this.socket.destroy(err);
    const cleanup = require('stream').finished(this.socket, (e) => {
      if (e && e.code === 'ERR_STREAM_PREMATURE_CLOSE') e = null;
      cleanup();
      process.nextTick(onDestroyed, this, e || err, cb);
    });
  } else {
    process.nextTick(onDestroyed, this, err, cb);
  }
};

// As in Node, a message emits 'error' only when someone listens for it; an aborted
// request nobody reads must not take the server down.
function onDestroyed(self, error, cb) {
  if (self.listenerCount('error') === 0) cb();
  else cb(error);
}

IncomingMessage.prototype._dump = function() {
  if (!this._dumped) {
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
};

// Fills the message from a parser's head row (see bindings/http_parser.rs): a request's
// method and url, or a response's status (requests have status 0).
IncomingMessage.prototype._setHead = function(row, joinDuplicateHeaders, maxHeadersCount) {
  const method = row[1], url = row[2], major = row[3], minor = row[4], rawHeaders = row[5];
  const statusCode = row[6], statusMessage = row[7], upgrade = row[8];
  this.httpVersionMajor = major;
  this.httpVersionMinor = minor;
  this.httpVersion = httpVersionOf(major, minor);
  if (statusCode === 0) {
    this.method = method;
    this.url = url;
  } else {
    this.statusCode = statusCode;
    this.statusMessage = statusMessage;
  }
  this.upgrade = upgrade;
  this.joinDuplicateHeaders = !!joinDuplicateHeaders;
  this._addHeaderLines(headerLines(rawHeaders, maxHeadersCount));
};

// Node's fold of one field into `dest`, as the message's own headers are folded.
IncomingMessage.prototype._addHeaderLine = function(field, value, dest) {
  addHeaderLine(dest, field, value, this.joinDuplicateHeaders);
};

IncomingMessage.prototype._addHeaderLines = function(headers) {
  this.rawHeaders = headers;
  this._headers = null;
};

module.exports = { IncomingMessage, incomingFromHead, addHeaderLine };
