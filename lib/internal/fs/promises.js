'use strict';

// fs.promises (also `fs/promises`) and FileHandle.
//
// Every function is async, so a bad argument rejects the promise rather
// than throwing. The checks and their order are the same as for the
// callback API in lib/fs.js (with Node's few differences noted where they
// are); the native calls are the binding's pool jobs, one promise each.

const EventEmitter = require('events');
const binding = require('internal/fs/binding');
const { Buffer } = require('buffer');
const {
  constants,
  kEmptyObject,
  codes,
  validateInteger,
  validateBoolean,
  validateObject,
  validateBuffer,
  validateAbortSignal,
  validateId,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validateStringAfterArrayBufferView,
  validateEncoding,
  getValidatedPath,
  getValidatedFd,
  getValidatedFlags,
  parseFileMode,
  getValidMode,
  toUnixTimestamp,
  getOptions,
  encodeResult,
  bufferOf,
  readFileError,
  abortError,
  checkAborted,
  getStatsFromBinding,
  getStatFsFromBinding,
  runPromise,
  callPromise,
} = require('internal/fs/utils');
const ops = require('internal/fs/ops');

const { F_OK, O_RDONLY } = constants;
const kAsyncDispose = Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose');
// The most one write() of writeFile() hands the kernel at a time.
const kWriteFileMaxChunkSize = 512 * 1024;

function validateBufferArray(buffers) {
  if (!Array.isArray(buffers) || !buffers.every((b) => ArrayBuffer.isView(b))) {
    throw new codes.ERR_INVALID_ARG_TYPE('buffers', 'ArrayBufferView[]', buffers);
  }
}

function validateSymlinkType(type) {
  if (type != null && type !== 'dir' && type !== 'file' && type !== 'junction') {
    throw new codes.ERR_FS_INVALID_SYMLINK_TYPE(type);
  }
}

// Iterables other than strings and buffers: what writeFile writes chunk by chunk.
function isCustomIterable(data) {
  return data != null && typeof data === 'object' && !ArrayBuffer.isView(data) &&
    (typeof data[Symbol.iterator] === 'function' || typeof data[Symbol.asyncIterator] === 'function');
}

// --- FileHandle -----------------------------------------------------------

// The fd stays open while calls on it are in flight: close() takes the
// handle's own reference away and the fd is closed when the last call ends.
// A closed handle has fd -1, and calls on it reject with EBADF.
class FileHandle extends EventEmitter {
  #fd;
  #refs = 1;
  #closePromise = null;
  #closeSettle = null;

  constructor(fd) {
    super();
    this.#fd = getValidatedFd(fd);
  }

  get fd() {
    return this.#fd;
  }

  // Runs `fn(this, ...args)` holding a reference; `name` is the syscall
  // reported when the handle is already closed.
  async #call(name, fn, ...args) {
    if (this.#fd === -1) {
      const err = new Error('file closed');
      err.code = 'EBADF';
      err.syscall = name;
      throw err;
    }
    this.#refs++;
    try {
      return await fn(this, ...args);
    } finally {
      this.#unref();
    }
  }

  #unref() {
    if (--this.#refs > 0) return;
    const fd = this.#fd;
    this.#fd = -1;
    const settle = this.#closeSettle;
    callPromise(binding.close, fd).then(() => settle.resolve(), (err) => settle.reject(err));
  }

  close() {
    if (this.#fd === -1) return Promise.resolve();
    if (this.#closePromise !== null) return this.#closePromise;
    this.#closePromise = new Promise((resolve, reject) => {
      this.#closeSettle = { resolve, reject };
    }).finally(() => {
      this.#closePromise = null;
      this.#closeSettle = null;
    });
    const closing = this.#closePromise;
    this.#unref();
    this.emit('close');
    return closing;
  }

  [kAsyncDispose]() {
    return this.close();
  }

  // (On a handle, appending is writing at the current position.)
  appendFile(data, options) {
    return this.#call('writeFile', writeFileHandle, data, options);
  }

  chmod(mode) {
    return this.#call('fchmod', async (handle) => {
      mode = parseFileMode(mode, 'mode');
      await callPromise(binding.fchmod, handle.fd, mode);
    });
  }

  chown(uid, gid) {
    return this.#call('fchown', async (handle) => {
      validateId(uid, 'uid');
      validateId(gid, 'gid');
      await callPromise(binding.fchown, handle.fd, uid, gid);
    });
  }

  datasync() {
    return this.#call('fdatasync', (handle) => callPromise(binding.fdatasync, handle.fd).then(() => undefined));
  }

  sync() {
    return this.#call('fsync', (handle) => callPromise(binding.fsync, handle.fd).then(() => undefined));
  }

  read(buffer, offset, length, position) {
    return this.#call('read', readHandle, buffer, offset, length, position);
  }

  readv(buffers, position) {
    return this.#call('readv', async (handle) => {
      validateBufferArray(buffers);
      const bytesRead = await callPromise(binding.readv, handle.fd, buffers, nativePosition(position));
      return { __proto__: null, bytesRead: bytesRead || 0, buffers };
    });
  }

  readFile(options) {
    return this.#call('readFile', readFileHandle, options);
  }

  readLines(options = undefined) {
    return require('readline').createInterface({ input: this.createReadStream(options), crlfDelay: Infinity });
  }

  stat(options = { bigint: false }) {
    return this.#call('fstat', async (handle) => {
      return getStatsFromBinding(await callPromise(binding.fstat, handle.fd), options.bigint);
    });
  }

  truncate(len = 0) {
    return this.#call('ftruncate', async (handle) => {
      validateInteger(len, 'len');
      await callPromise(binding.ftruncate, handle.fd, Math.max(0, len));
    });
  }

  utimes(atime, mtime) {
    return this.#call('futimes', async (handle) => {
      atime = toUnixTimestamp(atime, 'atime');
      mtime = toUnixTimestamp(mtime, 'mtime');
      await callPromise(binding.futimes, handle.fd, atime, mtime);
    });
  }

  write(buffer, offsetOrOptions, length, position) {
    return this.#call('write', writeHandle, buffer, offsetOrOptions, length, position);
  }

  writev(buffers, position) {
    return this.#call('writev', async (handle) => {
      validateBufferArray(buffers);
      if (buffers.length === 0) return { __proto__: null, bytesWritten: 0, buffers };
      const bytesWritten = await callPromise(binding.writev, handle.fd, buffers, nativePosition(position));
      return { __proto__: null, bytesWritten: bytesWritten || 0, buffers };
    });
  }

  writeFile(data, options) {
    return this.#call('writeFile', writeFileHandle, data, options);
  }

  createReadStream(options = undefined) {
    const { ReadStream } = require('internal/fs/streams');
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    const { WriteStream } = require('internal/fs/streams');
    return new WriteStream(undefined, { ...options, fd: this });
  }
}

// readv/writev take a position only as a number; anything else is "here".
function nativePosition(position) {
  return typeof position === 'number' ? position : -1;
}

// handle.read(buffer, offset, length, position), (buffer, options) or (options).
async function readHandle(handle, buffer, offset, length, position) {
  if (!ArrayBuffer.isView(buffer)) {
    if (buffer !== undefined) validateObject(buffer, 'options', true);
    ({ buffer = Buffer.alloc(16384), offset = 0, length = buffer.byteLength - offset, position = null } =
      buffer ?? kEmptyObject);
    validateBuffer(buffer);
  }
  if (offset !== null && typeof offset === 'object') {
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
  }
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length ??= buffer.byteLength - offset;
  if (length === 0) return { __proto__: null, bytesRead: length, buffer };
  if (buffer.byteLength === 0) {
    throw new codes.ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  // Unlike fs.read(), a position that is not a safe integer >= 0 means "here".
  if (!Number.isSafeInteger(position) || position < 0) position = -1;
  const bytesRead = await callPromise(binding.read, handle.fd, buffer, offset, length, position);
  return { __proto__: null, bytesRead: bytesRead || 0, buffer };
}

// handle.write(buffer[, offset[, length[, position]]]), (buffer, options)
// or (string[, position[, encoding]]).
async function writeHandle(handle, buffer, offset, length, position) {
  if (buffer?.byteLength === 0) return { __proto__: null, bytesWritten: 0, buffer };
  if (ArrayBuffer.isView(buffer)) {
    if (typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset ?? kEmptyObject);
    }
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    const bytesWritten = await callPromise(binding.write, handle.fd, buffer, offset, length,
      nativePosition(position));
    return { __proto__: null, bytesWritten: bytesWritten || 0, buffer };
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  validateEncoding(buffer, length);
  const bytes = Buffer.from(buffer, typeof length === 'string' && Buffer.isEncoding(length) ? length : 'utf8');
  const bytesWritten = await callPromise(binding.write, handle.fd, bytes, 0, bytes.byteLength,
    nativePosition(offset));
  return { __proto__: null, bytesWritten: bytesWritten || 0, buffer };
}

// The rest of the file from the current position.
async function readFileHandle(handle, options) {
  options = getOptions(options, { flag: 'r' });
  checkAborted(options.signal);
  const bytes = await callPromise(binding.readFile, handle.fd, O_RDONLY).catch((err) => {
    throw readFileError(err, handle.fd);
  });
  checkAborted(options.signal);
  const buffer = bufferOf(bytes);
  return options.encoding ? buffer.toString(options.encoding) : buffer;
}

const kWriteFileDefaults = { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false };

function appendFileOptions(options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  return options.flag ? options : { ...options, flag: 'a' };
}

// The checks writeFile makes before anything is opened; strings become bytes.
function prepareWriteFile(data, options) {
  options = getOptions(options, kWriteFileDefaults);
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  if (!ArrayBuffer.isView(data) && !isCustomIterable(data)) {
    validateStringAfterArrayBufferView(data, 'data');
    data = Buffer.from(data, options.encoding || 'utf8');
  }
  return { data, options, flush };
}

// Writes at the current position, in chunks so that an abort is noticed
// between them; iterables chunk by chunk.
async function writeFileHandle(handle, data, options) {
  let flush;
  ({ data, options, flush } = prepareWriteFile(data, options));
  const { signal } = options;
  checkAborted(signal);
  const writeAll = async (bytes) => {
    for (let offset = 0; offset < bytes.byteLength;) {
      const size = Math.min(kWriteFileMaxChunkSize, bytes.byteLength - offset);
      offset += await callPromise(binding.write, handle.fd, bytes, offset, size, -1);
      checkAborted(signal);
    }
  };
  if (isCustomIterable(data)) {
    for await (const chunk of data) {
      checkAborted(signal);
      await writeAll(ArrayBuffer.isView(chunk) ? chunk : Buffer.from(chunk, options.encoding || 'utf8'));
    }
  } else {
    await writeAll(data);
  }
  if (flush) await callPromise(binding.fsync, handle.fd);
}

// --- The fs.promises functions --------------------------------------------

async function access(path, mode = F_OK) {
  path = getValidatedPath(path);
  await callPromise(binding.access, path, getValidMode(mode, F_OK));
}

async function copyFile(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  await callPromise(binding.copyFile, src, dest, getValidMode(mode, 0));
}

async function cp(src, dest, options) {
  const cpModule = require('internal/fs/cp');
  options = cpModule.validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  await runPromise(cpModule.cpSteps(src, dest, options));
}

async function open(path, flags, mode) {
  path = getValidatedPath(path);
  flags = getValidatedFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  return new FileHandle(await callPromise(binding.open, path, flags, mode));
}

// fs.opendir with the callback appended to whatever arguments were given.
function opendir(...args) {
  return new Promise((resolve, reject) => {
    require('internal/fs/dir').opendir(...args, (err, dir) => (err ? reject(err) : resolve(dir)));
  });
}

async function rename(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  await callPromise(binding.rename, oldPath, newPath);
}

async function truncate(path, len = 0) {
  await runPromise(ops.truncateSteps(getValidatedPath(path), len));
}

async function rm(path, options) {
  path = getValidatedPath(path);
  options = ops.validateRmOptions(options);
  await runPromise(ops.rmSteps(path, options));
}

// The recursive form looks with stat (the other forms use lstat).
async function rmdir(path, options) {
  path = getValidatedPath(path);
  options = ops.validateRmdirOptions(options);
  if (options.recursive) {
    ops.emitRecursiveRmdirWarning();
    await runPromise(ops.rmdirRecursiveSteps(path, options, binding.stat));
    return;
  }
  await callPromise(binding.rmdir, path);
}

async function mkdir(path, options) {
  if (typeof options === 'number' || typeof options === 'string') options = { mode: options };
  const { recursive = false, mode = 0o777 } = options || kEmptyObject;
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  const first = await callPromise(binding.mkdir, path, parseFileMode(mode, 'mode', 0o777), recursive);
  return recursive ? first : undefined;
}

// `recursive` is taken for its truthiness here.
async function readdir(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  const { encoding } = options;
  const withFileTypes = Boolean(options.withFileTypes);
  if (options.recursive) {
    return runPromise(ops.readdirRecursiveSteps(path, withFileTypes, encoding, true));
  }
  const result = ops.sortListing(await callPromise(binding.readdir, path, withFileTypes), withFileTypes);
  if (!withFileTypes) return result.map((name) => encodeResult(name, encoding));
  const [names, types] = result;
  return ops.makeDirents(path, names, types, encoding) ??
    runPromise(ops.direntsSteps(path, names, types, encoding));
}

async function readlink(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  return encodeResult(await callPromise(binding.readlink, path), options.encoding);
}

async function symlink(target, path, type) {
  validateSymlinkType(typeof type === 'string' ? type : null);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  await callPromise(binding.symlink, target, path);
}

async function lstat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatsFromBinding(await callPromise(binding.lstat, path), options.bigint);
}

async function stat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatsFromBinding(await callPromise(binding.stat, path), options.bigint);
}

async function statfs(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatFsFromBinding(await callPromise(binding.statfs, path), options.bigint);
}

async function link(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  await callPromise(binding.link, existingPath, newPath);
}

async function unlink(path) {
  await callPromise(binding.unlink, getValidatedPath(path));
}

async function chmod(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  await callPromise(binding.chmod, path, mode);
}

// Only macOS has lchmod.
async function lchmod(path, mode) {
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
}

async function lchown(path, uid, gid) {
  path = getValidatedPath(path);
  validateId(uid, 'uid');
  validateId(gid, 'gid');
  await callPromise(binding.lchown, path, uid, gid);
}

async function chown(path, uid, gid) {
  path = getValidatedPath(path);
  validateId(uid, 'uid');
  validateId(gid, 'gid');
  await callPromise(binding.chown, path, uid, gid);
}

async function utimes(path, atime, mtime) {
  path = getValidatedPath(path);
  await callPromise(binding.utimes, path, toUnixTimestamp(atime), toUnixTimestamp(mtime));
}

async function lutimes(path, atime, mtime) {
  path = getValidatedPath(path);
  await callPromise(binding.lutimes, path, toUnixTimestamp(atime), toUnixTimestamp(mtime));
}

// realpath(3), as Node's fs.promises.realpath is (not the JavaScript walk).
async function realpath(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  return encodeResult(await callPromise(binding.realpath, path), options.encoding);
}

async function mkdtemp(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  return encodeResult(await callPromise(binding.mkdtemp, prefix), options.encoding);
}

// A FileHandle is written at its current position and left open; a path is
// opened, written and closed (a failed close does not hide the write's error).
async function writeFile(path, data, options) {
  if (path instanceof FileHandle) return path.writeFile(data, options);
  const prepared = prepareWriteFile(data, options);
  checkAborted(prepared.options.signal);
  if (!prepared.flush && !isCustomIterable(prepared.data)) {
    // The common case: one native job.
    path = getValidatedPath(path);
    const flags = getValidatedFlags(prepared.options.flag || 'w');
    const mode = parseFileMode(prepared.options.mode, 'mode', 0o666);
    await callPromise(binding.writeFile, path, prepared.data, flags, mode);
    return undefined;
  }
  const handle = await open(path, prepared.options.flag || 'w', prepared.options.mode);
  return closeAfter(handle, handle.writeFile(data, options));
}

async function closeAfter(handle, operation) {
  let result;
  try {
    result = await operation;
  } catch (err) {
    await handle.close().catch(() => {});
    throw err;
  }
  await handle.close();
  return result;
}

async function appendFile(path, data, options) {
  return writeFile(path, data, appendFileOptions(options));
}

// A path is read in one native job.
async function readFile(path, options) {
  if (path instanceof FileHandle) return path.readFile(options);
  options = getOptions(options, { flag: 'r' });
  checkAborted(options.signal);
  path = getValidatedPath(path);
  const flags = getValidatedFlags(options.flag || 'r');
  const bytes = await callPromise(binding.readFile, path, flags).catch((err) => {
    throw readFileError(err, path);
  });
  checkAborted(options.signal);
  const buffer = bufferOf(bytes);
  return options.encoding ? buffer.toString(options.encoding) : buffer;
}

// fs.watch as an async iterator of { eventType, filename }, over fs.watch's
// FSWatcher. Events are queued while the consumer is busy; an aborted
// signal ends the iteration with an AbortError.
async function* watch(filename, options = kEmptyObject) {
  validateObject(options, 'options');
  const { signal } = options;
  validateAbortSignal(signal, 'options.signal');
  checkAborted(signal);
  const queue = [];
  let failure = null;
  let wake = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const watcher = require('internal/fs/watch').watch(filename, { ...options, signal: undefined });
  watcher.on('change', (eventType, name) => {
    queue.push({ eventType, filename: name });
    notify();
  });
  watcher.on('error', (err) => {
    failure = err;
    notify();
  });
  const onAbort = () => {
    failure = abortError(signal);
    notify();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      while (queue.length > 0) yield queue.shift();
      if (failure !== null) throw failure;
      await new Promise((resolve) => { wake = resolve; });
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    watcher.close();
  }
}

module.exports = {
  exports: {
    access,
    copyFile,
    cp,
    open,
    opendir,
    rename,
    truncate,
    rm,
    rmdir,
    mkdir,
    readdir,
    readlink,
    symlink,
    lstat,
    stat,
    statfs,
    link,
    unlink,
    chmod,
    lchmod,
    lchown,
    chown,
    utimes,
    lutimes,
    realpath,
    mkdtemp,
    writeFile,
    appendFile,
    readFile,
    watch,
    constants,
  },
  FileHandle,
};
