// The framing lines a message's settings add to its head, byte for byte: Date, Connection
// and Keep-Alive (timeout and max from the server's settings, close on the last request a
// connection may make), Content-Length from end(), chunked when the length is unknown,
// the lines a removed header leaves out, 204/304 without a body, HTTP/1.0 requests, and
// a client's heads (keep-alive agents, Expect sent at once, a Trailer on an unchunked
// request refused).
const http = require('http');
const net = require('net');

const handlers = {
  '/end-only': (res) => res.end('implicit'),
  '/empty': (res) => res.end(),
  '/streamed': (res) => {
    res.write('part;');
    res.end('last');
  },
  '/no-date': (res) => {
    res.sendDate = false;
    res.end('no date');
  },
  '/number-length': (res) => {
    res.writeHead(200, { 'Content-Length': 2 });
    res.end('ok');
  },
  '/spaced-length': (res) => {
    res.setHeader('Content-Length', '2 ');
    res.end('ok');
  },
  '/204': (res) => {
    res.writeHead(204);
    res.end();
  },
  '/304-chunked': (res) => {
    res.writeHead(304, { 'Transfer-Encoding': 'chunked' });
    res.end();
  },
  '/removed-length': (res) => {
    res.setHeader('Content-Length', '4');
    res.removeHeader('Content-Length');
    res.end('body');
  },
  '/removed-te': (res) => {
    res.removeHeader('Transfer-Encoding');
    res.write('until');
    res.end(' close');
  },
  '/removed-connection': (res) => {
    res.removeHeader('Connection');
    res.end('no connection line');
  },
  '/keep-alive-field': (res) => {
    res.writeHead(200, { 'Keep-Alive': 'timeout=30', 'Content-Length': 1 });
    res.end('k');
  },
  '/connection-keep': (res) => {
    res.writeHead(200, { Connection: 'keep-alive', 'Content-Length': 1 });
    res.end('c');
  },
};

// Sends `paths` on one keep-alive connection, one request after the other's response.
function exchange(port, paths, version = '1.1') {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    let text = '';
    let sent = 0;
    const next = () => {
      if (sent < paths.length) c.write(`GET ${paths[sent++]} HTTP/${version}\r\nHost: x\r\n\r\n`);
      else c.end();
    };
    c.on('connect', next);
    c.on('data', (d) => {
      text += d.toString('latin1');
      // A response is whole once its body is: these bodies end with their own marker.
      if (/\r\n\r\n[^]*$/.test(text) && text.split('HTTP/1.1 ').length - 1 === sent) setTimeout(next, 20);
    });
    c.on('close', () => resolve(text));
  });
}

function show(label, text) {
  const stable = text.replace(/Date: [^\r]*\r\n/g, 'Date: <now>\r\n').replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>');
  console.log(label, JSON.stringify(stable));
}

function serve(options) {
  const server = http.createServer(options, (req, res) => handlers[req.url](res));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function serverHeads() {
  const server = await serve({});
  const { port } = server.address();
  for (const path of Object.keys(handlers)) show(path, await exchange(port, [path]));
  show('http/1.0', await exchange(port, ['/end-only'], '1.0'));
  server.keepAliveTimeout = 1500;
  show('timeout 1500', await exchange(port, ['/end-only']));
  server.keepAliveTimeout = 0;
  show('timeout 0', await exchange(port, ['/end-only']));
  server.close();
  const limited = await serve({});
  limited.maxRequestsPerSocket = 2;
  show('max 2', await exchange(limited.address().port, ['/end-only', '/end-only']));
  limited.close();
}

// A client's heads, as a raw server receives them.
async function clientHeads() {
  let resolveHead;
  const server = net.createServer((s) => {
    let text = '';
    s.on('data', (d) => {
      text += d.toString('latin1');
      if (text.includes('\r\n\r\n')) {
        resolveHead(text.slice(0, text.indexOf('\r\n\r\n') + 4));
        s.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        text = '';
      }
    });
    s.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const head = (options, body) =>
    new Promise((resolve) => {
      resolveHead = resolve;
      const req = http.request({ port, host: '127.0.0.1', ...options }, (res) => res.resume());
      req.on('error', () => {});
      if (body !== undefined) req.write(body);
      if (!options.headers || !options.headers.Expect) req.end();
    });
  const agent = new http.Agent({ keepAlive: true });
  show('client get', await head({ path: '/a' }));
  show('client keep-alive agent', await head({ path: '/b', agent }));
  show('client post chunked', await head({ path: '/c', method: 'POST' }, 'x'));
  show('client post length', await head({ path: '/d', method: 'POST', headers: { 'Content-Length': 1 } }, 'y'));
  show('client expect', await head({ path: '/e', method: 'PUT', headers: { Expect: '100-continue' } }));
  try {
    http.request({ port, host: '127.0.0.1', headers: { Trailer: 'X-T', 'Content-Length': 1 } }).end('z');
  } catch (e) {
    console.log('client trailer unchunked threw', e.code, e.message);
  }
  agent.destroy();
  server.close();
}

serverHeads().then(clientHeads).then(() => process.exit(0));
