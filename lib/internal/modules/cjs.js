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
const userBuiltins = require.ids.filter((id) => !id.startsWith('internal/') && !id.startsWith('unode/'));
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
  if (res.kind === 'builtin') return request.startsWith('node:') ? request : res.id;
  return res.filename;
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
  // unode's own modules: `unode:vm` is lib/unode/vm.js.
  if (request.startsWith('unode:') && require.has(`unode/${request.slice(6)}`)) {
    return builtinRequire(`unode/${request.slice(6)}`);
  }
  if (request.startsWith('node:') || (builtinSet.has(request) && !request.startsWith('.'))) {
    const exported = loadBuiltin(request);
    if (exported !== undefined) return exported;
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  if (builtinSet.has(filename)) return builtinRequire(filename);
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    if (parent && parent.children && !parent.children.includes(cached)) parent.children.push(cached);
    return cached.loaded ? cached.exports : exportsForCircularRequire(cached);
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

// A module required again while it is still loading hands out its partial exports; as in
// Node, reading a property they do not have yet warns, since it is likely a cycle bug.
const circularWarningProxy = new Proxy({}, {
  get(target, prop, receiver) {
    if (prop in Object.prototype || prop === '__esModule' || typeof prop === 'symbol') {
      return Reflect.get(Object.prototype, prop, receiver);
    }
    process.emitWarning(`Accessing non-existent property '${String(prop)}' of module exports inside circular dependency`);
    return undefined;
  },
  getOwnPropertyDescriptor(target, prop) {
    if (Object.prototype.hasOwnProperty.call(Object.prototype, prop) || prop === '__esModule') {
      return Reflect.getOwnPropertyDescriptor(Object.prototype, prop);
    }
    process.emitWarning(`Accessing non-existent property '${String(prop)}' of module exports inside circular dependency`);
    return undefined;
  },
});

function exportsForCircularRequire(module) {
  const exp = module.exports;
  if (exp && Object.getPrototypeOf(exp) === Object.prototype && !exp.__esModule) {
    Object.setPrototypeOf(exp, circularWarningProxy);
  }
  return exp;
}

Module.prototype.load = function load(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  let ext = path.extname(filename);
  if (ext === '.mjs' || (ext === '.js' && resolver.formatOf(filename) === 'module')) {
    this.exports = requireEsm(filename, this.parent);
    this.loaded = true;
    return;
  }
  if (!Module._extensions[ext]) ext = '.js';
  try {
    Module._extensions[ext](this, filename);
  } catch (err) {
    // The entry point is imported as the ES module it is (see runMain); a required one is
    // required as one.
    if (err !== kDetectedModule || this.id === '.') throw err;
    this.exports = requireEsm(filename, this.parent);
  }
  this.loaded = true;
  if (this.exports && Object.getPrototypeOf(this.exports) === circularWarningProxy) {
    Object.setPrototypeOf(this.exports, Object.prototype);
  }
};

// require() of an ES module (Node 20.19+): evaluate its graph now, synchronously, and hand
// back the namespace, or what the module exports under the name "module.exports" (how an
// ES module chooses what require() returns). A graph that awaits at top level cannot
// finish synchronously.
function requireEsm(filename, parent) {
  const promise = internalBinding('module_wrap').importModule(filename, '');
  let state = 'pending';
  let value;
  promise.then((v) => { state = 'fulfilled'; value = v; }, (e) => { state = 'rejected'; value = e; });
  internalBinding('contextify').runMicrotasks();
  if (state === 'fulfilled') return 'module.exports' in value ? value['module.exports'] : value;
  if (state === 'rejected') throw value;
  const err = new Error(
    'require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.\n' +
      `  From ${parent && parent.filename ? parent.filename : 'the entry point'} \n  Requiring ${filename} `);
  err.code = 'ERR_REQUIRE_ASYNC_MODULE';
  throw err;
}

Module.prototype.require = function require(id) {
  if (typeof id !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('id', 'string', id);
  if (id === '') throw new codes.ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  return Module._load(id, this, false);
};

function stripBOM(content) {
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

// Thrown by a file of no declared format that turned out to be an ES module (see
// resolve's detectedModules): its loader takes it from there as one.
const kDetectedModule = Symbol('kDetectedModule');

function compileModule(content, filename) {
  try {
    return compileFunction(content, filename, WRAPPER_PARAMS);
  } catch (err) {
    if (!(err instanceof SyntaxError) || !resolver.isAmbiguousFormat(filename)) throw err;
    try {
      internalBinding('contextify').checkScript(content, `${filename}#syntax-detection`, true);
    } catch {
      throw err;
    }
    resolver.markDetectedModule(filename);
    throw kDetectedModule;
  }
}

Module.prototype._compile = function _compile(content, filename) {
  const fn = compileModule(require('internal/main').stripShebang(content), filename);
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
  resolve.paths = (request) => resolver.cjsLookupPaths(request, mod.filename, builtinSet);
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

// -r/--require: each module loaded as the working directory would require it, ahead of the
// entry point; a missing one names `internal/preload` as its requirer, as Node's does.
Module._preloadModules = function _preloadModules(requests) {
  const parent = new Module('internal/preload', null);
  parent.paths = Module._nodeModulePaths(process.cwd());
  for (const request of requests) {
    const res = resolver.resolveCjs(request, null, builtinSet, { paths: [process.cwd()], requireStack: ['internal/preload'] });
    Module._load(res.kind === 'builtin' ? request : res.filename, parent, false);
  }
};

// The entry point: CommonJS runs now; an ES module returns the promise of its evaluation.
Module.runMain = function runMain(main) {
  const res = resolver.resolveCjs(path.resolve(main), null, new Set(), { requireStack: [] });
  const filename = res.filename;
  if (resolver.formatOf(filename) === 'module') {
    return require('internal/modules/esm').importMain(filename);
  }
  try {
    Module._load(filename, null, true);
  } catch (err) {
    if (err !== kDetectedModule) throw err;
    process.mainModule = undefined;
    return require('internal/modules/esm').importMain(filename);
  }
  return null;
};

module.exports = { Module, makeRequire, builtinSet };
