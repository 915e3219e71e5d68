'use strict';
// fs: the calls the foundation needs, sync and on the worker pool. The complete module
// (every call in three styles, streams, watch) is the fs issue's work.

const binding = require('internal/fs/binding');
const { Buffer } = require('buffer');
const { codes } = require('internal/errors');

const constants = {
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 0o100, O_EXCL: 0o200, O_NOCTTY: 0o400,
  O_TRUNC: 0o1000, O_APPEND: 0o2000, O_DIRECTORY: 0o200000, O_NOFOLLOW: 0o400000,
  O_SYNC: 0o4010000, O_DSYNC: 0o10000, O_NONBLOCK: 0o4000,
  S_IFMT: 0o170000, S_IFREG: 0o100000, S_IFDIR: 0o040000, S_IFCHR: 0o020000, S_IFBLK: 0o060000,
  S_IFIFO: 0o010000, S_IFLNK: 0o120000, S_IFSOCK: 0o140000,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3, UV_DIRENT_FIFO: 4,
  UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
  COPYFILE_EXCL: 1, COPYFILE_FICLONE: 2, COPYFILE_FICLONE_FORCE: 4,
};

function getPath(p, name = 'path') {
  if (p && typeof p === 'object' && typeof p.href === 'string' && p.protocol) {
    p = require('internal/modules/esm').fileURLToPath(p);
  } else if (Buffer.isBuffer(p)) {
    p = p.toString();
  } else if (typeof p !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], p);
  }
  if (p.includes('\u0000')) {
    throw new codes.ERR_INVALID_ARG_VALUE(name, p, 'must be a string, Uint8Array, or URL without null bytes');
  }
  return p;
}

function flagsOf(flag = 'r') {
  if (typeof flag === 'number') return flag;
  const map = { r: 0, 'r+': 2, rs: 0o4010000, 'rs+': 0o4010002, w: 0o1101, wx: 0o1301, 'w+': 0o1102, 'wx+': 0o1302, a: 0o2101, ax: 0o2301, 'a+': 0o2102, 'ax+': 0o2302, as: 0o4012101, 'as+': 0o4012102 };
  const v = map[flag];
  if (v === undefined) throw new codes.ERR_INVALID_ARG_VALUE('flags', flag);
  return v;
}

function encodingOf(options) {
  if (typeof options === 'string') return options;
  return options && options.encoding ? options.encoding : null;
}

class Stats {
  constructor(a) {
    [this.dev, this.mode, this.nlink, this.uid, this.gid, this.rdev, this.blksize, this.ino, this.size, this.blocks] = a;
    this.atimeMs = a[10] * 1e3 + a[11] / 1e6;
    this.mtimeMs = a[12] * 1e3 + a[13] / 1e6;
    this.ctimeMs = a[14] * 1e3 + a[15] / 1e6;
    this.birthtimeMs = a[16] * 1e3 + a[17] / 1e6;
    this.atime = new Date(this.atimeMs);
    this.mtime = new Date(this.mtimeMs);
    this.ctime = new Date(this.ctimeMs);
    this.birthtime = new Date(this.birthtimeMs);
  }
  isFile() { return (this.mode & constants.S_IFMT) === constants.S_IFREG; }
  isDirectory() { return (this.mode & constants.S_IFMT) === constants.S_IFDIR; }
  isSymbolicLink() { return (this.mode & constants.S_IFMT) === constants.S_IFLNK; }
  isFIFO() { return (this.mode & constants.S_IFMT) === constants.S_IFIFO; }
  isSocket() { return (this.mode & constants.S_IFMT) === constants.S_IFSOCK; }
  isCharacterDevice() { return (this.mode & constants.S_IFMT) === constants.S_IFCHR; }
  isBlockDevice() { return (this.mode & constants.S_IFMT) === constants.S_IFBLK; }
}

function readFileSync(path, options) {
  const enc = encodingOf(options);
  let bytes;
  if (typeof path === 'number') {
    const chunks = [];
    const buf = Buffer.allocUnsafe(65536);
    for (;;) {
      const n = binding.read(path, buf, 0, buf.length, -1);
      if (n <= 0) break;
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    bytes = Buffer.concat(chunks);
  } else {
    const u8 = binding.readFile(getPath(path), 0);
    bytes = Buffer.from(u8.buffer, u8.byteOffset, u8.length);
  }
  return enc ? bytes.toString(enc) : bytes;
}

function writeFileSync(path, data, options) {
  const enc = encodingOf(options) || 'utf8';
  const flag = (options && typeof options === 'object' && options.flag) || 'w';
  const mode = (options && typeof options === 'object' && options.mode) || 0o666;
  const bytes = typeof data === 'string' ? Buffer.from(data, enc) : data;
  if (!ArrayBuffer.isView(bytes)) throw new codes.ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  const fd = typeof path === 'number' ? path : binding.open(getPath(path), flagsOf(flag), mode);
  try {
    let off = 0;
    while (off < bytes.byteLength) off += binding.write(fd, bytes, off, bytes.byteLength - off, -1);
  } finally {
    if (typeof path !== 'number') binding.close(fd);
  }
}

function appendFileSync(path, data, options) {
  const opts = typeof options === 'string' ? { encoding: options } : { ...options };
  writeFileSync(path, data, { ...opts, flag: opts.flag || 'a' });
}

function existsSync(path) {
  try {
    binding.access(getPath(path), 0);
    return true;
  } catch {
    return false;
  }
}

function statSync(path, options) {
  try {
    return new Stats(binding.stat(getPath(path)));
  } catch (err) {
    if (options && options.throwIfNoEntry === false && err.code === 'ENOENT') return undefined;
    throw err;
  }
}

function lstatSync(path, options) {
  try {
    return new Stats(binding.lstat(getPath(path)));
  } catch (err) {
    if (options && options.throwIfNoEntry === false && err.code === 'ENOENT') return undefined;
    throw err;
  }
}

const fstatSync = (fd) => new Stats(binding.fstat(fd));

class Dirent {
  constructor(name, type, dir) {
    this.name = name;
    this.path = dir;
    this[kType] = type;
  }
  isFile() { return this[kType] === 1; }
  isDirectory() { return this[kType] === 2; }
  isSymbolicLink() { return this[kType] === 3; }
  isFIFO() { return this[kType] === 4; }
  isSocket() { return this[kType] === 5; }
  isCharacterDevice() { return this[kType] === 6; }
  isBlockDevice() { return this[kType] === 7; }
}
const kType = Symbol('type');

function readdirSync(path, options) {
  const dir = getPath(path);
  if (options && typeof options === 'object' && options.withFileTypes) {
    const [names, types] = binding.readdir(dir, true);
    return names.map((n, i) => new Dirent(n, types[i], dir));
  }
  return binding.readdir(dir, false);
}

function mkdirSync(path, options) {
  const p = getPath(path);
  const mode = typeof options === 'number' ? options : (options && options.mode) || 0o777;
  if (options && options.recursive) return binding.mkdir(p, mode, true);
  binding.mkdir(p, mode, false);
  return undefined;
}

const unlinkSync = (path) => binding.unlink(getPath(path));
const rmdirSync = (path) => binding.rmdir(getPath(path));
const renameSync = (from, to) => binding.rename(getPath(from, 'oldPath'), getPath(to, 'newPath'));
const realpathSync = (path) => binding.realpath(getPath(path));
realpathSync.native = realpathSync;
const accessSync = (path, mode = 0) => binding.access(getPath(path), mode);
const openSync = (path, flags, mode = 0o666) => binding.open(getPath(path), flagsOf(flags), mode);
const closeSync = (fd) => binding.close(fd);
function readSync(fd, buffer, offset = 0, length = buffer.byteLength - offset, position = -1) {
  if (typeof offset === 'object' && offset !== null) ({ offset = 0, length = buffer.byteLength - offset, position = -1 } = offset);
  const n = binding.read(fd, buffer, offset, length, position === null ? -1 : position);
  return n < 0 ? 0 : n;
}
function writeSync(fd, buffer, offset, length, position) {
  if (typeof buffer === 'string') buffer = Buffer.from(buffer, typeof position === 'string' ? position : 'utf8');
  offset = offset || 0;
  length = length === undefined ? buffer.byteLength - offset : length;
  return binding.write(fd, buffer, offset, length, position === undefined || position === null ? -1 : position);
}

function maybeCallback(cb) {
  if (typeof cb !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('cb', 'Function', cb);
  return cb;
}

// The whole file is read on the worker pool; the callback runs on the loop.
function readFile(path, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  const cb = maybeCallback(callback);
  const enc = encodingOf(options);
  const p = getPath(path);
  binding.readFile(p, 0, (err, u8) => {
    if (err) return cb(err);
    const buf = Buffer.from(u8.buffer, u8.byteOffset, u8.length);
    cb(null, enc ? buf.toString(enc) : buf);
  });
}

// The other callback calls run synchronously and report on the next tick.
function deferSync(fn) {
  return function (...args) {
    const cb = maybeCallback(args.pop());
    let result;
    try {
      result = fn(...args);
    } catch (err) {
      process.nextTick(cb, err);
      return;
    }
    process.nextTick(cb, null, result);
  };
}

const promises = {
  readFile: (path, options) => new Promise((resolve, reject) => readFile(path, options, (err, d) => (err ? reject(err) : resolve(d)))),
  writeFile: async (path, data, options) => writeFileSync(path, data, options),
  appendFile: async (path, data, options) => appendFileSync(path, data, options),
  stat: async (path, options) => statSync(path, options),
  lstat: async (path, options) => lstatSync(path, options),
  readdir: async (path, options) => readdirSync(path, options),
  mkdir: async (path, options) => mkdirSync(path, options),
  unlink: async (path) => unlinkSync(path),
  rmdir: async (path) => rmdirSync(path),
  rename: async (from, to) => renameSync(from, to),
  realpath: async (path) => realpathSync(path),
  access: async (path, mode) => accessSync(path, mode),
  constants,
};

module.exports = {
  constants, Stats, Dirent, promises,
  readFileSync, writeFileSync, appendFileSync, existsSync, statSync, lstatSync, fstatSync, readdirSync,
  mkdirSync, unlinkSync, rmdirSync, renameSync, realpathSync, accessSync, openSync, closeSync, readSync, writeSync,
  readFile,
  writeFile: deferSync(writeFileSync),
  appendFile: deferSync(appendFileSync),
  stat: deferSync(statSync),
  lstat: deferSync(lstatSync),
  fstat: deferSync(fstatSync),
  readdir: deferSync(readdirSync),
  mkdir: deferSync(mkdirSync),
  unlink: deferSync(unlinkSync),
  rmdir: deferSync(rmdirSync),
  rename: deferSync(renameSync),
  realpath: deferSync(realpathSync),
  access: deferSync(accessSync),
  exists: (path, cb) => process.nextTick(cb, existsSync(path)),
  watch: (...args) => require('internal/fs/watch').watch(...args),
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
};
