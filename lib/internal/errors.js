'use strict';

// Node-compatible error machinery: `code`-carrying errors (`codes.ERR_*`),
// system errors built from errno values, AbortError and the argument
// validators that most of lib/ uses.
//
// Errors made here look like Node's: `name` is the plain base name
// ('TypeError'), `code` is an own enumerable property, and both `toString()`
// and the first line of `stack` read `TypeError [ERR_X]: message`.

// util requires this module at load time, so it is fetched lazily.
let util;
function lazyUtil() {
  if (util === undefined) util = require('util');
  return util;
}

const kFramePrefix = '    at ';

// Puts `header` in front of the stack frames of `err`, replacing whatever
// header the engine produced: V8 (and QuickJS with a V8-style
// Error.prepareStackTrace) starts stacks with "Name: message", bare QuickJS
// records the frames only. The result is stored as a non-enumerable own data
// property, since QuickJS's `stack` setter would make it enumerable.
function setStackHeader(err, header) {
  const frames = stackFrames(err.stack);
  Object.defineProperty(err, 'stack', {
    value: frames === '' ? header : `${header}\n${frames}`,
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

// The "    at ..." lines of a stack string, without any header.
function stackFrames(stack) {
  if (typeof stack !== 'string') return '';
  if (stack.startsWith(kFramePrefix)) return stack.replace(/\n+$/, '');
  const start = stack.indexOf(`\n${kFramePrefix}`);
  return start === -1 ? '' : stack.slice(start + 1).replace(/\n+$/, '');
}

function defineHidden(obj, key, value) {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: false, configurable: true });
}

// Describes a received value the way Node's argument errors do, e.g.
// "type number (1)", "an instance of Map", "function foo".
function describeReceived(value) {
  if (value === null || value === undefined) return String(value);
  switch (typeof value) {
    case 'function':
      return `function ${value.name}`;
    case 'object': {
      const ctor = value.constructor;
      if (ctor && 'name' in ctor) return `an instance of ${ctor.name}`;
      return lazyUtil().inspect(value, { depth: -1 });
    }
    case 'string': {
      const shown = value.length > 28 ? `${value.slice(0, 25)}...` : value;
      // Shown raw in single quotes; JSON quoting when that would be ambiguous.
      return `type string (${shown.includes("'") ? JSON.stringify(shown) : `'${shown}'`})`;
    }
    case 'number':
      return `type number (${Object.is(value, -0) ? '-0' : value})`;
    case 'bigint':
      return `type bigint (${value}n)`;
    default: // boolean, symbol
      return `type ${typeof value} (${String(value)})`;
  }
}

// "a, b, or c" / "a or b" / "a" (with 'and' likewise)
function joinList(items, conjunction = 'or') {
  if (items.length > 2) return `${items.slice(0, -1).join(', ')}, ${conjunction} ${items[items.length - 1]}`;
  return items.join(` ${conjunction} `);
}

// Lower-case primitive type names accepted by ERR_INVALID_ARG_TYPE; 'Function'
// and 'Object' are folded into them.
const kPrimitiveTypeNames = new Set([
  'string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol',
]);
const kClassName = /^([A-Z][a-z0-9]*)+$/;

function invalidArgTypeMessage(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) msg += `${name} `;
  else msg += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
  msg += 'must be ';

  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kPrimitiveTypeNames.has(value)) types.push(value.toLowerCase());
    else if (kClassName.test(value)) instances.push(value);
    else other.push(value);
  }
  // With class names present, a plain 'object' reads better as "an instance of Object".
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }

  const parts = [];
  if (types.length > 0) parts.push(`${types.length > 1 ? 'one of type' : 'of type'} ${joinList(types)}`);
  if (instances.length > 0) parts.push(`an instance of ${joinList(instances)}`);
  if (other.length > 0) {
    if (other.length > 1) parts.push(`one of ${joinList(other)}`);
    else parts.push(`${other[0].toLowerCase() !== other[0] ? 'an ' : ''}${other[0]}`);
  }
  return `${msg}${parts.join(' or ')}. Received ${describeReceived(actual)}`;
}

function basename(p) {
  return p.slice(p.lastIndexOf('/') + 1);
}

function importedFrom(base) {
  return base ? ` imported from ${base}` : '';
}

// Message builders. A string is a util.format template filled from the
// constructor arguments; a function is called with the new error as `this`
// (some attach extra properties) and returns the message.
const kMessages = {
  ERR_AMBIGUOUS_ARGUMENT: [TypeError, 'The "%s" argument is ambiguous. %s'],
  ERR_ARG_NOT_ITERABLE: [TypeError, '%s must be iterable'],
  ERR_ASSERTION: [Error, '%s'],
  ERR_ASYNC_CALLBACK: [TypeError, '%s must be a function'],
  ERR_ASYNC_TYPE: [TypeError, 'Invalid name for async "type": %s'],
  ERR_BUFFER_OUT_OF_BOUNDS: [RangeError, (name) => (name ?
    `"${name}" is outside of buffer bounds` :
    'Attempt to access memory outside buffer bounds')],
  ERR_BUFFER_TOO_LARGE: [RangeError, 'Cannot create a Buffer larger than %s bytes'],
  ERR_CHILD_CLOSED_BEFORE_REPLY: [Error, 'Child closed before reply received'],
  ERR_CHILD_PROCESS_IPC_REQUIRED: [Error,
    "Forked processes must have an IPC channel, missing value 'ipc' in %s"],
  ERR_CHILD_PROCESS_STDIO_MAXBUFFER: [RangeError, '%s maxBuffer length exceeded'],
  ERR_CONSOLE_WRITABLE_STREAM: [TypeError, 'Console expects a writable stream instance for %s'],
  ERR_DIR_CLOSED: [Error, 'Directory handle was closed'],
  ERR_DNS_SET_SERVERS_FAILED: [Error, 'c-ares failed to set servers: "%s" [%s]'],
  ERR_DIR_CONCURRENT_OPERATION: [Error,
    'Cannot do synchronous work on directory handle with concurrent asynchronous operations'],
  ERR_ENCODING_INVALID_ENCODED_DATA: [TypeError, function(encoding, ret) {
    this.errno = ret;
    return `The encoded data was not valid for encoding ${encoding}`;
  }],
  ERR_ENCODING_NOT_SUPPORTED: [RangeError, 'The "%s" encoding is not supported'],
  ERR_EVENT_RECURSION: [Error, 'The event "%s" is already being dispatched'],
  ERR_FALSY_VALUE_REJECTION: [Error, function(reason) {
    this.reason = reason;
    return 'Promise was rejected with falsy value';
  }],
  ERR_FEATURE_UNAVAILABLE_ON_PLATFORM: [TypeError,
    'The feature %s is unavailable on the current platform, which is being used to run Node.js'],
  ERR_FS_FILE_TOO_LARGE: [RangeError, 'File size (%s) is greater than 2 GiB'],
  ERR_FS_INVALID_SYMLINK_TYPE: [Error,
    'Symlink type must be one of "dir", "file", or "junction". Received "%s"'],
  ERR_HTTP_HEADERS_SENT: [Error, 'Cannot %s headers after they are sent to the client'],
  ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH: [RangeError, 'Packed settings length must be a multiple of six'],
  ERR_HTTP2_INVALID_SETTING_VALUE: [RangeError, function(name, actual, min, max, allowZero) {
    this.actual = actual;
    if (min !== undefined) {
      this.min = min;
      this.max = max;
    }
    if (allowZero !== undefined) this.allowZero = allowZero;
    return `Invalid value for setting "${name}": ${actual}`;
  }],
  ERR_HTTP_INVALID_HEADER_VALUE: [TypeError, 'Invalid value "%s" for header "%s"'],
  ERR_HTTP_INVALID_STATUS_CODE: [RangeError, 'Invalid status code: %s'],
  ERR_HTTP_TRAILER_INVALID: [Error, 'Trailers are invalid with this transfer encoding'],
  ERR_CRYPTO_INVALID_DIGEST: [TypeError, 'Invalid digest: %s'],
  ERR_CRYPTO_HASH_FINALIZED: [Error, 'Digest already called'],
  ERR_CRYPTO_HASH_UPDATE_FAILED: [Error, 'Hash update failed'],
  ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH: [RangeError, 'Input buffers must have the same byte length'],
  ERR_CRYPTO_INVALID_KEYLEN: [RangeError, 'Invalid key length'],
  ERR_CRYPTO_INVALID_IV: [TypeError, 'Invalid initialization vector'],
  ERR_CRYPTO_UNKNOWN_CIPHER: [Error, 'Unknown cipher'],
  ERR_CRYPTO_INVALID_AUTH_TAG: [TypeError, 'Invalid authentication tag length: %s'],
  ERR_CRYPTO_INVALID_STATE: [Error, 'Invalid state for operation %s'],
  ERR_CRYPTO_INVALID_SCRYPT_PARAMS: [RangeError, (detail) => `Invalid scrypt params${detail ? ': ' + detail : ''}`],
  ERR_CRYPTO_SCRYPT_INVALID_PARAMETER: [Error, 'Invalid scrypt parameter'],
  ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS: [Error, 'The selected key encoding %s %s.'],
  ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE: [TypeError, 'Invalid key object type %s, expected %s.'],
  ERR_CRYPTO_INVALID_CURVE: [TypeError, 'Invalid EC curve name'],
  ERR_CRYPTO_SIGN_KEY_REQUIRED: [Error, 'No key provided to sign'],
  ERR_CONTEXT_NOT_INITIALIZED: [Error, 'context used is not initialized'],
  ERR_WORKER_PATH: [TypeError, (filename) => 'The worker script or module filename must be an absolute path or a ' +
    `relative path starting with './' or '../'. Received "${filename}"`],
  ERR_HTTP_BODY_NOT_ALLOWED: [Error, 'Adding content for this request method or response status is not allowed.'],
  ERR_HTTP_CONTENT_LENGTH_MISMATCH: [Error, 'Response body\'s content-length of %s byte(s) does not match the content-length of %s byte(s) set in header'],
  ERR_HTTP_SOCKET_ASSIGNED: [Error, 'ServerResponse has an already assigned socket'],
  ERR_HTTP_SOCKET_ENCODING: [Error, 'Changing the socket encoding is not allowed per RFC7230 Section 3.'],
  ERR_HTTP_REQUEST_TIMEOUT: [Error, 'Request timeout'],
  ERR_INVALID_PROTOCOL: [TypeError, 'Protocol "%s" not supported. Expected "%s"'],
  ERR_UNESCAPED_CHARACTERS: [TypeError, '%s contains unescaped characters'],
  ERR_ILLEGAL_CONSTRUCTOR: [TypeError, 'Illegal constructor'],
  ERR_INTERNAL_ASSERTION: [Error, (message) => {
    const suffix = 'This is caused by either a bug in Node.js or incorrect usage of ' +
      'Node.js internals.\nPlease open an issue with this stack trace at ' +
      'https://github.com/nodejs/node/issues\n';
    return message === undefined ? suffix : `${message}\n${suffix}`;
  }],
  ERR_INVALID_ADDRESS_FAMILY: [RangeError, function(addressType, host, port) {
    this.host = host;
    this.port = port;
    return `Invalid address family: ${addressType} ${host}:${port}`;
  }],
  ERR_INVALID_ARG_TYPE: [TypeError, invalidArgTypeMessage],
  ERR_INVALID_ARG_VALUE: [TypeError, (name, value, reason = 'is invalid') => {
    let shown = lazyUtil().inspect(value);
    if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
    return `The ${name.includes('.') ? 'property' : 'argument'} '${name}' ${reason}. Received ${shown}`;
  }],
  ERR_INVALID_ASYNC_ID: [RangeError, 'Invalid %s value: %s'],
  ERR_INVALID_BUFFER_SIZE: [RangeError, 'Buffer size must be a multiple of %s'],
  ERR_INVALID_CHAR: [TypeError, (name, field) => (field === undefined ?
    `Invalid character in ${name}` :
    `Invalid character in ${name} ["${field}"]`)],
  ERR_INVALID_CURSOR_POS: [TypeError, 'Cannot set cursor row without setting its column'],
  ERR_INVALID_FD: [RangeError, '"fd" must be a positive integer: %s'],
  ERR_INVALID_FD_TYPE: [TypeError, 'Unsupported fd type: %s'],
  ERR_INVALID_FILE_URL_HOST: [TypeError, 'File URL host must be "localhost" or empty on %s'],
  ERR_INVALID_FILE_URL_PATH: [TypeError, 'File URL path %s'],
  ERR_INVALID_HANDLE_TYPE: [TypeError, 'This handle type cannot be sent'],
  ERR_INVALID_HTTP_TOKEN: [TypeError, '%s must be a valid HTTP token ["%s"]'],
  ERR_INVALID_IP_ADDRESS: [TypeError, 'Invalid IP address: %s'],
  ERR_INVALID_MODULE_SPECIFIER: [TypeError, (request, reason, base) =>
    `Invalid module "${request}" ${reason}${importedFrom(base)}`],
  ERR_INVALID_PACKAGE_CONFIG: [Error, (path, base, message) =>
    `Invalid package config ${path}${base ? ` while importing ${base}` : ''}` +
    `${message ? `. ${message}` : ''}`],
  ERR_INVALID_PACKAGE_TARGET: [Error, (pkgPath, key, target, isImport = false, base) => {
    const notRelative = typeof target === 'string' && !isImport && target.length > 0 &&
      !target.startsWith('./');
    const where = `the package config ${pkgPath}package.json${importedFrom(base)}`;
    const hint = notRelative ? '; targets must start with "./"' : '';
    if (key === '.') return `Invalid "exports" main target ${JSON.stringify(target)} defined in ${where}${hint}`;
    return `Invalid "${isImport ? 'imports' : 'exports'}" target ${JSON.stringify(target)} ` +
      `defined for '${key}' in ${where}${hint}`;
  }],
  ERR_INVALID_RETURN_PROPERTY: [TypeError, (input, name, prop, value) =>
    `Expected a valid ${input} to be returned for the "${prop}" from the "${name}" hook ` +
    `but got ${describeReceived(value)}.`],
  ERR_INVALID_RETURN_PROPERTY_VALUE: [TypeError, (input, name, prop, value) =>
    `Expected ${input} to be returned for the "${prop}" from the "${name}" hook ` +
    `but got ${describeReceived(value)}.`],
  ERR_INVALID_RETURN_VALUE: [TypeError, (input, name, value) =>
    `Expected ${input} to be returned from the "${name}" function but got ${describeReceived(value)}.`],
  ERR_INVALID_STATE: [Error, 'Invalid state: %s'],
  ERR_INVALID_SYNC_FORK_INPUT: [TypeError,
    'Asynchronous forks do not support Buffer, TypedArray, DataView or string input: %s'],
  ERR_INVALID_THIS: [TypeError, 'Value of "this" must be of type %s'],
  ERR_INVALID_TUPLE: [TypeError, '%s must be an iterable %s tuple'],
  ERR_INVALID_URI: [URIError, 'URI malformed'],
  ERR_INVALID_URL: [TypeError, function(input, base = null) {
    this.input = input;
    if (base != null) this.base = base;
    return 'Invalid URL';
  }],
  ERR_INVALID_URL_SCHEME: [TypeError, (expected) => {
    if (typeof expected === 'string') expected = [expected];
    return `The URL must be ${expected.length === 2 ? 'one of scheme' : 'of scheme'} ${expected.join(' or ')}`;
  }],
  ERR_IPC_CHANNEL_CLOSED: [Error, 'Channel closed'],
  ERR_IPC_DISCONNECTED: [Error, 'IPC channel is already disconnected'],
  ERR_IPC_ONE_PIPE: [Error, 'Child process can have only one IPC pipe'],
  ERR_IPC_SYNC_FORK: [Error, 'IPC cannot be used with synchronous forks'],
  ERR_METHOD_NOT_IMPLEMENTED: [Error, 'The %s method is not implemented'],
  ERR_MISSING_ARGS: [TypeError, (...names) => {
    const quoted = names.map((n) => (Array.isArray(n) ? n.map((a) => `"${a}"`).join(' or ') : `"${n}"`));
    let list;
    if (quoted.length === 1) list = `${quoted[0]} argument`;
    else if (quoted.length === 2) list = `${quoted[0]} and ${quoted[1]} arguments`;
    else list = `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]} arguments`;
    return `The ${list} must be specified`;
  }],
  ERR_MISSING_OPTION: [TypeError, '%s is required'],
  ERR_MODULE_NOT_FOUND: [Error, function(path, base, exactUrl) {
    if (exactUrl) this.url = `${exactUrl}`;
    return `Cannot find ${exactUrl ? 'module' : 'package'} '${path}' imported from ${base}`;
  }],
  ERR_MULTIPLE_CALLBACK: [Error, 'Callback called multiple times'],
  ERR_NO_CRYPTO: [Error, 'Node.js is not compiled with OpenSSL crypto support'],
  ERR_OPERATION_FAILED: [Error, 'Operation failed: %s'],
  ERR_NOT_BUILDING_SNAPSHOT: [Error, 'Operation cannot be invoked when not building startup snapshot'],
  ERR_OUT_OF_RANGE: [RangeError, (name, range, input, replaceDefaultBoolean = false) => {
    const msg = replaceDefaultBoolean ? name : `The value of "${name}" is out of range.`;
    // Large integers are easier to read with digit separators: 1_099_511_627_776.
    const large = (Number.isInteger(input) && Math.abs(input) > 2 ** 32) ||
      (typeof input === 'bigint' && (input > 2n ** 32n || input < -(2n ** 32n)));
    return `${msg} It must be ${range}. Received ${lazyUtil().inspect(input, { numericSeparator: large })}`;
  }],
  ERR_PACKAGE_IMPORT_NOT_DEFINED: [TypeError, (specifier, packagePath, base) =>
    `Package import specifier "${specifier}" is not defined` +
    `${packagePath ? ` in package ${packagePath}package.json` : ''} imported from ${base}`],
  ERR_PACKAGE_PATH_NOT_EXPORTED: [Error, (pkgPath, subpath, base) => {
    if (subpath === '.') return `No "exports" main defined in ${pkgPath}package.json${importedFrom(base)}`;
    return `Package subpath '${subpath}' is not defined by "exports" in ` +
      `${pkgPath}package.json${importedFrom(base)}`;
  }],
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: [TypeError, '%s'],
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: [TypeError,
    "Unexpected argument '%s'. This command does not take positional arguments"],
  ERR_PARSE_ARGS_UNKNOWN_OPTION: [TypeError, (option, allowPositionals) => {
    const hint = allowPositionals ?
      `. To specify a positional argument starting with a '-', place it at the end of the ` +
      `command after '--', as in '-- ${JSON.stringify(option)}` :
      '';
    return `Unknown option '${option}'${hint}`;
  }],
  ERR_REQUIRE_ESM: [Error, (filename, hasEsmSyntax, parentPath = null, packageJsonPath = null) => {
    let msg = `require() of ES Module ${filename}${parentPath ? ` from ${parentPath}` : ''} not supported.`;
    const dynamicImport = 'to a dynamic import() which is available in all CommonJS modules.';
    if (!packageJsonPath) {
      if (filename.endsWith('.mjs')) msg += `\nInstead change the require of ${filename} ${dynamicImport}`;
      return msg;
    }
    const name = parentPath && basename(filename) === basename(parentPath) ? filename : basename(filename);
    if (hasEsmSyntax) return `${msg}\nInstead change the require of ${name} in ${parentPath} ${dynamicImport}`;
    return `${msg}\n${name} is treated as an ES module file as it is a .js file whose nearest parent ` +
      'package.json contains "type": "module" which declares all .js files in that package ' +
      `scope as ES modules.\nInstead either rename ${name} to end in .cjs, change the requiring ` +
      'code to use dynamic import() which is available in all CommonJS modules, or change ' +
      `"type": "module" to "type": "commonjs" in ${packageJsonPath} to treat all .js files as ` +
      'CommonJS (using .mjs for all ES modules instead).\n';
  }],
  ERR_SERVER_ALREADY_LISTEN: [Error, 'Listen method has been called more than once without closing.'],
  ERR_SERVER_NOT_RUNNING: [Error, 'Server is not running.'],
  ERR_SOCKET_ALREADY_BOUND: [Error, 'Socket is already bound'],
  ERR_SOCKET_BAD_BUFFER_SIZE: [TypeError, 'Buffer size must be a positive integer'],
  ERR_SOCKET_BAD_PORT: [RangeError, (name, port, allowZero = true) =>
    `${name} should be ${allowZero ? '>=' : '>'} 0 and < 65536. Received ${describeReceived(port)}.`],
  ERR_SOCKET_BAD_TYPE: [TypeError, 'Bad socket type specified. Valid types are: udp4, udp6'],
  ERR_SOCKET_CLOSED: [Error, 'Socket is closed'],
  ERR_TLS_HANDSHAKE_TIMEOUT: [Error, 'TLS handshake timeout'],
  ERR_TLS_INVALID_PROTOCOL_VERSION: [TypeError, (version, kind) => `${version} is not a valid ${kind} TLS protocol version`],
  ERR_SOCKET_CLOSED_BEFORE_CONNECTION: [Error, 'Socket closed before the connection was established'],
  ERR_SOCKET_DGRAM_IS_CONNECTED: [Error, 'Already connected'],
  ERR_SOCKET_DGRAM_NOT_CONNECTED: [Error, 'Not connected'],
  ERR_SOCKET_DGRAM_NOT_RUNNING: [Error, 'Not running'],
  ERR_STREAM_ALREADY_FINISHED: [Error, 'Cannot call %s after a stream was finished'],
  ERR_STREAM_CANNOT_PIPE: [Error, 'Cannot pipe, not readable'],
  ERR_STREAM_DESTROYED: [Error, 'Cannot call %s after a stream was destroyed'],
  ERR_STREAM_NULL_VALUES: [TypeError, 'May not write null values to stream'],
  ERR_STREAM_PREMATURE_CLOSE: [Error, 'Premature close'],
  ERR_STREAM_PUSH_AFTER_EOF: [Error, 'stream.push() after EOF'],
  ERR_STREAM_UNSHIFT_AFTER_END_EVENT: [Error, 'stream.unshift() after end event'],
  ERR_STREAM_WRAP: [Error, 'Stream has StringDecoder set or is in objectMode'],
  ERR_STREAM_WRITE_AFTER_END: [Error, 'write after end'],
  ERR_SYNTHETIC: [Error, 'JavaScript Callstack'],
  ERR_UNAVAILABLE_DURING_EXIT: [Error, 'Cannot call function in process exit handler'],
  ERR_UNHANDLED_ERROR: [Error, (err) => (err === undefined ?
    'Unhandled error.' :
    `Unhandled error. (${err})`)],
  ERR_UNKNOWN_BUILTIN_MODULE: [Error, 'No such built-in module: %s'],
  ERR_UNKNOWN_ENCODING: [TypeError, 'Unknown encoding: %s'],
  ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET: [Error,
    '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active'],
  ERR_UNKNOWN_FILE_EXTENSION: [TypeError, (ext, path) => `Unknown file extension "${ext}" for ${path}`],
  ERR_UNKNOWN_SIGNAL: [TypeError, 'Unknown signal: %s'],
  ERR_UNSUPPORTED_DIR_IMPORT: [Error, function(path, base, exactUrl) {
    this.url = exactUrl;
    return `Directory import '${path}' is not supported resolving ES modules imported from ${base}`;
  }],
  ERR_UNSUPPORTED_ESM_URL_SCHEME: [Error, (url, supported) => {
    let msg = `Only URLs with a scheme in: ${joinList(supported, 'and')} are supported by the default ESM loader`;
    if (process.platform === 'win32' && url.protocol.length === 2) {
      msg += '. On Windows, absolute paths must be valid file:// URLs';
    }
    return `${msg}. Received protocol '${url.protocol}'`;
  }],
  ERR_USE_AFTER_CLOSE: [Error, '%s was closed'],
};

function fillTemplate(template, args) {
  return args.length === 0 ? template : lazyUtil().format(template, ...args);
}

function makeCodeError(code, Base, message) {
  // Returns a plain instance of Base (so `err.constructor === TypeError` as
  // in Node); callable with or without `new`.
  function NodeError(...args) {
    const err = new Base();
    if (Error.captureStackTrace) Error.captureStackTrace(err, NodeError);
    err.code = code;
    const text = typeof message === 'function' ? message.apply(err, args) : fillTemplate(message, args);
    defineHidden(err, 'message', text);
    defineHidden(err, 'toString', function toString() {
      return `${this.name} [${code}]: ${this.message}`;
    });
    setStackHeader(err, `${err.name} [${code}]: ${text}`);
    return err;
  }
  Object.defineProperty(NodeError, 'name', { value: code });
  return NodeError;
}

const codes = {};
for (const code of Object.keys(kMessages)) {
  const [Base, message] = kMessages[code];
  codes[code] = makeCodeError(code, Base, message);
}
// Raised as a TypeError or RangeError too (web streams' states and strategies).
codes.ERR_INVALID_STATE.TypeError = makeCodeError('ERR_INVALID_STATE', TypeError, kMessages.ERR_INVALID_STATE[1]);
codes.ERR_INVALID_STATE.RangeError = makeCodeError('ERR_INVALID_STATE', RangeError, kMessages.ERR_INVALID_STATE[1]);
codes.ERR_INVALID_ARG_VALUE.RangeError =
  makeCodeError('ERR_INVALID_ARG_VALUE', RangeError, kMessages.ERR_INVALID_ARG_VALUE[1]);
// Raised as a TypeError too, for a setting that takes a boolean (Node's codes.X.TypeError).
codes.ERR_HTTP2_INVALID_SETTING_VALUE.TypeError =
  makeCodeError('ERR_HTTP2_INVALID_SETTING_VALUE', TypeError, kMessages.ERR_HTTP2_INVALID_SETTING_VALUE[1]);

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    // Leave out the constructor frames, which QuickJS (unlike V8) records.
    if (Error.captureStackTrace) Error.captureStackTrace(this, new.target);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
    setStackHeader(this, `AbortError: ${this.message}`);
  }
}

// --- System errors -------------------------------------------------------

// libuv's errno table for Linux, "errno name message" per entry: exactly what
// Node's util.getSystemErrorMap() holds.
const kLinuxErrors = [
  '-7 E2BIG argument list too long', '-13 EACCES permission denied',
  '-98 EADDRINUSE address already in use', '-99 EADDRNOTAVAIL address not available',
  '-97 EAFNOSUPPORT address family not supported', '-11 EAGAIN resource temporarily unavailable',
  '-3000 EAI_ADDRFAMILY address family not supported', '-3001 EAI_AGAIN temporary failure',
  '-3002 EAI_BADFLAGS bad ai_flags value', '-3013 EAI_BADHINTS invalid value for hints',
  '-3003 EAI_CANCELED request canceled', '-3004 EAI_FAIL permanent failure',
  '-3005 EAI_FAMILY ai_family not supported', '-3006 EAI_MEMORY out of memory',
  '-3007 EAI_NODATA no address', '-3008 EAI_NONAME unknown node or service',
  '-3009 EAI_OVERFLOW argument buffer overflow', '-3014 EAI_PROTOCOL resolved protocol is unknown',
  '-3010 EAI_SERVICE service not available for socket type',
  '-3011 EAI_SOCKTYPE socket type not supported', '-114 EALREADY connection already in progress',
  '-9 EBADF bad file descriptor', '-16 EBUSY resource busy or locked',
  '-125 ECANCELED operation canceled', '-4080 ECHARSET invalid Unicode character',
  '-103 ECONNABORTED software caused connection abort', '-111 ECONNREFUSED connection refused',
  '-104 ECONNRESET connection reset by peer', '-89 EDESTADDRREQ destination address required',
  '-17 EEXIST file already exists', '-14 EFAULT bad address in system call argument',
  '-27 EFBIG file too large', '-113 EHOSTUNREACH host is unreachable',
  '-4 EINTR interrupted system call', '-22 EINVAL invalid argument', '-5 EIO i/o error',
  '-106 EISCONN socket is already connected', '-21 EISDIR illegal operation on a directory',
  '-40 ELOOP too many symbolic links encountered', '-24 EMFILE too many open files',
  '-90 EMSGSIZE message too long', '-36 ENAMETOOLONG name too long',
  '-100 ENETDOWN network is down', '-101 ENETUNREACH network is unreachable',
  '-23 ENFILE file table overflow', '-105 ENOBUFS no buffer space available',
  '-19 ENODEV no such device', '-2 ENOENT no such file or directory',
  '-12 ENOMEM not enough memory', '-64 ENONET machine is not on the network',
  '-92 ENOPROTOOPT protocol not available', '-28 ENOSPC no space left on device',
  '-38 ENOSYS function not implemented', '-107 ENOTCONN socket is not connected',
  '-20 ENOTDIR not a directory', '-39 ENOTEMPTY directory not empty',
  '-88 ENOTSOCK socket operation on non-socket', '-95 ENOTSUP operation not supported on socket',
  '-75 EOVERFLOW value too large for defined data type', '-1 EPERM operation not permitted',
  '-32 EPIPE broken pipe', '-71 EPROTO protocol error',
  '-93 EPROTONOSUPPORT protocol not supported', '-91 EPROTOTYPE protocol wrong type for socket',
  '-34 ERANGE result too large', '-30 EROFS read-only file system',
  '-108 ESHUTDOWN cannot send after transport endpoint shutdown', '-29 ESPIPE invalid seek',
  '-3 ESRCH no such process', '-110 ETIMEDOUT connection timed out',
  '-26 ETXTBSY text file is busy', '-18 EXDEV cross-device link not permitted',
  '-4094 UNKNOWN unknown error', '-4095 EOF end of file',
  '-6 ENXIO no such device or address', '-31 EMLINK too many links',
  '-112 EHOSTDOWN host is down', '-121 EREMOTEIO remote I/O error',
  '-25 ENOTTY inappropriate ioctl for device', '-4028 EFTYPE inappropriate file type or format',
  '-84 EILSEQ illegal byte sequence', '-94 ESOCKTNOSUPPORT socket type not supported',
  '-61 ENODATA no data available', '-49 EUNATCH protocol driver not attached',
];

let errorMap;
// Map from negative errno to [name, message], like util.getSystemErrorMap().
function getSystemErrorMap() {
  if (errorMap === undefined) {
    errorMap = new Map();
    for (const entry of kLinuxErrors) {
      const sp1 = entry.indexOf(' ');
      const sp2 = entry.indexOf(' ', sp1 + 1);
      errorMap.set(Number(entry.slice(0, sp1)), [entry.slice(sp1 + 1, sp2), entry.slice(sp2 + 1)]);
    }
  }
  return errorMap;
}

function uvErrmapGet(errno) {
  return getSystemErrorMap().get(errno);
}

function getSystemErrorName(errno) {
  const entry = uvErrmapGet(errno);
  return entry ? entry[0] : `Unknown system error ${errno}`;
}

function captureFrom(err, fn) {
  if (Error.captureStackTrace) Error.captureStackTrace(err, fn);
  return err;
}

// Builds a libuv-style error: "ENOENT: no such file or directory, open '/x'".
// ctx: { errno, code?, message?, syscall, path?, dest?, ...extra }. When
// `code`/`message` are missing they are looked up from `errno`.
function uvException(ctx) {
  const known = uvErrmapGet(ctx.errno);
  const code = ctx.code || (known ? known[0] : 'UNKNOWN');
  const uvmsg = ctx.message || (known ? known[1] : 'unknown error');
  let msg = `${code}: ${uvmsg}, ${ctx.syscall}`;
  let path;
  let dest;
  if (ctx.path) {
    path = ctx.path.toString();
    msg += ` '${path}'`;
  }
  if (ctx.dest) {
    dest = ctx.dest.toString();
    msg += ` -> '${dest}'`;
  }
  const err = new Error(msg);
  for (const key of Object.keys(ctx)) {
    if (key !== 'message' && key !== 'path' && key !== 'dest') err[key] = ctx[key];
  }
  err.code = code;
  if (path) err.path = path;
  if (dest) err.dest = dest;
  return captureFrom(err, uvException);
}

// "connect ECONNREFUSED 127.0.0.1:80" style errors from a negative errno.
function uvExceptionWithHostPort(errno, syscall, address, port) {
  const known = uvErrmapGet(errno);
  const code = known ? known[0] : 'UNKNOWN';
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  const err = new Error(`${syscall} ${code}: ${known ? known[1] : 'unknown error'}${details}`);
  err.code = code;
  err.errno = errno;
  err.syscall = syscall;
  err.address = address;
  if (port) err.port = port;
  return captureFrom(err, uvExceptionWithHostPort);
}

// "<syscall> <CODE>[ <original>]" errors, as used by dns and child_process.
function errnoException(errno, syscall, original) {
  const code = getSystemErrorName(errno);
  const err = new Error(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  return captureFrom(err, errnoException);
}

function exceptionWithHostPort(errno, syscall, address, port, additional) {
  const code = getSystemErrorName(errno);
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  if (additional) details += ` - Local (${additional})`;
  const err = new Error(`${syscall} ${code}${details}`);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  err.address = address;
  if (port) err.port = port;
  return captureFrom(err, exceptionWithHostPort);
}

// --- Validators ----------------------------------------------------------

const {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_OUT_OF_RANGE,
  ERR_SOCKET_BAD_PORT,
} = codes;

// Node's own validators strip themselves from stack traces; here the frames
// are left as they are.
function hideStackFrames(fn) {
  return fn;
}

function validateString(value, name) {
  if (typeof value !== 'string') throw new ERR_INVALID_ARG_TYPE(name, 'string', value);
}

function validateNumber(value, name, min, max) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  const hasMin = min != null;
  const hasMax = max != null;
  if ((hasMin && value < min) || (hasMax && value > max) || ((hasMin || hasMax) && Number.isNaN(value))) {
    const range = [hasMin ? `>= ${min}` : '', hasMax ? `<= ${max}` : ''].filter(Boolean).join(' && ');
    throw new ERR_OUT_OF_RANGE(name, range, value);
  }
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  validateInteger(value, name, min, max);
}

function validateUint32(value, name, positive = false) {
  validateInteger(value, name, positive ? 1 : 0, 4294967295);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw new ERR_INVALID_ARG_TYPE(name, 'boolean', value);
}

// Flags for validateObject's third argument (an options object with the
// same-named booleans is accepted too).
const kValidateObjectNone = 0;
const kValidateObjectAllowNullable = 1;
const kValidateObjectAllowArray = 2;
const kValidateObjectAllowFunction = 4;

function validateObject(value, name, options = kValidateObjectNone) {
  let nullable = false;
  let allowArray = false;
  let allowFunction = false;
  if (typeof options === 'number') {
    nullable = (options & kValidateObjectAllowNullable) !== 0;
    allowArray = (options & kValidateObjectAllowArray) !== 0;
    allowFunction = (options & kValidateObjectAllowFunction) !== 0;
  } else if (options != null) {
    nullable = Boolean(options.nullable);
    allowArray = Boolean(options.allowArray);
    allowFunction = Boolean(options.allowFunction);
  }
  if ((!nullable && value === null) ||
      (!allowArray && Array.isArray(value)) ||
      (typeof value !== 'object' && (!allowFunction || typeof value !== 'function'))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}

function validateArray(value, name, minLength = 0) {
  if (!Array.isArray(value)) throw new ERR_INVALID_ARG_TYPE(name, 'Array', value);
  if (value.length < minLength) {
    throw new ERR_INVALID_ARG_VALUE(name, value, `must be longer than ${minLength}`);
  }
}

function validateStringArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) validateString(value[i], `${name}[${i}]`);
}

function validateOneOf(value, name, oneOf) {
  if (!oneOf.includes(value)) {
    const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    throw new ERR_INVALID_ARG_VALUE(name, value, `must be one of: ${allowed}`);
  }
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

function validateBuffer(buffer, name = 'buffer') {
  if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
}

// Accepts integers and integer strings in [0, 65535] (0 only when allowZero;
// like Node, the string '0' always passes); returns the port as a number.
function validatePort(port, name = 'Port', allowZero = true) {
  let n = NaN;
  if (typeof port === 'number') n = port;
  else if (typeof port === 'string' && port.trim() !== '') n = +port;
  if (!Number.isInteger(n) || n < 0 || n > 0xFFFF || (port === 0 && !allowZero)) {
    throw new ERR_SOCKET_BAD_PORT(name, port, allowZero);
  }
  return n | 0;
}

module.exports = {
  codes,
  makeCodeError,
  AbortError,
  hideStackFrames,
  uvException,
  uvExceptionWithHostPort,
  errnoException,
  exceptionWithHostPort,
  uvErrmapGet,
  getSystemErrorName,
  getSystemErrorMap,
  validateString,
  validateNumber,
  validateInteger,
  validateInt32,
  validateUint32,
  validateFunction,
  validateBoolean,
  validateObject,
  validateArray,
  validateStringArray,
  validateOneOf,
  validateAbortSignal,
  validateBuffer,
  validatePort,
  kValidateObjectNone,
  kValidateObjectAllowNullable,
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
};
