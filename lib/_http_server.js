'use strict';
// _http_server: Node's older name for the HTTP server (see http.Server).

const { Server, ServerResponse, connectionListener, kConnectionsCheckingInterval } = require('internal/http/server');
const { STATUS_CODES } = require('internal/http/common');

module.exports = { STATUS_CODES, Server, ServerResponse, _connectionListener: connectionListener, kConnectionsCheckingInterval };
