'use strict';
// The TLS socket and server behind lib/tls.js and lib/https.js, with rustls doing the
// protocol (internalBinding('tls_wrap')).
// A TLSSocket is a net.Socket without a descriptor of its own: the TCP socket under it
// stays on the loop as usual, its ciphertext goes into the native session, and the
// plaintext comes out of this stream (or straight into an HTTP parser, as net's do).

const net = require('net');
const binding = internalBinding('tls_wrap');
const { codes } = require('internal/errors');

const DEFAULT_MIN_VERSION = 'TLSv1.2';
const DEFAULT_MAX_VERSION = 'TLSv1.3';

let insecureWarned = false;
// Node's switch for turning certificate checks off process-wide (it warns once).
function defaultRejectUnauthorized() {
  if (process.env.NODE_TLS_REJECT_UNAUTHORIZED !== '0') return true;
  if (!insecureWarned) {
    insecureWarned = true;
    process.emitWarning("Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to '0' makes TLS connections and HTTPS requests insecure by disabling certificate verification.");
  }
  return false;
}

const kProtocolVersions = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

// minVersion/maxVersion and ciphers as Node checks them (rustls then speaks what it can
// of the range, with the suites the list selects).
function protocolRange(options) {
  const range = {};
  const { ciphers } = options;
  if (ciphers !== undefined && ciphers !== null) {
    if (typeof ciphers !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('options.ciphers', 'string', ciphers);
    if (!binding.cipherMatch(ciphers)) {
      const err = new Error('error:0A0000B9:SSL routines::no cipher match');
      err.library = 'SSL routines';
      err.reason = 'no cipher match';
      err.code = 'ERR_SSL_NO_CIPHER_MATCH';
      throw err;
    }
    range.ciphers = ciphers;
  }
  for (const [key, kind] of [['minVersion', 'minimum'], ['maxVersion', 'maximum']]) {
    const version = options[key];
    if (version == null) continue;
    if (!kProtocolVersions.includes(version)) throw new codes.ERR_TLS_INVALID_PROTOCOL_VERSION(version, kind);
    range[key] = version;
  }
  // OpenSSL's SSL_OP_NO_TLSv1_2 and SSL_OP_NO_TLSv1_3 bits narrow the range as the two
  // versions rustls speaks are concerned (the bits of older versions change nothing here).
  const { secureOptions } = options;
  if (secureOptions !== undefined && secureOptions !== null) {
    if (typeof secureOptions !== 'number') {
      throw new codes.ERR_INVALID_ARG_TYPE('secureOptions', 'number', secureOptions);
    }
    if (secureOptions & kNoTLSv12) range.minVersion = 'TLSv1.3';
    if (secureOptions & kNoTLSv13) range.maxVersion = 'TLSv1.2';
  }
  return range;
}
const kNoTLSv12 = 0x08000000;
const kNoTLSv13 = 0x20000000;

// A secure context (tls.createSecureContext) is the options that make a TLS configuration:
// a socket or server given one takes these from it, and not from its own options.
const kContextOptions = ['key', 'cert', 'ca', 'ciphers', 'minVersion', 'maxVersion', 'secureOptions', 'honorCipherOrder'];
const kOptions = Symbol('kOptions');

class SecureContext {
  constructor(options) {
    this[kOptions] = {};
    for (const name of kContextOptions) this[kOptions][name] = options[name];
    this.context = this;
  }
}

function createSecureContext(options = {}) {
  protocolRange(options);
  return new SecureContext(options);
}

// A client's options with those of its `secureContext`, if it has one. (A server makes its
// context from its own options, as Node's does.)
function withSecureContext(options) {
  const context = options.secureContext;
  if (context === undefined || context === null) return options;
  if (!(context instanceof SecureContext)) {
    const err = new TypeError('context must be a SecureContext');
    err.code = 'ERR_TLS_INVALID_CONTEXT';
    throw err;
  }
  return { ...options, ...context[kOptions] };
}

const pemText = (v) => (v === undefined || v === null ? undefined : Array.isArray(v) ? v.map(String) : [String(v)]);
// One PEM text of a `key` or `cert` option given as a string, Buffer or array of them.
const pemJoined = (v) => (v === undefined || v === null ? undefined : Array.isArray(v) ? v.map(String).join('\n') : String(v));

// The error Node gives for a failed handshake or certificate check.
function tlsError(code, message, socket) {
  const err = new Error(message);
  err.code = code;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    err.reason = message;
    err.host = socket.servername;
  }
  return err;
}

function TLSSocket(socket, options = {}) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, options);
  if (!options.isServer) options = withSecureContext(options);
  net.Socket.call(this, { allowHalfOpen: options.allowHalfOpen });
  // The transport: a net socket, or any Duplex (TLS over a JS stream), or a socket to come.
  const isStream = socket !== null && typeof socket === 'object' && typeof socket.on === 'function' &&
    typeof socket.write === 'function';
  const raw = isStream ? socket : new net.Socket();
  this._raw = raw;
  if (isStream && !(socket instanceof net.Socket)) {
    const { StreamWrap } = require('internal/js_stream_socket');
    this._handle = new StreamWrap(socket);
  }
  this.encrypted = true;
  this.authorized = false;
  this.authorizationError = null;
  this.alpnProtocol = false;
  this._secureEstablished = false;
  this._closeEmitted = false;
  this._sessionReceived = false;
  this._rejectUnauthorized = options.isServer ? false : (options.rejectUnauthorized ?? defaultRejectUnauthorized());
  this._isServer = Boolean(options.isServer);
  this.servername = options.isServer ? null : options.servername;
  if (options.isServer) {
    this._tlsId = binding.server(options.context);
  } else {
    this._tlsId = binding.client({
      servername: options.servername || 'localhost',
      ca: pemText(options.ca),
      rejectUnauthorized: this._rejectUnauthorized,
      alpn: options.ALPNProtocols ? options.ALPNProtocols.map(String) : [],
      key: pemJoined(options.key),
      cert: pemJoined(options.cert),
      // Sessions are resumed when asked for, as Node resumes the `session` given (https
      // agents ask): from a cache of the sessions made with the same trust and identity.
      resume: options.session != null || options._resumeSessions === true,
      ...protocolRange(options),
    });
  }
  this.connecting = Boolean(raw.connecting);
  // A client over a JS stream, made directly, says hello only once started (_start, which
  // tls.connect calls), as Node's does; over a net socket it starts at once.
  this._started = this._isServer || raw instanceof net.Socket;
  raw.on('connect', () => {
    this.connecting = false;
    this.emit('connect');
    if (this._started) this._flushTls();
  });
  raw.on('data', (data) => this._onCipher(data));
  raw.on('end', () => {
    if (!this._secureEstablished) {
      // The peer went away mid-handshake: Node's ECONNRESET, before 'close'.
      const err = new Error(this._isServer ? 'socket hang up'
        : 'Client network socket disconnected before secure TLS connection was established');
      err.code = 'ECONNRESET';
      this.destroy(err);
      return;
    }
    if (!this._readableState.ended) {
      this.push(null);
      this.read(0);
    }
  });
  raw.on('error', (err) => this.destroy(err));
  raw.on('close', (hadError) => {
    if (!this.destroyed) this.destroy();
    this._emitClose(hadError);
  });
  raw.on('timeout', () => this.emit('timeout'));
  if (!raw.connecting && this._started) this._flushTls();
}
Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(TLSSocket, net.Socket);

TLSSocket.prototype._start = function() {
  if (this._started) return;
  this._started = true;
  if (!this._raw.connecting) this._flushTls();
};

TLSSocket.prototype._emitClose = function(hadError) {
  if (this._closeEmitted) return;
  this._closeEmitted = true;
  this.emit('close', Boolean(hadError));
};

// Sends what the session has to send (handshake messages, records, alerts).
TLSSocket.prototype._flushTls = function(cb) {
  if (this._tlsId === null) return cb?.();
  const out = binding.outgoing(this._tlsId);
  if (out !== null && !this._raw.destroyed) this._raw.write(out, cb);
  else cb?.();
};

TLSSocket.prototype._onCipher = function(data) {
  if (this._tlsId === null) return;
  const [plain, closed, handshakeDone, code, message, newSession] = binding.feed(this._tlsId, data);
  this._flushTls();
  if (code !== null) {
    this.destroy(tlsError(code, message, this));
    return;
  }
  if (handshakeDone && !this._secureEstablished) this._onSecure();
  if (newSession) {
    this._sessionReceived = true;
    this.emit('session', kSessionToken);
  }
  if (plain !== null) {
    this._bytesRead += plain.length;
    this._touch();
    if (this._consumer !== null) this._consumer(plain);
    else if (!this.push(plain)) this._raw.pause();
  }
  if (closed && !this._readableState.ended) {
    this.push(null);
    this.read(0);
  }
};

TLSSocket.prototype._onSecure = function() {
  this._secureEstablished = true;
  const [, , alpn, errorCode, errorMessage, servername, checksPeer] = binding.info(this._tlsId);
  this.alpnProtocol = alpn ?? false;
  if (servername) this.servername = servername;
  if (errorCode) {
    this.authorizationError = errorCode;
    this._authorizationMessage = errorMessage;
  } else {
    // A server that asked for no client certificate (no requestCert) is never authorized.
    this.authorized = checksPeer;
  }
  this.emit('secure');
  if (!this._isServer) this.emit('secureConnect');
};

TLSSocket.prototype._read = function() {
  if (this._raw.isPaused()) this._raw.resume();
};

TLSSocket.prototype._write = function(data, encoding, cb) {
  if (this._tlsId === null) return cb(new codes.ERR_SOCKET_CLOSED());
  binding.write(this._tlsId, typeof data === 'string' ? Buffer.from(data, encoding) : data);
  // Before the handshake is done rustls keeps the plaintext; the write is taken then.
  if (this._raw.connecting) return cb();
  this._flushTls(() => cb());
};

TLSSocket.prototype._writev = function(chunks, cb) {
  if (this._tlsId === null) return cb(new codes.ERR_SOCKET_CLOSED());
  for (const { chunk, encoding } of chunks) {
    binding.write(this._tlsId, typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
  }
  if (this._raw.connecting) return cb();
  this._flushTls(() => cb());
};

TLSSocket.prototype._final = function(cb) {
  if (this._tlsId !== null) {
    binding.closeNotify(this._tlsId);
    this._flushTls();
  }
  this._raw.end();
  cb();
};

TLSSocket.prototype._destroy = function(err, cb) {
  if (this._timeoutTimer !== null) {
    clearTimeout(this._timeoutTimer);
    this._timeoutTimer = null;
  }
  if (this._tlsId !== null) {
    binding.free(this._tlsId);
    this._tlsId = null;
  }
  if (!this._raw.destroyed) this._raw.destroy();
  else process.nextTick(() => this._emitClose(err));
  cb(err);
};

TLSSocket.prototype._getpeername = function() {
  return this._raw._getpeername();
};
TLSSocket.prototype._getsockname = function() {
  return this._raw._getsockname();
};
TLSSocket.prototype.setNoDelay = function(enable) {
  this._raw.setNoDelay(enable);
  return this;
};
TLSSocket.prototype.setKeepAlive = function(enable, delay) {
  this._raw.setKeepAlive(enable, delay);
  return this;
};
TLSSocket.prototype.ref = function() {
  this._raw.ref();
  return this;
};
TLSSocket.prototype.unref = function() {
  this._raw.unref();
  return this;
};
Object.defineProperty(TLSSocket.prototype, 'pending', {
  __proto__: null,
  configurable: true,
  get() {
    return this._raw.pending;
  },
});

TLSSocket.prototype.getProtocol = function() {
  return this._tlsId === null ? null : binding.info(this._tlsId)[0] ?? null;
};
TLSSocket.prototype.getCipher = function() {
  const info = this._tlsId === null ? [] : binding.info(this._tlsId);
  if (!info[1]) return undefined;
  return { name: info[1], standardName: info[8], version: info[0] };
};
// The peer's certificate with Node's field names ({} when there is none); `detailed`
// links each to its issuer (issuerCertificate), a self-issued one to itself.
TLSSocket.prototype.getPeerCertificate = function(detailed) {
  const chain = this._tlsId === null ? [] : binding.peerCertificate(this._tlsId, Boolean(detailed));
  if (chain.length === 0) return {};
  const { withNamedFields } = require('internal/crypto/x509');
  for (const cert of chain) withNamedFields(cert);
  if (detailed) {
    for (let i = 0; i < chain.length; i++) {
      const cert = chain[i];
      if (i + 1 < chain.length) cert.issuerCertificate = chain[i + 1];
      else if (JSON.stringify(cert.subject) === JSON.stringify(cert.issuer)) cert.issuerCertificate = cert;
    }
  }
  return chain[0];
};
TLSSocket.prototype.isSessionReused = function() {
  return this._tlsId !== null && binding.info(this._tlsId)[7] === true;
};
// The session itself stays in the native cache: what a client gets to pass back as
// `session` only asks for resumption.
const kSessionToken = Buffer.from('unode tls session');
TLSSocket.prototype.getSession = function() {
  return this._sessionReceived ? kSessionToken : undefined;
};
TLSSocket.prototype.setServername = function(name) {
  this.servername = name;
};

// connect(options[, cb]) | connect(port[, host][, options][, cb])
function connect(...args) {
  let options = {};
  let cb;
  if (typeof args[args.length - 1] === 'function') cb = args.pop();
  if (args[0] !== null && typeof args[0] === 'object') {
    options = { ...args[0] };
  } else {
    if (args[0] !== undefined) options.port = args[0];
    if (typeof args[1] === 'string') options.host = args[1];
    if (args[args.length - 1] !== null && typeof args[args.length - 1] === 'object') {
      options = { ...args[args.length - 1], ...options };
    }
  }
  const host = options.host || 'localhost';
  if (options.servername === undefined || options.servername === '') {
    options.servername = options.servername === '' ? host : host.replace(/^\[|\]$/g, '');
  }
  // Bad options throw before a connection is begun (TLSSocket checks them again).
  protocolRange(withSecureContext(options));
  const raw = options.socket || net.connect({ ...options, host });
  const socket = new TLSSocket(raw, options);
  socket._start();
  socket.once('secure', () => {
    if (socket.authorizationError && socket._rejectUnauthorized) {
      socket.destroy(tlsError(socket.authorizationError, socket._authorizationMessage, socket));
    }
  });
  if (cb) socket.once('secureConnect', cb);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket;
}

// A net.Server whose connections are TLS: 'secureConnection' once a handshake is done,
// 'tlsClientError' when one fails.
function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  }
  options = options || {};
  net.Server.call(this, options);
  attachTls(this, options, (socket) => this.emit('secureConnection', socket));
  if (listener) this.on('secureConnection', listener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

// The native context a server's options make.
function serverContext(options) {
  return binding.serverContext({
    key: pemJoined(options.key),
    cert: pemJoined(options.cert),
    alpn: options.ALPNProtocols ? options.ALPNProtocols.map(String) : [],
    requestCert: Boolean(options.requestCert),
    // A server's own order by default, as Node's.
    honorCipherOrder: options.honorCipherOrder === undefined ? true : Boolean(options.honorCipherOrder),
    rejectUnauthorized: options.rejectUnauthorized !== false,
    ca: pemText(options.ca),
    ...protocolRange(options),
  });
}

// Wraps every connection `server` accepts in a server-side TLSSocket; `onSecure` gets
// it once its handshake is done. (https.Server uses this too.)
function attachTls(server, options, onSecure) {
  server._tlsContext = serverContext(options);
  // Contexts replaced by setSecureContext serve the connections made with them until the
  // server closes.
  const contexts = [server._tlsContext];
  server.setSecureContext = function setSecureContext(newOptions) {
    if (newOptions === null || typeof newOptions !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', newOptions);
    }
    server._tlsContext = serverContext({ ...options, ...newOptions });
    contexts.push(server._tlsContext);
  };
  server.on('connection', (raw) => {
    const socket = new TLSSocket(raw, { isServer: true, context: server._tlsContext, allowHalfOpen: server.allowHalfOpen });
    socket.server = server;
    // Until the handshake is done, a failure is the server's 'tlsClientError', not an
    // 'error' nobody could have listened for.
    const onHandshakeError = (err) => server.emit('tlsClientError', err, socket);
    socket.on('error', onHandshakeError);
    socket.once('secure', () => {
      socket.removeListener('error', onHandshakeError);
      onSecure(socket);
    });
    if (options.handshakeTimeout !== 0) {
      const timer = setTimeout(() => {
        if (!socket._secureEstablished) socket.destroy(new codes.ERR_TLS_HANDSHAKE_TIMEOUT());
      }, options.handshakeTimeout ?? 120000).unref();
      socket.once('secure', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    }
  });
  server.once('close', () => {
    for (const context of contexts) binding.freeContext(context);
  });
}

function createServer(options, listener) {
  return new Server(options, listener);
}

module.exports = {
  TLSSocket, Server, SecureContext, connect, createServer, createSecureContext, attachTls, DEFAULT_MIN_VERSION,
  DEFAULT_MAX_VERSION,
};
