// The load of bench/tcp, run by node against either server.
//   echo PORT CONNS SECONDS: each connection keeps 64 KiB in flight; prints MB/s echoed.
//   idle PORT CONNS: opens CONNS connections, waits until all are up, prints "ready",
//   then holds them until stdin closes.
const net = require('net');
const [mode, port, conns, seconds] = process.argv.slice(2).map((v, i) => (i === 0 ? v : +v));
if (mode === 'echo') {
  const chunk = Buffer.alloc(64 * 1024, 1);
  let bytes = 0;
  let running = true;
  for (let i = 0; i < conns; i++) {
    const s = net.connect(port, '127.0.0.1', () => s.write(chunk));
    let pending = 0;
    s.on('data', (d) => {
      if (!running) return;
      bytes += d.length;
      pending += d.length;
      if (pending >= chunk.length) {
        pending -= chunk.length;
        s.write(chunk);
      }
    });
    s.on('error', () => {});
  }
  setTimeout(() => {
    running = false;
    console.log((bytes / seconds / 1e6).toFixed(1));
    process.exit(0);
  }, seconds * 1000);
} else {
  let up = 0;
  const sockets = [];
  const open = (i) => {
    if (i >= conns) return;
    const s = net.connect(port, '127.0.0.1', () => {
      if (++up === conns) console.log('ready');
      open(i + 64);
    });
    s.on('error', (e) => {
      console.error(e.message);
      process.exit(1);
    });
    sockets.push(s);
  };
  for (let i = 0; i < 64; i++) open(i);
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}
