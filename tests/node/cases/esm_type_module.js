// A CommonJS script that imports an ES module package dynamically.
import('../fixtures/mods/esm-pkg/main.js').then(() => console.log('dynamic import from CJS done'));
import('node:path').then((p) => console.log('builtin namespace', typeof p.default.join, typeof p.join));
