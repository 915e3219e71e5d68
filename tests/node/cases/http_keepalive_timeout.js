// keepAliveTimeout: an idle keep-alive connection is closed by the server a second after
// it (Node's margin against clients racing the close), not before; a request slower than
// it is still answered; a connection that keeps sending requests stays open; and with a
// server 'timeout' listener the server leaves the socket to it.
const http = require('http');
const net = require('net');

function request(socket, path) {
  return new Promise((resolve) => {
    let buf = '';
    const onData = (d) => {
      buf += d;
      if (buf.includes('\r\n\r\n') && buf.endsWith('\n') && /Content-Length: (\d+)/.test(buf)) {
        const body = buf.split('\r\n\r\n')[1];
        if (body.length >= +buf.match(/Content-Length: (\d+)/)[1]) {
          socket.removeListener('data', onData);
          resolve(body);
        }
      }
    };
    socket.on('data', onData);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
  });
}

function open(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.setEncoding('latin1');
    s.closedAt = null;
    s.on('close', () => { s.closedAt = Date.now(); });
  });
}

const server = http.createServer((req, res) => {
  const delay = req.url === '/slow' ? 500 : 0;
  setTimeout(() => res.end(`${req.url}\n`), delay);
});
server.keepAliveTimeout = 300;

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  // Idle after one request: closed 1.3 s later (300 ms + Node's 1 s), not much after.
  const a = await open(port);
  console.log('a:', (await request(a, '/one')).trim());
  const idleStart = Date.now();
  await new Promise((r) => setTimeout(r, 1000));
  console.log('a open after 1 s:', a.closedAt === null);
  await new Promise((r) => setTimeout(r, 1000));
  const idle = a.closedAt === null ? null : a.closedAt - idleStart;
  console.log('a closed between 1.25 and 2 s:', idle !== null && idle >= 1250 && idle < 2000);

  // A request slower than keepAliveTimeout, after an earlier one on the same connection.
  const b = await open(port);
  console.log('b:', (await request(b, '/first')).trim());
  await new Promise((r) => setTimeout(r, 100));
  console.log('b:', (await request(b, '/slow')).trim(), 'open:', b.closedAt === null);

  // Busy: a request every 150 ms for a second keeps it open.
  const c = await open(port);
  for (let i = 0; i < 7; i++) {
    await request(c, '/tick');
    await new Promise((r) => setTimeout(r, 150));
  }
  console.log('c still open after 7 requests 150 ms apart:', c.closedAt === null);
  c.destroy();
  b.destroy();

  // With a 'timeout' listener the server does not destroy the socket itself.
  const timeouts = [];
  server.on('timeout', (socket) => { timeouts.push('timeout'); socket.destroy(); });
  const d = await open(port);
  await request(d, '/two');
  await new Promise((r) => setTimeout(r, 1800));
  console.log('d:', timeouts.join(','), d.closedAt !== null);
  server.close();
});
