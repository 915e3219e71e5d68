// How a response's bytes reach the socket: a string body with its head in one write, a
// body too large for the socket buffer (the rest waits for the reader), Buffer and hex
// bodies, HEAD, write() then end(), a corked response, 'finish' before 'close' and after
// end()'s callback order, and socket.bytesWritten across keep-alive requests.
const http = require('http');
const net = require('net');

const big = 'x'.repeat(4 * 1024 * 1024);
const server = http.createServer((req, res) => {
  const order = [];
  res.on('finish', () => order.push('finish'));
  res.on('close', () => {
    order.push('close');
    if (req.url !== '/big') console.log(req.method, req.url, order.join(','), res.writableEnded, res.writableFinished);
  });
  switch (req.url) {
    case '/string': res.end('hello world\n', () => order.push('end-cb')); break;
    case '/big': res.end(big); break;
    case '/buffer': res.end(Buffer.from('buffer body\n')); break;
    case '/hex': res.end('68657820626f64790a', 'hex'); break;
    case '/latin1': res.end('caf\u00e9\n', 'latin1'); break;
    case '/write-end': res.write('part one, '); res.end('part two\n'); break;
    case '/corked': res.cork(); res.write('corked '); res.write('writes\n'); process.nextTick(() => res.end()); break;
    case '/empty': res.end(); break;
    default: res.statusCode = 404; res.end('none\n');
  }
});

function raw(port, text) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.end(text));
    const parts = [];
    c.on('data', (d) => parts.push(d));
    c.on('close', () => resolve(Buffer.concat(parts).toString('latin1')));
  });
}

function slowBig(port) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.write('GET /big HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    let bytes = 0;
    c.pause();
    setTimeout(() => {
      c.on('data', (d) => { bytes += d.length; });
      c.resume();
    }, 100);
    c.on('close', () => resolve(bytes));
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const paths = ['/string', '/buffer', '/hex', '/latin1', '/write-end', '/corked', '/empty', '/nope'];
  const text = paths.map((p) => `GET ${p} HTTP/1.1\r\nHost: x\r\n\r\n`).join('') + 'HEAD /string HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';
  const out = await raw(port, text);
  console.log(out.replace(/Date: [^\r]*\r\n/g, '').replace(/\r\n/g, '\\r\\n\n'));
  const got = await slowBig(port);
  console.log('big body bytes received beyond the head:', got > big.length, got - big.length < 200);
  const sockets = [];
  server.on('connection', (s) => sockets.push(s));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => http.get({ port, path: '/string', agent }, (res) => { res.resume(); res.on('end', resolve); }));
  }
  await new Promise((r) => setTimeout(r, 20));
  console.log('bytesWritten per socket:', sockets.map((s) => s.bytesWritten));
  agent.destroy();
  server.close();
});
