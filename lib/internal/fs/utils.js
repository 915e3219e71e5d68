'use strict';

// What fs, fs/promises, the fs streams and Dir share: the constants, the
// checks and conversions every call makes on its arguments (paths, fds,
// flags, modes, times, options), Stats/BigIntStats/StatFs/Dirent, the
// errors fs raises itself, and the drivers that run one multi-step
// operation (rm, cp, realpath, ...) synchronously, with a callback or as a
// promise.

const { Buffer } = require('buffer');

// internal/errors is loaded when an argument is wrong, not when fs loads.
let errorsModule;
function errors() {
  return (errorsModule ??= require('internal/errors'));
}

// `new codes.ERR_X(...)` without loading internal/errors up front. The few
// codes fs needs that internal/errors lacks are made here, the same shape:
// `code` an own property, "Name [CODE]: message" from toString() and atop the stack.
const kLocalCodes = {
  ERR_INCOMPATIBLE_OPTION_PAIR: [TypeError, (a, b) => `Option "${a}" cannot be used in combination with option "${b}"`],
};
const codes = new Proxy({}, {
  get: (_, code) => errors().codes[code] ?? localCode(code),
});

function localCode(code) {
  const [Base, message] = kLocalCodes[code];
  return function NodeError(...args) {
    const err = new Base(message(...args));
    err.code = code;
    Object.defineProperty(err, 'toString', {
      value() {
        return `${this.name} [${code}]: ${this.message}`;
      },
      writable: true,
      configurable: true,
    });
    labelStack(err, code);
    return err;
  };
}

// "Name: message" atop the stack becomes "Name [CODE]: message".
function labelStack(err, code) {
  if (typeof err.stack !== 'string') return;
  Object.defineProperty(err, 'stack', {
    value: err.stack.replace(`${err.name}: `, `${err.name} [${code}]: `),
    writable: true,
    configurable: true,
  });
}

// Linux values, in Node's order. Node's object has a null prototype and is not frozen.
const constants = {
  __proto__: null,
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2,
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3,
  UV_DIRENT_FIFO: 4, UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
  EXTENSIONLESS_FORMAT_JAVASCRIPT: 0, EXTENSIONLESS_FORMAT_WASM: 1,
  S_IFMT: 0o170000, S_IFREG: 0o100000, S_IFDIR: 0o40000, S_IFCHR: 0o20000, S_IFBLK: 0o60000,
  S_IFIFO: 0o10000, S_IFLNK: 0o120000, S_IFSOCK: 0o140000,
  O_CREAT: 0o100, O_EXCL: 0o200, UV_FS_O_FILEMAP: 0, O_NOCTTY: 0o400, O_TRUNC: 0o1000,
  O_APPEND: 0o2000, O_DIRECTORY: 0o200000, O_NOATIME: 0o1000000, O_NOFOLLOW: 0o400000,
  O_SYNC: 0o4010000, O_DSYNC: 0o10000, O_DIRECT: 0o40000, O_NONBLOCK: 0o4000,
  S_IRWXU: 0o700, S_IRUSR: 0o400, S_IWUSR: 0o200, S_IXUSR: 0o100,
  S_IRWXG: 0o70, S_IRGRP: 0o40, S_IWGRP: 0o20, S_IXGRP: 0o10,
  S_IRWXO: 0o7, S_IROTH: 0o4, S_IWOTH: 0o2, S_IXOTH: 0o1,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1,
  UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4,
};

const {
  O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_SYNC,
  S_IFMT, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK,
  UV_DIRENT_UNKNOWN, UV_DIRENT_FILE, UV_DIRENT_DIR, UV_DIRENT_LINK, UV_DIRENT_FIFO,
  UV_DIRENT_SOCKET, UV_DIRENT_CHAR, UV_DIRENT_BLOCK,
} = constants;

const kEmptyObject = Object.freeze({ __proto__: null });
const kMaxUserId = 2 ** 32 - 1;

// --- Argument checks ------------------------------------------------------
// Each check costs a typeof on the good path; internal/errors is only
// reached to describe a bad argument.

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    errors().validateInteger(value, name, min, max);
  }
}

function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  validateInteger(value, name, min, max);
}

function validateUint32(value, name) {
  validateInteger(value, name, 0, 4294967295);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw new codes.ERR_INVALID_ARG_TYPE(name, 'Function', value);
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw new codes.ERR_INVALID_ARG_TYPE(name, 'boolean', value);
}

// Plain objects (not arrays), and null where `nullable`.
function validateObject(value, name, nullable = false) {
  if (value === null ? !nullable : (typeof value !== 'object' || Array.isArray(value))) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}

function validateBuffer(buffer, name = 'buffer') {
  if (!ArrayBuffer.isView(buffer)) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

// The callback of every callback-style call: checked before anything else.
function makeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

// A file: URL becomes its path. Anything shaped like a WHATWG URL counts (as
// in Node), which is tested here cheaply so that internal/url loads only for URLs.
function toPathIfFileURL(value) {
  if (value === null || typeof value !== 'object' || !value.href || !value.protocol) return value;
  const url = require('internal/url');
  return url.isURL(value) ? url.fileURLToPath(value) : value;
}

// A path argument (string, Buffer/Uint8Array or file: URL) as the string the
// native side takes. Buffers are read as UTF-8.
function getValidatedPath(value, name = 'path') {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throwNullBytes(name, value);
    return value;
  }
  const path = toPathIfFileURL(value);
  if (typeof path === 'string') {
    if (path.includes('\u0000')) throwNullBytes(name, path);
    return path;
  }
  if (path instanceof Uint8Array) {
    if (path.includes(0)) throwNullBytes(name, path);
    return Buffer.from(path.buffer, path.byteOffset, path.byteLength).toString();
  }
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
}

function throwNullBytes(name, path) {
  throw new codes.ERR_INVALID_ARG_VALUE(name, path, 'must be a string, Uint8Array, or URL without null bytes');
}

// readFile, writeFile and appendFile take an fd in place of the path.
function isFd(value) {
  return (value >>> 0) === value;
}

function getValidatedFd(fd, name = 'fd') {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, name, 0);
  return fd;
}

const kFlags = {
  __proto__: null,
  r: O_RDONLY,
  rs: O_RDONLY | O_SYNC, sr: O_RDONLY | O_SYNC,
  'r+': O_RDWR,
  'rs+': O_RDWR | O_SYNC, 'sr+': O_RDWR | O_SYNC,
  w: O_TRUNC | O_CREAT | O_WRONLY,
  wx: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL, xw: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR,
  'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL, 'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  a: O_APPEND | O_CREAT | O_WRONLY,
  ax: O_APPEND | O_CREAT | O_WRONLY | O_EXCL, xa: O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  as: O_APPEND | O_CREAT | O_WRONLY | O_SYNC, sa: O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'a+': O_APPEND | O_CREAT | O_RDWR,
  'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL, 'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC, 'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};

// 'r', 'wx+', ... or a number of O_* bits; null and undefined mean 'r'.
function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') return flags;
  if (flags == null) return O_RDONLY;
  const value = typeof flags === 'string' ? kFlags[flags] : undefined;
  if (value === undefined) throw new codes.ERR_INVALID_ARG_VALUE(name, flags);
  return value;
}

// Flags that reach open(): numbers must be int32.
function getValidatedFlags(flags, name = 'flags') {
  const value = stringToFlags(flags, name);
  validateInt32(value, name);
  return value;
}

// A mode: a uint32 or an octal string ('755'); `def` when undefined.
function parseFileMode(value, name, def) {
  value ??= def;
  if (typeof value === 'string') {
    if (!/^[0-7]+$/.test(value)) {
      throw new codes.ERR_INVALID_ARG_VALUE(name, value, 'must be a 32-bit unsigned integer or an octal string');
    }
    value = parseInt(value, 8);
  }
  validateUint32(value, name);
  return value;
}

// access() and copyFile() modes (F_OK..R_OK|W_OK|X_OK, COPYFILE_* bits).
// Node checks these natively, hence plain messages without the usual
// "The ... argument" phrasing.
function getValidMode(mode, def) {
  if (mode == null) return def;
  if (typeof mode !== 'number') {
    throw Object.assign(new TypeError('mode must be int32 or null/undefined'), { code: 'ERR_INVALID_ARG_TYPE' });
  }
  if (mode < 0 || mode > 7) {
    throw Object.assign(new RangeError('mode is out of range: >= 0 && <= 7'), { code: 'ERR_OUT_OF_RANGE' });
  }
  return mode | 0;
}

// uid/gid: -1 (leave as is) up to 2^32 - 1.
function validateId(value, name) {
  validateInteger(value, name, -1, kMaxUserId);
}

// Seconds since the epoch, from a Date, a number or a numeric string (Node's
// _toUnixTimestamp): what utimes and friends take.
function toUnixTimestamp(time, name = 'time') {
  // (Loosely equal on purpose: ' 12 ' counts as 12, as in Node.)
  if (typeof time === 'string' && +time == time) return +time; // eslint-disable-line eqeqeq
  if (Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
  if (time instanceof Date) return time.getTime() / 1000;
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

// A position for read/write: an integer >= -1 or an int64 bigint; -1 means
// "the current position".
function validatePosition(position, name) {
  if (typeof position === 'number') {
    validateInteger(position, name, -1);
  } else if (typeof position === 'bigint') {
    if (position < -(2n ** 63n) || position > 2n ** 63n - 1n) {
      throw new codes.ERR_OUT_OF_RANGE(name, `>= ${-(2n ** 63n)} && <= ${2n ** 63n - 1n}`, position);
    }
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['bigint', 'integer'], position);
  }
}

// The position the native side takes: a number, -1 for "current".
function nativePosition(position) {
  if (position == null) return -1;
  return typeof position === 'bigint' ? Number(position) : position;
}

function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw new codes.ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw new codes.ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength) {
    throw new codes.ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
  }
}

function validateOffsetLengthWrite(offset, length, byteLength) {
  if (offset > byteLength) throw new codes.ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) {
    throw new codes.ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
  }
  if (length < 0) throw new codes.ERR_OUT_OF_RANGE('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

// The read-side checks of read()/readSync()/FileHandle.read() once their
// arguments are sorted out. Returns false for a zero-length read, which
// completes at once without touching the file.
function validateReadArgs(buffer, offset, length, position) {
  if (length === 0) return false;
  if (buffer.byteLength === 0) {
    throw new codes.ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  validatePosition(position ?? -1, 'position');
  return true;
}

function validateStringAfterArrayBufferView(buffer, name) {
  if (typeof buffer !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
}

// Hex strings of odd length cannot be written whole.
function validateEncoding(data, encoding) {
  if (encoding === 'hex' && data.length % 2 !== 0) {
    throw new codes.ERR_INVALID_ARG_VALUE('encoding', encoding, `is invalid for data of length ${data.length}`);
  }
}

function assertEncoding(encoding) {
  if (encoding && !Buffer.isEncoding(encoding)) {
    throw new codes.ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
}

// The options argument of most calls: an object, an encoding name, or
// nothing (a function in its place is the callback).
function getOptions(options, defaults = kEmptyObject) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') {
    options = { ...defaults, encoding: options };
  } else if (typeof options !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  return options;
}

// A string from the native side in the caller's encoding ('buffer' gives a Buffer).
function encodeResult(value, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return value;
  const bytes = Buffer.from(value);
  return encoding === 'buffer' ? bytes : bytes.toString(encoding);
}

// Bytes from the native side as a Buffer (no copy), or decoded.
function bufferOf(bytes) {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// The native whole-file read refuses a regular file over 2 GiB with EFBIG before reading;
// Node reports that as ERR_FS_FILE_TOO_LARGE with the size, found here again (error path
// only). `target` is the path or fd that was read.
function readFileError(err, target) {
  if (err?.code !== 'EFBIG' || err.syscall !== 'read') return err;
  let size;
  try {
    const binding = require('internal/fs/binding');
    size = (typeof target === 'number' ? binding.fstat(target) : binding.stat(target))[8];
  } catch {
    return err;
  }
  return new codes.ERR_FS_FILE_TOO_LARGE(size);
}

function abortError(signal) {
  const { AbortError } = errors();
  return new AbortError(undefined, { cause: signal.reason });
}

function checkAborted(signal) {
  if (signal?.aborted) throw abortError(signal);
}

// --- Errors fs raises itself ----------------------------------------------

// Node's SystemError (err.name 'SystemError', code ERR_*, the libuv
// details under `info` and mirrored as errno/syscall/path/dest accessors),
// used for rm's ERR_FS_EISDIR, cp's ERR_FS_CP_* errors and dgram's
// ERR_SOCKET_BUFFER_SIZE.
const kSystemErrorPrefixes = {
  ERR_FS_CP_DIR_TO_NON_DIR: 'Cannot overwrite non-directory with directory',
  ERR_FS_CP_EEXIST: 'Target already exists',
  ERR_FS_CP_EINVAL: 'Invalid src or dest',
  ERR_FS_CP_FIFO_PIPE: 'Cannot copy a FIFO pipe',
  ERR_FS_CP_NON_DIR_TO_DIR: 'Cannot overwrite directory with non-directory',
  ERR_FS_CP_SOCKET: 'Cannot copy a socket file',
  ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY: 'Cannot overwrite symlink in subdirectory of self',
  ERR_FS_CP_UNKNOWN: 'Cannot copy an unknown file type',
  ERR_FS_EISDIR: 'Path is a directory',
  ERR_SOCKET_BUFFER_SIZE: 'Could not get or set buffer size',
};

// Positive errno values, as Node puts them in these errors' info.
const kErrno = { EEXIST: 17, EINVAL: 22, EISDIR: 21, ENOTDIR: 20 };

// `info` is { code, message, path, syscall, errno } (dest too, if any), its
// keys in the order the caller gives them, as Node's differ by call site.
class SystemError extends Error {
  constructor(key, info) {
    let text = `${kSystemErrorPrefixes[key]}: ${info.syscall} returned ${info.code} (${info.message})`;
    if (info.path !== undefined) text += ` ${info.path}`;
    if (info.dest !== undefined) text += ` => ${info.dest}`;
    super(text);
    labelStack(this, key);
    this.code = key;
    this.info = info;
    for (const prop of ['errno', 'syscall', 'path', 'dest']) {
      if (info[prop] === undefined) continue;
      Object.defineProperty(this, prop, {
        get() { return info[prop]; },
        set(value) { info[prop] = value; },
        enumerable: true,
        configurable: true,
      });
    }
  }

  get name() {
    return 'SystemError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  // Inspected with the accessors' values shown, as in Node.
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return inspect(this, { ...options, getters: true, customInspect: false });
  }
}

// The class of cp's errors in Node (which makes one per code, all named so);
// rm's ERR_FS_EISDIR is a plain SystemError.
class NodeError extends SystemError {}

// rm() of a directory without `recursive`.
function eisdirError(path) {
  return new SystemError('ERR_FS_EISDIR', {
    code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: kErrno.EISDIR,
  });
}

// --- Stats ----------------------------------------------------------------

// Node's Stats and BigIntStats share the is*() methods through a common
// prototype; _checkModeProperty is the one comparison they differ in.
function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
}

StatsBase.prototype.isDirectory = function isDirectory() {
  return this._checkModeProperty(S_IFDIR);
};
StatsBase.prototype.isFile = function isFile() {
  return this._checkModeProperty(S_IFREG);
};
StatsBase.prototype.isBlockDevice = function isBlockDevice() {
  return this._checkModeProperty(S_IFBLK);
};
StatsBase.prototype.isCharacterDevice = function isCharacterDevice() {
  return this._checkModeProperty(S_IFCHR);
};
StatsBase.prototype.isSymbolicLink = function isSymbolicLink() {
  return this._checkModeProperty(S_IFLNK);
};
StatsBase.prototype.isFIFO = function isFIFO() {
  return this._checkModeProperty(S_IFIFO);
};
StatsBase.prototype.isSocket = function isSocket() {
  return this._checkModeProperty(S_IFSOCK);
};

// Node rounds milliseconds to the nearest one for the Date fields.
const dateFromMs = (ms) => new Date(Math.round(Number(ms)));

// new fs.Stats(...) is public (Node 20 does not deprecate it yet), hence a
// plain constructor function with Node's parameter list.
function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
               atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  this.atime = dateFromMs(atimeMs);
  this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs);
  this.birthtime = dateFromMs(birthtimeMs);
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Object.setPrototypeOf(Stats, StatsBase);

// Non-bigint Stats are made natively with this prototype (crates/runtime/src/bindings/fs/stats.rs).
const { setStatsPrototype, statsFromArray } = require('internal/fs/binding');
setStatsPrototype(Stats.prototype);

Stats.prototype._checkModeProperty = function _checkModeProperty(property) {
  return (this.mode & S_IFMT) === property;
};

// BigIntStats carries the nanosecond times as well; its Date fields come
// from whole milliseconds.
function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
                     atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeNs / 1000000n;
  this.mtimeMs = mtimeNs / 1000000n;
  this.ctimeMs = ctimeNs / 1000000n;
  this.birthtimeMs = birthtimeNs / 1000000n;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
  this.atime = new Date(Number(this.atimeMs));
  this.mtime = new Date(Number(this.mtimeMs));
  this.ctime = new Date(Number(this.ctimeMs));
  this.birthtime = new Date(Number(this.birthtimeMs));
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
Object.setPrototypeOf(BigIntStats, StatsBase);

BigIntStats.prototype._checkModeProperty = function _checkModeProperty(property) {
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};

// Stats from the native Float64Array: [dev, mode, nlink, uid, gid, rdev,
// blksize, ino, size, blocks, then seconds and nanoseconds of atime, mtime,
// ctime and birthtime].
function getStatsFromBinding(a, bigint = false) {
  if (bigint) {
    const ns = (i) => BigInt(a[i]) * 1000000000n + BigInt(a[i + 1]);
    return new BigIntStats(
      BigInt(a[0]), BigInt(a[1]), BigInt(a[2]), BigInt(a[3]), BigInt(a[4]), BigInt(a[5]),
      BigInt(a[6]), BigInt(a[7]), BigInt(a[8]), BigInt(a[9]),
      ns(10), ns(12), ns(14), ns(16));
  }
  return statsFromArray(a);
}

class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

function getStatFsFromBinding(a, bigint = false) {
  const values = Array.from(a, bigint ? BigInt : Number);
  return new StatFs(...values);
}

// --- Dirent ---------------------------------------------------------------

const kType = Symbol('type');

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }

  isDirectory() {
    return this[kType] === UV_DIRENT_DIR;
  }

  isFile() {
    return this[kType] === UV_DIRENT_FILE;
  }

  isBlockDevice() {
    return this[kType] === UV_DIRENT_BLOCK;
  }

  isCharacterDevice() {
    return this[kType] === UV_DIRENT_CHAR;
  }

  isSymbolicLink() {
    return this[kType] === UV_DIRENT_LINK;
  }

  isFIFO() {
    return this[kType] === UV_DIRENT_FIFO;
  }

  isSocket() {
    return this[kType] === UV_DIRENT_SOCKET;
  }
}

// The UV_DIRENT_* type of an lstat mode: for entries whose type the
// directory listing left unknown (some filesystems do not report it).
function direntTypeOfMode(mode) {
  switch (mode & S_IFMT) {
    case S_IFREG: return UV_DIRENT_FILE;
    case S_IFDIR: return UV_DIRENT_DIR;
    case S_IFLNK: return UV_DIRENT_LINK;
    case S_IFIFO: return UV_DIRENT_FIFO;
    case S_IFSOCK: return UV_DIRENT_SOCKET;
    case S_IFCHR: return UV_DIRENT_CHAR;
    case S_IFBLK: return UV_DIRENT_BLOCK;
    default: return UV_DIRENT_UNKNOWN;
  }
}

// --- Running multi-step operations ----------------------------------------
//
// An operation that takes several native calls (rm, cp, realpath, recursive
// readdir, ...) is written once, as a generator that yields each call it
// needs as `[fn, ...args]` and gets back the result (or has the error thrown
// into it). Three drivers run it: synchronously, with a callback, or as a
// promise. Two requests are not native calls: `[kUserCall, fn, ...args]`
// calls user code (a cp filter; the asynchronous drivers wait for a promise
// it returns) and `[kSleep, ms]` pauses (rm's retries).

const kUserCall = Symbol('kUserCall');
const kSleep = Symbol('kSleep');

function runSync(gen) {
  let step = gen.next();
  while (!step.done) {
    const [fn, ...args] = step.value;
    let result;
    try {
      if (fn === kUserCall) result = callUserSync(args);
      else if (fn === kSleep) sleepSync(args[0]);
      else result = fn(...args);
    } catch (err) {
      step = gen.throw(err);
      continue;
    }
    step = gen.next(result);
  }
  return step.value;
}

function callUserSync([fn, ...args]) {
  const result = fn(...args);
  if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
    throw new codes.ERR_INVALID_RETURN_VALUE('boolean', 'filter', result);
  }
  return result;
}

// Blocks the thread, as Node's synchronous rm does between retries.
function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// Calls `callback(err, value)` once the generator finishes; the callback runs
// outside the driver's try blocks, so what it throws is not fed back in.
function runCallback(gen, callback) {
  const resume = (err, result) => (err ? advance('throw', err) : advance('next', result));
  function advance(method, value) {
    let step;
    try {
      step = gen[method](value);
    } catch (err) {
      callback(err);
      return;
    }
    if (step.done) {
      callback(null, step.value);
      return;
    }
    const [fn, ...args] = step.value;
    if (fn === kSleep) {
      setTimeout(resume, args[0]);
      return;
    }
    let pending;
    try {
      pending = fn === kUserCall ? args[0](...args.slice(1)) : fn(...args, resume);
    } catch (err) {
      // A throwing filter, or a native call that rejects its arguments outright.
      advance('throw', err);
      return;
    }
    // (Resumed from a tick, not from the promise job: an exception in the
    // user's callback must surface as uncaught, not as a rejection.)
    if (fn === kUserCall) {
      Promise.resolve(pending).then(
        (v) => process.nextTick(advance, 'next', v),
        (e) => process.nextTick(advance, 'throw', e));
    }
  }
  advance('next');
}

function runPromise(gen) {
  return new Promise((resolve, reject) => {
    runCallback(gen, (err, value) => (err ? reject(err) : resolve(value)));
  });
}

// One native call as a promise.
function callPromise(fn, ...args) {
  return new Promise((resolve, reject) => {
    fn(...args, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

module.exports = {
  readFileError,
  constants,
  kEmptyObject,
  kUserCall,
  kSleep,
  codes,
  errors,
  validateInteger,
  validateInt32,
  validateUint32,
  validateFunction,
  validateBoolean,
  validateObject,
  validateBuffer,
  validateAbortSignal,
  validateId,
  validateOffsetLengthRead,
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
  abortError,
  checkAborted,
  kErrno,
  NodeError,
  eisdirError,
  SystemError,
  Stats,
  getStatsFromBinding,
  getStatFsFromBinding,
  Dirent,
  direntTypeOfMode,
  runSync,
  runCallback,
  runPromise,
  callPromise,
};
