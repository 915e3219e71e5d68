'use strict';

// The fs calls that take more than one native call, each written once as a
// generator for the drivers of internal/fs/utils (runSync, runCallback,
// runPromise): rm and recursive rmdir, truncate by path, the JavaScript
// realpath, recursive readdir, and dirents whose type the listing left
// unknown. The option checks of rm and rmdir live here too.

const binding = require('internal/fs/binding');
const pathModule = require('path');
const { Buffer } = require('buffer');
const {
  constants: { O_RDWR, S_IFMT, S_IFDIR, S_IFLNK, UV_DIRENT_UNKNOWN, UV_DIRENT_DIR, UV_DIRENT_LINK },
  kSleep,
  validateBoolean,
  validateInt32,
  validateUint32,
  validateObject,
  validateInteger,
  eisdirError,
  encodeResult,
  Dirent,
  direntTypeOfMode,
} = require('internal/fs/utils');

const isDirMode = (mode) => (mode & S_IFMT) === S_IFDIR;

// --- rm / rmdir -----------------------------------------------------------

const kRmdirDefaults = { retryDelay: 100, maxRetries: 0, recursive: false };
const kRmDefaults = { retryDelay: 100, maxRetries: 0, recursive: false, force: false };

function validateRmdirOptions(options, defaults = kRmdirDefaults) {
  if (options === undefined) return defaults;
  validateObject(options, 'options');
  options = { ...defaults, ...options };
  validateBoolean(options.recursive, 'options.recursive');
  validateInt32(options.retryDelay, 'options.retryDelay', 0);
  validateUint32(options.maxRetries, 'options.maxRetries');
  return options;
}

function validateRmOptions(options) {
  options = validateRmdirOptions(options, kRmDefaults);
  validateBoolean(options.force, 'options.force');
  return options;
}

// Errors worth another try when removing: something else still holds the entry.
const kRetryCodes = new Set(['EBUSY', 'EMFILE', 'ENFILE', 'ENOTEMPTY', 'EPERM']);

// rm(): lstat first. Its ENOENT is rm's own error (dropped with `force`), and
// it tells a directory (removed only with `recursive`) from anything else.
function* rmSteps(path, options) {
  let stats;
  try {
    stats = yield [binding.lstat, path];
  } catch (err) {
    if (options.force && err.code === 'ENOENT') return;
    throw err;
  }
  const isDir = isDirMode(stats[1]);
  if (isDir && !options.recursive) throw eisdirError(path);
  yield* removeSteps(path, isDir, options);
}

// Removes a file or a whole tree. Something that vanished meanwhile counts as
// removed; busy-type errors are retried up to maxRetries times, the i-th
// retry after i * retryDelay ms.
function* removeSteps(path, isDir, options) {
  for (let attempt = 1; ; attempt++) {
    try {
      yield isDir ? [binding.rmRecursive, path] : [binding.unlink, path];
      return;
    } catch (err) {
      if (err.code === 'ENOENT') return;
      if (!kRetryCodes.has(err.code) || attempt > options.maxRetries) throw err;
    }
    if (options.retryDelay > 0) yield [kSleep, attempt * options.retryDelay];
  }
}

// rmdir(path, { recursive: true }), deprecated: a directory is removed as rm
// would, anything else goes to rmdir(2) to fail with ENOTDIR. The callback
// and sync forms look with lstat, fs.promises with stat.
function* rmdirRecursiveSteps(path, options, statFn) {
  const stats = yield [statFn, path];
  if (isDirMode(stats[1])) {
    yield* removeSteps(path, true, options);
    return;
  }
  yield [binding.rmdir, path];
}

let rmdirWarned = false;
function emitRecursiveRmdirWarning() {
  if (rmdirWarned) return;
  rmdirWarned = true;
  process.emitWarning(
    'In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be removed. ' +
    'Use fs.rm(path, { recursive: true }) instead', 'DeprecationWarning', 'DEP0147');
}

// --- truncate -------------------------------------------------------------

// truncate(path) is open(r+), ftruncate, close, as in Node (so a missing
// file fails in open). The length is checked once the file is open, which is
// where the synchronous form notices a bad one.
function* truncateSteps(path, len) {
  const fd = yield [binding.open, path, O_RDWR, 0o666];
  try {
    validateInteger(len, 'len');
    yield [binding.ftruncate, fd, Math.max(0, len)];
  } finally {
    yield [binding.close, fd];
  }
}

// --- realpath -------------------------------------------------------------

// Node's JavaScript realpath: the path is made absolute and walked one
// component at a time; a symlink is replaced by its target and the walk
// starts over. Before a link is read it is stat()ed, so that a loop or a
// dangling link fails with stat's ELOOP/ENOENT as in Node; a missing
// component fails in lstat with its own path.
function* realpathSteps(input) {
  let parts = pathModule.resolve(input).split('/');
  let i = 1;
  let resolved = '';
  const real = new Set(); // prefixes known not to be symlinks
  while (i < parts.length) {
    const name = parts[i++];
    if (name === '') continue;
    const next = `${resolved}/${name}`;
    if (real.has(next)) {
      resolved = next;
      continue;
    }
    const stats = yield [binding.lstat, next];
    if ((stats[1] & S_IFMT) !== S_IFLNK) {
      real.add(next);
      resolved = next;
      continue;
    }
    yield [binding.stat, next];
    const target = yield [binding.readlink, next];
    parts = pathModule.resolve(resolved || '/', target, ...parts.slice(i)).split('/');
    i = 1;
    resolved = '';
  }
  return resolved || '/';
}

// --- readdir --------------------------------------------------------------

// Node's readdir is libuv's scandir, which sorts a listing by its bytes
// (strcmp); the native listing comes in the kernel's order (which is what
// Dir and cp see, as in Node). Plain string order is UTF-8 byte order except
// between astral characters and U+E000..U+FFFF, so a listing with
// surrogates is compared as bytes.
const kSurrogate = /[\uD800-\uDFFF]/;
const compareBytes = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const compareStrings = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function sortListing(listing, withFileTypes) {
  const names = withFileTypes ? listing[0] : listing;
  const compare = names.some((name) => kSurrogate.test(name)) ? compareBytes : compareStrings;
  if (!withFileTypes) return names.sort(compare);
  const order = names.map((_, i) => i).sort((i, j) => compare(names[i], names[j]));
  const types = listing[1];
  return [order.map((i) => names[i]), order.map((i) => types[i])];
}

// Dirents for one listing; entries of unknown type are lstat()ed.
function* direntsSteps(dir, names, types, encoding) {
  const dirents = [];
  for (let i = 0; i < names.length; i++) {
    let type = types[i];
    if (type === UV_DIRENT_UNKNOWN) {
      const stats = yield [binding.lstat, pathModule.join(dir, names[i])];
      type = direntTypeOfMode(stats[1]);
    }
    dirents.push(new Dirent(encodeResult(names[i], encoding), type, dir));
  }
  return dirents;
}

// The same without the generator when no type is unknown (the usual case).
function makeDirents(dir, names, types, encoding) {
  if (types.includes(UV_DIRENT_UNKNOWN)) return null;
  return names.map((name, i) => new Dirent(encodeResult(name, encoding), types[i], dir));
}

// readdir(path, { recursive: true }): every entry below `base`, as paths
// relative to it or as Dirents. Directories are listed in the order Node's
// forms use: breadth first for the sync and callback forms, and for
// fs.promises the last directory found is listed next (`lifo`). With
// withFileTypes an entry is descended into when its dirent type says
// directory; without, when stat() does, so that symlinks to directories are
// followed (only links and entries of unknown type need the stat()).
function* readdirRecursiveSteps(base, withFileTypes, encoding, lifo) {
  const results = [];
  const queue = [[base, '']];
  let next = 0; // the head of the queue when it is first in, first out
  while (lifo ? queue.length > 0 : next < queue.length) {
    const [dir, rel] = lifo ? queue.pop() : queue[next++];
    const [names, types] = sortListing(yield [binding.readdir, dir, true], true);
    if (withFileTypes) {
      const dirents = makeDirents(dir, names, types, encoding) ??
        (yield* direntsSteps(dir, names, types, encoding));
      for (let i = 0; i < dirents.length; i++) {
        results.push(dirents[i]);
        if (dirents[i].isDirectory()) queue.push([pathModule.join(dir, names[i]), '']);
      }
      continue;
    }
    for (let i = 0; i < names.length; i++) {
      const relative = rel === '' ? names[i] : `${rel}/${names[i]}`;
      results.push(encodeResult(relative, encoding));
      const full = pathModule.join(dir, names[i]);
      if (yield* followsToDir(full, types[i])) queue.push([full, relative]);
    }
  }
  return results;
}

function* followsToDir(path, type) {
  if (type === UV_DIRENT_DIR) return true;
  if (type !== UV_DIRENT_LINK && type !== UV_DIRENT_UNKNOWN) return false;
  try {
    return isDirMode((yield [binding.stat, path])[1]);
  } catch {
    // A dangling link, or an entry gone meanwhile: listed, not descended into.
    return false;
  }
}

module.exports = {
  validateRmdirOptions,
  validateRmOptions,
  rmSteps,
  rmdirRecursiveSteps,
  emitRecursiveRmdirWarning,
  truncateSteps,
  realpathSteps,
  direntsSteps,
  makeDirents,
  sortListing,
  readdirRecursiveSteps,
};
