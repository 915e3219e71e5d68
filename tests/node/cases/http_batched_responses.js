// Requests that arrive together (the server is busy while eight clients send theirs) are
// answered as a batch; what a handler does right after end() must see the response as
// written: the socket destroyed at once or on the next turn, more bytes written behind it, the socket ended,
// bytesWritten read, a body larger than both ends' socket buffers (so a held write goes
// out in parts), a 100 Continue. (process.exit() right after end() is
// tests/net_interop.rs's.)
const http = require('http');
const net = require('net');
const summary = require('../fixtures/http_reply_summary');

const big = 'y'.repeat(24 * 1024 * 1024);
let served = 0;
const server = http.createServer((req, res) => {
  served++;
  if (req.url === '/busy') {
    // Holds the loop while the other clients' requests arrive.
    const until = Date.now() + 150;
    while (Date.now() < until);
    res.end('busy done\n');
    return;
  }
  const body = `body of ${req.url}\n`;
  switch (req.url) {
    case '/destroy':
      res.end(body);
      res.socket.destroy();
      break;
    case '/destroy-soon': {
      // Destroyed on the next turn: the response was written in full by then (node's
      // went to the kernel at once; unode's may still be on its writer thread).
      const socket = res.socket;
      res.end(body);
      setImmediate(() => socket.destroy());
      break;
    }
    case '/write-after':
      res.end(body);
      res.socket.write('trailing bytes\n');
      break;
    case '/end-socket':
      res.setHeader('Connection', 'close');
      res.end(body);
      res.socket.end();
      break;
    case '/bytes': {
      const before = res.socket.bytesWritten;
      res.end(body);
      console.log('bytesWritten grew by the response:', res.socket.bytesWritten - before > body.length);
      break;
    }
    case '/big':
      res.end(big);
      break;
    case '/continue': {
      let got = '';
      req.setEncoding('utf8');
      req.on('data', (d) => (got += d));
      req.on('end', () => res.end(`continued with ${got}\n`));
      break;
    }
    default:
      res.end(body);
  }
});

function send(port, path, keepOpen) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    const parts = [];
    c.on('data', (d) => parts.push(d));
    c.on('error', () => {});
    c.on('close', () => resolve(Buffer.concat(parts).toString('latin1')));
    c.on('connect', () => {
      if (path === '/continue') {
        // The body follows the server's 100 Continue, written in the batch.
        c.write('POST /continue HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\nConnection: close\r\n\r\n');
        c.once('data', () => c.write('body'));
        return;
      }
      c.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n${keepOpen ? '' : 'Connection: close\r\n'}\r\n`);
      if (path === '/big') {
        c.pause();
        setTimeout(() => c.resume(), 300);
      }
    });
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const busy = send(port, '/busy');
  await new Promise((r) => setTimeout(r, 30));
  const paths = ['/destroy', '/destroy-soon', '/write-after', '/end-socket', '/bytes', '/big', '/continue', '/plain-1', '/plain-2', '/plain-3'];
  const replies = await Promise.all([busy, ...paths.map((p) => send(port, p, p === '/write-after'))]);
  console.log(summary('/busy', replies[0]));
  paths.forEach((p, i) => {
    if (p === '/continue') {
      console.log(`${p}:`, JSON.stringify(replies[i + 1].replace(/Date: [^\r]*\r\n/, '')));
    } else if (p === '/write-after') {
      console.log(summary(p, replies[i + 1].replace('trailing bytes\n', '')), '| trailing:', replies[i + 1].endsWith('trailing bytes\n'));
    } else {
      console.log(summary(p, replies[i + 1]));
    }
  });
  console.log('served', served);
  server.close();
});
