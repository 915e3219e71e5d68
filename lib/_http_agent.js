'use strict';
// _http_agent: Node's older name for the HTTP client's connection pool (see http.Agent).

// The same module object as http's, so that a replaced http.globalAgent shows here too.
module.exports = require('internal/http/agent');
