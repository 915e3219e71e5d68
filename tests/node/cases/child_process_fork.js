// fork and the IPC channel: messages both ways in order (json and advanced), internal
// messages, send callbacks, disconnect from either side, 'close' after the channel, and
// the errors of a closed channel.
const cp = require('child_process');

if (process.argv[2] === 'child') {
  process.on('message', (m) => {
    if (m === 'disconnect me') return process.disconnect();
    if (m === 'exit') return process.exit(3);
    process.send({ echo: m, connected: process.connected, env: process.env.NODE_CHANNEL_FD }, () => {});
  });
  process.on('disconnect', () => console.log('child saw disconnect'));
  process.send({ cmd: 'NODE_internal_probe' });
  process.send('ready', (err) => {
    if (process.argv[3] !== 'quiet') console.log('child send callback', err);
  });
} else {
  const steps = [
    (next) => {
      const c = cp.fork(__filename, ['child']);
      const order = [];
      c.on('internalMessage', (m) => order.push(`internal ${m.cmd}`));
      c.on('message', (m) => {
        order.push(JSON.stringify(m));
        if (m === 'ready') {
          c.send({ a: 1, s: 'line\nbreak', u: 'é☃' });
          c.send([1, 'two', null, true]);
          c.send(42, (err) => order.push(`send callback ${err}`));
        } else if (m.echo === 42) {
          c.send('disconnect me');
        }
      });
      c.on('disconnect', () => order.push(`disconnect ${c.connected}`));
      c.on('close', (code, signal) => {
        console.log(order.join('\n'));
        console.log('close', code, signal, c.connected);
        next();
      });
    },
    (next) => {
      const c = cp.fork(__filename, ['child'], { serialization: 'advanced', silent: true });
      let out = '';
      c.stdout.on('data', (d) => { out += d; });
      c.on('message', (m) => {
        if (m === 'ready') {
          c.send({ map: new Map([[1, 'one']]), set: new Set(['x']), big: 12345678901234567890n, date: new Date(0), buf: Buffer.from('hi') });
        } else {
          const e = m.echo;
          console.log('advanced', e.map.get(1), e.set.has('x'), e.big, e.date.toISOString(), Buffer.from(e.buf).toString());
          c.disconnect();
          console.log('after disconnect', c.connected, c.send('late', (err) => console.log('late send', err.code)));
        }
      });
      // (Node emits no 'close' for a child whose parent disconnected first: step on at the
      // exit and the end of its output.)
      let left = 2;
      const done = () => {
        if (--left > 0) return;
        console.log('silent child output', JSON.stringify(out));
        next();
      };
      c.on('exit', (code) => {
        console.log('exit', code);
        done();
      });
      c.stdout.on('end', done);
    },
    (next) => {
      const c = cp.fork(__filename, ['child'], { stdio: 'pipe' });
      c.on('message', (m) => {
        if (m === 'ready') c.send('exit');
      });
      c.on('exit', (code) => console.log('exit', code));
      c.on('close', (code) => {
        console.log('close', code);
        try {
          c.disconnect();
        } catch (e) {
          console.log('threw', e.code);
        }
        next();
      });
      c.on('error', (e) => console.log('error event', e.code));
    },
    (next) => {
      const c = cp.spawn(process.execPath, [__filename, 'child'], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
      c.on('message', (m) => {
        if (m === 'ready') c.send('disconnect me');
      });
      c.on('close', (code) => {
        console.log('spawned with ipc', code);
        next();
      });
    },
    (next) => {
      for (const bad of [
        () => cp.fork(42),
        () => cp.fork(__filename, { stdio: ['pipe', 'pipe', 'pipe'] }),
        () => cp.fork(__filename, { stdio: 'bogus' }),
        () => cp.spawn('sh', { stdio: ['pipe', 'pipe', 'pipe', 'ipc', 'ipc'] }),
        () => cp.spawn('sh', { serialization: 'xml' }),
      ]) {
        try {
          bad();
          console.log('no error');
        } catch (e) {
          console.log('threw', e.name, e.code, e.message);
        }
      }
      console.log('no channel, no send', typeof cp.spawn('true').send);
      const c = cp.fork(__filename, ['child', 'quiet']);
      for (const bad of [() => c.send(), () => c.send(Symbol('s')), () => c.send('x', 'not a handle')]) {
        try {
          bad();
        } catch (e) {
          console.log('send threw', e.name, e.code);
        }
      }
      c.on('message', () => c.kill());
      c.on('close', (code, signal) => {
        console.log('killed', code, signal);
        next();
      });
    },
  ];
  (function run(i) {
    if (i < steps.length) steps[i](() => run(i + 1));
  })(0);
}
