'use strict';
// What the HTTP server and client share: the parser over internalBinding('http_parser'),
// header-token checks, status texts and method names.
// Module-level bindings, and the locals of what runs per request, are var (see
// internal/http/server.js).

var { Buffer } = require('buffer');
var binding = internalBinding('http_parser');
var {
  codes: { ERR_INVALID_HTTP_TOKEN, ERR_HTTP_INVALID_HEADER_VALUE, ERR_INVALID_CHAR },
} = require('internal/errors');

var EV_ERROR = 0;
var EV_HEAD = 1;
var EV_BODY = 2;
var EV_END = 3;
var EV_UPGRADE = 4;

// What the server looks for in Expect and TE fields.
var continueExpression = /(?:^|\W)100-continue(?:$|\W)/i;
var chunkExpression = /(?:^|\W)chunked(?:$|\W)/i;

var kTokenRe = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
var kInvalidHeaderCharRe = /[^\t\x20-\x7e\x80-\xff]/;

// Header names and short values that passed are remembered: responses repeat the same
// few, and a Set lookup costs QuickJS a fraction of a regular expression. Bounded, so
// varying values (dates, lengths) cannot grow it without limit.
var kCheckedTokens = new Set();
var kCheckedValues = new Set();
var kCheckedMax = 512;

function checkIsHttpToken(val) {
  if (kCheckedTokens.has(val)) return true;
  const ok = kTokenRe.test(val);
  if (ok && kCheckedTokens.size < kCheckedMax) kCheckedTokens.add(val);
  return ok;
}

function checkInvalidHeaderChar(val) {
  if (kCheckedValues.has(val)) return false;
  const bad = kInvalidHeaderCharRe.test(val);
  if (!bad && val.length <= 64 && kCheckedValues.size < kCheckedMax) kCheckedValues.add(val);
  return bad;
}

// (`label` has no default value: with one, QuickJS checks every parameter read, and this
// runs for every field set.)
function validateHeaderName(name, label) {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new ERR_INVALID_HTTP_TOKEN(label === undefined ? 'Header name' : label, name);
  }
}

function validateHeaderValue(name, value) {
  if (value === undefined) throw new ERR_HTTP_INVALID_HEADER_VALUE(value, name);
  if (checkInvalidHeaderChar(String(value))) throw new ERR_INVALID_CHAR('header content', name);
}

// Whether emitting `type` on `emitter` can reach anyone: a listener for it, or an emit()
// replaced by someone watching all events. A message emits a few events nobody usually
// listens for on every request, and an emit() call with its argument array costs QuickJS
// several times this check.
var kEmit = require('events').prototype.emit;
function isListened(emitter, type) {
  var events = emitter._events;
  return (events !== undefined && events[type] !== undefined) || emitter.emit !== kEmit;
}

// Whether any event of `emitter`'s may reach someone: false for one that never had a
// listener and emits as EventEmitter does (one check for several events).
function mayBeHeard(emitter) {
  return emitter._events !== undefined || emitter.emit !== kEmit;
}

// `connection`, the name older code reads a message's socket by (both message classes).
var connectionAccessor = {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    return this.socket;
  },
  set(v) {
    this.socket = v;
  },
};

var defaultsOfParsers;
function parserDefaults() {
  if (defaultsOfParsers === undefined) {
    const { getOptionValue } = require('internal/options');
    defaultsOfParsers = {
      maxHeaderSize: getOptionValue('--max-http-header-size'),
      lenient: getOptionValue('--insecure-http-parser'),
    };
  }
  return defaultsOfParsers;
}

// A parser for one connection. `execute` returns the rows the bytes completed:
// see crates/runtime/src/bindings/http_parser.rs.
class HTTPParser {
  // `lenient`: Node's insecureHTTPParser (see `lenient` in crates/http/src/lib.rs).
  // Unset, either follows its command-line option (--max-http-header-size,
  // --insecure-http-parser).
  constructor(response, maxHeaderSize, lenient) {
    var defaults = parserDefaults();
    this.id = binding.create(response, maxHeaderSize || defaults.maxHeaderSize, lenient === undefined ? defaults.lenient : !!lenient);
  }

  execute(data) {
    return binding.execute(this.id, data);
  }

  finish() {
    return binding.finish(this.id);
  }

  expectResponseTo(method) {
    binding.expectResponseTo(this.id, method === 'HEAD', method === 'CONNECT');
  }

  inMessage() {
    return binding.inMessage(this.id);
  }

  // Releases the native parser, as Node's close() does.
  close() {
    if (this.id >= 0) binding.free(this.id);
    this.id = -1;
  }

  // What a connection calls when it is done with its parser (Node's pools it here).
  free() {
    this.close();
  }
}

// The error Node's server and client report for bytes the parser rejects.
function parseError(row, data) {
  const [, code, reason, consumed] = row;
  const err = new Error(`Parse Error: ${reason}`);
  err.code = code;
  err.reason = reason;
  err.bytesParsed = consumed;
  // The bytes being parsed: the caller's, or those the loop's read made (its error rows).
  const raw = data !== undefined ? data : row[4];
  err.rawPacket = raw === undefined ? undefined : Buffer.from(raw);
  return err;
}

var STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
  205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large',
  414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed',
  418: 'I\'m a Teapot', 421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked',
  424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required',
  429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended',
  511: 'Network Authentication Required',
};

// Node's pool of idle parsers, of which only the limit is kept: a parser here is a slot
// in a native table, made per connection, with nothing worth pooling.
var parsers = { name: 'parsers', max: 1000 };

// Ends a connection once what was written is out: net's destroySoon, or end() for a
// connection that is another Duplex (one a 'connection' event or createConnection gave).
function destroySoon(socket) {
  if (typeof socket.destroySoon === 'function') socket.destroySoon();
  else socket.end();
}

var METHODS = [
  'ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH', 'MERGE',
  'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH',
  'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK',
  'UNLOCK', 'UNSUBSCRIBE',
];

module.exports = {
  parserDefaults,
  storeHead: binding.storeHead,
  finishHead: binding.finishHead,
  HEAD_SEND_NOW: binding.HEAD_SEND_NOW,
  HEAD_TRAILER_INVALID: binding.HEAD_TRAILER_INVALID,
  // HTTPParser's execute by parser id, without the method call (once per server read).
  executeParser: binding.execute,
  framingOf: binding.framingOf,
  framing: binding.framing,
  EV_ERROR,
  EV_HEAD,
  EV_BODY,
  EV_END,
  EV_UPGRADE,
  HTTPParser,
  isListened,
  mayBeHeard,
  destroySoon,
  parsers,
  connectionAccessor,
  parseError,
  checkIsHttpToken,
  checkInvalidHeaderChar,
  continueExpression,
  chunkExpression,
  validateHeaderName,
  validateHeaderValue,
  STATUS_CODES,
  METHODS,
};
