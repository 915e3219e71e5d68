'use strict';

// The `fs` module: every call in its synchronous and callback forms over the
// native binding (internal/fs/binding), whose functions run synchronously or,
// given a final callback, on the worker pool. This file sorts out and checks
// the arguments as Node does and shapes the results (Stats, Dirents,
// encodings, Node's callback arguments). The promise API, Dir, cp, the
// streams and watchFile live under internal/fs/ and load on first use.

const binding = require('internal/fs/binding');
const { Buffer } = require('buffer');
const {
  constants,
  kEmptyObject,
  codes,
  validateInteger,
  validateFunction,
  validateBoolean,
  validateObject,
  validateBuffer,
  validateId,
  validateOffsetLengthWrite,
  validateReadArgs,
  validateStringAfterArrayBufferView,
  validateEncoding,
  makeCallback,
  isFd,
  toPathIfFileURL,
  getValidatedPath,
  getValidatedFd,
  stringToFlags,
  getValidatedFlags,
  parseFileMode,
  getValidMode,
  toUnixTimestamp,
  nativePosition,
  getOptions,
  encodeResult,
  bufferOf,
  readFileError,
  abortError,
  Stats,
  getStatsFromBinding,
  getStatFsFromBinding,
  Dirent,
  runSync,
  runCallback,
} = require('internal/fs/utils');
const ops = require('internal/fs/ops');

const { F_OK, O_RDONLY, O_TRUNC, O_CREAT, O_WRONLY } = constants;
const kCustomPromisified = Symbol.for('nodejs.util.promisify.custom');
const kCustomPromisifyArgs = Symbol.for('unode.util.promisify.customArgs');

// The order of the checks in each call is Node's, since it decides which
// error a call with several bad arguments gets. In Node 20 most calls on an
// fd check the fd last (natively), after their other arguments and the
// callback; read, write, readv and writev check it first.

// --- Callback plumbing ----------------------------------------------------

// Node calls back with (err) on failure, (null) when a call has no result and
// (null, result) otherwise.
function completion(callback) {
  return (err, result) => {
    if (err) callback(err);
    else if (result === undefined) callback(null);
    else callback(null, result);
  };
}

// A completion whose result is first converted by `map`.
function mapped(callback, map) {
  return (err, result) => (err ? callback(err) : callback(null, map(result)));
}

// --- access / exists ------------------------------------------------------

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = F_OK;
  }
  path = getValidatedPath(path);
  callback = makeCallback(callback);
  binding.access(path, getValidMode(mode, F_OK), completion(callback));
}

function accessSync(path, mode) {
  binding.access(getValidatedPath(path), getValidMode(mode, F_OK));
}

// exists() predates error-first callbacks: it reports one boolean, and an
// unusable path is simply "false".
function exists(path, callback) {
  validateFunction(callback, 'cb');
  try {
    path = getValidatedPath(path);
  } catch {
    callback(false);
    return;
  }
  binding.access(path, F_OK, (err) => callback(!err));
}

Object.defineProperty(exists, kCustomPromisified, {
  value: function exists(path) {
    return new Promise((resolve) => module.exports.exists(path, resolve));
  },
});

function existsSync(path) {
  try {
    binding.sync.access(getValidatedPath(path), F_OK);
    return true;
  } catch {
    return false;
  }
}

// --- readFile / writeFile / appendFile ------------------------------------

function decodeFile(bytes, encoding) {
  const buffer = bufferOf(bytes);
  return encoding ? buffer.toString(encoding) : buffer;
}

// The whole file is one native job. A signal aborted by the time it
// completes turns the result into an AbortError.
function readFile(path, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { flag: 'r' });
  const { encoding, signal } = options;
  const done = (err, bytes) => {
    if (err) callback(readFileError(err, path));
    else if (signal?.aborted) callback(abortError(signal));
    else callback(null, decodeFile(bytes, encoding));
  };
  if (isFd(path)) {
    binding.readFile(path, O_RDONLY, done);
    return;
  }
  if (signal?.aborted) {
    callback(abortError(signal));
    return;
  }
  const flags = stringToFlags(options.flag);
  binding.readFile(getValidatedPath(path), flags, done);
}

const kReadFileSyncDefaults = Object.freeze({ flag: 'r' });
// Encoding names the native decoder takes as they are (other spellings go through Buffer).
const kNativeEncodings = new Set(['utf8', 'utf-8', 'latin1', 'binary', 'ascii', 'base64', 'base64url', 'hex', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le']);

function readFileSync(path, options) {
  // The common calls — a path string, with no options or an encoding — go straight to
  // the native read.
  if (typeof path === 'string' && (options === undefined || kNativeEncodings.has(options))) {
    path = getValidatedPath(path);
    try {
      if (options === undefined) return binding.sync.readFile(path, O_RDONLY);
      return binding.readFileText(path, O_RDONLY, options);
    } catch (err) {
      throw readFileError(err, path);
    }
  }
  options = getOptions(options, kReadFileSyncDefaults);
  let bytes;
  if (isFd(path)) {
    try {
      bytes = binding.readFile(path, O_RDONLY);
    } catch (err) {
      throw readFileError(err, path);
    }
  } else {
    path = getValidatedPath(path);
    try {
      // Text in the usual encodings is decoded natively, with no Buffer in between.
      if (kNativeEncodings.has(options.encoding)) {
        return binding.readFileText(path, stringToFlags(options.flag), options.encoding);
      }
      bytes = binding.sync.readFile(path, stringToFlags(options.flag));
    } catch (err) {
      throw readFileError(err, path);
    }
  }
  return decodeFile(bytes, options.encoding);
}

const kWriteFileDefaults = { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false };

// The checks writeFile and appendFile share; returns what the native call needs.
function prepareWriteFile(path, data, options, defaults) {
  options = getOptions(options, defaults);
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  if (!ArrayBuffer.isView(data)) validateStringAfterArrayBufferView(data, 'data');
  // UTF-8 strings go to the native call as they are (it encodes them); a flushed write
  // goes chunk by chunk and needs bytes.
  const utf8 = !options.encoding || options.encoding === 'utf8' || options.encoding === 'utf-8';
  const bytes = typeof data === 'string' && (flush || !utf8) ? Buffer.from(data, options.encoding) : data;
  const request = { target: path, bytes, flags: 0, mode: 0, flush, signal: options.signal };
  if (!isFd(path)) {
    request.target = getValidatedPath(path);
    request.flags = getValidatedFlags(options.flag || defaults.flag);
    request.mode = parseFileMode(options.mode, 'mode', 0o666);
  }
  return request;
}

// Without `flush` the whole write is one native job. With it, the data must
// be fsync()ed before the file is closed: open/write/fsync/close one by one.
function* writeFileSteps({ target, bytes, flags, mode, flush }) {
  if (!flush) {
    yield [binding.writeFile, target, bytes, flags, mode];
    return;
  }
  const fd = isFd(target) ? target : yield [binding.open, target, flags, mode];
  try {
    for (let offset = 0; offset < bytes.byteLength;) {
      offset += yield [binding.write, fd, bytes, offset, bytes.byteLength - offset, -1];
    }
    yield [binding.fsync, fd];
  } finally {
    if (fd !== target) yield [binding.close, fd];
  }
}

function writeFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  const request = prepareWriteFile(path, data, options, kWriteFileDefaults);
  if (request.signal?.aborted) {
    callback(abortError(request.signal));
    return;
  }
  runCallback(writeFileSteps(request), completion(callback));
}

const kWriteFlags = O_TRUNC | O_CREAT | O_WRONLY;

function writeFileSync(path, data, options) {
  // The most common call — a path and a string or buffer, no options — needs no option
  // parsing.
  if (options === undefined && typeof path === 'string' && (typeof data === 'string' || ArrayBuffer.isView(data))) {
    binding.sync.writeFile(getValidatedPath(path), data, kWriteFlags, 0o666);
    return;
  }
  const request = prepareWriteFile(path, data, options, kWriteFileDefaults);
  if (request.flush) runSync(writeFileSteps(request));
  else binding.sync.writeFile(request.target, request.bytes, request.flags, request.mode);
}

// appendFile is writeFile with 'a' unless another flag is given.
function appendFileOptions(options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  return options.flag ? options : { ...options, flag: 'a' };
}

function appendFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  writeFile(path, data, appendFileOptions(options), callback);
}

function appendFileSync(path, data, options) {
  writeFileSync(path, data, appendFileOptions(options));
}

// --- open / close ---------------------------------------------------------

function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  } else {
    mode = parseFileMode(mode, 'mode', 0o666);
  }
  flags = getValidatedFlags(flags);
  callback = makeCallback(callback);
  binding.open(path, flags, mode, completion(callback));
}

function openSync(path, flags, mode) {
  path = getValidatedPath(path);
  flags = getValidatedFlags(flags);
  return binding.open(path, flags, parseFileMode(mode, 'mode', 0o666));
}

// Without a callback a failed close() throws from the event loop, as in Node.
function defaultCloseCallback(err) {
  if (err != null) throw err;
}

function close(fd, callback = defaultCloseCallback) {
  if (callback !== defaultCloseCallback) callback = makeCallback(callback);
  fd = getValidatedFd(fd);
  binding.close(fd, completion(callback));
}

function closeSync(fd) {
  binding.close(getValidatedFd(fd));
}

// --- read / write ---------------------------------------------------------

// fs.read(fd, buffer, offset, length, position, cb), and the shorter forms
// (fd, buffer, options, cb), (fd, options, cb), (fd, buffer, cb) and (fd, cb).
// Calls back with (err, bytesRead, buffer).
function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (arguments.length <= 4) {
    let params;
    if (arguments.length === 4) {
      validateObject(offsetOrOptions, 'options', true);
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      if (!ArrayBuffer.isView(buffer)) {
        params = buffer;
        ({ buffer = Buffer.alloc(16384) } = params ?? kEmptyObject);
      }
      callback = offsetOrOptions;
    } else {
      callback = buffer;
      buffer = Buffer.alloc(16384);
    }
    if (params !== undefined) validateObject(params, 'options', true);
    ({ offset = 0, length = buffer?.byteLength - offset, position = null } = params ?? kEmptyObject);
  }
  validateBuffer(buffer);
  validateFunction(callback, 'cb');
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (!validateReadArgs(buffer, offset, length, position)) {
    process.nextTick(callback, null, 0, buffer);
    return;
  }
  binding.read(fd, buffer, offset, length, nativePosition(position),
    (err, bytesRead) => callback(err, bytesRead || 0, buffer));
}

Object.defineProperty(read, kCustomPromisifyArgs, { value: ['bytesRead', 'buffer'], enumerable: false });

function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  validateBuffer(buffer);
  let offset = offsetOrOptions;
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    if (offsetOrOptions !== undefined) validateObject(offsetOrOptions, 'options', true);
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? kEmptyObject);
  }
  if (offset === undefined) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (!validateReadArgs(buffer, offset, length, position)) return 0;
  return binding.read(fd, buffer, offset, length, nativePosition(position));
}

// The encoding of a string write: an unknown one falls back to UTF-8, as in Node.
function writeEncoding(encoding) {
  return typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8';
}

// fs.write(fd, buffer[, offset[, length[, position]]], cb),
// fs.write(fd, buffer, options, cb) and fs.write(fd, string[, position[, encoding]], cb).
// Calls back with (err, bytesWritten, buffer or string).
function write(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (ArrayBuffer.isView(buffer)) {
    callback = makeCallback(callback || position || length || offset);
    if (typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? kEmptyObject);
    }
    if (offset == null || typeof offset === 'function') offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = -1;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    binding.write(fd, buffer, offset, length, position,
      (err, written) => callback(err, written || 0, buffer));
    return;
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  // (fd, string, cb), (fd, string, position, cb), (fd, string, position, encoding, cb)
  if (typeof position !== 'function') {
    if (typeof offset === 'function') {
      position = offset;
      offset = null;
    } else {
      position = length;
    }
    length = 'utf8';
  }
  validateEncoding(buffer, length);
  callback = makeCallback(position);
  const bytes = Buffer.from(buffer, writeEncoding(length));
  binding.write(fd, bytes, 0, bytes.byteLength, typeof offset === 'number' ? offset : -1,
    (err, written) => callback(err, written || 0, buffer));
}

Object.defineProperty(write, kCustomPromisifyArgs, { value: ['bytesWritten', 'buffer'], enumerable: false });

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (ArrayBuffer.isView(buffer)) {
    if (typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? kEmptyObject);
    }
    if (typeof offset !== 'number') offset = 0;
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    return binding.write(fd, buffer, offset, length, typeof position === 'number' ? position : -1);
  }
  // (fd, string[, position[, encoding]])
  validateStringAfterArrayBufferView(buffer, 'buffer');
  validateEncoding(buffer, length);
  const bytes = Buffer.from(buffer, writeEncoding(length));
  return binding.write(fd, bytes, 0, bytes.byteLength, typeof offset === 'number' ? offset : -1);
}

function validateBufferArray(buffers, name = 'buffers') {
  if (!Array.isArray(buffers)) throw new codes.ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  for (const buffer of buffers) {
    if (!ArrayBuffer.isView(buffer)) throw new codes.ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  }
}

function readv(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback = makeCallback(callback || position);
  binding.readv(fd, buffers, typeof position === 'number' ? position : -1,
    (err, bytesRead) => callback(err, bytesRead || 0, buffers));
}

Object.defineProperty(readv, kCustomPromisifyArgs, { value: ['bytesRead', 'buffers'], enumerable: false });

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  return binding.readv(fd, buffers, typeof position === 'number' ? position : -1);
}

function writev(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback = makeCallback(callback || position);
  if (buffers.length === 0) {
    process.nextTick(callback, null, 0, buffers);
    return;
  }
  binding.writev(fd, buffers, typeof position === 'number' ? position : -1,
    (err, written) => callback(err, written || 0, buffers));
}

Object.defineProperty(writev, kCustomPromisifyArgs, { value: ['bytesWritten', 'buffers'], enumerable: false });

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  return binding.writev(fd, buffers, typeof position === 'number' ? position : -1);
}

// --- rename / truncate ----------------------------------------------------

function rename(oldPath, newPath, callback) {
  callback = makeCallback(callback);
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.rename(oldPath, newPath, completion(callback));
}

function renameSync(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.rename(oldPath, newPath);
}

let truncateWarned = false;
function warnTruncateFd() {
  if (truncateWarned) return;
  truncateWarned = true;
  process.emitWarning('Using fs.truncate with a file descriptor is deprecated. Please use ' +
    'fs.ftruncate with a file descriptor instead.', 'DeprecationWarning', 'DEP0081');
}

function truncate(path, len, callback) {
  if (typeof path === 'number') {
    warnTruncateFd();
    ftruncate(path, len, callback);
    return;
  }
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  } else if (len === undefined) {
    len = 0;
  }
  validateInteger(len, 'len');
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  runCallback(ops.truncateSteps(path, len), completion(callback));
}

function truncateSync(path, len) {
  if (typeof path === 'number') {
    warnTruncateFd();
    ftruncateSync(path, len);
    return;
  }
  runSync(ops.truncateSteps(getValidatedPath(path), len ?? 0));
}

function ftruncate(fd, len = 0, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  validateInteger(len, 'len');
  callback = makeCallback(callback);
  fd = getValidatedFd(fd);
  binding.ftruncate(fd, Math.max(0, len), completion(callback));
}

function ftruncateSync(fd, len = 0) {
  validateInteger(len, 'len');
  binding.ftruncate(getValidatedFd(fd), Math.max(0, len));
}

// --- rm / rmdir / unlink --------------------------------------------------

function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  if (options?.recursive) {
    ops.emitRecursiveRmdirWarning();
    options = ops.validateRmOptions({ ...options, force: false });
    runCallback(ops.rmdirRecursiveSteps(path, options, binding.lstat), completion(callback));
    return;
  }
  ops.validateRmdirOptions(options);
  binding.rmdir(path, completion(callback));
}

function rmdirSync(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    ops.emitRecursiveRmdirWarning();
    options = ops.validateRmOptions({ ...options, force: false });
    runSync(ops.rmdirRecursiveSteps(path, options, binding.lstat));
    return;
  }
  ops.validateRmdirOptions(options);
  binding.rmdir(path);
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  options = ops.validateRmOptions(options);
  runCallback(ops.rmSteps(path, options), completion(callback));
}

function rmSync(path, options) {
  path = getValidatedPath(path);
  runSync(ops.rmSteps(path, ops.validateRmOptions(options)));
}

function unlink(path, callback) {
  callback = makeCallback(callback);
  binding.unlink(getValidatedPath(path), completion(callback));
}

function unlinkSync(path) {
  binding.unlink(getValidatedPath(path));
}

// --- mkdir / mkdtemp ------------------------------------------------------

// mkdir's options: a mode (number or octal string) or { recursive, mode }.
// The mode is checked last, after the path and `recursive`.
function mkdirArgs(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = options;
  } else if (options && typeof options === 'object') {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = options.mode;
  }
  return { mode, recursive };
}

// With `recursive`, the result is the first directory created (undefined if
// none was).
function mkdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const { mode, recursive } = mkdirArgs(options);
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  binding.mkdir(path, parseFileMode(mode, 'mode'), recursive, completion(callback));
}

function mkdirSync(path, options) {
  const { mode, recursive } = mkdirArgs(options);
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  const first = binding.mkdir(path, parseFileMode(mode, 'mode'), recursive);
  return recursive ? first : undefined;
}

function mkdtemp(prefix, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  binding.mkdtemp(prefix, mapped(callback, (dir) => encodeResult(dir, options.encoding)));
}

function mkdtempSync(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  return encodeResult(binding.mkdtemp(prefix), options.encoding);
}

// --- readdir --------------------------------------------------------------

function readdirArgs(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  return { path, options, withFileTypes: Boolean(options.withFileTypes) };
}

function readdir(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  ({ path, options } = readdirArgs(path, options));
  const { encoding, withFileTypes } = options;
  if (options.recursive) {
    // Node 20 lists the tree synchronously here: the callback runs before
    // readdir() returns, and a failure is thrown.
    callback(null, runSync(ops.readdirRecursiveSteps(path, Boolean(withFileTypes), encoding, false)));
    return;
  }
  binding.readdir(path, Boolean(withFileTypes), (err, result) => {
    if (err) {
      callback(err);
    } else if (!withFileTypes) {
      callback(null, ops.sortListing(result, false).map((name) => encodeResult(name, encoding)));
    } else {
      const [names, types] = ops.sortListing(result, true);
      const dirents = ops.makeDirents(path, names, types, encoding);
      if (dirents) callback(null, dirents);
      else runCallback(ops.direntsSteps(path, names, types, encoding), callback);
    }
  });
}

function readdirSync(path, options) {
  let withFileTypes;
  ({ path, options, withFileTypes } = readdirArgs(path, options));
  const { encoding } = options;
  if (options.recursive) return runSync(ops.readdirRecursiveSteps(path, withFileTypes, encoding, false));
  const result = ops.sortListing(binding.readdir(path, withFileTypes), withFileTypes);
  if (!withFileTypes) return result.map((name) => encodeResult(name, encoding));
  const [names, types] = result;
  return ops.makeDirents(path, names, types, encoding) ?? runSync(ops.direntsSteps(path, names, types, encoding));
}

// --- stat family ----------------------------------------------------------

function statsCallback(callback, options) {
  const bigint = options?.bigint ?? false;
  return mapped(callback, (array) => getStatsFromBinding(array, bigint));
}

function fstat(fd, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = makeCallback(callback);
  fd = getValidatedFd(fd);
  binding.fstat(fd, statsCallback(callback, options));
}

function lstat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = makeCallback(callback);
  binding.lstat(getValidatedPath(path), statsCallback(callback, options));
}

function stat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = makeCallback(callback);
  binding.stat(getValidatedPath(path), statsCallback(callback, options));
}

function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = makeCallback(callback);
  const bigint = options.bigint ?? false;
  binding.statfs(getValidatedPath(path), mapped(callback, (array) => getStatFsFromBinding(array, bigint)));
}

// Sync stats without bigint are made natively (binding.statSync); bigint ones from the
// array of raw fields.
const kStatSyncDefaults = Object.freeze({ bigint: false, throwIfNoEntry: true });

function fstatSync(fd, options = kStatSyncDefaults) {
  fd = getValidatedFd(fd);
  if (!options.bigint) return binding.statSync(fd, true);
  return getStatsFromBinding(binding.fstat(fd), true);
}

// With throwIfNoEntry: false a missing entry (ENOENT) gives undefined instead
// of an error.
function statWith(follow, path, options) {
  path = getValidatedPath(path);
  try {
    if (!options.bigint) return binding.statSync(path, follow);
    return getStatsFromBinding(follow ? binding.stat(path) : binding.lstat(path), true);
  } catch (err) {
    if (options.throwIfNoEntry === false && err.code === 'ENOENT') return undefined;
    throw err;
  }
}

// A path string with the default options goes straight to the native call (statSync is
// hot in loaders and file walkers), which answers undefined where getValidatedPath would
// throw.
function lstatSync(path, options = kStatSyncDefaults) {
  if (options === kStatSyncDefaults && typeof path === 'string') {
    const stats = binding.statSync(path, false);
    if (stats !== undefined) return stats;
  }
  return statWith(false, path, options);
}

function statSync(path, options = kStatSyncDefaults) {
  if (options === kStatSyncDefaults && typeof path === 'string') {
    const stats = binding.statSync(path, true);
    if (stats !== undefined) return stats;
  }
  return statWith(true, path, options);
}

function statfsSync(path, options = { bigint: false }) {
  return getStatFsFromBinding(binding.statfs(getValidatedPath(path)), options.bigint);
}

// --- links ----------------------------------------------------------------

function readlink(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  binding.readlink(path, mapped(callback, (target) => encodeResult(target, options.encoding)));
}

function readlinkSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  return encodeResult(binding.readlink(path), options.encoding);
}

// The type argument only matters on Windows, but is checked everywhere.
function validateSymlinkType(type) {
  if (type != null && type !== 'dir' && type !== 'file' && type !== 'junction') {
    throw new codes.ERR_FS_INVALID_SYMLINK_TYPE(type);
  }
}

function symlink(target, path, type, callback) {
  callback = makeCallback(arguments[arguments.length - 1]);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  validateSymlinkType(typeof type === 'string' ? type : null);
  binding.symlink(target, path, completion(callback));
}

function symlinkSync(target, path, type) {
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  validateSymlinkType(typeof type === 'string' ? type : null);
  binding.symlink(target, path);
}

function link(existingPath, newPath, callback) {
  callback = makeCallback(callback);
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.link(existingPath, newPath, completion(callback));
}

function linkSync(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.link(existingPath, newPath);
}

// --- permissions and ownership --------------------------------------------

function fchmod(fd, mode, callback) {
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  fd = getValidatedFd(fd);
  binding.fchmod(fd, mode, completion(callback));
}

function fchmodSync(fd, mode) {
  mode = parseFileMode(mode, 'mode');
  binding.fchmod(getValidatedFd(fd), mode);
}

function chmod(path, mode, callback) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  binding.chmod(path, mode, completion(callback));
}

function chmodSync(path, mode) {
  path = getValidatedPath(path);
  binding.chmod(path, parseFileMode(mode, 'mode'));
}

function lchown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateId(uid, 'uid');
  validateId(gid, 'gid');
  binding.lchown(path, uid, gid, completion(callback));
}

function lchownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateId(uid, 'uid');
  validateId(gid, 'gid');
  binding.lchown(path, uid, gid);
}

function fchown(fd, uid, gid, callback) {
  validateId(uid, 'uid');
  validateId(gid, 'gid');
  callback = makeCallback(callback);
  fd = getValidatedFd(fd);
  binding.fchown(fd, uid, gid, completion(callback));
}

function fchownSync(fd, uid, gid) {
  validateId(uid, 'uid');
  validateId(gid, 'gid');
  binding.fchown(getValidatedFd(fd), uid, gid);
}

function chown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateId(uid, 'uid');
  validateId(gid, 'gid');
  binding.chown(path, uid, gid, completion(callback));
}

function chownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateId(uid, 'uid');
  validateId(gid, 'gid');
  binding.chown(path, uid, gid);
}

// --- times ----------------------------------------------------------------

function utimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime), completion(callback));
}

function utimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime));
}

function futimes(fd, atime, mtime, callback) {
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  callback = makeCallback(callback);
  fd = getValidatedFd(fd);
  binding.futimes(fd, atime, mtime, completion(callback));
}

function futimesSync(fd, atime, mtime) {
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  binding.futimes(getValidatedFd(fd), atime, mtime);
}

function lutimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.lutimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime), completion(callback));
}

function lutimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  binding.lutimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime));
}

// --- sync to disk ---------------------------------------------------------

function fsync(fd, callback) {
  callback = makeCallback(callback);
  fd = getValidatedFd(fd);
  binding.fsync(fd, completion(callback));
}

function fsyncSync(fd) {
  binding.fsync(getValidatedFd(fd));
}

function fdatasync(fd, callback) {
  callback = makeCallback(callback);
  fd = getValidatedFd(fd);
  binding.fdatasync(fd, completion(callback));
}

function fdatasyncSync(fd) {
  binding.fdatasync(getValidatedFd(fd));
}

// --- copy -----------------------------------------------------------------

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidMode(mode, 0);
  callback = makeCallback(callback);
  binding.copyFile(src, dest, mode, completion(callback));
}

function copyFileSync(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  binding.copyFile(src, dest, getValidMode(mode, 0));
}

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  const cpModule = require('internal/fs/cp');
  options = cpModule.validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  // Node's cp reports as a callbackified promise does: on a later tick, and
  // with (null, undefined) on success.
  runCallback(cpModule.cpSteps(src, dest, options), (err) => {
    if (err) process.nextTick(callback, err);
    else process.nextTick(callback, null, undefined);
  });
}

function cpSync(src, dest, options) {
  const cpModule = require('internal/fs/cp');
  options = cpModule.validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  runSync(cpModule.cpSteps(src, dest, options, true));
}

// --- realpath -------------------------------------------------------------

// realpath walks the path in JavaScript, as Node's does (the same errors, and
// no PATH_MAX limit); realpath.native is realpath(3).
function realpathArgs(path) {
  path = toPathIfFileURL(path);
  if (typeof path !== 'string') path = `${path}`;
  return getValidatedPath(path);
}

function realpath(path, options, callback) {
  callback = typeof options === 'function' ? options : makeCallback(callback);
  options = getOptions(options);
  path = realpathArgs(path);
  runCallback(ops.realpathSteps(path), mapped(callback, (result) => encodeResult(result, options.encoding)));
}

realpath.native = function (path, options, callback) {
  callback = makeCallback(callback || options);
  options = getOptions(options);
  path = getValidatedPath(path);
  binding.realpath(path, mapped(callback, (result) => encodeResult(result, options.encoding)));
};

function realpathSync(path, options) {
  options = getOptions(options);
  return encodeResult(runSync(ops.realpathSteps(realpathArgs(path))), options.encoding);
}

realpathSync.native = function (path, options) {
  options = getOptions(options);
  return encodeResult(binding.realpath(getValidatedPath(path)), options.encoding);
};

// --- watching -------------------------------------------------------------

function watch(filename, options, listener) {
  return require('internal/fs/watch').watch(filename, options, listener);
}

function watchFile(filename, options, listener) {
  return require('internal/fs/watchers').watchFile(filename, options, listener);
}

function unwatchFile(filename, listener) {
  require('internal/fs/watchers').unwatchFile(filename, listener);
}

// --- streams and blobs ----------------------------------------------------

let streamsModule;
const streams = () => (streamsModule ??= require('internal/fs/streams'));

function createReadStream(path, options) {
  return new (streams().ReadStream)(path, options);
}

function createWriteStream(path, options) {
  return new (streams().WriteStream)(path, options);
}

// A Blob of the file's current contents (Node's Blob reads the file lazily;
// this one is read up front).
function openAsBlob(path, options = kEmptyObject) {
  validateObject(options, 'options');
  const type = options.type || '';
  if (typeof type !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('options.type', 'string', type);
  path = getValidatedPath(path);
  return new Promise((resolve, reject) => {
    binding.readFile(path, O_RDONLY, (err, bytes) => {
      if (err) reject(err);
      else resolve(new (require('internal/blob').Blob)([bytes], { type }));
    });
  });
}

// --- the module object ----------------------------------------------------

let promisesModule;
let dirModule;
const dir = () => (dirModule ??= require('internal/fs/dir'));

module.exports = {
  appendFile,
  appendFileSync,
  access,
  accessSync,
  chown,
  chownSync,
  chmod,
  chmodSync,
  close,
  closeSync,
  copyFile,
  copyFileSync,
  cp,
  cpSync,
  createReadStream,
  createWriteStream,
  exists,
  existsSync,
  fchown,
  fchownSync,
  fchmod,
  fchmodSync,
  fdatasync,
  fdatasyncSync,
  fstat,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncate,
  ftruncateSync,
  futimes,
  futimesSync,
  lchown,
  lchownSync,
  // lchmod exists only where the platform has it (macOS), as in Node.
  lchmod: undefined,
  lchmodSync: undefined,
  link,
  linkSync,
  lstat,
  lstatSync,
  lutimes,
  lutimesSync,
  mkdir,
  mkdirSync,
  mkdtemp,
  mkdtempSync,
  open,
  openSync,
  openAsBlob,
  readdir,
  readdirSync,
  read,
  readSync,
  readv,
  readvSync,
  readFile,
  readFileSync,
  readlink,
  readlinkSync,
  realpath,
  realpathSync,
  rename,
  renameSync,
  rm,
  rmSync,
  rmdir,
  rmdirSync,
  stat,
  statfs,
  statSync,
  statfsSync,
  symlink,
  symlinkSync,
  truncate,
  truncateSync,
  unwatchFile,
  unlink,
  unlinkSync,
  utimes,
  utimesSync,
  watch,
  watchFile,
  writeFile,
  writeFileSync,
  write,
  writeSync,
  writev,
  writevSync,
  Dirent,
  Stats,
};

// Members loaded on first use, enumerable as in Node. The stream classes stay
// accessors; the Dir members become plain properties once loaded.
function defineLazy(name, get, replace) {
  const define = (value) => Object.defineProperty(module.exports, name, {
    value, writable: true, enumerable: true, configurable: true,
  });
  Object.defineProperty(module.exports, name, {
    get: replace ? () => { const value = get(); define(value); return value; } : get,
    set: define,
    enumerable: true,
    configurable: true,
  });
}

defineLazy('ReadStream', () => streams().ReadStream, false);
defineLazy('WriteStream', () => streams().WriteStream, false);
defineLazy('FileReadStream', () => streams().ReadStream, false);
defineLazy('FileWriteStream', () => streams().WriteStream, false);
module.exports._toUnixTimestamp = toUnixTimestamp;
defineLazy('Dir', () => dir().Dir, true);
defineLazy('opendir', () => dir().opendir, true);
defineLazy('opendirSync', () => dir().opendirSync, true);

Object.defineProperties(module.exports, {
  F_OK: { value: constants.F_OK, enumerable: true },
  R_OK: { value: constants.R_OK, enumerable: true },
  W_OK: { value: constants.W_OK, enumerable: true },
  X_OK: { value: constants.X_OK, enumerable: true },
  constants: { value: constants, enumerable: true },
  promises: {
    get() {
      return (promisesModule ??= require('internal/fs/promises').exports);
    },
    enumerable: true,
    configurable: true,
  },
});
