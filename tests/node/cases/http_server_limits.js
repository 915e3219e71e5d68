// A server's limits as Node 20 applies them: Host required on HTTP/1.1, requests past
// maxRequestsPerSocket turned away with 503, headersTimeout ≤ requestTimeout, the rules
// of an early hints' Link field.
const http = require('http');
const net = require('net');

function raw(port, text) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.end(text));
    let got = '';
    c.on('data', (d) => (got += d));
    c.on('close', () => resolve(got.replace(/^Date: .*\r\n/gm, '')));
  });
}

const tryIt = require('../fixtures/try_it');

tryIt('headers > request', () => http.createServer({ headersTimeout: 10000, requestTimeout: 1000 }));
tryIt('headers = request', () => http.createServer({ headersTimeout: 1000, requestTimeout: 1000 }));
tryIt('request 0', () => http.createServer({ headersTimeout: 10000, requestTimeout: 0 }));
tryIt('requireHostHeader type', () => http.createServer({ requireHostHeader: 1 }));
for (const v of [{}, 1, true]) {
  tryIt(`hostname ${JSON.stringify(v)}`, () => http.request({ hostname: v }));
  tryIt(`host ${JSON.stringify(v)}`, () => http.request({ host: v }));
}
for (const opts of [{}, { requestTimeout: 20000 }, { requestTimeout: 0 }]) {
  const s = http.createServer(opts);
  console.log(JSON.stringify(opts), s.headersTimeout, s.requestTimeout, s.requireHostHeader);
}

async function main() {
  const server = http.createServer((req, res) => {
    if (req.url === '/hints') {
      for (const link of ['bad', '</>; ', 'rel=preload; </a.js>', ['</a.css>; rel=preload', 'x'], 5]) {
        tryIt(`hints ${JSON.stringify(link)}`, () => res.writeEarlyHints({ link }));
      }
      tryIt('hints not object', () => res.writeEarlyHints('x'));
      res.writeEarlyHints({ link: ['</a.css>; rel=preload; as=style', '</b.js>; rel=preload'], 'x-extra': 'y' });
      res.writeEarlyHints({ 'x-no-link': '1' });
    }
    res.end(`${req.method} ${req.url}`);
  });
  server.on('dropRequest', (req, socket) => console.log('dropRequest', req.url, socket instanceof net.Socket));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  console.log(JSON.stringify(await raw(port, 'GET /nohost HTTP/1.1\r\n\r\n')));
  console.log(JSON.stringify(await raw(port, 'GET /http10 HTTP/1.0\r\n\r\n')));
  console.log(JSON.stringify(await raw(port, 'GET /lower HTTP/1.1\r\nhOsT: h\r\nConnection: close\r\n\r\n')));
  console.log(JSON.stringify(await raw(port, 'GET /hints HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n')));
  server.maxRequestsPerSocket = 2;
  const req = (u) => `GET ${u} HTTP/1.1\r\nHost: h\r\n\r\n`;
  console.log(JSON.stringify(await raw(port, req('/1') + req('/2') + req('/3') + req('/4'))));
  server.close();

  const lax = http.createServer({ requireHostHeader: false }, (req, res) => res.end('lax'));
  await new Promise((r) => lax.listen(0, '127.0.0.1', r));
  console.log(JSON.stringify(await raw(lax.address().port, 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n')));
  lax.close();
}
main();
