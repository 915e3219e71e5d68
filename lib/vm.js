'use strict';

// Node's vm: scripts compiled and run in this context, or in another realm of the same
// QuickJS runtime (bindings/contextify.rs: newContext, evalInContext). A contextified
// object stands for its realm's global: its properties are copied onto that global before
// each run and what the code left there is copied back after (Node's global proxies
// every access instead; the visible result is the same for code that reads and assigns
// globals). Not here: timeouts, breakOnSigint, cached data, vm modules.

const binding = internalBinding('contextify');
const { codes, validateObject, validateString, validateArray } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE } = codes;

// Contextified objects → { id, global, builtins (the realm's own global names) }.
const contexts = new WeakMap();
// A realm goes when its object is collected.
const registry = new FinalizationRegistry((id) => binding.freeContext(id));

function filenameOf(options, fallback) {
  if (typeof options === 'string') return options;
  if (options !== undefined && options !== null) {
    validateObject(options, 'options');
    if (options.filename !== undefined) {
      validateString(options.filename, 'options.filename');
      return options.filename;
    }
  }
  return fallback;
}

function isContext(object) {
  validateObject(object, 'object', { __proto__: null, allowArray: true, allowFunction: true });
  return contexts.has(object);
}

function createContext(contextObject = {}, options) {
  if (contextObject !== null && typeof contextObject === 'object' && contexts.has(contextObject)) return contextObject;
  if (contextObject === null || typeof contextObject !== 'object') throw new ERR_INVALID_ARG_TYPE('object', 'object', contextObject);
  if (options !== undefined) validateObject(options, 'options');
  const id = binding.newContext();
  const global = binding.contextGlobal(id);
  // V8 gives every context a console, whose output goes to the inspector only.
  const noop = () => {};
  global.console = Object.fromEntries(['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'time', 'timeEnd',
    'timeLog', 'assert', 'count', 'countReset', 'group', 'groupEnd', 'groupCollapsed', 'clear'].map((m) => [m, noop]));
  // Intl is one of V8's own globals (QuickJS has none: the runtime's serves every realm).
  Object.defineProperty(global, 'Intl', {
    configurable: true,
    enumerable: false,
    get() {
      const value = globalThis.Intl;
      Object.defineProperty(global, 'Intl', { value, writable: true, configurable: true, enumerable: false });
      return value;
    },
    set(value) {
      Object.defineProperty(global, 'Intl', { value, writable: true, configurable: true, enumerable: false });
    },
  });
  contexts.set(contextObject, { id, global, builtins: new Set(Reflect.ownKeys(global)) });
  registry.register(contextObject, id);
  return contextObject;
}

function contextOf(contextifiedObject) {
  const realm = contextifiedObject !== null && typeof contextifiedObject === 'object' ? contexts.get(contextifiedObject) : undefined;
  if (realm === undefined) throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
  return realm;
}

// Runs `code` in the realm of `sandbox`, the sandbox's properties standing for its globals.
function runIn(sandbox, code, filename) {
  const { id, global, builtins } = contextOf(sandbox);
  const given = Reflect.ownKeys(sandbox);
  for (const key of given) {
    const desc = Object.getOwnPropertyDescriptor(sandbox, key);
    const current = Object.getOwnPropertyDescriptor(global, key);
    // A global the code declared with var (not configurable) takes the value only.
    if (current !== undefined && !current.configurable) {
      if (current.writable && 'value' in desc) global[key] = desc.value;
    } else {
      Object.defineProperty(global, key, { ...desc, configurable: true });
    }
  }
  try {
    return binding.evalInContext(id, code, filename);
  } finally {
    for (const key of Reflect.ownKeys(global)) {
      if (builtins.has(key) && !given.includes(key)) continue;
      const desc = Object.getOwnPropertyDescriptor(global, key);
      if ('value' in desc) sandbox[key] = desc.value;
      else Object.defineProperty(sandbox, key, desc);
    }
    for (const key of given) {
      if (!Object.prototype.hasOwnProperty.call(global, key)) delete sandbox[key];
    }
  }
}

class Script {
  #code;
  #filename;

  constructor(code, options) {
    code = `${code}`;
    this.#filename = filenameOf(options, 'evalmachine.<anonymous>');
    binding.checkScript(code, this.#filename);
    this.#code = code;
  }

  runInThisContext(options) {
    return binding.evalScript(this.#code, this.#filename);
  }

  runInContext(contextifiedObject, options) {
    return runIn(contextifiedObject, this.#code, this.#filename);
  }

  runInNewContext(contextObject, options) {
    return runIn(createContext(contextObject), this.#code, this.#filename);
  }

  createCachedData() {
    return require('buffer').Buffer.alloc(0);
  }

  get cachedDataRejected() {
    return undefined;
  }

  get sourceMapURL() {
    return undefined;
  }
}

function runInThisContext(code, options) {
  return new Script(code, options).runInThisContext(options);
}

function runInContext(code, contextifiedObject, options) {
  return new Script(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  return new Script(code, options).runInNewContext(contextObject, options);
}

function compileFunction(code, params = [], options = {}) {
  validateString(code, 'code');
  validateArray(params, 'params');
  params.forEach((p, i) => validateString(p, `params[${i}]`));
  validateObject(options, 'options');
  const filename = options.filename === undefined ? '' : options.filename;
  const source = `(function (${params.join(', ')}) {${code}\n})`;
  if (options.parsingContext !== undefined) {
    const { id } = contextOf(options.parsingContext);
    return binding.evalInContext(id, source, filename);
  }
  const extensions = options.contextExtensions ?? [];
  if (extensions.length === 0) return binding.evalScript(source, filename);
  // Each extension's properties are in scope for the function, as Node's `with` does.
  const names = [];
  const values = [];
  for (const ext of extensions) {
    for (const key of Object.keys(ext)) {
      names.push(key);
      values.push(ext[key]);
    }
  }
  return binding.evalScript(`(function (${names.join(', ')}) { return ${source}; })`, filename)(...values);
}

function measureMemory() {
  return Promise.reject(new codes.ERR_CONTEXT_NOT_INITIALIZED());
}

module.exports = {
  Script,
  createContext,
  createScript: (code, options) => new Script(code, options),
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants: {
    USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
    DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
  },
};
