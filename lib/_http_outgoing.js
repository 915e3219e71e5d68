'use strict';
// _http_outgoing: Node's older name for the outgoing message (see http.OutgoingMessage).

const { OutgoingMessage, kUniqueHeaders } = require('internal/http/outgoing');
const { validateHeaderName, validateHeaderValue } = require('internal/http/common');

module.exports = { kUniqueHeaders, validateHeaderName, validateHeaderValue, OutgoingMessage };
