'use strict';
// CommonJS: Module, require, the cache, extensions, and the main entry.

const path = require('path');
const { codes } = require('internal/errors');
const resolver = require('internal/modules/resolve');
const fsBinding = internalBinding('fs');
const { compileFunction } = internalBinding('contextify');

const WRAPPER_PARAMS = 'exports, require, module, __filename, __dirname';

// Built-ins users may require: everything in lib/ outside internal/.
const builtinRequire = require;
const userBuiltins = require.ids.filter((id) => !id.startsWith('internal/'));
const builtinSet = new Set(userBuiltins);

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  this.exports = {};
  this.filename = null;
  this.loaded = false;
  this.children = [];
  this.paths = [];
  Object.defineProperty(this, 'parent', { value: parent, writable: true, configurable: true, enumerable: false });
  if (parent && parent.children && !parent.children.includes(this)) parent.children.push(this);
}

Module.Module = Module;
Module._cache = { __proto__: null };
Module._pathCache = { __proto__: null };
Module.builtinModules = userBuiltins.filter((id) => !id.startsWith('lib')).sort();
Module.globalPaths = [];
Module.isBuiltin = (id) => {
  const name = typeof id === 'string' && id.startsWith('node:') ? id.slice(5) : id;
  return builtinSet.has(name);
};
Module._nodeModulePaths = resolver.nodeModulePaths;

function requireStackOf(parent) {
  const stack = [];
  for (let m = parent; m && m.filename; m = m.parent) stack.push(m.filename);
  return stack;
}

Module._resolveFilename = function _resolveFilename(request, parent, isMain, options) {
  const res = resolver.resolveCjs(request, parent && parent.filename ? parent.filename : null, builtinSet, {
    paths: options && options.paths,
    requireStack: requireStackOf(parent),
  });
  return res.kind === 'builtin' ? res.id : res.filename;
};

function loadBuiltin(request) {
  const id = request.startsWith('node:') ? request.slice(5) : request;
  if (!builtinSet.has(id)) {
    if (request.startsWith('node:')) throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(request);
    return undefined;
  }
  return builtinRequire(id);
}

Module._load = function _load(request, parent, isMain) {
  if (request.startsWith('node:') || (builtinSet.has(request) && !request.startsWith('.'))) {
    const exported = loadBuiltin(request);
    if (exported !== undefined) return exported;
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  if (builtinSet.has(filename)) return builtinRequire(filename);
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    if (parent && parent.children && !parent.children.includes(cached)) parent.children.push(cached);
    return cached.exports;
  }
  const module = new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    module.id = '.';
  }
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent && parent.children) {
        const i = parent.children.indexOf(module);
        if (i !== -1) parent.children.splice(i, 1);
      }
    }
  }
  return module.exports;
};

Module.prototype.load = function load(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  let ext = path.extname(filename);
  if (ext === '.mjs' || (ext === '.js' && resolver.formatOf(filename) === 'module')) {
    throw requireEsmError(filename, this.parent);
  }
  if (!Module._extensions[ext]) ext = '.js';
  Module._extensions[ext](this, filename);
  this.loaded = true;
};

function requireEsmError(filename, parent) {
  const parentPath = parent && parent.filename;
  const err = new Error(
    `require() of ES Module ${filename}${parentPath ? ` from ${parentPath}` : ''} not supported.\n` +
      `Instead change the require of ${parentPath ? path.basename(filename) + ' in ' + parentPath : filename} to a dynamic import() which is available in all CommonJS modules.`);
  err.code = 'ERR_REQUIRE_ESM';
  return err;
}

Module.prototype.require = function require(id) {
  if (typeof id !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('id', 'string', id);
  if (id === '') throw new codes.ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  return Module._load(id, this, false);
};

function stripBOM(content) {
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

Module.prototype._compile = function _compile(content, filename) {
  const fn = compileFunction(require('internal/main').stripShebang(content), filename, WRAPPER_PARAMS);
  const req = makeRequire(this);
  return fn.call(this.exports, this.exports, req, this, filename, path.dirname(filename));
};

Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
Module.wrap = (script) => Module.wrapper[0] + script + Module.wrapper[1];

Module._extensions = { __proto__: null };
Module._extensions['.js'] = function loadJs(module, filename) {
  module._compile(stripBOM(fsBinding.readFileUtf8(filename)), filename);
};
Module._extensions['.cjs'] = Module._extensions['.js'];
Module._extensions['.json'] = function loadJson(module, filename) {
  const content = fsBinding.readFileUtf8(filename);
  try {
    module.exports = JSON.parse(stripBOM(content));
  } catch (err) {
    err.message = filename + ': ' + err.message;
    throw err;
  }
};
Module._extensions['.node'] = function loadNative(module, filename) {
  const err = new Error(`Cannot load native addon ${filename}: unode does not run Node-API binaries`);
  err.code = 'ERR_DLOPEN_FAILED';
  throw err;
};

function makeRequire(mod) {
  const require = function require(id) {
    return mod.require(id);
  };
  function resolve(request, options) {
    if (typeof request !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('request', 'string', request);
    return Module._resolveFilename(request, mod, false, options);
  }
  resolve.paths = function paths(request) {
    if (Module.isBuiltin(request)) return null;
    if (request.startsWith('./') || request.startsWith('../') || request.startsWith('/')) return [path.dirname(mod.filename || '.')];
    return mod.paths.slice();
  };
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

Module.createRequire = function createRequire(filename) {
  let file = filename;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') {
    file = require('internal/modules/esm').fileURLToPath(filename.href);
  } else if (typeof filename === 'string' && filename.startsWith('file:')) {
    file = require('internal/modules/esm').fileURLToPath(filename);
  } else if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    throw new codes.ERR_INVALID_ARG_VALUE('filename', filename, 'must be a file URL object, file URL string, or absolute path string');
  }
  const trailingSlash = file.endsWith('/');
  const proxyPath = trailingSlash ? path.join(file, 'noop.js') : file;
  const m = new Module(proxyPath, null);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(path.dirname(proxyPath));
  return makeRequire(m);
};

// The entry point: CommonJS runs now; an ES module returns the promise of its evaluation.
Module.runMain = function runMain(main) {
  const res = resolver.resolveCjs(path.resolve(main), null, new Set(), { requireStack: [] });
  const filename = res.filename;
  if (resolver.formatOf(filename) === 'module') {
    return require('internal/modules/esm').importMain(filename);
  }
  Module._load(filename, null, true);
  return null;
};

module.exports = { Module, makeRequire };
