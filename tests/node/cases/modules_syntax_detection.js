// Node 20's module syntax detection: a .js file whose package.json names no "type" runs as
// an ES module when it does not compile as CommonJS and does as a module (import/export,
// top-level await, its own `const require`), as the entry point, through require() and
// through import(); a file of a "commonjs" package gets its SyntaxError; CommonJS files
// stay CommonJS.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'syntax-detection-'));
const write = (name, text) => fs.writeFileSync(path.join(dir, name), text);
write('package.json', '{ "name": "typeless" }');
write('entry-import.js', 'import { sep } from "path";\nconsole.log("entry-import", sep, typeof require, typeof module, import.meta.url.endsWith("entry-import.js"));');
write('entry-tla.js', 'const v = await Promise.resolve(42);\nconsole.log("entry-tla", v, typeof exports);');
write('entry-own-require.js', 'const require = (id) => "own " + id;\nconsole.log("entry-own-require", require("x"));');
write('lib-esm.js', 'export const answer = 42;\nexport default "the default";');
write('lib-cjs.js', 'module.exports = { cjs: true, thisIsExports: this === module.exports };');
write('entry-require.js', 'const ns = require("./lib-esm.js");\nconsole.log("entry-require", ns.answer, ns.default, require("./lib-cjs.js"));\nimport("./lib-esm.js").then((m) => console.log("import()", m.answer, m.default));');
write('lib-esm2.js', 'export const fromImport = "imported";');
write('entry-esm.mjs', 'import { fromImport } from "./lib-esm2.js";\nimport cjs from "./lib-cjs.js";\nconsole.log("entry-esm", fromImport, cjs.cjs);');
fs.mkdirSync(path.join(dir, 'typed'));
write('typed/package.json', '{ "type": "commonjs" }');
write('typed/entry.js', 'import fs from "fs";\nconsole.log("not reached");');

for (const name of ['entry-import.js', 'entry-tla.js', 'entry-own-require.js', 'entry-require.js', 'entry-esm.mjs', 'typed/entry.js']) {
  const r = spawnSync(process.execPath, [path.join(dir, name)], { encoding: 'utf8', cwd: dir });
  const error = r.stderr.split('\n').find((l) => /^\w*Error/.test(l));
  console.log(name, r.status, r.stdout.trim(), error ? error.split(':')[0] : '');
}
fs.rmSync(dir, { recursive: true, force: true });
