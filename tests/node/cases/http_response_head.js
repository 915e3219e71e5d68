// The head a response's header fields make, byte for byte: writeHead's object, list and
// pair forms, setHeader's fields merged with writeHead's, numbers and lists as values,
// Cookie lists joined, the fields that frame the message (Connection, Content-Length,
// Transfer-Encoding, Date, Keep-Alive, Trailer), latin1 values, and Node's errors for
// bad names and values.
const http = require('http');
const net = require('net');

const cases = {
  '/object': (res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': 5, 'X-Number': 42, 'X-Float': 1.5 });
    res.end('hello');
  },
  '/lists': (res) => {
    res.writeHead(200, { 'Set-Cookie': ['a=1', 'b=2'], Cookie: ['c=3', null, 'd=4'], 'X-Empty': [], 'X-One': ['only'] });
    res.end();
  },
  '/pairs': (res) => {
    res.writeHead(201, ['X-A', '1', 'X-B', '2', 'X-A', '3']);
    res.end('pairs');
  },
  '/nested': (res) => {
    res.writeHead(202, 'Fine', [['X-N', 'v1'], ['x-n', 'v2']]);
    res.end('nested');
  },
  '/merged': (res) => {
    res.setHeader('X-Set', 'from setHeader');
    res.setHeader('Content-Type', 'text/html');
    res.appendHeader('X-Set', 'appended');
    res.writeHead(200, { 'content-type': 'text/plain', 'X-Head': 'from writeHead' });
    res.end('merged');
  },
  '/close': (res) => {
    res.writeHead(200, { Connection: 'Close', 'Content-Length': '5' });
    res.end('close');
  },
  '/chunked': (res) => {
    res.writeHead(200, { 'Transfer-Encoding': 'chunked', Trailer: 'X-Sum' });
    res.write('chunk one;');
    res.addTrailers({ 'X-Sum': '2' });
    res.end('chunk two');
  },
  '/own-date': (res) => {
    res.writeHead(200, { Date: 'Thu, 01 Jan 1970 00:00:00 GMT', 'Keep-Alive': 'timeout=9', 'Content-Length': 0 });
    res.end();
  },
  '/latin1': (res) => {
    res.writeHead(200, { 'X-Caf\u00e9-Free': 'x' });
  },
  '/latin1-value': (res) => {
    res.writeHead(200, { 'X-Value': 'caf\u00e9', 'Content-Length': 2 });
    res.end('ok');
  },
  '/boolean': (res) => {
    res.writeHead(200, { 'X-Bool': true, 'Content-Length': 2 });
    res.end('ok');
  },
  '/bad-name': (res) => res.writeHead(200, { 'bad name': 'x' }),
  '/bad-value': (res) => res.writeHead(200, { 'X-Split': 'a\r\nInjected: yes' }),
  '/undefined-value': (res) => res.writeHead(200, { 'X-Undefined': undefined }),
  '/unicode-value': (res) => res.writeHead(200, { 'X-Snow': '\u2603' }),
  '/odd-pairs': (res) => res.writeHead(200, ['X-A', '1', 'X-B']),
  '/trailer-unchunked': (res) => res.writeHead(200, { Trailer: 'X-T', 'Content-Length': 1 }),
};

const server = http.createServer((req, res) => {
  try {
    cases[req.url](res);
  } catch (e) {
    console.log(req.url, 'threw', e.code, e.name, e.message);
    res.statusCode = 500;
    res.removeHeader('X-Set');
    if (!res.headersSent) res.end('threw\n');
    else res.destroy();
  }
  if (!res.writableEnded && !res.destroyed) res.end();
});

function raw(port, path) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.end(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    const parts = [];
    c.on('data', (d) => parts.push(d));
    c.on('close', () => resolve(Buffer.concat(parts).toString('latin1')));
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  for (const path of Object.keys(cases)) {
    const text = await raw(port, path);
    console.log(`${path}:`, JSON.stringify(text.replace(/Date: (?!Thu, 01 Jan 1970)[^\r]*\r\n/, 'Date: <now>\r\n')));
  }
  server.close();
});
