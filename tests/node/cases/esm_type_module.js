// A CommonJS script that imports ES modules dynamically.
(async () => {
  await import('../fixtures/mods/esm-pkg/main.js');
  console.log('dynamic import from CJS done');
  const p = await import('node:path');
  console.log('builtin namespace', typeof p.default.join, typeof p.join);
})();
