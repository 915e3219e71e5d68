// Sockets destroyed in one turn report 'close' latest first, after that turn's ticks and
// immediates and before the next timers, as libuv runs its close callbacks.
const net = require('net');
const server = net.createServer((c) => c.on('error', () => {})).listen(0, () => {
  const socks = [0, 1, 2].map(() => net.connect(server.address().port));
  let n = 0;
  for (const s of socks) s.on('connect', () => {
    if (++n < 3) return;
    socks.forEach((s, i) => s.on('close', () => console.log('close', i)));
    socks[0].destroy(); socks[1].destroy(); socks[2].destroy();
    setImmediate(() => console.log('immediate'));
    process.nextTick(() => console.log('tick'));
    const t = setTimeout(() => { console.log('timeout'); server.close(); }, 5);
  });
});
