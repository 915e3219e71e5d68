'use strict';

// Module resolution for require() and import, implementing the algorithms that
// Node.js 20 documents: the "All together" pseudocode of the CommonJS modules
// page (LOAD_AS_FILE, LOAD_AS_DIRECTORY, LOAD_NODE_MODULES, LOAD_PACKAGE_*),
// and ESM_RESOLVE with its PACKAGE_* helpers from the ECMAScript modules page.
// Where Node's observable behaviour differs from the pseudocode (error texts,
// deprecation warnings, the exact node_modules walk), Node's behaviour wins.
//
// The ESM half of the algorithm is defined on URLs. Rather than depend on a
// URL implementation, it works on "URL paths": the percent-encoded path of a
// file: URL (no scheme, host, query or fragment), always absolute. toUrlPath()
// and urlPathToFile() convert between those and file system paths, urlResolve()
// models the parts of URL reference resolution a specifier can exercise.
// Builtins travel through the same code as the string 'node:<id>'.

const path = require('path');
const { codes } = require('internal/errors');

const fsb = internalBinding('fs');

// Results of fsb.internalModuleStat(); anything negative means "missing".
const IS_FILE = 0;
const IS_DIR = 1;

const CJS_CONDITIONS = new Set(['require', 'node', 'default']);
const ESM_CONDITIONS = new Set(['import', 'node', 'default']);

// What LOAD_AS_FILE and LOAD_INDEX append, in order: the extensions Node 20
// registers in Module._extensions.
const CJS_EXTENSIONS = ['.js', '.json', '.node'];

// Builtins that can only be named with the node: scheme; without it they are
// ordinary package names.
const SCHEME_ONLY_BUILTINS = new Set(['test', 'test/reporters']);

const BUILTIN_SCHEME = 'node:';

// Percent-encoded "/" or "\" would let a specifier smuggle a separator past
// the segment checks, so both resolvers reject them.
const ENCODED_SEPARATOR = /%2f|%5c/i;
const ENCODED_SEPARATOR_REASON = 'must not include encoded "/" or "\\" characters';

// ---------------------------------------------------------------------------
// File system, with the caches Node keeps for the lifetime of the process.

const realpathCache = new Map();
const packageCache = new Map();

function stat(filename) {
  return fsb.internalModuleStat(filename);
}

function toRealPath(filename) {
  let real = realpathCache.get(filename);
  if (real === undefined) {
    real = fsb.realpath(filename);
    realpathCache.set(filename, real);
  }
  return real;
}

function hasOwn(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key);
}

// Reads the fields of a package.json that resolution cares about. Missing or
// unreadable files yield a record with exists: false (cached like any other);
// a file that fails to parse throws on every read, as in Node. The error
// depends on who is reading: CommonJS decorates the SyntaxError, ESM raises
// ERR_INVALID_PACKAGE_CONFIG and names what was being resolved (esmContext).
function readPackage(jsonPath, esmContext) {
  const cached = packageCache.get(jsonPath);
  if (cached !== undefined) return cached;

  const pkg = {
    exists: false,
    pjsonPath: jsonPath,
    name: undefined,
    main: undefined,
    type: 'none',
    exports: undefined,
    imports: undefined,
  };
  let text;
  try {
    text = fsb.readFileUtf8(jsonPath);
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      if (esmContext === undefined) {
        err.message = `Error parsing ${jsonPath}: ${err.message}`;
        err.path = jsonPath;
        throw err;
      }
      throw new codes.ERR_INVALID_PACKAGE_CONFIG(jsonPath, esmContext, err.message);
    }
    pkg.exists = true;
    if (parsed !== null && typeof parsed === 'object') {
      if (hasOwn(parsed, 'name') && typeof parsed.name === 'string') pkg.name = parsed.name;
      if (hasOwn(parsed, 'main') && typeof parsed.main === 'string') pkg.main = parsed.main;
      if (hasOwn(parsed, 'exports')) pkg.exports = parsed.exports;
      if (hasOwn(parsed, 'imports')) pkg.imports = parsed.imports;
      // Unknown types are ignored for forwards compatibility.
      if (parsed.type === 'module' || parsed.type === 'commonjs') pkg.type = parsed.type;
    }
  }
  packageCache.set(jsonPath, pkg);
  return pkg;
}

// The directory a module path lives in. A path ending in "/" (the stand-in
// parent used for the entry point, cwd + "/") is its own directory.
function dirOf(filename) {
  if (filename.endsWith('/')) return filename.length > 1 ? filename.slice(0, -1) : '/';
  return path.dirname(filename);
}

// "/pkg" -> "/pkg/": how Node prints package folders in error messages.
function withTrailingSlash(dir) {
  return dir.endsWith('/') ? dir : dir + '/';
}

// READ_PACKAGE_SCOPE / LOOKUP_PACKAGE_SCOPE: the package.json nearest to a
// module, never looking past a node_modules folder (a package's scope ends at
// its own root).
function packageScope(filename, esmContext) {
  for (let dir = dirOf(filename); ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'node_modules') return null;
    const pkg = readPackage(path.join(dir, 'package.json'), esmContext);
    if (pkg.exists) return pkg;
    if (dir === '/') return null;
  }
}

function readPackageScope(filename) {
  const pkg = packageScope(filename, undefined);
  return pkg === null ? null : { data: pkg, path: path.dirname(pkg.pjsonPath) };
}

// ---------------------------------------------------------------------------
// URL paths.

// pathToFileURL's encoding: "%" and "\" first (so they survive decoding and so
// a "\" in a name reads as the encoded separator it would be on POSIX), then
// everything the URL path percent-encode set covers, plus the delimiters "?"
// and "#".
function toUrlPath(filename) {
  return encodeUrlPathChars(filename.replace(/%/g, '%25').replace(/\\/g, '%5C'))
    .replace(/\?/g, '%3F')
    .replace(/#/g, '%23');
}

// The URL parser percent-encodes these code points in a path and leaves
// everything else (including "%") alone.
function encodeUrlPathChars(text) {
  return text.replace(/[\x00-\x20"<>`{}\x7f]|[^\x00-\x7f]/gu, (c) => encodeURIComponent(c));
}

const DOUBLE_DOT_SEGMENTS = new Set(['..', '.%2e', '%2e.', '%2e%2e']);
const SINGLE_DOT_SEGMENTS = new Set(['.', '%2e']);

// Resolves a URL reference against the URL path of its base, as the URL
// parser does for file: URLs: "\" is a separator, the query and fragment are
// dropped, dot segments (percent-encoded ones too) are removed, empty
// segments are kept. References are never "//host/..." here: callers deal
// with authorities first.
function urlResolve(ref, baseUrlPath) {
  ref = encodeUrlPathChars(ref.replace(/\\/g, '/'));
  const end = ref.search(/[?#]/);
  if (end !== -1) ref = ref.slice(0, end);
  const input = ref[0] === '/' ? ref : baseUrlPath.slice(0, baseUrlPath.lastIndexOf('/') + 1) + ref;

  const segments = input.split('/');
  const out = [];
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i];
    const lower = segment.toLowerCase();
    const isLast = i === segments.length - 1;
    if (DOUBLE_DOT_SEGMENTS.has(lower)) {
      out.pop();
      if (isLast) out.push('');
    } else if (SINGLE_DOT_SEGMENTS.has(lower)) {
      if (isLast) out.push('');
    } else {
      out.push(segment);
    }
  }
  return '/' + out.join('/');
}

// The URL path of a "file:" specifier. Like `new URL(specifier)` it has no
// base: "file:x" means "/x". Only an empty or "localhost" host is a local file.
function fileUrlToUrlPath(specifier) {
  let rest = specifier.slice('file:'.length).replace(/\\/g, '/');
  if (rest.startsWith('//')) {
    const hostEnd = rest.indexOf('/', 2);
    const host = rest.slice(2, hostEnd === -1 ? rest.length : hostEnd);
    if (host !== '' && host.toLowerCase() !== 'localhost') {
      throw new codes.ERR_INVALID_FILE_URL_HOST(process.platform);
    }
    rest = hostEnd === -1 ? '/' : rest.slice(hostEnd);
  }
  return urlResolve(rest[0] === '/' ? rest : '/' + rest, '/');
}

function urlPathToFile(urlPath) {
  return decodeURIComponent(urlPath);
}

function hasUrlScheme(specifier) {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(specifier);
}

function isBuiltinResult(resolved) {
  return resolved.startsWith(BUILTIN_SCHEME);
}

// ---------------------------------------------------------------------------
// Package "exports" and "imports" (PACKAGE_EXPORTS_RESOLVE,
// PACKAGE_IMPORTS_RESOLVE, PACKAGE_IMPORTS_EXPORTS_RESOLVE,
// PACKAGE_TARGET_RESOLVE). These are shared by both resolvers; they produce a
// URL path (not checked for existence) or 'node:<id>'.
//
// `ctx` carries what every step needs: { pkg, base, conditions, builtins },
// where base is the importing module's path (or null for CommonJS lookups in
// node_modules, whose errors name no importer).

function emitDeprecation(message, code) {
  process.emitWarning(message, 'DeprecationWarning', code);
}

const warnedTrailingSlashPatterns = new Set();

function importedFrom(base) {
  return base ? ` imported from ${base}` : '';
}

// Node names the importer of a malformed "exports" by its file: URL.
function baseUrl(base) {
  return base ? 'file://' + toUrlPath(base) : undefined;
}

function packageDir(pkg) {
  return withTrailingSlash(path.dirname(pkg.pjsonPath));
}

function invalidTarget(ctx, key, target, isImports) {
  const shown = typeof target === 'object' && target !== null ?
    JSON.stringify(target, null, '') : `${target}`;
  return new codes.ERR_INVALID_PACKAGE_TARGET(packageDir(ctx.pkg), key, shown, isImports,
                                              ctx.base || undefined);
}

function exportsNotFound(ctx, subpath) {
  return new codes.ERR_PACKAGE_PATH_NOT_EXPORTED(packageDir(ctx.pkg), subpath,
                                                 ctx.base || undefined);
}

// Splits on "/" and "\" and reports the worst segment: "." / ".." /
// "node_modules" (any letter case, percent-encoded or not) are forbidden in
// targets and pattern matches; empty segments are only deprecated (DEP0166).
function segmentProblem(text) {
  let problem = null;
  for (const segment of text.split(/[\\/]/)) {
    if (segment === '') {
      problem = 'empty';
      continue;
    }
    const plain = segment.replace(/%([0-9a-f]{2})/gi,
                                  (_, hex) => String.fromCharCode(parseInt(hex, 16))).toLowerCase();
    if (plain === '.' || plain === '..' || plain === 'node_modules') return 'forbidden';
  }
  return problem;
}

// DEP0166. `doubled` tells a "//" (or "\\") apart from an empty segment at
// either end.
function warnEmptySegment(ctx, target, request, key, isImports, doubled) {
  const matched = request !== key ? `matched to "${key}" ` : '';
  emitDeprecation(
    `Use of deprecated ${doubled ? 'double slash' : 'leading or trailing slash matching'} ` +
    `resolving "${target}" for module request "${request}" ${matched}in the ` +
    `"${isImports ? 'imports' : 'exports'}" field module resolution of the package at ` +
    `${ctx.pkg.pjsonPath}${importedFrom(ctx.base)}.`,
    'DEP0166');
}

const DOUBLE_SEPARATOR = /[\\/]{2}/;

// `match` is what a pattern's "*" stood for ('' for exact keys); `isPathMap`
// is set when the request ended in "/" (already warned about, DEP0155).
function resolveTargetString(ctx, target, match, key, isPattern, isImports, isPathMap) {
  const substitute = (text) => (isPattern ? text.replace(/\*/g, () => match) : text + match);
  const request = isPattern ? key.replace('*', () => match) : key;

  if (!target.startsWith('./')) {
    // "imports" (only) may map to another package or a builtin by bare name.
    if (isImports && !target.startsWith('../') && !target.startsWith('/') &&
        !hasUrlScheme(target)) {
      return packageResolve(substitute(target), ctx.pkg.pjsonPath, ctx.conditions, ctx.builtins);
    }
    throw invalidTarget(ctx, key, target, isImports);
  }

  const targetProblem = segmentProblem(target.slice(2));
  if (targetProblem === 'forbidden') throw invalidTarget(ctx, key, target, isImports);
  if (targetProblem === 'empty' && !isPathMap) {
    const shown = substitute(target);
    warnEmptySegment(ctx, shown, request, key, isImports, DOUBLE_SEPARATOR.test(shown));
  }

  // The target must stay inside the package.
  const resolved = urlResolve(target, toUrlPath(ctx.pkg.pjsonPath));
  if (!resolved.startsWith(toUrlPath(packageDir(ctx.pkg)))) {
    throw invalidTarget(ctx, key, target, isImports);
  }
  if (match === '') return resolved;

  const matchProblem = segmentProblem(match);
  if (matchProblem === 'forbidden') {
    throw new codes.ERR_INVALID_MODULE_SPECIFIER(
      request,
      `request is not a valid match in pattern "${key}" for the ` +
      `"${isImports ? 'imports' : 'exports'}" resolution of ${ctx.pkg.pjsonPath}`,
      ctx.base || undefined);
  }
  if (matchProblem === 'empty' && !isPathMap) {
    warnEmptySegment(ctx, substitute(target), request, key, isImports,
                     DOUBLE_SEPARATOR.test(request));
  }
  return urlResolve(resolved.replace(/\*/g, () => match), '/');
}

// Returns a resolution, null when the target explicitly excludes the request
// (a null target), or undefined when no condition applied.
function resolveTarget(ctx, target, match, key, isPattern, isImports, isPathMap) {
  if (typeof target === 'string') {
    return resolveTargetString(ctx, target, match, key, isPattern, isImports, isPathMap);
  }
  if (Array.isArray(target)) {
    // Fallback list: the first entry that resolves wins; invalid targets are
    // skipped, but reported if nothing else resolved.
    let lastError;
    for (const item of target) {
      let resolved;
      try {
        resolved = resolveTarget(ctx, item, match, key, isPattern, isImports, isPathMap);
      } catch (err) {
        if (err.code !== 'ERR_INVALID_PACKAGE_TARGET') throw err;
        lastError = err;
        continue;
      }
      if (resolved === undefined) continue;
      if (resolved === null) {
        lastError = null;
        continue;
      }
      return resolved;
    }
    if (lastError === undefined || lastError === null) return lastError;
    throw lastError;
  }
  if (typeof target === 'object' && target !== null) {
    const keys = Object.getOwnPropertyNames(target);
    if (keys.some(isArrayIndex)) {
      throw new codes.ERR_INVALID_PACKAGE_CONFIG(ctx.pkg.pjsonPath, baseUrl(ctx.base),
                                                 '"exports" cannot contain numeric property keys.');
    }
    // Conditions are tried in the object's order, not the caller's.
    for (const condition of keys) {
      if (!ctx.conditions.has(condition)) continue;
      const resolved = resolveTarget(ctx, target[condition], match, key, isPattern, isImports,
                                     isPathMap);
      if (resolved !== undefined) return resolved;
    }
    return undefined;
  }
  if (target === null) return null;
  throw invalidTarget(ctx, key, target, isImports);
}

function isArrayIndex(key) {
  return /^(?:0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

// PATTERN_KEY_COMPARE: orders pattern keys by specificity (longer prefix
// before the "*" first, then longer key); returns 1 when b is more specific.
function patternKeyCompare(a, b) {
  const aStar = a.indexOf('*');
  const bStar = b.indexOf('*');
  const aBase = aStar === -1 ? a.length : aStar + 1;
  const bBase = bStar === -1 ? b.length : bStar + 1;
  if (aBase !== bBase) return aBase > bBase ? -1 : 1;
  if (aStar === -1) return 1;
  if (bStar === -1) return -1;
  if (a.length !== b.length) return a.length > b.length ? -1 : 1;
  return 0;
}

// The most specific single-"*" key of `map` that matches `request`, with what
// its "*" stands for (never empty), or null.
function bestPatternMatch(map, request) {
  let bestKey = '';
  let bestMatch;
  for (const key of Object.getOwnPropertyNames(map)) {
    const star = key.indexOf('*');
    if (star === -1 || star !== key.lastIndexOf('*')) continue;
    const trailer = key.slice(star + 1);
    if (request.length >= key.length && request.startsWith(key.slice(0, star)) &&
        request.endsWith(trailer) && patternKeyCompare(bestKey, key) === 1) {
      bestKey = key;
      bestMatch = request.slice(star, request.length - trailer.length);
    }
  }
  return bestKey === '' ? null : { key: bestKey, match: bestMatch };
}

// "exports" may be a bare target or an object of conditions, both shorthand
// for { ".": exports }; an object mixing "./subpath" keys and condition keys
// is ambiguous and rejected.
function isExportsMainSugar(ctx, exports) {
  if (typeof exports === 'string' || Array.isArray(exports)) return true;
  if (typeof exports !== 'object' || exports === null) return false;
  let sugar;
  for (const key of Object.getOwnPropertyNames(exports)) {
    const isCondition = key === '' || key[0] !== '.';
    if (sugar === undefined) {
      sugar = isCondition;
    } else if (sugar !== isCondition) {
      throw new codes.ERR_INVALID_PACKAGE_CONFIG(
        ctx.pkg.pjsonPath, baseUrl(ctx.base),
        '"exports" cannot contain some keys starting with \'.\' and some not. ' +
        'The exports object must either be an object of package subpath keys ' +
        'or an object of main entry condition name keys only.');
    }
  }
  return sugar === true;
}

function warnTrailingSlashPattern(pkg, exports, subpath, base) {
  const once = `${pkg.pjsonPath}|${subpath}`;
  if (warnedTrailingSlashPatterns.has(once)) return;
  const candidate = (key) => key.includes('*') && subpath.startsWith(key.slice(0, key.indexOf('*')));
  if (!Object.getOwnPropertyNames(exports).some(candidate)) return;
  warnedTrailingSlashPatterns.add(once);
  emitDeprecation(
    `Use of deprecated trailing slash pattern mapping "${subpath}" in the "exports" field ` +
    `module resolution of the package at ${pkg.pjsonPath}${importedFrom(base)}. ` +
    'Mapping specifiers ending in "/" is no longer supported.',
    'DEP0155');
}

// PACKAGE_EXPORTS_RESOLVE; `subpath` is "." or "./...".
function packageExportsResolve(pkg, subpath, base, conditions, builtins) {
  const ctx = { pkg, base, conditions, builtins };
  let exports = pkg.exports;
  if (isExportsMainSugar(ctx, exports)) exports = { '.': exports };

  if (hasOwn(exports, subpath) && !subpath.includes('*') && !subpath.endsWith('/')) {
    const resolved = resolveTarget(ctx, exports[subpath], '', subpath, false, false, false);
    if (resolved == null) throw exportsNotFound(ctx, subpath);
    return resolved;
  }

  // Requests ending in "/" used to map whole folders; they still work
  // through patterns but are deprecated (DEP0155).
  const isPathMap = subpath.endsWith('/');
  if (isPathMap) warnTrailingSlashPattern(pkg, exports, subpath, base);
  const best = bestPatternMatch(exports, subpath);
  if (best !== null) {
    const resolved = resolveTarget(ctx, exports[best.key], best.match, best.key, true, false,
                                   isPathMap);
    if (resolved == null) throw exportsNotFound(ctx, subpath);
    return resolved;
  }
  throw exportsNotFound(ctx, subpath);
}

// PACKAGE_IMPORTS_RESOLVE for a "#name" specifier seen from `base`.
function packageImportsResolve(name, base, conditions, builtins) {
  if (name === '#' || name.startsWith('#/') || name.endsWith('/')) {
    throw new codes.ERR_INVALID_MODULE_SPECIFIER(
      name, 'is not a valid internal imports specifier name', base);
  }
  const pkg = packageScope(base, base);
  if (pkg !== null && pkg.imports) {
    const ctx = { pkg, base, conditions, builtins };
    const imports = pkg.imports;
    let resolved;
    if (hasOwn(imports, name) && !name.includes('*')) {
      resolved = resolveTarget(ctx, imports[name], '', name, false, true, false);
    } else {
      const best = bestPatternMatch(imports, name);
      if (best !== null) {
        resolved = resolveTarget(ctx, imports[best.key], best.match, best.key, true, true, false);
      }
    }
    if (resolved != null) return resolved;
  }
  throw new codes.ERR_PACKAGE_IMPORT_NOT_DEFINED(name, pkg === null ? undefined : packageDir(pkg),
                                                 base);
}

// ---------------------------------------------------------------------------
// ESM: PACKAGE_RESOLVE and ESM_RESOLVE.

function isSchemelessBuiltin(id, builtins) {
  return builtins.has(id) && !SCHEME_ONLY_BUILTINS.has(id);
}

function isRelativeSpecifier(specifier) {
  if (specifier[0] !== '.') return false;
  if (specifier.length === 1 || specifier[1] === '/') return true;
  return specifier[1] === '.' && (specifier.length === 2 || specifier[2] === '/');
}

// Splits "name/sub/path" or "@scope/name/sub/path" into the package name and
// "./sub/path" (or ".").
function parsePackageName(specifier, base) {
  let end = specifier.indexOf('/');
  let valid = true;
  if (specifier[0] === '@') {
    if (end === -1) valid = false;
    else end = specifier.indexOf('/', end + 1);
  }
  const name = end === -1 ? specifier : specifier.slice(0, end);
  if (name[0] === '.' || name.includes('%') || name.includes('\\')) valid = false;
  if (!valid) {
    throw new codes.ERR_INVALID_MODULE_SPECIFIER(specifier, 'is not a valid package name', base);
  }
  return { name, subpath: '.' + (end === -1 ? '' : specifier.slice(end)) };
}

// PACKAGE_RESOLVE: builtins, then the package's own name (self-reference),
// then node_modules of every ancestor of `base` up to the root.
function packageResolve(specifier, base, conditions, builtins) {
  if (isSchemelessBuiltin(specifier, builtins)) return BUILTIN_SCHEME + specifier;
  const { name, subpath } = parsePackageName(specifier, base);
  const esmContext = `"${specifier}" from ${base}`;

  const scope = packageScope(base, base);
  if (scope !== null && scope.exports != null && scope.name === name) {
    return packageExportsResolve(scope, subpath, base, conditions, builtins);
  }

  for (let dir = dirOf(base); ; dir = path.dirname(dir)) {
    const pkgDir = path.join(dir, 'node_modules', name);
    if (stat(pkgDir) === IS_DIR) {
      const pkg = readPackage(path.join(pkgDir, 'package.json'), esmContext);
      if (pkg.exports != null) {
        return packageExportsResolve(pkg, subpath, base, conditions, builtins);
      }
      if (subpath === '.') return legacyMainResolve(pkg, base);
      return urlResolve(subpath, toUrlPath(pkg.pjsonPath));
    }
    if (dir === '/') break;
  }
  throw new codes.ERR_MODULE_NOT_FOUND(name, base, null);
}

// LEGACY_MAIN_RESOLVE: packages without "exports" still get CommonJS-style
// guessing for their main entry point.
const MAIN_SUFFIXES = ['', '.js', '.json', '.node', '/index.js', '/index.json', '/index.node'];
const INDEX_FILES = ['./index.js', './index.json', './index.node'];

function legacyMainResolve(pkg, base) {
  const pjsonUrlPath = toUrlPath(pkg.pjsonPath);
  const candidates = pkg.main === undefined ? [] :
    MAIN_SUFFIXES.map((suffix) => `./${pkg.main}${suffix}`);
  candidates.push(...INDEX_FILES);
  for (const candidate of candidates) {
    const resolved = urlResolve(candidate, pjsonUrlPath);
    if (stat(urlPathToFile(resolved)) !== IS_FILE) continue;
    if (candidate !== `./${pkg.main}`) warnLegacyMainGuess(pkg, urlPathToFile(resolved), base);
    return resolved;
  }
  // Node reports the first file it tried as the missing "package".
  throw new codes.ERR_MODULE_NOT_FOUND(urlPathToFile(urlResolve(candidates[0], pjsonUrlPath)), base);
}

// DEP0151: guessing extensions or an index for an ES module's main entry.
function warnLegacyMainGuess(pkg, filename, base) {
  if (formatOf(filename) !== 'module') return;
  const dir = packageDir(pkg);
  const entry = filename.slice(dir.length);
  if (pkg.main === undefined) {
    emitDeprecation(
      `No "main" or "exports" field defined in the package.json for ${dir} resolving ` +
      `the main entry point "${entry}", imported from ${base}.\n` +
      'Default "index" lookups for the main are deprecated for ES modules.',
      'DEP0151');
  } else {
    emitDeprecation(
      `Package ${dir} has a "main" field set to "${pkg.main}", excluding the full filename ` +
      `and extension to the resolved file at "${entry}", imported from ${base}.\n` +
      ' Automatic extension resolution of the "main" field is deprecated for ES modules.',
      'DEP0151');
  }
}

// ESM_RESOLVE up to (not including) the file checks: a URL path or
// 'node:<id>'.
function esmResolveUrl(specifier, base, builtins) {
  if (specifier[0] === '/' || isRelativeSpecifier(specifier)) {
    if (specifier.startsWith('//')) return fileUrlToUrlPath('file:' + specifier);
    return urlResolve(specifier, toUrlPath(base));
  }
  if (specifier[0] === '#') return packageImportsResolve(specifier, base, ESM_CONDITIONS, builtins);
  if (hasUrlScheme(specifier)) {
    const scheme = specifier.slice(0, specifier.indexOf(':') + 1).toLowerCase();
    if (scheme === 'file:') return fileUrlToUrlPath(specifier);
    if (scheme === BUILTIN_SCHEME) {
      const id = specifier.slice(BUILTIN_SCHEME.length);
      if (!builtins.has(id)) throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(specifier);
      return BUILTIN_SCHEME + id;
    }
    throw new codes.ERR_UNSUPPORTED_ESM_URL_SCHEME({ protocol: scheme }, ['file', 'data', 'node']);
  }
  return packageResolve(specifier, base, ESM_CONDITIONS, builtins);
}

// The file checks that end ESM_RESOLVE: no directories, no guessing, and
// symlinks resolved.
function finalizeEsm(urlPath, base) {
  if (ENCODED_SEPARATOR.test(urlPath)) {
    throw new codes.ERR_INVALID_MODULE_SPECIFIER(urlPath, ENCODED_SEPARATOR_REASON, base);
  }
  const filename = urlPathToFile(urlPath);
  const url = 'file://' + urlPath;
  // Node 20 reports any path with a trailing slash as a directory, whether or
  // not it exists.
  const kind = filename.endsWith('/') ? IS_DIR : stat(filename);
  if (kind === IS_DIR) throw new codes.ERR_UNSUPPORTED_DIR_IMPORT(filename, base, url);
  if (kind !== IS_FILE) throw new codes.ERR_MODULE_NOT_FOUND(filename, base, url);
  return toRealPath(filename);
}

// Node helps users migrating from CommonJS: when an import fails but
// require() would have found something, the error says what. It reproduces
// Node 20 exactly, including that relative specifiers are resolved against
// the working directory rather than the importer (Node resolves them for a
// throwaway parent module that has no filename).
function addCommonJsHint(err, specifier, base, builtins) {
  if (specifier.startsWith('file://')) specifier = urlPathToFile(fileUrlToUrlPath(specifier));
  let found;
  try {
    if (cjsBuiltinId(specifier, builtins) !== undefined) return;
    found = findPath(specifier, lookupPaths(specifier, null, nodeModulePaths(base)));
  } catch {
    return;
  }
  if (!found) return;
  if (isRelativeSpecifier(specifier)) {
    found = toUrlPath(path.relative(dirOf(base), found));
    if (!found.startsWith('../')) found = './' + found;
  } else if (specifier[0] !== '/' && specifier[0] !== '.') {
    const slash = specifier.indexOf('/');
    const pkgName = slash === -1 ? specifier : specifier.slice(0, slash);
    const needle = `/node_modules/${pkgName}/`;
    const at = found.lastIndexOf(needle);
    found = at === -1 ? 'file://' + toUrlPath(found) :
      pkgName + '/' + found.slice(at + needle.length).split('/').map(encodeURIComponent).join('/');
  }
  if (found === specifier) return;
  const before = err.message;
  err.message += `\nDid you mean to import ${JSON.stringify(found)}?`;
  if (typeof err.stack === 'string') err.stack = err.stack.replace(before, () => err.message);
}

function moduleBuiltins() {
  const { isBuiltin } = require('module');
  return { has: (id) => isBuiltin(id) };
}

// The format a file is loaded as by import: by extension, and for .js (and
// extensionless files) by the "type" of the enclosing package. null for
// extensions import does not handle.
function formatOf(filename) {
  const ext = path.extname(filename);
  switch (ext) {
    case '.mjs':
      return 'module';
    case '.cjs':
      return 'commonjs';
    case '.json':
      return 'json';
    case '.js':
    case '': {
      const pkg = packageScope(filename, filename);
      if (pkg !== null && pkg.type === 'module') return 'module';
      return detectedModules.has(filename) ? 'module' : 'commonjs';
    }
    default:
      return null;
  }
}

// Node 20's module syntax detection: a .js (or extensionless) file whose package.json
// names no "type" is CommonJS unless it fails to compile as CommonJS and compiles as an
// ES module (import/export, import.meta, top-level await, its own `const require`...). The
// CommonJS loader finds that out when it compiles such a file, and records it here.
const detectedModules = new Set();

function isAmbiguousFormat(filename) {
  const ext = path.extname(filename);
  if (ext !== '.js' && ext !== '') return false;
  const pkg = packageScope(filename, filename);
  return pkg === null || pkg.type === 'none';
}

function markDetectedModule(filename) {
  detectedModules.add(filename);
}

// import: `parentFilename` is the importing module, or null for the entry
// point (resolved against the working directory). builtinIds may be left out
// by a caller that maps plain builtin specifiers itself: "imports" targets and
// error hints still have to recognise builtins, so module.isBuiltin() stands
// in.
function resolveEsm(specifier, parentFilename, builtinIds = moduleBuiltins()) {
  const base = parentFilename || process.cwd() + '/';
  let resolved;
  try {
    resolved = esmResolveUrl(specifier, base, builtinIds);
    if (isBuiltinResult(resolved)) {
      return { kind: 'builtin', id: resolved.slice(BUILTIN_SCHEME.length) };
    }
    resolved = finalizeEsm(resolved, base);
  } catch (err) {
    if (err.code === 'ERR_MODULE_NOT_FOUND' || err.code === 'ERR_UNSUPPORTED_DIR_IMPORT') {
      addCommonJsHint(err, specifier, base, builtinIds);
    }
    throw err;
  }
  const format = formatOf(resolved);
  if (format === null) {
    throw new codes.ERR_UNKNOWN_FILE_EXTENSION(path.extname(resolved), resolved);
  }
  return { kind: 'file', filename: resolved, format };
}

// ---------------------------------------------------------------------------
// CommonJS: Module._resolveFilename.

// Module._nodeModulePaths: node_modules under `from` and each of its
// ancestors, skipping folders that are themselves named node_modules.
function nodeModulePaths(from) {
  from = path.resolve(from);
  const paths = [];
  for (let dir = from; dir !== '/'; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') paths.push(dir + '/node_modules');
  }
  paths.push('/node_modules');
  return paths;
}

// GLOBAL_FOLDERS, searched after every node_modules walk: $NODE_PATH entries,
// then ~/.node_modules, ~/.node_libraries and <prefix>/lib/node. Fixed at
// first use, as Node fixes them at startup.
let globalPaths;

function globalModulePaths() {
  if (globalPaths === undefined) {
    const { HOME, NODE_PATH } = process.env;
    globalPaths = NODE_PATH ? NODE_PATH.split(path.delimiter).filter(Boolean) : [];
    if (HOME) {
      globalPaths.push(path.resolve(HOME, '.node_modules'), path.resolve(HOME, '.node_libraries'));
    }
    // The install prefix is the directory above the one holding the binary.
    if (process.execPath) globalPaths.push(path.resolve(process.execPath, '..', '..', 'lib', 'node'));
  }
  return globalPaths;
}

// The builtin id `request` names, if any. "node:" always means a builtin, so
// an unknown one is an error rather than a file lookup.
function cjsBuiltinId(request, builtins) {
  if (request.startsWith(BUILTIN_SCHEME)) {
    const id = request.slice(BUILTIN_SCHEME.length);
    if (!builtins.has(id)) throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(request);
    return id;
  }
  return isSchemelessBuiltin(request, builtins) ? request : undefined;
}

// Module._resolveLookupPaths. Anything but "./x", "../x", "." and ".." is
// looked up in node_modules (so are ".x" names); relative requests resolve
// against the parent's directory, or the working directory without one.
function lookupPaths(request, parentDir, parentModulePaths) {
  const relative = request[0] === '.' &&
    (request.length === 1 || request[1] === '.' || request[1] === '/');
  if (relative) return [parentDir === null ? '.' : parentDir];
  return parentModulePaths.length > 0 ?
    parentModulePaths.concat(globalModulePaths()) : globalModulePaths();
}

// The `paths` option of require.resolve(): relative requests resolve against
// each entry; others search the node_modules chain above each entry.
function lookupPathsFromOption(request, optionPaths) {
  if (request.startsWith('./') || request.startsWith('../')) return optionPaths;
  const paths = [];
  for (const from of optionPaths) {
    for (const dir of lookupPaths(request, null, nodeModulePaths(from))) {
      if (!paths.includes(dir)) paths.push(dir);
    }
  }
  return paths;
}

function tryFile(filename) {
  return stat(filename) === IS_FILE ? toRealPath(filename) : false;
}

// LOAD_AS_FILE minus the exact name: X.js, X.json, X.node.
function tryExtensions(basePath) {
  for (const ext of CJS_EXTENSIONS) {
    const found = tryFile(basePath + ext);
    if (found) return found;
  }
  return false;
}

// LOAD_AS_DIRECTORY. A "main" that leads nowhere falls back to the index
// files; only when those are missing too is the broken main an error.
function tryPackage(dir, request) {
  const main = readPackage(path.join(dir, 'package.json'), undefined).main;
  if (!main) return tryExtensions(path.resolve(dir, 'index'));
  const mainPath = path.resolve(dir, main);
  const found = tryFile(mainPath) || tryExtensions(mainPath) ||
    tryExtensions(path.resolve(mainPath, 'index'));
  if (found) return found;
  const index = tryExtensions(path.resolve(dir, 'index'));
  if (index) {
    emitDeprecation(`Invalid 'main' field in '${path.join(dir, 'package.json')}' of '${main}'. ` +
                    'Please either fix that or report it to the module author', 'DEP0128');
    return index;
  }
  const err = new Error(`Cannot find module '${mainPath}'. ` +
                        'Please verify that the package.json has a valid "main" entry');
  err.code = 'MODULE_NOT_FOUND';
  err.path = path.join(dir, 'package.json');
  err.requestPath = request;
  throw err;
}

// A request a package name could start: "name" or "@scope/name" followed by
// nothing or "/subpath"; names do not start with "." and contain no "%" or
// "\". Returns the name and "." + subpath, or null.
function splitPackageRequest(request) {
  const isNamePart = (part) => part !== '' && part[0] !== '.' && !/[/\\%]/.test(part);
  const split = (nameEnd) => (nameEnd === -1 ?
    { name: request, subpath: '.' } :
    { name: request.slice(0, nameEnd), subpath: '.' + request.slice(nameEnd) });

  if (request[0] === '@') {
    const scopeEnd = request.indexOf('/');
    if (scopeEnd > 1 && !/[\\%]/.test(request.slice(1, scopeEnd))) {
      const nameEnd = request.indexOf('/', scopeEnd + 1);
      const name = request.slice(scopeEnd + 1, nameEnd === -1 ? request.length : nameEnd);
      if (isNamePart(name)) return split(nameEnd);
    }
  }
  const nameEnd = request.indexOf('/');
  return isNamePart(nameEnd === -1 ? request : request.slice(0, nameEnd)) ? split(nameEnd) : null;
}

// Runs an ESM-style package resolution on behalf of require() and checks its
// result the CommonJS way: the file must exist exactly as named. A package
// the ESM walk could not find (only "imports" can lead to one) is reported in
// CommonJS terms.
function resolveViaPackageJson(request, parentFilename, pkg, resolve) {
  let resolved;
  try {
    resolved = resolve();
  } catch (err) {
    if (err.code !== 'ERR_MODULE_NOT_FOUND') throw err;
    const notFound = new Error(`Cannot find module '${request}'`);
    notFound.code = 'MODULE_NOT_FOUND';
    throw notFound;
  }
  // Node 20 hands the result to fileURLToPath, which refuses node: URLs.
  if (isBuiltinResult(resolved)) throw new codes.ERR_INVALID_URL_SCHEME('file');
  if (ENCODED_SEPARATOR.test(resolved)) {
    throw new codes.ERR_INVALID_MODULE_SPECIFIER('file://' + resolved, ENCODED_SEPARATOR_REASON,
                                                 parentFilename || undefined);
  }
  const filename = urlPathToFile(resolved);
  const found = tryFile(filename);
  if (found) return found;
  const err = new Error(`Cannot find module '${filename}'`);
  err.code = 'MODULE_NOT_FOUND';
  err.path = pkg.pjsonPath;
  throw err;
}

// LOAD_PACKAGE_EXPORTS for one node_modules folder.
function resolveExportsIn(nodeModulesDir, request) {
  const parts = splitPackageRequest(request);
  if (parts === null) return false;
  const pkg = readPackage(path.resolve(nodeModulesDir, parts.name, 'package.json'), undefined);
  if (!pkg.exists || pkg.exports == null) return false;
  // No builtins needed: only "imports" targets can name one.
  return resolveViaPackageJson(request, null, pkg, () =>
    packageExportsResolve(pkg, parts.subpath, null, CJS_CONDITIONS, null));
}

// Module._findPath: per lookup path, "exports" of a package there, then
// LOAD_AS_FILE, then LOAD_AS_DIRECTORY. Returns the real path or false.
function findPath(request, paths) {
  const absolute = path.isAbsolute(request);
  if (absolute) paths = [''];
  // "x/", "x/.", "x/.." and the like can only name directories.
  const directoryOnly = request.endsWith('/') || /(?:^|\/)\.\.?$/.test(request);
  for (const dir of paths) {
    if (dir !== '' && stat(dir) !== IS_DIR) continue;
    if (!absolute) {
      const exported = resolveExportsIn(dir, request);
      if (exported) return exported;
    }
    const basePath = path.resolve(dir, request);
    const kind = stat(basePath);
    let found = false;
    if (!directoryOnly) found = kind === IS_FILE ? toRealPath(basePath) : tryExtensions(basePath);
    if (!found && kind === IS_DIR) found = tryPackage(basePath, request);
    if (found) return found;
  }
  return false;
}

// The lookup paths require.resolve.paths() reports: null for builtins.
function cjsLookupPaths(request, parentFilename, builtinIds) {
  if (cjsBuiltinId(request, builtinIds) !== undefined) return null;
  const parentDir = parentFilename ? path.dirname(parentFilename) : null;
  return lookupPaths(request, parentDir, parentDir === null ? [] : nodeModulePaths(parentDir));
}

// require(): `parentFilename` is the requiring module, or null for the entry
// point. options.paths is require.resolve()'s option; options.requireStack is
// the chain of requiring modules (innermost first) for the not-found message,
// defaulting to just the parent.
function resolveCjs(request, parentFilename, builtinIds, options = {}) {
  const builtin = cjsBuiltinId(request, builtinIds);
  if (builtin !== undefined) return { kind: 'builtin', id: builtin };

  let paths;
  if (options.paths === undefined) {
    paths = cjsLookupPaths(request, parentFilename, builtinIds);
  } else if (Array.isArray(options.paths)) {
    paths = lookupPathsFromOption(request, options.paths);
  } else {
    throw new codes.ERR_INVALID_ARG_VALUE('options.paths', options.paths);
  }

  if (parentFilename) {
    const scope = packageScope(parentFilename, undefined);
    // "#name" goes through "imports" when the parent's package has any;
    // otherwise it is looked up like any other package name.
    if (request[0] === '#' && scope !== null && scope.imports != null) {
      const filename = resolveViaPackageJson(request, parentFilename, scope, () =>
        packageImportsResolve(request, parentFilename, CJS_CONDITIONS, builtinIds));
      return { kind: 'file', filename };
    }
    // A package may require itself by name through its own "exports".
    if (scope !== null && scope.exports != null && scope.name !== undefined) {
      let subpath = null;
      if (request === scope.name) subpath = '.';
      else if (request.startsWith(scope.name + '/')) subpath = '.' + request.slice(scope.name.length);
      if (subpath !== null) {
        const filename = resolveViaPackageJson(request, parentFilename, scope, () =>
          packageExportsResolve(scope, subpath, parentFilename, CJS_CONDITIONS, builtinIds));
        return { kind: 'file', filename };
      }
    }
  }

  const filename = findPath(request, paths);
  if (filename) return { kind: 'file', filename };

  const requireStack = options.requireStack || (parentFilename ? [parentFilename] : []);
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += '\nRequire stack:\n- ' + requireStack.join('\n- ');
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
}

module.exports = {
  resolveCjs,
  resolveEsm,
  formatOf,
  isAmbiguousFormat,
  markDetectedModule,
  readPackageScope,
  nodeModulePaths,
  cjsLookupPaths,
};
