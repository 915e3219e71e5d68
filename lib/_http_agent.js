'use strict';
// _http_agent: Node's older name for the HTTP client's connection pool (see http.Agent).

const { Agent, globalAgent } = require('internal/http/agent');

module.exports = { Agent, globalAgent };
