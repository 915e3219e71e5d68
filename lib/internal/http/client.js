'use strict';
// http.ClientRequest: writes a request on a socket from the agent (or its own), parses
// the response in Rust and hands the socket back to the agent for keep-alive.

const net = require('net');
const { Buffer } = require('buffer');
const { URL, urlToHttpOptions } = require('internal/url');
const { getTimerDuration } = require('internal/timers');
const perfObserve = require('internal/perf/observe');
const dc = require('diagnostics_channel');
const requestStartChannel = dc.channel('http.client.request.start');
const responseFinishChannel = dc.channel('http.client.response.finish');
// A request being timed for its 'http' performance entry (while someone observes them).
const kPerfRequest = Symbol('kPerfRequest');
const { OutgoingMessage, kOutHeaders } = require('internal/http/outgoing');
const { IncomingMessage, incomingFromHead } = require('internal/http/incoming');
// The module itself, not its globalAgent: http.globalAgent can be replaced.
const agents = require('internal/http/agent');
const { Agent } = agents;
const {
  HTTPParser, parseError, checkIsHttpToken, destroySoon, EV_ERROR, EV_HEAD, EV_BODY, EV_END, EV_UPGRADE,
} = require('internal/http/common');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_HTTP_TOKEN,
    ERR_INVALID_PROTOCOL,
    ERR_UNESCAPED_CHARACTERS,
  },
  validateInteger,
  validateBoolean,
} = require('internal/errors');

const INVALID_PATH_REGEX = /[^\u0021-\u00ff]/;

function connResetException(msg) {
  const ex = new Error(msg);
  ex.code = 'ECONNRESET';
  return ex;
}

function ClientRequest(input, options, cb) {
  OutgoingMessage.call(this);
  if (typeof input === 'string') {
    input = urlToHttpOptions(new URL(input));
  } else if (input instanceof URL) {
    input = urlToHttpOptions(input);
  } else {
    cb = options;
    options = input;
    input = null;
  }
  if (typeof options === 'function') {
    cb = options;
    options = input || {};
  } else {
    options = Object.assign(input || {}, options);
  }
  let agent = options.agent;
  const defaultAgent = options._defaultAgent || agents.globalAgent;
  if (agent === false) {
    agent = new defaultAgent.constructor();
  } else if (agent === null || agent === undefined) {
    if (typeof options.createConnection !== 'function') agent = defaultAgent;
    options.agent = agent;
  } else if (typeof agent.addRequest !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options.agent', ['Agent-like Object', 'undefined', 'false'], agent);
  }
  this.agent = agent;
  const protocol = options.protocol || defaultAgent.protocol;
  let expectedProtocol = defaultAgent.protocol;
  if (this.agent?.protocol) expectedProtocol = this.agent.protocol;
  if (options.path) {
    const path = String(options.path);
    if (INVALID_PATH_REGEX.test(path)) throw new ERR_UNESCAPED_CHARACTERS('Request path');
  }
  if (protocol !== expectedProtocol) throw new ERR_INVALID_PROTOCOL(protocol, expectedProtocol);
  const defaultPort = options.defaultPort || (this.agent?.defaultPort);
  const optsWithoutSignal = { __proto__: null, ...options };
  const port = optsWithoutSignal.port = options.port || defaultPort || 80;
  const host = optsWithoutSignal.host = validateHost(options.hostname, 'hostname') || validateHost(options.host, 'host') ||
    'localhost';
  const setHost = options.setHost === undefined || Boolean(options.setHost);
  this.socketPath = options.socketPath;
  if (options.timeout !== undefined) this.timeout = getTimerDuration(options.timeout, 'timeout');
  let method = options.method;
  if (method != null && typeof method !== 'string') throw new ERR_INVALID_ARG_TYPE('options.method', 'string', method);
  if (method && !checkIsHttpToken(method)) throw new ERR_INVALID_HTTP_TOKEN('Method', method);
  method = this.method = (method || 'GET').toUpperCase();
  this.path = options.path || '/';
  if (cb) this.once('response', cb);
  if (method === 'GET' || method === 'HEAD' || method === 'DELETE' || method === 'OPTIONS' ||
      method === 'TRACE' || method === 'CONNECT') {
    this.useChunkedEncodingByDefault = false;
  } else {
    this.useChunkedEncodingByDefault = true;
  }
  if (options.insecureHTTPParser !== undefined) validateBoolean(options.insecureHTTPParser, 'options.insecureHTTPParser');
  this.insecureHTTPParser = options.insecureHTTPParser;
  if (options.maxHeaderSize !== undefined) validateInteger(options.maxHeaderSize, 'maxHeaderSize', 0);
  this.maxHeaderSize = options.maxHeaderSize;
  this.joinDuplicateHeaders = options.joinDuplicateHeaders;
  this.host = host;
  this.protocol = protocol;
  this.res = null;
  this.aborted = false;
  this.timeoutCb = null;
  this.upgradeOrConnect = false;
  this.parser = null;
  this.maxHeadersCount = null;
  this.reusedSocket = false;
  this._ended = false;

  if (this.agent) {
    if (!this.agent.keepAlive && !Number.isFinite(this.agent.maxSockets)) {
      this._last = true;
      this.shouldKeepAlive = false;
    } else {
      this._last = false;
      this.shouldKeepAlive = true;
    }
  }
  const headersArray = Array.isArray(options.headers);
  if (!headersArray) {
    if (options.headers) {
      for (const key of Object.keys(options.headers)) this.setHeader(key, options.headers[key]);
    }
    if (host && !this.getHeader('host') && setHost) {
      let hostHeader = host;
      const posColon = hostHeader.indexOf(':');
      if (posColon !== -1 && hostHeader.includes(':', posColon + 1) && hostHeader.charCodeAt(0) !== 91) {
        hostHeader = `[${hostHeader}]`;
      }
      if (port && +port !== defaultPort) hostHeader += ':' + port;
      this.setHeader('Host', hostHeader);
    }
    if (options.auth && !this.getHeader('Authorization')) {
      this.setHeader('Authorization', 'Basic ' + Buffer.from(options.auth).toString('base64'));
    }
    if (this.getHeader('expect')) this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', this[kOutHeaders]);
  } else {
    this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', options.headers);
  }
  if (options.signal) {
    // The request answers the signal; its socket does not as well.
    delete optsWithoutSignal.signal;
    const signal = options.signal;
    if (!signal.aborted) signal.addEventListener('abort', () => abortRequest(this, signal), { once: true });
  }
  if (this.agent) {
    this.agent.addRequest(this, optsWithoutSignal);
  } else {
    this._last = true;
    this.shouldKeepAlive = false;
    const opts = { ...optsWithoutSignal };
    if (this.socketPath) opts.path = this.socketPath;
    if (typeof options.createConnection === 'function') {
      // The socket comes back, or through the callback, whichever is first; an error,
      // thrown or passed, is the request's 'error'.
      let called = false;
      const oncreate = (err, socket) => {
        if (called) return;
        called = true;
        if (err) process.nextTick(() => this.emit('error', err));
        else this.onSocket(socket);
      };
      try {
        const socket = options.createConnection(opts, oncreate);
        if (socket) oncreate(null, socket);
      } catch (err) {
        oncreate(err);
      }
    } else {
      this.onSocket(net.createConnection(opts));
    }
  }
  // An already aborted signal destroys the request before it is returned, as in Node.
  if (options.signal?.aborted) abortRequest(this, options.signal);
}
Object.setPrototypeOf(ClientRequest.prototype, OutgoingMessage.prototype);

function abortRequest(req, signal) {
  req.destroy(new (require('internal/errors').AbortError)(undefined, { cause: signal.reason }));
}
Object.setPrototypeOf(ClientRequest, OutgoingMessage);

ClientRequest.prototype._finish = function() {
  OutgoingMessage.prototype._finish.call(this);
  // Timed from here to the response's head for an 'http' performance entry, as in Node.
  if (perfObserve.hasObserver('http')) {
    this[kPerfRequest] = perfObserve.startPerf('HttpClient', 'http', {
      req: { method: this.method, url: `${this.protocol}//${this.host}${this.path}`, headers: this.getHeaders() },
    });
  }
  if (requestStartChannel._active) requestStartChannel.publish({ request: this });
};

ClientRequest.prototype._implicitHeader = function() {
  if (this._header) throw new (require('internal/errors').codes.ERR_HTTP_HEADERS_SENT)('render');
  this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', this[kOutHeaders]);
};

ClientRequest.prototype.abort = function() {
  if (this.aborted) return;
  this.aborted = true;
  process.nextTick(() => this.emit('abort'));
  this.destroy();
};

ClientRequest.prototype.destroy = function(err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this.res) this.res._dump();
  this[kError] = err;
  this.socket?.destroy(err);
  return this;
};
const kError = Symbol('kError');

ClientRequest.prototype.onSocket = function(socket, err) {
  process.nextTick(() => {
    if (this.destroyed || err) {
      onSocketAfterDestroy(this, socket, err);
      return;
    }
    tickOnSocket(this, socket);
  });
};

// A socket (or an error) for a request already destroyed: an agent's healthy socket goes
// back to the pool, any other is destroyed; the request then reports 'socket hang up'
// (unless it was aborted, or had an error of its own) and closes.
function onSocketAfterDestroy(req, socket, err) {
  req.destroyed = true;
  const finish = (error) => {
    if (!req.aborted && !error) error = connResetException('socket hang up');
    if (error) req.emit('error', error);
    req._closed = true;
    req.emit('close');
  };
  if (socket) {
    if (!err && req.agent && !socket.destroyed) {
      socket.emit('free');
    } else {
      const { finished } = require('stream');
      finished(socket.destroy(err || req[kError]), (e) => finish(e?.code === 'ERR_STREAM_PREMATURE_CLOSE' ? err : e || err));
      return;
    }
  }
  finish(err || req[kError]);
}

function tickOnSocket(req, socket) {
  const parser = new HTTPParser(true, req.maxHeaderSize, req.insecureHTTPParser);
  parser.expectResponseTo(req.method);
  req.socket = socket;
  req.parser = parser;
  socket.parser = parser;
  socket._httpMessage = req;
  if (typeof req.maxHeadersCount === 'number') parser.maxHeadersCount = req.maxHeadersCount;
  if (req.destroyed) {
    socket.destroy(req[kError]);
    return;
  }
  const state = { req, socket, parser };
  socket._clientState = state;
  state.onData = (d) => socketOnData(state, d);
  state.onEnd = () => socketOnEnd(state);
  state.onClose = () => socketCloseListener(state);
  state.onError = (e) => socketErrorListener(state, e);
  socket.on('data', state.onData);
  socket.on('end', state.onEnd);
  socket.on('close', state.onClose);
  socket.on('error', state.onError);
  socket.on('drain', ondrain);
  if (req.timeout !== undefined || (req.agent && req.agent.options && req.agent.options.timeout)) {
    listenSocketTimeout(req);
  }
  req.emit('socket', socket);
  req._flush();
}

function ondrain() {
  const msg = this._httpMessage;
  if (msg && !msg.finished && msg.writableNeedDrain) msg.emit('drain');
}

function listenSocketTimeout(req) {
  if (req.timeoutCb) return;
  req.timeoutCb = () => req.emit('timeout');
  if (req.socket) req.socket.once('timeout', req.timeoutCb);
  else req.on('socket', (socket) => socket.once('timeout', req.timeoutCb));
}

ClientRequest.prototype.setTimeout = function(msecs, callback) {
  if (this._ended) return this;
  listenSocketTimeout(this);
  // Checked (and an overflow warned of) now, where the caller's stack is.
  msecs = getTimerDuration(msecs, 'msecs');
  if (callback) this.once('timeout', callback);
  if (this.socket) setSocketTimeout(this.socket, msecs);
  else this.once('socket', (sock) => setSocketTimeout(sock, msecs));
  return this;
};

// A socket still connecting keeps the timeout it was made with (the agent's `timeout`)
// until it connects, as in Node.
function setSocketTimeout(socket, msecs) {
  if (socket.connecting) socket.once('connect', () => socket.setTimeout(msecs));
  else socket.setTimeout(msecs);
}

ClientRequest.prototype.setNoDelay = function(noDelay) {
  if (this.socket) this.socket.setNoDelay(noDelay);
  else this.once('socket', (s) => s.setNoDelay(noDelay));
};

ClientRequest.prototype.setSocketKeepAlive = function(enable, delay) {
  if (this.socket) this.socket.setKeepAlive(enable, delay);
  else this.once('socket', (s) => s.setKeepAlive(enable, delay));
};

ClientRequest.prototype.clearTimeout = function(cb) {
  this.setTimeout(0, cb);
};

function detach(state) {
  const { socket } = state;
  socket.removeListener('data', state.onData);
  socket.removeListener('end', state.onEnd);
  socket.removeListener('close', state.onClose);
  socket.removeListener('error', state.onError);
  socket.removeListener('drain', ondrain);
  if (state.req.timeoutCb) socket.removeListener('timeout', state.req.timeoutCb);
  socket.removeListener('timeout', responseOnTimeout);
  socket._clientState = null;
  state.parser.free();
}

function socketOnData(state, d) {
  handleEvents(state, state.parser.execute(d), d);
}

function handleEvents(state, events, data) {
  const { req, socket } = state;
  for (let i = 0; i < events.length; i++) {
    const ev = events[i];
    switch (ev[0]) {
      case EV_HEAD:
        // A second response to one request: the socket is destroyed, the rest unread.
        if (onResponseHead(state, ev) === kDoubleResponse) return;
        break;
      case EV_BODY: {
        const res = req.res;
        // A full body buffer stops the socket; the body's reader restarts it
        // (IncomingMessage._read).
        if (res && !res._dumped && !res.push(Buffer.from(ev[1]))) socket.pause();
        break;
      }
      case EV_END: {
        const res = state.pendingInfo ? null : req.res;
        state.pendingInfo = false;
        if (res) {
          res.rawTrailers = ev[1];
          res.complete = true;
          res.push(null);
          // The response is whole: as in Node, what the socket does next (its end, more
          // bytes) is no longer the request's, and the parser goes.
          socket.removeListener('data', state.onData);
          socket.removeListener('end', state.onEnd);
          socket.removeListener('drain', ondrain);
          state.parser.free();
        }
        break;
      }
      case EV_UPGRADE: {
        const res = req.res;
        const head = Buffer.from(ev[1]);
        detach(state);
        req.upgradeOrConnect = true;
        const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
        if (req.listenerCount(event) > 0) {
          // The socket is the listener's now: out of the agent's pool and counts.
          socket.emit('agentRemove');
          socket._httpMessage = null;
          socket.readableFlowing = null;
          req.emit(event, res, socket, head);
          req.destroyed = true;
          req._closed = true;
          req.emit('close');
        } else {
          socket.destroy();
        }
        return;
      }
      case EV_ERROR: {
        const err = parseError(ev, data);
        detach(state);
        req.emit('error', err);
        socket.destroy();
        return;
      }
    }
  }
}

const kDoubleResponse = 1;

function onResponseHead(state, ev) {
  const { req, socket } = state;
  // Indexed, not destructured: QuickJS destructures an array through its iterator.
  const major = ev[3], minor = ev[4], rawHeaders = ev[5], statusCode = ev[6], statusMessage = ev[7];
  const upgrade = ev[8], keepAlive = ev[9];
  const res = incomingFromHead(IncomingMessage, socket, ev, req.joinDuplicateHeaders, req.maxHeadersCount);
  if (statusCode >= 100 && statusCode < 200 && statusCode !== 101) {
    state.pendingInfo = true;
    if (statusCode === 100) req.emit('continue');
    req.emit('information', {
      statusCode, statusMessage, httpVersion: res.httpVersion, httpVersionMajor: major,
      httpVersionMinor: minor, headers: res.headers, rawHeaders,
    });
    return;
  }
  if (req.res) {
    socket.destroy();
    return kDoubleResponse;
  }
  if (req[kPerfRequest] !== undefined) {
    perfObserve.stopPerf(req[kPerfRequest], { res: { statusCode, statusMessage, headers: res.headers } });
    req[kPerfRequest] = undefined;
  }
  if (responseFinishChannel._active) responseFinishChannel.publish({ request: req, response: res });
  req.res = res;
  res.req = req;
  if (upgrade) return;
  if (req.shouldKeepAlive && !keepAlive && !req.upgradeOrConnect) req.shouldKeepAlive = false;
  res.on('end', responseOnEnd);
  req.on('finish', requestOnFinish);
  // The socket's idle timeout is the response's too (res.setTimeout).
  socket.on('timeout', responseOnTimeout);
  if (req.aborted || !req.emit('response', res)) res._dump();
}

function validateHost(host, name) {
  if (host != null && typeof host !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(`options.${name}`, ['string', 'undefined', 'null'], host);
  }
  return host;
}

function responseOnTimeout() {
  const res = this._httpMessage?.res;
  if (res) res.emit('timeout');
}

function responseOnEnd() {
  const req = this.req;
  const socket = req.socket;
  req._ended = true;
  if (!req.shouldKeepAlive) {
    if (socket.writable) destroySoon(socket);
  } else if (req.writableFinished && !this.aborted) {
    responseKeepAlive(req);
  }
}

function requestOnFinish() {
  const req = this;
  if (req.shouldKeepAlive && req._ended) responseKeepAlive(req);
}

function responseKeepAlive(req) {
  const socket = req.socket;
  if (!socket || !socket._clientState) return;
  detach(socket._clientState);
  // The response's reader may have left the socket paused (a full body buffer at its
  // last chunk); a socket going back to the pool reads again, or the next response on
  // it would never arrive.
  if (socket.isPaused()) socket.resume();
  req.destroyed = true;
  process.nextTick(() => {
    req._closed = true;
    req.emit('close');
    if (req.res && !req.res.destroyed && req.res.readableEnded) req.res.destroy();
    socket.emit('free');
  });
}

function socketCloseListener(state) {
  const { req, socket } = state;
  const res = req.res;
  req.destroyed = true;
  if (res) {
    if (!res.complete) {
      finishParser(state);
      if (!res.complete) res.destroy(connResetException('aborted'));
    }
    req._closed = true;
    req.emit('close');
    if (!res.aborted && res.readable) {
      res.on('end', function() {
        this.destroyed = true;
        this.emit('close');
      });
      res.push(null);
    } else if (!res.destroyed) {
      res.destroy();
    }
  } else {
    if (!req.socket._hadError) {
      req.socket._hadError = true;
      req.emit('error', connResetException('socket hang up'));
    }
    req._closed = true;
    req.emit('close');
  }
  if (socket._clientState) detach(state);
}

function socketErrorListener(state, err) {
  const { req, socket } = state;
  if (req) {
    req.socket._hadError = true;
    req.emit('error', err);
  }
  socket.destroy();
}

function socketOnEnd(state) {
  const { req, socket } = state;
  if (!req.res && !req.socket._hadError) {
    req.socket._hadError = true;
    req.emit('error', connResetException('socket hang up'));
  }
  finishParser(state);
  socket.destroy();
}

// The end of the bytes: a body read until the close ends here; one cut short is aborted
// by the close, not reported as a parse error (Node lets finish()'s error go too).
function finishParser(state) {
  handleEvents(state, state.parser.finish().filter((ev) => ev[0] !== EV_ERROR));
}

module.exports = { ClientRequest };
