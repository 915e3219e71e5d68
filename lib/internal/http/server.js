'use strict';
// http.Server and ServerResponse: a net.Server whose connections are parsed in Rust;
// pipelined requests are answered in order, one response on the socket at a time.
//
// This file's module-level bindings, and the locals of functions that run on every
// request, are var, not let or const: QuickJS marks a let or const binding uninitialized
// when its scope is entered and checks it on every read (it never proves the check
// needless), which cost a keep-alive request about 5% of its CPU. The same holds in the
// other modules every request runs through (net, events, timers, the event loop, the tick
// queue, and http's outgoing, incoming and common).

var net = require('net');
var { Buffer } = require('buffer');
var {
  OutgoingMessage, initOutgoing, kDefaultHighWaterMark, kOutHeaders, kUniqueHeaders, kRejectNonStandardBodyWrites,
} = require('internal/http/outgoing');
var { IncomingMessage, incomingFromHead } = require('internal/http/incoming');
var {
  HTTPParser, executeParser, parseError, destroySoon, STATUS_CODES, checkInvalidHeaderChar, isListened, continueExpression, chunkExpression,
  EV_ERROR, EV_HEAD, EV_BODY, EV_END, EV_UPGRADE,
} = require('internal/http/common');
var {
  codes: {
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_INVALID_STATUS_CODE,
    ERR_HTTP_REQUEST_TIMEOUT,
    ERR_HTTP_SOCKET_ASSIGNED,
    ERR_HTTP_SOCKET_ENCODING,
    ERR_INVALID_CHAR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
  validateInteger,
  validateBoolean,
  validateObject,
} = require('internal/errors');

var { now: loopTime } = require('internal/event_loop');
var { hasTickScheduled } = require('internal/process/task_queues');
var { observed: perfObserved, startPerf, stopPerf } = require('internal/perf/observe');
var dc = require('diagnostics_channel');
var requestStartChannel = dc.channel('http.server.request.start');
var responseFinishChannel = dc.channel('http.server.response.finish');
// Where a server keeps the interval that checks its connections' timeouts (Node's name,
// which _http_server exports).
var kConnectionsCheckingInterval = Symbol('http.server.connectionsCheckingInterval');
// A request being timed for its 'http' performance entry (while someone observes them).
var kPerfRequest = Symbol('kPerfRequest');
var emitTwo = require('events')[require('internal/events/symbols').kEmitTwo];
// NODE_DEBUG=http: connections, as Node logs them (not requests: this runs per request).
var debug = require('util').debuglog('http');


function ServerResponse(req, options) {
  return initResponse(initOutgoing(this, new.target, options), req);
}

function initResponse(self, req) {
  if (req.method === 'HEAD') self._hasBody = false;
  self.req = req;
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    self.useChunkedEncodingByDefault = chunkExpression.test(req.headers.te || '');
    self.shouldKeepAlive = false;
  }
  return self;
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);
// Defaults a response takes from its prototype until set, as in Node.
ServerResponse.prototype.statusCode = 200;
ServerResponse.prototype.sendDate = true;
ServerResponse.prototype.statusMessage = undefined;
ServerResponse.prototype._sent100 = false;
ServerResponse.prototype._expect_continue = false;
// A response made by a server's connection has the connection ({ socket, state, server })
// and the server's limit of requests per connection; the server's hooks below find the
// connection through it rather than through closures per response (a closure held by the
// response it captures is a cycle only the GC can free).
ServerResponse.prototype._httpConnection = null;
ServerResponse.prototype._maxRequestsPerSocket = 0;

ServerResponse.prototype.assignSocket = function(socket) {
  if (socket._httpMessage) throw new ERR_HTTP_SOCKET_ASSIGNED();
  socket._httpMessage = this;
  // One 'close' listener per socket, kept across its responses: it closes whichever one is
  // attached then (adding and removing it per request cost a keep-alive request ~3 µs).
  if (!socket._closesResponses) {
    socket._closesResponses = true;
    socket.on('close', onServerResponseClose);
  }
  this.socket = socket;
  if (isListened(this, 'socket')) this.emit('socket', socket);
  this._flush();
};

ServerResponse.prototype.detachSocket = function(socket) {
  socket._httpMessage = null;
  this.socket = null;
};

function onServerResponseClose() {
  const msg = this._httpMessage;
  if (msg) emitCloseNT(msg);
}

function emitCloseNT(res) {
  if (res._closed) return;
  res.destroyed = true;
  res._closed = true;
  if (isListened(res, 'close')) res.emit('close');
}

ServerResponse.prototype.writeContinue = function(cb) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', cb);
  this._sent100 = true;
};

ServerResponse.prototype.writeProcessing = function(cb) {
  this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', cb);
};

// Hints go out only with a Link field, which must be well formed; the other fields follow
// it as given (Node's writeEarlyHints).
ServerResponse.prototype.writeEarlyHints = function(hints, cb) {
  validateObject(hints, 'hints');
  if (hints.link == null) return;
  const link = linkHeaderValue(hints.link);
  if (link.length === 0) return;
  let head = 'HTTP/1.1 103 Early Hints\r\nLink: ' + link + '\r\n';
  for (const key of Object.keys(hints)) if (key !== 'link') head += key + ': ' + hints[key] + '\r\n';
  this._writeRaw(head + '\r\n', 'ascii', cb);
};

var kLinkValue = /^(?:<[^>]*>)(?:\s*;\s*[^;"\s]+(?:=(")?[^;"\s]*\1)?)*$/;
var kLinkFormat = 'must be an array or string of format "</styles.css>; rel=preload; as=style"';

function linkHeaderValue(link) {
  const links = typeof link === 'string' ? [link] : link;
  if (!Array.isArray(links)) throw new ERR_INVALID_ARG_VALUE('hints', link, kLinkFormat);
  for (const one of links) {
    if (one === undefined || !kLinkValue.test(one)) throw new ERR_INVALID_ARG_VALUE('hints', one, kLinkFormat);
  }
  return links.join(', ');
}

ServerResponse.prototype._implicitHeader = function() {
  this.writeHead(this.statusCode);
};

ServerResponse.prototype.writeHead = function(statusCode, reason, obj) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('write');
  var originalStatusCode = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) throw new ERR_HTTP_INVALID_STATUS_CODE(originalStatusCode);
  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    this.statusMessage ||= STATUS_CODES[statusCode] || 'unknown';
    obj ??= reason;
  }
  this.statusCode = statusCode;
  var headers;
  if (this[kOutHeaders]) {
    if (Array.isArray(obj)) {
      // Flat name/value pairs, each set over what was set before (as Node 20 does; a
      // list of pairs is taken only when nothing was set before, by _storeHeader).
      if (obj.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', obj);
      for (let i = 0; i < obj.length; i += 2) if (obj[i]) this.setHeader(obj[i], obj[i + 1]);
    } else if (obj) {
      for (const k of Object.keys(obj)) if (k) this.setHeader(k, obj[k]);
    }
    headers = this[kOutHeaders];
  } else {
    headers = obj;
  }
  var statusLine;
  if (this.statusMessage === STATUS_CODES[statusCode]) {
    statusLine = standardStatusLine(statusCode);
  } else {
    if (checkInvalidHeaderChar(this.statusMessage)) throw new ERR_INVALID_CHAR('statusMessage');
    statusLine = `HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`;
  }
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) this._hasBody = false;
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
  this._storeHeader(statusLine, headers);
  return this;
};
ServerResponse.prototype.writeHeader = ServerResponse.prototype.writeHead;

// Status lines with their standard reasons, made once each.
var standardStatusLines = [];
function standardStatusLine(statusCode) {
  return standardStatusLines[statusCode] ??= `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\n`;
}

// --- Server ------------------------------------------------------------------------

function storeHTTPOptions(options) {
  this.IncomingMessage = options.IncomingMessage || IncomingMessage;
  this.ServerResponse = options.ServerResponse || ServerResponse;
  if (options.maxHeaderSize !== undefined) validateInteger(options.maxHeaderSize, 'maxHeaderSize', 0);
  this.maxHeaderSize = options.maxHeaderSize;
  if (options.insecureHTTPParser !== undefined) validateBoolean(options.insecureHTTPParser, 'options.insecureHTTPParser');
  this.insecureHTTPParser = options.insecureHTTPParser;
  this.requestTimeout = options.requestTimeout !== undefined ? options.requestTimeout : 300000;
  validateInteger(this.requestTimeout, 'requestTimeout', 0);
  this.headersTimeout = options.headersTimeout !== undefined ? options.headersTimeout : Math.min(60000, this.requestTimeout);
  validateInteger(this.headersTimeout, 'headersTimeout', 0);
  if (this.requestTimeout > 0 && this.headersTimeout > this.requestTimeout) {
    throw new ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout', options.headersTimeout);
  }
  this.connectionsCheckingInterval = options.connectionsCheckingInterval ?? 30000;
  this.joinDuplicateHeaders = options.joinDuplicateHeaders;
  this.rejectNonStandardBodyWrites = !!options.rejectNonStandardBodyWrites;
  if (options.requireHostHeader !== undefined) validateBoolean(options.requireHostHeader, 'options.requireHostHeader');
  this.requireHostHeader = options.requireHostHeader ?? true;
  this.highWaterMark = options.highWaterMark;
  this[kUniqueHeaders] = options.uniqueHeaders ? new Set(options.uniqueHeaders.map((h) => h.toLowerCase())) : null;
}

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
  }
  storeHTTPOptions.call(this, options);
  net.Server.call(this, {
    allowHalfOpen: true,
    noDelay: options.noDelay ?? true,
    keepAlive: options.keepAlive,
    keepAliveInitialDelay: options.keepAliveInitialDelay,
    highWaterMark: options.highWaterMark,
  });
  if (requestListener) this.on('request', requestListener);
  this.httpAllowHalfOpen = false;
  this.on('connection', connectionListener);
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this.keepAliveTimeout = 5000;
  this._connectionSockets = new Set();
  this._idleTimer = null;
  this.on('listening', () => {
    if (this.headersTimeout > 0 || this.requestTimeout > 0) {
      this[kConnectionsCheckingInterval] = setInterval(() => checkConnections(this), this.connectionsCheckingInterval).unref();
    }
  });
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype.close = function(cb) {
  if (this[kConnectionsCheckingInterval]) clearInterval(this[kConnectionsCheckingInterval]);
  if (this._idleTimer) {
    clearTimeout(this._idleTimer);
    this._idleTimer = null;
  }
  this.closeIdleConnections();
  return net.Server.prototype.close.call(this, cb);
};

// With captureRejections, a 'request' listener's rejection answers 500 (without the
// headers set so far) when nothing was sent yet, and destroys the response otherwise.
Server.prototype[Symbol.for('nodejs.rejection')] = function(err, event, ...args) {
  if (event !== 'request') {
    net.Server.prototype[Symbol.for('nodejs.rejection')].call(this, err, event, ...args);
    return;
  }
  const res = args[1];
  if (!res.headersSent && !res.writableEnded) {
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.statusCode = 500;
    res.end(STATUS_CODES[500]);
  } else {
    res.destroy();
  }
};

Server.prototype[Symbol.asyncDispose] = function() {
  return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

Server.prototype.closeAllConnections = function() {
  for (const socket of this._connectionSockets) socket.destroy();
};

Server.prototype.closeIdleConnections = function() {
  for (const socket of this._connectionSockets) {
    const state = socket._httpState;
    if (state && state.incoming.length === 0 && !socket._httpMessage && !state.parser.inMessage()) socket.destroy();
  }
};

Server.prototype.setTimeout = function(msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

// Drops connections whose head (headersTimeout) or whole request (requestTimeout) is late.
function checkConnections(server) {
  const now = loopTime();
  for (const socket of server._connectionSockets) {
    const state = socket._httpState;
    if (!state || state.requestStart === 0) continue;
    const elapsed = now - state.requestStart;
    const late = (!state.headComplete && server.headersTimeout > 0 && elapsed > server.headersTimeout) ||
      (server.requestTimeout > 0 && elapsed > server.requestTimeout);
    if (late) socketOnError.call(socket, new ERR_HTTP_REQUEST_TIMEOUT());
  }
}

function connectionListener(socket) {
  const server = this;
  debug('SERVER new http connection');
  if (server.timeout && typeof socket.setTimeout === 'function') socket.setTimeout(server.timeout);
  socket.on('timeout', socketOnTimeout);
  const state = {
    parser: new HTTPParser(false, server.maxHeaderSize, server.insecureHTTPParser),
    incoming: [],
    outgoing: [],
    outgoingData: 0,
    requestsCount: 0,
    current: null,
    // As in Node, a new connection's first request is timed from the accept: one that
    // sends nothing is dropped with a 408 when headersTimeout or requestTimeout pass.
    requestStart: loopTime(),
    headComplete: false,
    keepAliveTimeoutSet: 0,
    idleSince: 0,
  };
  // Made once per connection, not per request.
  state.connection = { socket, state, server };
  state.responseOptions = { highWaterMark: socket.writableHighWaterMark };
  socket._httpState = state;
  socket.parser = state.parser;
  server._connectionSockets.add(socket);
  // As in Node: a connection handed over by a 'connection' event has no server of its own.
  socket.server = server;
  socket._httpServer = server;
  // Shared functions that find the connection through the socket, not closures per
  // connection: an idle keep-alive connection then costs only its socket and its state.
  socket.on('data', connectionOnData);
  // The parser reads the socket's bytes directly until someone else wants them as
  // 'data' or 'readable' events (Node's consume/unconsume).
  socket._consumer = connectionOnData;
  // A socket on a descriptor of its own (a TLS socket's bytes come decrypted, through
  // _consumer) is read and parsed by the loop as soon as it is readable.
  if (ownsDescriptor(socket)) {
    socket._parsedConsumer = connectionOnParsed;
    socket._handle.readParsed(state.parser.id, socket);
  }
  for (const method of kListenerMethods) socket[method] = unconsumingListenerMethods[method];
  socket.setEncoding = socketSetEncoding;
  socket.on('end', connectionOnEnd);
  socket.on('close', connectionOnClose);
  socket.on('drain', connectionOnDrain);
  socket.on('error', socketOnError);
  socket._paused = false;
}

// The parser reads bytes; a connection's text encoding is not the socket's to change
// (RFC 7230 §3), as Node says.
function socketSetEncoding() {
  throw new ERR_HTTP_SOCKET_ENCODING();
}

// The bytes of a read (a Buffer from a 'data' event, or bytes from the socket's consumer
// hook), parsed.
function connectionOnData(d) {
  onRows(this, executeParser(this._httpState.parser.id, d), d, 0);
}

// A read the socket's reader made and parsed: the byte count, then the parser's rows.
function connectionOnParsed(rows) {
  onRows(this, rows, undefined, 1);
}

function onRows(socket, rows, data, first) {
  var server = socket._httpServer, state = socket._httpState;
  if (state.keepAliveTimeoutSet === kIdleSocketTimer) {
    socket.setTimeout(0);
    if (server.timeout) socket.setTimeout(server.timeout);
  }
  state.keepAliveTimeoutSet = 0;
  if (state.requestStart === 0) {
    state.requestStart = loopTime();
    state.headComplete = false;
  }
  handleEvents(server, socket, state, rows, data, first);
}

function connectionOnEnd() {
  socketOnEnd(this._httpServer, this, this._httpState);
}

function connectionOnClose() {
  socketOnClose(this._httpServer, this, this._httpState);
}

function connectionOnDrain() {
  socketOnDrain(this, this._httpState);
}

// The socket's bytes go out as 'data' from now on, not to the parser.
function unconsume(socket) {
  socket._consumer = null;
  if (ownsDescriptor(socket)) socket._handle.readParsed(-1);
}

// Whether `socket` is a net socket reading a descriptor (not TLS's, nor another Duplex a
// 'connection' event gave).
function ownsDescriptor(socket) {
  var handle = socket._handle;
  return handle !== null && handle !== undefined && typeof handle.readParsed === 'function';
}

// Listener methods that hand the socket's bytes back to 'data'/'readable' listeners (and
// then step aside for the socket's own methods) once someone asks for those events.
var kListenerMethods = ['on', 'addListener', 'prependListener'];
var unconsumingListenerMethods = {};
for (const method of kListenerMethods) {
  unconsumingListenerMethods[method] = function(event, listener) {
    if (event === 'data' || event === 'readable') {
      unconsume(this);
      for (const m of kListenerMethods) delete this[m];
    }
    return Object.getPrototypeOf(this)[method].call(this, event, listener);
  };
}

function socketOnTimeout() {
  const req = this._httpState && this._httpState.current;
  const reqTimeout = req && !req.complete && req.emit('timeout', this);
  const res = this._httpMessage;
  const resTimeout = res && res.emit('timeout', this);
  const serverTimeout = this.server && this.server.emit('timeout', this);
  if (!reqTimeout && !resTimeout && !serverTimeout) this.destroy();
}

// Node keeps an idle connection a second past the keepAliveTimeout it advertises, so that
// a client reusing it just before the advertised end does not race the close.
var kKeepAliveBuffer = 1000;
// How an idle connection's keep-alive timeout is kept (state.keepAliveTimeoutSet).
var kIdleSocketTimer = 1; // the socket's own timer (the server has a `timeout` too)
var kIdleWatched = 2; // the server's idle watch (watchIdle)

// Idle keep-alive connections are closed by one timer per server rather than one per
// socket: arming and clearing a socket timer around every request cost a keep-alive
// request more than the rest of keeping the connection. A connection is closed up to a
// tenth of the timeout late, never early.
function watchIdle(server) {
  if (!server._idleTimer) {
    server._idleTimer = setTimeout(closeExpiredIdle, server.keepAliveTimeout + kKeepAliveBuffer, server);
    server._idleTimer.unref();
  }
}

function closeExpiredIdle(server) {
  server._idleTimer = null;
  const limit = server.keepAliveTimeout + kKeepAliveBuffer;
  const now = loopTime();
  let next = Infinity;
  for (const socket of server._connectionSockets) {
    const state = socket._httpState;
    if (!state || state.keepAliveTimeoutSet !== kIdleWatched) continue;
    const due = state.idleSince + limit;
    if (due <= now) {
      state.keepAliveTimeoutSet = 0;
      socketOnTimeout.call(socket);
    } else if (due < next) {
      next = due;
    }
  }
  if (next !== Infinity) {
    server._idleTimer = setTimeout(closeExpiredIdle, Math.max(next - now, limit / 10), server);
    server._idleTimer.unref();
  }
}

// `events` from index `first` (a reader's list starts with its byte count). No default for
// `first`: a parameter with one makes QuickJS check every parameter read (see above).
function handleEvents(server, socket, state, events, data, first) {
  var ev;
  // The usual read: one request without a body (see the head row's `ended` slot).
  if (events.length === first + 1) {
    ev = events[first];
    if (ev[0] === EV_HEAD && ev[11] === true && !ev[8]) {
      state.headComplete = true;
      onHead(server, socket, state, ev);
      onEnd(state, undefined);
      return;
    }
  }
  for (var i = first; i < events.length; i++) {
    ev = events[i];
    switch (ev[0]) {
      case EV_HEAD:
        state.headComplete = true;
        if (onHead(server, socket, state, ev) === 2) {
          const rest = events[i + 1] && events[i + 1][0] === EV_UPGRADE ? Buffer.from(events[i + 1][1]) : Buffer.alloc(0);
          onUpgrade(server, socket, state, rest);
          return;
        }
        // A request without a body ends with its head (the row's `ended` slot).
        if (ev[11] === true) onEnd(state, undefined);
        break;
      case EV_BODY: {
        const req = state.current;
        if (req !== null && !req._dumped) {
          if (!req.push(Buffer.from(ev[1]))) socket.pause();
        }
        break;
      }
      case EV_END:
        onEnd(state, ev[1]);
        break;
      case EV_UPGRADE:
        break;
      case EV_ERROR:
        socketOnError.call(socket, parseError(ev, data));
        return;
    }
  }
}

function onHead(server, socket, state, ev) {
  // Indexed, not destructured: QuickJS destructures an array through its iterator.
  var method = ev[1], major = ev[3], minor = ev[4], upgrade = ev[8], keepAlive = ev[9], expect = ev[10];
  var req = incomingFromHead(server.IncomingMessage, socket, ev, server.joinDuplicateHeaders, server.maxHeadersCount);
  state.current = req;
  if (upgrade) {
    req.upgrade = method === 'CONNECT' || server.listenerCount('upgrade') > 0;
    if (req.upgrade) return 2;
  }
  // An index store, not push(): QuickJS looks `push` up on every call.
  var incoming = state.incoming;
  incoming[incoming.length] = req;
  var ws = socket._writableState;
  if (!socket._paused && (ws.needDrain || state.outgoingData >= ws.highWaterMark)) {
    socket._paused = true;
    socket.pause();
  }
  var res;
  if (server.ServerResponse === ServerResponse) {
    res = initResponse(responseFields(req, state.connection, server.keepAliveTimeout, state.responseOptions.highWaterMark), req);
  } else {
    res = new server.ServerResponse(req, state.responseOptions);
    res._keepAliveTimeout = server.keepAliveTimeout;
    res._httpConnection = state.connection;
  }
  if (!keepAlive) res.shouldKeepAlive = false;
  if (server[kUniqueHeaders] !== null) res[kUniqueHeaders] = server[kUniqueHeaders];
  if (server.rejectNonStandardBodyWrites) res[kRejectNonStandardBodyWrites] = true;
  var limit = server.maxRequestsPerSocket;
  if (limit > 0) res._maxRequestsPerSocket = limit;
  if (perfObserved.http) {
    res[kPerfRequest] = startPerf('HttpRequest', 'http', { req: { method, url: req.url, headers: req.headers } });
  }
  if (requestStartChannel._active) requestStartChannel.publish({ request: req, response: res, socket, server });
  if (socket._httpMessage) state.outgoing.push(res);
  else res.assignSocket(socket);
  var handled = false;
  if (major === 1 && minor === 1) {
    // RFC 9112 3.2: an HTTP/1.1 request without Host is a 400.
    if (server.requireHostHeader && !ev[12]) {
      res.writeHead(400, ['Connection', 'close']);
      res.end();
      return 0;
    }
    // Requests past maxRequestsPerSocket on one connection are turned away (Node counts
    // HTTP/1.1 requests only).
    var dropped = false;
    if (limit > 0 && typeof limit === 'number') {
      state.requestsCount++;
      res.maxRequestsOnConnectionReached = limit <= state.requestsCount;
      dropped = limit < state.requestsCount;
    }
    if (dropped) {
      handled = true;
      server.emit('dropRequest', req, socket);
      res.writeHead(503);
      res.end();
    } else if (expect !== undefined && continueExpression.test(expect)) {
      res._expect_continue = true;
      if (server.listenerCount('checkContinue') > 0) {
        server.emit('checkContinue', req, res);
      } else {
        res.writeContinue();
        server.emit('request', req, res);
      }
      handled = true;
    } else if (expect !== undefined) {
      handled = true;
      if (server.listenerCount('checkExpectation') > 0) {
        server.emit('checkExpectation', req, res);
      } else {
        res.writeHead(417);
        res.end();
      }
    }
  }
  if (!handled) emitTwo(server, 'request', req, res);
  return 0;
}

// A server's own ServerResponse, made as one literal holding every field a request and
// its answer set (the rest stay the prototype's, see OutgoingMessage): a field set on an
// object that lacks it costs QuickJS a search of its prototypes and a new shape, several
// times what a field in a literal costs, and a response would gain these one at a time.
function responseFields(req, connection, keepAliveTimeout, highWaterMark) {
  var res = {
    __proto__: ServerResponse.prototype,
    req,
    _keepAliveTimeout: keepAliveTimeout,
    _httpConnection: connection,
    socket: null,
    statusMessage: undefined,
    statusCode: 200,
    _contentLength: null,
    _header: null,
    _headerSent: false,
    finished: false,
    destroyed: false,
    _closed: false,
    // Read by every check for listeners (isListened), found here rather than four
    // prototypes up.
    _events: undefined,
  };
  if (highWaterMark !== kDefaultHighWaterMark) res._highWaterMark = highWaterMark;
  return res;
}

// The end of the current request; `rawTrailers` undefined when it had none.
function onEnd(state, rawTrailers) {
  var req = state.current;
  state.requestStart = 0;
  if (req !== null) {
    if (rawTrailers !== undefined) req.rawTrailers = rawTrailers;
    req.complete = true;
    req._pushEnd();
    state.current = null;
  }
}

function onUpgrade(server, socket, state, head) {
  const req = state.current;
  state.current = null;
  unconsume(socket);
  // Only the server's own listeners go, as in Node: the socket's (its 'end' handling)
  // and the application's stay.
  socket.removeListener('data', connectionOnData);
  socket.removeListener('end', connectionOnEnd);
  socket.removeListener('close', connectionOnClose);
  socket.removeListener('drain', connectionOnDrain);
  if (socket._closesResponses) {
    socket._closesResponses = false;
    socket.removeListener('close', onServerResponseClose);
  }
  socket.removeListener('error', socketOnError);
  socket.removeListener('timeout', socketOnTimeout);
  state.parser.free();
  server._connectionSockets.delete(socket);
  socket._httpState = null;
  // The socket is the listener's now, with no listeners of ours (the server still counts
  // it: net's _destroy tells it when it goes).
  const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
  if (server.listenerCount(event) > 0) server.emit(event, req, socket, head);
  else socket.destroy();
}

function updateOutgoingData(socket, state, delta) {
  state.outgoingData += delta;
  socketOnDrain(socket, state);
}

function socketOnDrain(socket, state) {
  const needPause = state.outgoingData > socket.writableHighWaterMark;
  if (socket._paused && !needPause) {
    socket._paused = false;
    socket.resume();
  }
  const msg = socket._httpMessage;
  if (msg && !msg.finished && msg.writableNeedDrain) {
    msg.emit('drain');
  }
}

ServerResponse.prototype._onPendingData = function(delta) {
  const connection = this._httpConnection;
  if (connection !== null) updateOutgoingData(connection.socket, connection.state, delta);
};

ServerResponse.prototype._onFinish = function(heard) {
  var connection = this._httpConnection;
  if (connection !== null) resOnFinish(this.req, this, connection.socket, connection.state, connection.server, heard);
};

// `heard`: whether the response's events may reach anyone (mayBeHeard).
function resOnFinish(req, res, socket, state, server, heard) {
  if (responseFinishChannel._active) responseFinishChannel.publish({ request: req, response: res, socket, server });
  var incoming = state.incoming;
  if (incoming[0] === req) {
    // Mostly the only one: emptied without shift()'s lookup and call.
    if (incoming.length === 1) incoming.length = 0;
    else incoming.shift();
  } else {
    var i = incoming.indexOf(req);
    if (i !== -1) incoming.splice(i, 1);
  }
  if (perfObserved.http && res[kPerfRequest] !== undefined) {
    stopPerf(res[kPerfRequest], {
      res: { statusCode: res.statusCode, statusMessage: res.statusMessage, headers: res.getHeaders() },
    });
  }
  if (req._untouched()) req._dumped = true;
  else if (!req._consuming && !req._readableState.resumeScheduled) req._dump();
  res.detachSocket(socket);
  // On a tick of its own, as in Node: ticks queued before it (a write after end's error)
  // still see the response open. With no tick queued and nobody to tell, that tick would
  // run next with no JS between (the write's callback runs from the loop or a tick, never
  // inside the caller's code): the response is marked closed now, without one.
  if (!heard && !hasTickScheduled()) {
    res.destroyed = true;
    res._closed = true;
  } else {
    process.nextTick(emitCloseNT, res);
  }
  if (res._last) {
    destroySoon(socket);
  } else if (state.outgoing.length === 0) {
    if (server.keepAliveTimeout && typeof socket.setTimeout === 'function') {
      if (server.timeout) {
        // The idle timeout stands in for the server's own until the next request.
        socket.setTimeout(server.keepAliveTimeout + kKeepAliveBuffer);
        state.keepAliveTimeoutSet = kIdleSocketTimer;
      } else {
        state.idleSince = loopTime();
        state.keepAliveTimeoutSet = kIdleWatched;
        watchIdle(server);
      }
    }
  } else {
    const m = state.outgoing.shift();
    if (m) m.assignSocket(socket);
  }
}

// The connection closed before these requests were answered: each is aborted, complete
// or not, as in Node (its 'aborted' event, and 'error' for whoever listens).
function abortIncoming(state) {
  while (state.incoming.length) {
    const req = state.incoming.shift();
    req.destroy(connResetException('aborted'));
  }
  const req = state.current;
  if (req && !req.complete && !req.destroyed) req.destroy(connResetException('aborted'));
}

function connResetException(msg) {
  const ex = new Error(msg);
  ex.code = 'ECONNRESET';
  return ex;
}

function socketOnEnd(server, socket, state) {
  const events = state.parser.finish();
  handleEvents(server, socket, state, events, undefined, 0);
  if (socket.destroyed) return;
  if (!server.httpAllowHalfOpen) {
    // Ending our side closes the socket; the close aborts what is still unanswered.
    if (socket.writable) socket.end();
  } else if (state.outgoing.length) {
    state.outgoing[state.outgoing.length - 1]._last = true;
  } else if (socket._httpMessage) {
    socket._httpMessage._last = true;
  } else if (socket.writable) {
    socket.end();
  }
}

function socketOnClose(server, socket, state) {
  server._connectionSockets.delete(socket);
  state.parser.free();
  abortIncoming(state);
}

var kBadRequest = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';
var kTooLarge = 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n';
var kPayloadTooLarge = 'HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n';
var kTimeout = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';

function socketOnError(e) {
  this.removeListener('error', socketOnError);
  this.on('error', () => {});
  const server = this.server;
  if (server && server.listenerCount('clientError') > 0) {
    server.emit('clientError', e, this);
    return;
  }
  if (this.writable && (!this._httpMessage || !this._httpMessage._headerSent)) {
    let response;
    switch (e.code) {
      case 'HPE_HEADER_OVERFLOW':
        response = kTooLarge;
        break;
      case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
        response = kPayloadTooLarge;
        break;
      case 'ERR_HTTP_REQUEST_TIMEOUT':
        response = kTimeout;
        break;
      default:
        response = kBadRequest;
    }
    if (e.code && e.code.startsWith('HPE_') || e.code === 'ERR_HTTP_REQUEST_TIMEOUT') this.write(response);
  }
  this.destroy(e);
}

module.exports = { Server, ServerResponse, connectionListener, kConnectionsCheckingInterval };
