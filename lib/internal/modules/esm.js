'use strict';
// ES modules: QuickJS links and evaluates them; this file answers its two questions —
// what a specifier resolves to, and what source an id has. Module ids are absolute file
// paths, or `node:<id>` for built-ins. CommonJS and JSON imports become small facade
// modules whose bodies call require() when they are evaluated, in graph order.

const path = require('path');
const resolver = require('internal/modules/resolve');
const fsBinding = internalBinding('fs');
const moduleWrap = internalBinding('module_wrap');

const kRequire = Symbol.for('unode.esm.require');

function fileURLToPath(url) {
  const href = typeof url === 'string' ? url : url.href;
  if (!href.startsWith('file:')) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_URL_SCHEME('file');
  }
  let p = href.slice(5);
  if (p.startsWith('//')) p = p.slice(p.indexOf('/', 2));
  const q = p.search(/[?#]/);
  if (q !== -1) p = p.slice(0, q);
  return decodeURIComponent(p);
}

function pathToFileURL(p) {
  const abs = path.resolve(p);
  const encoded = abs.replace(/[%?#\s"<>\\^`{|}\x00-\x1f\x7f]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  return 'file://' + encoded + (p.endsWith('/') && !encoded.endsWith('/') ? '/' : '');
}

// The referrer QuickJS passes is a module id, a CJS filename, or a pseudo-name such as
// [eval]; anything not absolute resolves from the working directory.
function referrerPath(base) {
  if (base.startsWith('file:')) return fileURLToPath(base);
  if (path.isAbsolute(base)) return base;
  return path.join(process.cwd(), base || '[eval]');
}

// Modules that exist only in memory (--input-type=module code), by id.
const virtualSources = new Map();

function resolve(specifier, base) {
  if (virtualSources.has(specifier)) return specifier;
  if (specifier.startsWith('unode:')) return specifier;
  const builtins = require('internal/modules/cjs').Module;
  if (specifier.startsWith('node:')) {
    if (!builtins.isBuiltin(specifier)) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(specifier);
    }
    return specifier;
  }
  if (builtins.isBuiltin(specifier) && !specifier.startsWith('.') && !specifier.startsWith('/')) return 'node:' + specifier;
  const res = resolver.resolveEsm(specifier, referrerPath(base), require('internal/modules/cjs').builtinSet);
  return res.kind === 'builtin' ? 'node:' + res.id : res.filename;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(('break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await').split(' '));

function facade(requireExpr, names) {
  let src = `const m = ${requireExpr};\nexport default m;\n`;
  const exported = [...new Set(names)].filter((n) => IDENT.test(n) && !RESERVED.has(n));
  if (exported.length > 0) {
    src += `export const { ${exported.join(', ')} } = m;\n`;
  }
  return src;
}

// Named exports of a CommonJS file, found by scanning its source (as Node's lexer does),
// so the file itself runs only when the importing graph evaluates it.
function cjsExportNames(source) {
  const names = [];
  const add = (n) => { if (n !== 'default' && n !== '__esModule') names.push(n); };
  let m;
  const assign = /\b(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*=[^=]/g;
  while ((m = assign.exec(source)) !== null) add(m[1]);
  const bracket = /\b(?:module\.)?exports\[\s*(['"])([^'"]+)\1\s*\]\s*=[^=]/g;
  while ((m = bracket.exec(source)) !== null) add(m[2]);
  const define = /Object\.defineProperty\(\s*(?:module\.)?exports\s*,\s*(['"])([^'"]+)\1/g;
  while ((m = define.exec(source)) !== null) add(m[2]);
  const literal = /\bmodule\.exports\s*=\s*\{([^}]*)\}/g;
  while ((m = literal.exec(source)) !== null) {
    for (const part of m[1].split(',')) {
      const key = /^\s*(?:(['"])([^'"]+)\1|([A-Za-z_$][\w$]*))\s*(?::|\(|$)/.exec(part);
      if (key) add(key[2] || key[3]);
    }
  }
  return names;
}

function load(id) {
  if (id.startsWith('node:') || id.startsWith('unode:')) {
    const exported = require('internal/modules/cjs').Module._load(id, null, false);
    return { source: facade(`globalThis[Symbol.for('unode.esm.require')](${JSON.stringify(id)})`, Object.keys(exported)) };
  }
  const filename = id;
  if (virtualSources.has(id)) {
    return { source: virtualSources.get(id), url: pathToFileURL(id), filename: id, dirname: path.dirname(id) };
  }
  const url = pathToFileURL(filename);
  const meta = {
    url,
    filename,
    dirname: path.dirname(filename),
    resolve: (specifier) => {
      const r = resolve(specifier, filename);
      return r.startsWith('node:') ? r : pathToFileURL(r);
    },
  };
  const format = resolver.formatOf(filename);
  if (format === 'json') {
    meta.source = `export default JSON.parse(${JSON.stringify(fsBinding.readFileUtf8(filename))});\n`;
  } else if (format === 'commonjs' && isDetectedModule(filename, fsBinding.readFileUtf8(filename))) {
    meta.source = fsBinding.readFileUtf8(filename);
  } else if (format === 'commonjs') {
    const source = fsBinding.readFileUtf8(filename);
    meta.source = facade(`globalThis[Symbol.for('unode.esm.require')](${JSON.stringify(filename)})`, cjsExportNames(source));
  } else {
    meta.source = fsBinding.readFileUtf8(filename);
  }
  return meta;
}

// Module syntax detection for a file imported before anything required it (see resolve's
// detectedModules): it is an ES module when it does not compile as CommonJS and does as a
// module. Only sources with a line that could start such syntax are compiled to find out.
const kModuleSyntax = /^[ \t]*(?:import[\s{*'"]|export[\s{*]|(?:const|let|class)\s+(?:require|module|exports|__filename|__dirname)\b)|\bimport\.meta\b/m;

function isDetectedModule(filename, source) {
  if (!resolver.isAmbiguousFormat(filename) || !kModuleSyntax.test(source)) return false;
  const contextify = internalBinding('contextify');
  try {
    contextify.compileFunction(source, filename, 'exports, require, module, __filename, __dirname');
    return false;
  } catch (err) {
    if (!(err instanceof SyntaxError)) return false;
  }
  try {
    contextify.checkScript(source, `${filename}#syntax-detection`, true);
  } catch {
    return false;
  }
  resolver.markDetectedModule(filename);
  return true;
}

// The facades' way back into the CommonJS loader.
Object.defineProperty(globalThis, kRequire, {
  value: (id) => require('internal/modules/cjs').Module._load(id, null, false),
  enumerable: false,
});

// The entry module. Node evaluates it from a promise job, so its own promise jobs run
// before the tick queue.
function importMain(filename) {
  const promise = moduleWrap.importModule(filename, '');
  internalBinding('contextify').runMicrotasks();
  return promise;
}

// --input-type=module code: written to no file, so it gets a synthetic id in the cwd.
let evalCounter = 0;
function evalModule(code, name) {
  const id = path.join(process.cwd(), `${name}-${++evalCounter}.mjs`);
  virtualSources.set(id, code);
  return importMain(id);
}

module.exports = { resolve, load, importMain, evalModule, fileURLToPath, pathToFileURL, cjsExportNames };
