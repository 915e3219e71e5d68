'use strict';

// fs.cp / fs.cpSync / fs.promises.cp: copies a file, a symlink or (with
// `recursive`) a tree, written once as a generator for the drivers of
// internal/fs/utils.
//
// The order of the checks is Node's, since it decides which error a bad
// copy gets: the filter first, then src and dest are compared (same entry,
// directory onto non-directory and the reverse, a directory into itself),
// then dest's parents are checked for being src, dest's parent is created,
// and the entry is copied by type. Modes are copied; timestamps with
// `preserveTimestamps`.

const binding = require('internal/fs/binding');
const { dirname, isAbsolute, join, resolve, parse } = require('path');
const {
  constants: { S_IFMT, S_IFREG, S_IFDIR, S_IFLNK, S_IFCHR, S_IFBLK, S_IFSOCK, S_IFIFO },
  kUserCall,
  codes,
  validateBoolean,
  validateFunction,
  validateInteger,
  validateObject,
  kErrno,
  NodeError,
  getStatsFromBinding,
} = require('internal/fs/utils');

const kDefaults = {
  dereference: false,
  errorOnExist: false,
  filter: undefined,
  force: true,
  preserveTimestamps: false,
  recursive: false,
  verbatimSymlinks: false,
};

function validateCpOptions(options) {
  if (options === undefined) return { ...kDefaults, mode: 0 };
  validateObject(options, 'options');
  options = { ...kDefaults, ...options };
  for (const name of ['dereference', 'errorOnExist', 'force', 'preserveTimestamps', 'recursive', 'verbatimSymlinks']) {
    validateBoolean(options[name], `options.${name}`);
  }
  if (options.mode == null) options.mode = 0;
  else validateInteger(options.mode, 'mode', 0, 7);
  if (options.dereference && options.verbatimSymlinks) {
    throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  }
  if (options.filter !== undefined) validateFunction(options.filter, 'options.filter');
  return options;
}

const typeOf = (stats) => stats[1] & S_IFMT;

function cpError(key, code, message, path, errno = kErrno[code]) {
  return new NodeError(key, { message, path, syscall: 'cp', errno, code });
}

// Whether `dest` lies inside `src` (or is it), by path components.
function isSubdir(src, dest) {
  const srcParts = resolve(src).split('/').filter(Boolean);
  const destParts = resolve(dest).split('/').filter(Boolean);
  return srcParts.every((part, i) => destParts[i] === part);
}

// Same device and inode: the same entry under two names.
function isSameEntry(a, b) {
  return b[7] !== 0 && b[0] !== 0 && a[7] === b[7] && a[0] === b[0];
}

// Marks the options of a cpSync() call (validateCpOptions made them a fresh object).
const kSync = Symbol('kSync');

function* cpSteps(src, dest, opts, sync = false) {
  opts[kSync] = sync;
  const checked = yield* checkPaths(src, dest, opts);
  if (checked === null) return;
  yield* checkParentPaths(src, checked.srcStat, dest);
  const parent = dirname(dest);
  if (!(yield* exists(parent))) yield [binding.mkdir, parent, 0o777, true];
  yield* copyEntry(checked.destStat, src, dest, opts);
}

// The filter's verdict and the checks between src and dest; null when the
// filter skips the entry.
function* checkPaths(src, dest, opts) {
  if (opts.filter !== undefined && !(yield [kUserCall, opts.filter, src, dest])) return null;
  const statFn = opts.dereference ? binding.stat : binding.lstat;
  const srcStat = yield [statFn, src];
  let destStat = null;
  try {
    destStat = yield [statFn, dest];
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  const srcIsDir = typeOf(srcStat) === S_IFDIR;
  if (destStat !== null) {
    if (isSameEntry(srcStat, destStat)) {
      throw cpError('ERR_FS_CP_EINVAL', 'EINVAL', 'src and dest cannot be the same', dest);
    }
    const destIsDir = typeOf(destStat) === S_IFDIR;
    if (srcIsDir && !destIsDir) {
      throw cpError('ERR_FS_CP_DIR_TO_NON_DIR', 'EISDIR',
        `cannot overwrite non-directory ${dest} with directory ${src}`, dest);
    }
    if (!srcIsDir && destIsDir) {
      throw cpError('ERR_FS_CP_NON_DIR_TO_DIR', 'ENOTDIR',
        `cannot overwrite directory ${dest} with non-directory ${src}`, dest);
    }
  }
  if (srcIsDir && isSubdir(src, dest)) {
    throw cpError('ERR_FS_CP_EINVAL', 'EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`, dest);
  }
  return { srcStat, destStat };
}

// Walks up from dest's parent (stopping at src's parent or the root): none
// of them may be src itself, reached through another name.
function* checkParentPaths(src, srcStat, dest) {
  const srcParent = resolve(dirname(src));
  for (let destParent = resolve(dirname(dest));
    destParent !== srcParent && destParent !== parse(destParent).root;
    destParent = resolve(dirname(destParent))) {
    let stats;
    try {
      stats = yield [binding.stat, destParent];
    } catch (err) {
      if (err.code === 'ENOENT') return;
      throw err;
    }
    if (isSameEntry(srcStat, stats)) {
      throw cpError('ERR_FS_CP_EINVAL', 'EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`, dest);
    }
  }
}

function* exists(path) {
  try {
    yield [binding.stat, path];
    return true;
  } catch (err) {
    if (err.code === 'ENOENT') return false;
    throw err;
  }
}

function* copyEntry(destStat, src, dest, opts) {
  const srcStat = yield [opts.dereference ? binding.stat : binding.lstat, src];
  switch (typeOf(srcStat)) {
    case S_IFDIR:
      if (!opts.recursive) {
        // (Node's cpSync reports this one with EINVAL's errno.)
        throw cpError('ERR_FS_EISDIR', 'EISDIR', `${src} is a directory (not copied)`, src,
          opts[kSync] ? kErrno.EINVAL : kErrno.EISDIR);
      }
      yield* copyDir(srcStat, destStat, src, dest, opts);
      return;
    case S_IFREG:
    case S_IFCHR:
    case S_IFBLK:
      yield* copyFile(srcStat, destStat, src, dest, opts);
      return;
    case S_IFLNK:
      yield* copyLink(destStat, src, dest, opts);
      return;
    case S_IFSOCK:
      throw cpError('ERR_FS_CP_SOCKET', 'EINVAL', `cannot copy a socket file: ${dest}`, dest);
    case S_IFIFO:
      throw cpError('ERR_FS_CP_FIFO_PIPE', 'EINVAL', `cannot copy a FIFO pipe: ${dest}`, dest);
    default:
      throw cpError('ERR_FS_CP_UNKNOWN', 'EINVAL', `cannot copy an unknown file type: ${dest}`, dest);
  }
}

// An existing dest is replaced with `force`, an error with `errorOnExist`,
// and otherwise left alone.
function* copyFile(srcStat, destStat, src, dest, opts) {
  if (destStat !== null) {
    if (!opts.force) {
      if (opts.errorOnExist) throw cpError('ERR_FS_CP_EEXIST', 'EEXIST', `${dest} already exists`, dest);
      return;
    }
    yield [binding.unlink, dest];
  }
  yield [binding.copyFile, src, dest, opts.mode];
  const mode = srcStat[1];
  if (opts.preserveTimestamps) {
    // A read-only copy has to be made writable before its times can be set.
    if ((mode & 0o200) === 0) yield [binding.chmod, dest, mode | 0o200];
    const { atime, mtime } = getStatsFromBinding(yield [binding.stat, src]);
    yield [binding.utimes, dest, atime.getTime() / 1000, mtime.getTime() / 1000];
  }
  yield [binding.chmod, dest, mode & 0o7777];
}

// A new directory gets src's mode once its contents are in.
function* copyDir(srcStat, destStat, src, dest, opts) {
  if (destStat === null) yield [binding.mkdir, dest, 0o777, false];
  const names = yield [binding.readdir, src, false];
  for (const name of names) {
    const srcItem = join(src, name);
    const destItem = join(dest, name);
    const checked = yield* checkPaths(srcItem, destItem, opts);
    if (checked !== null) yield* copyEntry(checked.destStat, srcItem, destItem, opts);
  }
  if (destStat === null) yield [binding.chmod, dest, srcStat[1] & 0o7777];
}

// Links are recreated, their relative targets made absolute (unless
// `verbatimSymlinks`). An existing link at dest is replaced, unless that
// would point a link into its own target.
function* copyLink(destStat, src, dest, opts) {
  let target = yield [binding.readlink, src];
  if (!opts.verbatimSymlinks && !isAbsolute(target)) target = resolve(dirname(src), target);
  if (destStat === null) {
    yield [binding.symlink, target, dest];
    return;
  }
  let destTarget;
  try {
    destTarget = yield [binding.readlink, dest];
  } catch (err) {
    // dest is not a link: symlink() fails on it with EEXIST.
    if (err.code !== 'EINVAL' && err.code !== 'UNKNOWN') throw err;
    yield [binding.symlink, target, dest];
    return;
  }
  if (!isAbsolute(destTarget)) destTarget = resolve(dirname(dest), destTarget);
  if (isSubdir(target, destTarget)) {
    throw cpError('ERR_FS_CP_EINVAL', 'EINVAL', `cannot copy ${target} to a subdirectory of self ${destTarget}`, dest);
  }
  // Replacing dest would break the copy when src lies inside dest's target.
  // (Node's cpSync looks at dest here, its cp at src.)
  if (typeOf(yield [binding.stat, opts[kSync] ? dest : src]) === S_IFDIR && isSubdir(destTarget, target)) {
    throw cpError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'EINVAL', `cannot overwrite ${destTarget} with ${target}`, dest);
  }
  yield [binding.unlink, dest];
  yield [binding.symlink, target, dest];
}

module.exports = { validateCpOptions, cpSteps };
