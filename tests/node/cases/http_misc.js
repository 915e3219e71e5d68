// Smaller HTTP behaviours: headers after send, array headers, 103 Early Hints seen by the
// client, a custom clientError handler, request and socket timeouts, flushHeaders, and
// reconnecting a net.Socket after a failed connect.
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => {
  if (req.url === '/hints') {
    res.writeEarlyHints({ link: '</style.css>; rel=preload' });
    res.writeHead(200, ['X-One', '1', 'X-Two', '2']);
    res.end('after hints');
    try {
      res.setHeader('x-late', '1');
    } catch (e) {
      console.log('late header:', e.code, e.message);
    }
    return;
  }
  if (req.url === '/flush') {
    res.flushHeaders();
    setTimeout(() => res.end('flushed body'), 20);
    return;
  }
  if (req.url === '/slow') return setTimeout(() => res.end('slow'), 300);
  res.end('ok');
});
server.on('clientError', (err, socket) => {
  console.log('clientError:', err.code, err.bytesParsed !== undefined);
  socket.end('HTTP/1.1 400 Custom\r\nConnection: close\r\n\r\n');
});

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const get = (path, opts = {}) => new Promise((resolve) => {
    const req = http.get({ port, host: '127.0.0.1', path, ...opts }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(`${res.statusCode} ${res.headers['x-one'] || ''}${res.headers['x-two'] || ''} ${body}`));
    });
    req.on('information', (info) => console.log('information:', info.statusCode, info.headers.link));
    req.on('timeout', () => {
      console.log('request timeout');
      req.destroy();
    });
    req.on('error', (e) => resolve(`error ${e.code} ${e.message}`));
  });
  console.log(await get('/hints'));
  console.log(await get('/flush'));
  console.log(await get('/slow', { timeout: 50 }));
  const raw = await new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => s.write('BAD REQUEST LINE\r\n\r\n'));
    let out = '';
    s.on('data', (d) => (out += d));
    s.on('close', () => resolve(out.split('\r\n')[0]));
  });
  console.log('custom 400:', raw);
  const sock = new net.Socket();
  sock.once('error', (e) => {
    console.log('first connect:', e.code);
    sock.connect(port, '127.0.0.1', () => {
      console.log('reconnected:', sock.remotePort === port);
      sock.destroy();
      server.close(() => console.log('closed'));
      server.closeAllConnections();
    });
  });
  sock.connect(1, '127.0.0.1');
});
