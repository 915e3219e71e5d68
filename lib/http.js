'use strict';
// http: the HTTP/1.1 server and client (lib/internal/http/*), parsing in Rust.

const { Server, ServerResponse } = require('internal/http/server');
const { ClientRequest } = require('internal/http/client');
const agents = require('internal/http/agent');
const { Agent } = agents;
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage } = require('internal/http/outgoing');
const { METHODS, STATUS_CODES, validateHeaderName, validateHeaderValue, parsers, parserDefaults } = require('internal/http/common');
const { validateInteger } = require('internal/errors');

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

module.exports = {
  METHODS: METHODS.slice().sort(),
  STATUS_CODES,
  Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  setMaxIdleHTTPParsers(max) {
    validateInteger(max, 'max', 1);
    parsers.max = max;
  },
  // The default limit (--max-http-header-size), read-only as in Node.
  get maxHeaderSize() {
    return parserDefaults().maxHeaderSize;
  },
  get globalAgent() {
    return agents.globalAgent;
  },
  set globalAgent(agent) {
    agents.globalAgent = agent;
  },
};
