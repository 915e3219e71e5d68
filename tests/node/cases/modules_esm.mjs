import fs, { readFileSync } from 'node:fs';
import path from 'path';
import greet, { counter, bump } from '../fixtures/mods/esm-lib.mjs';
import cjs, { alpha, beta, gamma } from '../fixtures/mods/cjs-lib.cjs';
import { createRequire } from 'module';
import { ready } from '../fixtures/mods/tla.mjs';

console.log(greet('esm'), counter);
bump();
console.log('live binding', counter);
console.log('cjs', alpha, beta, gamma, cjs.alpha);
console.log('meta', import.meta.url.startsWith('file:///'), path.basename(import.meta.filename), path.basename(import.meta.dirname));
console.log('fs same', fs.readFileSync === readFileSync);
console.log(ready);
const require = createRequire(import.meta.url);
console.log(require('../fixtures/mods/a').name);
const dyn = await import('../fixtures/mods/esm-lib.mjs');
console.log('dynamic', dyn.default('again'), dyn.counter);
const exp = await import('../fixtures/mods/node_modules/exp/dist/index.mjs');
console.log(exp.kind);
try {
  await import('./does-not-exist.mjs');
} catch (e) {
  console.log(e.code);
}
console.log('this is', typeof this);
