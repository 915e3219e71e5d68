// The server over a raw socket: pipelined requests answered in order, HTTP/1.0 closing,
// HEAD without a body, 100-continue and other expectations, and malformed requests answered 400/431 and closed.
const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => {
  res.removeHeader('Date');
  if (req.url === '/status') {
    res.writeHead(201, 'Made', { 'X-A': '1', 'Content-Type': 'text/plain' });
    res.end();
    return;
  }
  let n = 0;
  req.on('data', (d) => (n += d.length));
  req.on('end', () => res.end(`${req.method} ${req.url} ${n}\n`));
});

function exchange(port, text) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.end(text));
    let out = '';
    c.setEncoding('latin1');
    c.on('data', (d) => (out += d));
    c.on('close', () => resolve(out));
    c.on('error', () => {});
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  // (The server's own answers, such as 417, carry a Date; the handler's do not.)
  const show = async (label, text) => console.log(`--- ${label}\n${(await exchange(port, text))
    .replace(/Date: [^\r]*\r\n/, 'Date: <now>\r\n').replace(/\r\n/g, '\\r\\n\n')}`);
  await show('pipelined', 'GET /a HTTP/1.1\r\nHost: a\r\n\r\nPOST /b HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabcGET /status HTTP/1.1\r\nHost: a\r\n\r\n');
  await show('http/1.0', 'GET /old HTTP/1.0\r\n\r\n');
  await show('head', 'HEAD /h HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n');
  await show('chunked request', 'POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n');
  await show('expect', 'POST /e HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
  await show('expect, any case', 'POST /e HTTP/1.1\r\nHost: a\r\nexpect: 100-Continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
  await show('unknown expectation', 'POST /e HTTP/1.1\r\nHost: a\r\nExpect: something-else\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
  await show('repeated expect', 'POST /e HTTP/1.1\r\nHost: a\r\nExpect: x\r\nEXPECT: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
  await show('expect on http/1.0', 'POST /e HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok');
  await show('bad method', 'G@T / HTTP/1.1\r\n\r\n');
  await show('bad content-length', 'POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n');
  await show('huge header', `GET / HTTP/1.1\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`);
  server.close(() => console.log('closed'));
});
