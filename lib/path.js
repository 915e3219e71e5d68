'use strict';

// The `path` module: POSIX and Windows path string manipulation.
//
// Every function here is pure string work except `resolve`, which falls back
// on the process's current directory (and, for win32, the per-drive `=X:`
// environment entries that Windows shells maintain).  The POSIX flavour is the
// default export, as on every non-Windows host.

const { validateObject, validateString } = require('internal/errors');

const CHAR_SLASH = 0x2f; // '/'
const CHAR_BACKSLASH = 0x5c; // '\'
const CHAR_COLON = 0x3a; // ':'
const CHAR_DOT = 0x2e; // '.'
const CHAR_QUESTION = 0x3f; // '?'

function isPosixSep(code) {
  return code === CHAR_SLASH;
}

function isWinSep(code) {
  return code === CHAR_SLASH || code === CHAR_BACKSLASH;
}

function isDriveLetter(code) {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

// True when `path` begins with a drive designator such as 'C:'.
function hasDrive(path) {
  return path.length >= 2 && path.charCodeAt(1) === CHAR_COLON &&
    isDriveLetter(path.charCodeAt(0));
}

// Collapses the '.' and '..' segments of a separator-delimited string and
// rejoins the rest with `sep`.  The result never starts or ends with a
// separator.  A '..' that would climb above the start is kept when
// `allowAboveRoot` (relative paths) and dropped otherwise ('/..' is '/').
function normalizeSegments(path, allowAboveRoot, splitter, sep) {
  const out = [];
  for (const segment of path.split(splitter)) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') {
      out.push(segment);
    } else if (out.length > 0 && out[out.length - 1] !== '..') {
      out.pop();
    } else if (allowAboveRoot) {
      out.push('..');
    }
  }
  return out.join(sep);
}

// Finds the last component of `path` at or after index `lo`, ignoring
// trailing separators.  `end` is -1 when that range holds no component.
// `start` is `lo` when no separator precedes the component inside the range;
// otherwise `path[start - 1]` is the separator just before it.
function lastComponent(path, lo, isSep) {
  let end = path.length;
  while (end > lo && isSep(path.charCodeAt(end - 1))) end--;
  if (end === lo) return { start: lo, end: -1 };
  let start = end;
  while (start > lo && !isSep(path.charCodeAt(start - 1))) start--;
  return { start, end };
}

// Position of the extension's dot inside the single component `name`, or -1.
// A leading dot names a dotfile rather than starting an extension, and '..'
// has no extension; otherwise the extension starts at the last dot.
function extensionDot(name) {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || name === '..' ? -1 : dot;
}

// Shared by both flavours' basename(); `lo` skips a win32 drive designator.
function basenameOf(path, suffix, lo, isSep) {
  const { start, end } = lastComponent(path, lo, isSep);
  const base = end === -1 ? '' : path.slice(start, end);
  if (suffix === undefined || suffix.length === 0 || suffix.length > path.length) {
    return base;
  }
  if (suffix === path) return '';
  if (base.length > suffix.length) {
    return base.endsWith(suffix) ? base.slice(0, base.length - suffix.length) : base;
  }
  // Node matches the suffix right to left over the component and only trims
  // once the whole suffix is seen.  A component equal to the suffix is kept
  // whole; a component that is a proper tail of the suffix (a partial match)
  // is returned together with the trailing separators that follow it.
  if (base.length < suffix.length && suffix.endsWith(base)) return path.slice(start);
  return base;
}

function formatExt(ext) {
  if (!ext) return '';
  return ext[0] === '.' ? ext : `.${ext}`;
}

function formatPath(sep, pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  const base = pathObject.base || `${pathObject.name || ''}${formatExt(pathObject.ext)}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

// ---------------------------------------------------------------------------
// POSIX

const posix = {
  resolve(...args) {
    // Walk right to left, prepending, until an absolute path has been seen;
    // the current directory is the implicit leftmost argument.  Arguments to
    // the left of an absolute one are never looked at (not even validated).
    const parts = [];
    let absolute = false;
    for (let i = args.length - 1; i >= 0 && !absolute; i--) {
      const path = args[i];
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
      parts.unshift(path);
      absolute = path.charCodeAt(0) === CHAR_SLASH;
    }
    if (!absolute) {
      const cwd = process.cwd();
      parts.unshift(cwd);
      absolute = cwd.charCodeAt(0) === CHAR_SLASH;
    }
    const tail = normalizeSegments(parts.join('/'), !absolute, '/', '/');
    if (absolute) return `/${tail}`;
    return tail.length > 0 ? tail : '.';
  },

  normalize(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const absolute = path.charCodeAt(0) === CHAR_SLASH;
    const trailingSep = path.charCodeAt(path.length - 1) === CHAR_SLASH;
    let tail = normalizeSegments(path, !absolute, '/', '/');
    if (tail.length === 0) {
      if (absolute) return '/';
      return trailingSep ? './' : '.';
    }
    if (trailingSep) tail += '/';
    return absolute ? `/${tail}` : tail;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path.charCodeAt(0) === CHAR_SLASH;
  },

  join(...args) {
    const nonEmpty = [];
    for (const arg of args) {
      validateString(arg, 'path');
      if (arg.length > 0) nonEmpty.push(arg);
    }
    return nonEmpty.length === 0 ? '.' : posix.normalize(nonEmpty.join('/'));
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';
    // Both are now normalized absolute paths: compare them segment-wise.
    const fromParts = from.split('/').filter(Boolean);
    const toParts = to.split('/').filter(Boolean);
    let common = 0;
    while (common < fromParts.length && common < toParts.length &&
           fromParts[common] === toParts[common]) {
      common++;
    }
    const up = new Array(fromParts.length - common).fill('..');
    return up.concat(toParts.slice(common)).join('/');
  },

  toNamespacedPath(path) {
    // Namespaced paths only exist on Windows.
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const rooted = path.charCodeAt(0) === CHAR_SLASH;
    // Index 0 is never taken as the separator before the last component, so
    // a lone root survives: dirname('/a') is '/'.
    const { start } = lastComponent(path, 1, isPosixSep);
    if (start <= 1) return rooted ? '/' : '.';
    // '//a' keeps both leading slashes (POSIX leaves '//' implementation
    // defined, so Node preserves it).
    if (rooted && start === 2) return '//';
    return path.slice(0, start - 1);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    return basenameOf(path, suffix, 0, isPosixSep);
  },

  extname(path) {
    validateString(path, 'path');
    const { start, end } = lastComponent(path, 0, isPosixSep);
    if (end === -1) return '';
    const name = path.slice(start, end);
    const dot = extensionDot(name);
    return dot === -1 ? '' : name.slice(dot);
  },

  format(pathObject) {
    return formatPath('/', pathObject);
  },

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    const absolute = path.charCodeAt(0) === CHAR_SLASH;
    const lo = absolute ? 1 : 0;
    if (absolute) ret.root = '/';
    const { start, end } = lastComponent(path, lo, isPosixSep);
    if (end !== -1) {
      const base = path.slice(start, end);
      let dot = extensionDot(base);
      // Node compatibility: a '..' directly after the root ('/..') is split
      // like an ordinary name, giving name '.' and ext '.'.
      if (base === '..' && absolute && start === 1) dot = 1;
      ret.base = base;
      if (dot === -1) {
        ret.name = base;
      } else {
        ret.name = base.slice(0, dot);
        ret.ext = base.slice(dot);
      }
    }
    if (start > lo) {
      ret.dir = path.slice(0, start - 1);
    } else if (absolute) {
      ret.dir = '/';
    }
    return ret;
  },

  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
};

// ---------------------------------------------------------------------------
// Windows

// Matches the '\\server\share' prefix of a UNC path (either separator
// accepted, runs of separators allowed between the parts).  Returns null when
// `path` is not of that shape, else the two names and the index just past the
// share name.
function uncRoot(path) {
  const len = path.length;
  if (len < 2 || !isWinSep(path.charCodeAt(0)) || !isWinSep(path.charCodeAt(1))) {
    return null;
  }
  let i = 2;
  while (i < len && !isWinSep(path.charCodeAt(i))) i++;
  if (i === 2 || i === len) return null;
  const server = path.slice(2, i);
  while (i < len && isWinSep(path.charCodeAt(i))) i++;
  if (i === len) return null;
  const shareStart = i;
  while (i < len && !isWinSep(path.charCodeAt(i))) i++;
  return { server, share: path.slice(shareStart, i), end: i };
}

// Splits a win32 path into its root and the rest, the way resolve() and
// normalize() see it.  `device` is 'X:', '\\server\share', a device
// namespace prefix ('\\?' or '\\.', followed by a separator) or ''.
// `rootEnd` is where the part after the root begins; `absolute` says whether
// the root ends in a separator.  A lone '\\server' prefix (no share) is
// absolute but has no device and no root: its separators are dropped as the
// rest is normalized.
function win32Root(path) {
  const len = path.length;
  if (len === 0) return { device: '', rootEnd: 0, absolute: false };
  const first = path.charCodeAt(0);
  if (isWinSep(first)) {
    if (len === 1 || !isWinSep(path.charCodeAt(1))) {
      return { device: '', rootEnd: 1, absolute: true };
    }
    const unc = uncRoot(path);
    if (unc === null) return { device: '', rootEnd: 0, absolute: true };
    // '\\?\x' and '\\.\x' address the Win32 device namespaces: their root is
    // the four-character prefix, not a server and share.
    if (unc.server === '?' || unc.server === '.') {
      return { device: `\\\\${unc.server}`, rootEnd: 4, absolute: true };
    }
    return { device: `\\\\${unc.server}\\${unc.share}`, rootEnd: unc.end, absolute: true };
  }
  if (hasDrive(path)) {
    const absolute = len > 2 && isWinSep(path.charCodeAt(2));
    return { device: path.slice(0, 2), rootEnd: absolute ? 3 : 2, absolute };
  }
  return { device: '', rootEnd: 0, absolute: false };
}

// Legacy DOS device names.  Windows also accepts the ISO 8859-1 superscript
// digits in COM and LPT port names.
const RESERVED_DEVICE_NAMES = new Set([
  'CON', 'PRN', 'AUX', 'NUL',
  'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6', 'COM7', 'COM8', 'COM9',
  'COM\u00b9', 'COM\u00b2', 'COM\u00b3',
  'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9',
  'LPT\u00b9', 'LPT\u00b2', 'LPT\u00b3',
]);

// 'CON:' when `path` starts with a reserved device name and a colon, else ''.
function reservedDevicePrefix(path) {
  const colon = path.indexOf(':');
  if (colon <= 0 || !RESERVED_DEVICE_NAMES.has(path.slice(0, colon).toUpperCase())) return '';
  return path.slice(0, colon + 1);
}

// True when some colon in `path` ends a component ('a:', 'x/ab:/y'), which
// Windows may read as a drive or device designator.
function hasColonAtComponentEnd(path) {
  for (let i = path.indexOf(':'); i !== -1; i = path.indexOf(':', i + 1)) {
    if (i === path.length - 1 || isWinSep(path.charCodeAt(i + 1))) return true;
  }
  return false;
}

const WIN_SEPS = /[\\/]/;

function leadingBackslashes(path) {
  let i = 0;
  while (i < path.length && path.charCodeAt(i) === CHAR_BACKSLASH) i++;
  return i;
}

// End of `path` without trailing backslashes, never moving below `start`+1.
function trimTrailingBackslashes(path, start) {
  let end = path.length;
  while (end - 1 > start && path.charCodeAt(end - 1) === CHAR_BACKSLASH) end--;
  return end;
}

const win32 = {
  resolve(...args) {
    let device = '';
    let tail = '';
    let absolute = false;
    // Right to left, as for POSIX, but a drive or share seen first pins the
    // device: arguments on another device are then skipped.  Resolution ends
    // once both an absolute path and a device are known.
    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (device.length === 0) {
        path = process.cwd();
      } else {
        // Windows keeps a current directory per drive in hidden '=X:'
        // environment variables.  Use it, else the process cwd, unless that
        // is a rooted path on some other drive: then the drive's root.
        path = process.env[`=${device}`] || process.cwd();
        if (path.slice(0, 2).toLowerCase() !== device.toLowerCase() &&
            path.charCodeAt(2) === CHAR_BACKSLASH) {
          path = `${device}\\`;
        }
      }

      const root = win32Root(path);
      if (root.device.length > 0) {
        if (device.length === 0) {
          device = root.device;
        } else if (root.device.toLowerCase() !== device.toLowerCase()) {
          continue;
        }
      }
      if (absolute) {
        if (device.length > 0) break;
      } else {
        tail = `${path.slice(root.rootEnd)}\\${tail}`;
        absolute = root.absolute;
        if (absolute && device.length > 0) break;
      }
    }
    tail = normalizeSegments(tail, !absolute, WIN_SEPS, '\\');
    if (absolute) return `${device}\\${tail}`;
    return `${device}${tail}` || '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return path === '/' ? '\\' : path;
    const trailingSep = isWinSep(path.charCodeAt(len - 1));

    // A leading reserved device name and colon ('CON:') is kept in front of
    // the normalized rest, and the result is marked relative with '.\' so
    // it cannot be taken for the device itself.
    const reserved = reservedDevicePrefix(path);
    if (reserved !== '') {
      let tail = normalizeSegments(path.slice(reserved.length), true, WIN_SEPS, '\\') || '.';
      if (trailingSep) tail += '\\';
      return `.\\${reserved}${tail}`;
    }

    const { device, rootEnd, absolute } = win32Root(path);
    if (rootEnd === len && device.startsWith('\\\\')) {
      // Nothing but '\\server\share': that is a directory, so it gets a
      // trailing separator.
      return `${device}\\`;
    }
    let tail = rootEnd < len ? normalizeSegments(path.slice(rootEnd), !absolute, WIN_SEPS, '\\') : '';
    if (tail.length === 0 && !absolute) tail = '.';
    if (tail.length > 0 && trailingSep) tail += '\\';
    if (device.length > 0) return absolute ? `${device}\\${tail}` : `${device}${tail}`;
    if (absolute) return `\\${tail}`;
    // A plain relative result must not read as drive- or device-relative:
    // 'x/../c:/y' would otherwise become 'c:\y'.
    if (hasDrive(tail) || hasColonAtComponentEnd(path)) {
      return `.\\${tail}`;
    }
    return tail;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return false;
    return isWinSep(path.charCodeAt(0)) ||
      (len > 2 && hasDrive(path) && isWinSep(path.charCodeAt(2)));
  },

  join(...args) {
    const nonEmpty = [];
    for (const arg of args) {
      validateString(arg, 'path');
      if (arg.length > 0) nonEmpty.push(arg);
    }
    if (nonEmpty.length === 0) return '.';
    let joined = nonEmpty.join('\\');
    // Joining must not invent a UNC path: joining '\' and '\a' must not give
    // '\\a'.  Leading separator runs are collapsed to one unless the first
    // argument clearly is UNC (exactly two separators, then a name).
    const first = nonEmpty[0];
    const looksUnc = first.length > 2 && isWinSep(first.charCodeAt(0)) &&
      isWinSep(first.charCodeAt(1)) && !isWinSep(first.charCodeAt(2));
    if (!looksUnc) {
      let seps = 0;
      while (seps < joined.length && isWinSep(joined.charCodeAt(seps))) seps++;
      if (seps >= 2) joined = `\\${joined.slice(seps)}`;
    }
    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    const fromResolved = win32.resolve(from);
    const toResolved = win32.resolve(to);
    if (fromResolved === toResolved) return '';
    // Windows paths compare case-insensitively; the result keeps the case of
    // `to`.  The comparison is character-wise (as in Node, whose output for
    // rootless paths, e.g. relative('\a', '\ab') === '..ab', depends on
    // it) over the paths without leading separators, and without trailing
    // ones (only a bare UNC root '\\s\h\' has one).
    const a = fromResolved.toLowerCase();
    const b = toResolved.toLowerCase();
    if (a === b) return '';
    const aStart = leadingBackslashes(a);
    const bStart = leadingBackslashes(b);
    const aEnd = trimTrailingBackslashes(a, aStart);
    const bEnd = trimTrailingBackslashes(b, bStart);
    const aLen = aEnd - aStart;
    const bLen = bEnd - bStart;
    const n = Math.min(aLen, bLen);
    let i = 0;
    let lastSep = -1; // offset of the last separator common to both
    while (i < n && a.charCodeAt(aStart + i) === b.charCodeAt(bStart + i)) {
      if (a.charCodeAt(aStart + i) === CHAR_BACKSLASH) lastSep = i;
      i++;
    }
    if (i < n) {
      // Different drives or servers: no relative path exists.
      if (lastSep === -1) return toResolved;
    } else {
      // One path is a prefix of the other.
      if (bLen > n) {
        // `from` is a parent of `to`, or the bare drive 'x:' (whose root is
        // 'x:\', so the separator is already consumed).
        if (b.charCodeAt(bStart + n) === CHAR_BACKSLASH) return toResolved.slice(bStart + n + 1);
        if (n === 2) return toResolved.slice(bStart + n);
      }
      if (aLen > n) {
        if (a.charCodeAt(aStart + n) === CHAR_BACKSLASH) {
          lastSep = n; // `to` is a parent of `from`
        } else if (n === 2) {
          lastSep = 3; // `to` is a bare drive root
        }
      }
      if (lastSep === -1) lastSep = 0;
    }
    // One '..' for every segment of `from` past the common part...
    let ups = 0;
    const upFrom = aStart + lastSep + 1;
    if (upFrom <= aEnd) {
      ups = 1;
      for (let k = upFrom; k < aEnd; k++) {
        if (a.charCodeAt(k) === CHAR_BACKSLASH) ups++;
      }
    }
    // ...then what `to` has past it (starting at the common separator).
    const rest = toResolved.slice(bStart + lastSep, bEnd);
    if (ups > 0) return `..${'\\..'.repeat(ups - 1)}${rest}`;
    return rest.charCodeAt(0) === CHAR_BACKSLASH ? rest.slice(1) : rest;
  },

  toNamespacedPath(path) {
    // Non-strings and '' pass through untouched (this is a no-throw helper).
    if (typeof path !== 'string' || path.length === 0) return path;
    const resolved = win32.resolve(path);
    if (resolved.length <= 2) return path;
    if (resolved.charCodeAt(0) === CHAR_BACKSLASH) {
      // '\\server\share\x' -> '\\?\UNC\server\share\x', except for paths
      // already in a device namespace ('\\?\', '\\.\').
      if (resolved.charCodeAt(1) === CHAR_BACKSLASH) {
        const c = resolved.charCodeAt(2);
        if (c !== CHAR_QUESTION && c !== CHAR_DOT) return `\\\\?\\UNC\\${resolved.slice(2)}`;
      }
    } else if (hasDrive(resolved) && resolved.charCodeAt(2) === CHAR_BACKSLASH) {
      return `\\\\?\\${resolved}`;
    }
    return resolved;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return isWinSep(path.charCodeAt(0)) ? path : '.';
    // `rootEnd` is the length of the root that must survive (-1: none);
    // components are only searched for after `offset`.
    let rootEnd = -1;
    let offset = 0;
    if (isWinSep(path.charCodeAt(0))) {
      rootEnd = offset = 1;
      const unc = uncRoot(path);
      if (unc !== null) {
        if (unc.end === len) return path;
        rootEnd = offset = unc.end + 1;
      }
    } else if (hasDrive(path)) {
      rootEnd = offset = len > 2 && isWinSep(path.charCodeAt(2)) ? 3 : 2;
    }
    const { start } = lastComponent(path, offset, isWinSep);
    if (start > offset) return path.slice(0, start - 1);
    return rootEnd === -1 ? '.' : path.slice(0, rootEnd);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    return basenameOf(path, suffix, hasDrive(path) ? 2 : 0, isWinSep);
  },

  extname(path) {
    validateString(path, 'path');
    const { start, end } = lastComponent(path, hasDrive(path) ? 2 : 0, isWinSep);
    if (end === -1) return '';
    const name = path.slice(start, end);
    const dot = extensionDot(name);
    return dot === -1 ? '' : name.slice(dot);
  },

  format(pathObject) {
    return formatPath('\\', pathObject);
  },

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    const len = path.length;
    if (len === 0) return ret;
    if (len === 1) {
      if (isWinSep(path.charCodeAt(0))) {
        ret.root = ret.dir = path;
      } else {
        ret.base = ret.name = path;
      }
      return ret;
    }
    let rootEnd = 0;
    if (isWinSep(path.charCodeAt(0))) {
      rootEnd = 1;
      const unc = uncRoot(path);
      if (unc !== null) rootEnd = unc.end === len ? len : unc.end + 1;
    } else if (hasDrive(path)) {
      // A bare 'C:' or 'C:\' is all root.
      if (len === 2 || (len === 3 && isWinSep(path.charCodeAt(2)))) {
        ret.root = ret.dir = path;
        return ret;
      }
      rootEnd = isWinSep(path.charCodeAt(2)) ? 3 : 2;
    }
    ret.root = path.slice(0, rootEnd);
    const { start, end } = lastComponent(path, rootEnd, isWinSep);
    if (end !== -1) {
      const base = path.slice(start, end);
      const dot = extensionDot(base);
      ret.base = base;
      if (dot === -1) {
        ret.name = base;
      } else {
        ret.name = base.slice(0, dot);
        ret.ext = base.slice(dot);
      }
    }
    // A directory that is just the root keeps the root's trailing separator
    // ('C:\abc' -> 'C:\'); otherwise the separator before the base is cut.
    ret.dir = start > rootEnd ? path.slice(0, start - 1) : ret.root;
    return ret;
  },

  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
};

posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;

// Node's historical name for toNamespacedPath.
posix._makeLong = posix.toNamespacedPath;
win32._makeLong = win32.toNamespacedPath;

module.exports = posix;
