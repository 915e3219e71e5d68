// spawn, exec and execFile: events in order, pipes both ways, exits by code and signal,
// errors, timeouts, maxBuffer, AbortSignal, and a child of the runtime itself.
const cp = require('child_process');
const { promisify } = require('util');

// One of the parents of the exit-order step: spawns writers one after another.
if (process.argv[2] === 'spawn-writers') {
  (function writer(n) {
    if (n === 0) return;
    const c = cp.spawn('sh', ['-c', 'echo x']);
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    c.on('exit', () => console.log(out === 'x\n' ? 'ok' : `exit before output ${JSON.stringify(out)}`));
    c.on('close', () => writer(n - 1));
  })(12);
  return;
}

const steps = [
  (next) => {
    const c = cp.spawn('sh', ['-c', 'read x; echo got $x; echo e >&2; exit 4']);
    const seen = [];
    c.on('spawn', () => seen.push(`spawn ${typeof c.pid}`));
    c.stdout.setEncoding('utf8');
    c.stdout.on('data', (d) => seen.push(`stdout ${JSON.stringify(d)}`));
    c.stderr.on('data', (d) => seen.push(`stderr ${JSON.stringify(String(d))}`));
    c.on('exit', (code, signal) => seen.push(`exit ${code} ${signal} ${c.exitCode} ${c.signalCode}`));
    c.on('close', (code, signal) => {
      // 'exit' may come before or after the pipes' data; 'close' comes after all.
      console.log(seen.filter((s) => !s.startsWith('exit')).join(' / '), '|', seen.find((s) => s.startsWith('exit')));
      console.log('close', code, signal, c.stdin.destroyed, c.stdio.length, c.stdio[0] === c.stdin);
      next();
    });
    c.stdin.end('line\n');
  },
  (next) => {
    // A child's output comes before its 'exit' even when the child ends before the
    // parent watches it (libuv handles a child's exit after the I/O that came with it).
    // That race needs a loaded machine: eight parents spawn children at once.
    const parents = [];
    for (let i = 0; i < 8; i++) {
      parents.push(new Promise((resolve) => {
        const p = cp.spawn(process.execPath, [__filename, 'spawn-writers']);
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.on('close', () => resolve(out));
      }));
    }
    Promise.all(parents).then((outs) => {
      const lines = outs.join('').split('\n').filter(Boolean);
      console.log('children', lines.length, 'output before exit', lines.filter((l) => l === 'ok').length);
      next();
    });
  },
  (next) => {
    const c = cp.spawn('unode-no-such-program', ['q']);
    c.on('error', (e) => console.log('error', e.message, e.code, e.errno, e.syscall, e.path, e.spawnargs, c.pid));
    c.on('close', (code, signal) => {
      console.log('close after error', code, signal);
      next();
    });
  },
  (next) => {
    const c = cp.spawn('sleep', ['5']);
    c.on('exit', (code, signal) => {
      console.log('killed', code, signal, c.killed, c.signalCode, c.exitCode, c.kill('SIGKILL'));
      next();
    });
    setTimeout(() => console.log('kill', c.kill()), 20);
  },
  (next) => {
    const c = cp.spawn('sleep', ['5'], { timeout: 30, killSignal: 'SIGINT' });
    c.on('exit', (code, signal) => {
      console.log('timeout', code, signal, c.killed);
      next();
    });
  },
  (next) => {
    const ac = new AbortController();
    const c = cp.spawn('sleep', ['5'], { signal: ac.signal });
    c.on('error', (e) => console.log('abort error', e.name, e.code));
    c.on('exit', (code, signal) => {
      console.log('aborted', code, signal);
      next();
    });
    setTimeout(() => ac.abort(), 20);
  },
  (next) => {
    // Many megabytes through a child and back, with back-pressure both ways.
    const c = cp.spawn('cat');
    let total = 0;
    c.stdout.on('data', (d) => { total += d.length; });
    c.on('close', (code) => {
      console.log('cat round trip', code, total);
      next();
    });
    const chunk = Buffer.alloc(65536, 97);
    let left = 64;
    (function write() {
      while (left > 0) {
        left--;
        if (!c.stdin.write(chunk)) return c.stdin.once('drain', write);
      }
      c.stdin.end();
    })();
  },
  (next) => {
    const script = 'process.stdin.setEncoding("utf8"); let s = ""; process.stdin.on("data", (d) => s += d);' +
      'process.stdin.on("end", () => { console.log(s.toUpperCase(), process.argv.slice(2)); console.error("to stderr"); process.exitCode = 6; });';
    const c = cp.spawn(process.execPath, ['-e', script, 'x', 'y']);
    let out = '';
    let err = '';
    c.stdout.on('data', (d) => { out += d; });
    c.stderr.on('data', (d) => { err += d; });
    c.on('close', (code) => {
      console.log('runtime child', code, JSON.stringify(out), JSON.stringify(err));
      next();
    });
    c.stdin.end('hello child');
  },
  (next) => {
    cp.exec('echo hello; echo oops >&2; exit 1', (err, stdout, stderr) => {
      console.log('exec', err.message.split('\n').join(' | '), err.code, err.killed, err.signal, err.cmd, JSON.stringify(stdout), JSON.stringify(stderr));
      next();
    });
  },
  (next) => {
    cp.execFile('sh', ['-c', 'printf "%s" "$1"', 'sh', 'arg'], { encoding: 'buffer' }, (err, stdout) => {
      console.log('execFile buffer', err, Buffer.isBuffer(stdout), String(stdout));
      next();
    });
  },
  (next) => {
    cp.exec('yes | head -c 100000', { maxBuffer: 10 }, (err, stdout) => {
      console.log('maxBuffer', err.code, err.name, err.message, stdout.length);
      next();
    });
  },
  (next) => {
    cp.exec('sleep 5', { timeout: 30 }, (err, stdout) => {
      console.log('exec timeout', err.killed, err.signal, err.code, err.message, JSON.stringify(stdout));
      next();
    });
  },
  (next) => {
    cp.execFile('unode-no-such-program', (err) => {
      console.log('execFile missing', err.code, err.message, err.cmd);
      next();
    });
  },
  (next) => {
    promisify(cp.exec)('echo promised').then(({ stdout, stderr }) => {
      console.log('promisified', JSON.stringify(stdout), JSON.stringify(stderr));
      return promisify(cp.execFile)('sh', ['-c', 'echo no >&2; exit 3']);
    }).catch((e) => {
      console.log('promisified rejection', e.code, JSON.stringify(e.stdout), JSON.stringify(e.stderr));
      next();
    });
  },
  (next) => {
    // The first child's output goes straight into the second: the parent reads none.
    const a = cp.spawn('sh', ['-c', 'seq 1 20000']);
    const b = cp.spawn('wc', ['-l'], { stdio: [a.stdout, 'pipe', 'inherit'] });
    b.stdout.on('data', (d) => console.log('piped lines', String(d).trim()));
    b.on('close', () => next());
  },
  (next) => {
    for (const bad of [
      () => cp.spawn('sh', { stdio: 'bogus' }),
      () => cp.spawn(''),
      () => cp.spawn('sh', 'not-an-array'),
      () => cp.spawn('sh', [], { shell: 42 }),
      () => cp.spawn('sh', [], { uid: 'root' }),
      () => cp.spawn('sh', ['-c', 'true']).kill('SIGNOPE'),
      () => cp.exec(42),
      () => cp.execFile('sh', [], { timeout: -5 }),
      () => cp.spawn('sh', { stdio: [Buffer.from('x')] }),
    ]) {
      try {
        bad();
        console.log('no error');
      } catch (e) {
        console.log('threw', e.name, e.code, e.message);
      }
    }
    next();
  },
];
(function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
})(0);
