const path = require('path');
const rel = (p) => path.relative(__dirname, p);
const a = require('../fixtures/mods/a');
console.log('cycle', a.name, a.fromB, require('../fixtures/mods/b').sawPartialA);
console.log('json', require('../fixtures/mods/data.json').answer, require('../fixtures/mods/data').list);
console.log(require('../fixtures/mods/sub/dir'));
console.log(require('../fixtures/mods/sub/deep'));
console.log('cache hit', require('../fixtures/mods/a') === a);
console.log('resolve', rel(require.resolve('../fixtures/mods/a')));
const modsRequire = require('module').createRequire(path.join(__dirname, '../fixtures/mods/x.js'));
console.log(modsRequire('plain').who);
console.log(modsRequire('exp').kind, modsRequire('exp/feature'), modsRequire('exp/utils/math').add(2, 3));
console.log(modsRequire('exp/package.json').name);
console.log(modsRequire('cond'));
console.log(modsRequire('selfref'));
console.log(modsRequire('nested'));
console.log('resolve exp', rel(modsRequire.resolve('exp')));
console.log('builtin', require('module').builtinModules.includes('fs'), require('node:path') === path, require('module').isBuiltin('node:fs'));
console.log('filename', path.basename(__filename), path.basename(__dirname), module.id, require.main === module);
console.log('cached keys', Object.keys(require.cache).map(rel).sort().join(','));
console.log(modsRequire('esm-only').value);
console.log(typeof module.paths[0], module.children.length > 0, module.loaded);
// require() of ES modules (Node 20.19+): synchronous when there is no top-level await.
const esm = require('../fixtures/mods/esm-lib.mjs');
// An ES module's "module.exports" export is what require() gives (yargs 18's way).
const chosen = require('../fixtures/mods/esm-module-exports.mjs');
console.log('module.exports export:', typeof chosen, chosen('x'), chosen.version);
console.log(esm.default('cjs'), esm.counter);
try {
  require('../fixtures/mods/tla.mjs');
} catch (e) {
  console.log(e.code);
}
