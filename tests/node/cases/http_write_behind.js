// Requests that arrive together on kept-alive connections are answered in one batch (unode
// hands the batch's writes to a writer thread). What a handler does to its socket on the
// next turn, or on a timer, must find the response written whole and in order: a destroy,
// more bytes written behind it, an end, a response larger than the socket buffers, and
// plain keep-alive answers after all of them.
const http = require('http');
const net = require('net');
const summary = require('../fixtures/http_reply_summary');

const big = 'z'.repeat(8 * 1024 * 1024);
const paths = ['/destroy-next-turn', '/destroy-on-timer', '/write-next-turn', '/end-next-turn', '/big', '/plain-1', '/plain-2', '/plain-3'];

const server = http.createServer((req, res) => {
  const socket = res.socket;
  const body = `body of ${req.url}\n`;
  switch (req.url) {
    case '/destroy-next-turn':
      res.on('finish', () => console.log('destroy-next-turn: finish'));
      res.on('close', () => console.log('destroy-next-turn: close'));
      res.end(body);
      setImmediate(() => socket.destroy());
      break;
    case '/destroy-on-timer':
      res.end(body);
      setTimeout(() => socket.destroy(), 0);
      break;
    case '/write-next-turn':
      res.end(body);
      setImmediate(() => socket.write('more bytes\n', () => console.log('write behind the response done')));
      break;
    case '/end-next-turn':
      res.end(body);
      setImmediate(() => socket.end('last bytes\n'));
      break;
    case '/big':
      res.end(big);
      break;
    default:
      res.end(body);
  }
});

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const clients = await Promise.all(paths.map(() => new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => resolve(c));
  })));
  // Every request in one turn: the server finds them all readable in one poll.
  const replies = clients.map((c, i) => new Promise((resolve) => {
    const parts = [];
    c.on('data', (d) => parts.push(d));
    c.on('error', () => {});
    c.on('close', () => resolve(Buffer.concat(parts).toString('latin1')));
    if (paths[i] === '/big') {
      c.pause();
      setTimeout(() => c.resume(), 200);
    }
    // The kept-alive ones are closed by the client once their answer is in.
    if (paths[i].startsWith('/plain') || paths[i] === '/big' || paths[i] === '/write-next-turn') {
      const expect = paths[i] === '/big' ? big.length : 0;
      c.on('data', () => {
        const text = Buffer.concat(parts).toString('latin1');
        const at = text.indexOf('\r\n\r\n');
        if (at < 0) return;
        const done = paths[i] === '/write-next-turn' ? text.endsWith('more bytes\n') : text.length - at - 4 >= (expect || `body of ${paths[i]}\n`.length);
        if (done) c.end();
      });
    }
  }));
  clients.forEach((c, i) => c.write(`GET ${paths[i]} HTTP/1.1\r\nHost: x\r\n\r\n`));
  const texts = await Promise.all(replies);
  paths.forEach((p, i) => console.log(summary(p, texts[i].replace(/Date: [^\r]*\r\n/, ''))));
  server.close();
});
