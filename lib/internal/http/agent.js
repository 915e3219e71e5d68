'use strict';
// http.Agent: pools connections per host:port, queues requests past maxSockets, and
// keeps idle sockets (unref'd) for reuse when keepAlive is on.

const net = require('net');
const EventEmitter = require('events');
const { validateNumber, validateOneOf, validateString } = require('internal/errors');
// NODE_DEBUG=http: the agent's steps, as Node logs them.
const debug = require('util').debuglog('http');

function freeSocketErrorListener() {
  this.destroy();
  this.emit('agentRemove');
}

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  EventEmitter.call(this);
  this.defaultPort = 80;
  this.protocol = 'http:';
  this.options = { __proto__: null, ...options };
  if (this.options.noDelay === undefined) this.options.noDelay = true;
  this.options.path = null;
  this.requests = { __proto__: null };
  this.sockets = { __proto__: null };
  this.freeSockets = { __proto__: null };
  this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
  this.keepAlive = this.options.keepAlive || false;
  this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
  this.maxFreeSockets = this.options.maxFreeSockets || 256;
  this.scheduling = this.options.scheduling || 'lifo';
  validateOneOf(this.scheduling, 'scheduling', ['fifo', 'lifo']);
  this.maxTotalSockets = this.options.maxTotalSockets;
  if (this.maxTotalSockets !== undefined) validateNumber(this.maxTotalSockets, 'maxTotalSockets', 1);
  else this.maxTotalSockets = Infinity;
  this.totalSocketCount = 0;

  this.on('free', (socket, options) => {
    const name = this.getName(options);
    debug('agent.on(free)', name);
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const requests = this.requests[name];
    if (requests && requests.length) {
      const req = requests.shift();
      setRequestSocket(this, req, socket);
      if (requests.length === 0) delete this.requests[name];
      return;
    }
    const req = socket._httpMessage;
    if (!req || !req.shouldKeepAlive || !this.keepAlive) {
      socket.destroy();
      return;
    }
    const freeSockets = this.freeSockets[name] || [];
    let count = freeSockets.length;
    if (this.sockets[name]) count += this.sockets[name].length;
    if (this.totalSocketCount > this.maxTotalSockets || count > this.maxSockets ||
        freeSockets.length >= this.maxFreeSockets || !this.keepSocketAlive(socket)) {
      socket.destroy();
      return;
    }
    this.freeSockets[name] = freeSockets;
    socket._httpMessage = null;
    this.removeSocket(socket, options);
    socket.once('error', freeSocketErrorListener);
    freeSockets.push(socket);
    this.totalSocketCount++;
  });
}
Object.setPrototypeOf(Agent.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Agent, EventEmitter);

Agent.defaultMaxSockets = Infinity;
// What a queued request's socket is made with (see removeSocket).
const kRequestOptions = Symbol('kRequestOptions');
Agent.prototype.createConnection = net.createConnection;

Agent.prototype.getName = function(options = {}) {
  let name = options.host || 'localhost';
  name += ':';
  if (options.port) name += options.port;
  name += ':';
  if (options.localAddress) name += options.localAddress;
  if (options.family === 4 || options.family === 6) name += `:${options.family}`;
  if (options.socketPath) name += `:${options.socketPath}`;
  return name;
};

Agent.prototype.addRequest = function(req, options, port, localAddress) {
  if (typeof options === 'string') options = { __proto__: null, host: options, port, localAddress };
  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;
  normalizeServerName(options, req);
  const name = this.getName(options);
  this.sockets[name] ||= [];
  const freeSockets = this.freeSockets[name];
  let socket;
  if (freeSockets) {
    while (freeSockets.length && freeSockets[0].destroyed) freeSockets.shift();
    socket = this.scheduling === 'fifo' ? freeSockets.shift() : freeSockets.pop();
    if (!freeSockets.length) delete this.freeSockets[name];
  }
  const freeLen = freeSockets ? freeSockets.length : 0;
  const sockLen = freeLen + this.sockets[name].length;
  if (socket) {
    this.reuseSocket(socket, req);
    setRequestSocket(this, req, socket);
    this.sockets[name].push(socket);
  } else if (sockLen < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
    this.createSocket(req, options, (err, s) => {
      if (err) req.onSocket(s, err);
      else setRequestSocket(this, req, s);
    });
  } else {
    this.requests[name] ||= [];
    this.requests[name].push(req);
    // What the request's socket is made with when another origin's socket frees room.
    req[kRequestOptions] = options;
  }
};

function normalizeServerName(options, req) {
  if (!options.servername && options.servername !== '') options.servername = calculateServerName(options, req);
}

function calculateServerName(options, req) {
  let servername = options.host;
  const hostHeader = req.getHeader('host');
  if (hostHeader) {
    validateString(hostHeader, 'options.headers.host');
    servername = hostHeader.startsWith('[') ? hostHeader.slice(1, hostHeader.indexOf(']')) : hostHeader.split(':', 1)[0];
  }
  if (net.isIP(servername)) servername = '';
  return servername;
}

Agent.prototype.createSocket = function(req, options, cb) {
  options = { __proto__: null, ...options, ...this.options };
  // A keep-alive agent's sockets probe idle peers from keepAliveMsecs on, as in Node.
  if (options.keepAlive && options.keepAliveInitialDelay === undefined) {
    options.keepAliveInitialDelay = this.keepAliveMsecs;
  }
  if (options.socketPath) options.path = options.socketPath;
  normalizeServerName(options, req);
  const name = this.getName(options);
  options._agentKey = name;
  options.encoding = null;
  const oncreate = (err, s) => {
    if (called) return;
    called = true;
    if (err) return cb(err);
    this.sockets[name] ||= [];
    this.sockets[name].push(s);
    this.totalSocketCount++;
    installListeners(this, s, options);
    cb(null, s);
  };
  let called = false;
  debug('createConnection', name, options);
  const newSocket = this.createConnection(options, oncreate);
  if (newSocket) oncreate(null, newSocket);
};

function installListeners(agent, s, options) {
  function onFree() {
    agent.emit('free', s, options);
  }
  s.on('free', onFree);
  function onClose() {
    agent.removeSocket(s, options);
  }
  s.on('close', onClose);
  function onTimeout() {
    const sockets = agent.freeSockets;
    if (Object.keys(sockets).some((name) => sockets[name].includes(s))) s.destroy();
  }
  s.on('timeout', onTimeout);
  function onRemove() {
    agent.removeSocket(s, options);
    s.removeListener('close', onClose);
    s.removeListener('free', onFree);
    s.removeListener('timeout', onTimeout);
    s.removeListener('agentRemove', onRemove);
  }
  s.on('agentRemove', onRemove);
}

// A socket leaves the agent's sets (closed, removed, or going to the free pool); a request
// waiting for this origin, or else for an origin with no socket in use, gets a new one.
// totalSocketCount counts the sockets in use and the free ones, as Node's does (a socket
// moving to the free pool leaves one set for the other and stays counted).
Agent.prototype.removeSocket = function(s, options) {
  const name = this.getName(options);
  debug('removeSocket', name, 'writable:', s.writable);
  for (const sets of [this.sockets, this.freeSockets]) {
    const list = sets[name];
    if (!list) continue;
    const i = list.indexOf(s);
    if (i !== -1) {
      list.splice(i, 1);
      if (list.length === 0) delete sets[name];
      this.totalSocketCount--;
    }
  }
  let req;
  const requests = this.requests[name];
  if (requests && requests.length) {
    if (!this.sockets[name] || this.sockets[name].length < this.maxSockets) req = requests[0];
  } else {
    // Not FIFO across origins (nor is Node's): the first origin waiting, if it has no
    // socket in use.
    const waiting = Object.keys(this.requests)[0];
    if (waiting !== undefined && !this.sockets[waiting]?.length) {
      req = this.requests[waiting][0];
      options = req[kRequestOptions];
    }
  }
  if (req !== undefined && this.totalSocketCount < this.maxTotalSockets) {
    // The request stays queued: the new socket's 'free' takes it from there.
    this.createSocket(req, options, (err, socket) => {
      if (err) req.onSocket(socket, err);
      else socket.emit('free');
    });
  }
};

Agent.prototype.keepSocketAlive = function(socket) {
  socket.setKeepAlive(true, this.keepAliveMsecs);
  socket.unref();
  let agentTimeout = this.options.timeout || 0;
  const hint = socket._httpMessage?.res?.headers['keep-alive'];
  if (hint) {
    const m = /^timeout=(\d+)/.exec(hint);
    if (m && +m[1] * 1000 < agentTimeout) agentTimeout = +m[1] * 1000;
  }
  if (socket.timeout !== agentTimeout) socket.setTimeout(agentTimeout);
  return true;
};

Agent.prototype.reuseSocket = function(socket, req) {
  socket.removeListener('error', freeSocketErrorListener);
  req.reusedSocket = true;
  socket.ref();
};

Agent.prototype.destroy = function() {
  for (const sets of [this.freeSockets, this.sockets]) {
    for (const name of Object.keys(sets)) for (const s of sets[name]) s.destroy();
  }
};

function setRequestSocket(agent, req, socket) {
  req.onSocket(socket);
  const agentTimeout = agent.options.timeout || 0;
  if (req.timeout === undefined || req.timeout === agentTimeout) return;
  socket.setTimeout(req.timeout);
}

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

module.exports = { Agent, globalAgent };
