// A stand-in for test/common's `require('child_process')`: unode has no child_process
// yet. Tests that start processes fail here and are left out of expected-pass.txt.
function unsupported(name) {
  return function() {
    throw new Error(`child_process.${name}() is not available under unode yet`);
  };
}
for (const name of ['exec', 'execFile', 'execFileSync', 'execSync', 'fork', 'spawn']) {
  exports[name] = unsupported(name);
}
// What spawnSync gives for a command that cannot be started, as Node reports one it cannot
// find: test/common probes for tools this way (its opensslCli getter, read by every ES
// module test) and takes the failure as "not there".
exports.spawnSync = function spawnSync(file) {
  const error = new Error(`spawnSync ${file} ENOSYS: child_process is not available under unode yet`);
  error.code = 'ENOSYS';
  error.syscall = `spawnSync ${file}`;
  return { pid: 0, output: null, stdout: null, stderr: null, status: null, signal: null, error };
};
