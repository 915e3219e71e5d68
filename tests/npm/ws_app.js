// The real ws package under both runtimes: the upgrade handshake, text and binary messages
// (one larger than a frame's 16-bit length), ping/pong, a broadcast to several clients,
// and the close handshake with its code and reason on both sides.
const { WebSocketServer, WebSocket } = require('ws');

const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
wss.on('connection', (sock, req) => {
  console.log('server: connection, version', req.headers['sec-websocket-version']);
  sock.on('message', (data, isBinary) => {
    if (!isBinary && data.toString() === 'broadcast') {
      for (const client of wss.clients) client.send(`to all (${wss.clients.size})`);
      return;
    }
    sock.send(data, { binary: isBinary });
  });
  sock.on('ping', (data) => console.log('server: ping', data.toString()));
  sock.on('close', (code, reason) => console.log('server: close', code, reason.toString()));
});

function open() {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${wss.address().port}`);
    ws.on('open', () => resolve(ws));
  });
}

function next(ws) {
  return new Promise((resolve) => ws.once('message', (data, isBinary) => resolve([data, isBinary])));
}

wss.on('listening', async () => {
  const a = await open();
  a.send('hello');
  const [text, textBinary] = await next(a);
  console.log('client: text', textBinary, text.toString());
  const big = Buffer.alloc(70000);
  for (let i = 0; i < big.length; i++) big[i] = i % 251;
  a.send(big);
  const [echo, echoBinary] = await next(a);
  console.log('client: binary', echoBinary, echo.length, Buffer.compare(echo, big) === 0);
  a.ping('are you there');
  await new Promise((resolve) => a.once('pong', (data) => {
    console.log('client: pong', data.toString());
    resolve();
  }));
  const b = await open();
  const heard = Promise.all([next(a), next(b)]);
  b.send('broadcast');
  for (const [data] of await heard) console.log('client: heard', data.toString());
  b.terminate();
  a.on('close', (code, reason) => {
    console.log('client: close', code, reason.toString());
    wss.close(() => console.log('server closed'));
  });
  a.close(1000, 'done');
});
