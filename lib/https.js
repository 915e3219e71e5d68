'use strict';
// https: HTTP over TLS. The server is an http.Server whose connections are wrapped in
// TLS sockets before the HTTP machinery sees them; the client is http's with an Agent
// that connects through tls.connect.

const http = require('http');
const { Server: HttpServer, connectionListener } = require('internal/http/server');
const { ClientRequest } = require('internal/http/client');
const { attachTls, connect: tlsConnect } = require('internal/tls/wrap');

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  }
  options = { ...options };
  HttpServer.call(this, options, requestListener);
  this.removeListener('connection', connectionListener);
  attachTls(this, options, (socket) => {
    this.emit('secureConnection', socket);
    connectionListener.call(this, socket);
  });
}
Object.setPrototypeOf(Server.prototype, HttpServer.prototype);
Object.setPrototypeOf(Server, HttpServer);

function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  http.Agent.call(this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
}
Object.setPrototypeOf(Agent.prototype, http.Agent.prototype);
Object.setPrototypeOf(Agent, http.Agent);

Agent.prototype.createConnection = function createConnection(options, cb) {
  // An agent resumes TLS sessions unless told to cache none (Node's maxCachedSessions).
  const socket = tlsConnect({ ...options, _resumeSessions: options.maxCachedSessions !== 0 });
  if (cb) {
    socket.once('secureConnect', () => cb(null, socket));
    socket.once('error', (err) => cb(err));
    return undefined;
  }
  return socket;
};

// TLS options are part of what makes two connections interchangeable.
Agent.prototype.getName = function getName(options = {}) {
  let name = http.Agent.prototype.getName.call(this, options);
  for (const key of ['ca', 'cert', 'key', 'servername', 'rejectUnauthorized', 'ALPNProtocols']) {
    name += ':';
    if (options[key] !== undefined) name += String(options[key]).length + String(options[key]).slice(0, 32);
  }
  return name;
};

let globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

function request(...args) {
  const last = args[args.length - 1];
  const hasCallback = typeof last === 'function';
  const cb = hasCallback ? args.pop() : undefined;
  const [input, options] = args;
  if (typeof input === 'string' || input instanceof URL) {
    return new ClientRequest(input, { ...options, _defaultAgent: globalAgent }, cb);
  }
  return new ClientRequest({ ...input, _defaultAgent: globalAgent }, cb);
}

function get(...args) {
  const req = request(...args);
  req.end();
  return req;
}

module.exports = {
  Agent,
  Server,
  createServer,
  // Replaceable, as in Node: later requests use the new default agent.
  get globalAgent() {
    return globalAgent;
  },
  set globalAgent(agent) {
    globalAgent = agent;
  },
  request,
  get,
};
