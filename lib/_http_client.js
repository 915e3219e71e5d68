'use strict';
// _http_client: Node's older name for the HTTP client request (see http.ClientRequest).

const { ClientRequest } = require('internal/http/client');

module.exports = { ClientRequest };
