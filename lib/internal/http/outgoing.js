'use strict';
// OutgoingMessage: the common half of ServerResponse and ClientRequest. Headers are kept
// by lower-cased name until the first write builds the head; the body goes out with
// Content-Length when end() knows it, chunked otherwise (HTTP/1.1), or until close.
// Module-level bindings and the request path's locals are var (see internal/http/server.js).

var { Stream } = require('internal/streams/legacy');
var { Buffer } = require('buffer');
var {
  codes: {
    ERR_HTTP_BODY_NOT_ALLOWED,
    ERR_HTTP_CONTENT_LENGTH_MISMATCH,
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_TRAILER_INVALID,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR,
    ERR_INVALID_HTTP_TOKEN,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_STREAM_ALREADY_FINISHED,
    ERR_STREAM_CANNOT_PIPE,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES,
    ERR_STREAM_WRITE_AFTER_END,
  },
} = require('internal/errors');
var {
  validateHeaderName, validateHeaderValue, checkInvalidHeaderChar, checkIsHttpToken, storeHead, finishHead,
  HEAD_SEND_NOW, HEAD_TRAILER_INVALID, framingOf, framing: { CONTENT_LENGTH: F_CONTENT_LENGTH },
  isListened, mayBeHeard, connectionAccessor,
} = require('internal/http/common');

var kOutHeaders = Symbol('kOutHeaders');
var kCorked = Symbol('corked');
var kUniqueHeaders = Symbol('kUniqueHeaders');
// Body bytes written so far, counted only under strictContentLength.
var kBytesWritten = Symbol('kBytesWritten');
// Set from the server's rejectNonStandardBodyWrites: a body where none is allowed throws.
var kRejectNonStandardBodyWrites = Symbol('kRejectNonStandardBodyWrites');

// The Date line, made once a second rather than per message.
var cachedDateLine;
function dateLine() {
  if (cachedDateLine === undefined) {
    cachedDateLine = 'Date: ' + new Date().toUTCString() + '\r\n';
    setTimeout(() => {
      cachedDateLine = undefined;
    }, 1000 - new Date().getMilliseconds()).unref();
  }
  return cachedDateLine;
}

// What every message starts from, kept on the prototype: a message's own fields are only
// those it was given or has changed since. Defining a field costs QuickJS about 60 ns, and
// a server makes a message per request whose handler changes few of these (Node's
// messages have them all as own fields; only Object.keys tells the difference). The
// emitter's lists (`_events`) are made by the first listener, as EventEmitter allows.
var kNoOutput = Object.freeze([]);
var kDefaultHighWaterMark = 16 * 1024;
// Whether a write was refused and 'drain' is owed (writableNeedDrain).
var kNeedDrain = Symbol('kNeedDrain');

var messageDefaults = {
  outputData: kNoOutput,
  outputSize: 0,
  writable: true,
  destroyed: false,
  _last: false,
  chunkedEncoding: false,
  shouldKeepAlive: true,
  maxRequestsOnConnectionReached: false,
  _defaultKeepAlive: true,
  useChunkedEncodingByDefault: true,
  sendDate: false,
  _removedConnection: false,
  _removedContLen: false,
  _removedTE: false,
  strictContentLength: false,
  _contentLength: null,
  _hasBody: true,
  _trailer: '',
  finished: false,
  _headerSent: false,
  [kCorked]: 0,
  [kNeedDrain]: false,
  socket: null,
  _header: null,
  [kOutHeaders]: null,
  _closed: false,
  _keepAliveTimeout: 0,
  [kUniqueHeaders]: null,
  _highWaterMark: kDefaultHighWaterMark,
};

// A new message's own fields: none unless its high-water mark is not the default.
function messageFields(proto, options) {
  const highWaterMark = options?.highWaterMark;
  if (highWaterMark === undefined || highWaterMark === kDefaultHighWaterMark) return { __proto__: proto };
  return { __proto__: proto, _highWaterMark: highWaterMark };
}

// The queue of writes waiting for a socket, made by the first.
function outputQueue(msg) {
  if (msg.outputData === kNoOutput) msg.outputData = [];
  return msg.outputData;
}

// The message a constructor makes: `new.target`'s instance when called with `new` (a
// constructor may return the object it made), or `self` filled in when a subclass written
// as a function calls it on its own `this`.
function initOutgoing(self, newTarget, options) {
  if (newTarget !== undefined) return messageFields(newTarget.prototype, options);
  return Object.assign(self, messageFields(null, options));
}

function OutgoingMessage(options) {
  return initOutgoing(this, new.target, options);
}
Object.setPrototypeOf(OutgoingMessage.prototype, Stream.prototype);
Object.setPrototypeOf(OutgoingMessage, Stream);
Object.assign(OutgoingMessage.prototype, messageDefaults);

// Called just before 'finish' is emitted, ahead of every listener: the HTTP server's own
// bookkeeping for a finished response, without a listener added per response. Its
// argument says whether the message's events may reach anyone (mayBeHeard).
OutgoingMessage.prototype._onFinish = null;
// Called with the change in bytes queued before a socket was assigned (the HTTP server
// pauses a connection whose queued responses grow too large).
OutgoingMessage.prototype._onPendingData = null;
OutgoingMessage.prototype[kBytesWritten] = 0;
OutgoingMessage.prototype[kRejectNonStandardBodyWrites] = false;

function getter(name, get) {
  Object.defineProperty(OutgoingMessage.prototype, name, { __proto__: null, configurable: true, enumerable: true, get });
}
getter('writableFinished', function() {
  return this.finished && this.outputSize === 0 && (!this.socket || this.socket.writableLength === 0);
});
getter('writableObjectMode', () => false);
getter('writableLength', function() {
  return this.outputSize + (this.socket ? this.socket.writableLength : 0);
});
getter('writableHighWaterMark', function() {
  return this.socket ? this.socket.writableHighWaterMark : this._highWaterMark;
});
getter('writableCorked', function() {
  return this[kCorked];
});
getter('writableEnded', function() {
  return this.finished;
});
getter('writableNeedDrain', function() {
  return !this.destroyed && !this.finished && this[kNeedDrain];
});
getter('headersSent', function() {
  return !!this._header;
});
getter('closed', function() {
  return this._closed;
});
getter('errored', function() {
  return this[kErrored] ?? null;
});
Object.defineProperty(OutgoingMessage.prototype, 'connection', connectionAccessor);

// The header maps of old Node, kept as Node 20 keeps them: deprecated (DEP0066, warned
// once), read from and written to the message's own map (name in lower case → [name,
// value]).
var warnedHeaderMaps = false;
function warnHeaderMaps(what) {
  if (warnedHeaderMaps) return;
  warnedHeaderMaps = true;
  process.emitWarning(`OutgoingMessage.prototype.${what} is deprecated`, 'DeprecationWarning', 'DEP0066');
}
Object.defineProperties(OutgoingMessage.prototype, {
  _headers: {
    __proto__: null,
    configurable: true,
    get() {
      warnHeaderMaps('_headers');
      return this.getHeaders();
    },
    set(value) {
      warnHeaderMaps('_headers');
      if (value == null) {
        this[kOutHeaders] = null;
      } else if (typeof value === 'object') {
        const headers = this[kOutHeaders] = { __proto__: null };
        for (const name of Object.keys(value)) headers[name.toLowerCase()] = [name, value[name]];
      }
    },
  },
  _headerNames: {
    __proto__: null,
    configurable: true,
    get() {
      warnHeaderMaps('_headerNames');
      const headers = this[kOutHeaders];
      if (headers === null) return null;
      const names = { __proto__: null };
      for (const key of Object.keys(headers)) names[key] = headers[key][0];
      return names;
    },
    set(value) {
      warnHeaderMaps('_headerNames');
      const headers = this[kOutHeaders];
      if (typeof value !== 'object' || value === null || !headers) return;
      for (const key of Object.keys(value)) if (headers[key]) headers[key][0] = value[key];
    },
  },
});
var kErrored = Symbol('kErrored');

OutgoingMessage.prototype.cork = function() {
  this[kCorked]++;
  if (this.socket) this.socket.cork();
};

OutgoingMessage.prototype.uncork = function() {
  if (this[kCorked]) this[kCorked]--;
  if (this.socket) this.socket.uncork();
};

OutgoingMessage.prototype.setTimeout = function(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (!this.socket) this.once('socket', (socket) => socket.setTimeout(msecs));
  else this.socket.setTimeout(msecs);
  return this;
};

OutgoingMessage.prototype.destroy = function(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this[kErrored] = error;
  if (this.socket) this.socket.destroy(error);
  else {
    this.once('socket', function socketDestroyOnConnect(socket) {
      socket.destroy(error);
    });
  }
  return this;
};

// Sends `data` (after the head, if that has not gone out yet).
OutgoingMessage.prototype._send = function(data, encoding, callback) {
  if (!this._headerSent && this._header !== null) {
    if (typeof data === 'string' && (encoding === 'utf8' || encoding === 'latin1' || !encoding)) {
      data = this._header + data;
    } else {
      const header = this._header;
      outputQueue(this).unshift({ data: header, encoding: 'latin1', callback: null });
      this.outputSize += header.length;
      this._onPendingData?.(header.length);
    }
    this._headerSent = true;
  }
  return this._writeRaw(data, encoding, callback);
};

OutgoingMessage.prototype._writeRaw = function(data, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  const conn = this.socket;
  if (conn) {
    const attached = conn._httpMessage === this;
    // An idle net.Socket takes the bytes at once (see net's _writeNow); it refuses them
    // when the socket is not writable (or destroyed).
    if (attached && this.outputData.length === 0 && conn._writeNow !== undefined && conn._writeNow(data, encoding, callback)) {
      return true;
    }
    if (conn.destroyed) return false;
    if (attached && conn.writable) {
      if (this.outputData.length) this._flushOutput(conn);
      return conn.write(data, encoding, callback);
    }
  }
  outputQueue(this).push({ data, encoding, callback });
  this.outputSize += data.length;
  this._onPendingData?.(data.length);
  return this.outputSize < this.writableHighWaterMark;
};

// The head: its fields as lines and the framing lines they and the message's settings
// call for, made natively (storeHead) unless a field needs JS (an invalid one, to throw
// Node's error; one neither a string nor a number; unique headers; a list of pairs).
OutgoingMessage.prototype._storeHeader = function(firstLine, headers) {
  var stored = headers === this[kOutHeaders];
  var done;
  if (!headers) {
    done = storeHead(this, firstLine, null, false, dateLine());
  } else if (!this[kUniqueHeaders]) {
    done = storeHead(this, firstLine, headers, stored, dateLine());
  }
  if (done === undefined) {
    const built = storeHeadersInJs(this, firstLine, headers, stored);
    done = finishHead(this, built[0], built[1], built[2], dateLine());
  }
  if (done === HEAD_TRAILER_INVALID) throw new ERR_HTTP_TRAILER_INVALID();
  if (done === HEAD_SEND_NOW) this._send('');
};

// A head's fields as lines for finishHead ([head, framing bits, last Content-Length value]),
// for the fields storeHead leaves to JS; throws Node's errors for invalid ones.
function storeHeadersInJs(msg, firstLine, headers, stored) {
  const state = { framing: 0, contentLength: undefined, header: firstLine };
  if (stored) {
    for (const key in headers) {
      const entry = headers[key];
      processHeader(msg, state, entry[0], entry[1], false);
    }
  } else if (Array.isArray(headers)) {
    if (headers.length && Array.isArray(headers[0])) {
      for (const [k, v] of headers) processHeader(msg, state, k, v, true);
    } else {
      if (headers.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', headers);
      for (let n = 0; n < headers.length; n += 2) processHeader(msg, state, headers[n], headers[n + 1], true);
    }
  } else {
    const keys = Object.keys(headers);
    for (let i = 0; i < keys.length; i++) processHeader(msg, state, keys[i], headers[keys[i]], true);
  }
  return [state.header, state.framing, state.contentLength];
}

function processHeader(self, state, key, value, validate) {
  if (validate) validateHeaderName(key);
  if (Array.isArray(value)) {
    if ((value.length < 2 || !isCookieField(key)) && (!self[kUniqueHeaders] || !self[kUniqueHeaders].has(key.toLowerCase()))) {
      for (let i = 0; i < value.length; i++) storeHeader(self, state, key, value[i], validate);
      return;
    }
    value = value.join('; ');
  }
  storeHeader(self, state, key, value, validate);
}

function isContentDispositionField(s) {
  return s.length === 19 && s.toLowerCase() === 'content-disposition';
}

function isCookieField(s) {
  return s.length === 6 && s.toLowerCase() === 'cookie';
}

function storeHeader(self, state, key, value, validate) {
  if (validate) validateHeaderValue(key, value);
  if (isContentDispositionField(key)) {
    // Node 20 takes a Content-Disposition value's chars as latin1 bytes and reads them
    // back as UTF-8 once the body's length is known (from end(), or a nonzero
    // Content-Length field before it).
    const length = state.contentLength !== undefined ? +state.contentLength : self._contentLength;
    if (length) value = Buffer.from(String(value), 'latin1').toString();
  }
  state.header += key + ': ' + value + '\r\n';
  const f = framingOf(key, String(value));
  if (f & F_CONTENT_LENGTH) state.contentLength = value;
  state.framing |= f;
}

OutgoingMessage.prototype.setHeader = function(name, value) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = { __proto__: null };
  headers[name.toLowerCase()] = [name, value];
  return this;
};

OutgoingMessage.prototype.setHeaders = function(headers) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
  if (!headers || Array.isArray(headers) || typeof headers.keys !== 'function' || typeof headers.get !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('headers', ['Headers', 'Map'], headers);
  }
  for (const key of headers.keys()) this.setHeader(key, headers.get(key));
  return this;
};

OutgoingMessage.prototype.appendHeader = function(name, value) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('append');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  const field = name.toLowerCase();
  const headers = this[kOutHeaders];
  if (headers === null || !headers[field]) return this.setHeader(name, value);
  if (!Array.isArray(headers[field][1])) headers[field][1] = [headers[field][1]];
  const existing = headers[field][1];
  if (Array.isArray(value)) for (const v of value) existing.push(v);
  else existing.push(value);
  return this;
};

OutgoingMessage.prototype.getHeader = function(name) {
  if (typeof name !== 'string') throw new ERR_INVALID_ARG_TYPE('name', 'string', name);
  const headers = this[kOutHeaders];
  if (headers === null) return;
  const entry = headers[name.toLowerCase()];
  return entry && entry[1];
};

OutgoingMessage.prototype.getHeaderNames = function() {
  return this[kOutHeaders] !== null ? Object.keys(this[kOutHeaders]) : [];
};

OutgoingMessage.prototype.getRawHeaderNames = function() {
  const headers = this[kOutHeaders];
  if (headers === null) return [];
  return Object.values(headers).map((e) => e[0]);
};

OutgoingMessage.prototype.getHeaders = function() {
  const headers = this[kOutHeaders];
  const ret = { __proto__: null };
  if (headers) for (const key of Object.keys(headers)) ret[key] = headers[key][1];
  return ret;
};

OutgoingMessage.prototype.hasHeader = function(name) {
  if (typeof name !== 'string') throw new ERR_INVALID_ARG_TYPE('name', 'string', name);
  return this[kOutHeaders] !== null && !!this[kOutHeaders][name.toLowerCase()];
};

OutgoingMessage.prototype.removeHeader = function(name) {
  if (typeof name !== 'string') throw new ERR_INVALID_ARG_TYPE('name', 'string', name);
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('remove');
  const key = name.toLowerCase();
  switch (key) {
    case 'connection':
      this._removedConnection = true;
      break;
    case 'content-length':
      this._removedContLen = true;
      break;
    case 'transfer-encoding':
      this._removedTE = true;
      break;
    case 'date':
      this.sendDate = false;
      break;
  }
  if (this[kOutHeaders] !== null) delete this[kOutHeaders][key];
};

OutgoingMessage.prototype._implicitHeader = function() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_implicitHeader()');
};

OutgoingMessage.prototype.write = function(chunk, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  const ret = writeChunk(this, chunk, encoding, callback, false);
  if (!ret) this[kNeedDrain] = true;
  return ret;
};

// As Node: a destroyed message (a response that closed) reports nothing, and 'error'
// follows the callback only while the message is not destroyed.
function onError(msg, err, callback) {
  if (msg.destroyed || (msg.socket && msg.socket._hadError)) return;
  process.nextTick(() => {
    if (typeof callback === 'function') callback(err);
    if (!msg.destroyed) msg.emit('error', err);
  });
}

function writeChunk(msg, chunk, encoding, callback, fromEnd) {
  if (typeof callback !== 'function') callback = undefined;
  let err;
  if (msg.finished) err = new ERR_STREAM_WRITE_AFTER_END();
  else if (msg.destroyed) err = new ERR_STREAM_DESTROYED('write');
  if (err) {
    if (!msg.destroyed) onError(msg, err, callback);
    else if (callback) process.nextTick(callback, err);
    return false;
  }
  if (chunk === null) throw new ERR_STREAM_NULL_VALUES();
  if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
    throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
  }
  if (msg.strictContentLength) {
    const len = chunkLength(chunk, encoding);
    const total = msg[kBytesWritten] + len;
    if (hasStrictContentLength(msg) && (fromEnd ? total !== msg._contentLength : total > msg._contentLength)) {
      throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(total, msg._contentLength);
    }
    msg[kBytesWritten] = total;
  }
  if (!msg._header) {
    if (fromEnd) msg._contentLength = chunkLength(chunk, encoding);
    msg._implicitHeader();
  }
  if (!msg._hasBody) {
    if (msg[kRejectNonStandardBodyWrites]) throw new ERR_HTTP_BODY_NOT_ALLOWED();
    // end() sends the head itself, with its callback.
    if (callback && !fromEnd) process.nextTick(callback);
    return true;
  }
  if (!fromEnd && msg.socket && !msg.socket.writableCorked) {
    msg.socket.cork();
    process.nextTick(uncorkSocket, msg.socket);
  }
  if (msg.chunkedEncoding) {
    // From end(), the callback waits for the last chunk, which end() writes.
    if (fromEnd) callback = null;
    const len = chunkLength(chunk, encoding);
    if (len !== 0) {
      // Four writes, as Node makes them (code that wraps socket.write sees each).
      msg._send(len.toString(16), 'latin1', null);
      msg._send('\r\n', 'latin1', null);
      msg._send(chunk, encoding, null);
      return msg._send('\r\n', 'latin1', callback);
    }
  } else if (fromEnd && (msg.socket === null || msg.socket._writeNow !== undefined)) {
    // The body and end()'s callback go in one write (to another kind of stream, end()
    // writes an empty chunk after it, as Node does).
    msg._send(chunk, encoding, callback);
    return kCallbackQueued;
  }
  return msg._send(chunk, encoding, callback);
}

// Whether strictContentLength holds the body to the Content-Length sent (Node's
// strictContentLength()): only a length-framed body with its length known.
function hasStrictContentLength(msg) {
  return msg.strictContentLength && msg._contentLength != null && msg._hasBody && !msg._removedContLen &&
    !msg.chunkedEncoding && !msg.hasHeader('transfer-encoding');
}

// A body chunk's size in bytes, asked for only when the framing needs it.
function chunkLength(chunk, encoding) {
  return typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.length;
}

// writeChunk's answer to end() when the callback went out with the chunk.
var kCallbackQueued = Symbol('kCallbackQueued');

function uncorkSocket(socket) {
  if (socket && socket.writableCorked) socket.uncork();
}

OutgoingMessage.prototype.addTrailers = function(headers) {
  this._trailer = '';
  const keys = Array.isArray(headers) ? headers.map((h) => h[0]) : Object.keys(headers);
  for (let i = 0; i < keys.length; i++) {
    const [field, value] = Array.isArray(headers) ? headers[i] : [keys[i], headers[keys[i]]];
    if (typeof field !== 'string' || !field || !checkIsHttpToken(field)) throw new ERR_INVALID_HTTP_TOKEN('Trailer name', field);
    if (checkInvalidHeaderChar(String(value))) throw new ERR_INVALID_CHAR('trailer content', field);
    this._trailer += field + ': ' + value + '\r\n';
  }
};

OutgoingMessage.prototype.end = function(chunk, encoding, callback) {
  if (typeof chunk === 'function') {
    callback = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  // The usual end of a response: a string body or none, framed by its length, after
  // writeHead() or with the head made here, on a socket that is this message's and idle.
  // Head and body leave in one write with 'finish' behind it, as the steps below would send
  // them, without those steps' calls. (Whatever is not this case goes on below, with the
  // head made here already stored, as it would be there.)
  var body = chunk === undefined || chunk === null || chunk === '' ? '' : chunk;
  if (callback === undefined && (typeof body === 'string' && (!encoding || encoding === 'utf8')) &&
    !this.finished && !this.destroyed && !this.strictContentLength && (this._hasBody || body === '')) {
    if (this._header === null) {
      this._contentLength = body === '' ? 0 : Buffer.byteLength(body);
      this._implicitHeader();
    }
    var socket = this.socket;
    if (!this._headerSent && !this.chunkedEncoding && this.outputData.length === 0 && this[kCorked] === 0 &&
      socket !== null && socket._httpMessage === this && socket._writeNow !== undefined &&
      // A head alone goes as latin1, as Node's _send('', 'latin1') sends it.
      (body === '' ? socket._writeNow(this._header, 'latin1', messageFinisher(socket, this)) :
        socket._writeNow(this._header + body, 'utf8', messageFinisher(socket, this)))) {
      this._headerSent = true;
      this.finished = true;
      this._finish();
      return this;
    }
  }
  var finish = () => finishMessage(this);
  var finishQueued = false;
  if (chunk) {
    if (this.finished) {
      onError(this, new ERR_STREAM_WRITE_AFTER_END(), typeof callback !== 'function' ? () => {} : callback);
      return this;
    }
    // A string body framed by its length leaves with the head in one write (see _send);
    // anything else is corked so that its pieces leave together.
    if (typeof chunk === 'string' && !this._header) {
      this._contentLength = Buffer.byteLength(chunk, encoding);
      this._implicitHeader();
    }
    var oneWrite = typeof chunk === 'string' && !this.chunkedEncoding &&
      (!encoding || encoding === 'utf8' || encoding === 'latin1');
    if (this.socket && !oneWrite) this.socket.cork();
    finishQueued = writeChunk(this, chunk, encoding, finish, true) === kCallbackQueued;
  } else if (this.finished) {
    if (typeof callback === 'function') {
      if (!this.writableFinished) this.on('finish', callback);
      else callback(new ERR_STREAM_ALREADY_FINISHED('end'));
    }
    return this;
  } else if (!this._header) {
    if (this.socket) this.socket.cork();
    this._contentLength = 0;
    this._implicitHeader();
  }
  if (this.strictContentLength && hasStrictContentLength(this) && this[kBytesWritten] !== this._contentLength) {
    throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(this[kBytesWritten], this._contentLength);
  }
  if (typeof callback === 'function') this.once('finish', callback);
  if (this._hasBody && this.chunkedEncoding) {
    this._send('0\r\n' + this._trailer + '\r\n', 'latin1', finish);
  } else if (finishQueued) {
    // 'finish' follows the body's write.
  } else if (!this._headerSent || this.writableLength || chunk) {
    this._send('', 'latin1', finish);
  } else {
    process.nextTick(finish);
  }
  if (this.socket && this.socket._writableState.corked) {
    this.socket._writableState.corked = 1;
    this.socket.uncork();
  }
  if (this[kCorked] !== 0) this[kCorked] = 0;
  this.finished = true;
  if (this.outputData.length === 0 && this.socket && this.socket._httpMessage === this) this._finish();
  return this;
};

// The message's write is done: 'finish', after the owner's bookkeeping (_onFinish, told
// whether anyone may hear of the message's events).
function finishMessage(msg) {
  if (msg.socket && msg.socket._hadError) return;
  var heard = mayBeHeard(msg);
  if (msg._onFinish !== null) msg._onFinish(heard);
  if (heard && isListened(msg, 'finish')) msg.emit('finish');
}

// The callback for the write that ends `msg` in end()'s usual case: one function per
// socket, which finishes the socket's _endingMessage, rather than a closure per message
// (a closure costs QuickJS about as much as the rest of the write's callback). Only one
// such write is in flight on a socket, as the usual case needs an idle socket; where the
// socket does not take the write, the finisher is not called and _endingMessage is left
// for the next one.
function messageFinisher(socket, msg) {
  socket._endingMessage = msg;
  var finisher = socket._finishEndingMessage;
  if (finisher === undefined) {
    finisher = socket._finishEndingMessage = () => {
      var ending = socket._endingMessage;
      socket._endingMessage = null;
      if (ending !== null) finishMessage(ending);
    };
  }
  return finisher;
}

OutgoingMessage.prototype._finish = function() {
  if (isListened(this, 'prefinish')) this.emit('prefinish');
};

// Writes what was queued before the socket was assigned.
OutgoingMessage.prototype._flush = function() {
  // Nothing queued, corked, owed a 'drain' or finished: nothing to do (a new response).
  if (this.outputData.length === 0 && this[kCorked] === 0 && !this[kNeedDrain] && !this.finished) return;
  var socket = this.socket;
  if (socket && socket.writable) {
    var ret = this._flushOutput(socket);
    if (this.finished) this._finish();
    else if (ret && this[kNeedDrain]) {
      this[kNeedDrain] = false;
      this.emit('drain');
    }
  }
};

OutgoingMessage.prototype._flushOutput = function(socket) {
  while (this[kCorked]) {
    this[kCorked]--;
    socket.cork();
  }
  const data = this.outputData;
  if (data.length === 0) return true;
  socket.cork();
  let ret;
  for (const { data: d, encoding, callback } of data) ret = socket.write(d, encoding, callback);
  socket.uncork();
  this.outputData = [];
  this._onPendingData?.(-this.outputSize);
  this.outputSize = 0;
  return ret;
};

OutgoingMessage.prototype.flushHeaders = function() {
  if (!this._header) this._implicitHeader();
  this._send('');
};

OutgoingMessage.prototype.pipe = function() {
  this.emit('error', new ERR_STREAM_CANNOT_PIPE());
};

OutgoingMessage.prototype[Symbol.for('nodejs.rejection')] = function(err) {
  this.destroy(err);
};

module.exports = { OutgoingMessage, initOutgoing, kDefaultHighWaterMark, kOutHeaders, kUniqueHeaders, kRejectNonStandardBodyWrites };
