// A stand-in for test/common's `require('child_process')`: unode has no child_process
// yet. Tests that start processes fail here and are left out of expected-pass.txt.
function unsupported(name) {
  return function() {
    throw new Error(`child_process.${name}() is not available under unode yet`);
  };
}
for (const name of ['exec', 'execFile', 'execFileSync', 'execSync', 'fork', 'spawn', 'spawnSync']) {
  exports[name] = unsupported(name);
}
