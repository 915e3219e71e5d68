// spawnSync, execSync and execFileSync: results, errors, input, timeouts, maxBuffer, stdio.
const cp = require('child_process');
const show = (r) => console.log(JSON.stringify({
  status: r.status, signal: r.signal, pid: typeof r.pid, keys: Object.keys(r),
  output: r.output && r.output.map((o) => (o === null ? null : String(o))),
  error: r.error && [r.error.message, r.error.code, r.error.errno, r.error.syscall, r.error.path, r.error.spawnargs],
}));
show(cp.spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 3']));
show(cp.spawnSync('unode-no-such-program', ['a', 'b']));
show(cp.spawnSync('/', []));
show(cp.spawnSync('sh', ['-c', 'sleep 2'], { timeout: 50 }));
show(cp.spawnSync('sh', ['-c', 'sleep 2'], { timeout: 50, killSignal: 'SIGKILL' }));
show(cp.spawnSync('sh', ['-c', 'kill -USR1 $$']));
show(cp.spawnSync('cat', { input: 'from input' }));
show(cp.spawnSync('sh', ['-c', 'echo $A-$B; pwd'], { env: { A: 'x', B: 1 }, cwd: '/' }));
show(cp.spawnSync('echo $0 "$1"', ['ignored'], { shell: true, encoding: 'utf8' }));
show(cp.spawnSync('sh', ['-c', 'echo hidden'], { stdio: 'ignore' }));
show(cp.spawnSync('sh', ['-c', 'echo shown'], { stdio: 'inherit' }));
show(cp.spawnSync('sh', ['-c', 'echo $0'], { argv0: 'renamed' }));
show(cp.spawnSync('ls', { cwd: '/no/such/dir' }));
const big = cp.spawnSync('sh', ['-c', 'head -c 3000000 /dev/zero'], { maxBuffer: Infinity });
const over = cp.spawnSync('sh', ['-c', 'head -c 3000000 /dev/zero']);
console.log('over', over.error.code, over.signal, over.stdout.length > 1024 * 1024);
console.log('big', big.stdout.length);
console.log('execSync', JSON.stringify(cp.execSync('echo $((6 * 7))').toString()));
console.log('execSync encoding', JSON.stringify(cp.execSync('printf abc', { encoding: 'utf8' })));
console.log('execFileSync', JSON.stringify(cp.execFileSync('sh', ['-c', 'echo "$@"', 'sh', 'p', 'q'], { encoding: 'latin1' })));
for (const run of [
  () => cp.execSync('echo partial; echo broken >&2; exit 2', { stdio: 'pipe' }),
  () => cp.execFileSync('sh', ['-c', 'exit 9'], { stdio: 'pipe' }),
  () => cp.execFileSync('unode-no-such-program'),
  () => cp.spawnSync('x', { stdio: 'bogus' }),
  () => cp.spawnSync(''),
  () => cp.spawnSync('a\u0000b'),
  () => cp.spawnSync('sh', { killSignal: 'SIGNOPE' }),
  () => cp.spawnSync('sh', { timeout: -1 }),
  () => cp.spawnSync('sh', { maxBuffer: 'x' }),
  () => cp.spawnSync('sh', ['-c', 'true'], { cwd: 42 }),
  () => cp.spawnSync('sh', { stdio: ['ipc'] }),
]) {
  try {
    run();
    console.log('no error');
  } catch (e) {
    console.log('threw', e.name, e.code, e.message.split('\n').join(' | '), e.status, e.signal, typeof e.pid);
  }
}
