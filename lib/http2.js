'use strict';

// Node's http2 module, in part: its constants and its SETTINGS payload helpers (RFC 9113
// §6.5.1) are here; HTTP/2 sessions are not yet, and starting one (createServer,
// createSecureServer, connect, performServerHandshake) throws ERR_FEATURE_UNAVAILABLE_ON_PLATFORM.
// Packages that load http2 and speak HTTP/1.1 unless asked (axios, fastify) run unchanged.

const { Buffer } = require('buffer');
const { Readable, Stream } = require('stream');
const { codes, validateObject } = require('internal/errors');
const { ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH, ERR_HTTP2_INVALID_SETTING_VALUE, ERR_INVALID_ARG_TYPE } = codes;

const constants = {
  NGHTTP2_ERR_FRAME_SIZE_ERROR: -522,
  NGHTTP2_SESSION_SERVER: 0,
  NGHTTP2_SESSION_CLIENT: 1,
  NGHTTP2_STREAM_STATE_IDLE: 1,
  NGHTTP2_STREAM_STATE_OPEN: 2,
  NGHTTP2_STREAM_STATE_RESERVED_LOCAL: 3,
  NGHTTP2_STREAM_STATE_RESERVED_REMOTE: 4,
  NGHTTP2_STREAM_STATE_HALF_CLOSED_LOCAL: 5,
  NGHTTP2_STREAM_STATE_HALF_CLOSED_REMOTE: 6,
  NGHTTP2_STREAM_STATE_CLOSED: 7,
  NGHTTP2_FLAG_NONE: 0,
  NGHTTP2_FLAG_END_STREAM: 1,
  NGHTTP2_FLAG_END_HEADERS: 4,
  NGHTTP2_FLAG_ACK: 1,
  NGHTTP2_FLAG_PADDED: 8,
  NGHTTP2_FLAG_PRIORITY: 32,
  DEFAULT_SETTINGS_HEADER_TABLE_SIZE: 4096,
  DEFAULT_SETTINGS_ENABLE_PUSH: 1,
  DEFAULT_SETTINGS_MAX_CONCURRENT_STREAMS: 4294967295,
  DEFAULT_SETTINGS_INITIAL_WINDOW_SIZE: 65535,
  DEFAULT_SETTINGS_MAX_FRAME_SIZE: 16384,
  DEFAULT_SETTINGS_MAX_HEADER_LIST_SIZE: 65535,
  DEFAULT_SETTINGS_ENABLE_CONNECT_PROTOCOL: 0,
  MAX_MAX_FRAME_SIZE: 16777215,
  MIN_MAX_FRAME_SIZE: 16384,
  MAX_INITIAL_WINDOW_SIZE: 2147483647,
  NGHTTP2_SETTINGS_HEADER_TABLE_SIZE: 1,
  NGHTTP2_SETTINGS_ENABLE_PUSH: 2,
  NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS: 3,
  NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE: 4,
  NGHTTP2_SETTINGS_MAX_FRAME_SIZE: 5,
  NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE: 6,
  NGHTTP2_SETTINGS_ENABLE_CONNECT_PROTOCOL: 8,
  PADDING_STRATEGY_NONE: 0,
  PADDING_STRATEGY_ALIGNED: 1,
  PADDING_STRATEGY_MAX: 2,
  PADDING_STRATEGY_CALLBACK: 1,
  NGHTTP2_NO_ERROR: 0,
  NGHTTP2_PROTOCOL_ERROR: 1,
  NGHTTP2_INTERNAL_ERROR: 2,
  NGHTTP2_FLOW_CONTROL_ERROR: 3,
  NGHTTP2_SETTINGS_TIMEOUT: 4,
  NGHTTP2_STREAM_CLOSED: 5,
  NGHTTP2_FRAME_SIZE_ERROR: 6,
  NGHTTP2_REFUSED_STREAM: 7,
  NGHTTP2_CANCEL: 8,
  NGHTTP2_COMPRESSION_ERROR: 9,
  NGHTTP2_CONNECT_ERROR: 10,
  NGHTTP2_ENHANCE_YOUR_CALM: 11,
  NGHTTP2_INADEQUATE_SECURITY: 12,
  NGHTTP2_HTTP_1_1_REQUIRED: 13,
  NGHTTP2_DEFAULT_WEIGHT: 16,
};

// HTTP2_HEADER_<NAME> is the field name (pseudo-headers keep their colon), HTTP2_METHOD_<NAME>
// the method; Node's lists, in Node's order.
const kHeaderNames = (':status :method :authority :scheme :path :protocol accept-encoding ' +
  'accept-language accept-ranges accept access-control-allow-credentials ' +
  'access-control-allow-headers access-control-allow-methods access-control-allow-origin ' +
  'access-control-expose-headers access-control-request-headers access-control-request-method ' +
  'age authorization cache-control connection content-disposition content-encoding ' +
  'content-length content-type cookie date etag forwarded host if-modified-since if-none-match ' +
  'if-range last-modified link location range referer server set-cookie ' +
  'strict-transport-security transfer-encoding te upgrade-insecure-requests upgrade user-agent ' +
  'vary x-content-type-options x-frame-options keep-alive proxy-connection x-xss-protection ' +
  'alt-svc content-security-policy early-data expect-ct origin purpose timing-allow-origin ' +
  'x-forwarded-for priority accept-charset access-control-max-age allow content-language ' +
  'content-location content-md5 content-range dnt expect expires from if-match ' +
  'if-unmodified-since max-forwards prefer proxy-authenticate proxy-authorization refresh ' +
  'retry-after trailer tk via warning www-authenticate http2-settings').split(' ');
const kMethods = ('ACL BASELINE-CONTROL BIND CHECKIN CHECKOUT CONNECT COPY DELETE GET HEAD LABEL ' +
  'LINK LOCK MERGE MKACTIVITY MKCALENDAR MKCOL MKREDIRECTREF MKWORKSPACE MOVE OPTIONS ' +
  'ORDERPATCH PATCH POST PRI PROPFIND PROPPATCH PUT REBIND REPORT SEARCH TRACE UNBIND ' +
  'UNCHECKOUT UNLINK UNLOCK UPDATE UPDATEREDIRECTREF VERSION-CONTROL').split(' ');
const kStatuses = ('CONTINUE=100 SWITCHING_PROTOCOLS=101 PROCESSING=102 EARLY_HINTS=103 OK=200 ' +
  'CREATED=201 ACCEPTED=202 NON_AUTHORITATIVE_INFORMATION=203 NO_CONTENT=204 RESET_CONTENT=205 ' +
  'PARTIAL_CONTENT=206 MULTI_STATUS=207 ALREADY_REPORTED=208 IM_USED=226 MULTIPLE_CHOICES=300 ' +
  'MOVED_PERMANENTLY=301 FOUND=302 SEE_OTHER=303 NOT_MODIFIED=304 USE_PROXY=305 ' +
  'TEMPORARY_REDIRECT=307 PERMANENT_REDIRECT=308 BAD_REQUEST=400 UNAUTHORIZED=401 ' +
  'PAYMENT_REQUIRED=402 FORBIDDEN=403 NOT_FOUND=404 METHOD_NOT_ALLOWED=405 NOT_ACCEPTABLE=406 ' +
  'PROXY_AUTHENTICATION_REQUIRED=407 REQUEST_TIMEOUT=408 CONFLICT=409 GONE=410 ' +
  'LENGTH_REQUIRED=411 PRECONDITION_FAILED=412 PAYLOAD_TOO_LARGE=413 URI_TOO_LONG=414 ' +
  'UNSUPPORTED_MEDIA_TYPE=415 RANGE_NOT_SATISFIABLE=416 EXPECTATION_FAILED=417 TEAPOT=418 ' +
  'MISDIRECTED_REQUEST=421 UNPROCESSABLE_ENTITY=422 LOCKED=423 FAILED_DEPENDENCY=424 ' +
  'TOO_EARLY=425 UPGRADE_REQUIRED=426 PRECONDITION_REQUIRED=428 TOO_MANY_REQUESTS=429 ' +
  'REQUEST_HEADER_FIELDS_TOO_LARGE=431 UNAVAILABLE_FOR_LEGAL_REASONS=451 ' +
  'INTERNAL_SERVER_ERROR=500 NOT_IMPLEMENTED=501 BAD_GATEWAY=502 SERVICE_UNAVAILABLE=503 ' +
  'GATEWAY_TIMEOUT=504 HTTP_VERSION_NOT_SUPPORTED=505 VARIANT_ALSO_NEGOTIATES=506 ' +
  'INSUFFICIENT_STORAGE=507 LOOP_DETECTED=508 BANDWIDTH_LIMIT_EXCEEDED=509 NOT_EXTENDED=510 ' +
  'NETWORK_AUTHENTICATION_REQUIRED=511').split(' ');
for (const name of kHeaderNames) {
  constants[`HTTP2_HEADER_${name.replace(/^:/, '').replace(/-/g, '_').toUpperCase()}`] = name;
}
for (const method of kMethods) constants[`HTTP2_METHOD_${method.replace(/-/g, '_')}`] = method;
for (const entry of kStatuses) {
  const [name, code] = entry.split('=');
  constants[`HTTP_STATUS_${name}`] = +code;
}

// The SETTINGS a peer assumes until told otherwise, by identifier, with the range each may
// take (a boolean one is 0 or 1).
const kSettings = [
  { id: 1, name: 'headerTableSize', min: 0, max: 2 ** 32 - 1 },
  { id: 2, name: 'enablePush', boolean: true },
  { id: 3, name: 'maxConcurrentStreams', min: 0, max: 2 ** 32 - 1 },
  { id: 4, name: 'initialWindowSize', min: 0, max: 2 ** 31 - 1 },
  { id: 5, name: 'maxFrameSize', min: 16384, max: 2 ** 24 - 1 },
  { id: 6, name: 'maxHeaderListSize', min: 0, max: 2 ** 32 - 1 },
  { id: 8, name: 'enableConnectProtocol', boolean: true },
];

function getDefaultSettings() {
  return {
    __proto__: null,
    headerTableSize: 4096,
    enablePush: true,
    initialWindowSize: 65535,
    maxFrameSize: 16384,
    maxConcurrentStreams: 4294967295,
    maxHeaderSize: 65535,
    maxHeaderListSize: 65535,
    enableConnectProtocol: false,
  };
}

function checkSetting(setting, value) {
  if (setting.boolean) {
    if (typeof value !== 'boolean') throw new ERR_HTTP2_INVALID_SETTING_VALUE.TypeError(setting.name, value);
  } else if (typeof value !== 'number' || value < setting.min || value > setting.max) {
    throw new ERR_HTTP2_INVALID_SETTING_VALUE(setting.name, value, setting.min, setting.max);
  }
}

// The payload of a SETTINGS frame: six bytes a setting (identifier, value), in identifier
// order, for those given; `maxHeaderSize` is another name for maxHeaderListSize.
function getPackedSettings(settings = {}) {
  validateObject(settings, 'settings');
  const values = new Map();
  for (const setting of kSettings) {
    let value = settings[setting.name];
    if (setting.name === 'maxHeaderListSize' && settings.maxHeaderSize !== undefined) value = settings.maxHeaderSize;
    if (value === undefined) continue;
    checkSetting(setting, value);
    values.set(setting.id, setting.boolean ? +value : value);
  }
  const custom = settings.customSettings;
  if (custom !== undefined && custom !== null) {
    for (const key of Object.keys(custom)) values.set(+key, custom[key]);
  }
  const out = Buffer.alloc(values.size * 6);
  let at = 0;
  for (const [id, value] of [...values].sort((a, b) => a[0] - b[0])) {
    out.writeUInt16BE(id, at);
    out.writeUInt32BE(value >>> 0, at + 2);
    at += 6;
  }
  return out;
}

function getUnpackedSettings(buf, options = {}) {
  if (!ArrayBuffer.isView(buf)) throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray'], buf);
  if (buf.byteLength % 6 !== 0) throw new ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH();
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const settings = {};
  for (let at = 0; at < buf.byteLength; at += 6) {
    const id = view.getUint16(at);
    const value = view.getUint32(at + 2);
    const setting = kSettings.find((s) => s.id === id);
    if (setting === undefined) {
      settings.customSettings ??= {};
      settings.customSettings[id] = value;
    } else if (setting.boolean) {
      settings[setting.name] = value !== 0;
    } else {
      if (setting.name === 'maxHeaderListSize') settings.maxHeaderSize = value;
      settings[setting.name] = value;
    }
  }
  if (options !== null && typeof options === 'object' && options.validate) {
    for (const setting of kSettings) {
      const value = settings[setting.name];
      if (value === undefined) continue;
      if (setting.boolean ? typeof value !== 'boolean' : value < setting.min || value > setting.max) {
        throw new ERR_HTTP2_INVALID_SETTING_VALUE(setting.name, value, setting.min, setting.max);
      }
    }
  }
  return settings;
}

function unavailable(name) {
  return function() {
    throw new codes.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM(`http2.${name}`);
  };
}

// The compatibility API's classes, for instanceof and subclassing; only a session makes them.
class Http2ServerRequest extends Readable {
  constructor() {
    super();
    unavailable('Http2ServerRequest')();
  }
}

class Http2ServerResponse extends Stream {
  constructor() {
    super();
    unavailable('Http2ServerResponse')();
  }
}

module.exports = {
  connect: unavailable('connect'),
  constants,
  createServer: unavailable('createServer'),
  createSecureServer: unavailable('createSecureServer'),
  getDefaultSettings,
  getPackedSettings,
  getUnpackedSettings,
  performServerHandshake: unavailable('performServerHandshake'),
  sensitiveHeaders: Symbol('sensitiveHeaders'),
  Http2ServerRequest,
  Http2ServerResponse,
};
