// Server and client round trips: GET, chunked responses, chunked and sized POST bodies.
const http = require('http');
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => body += d);
  req.on('end', () => {
    const h = { ...req.headers, host: req.headers.host.replace(/:\d+/, ':PORT') };
    console.log('server', req.method, req.url, req.httpVersion, JSON.stringify(h), body.length);
    res.setHeader('X-Test', ['a', 'b']);
    if (req.url === '/chunked') { res.write('part1,'); res.end('part2'); }
    else res.end('hello ' + body.length);
  });
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const get = (path, opts = {}) => new Promise((resolve, reject) => {
    const req = http.request({ port, path, ...opts }, (res) => {
      let data = '';
      res.on('data', (d) => data += d);
      res.on('end', () => { const h = { ...res.headers }; delete h.date; console.log('client', res.statusCode, res.statusMessage, JSON.stringify(h), data); resolve(); });
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
  await get('/');
  await get('/chunked');
  await get('/post', { method: 'POST', body: 'x'.repeat(100000) });
  await get('/post2', { method: 'POST', headers: { 'content-length': 5 }, body: 'abcde' });
  server.close(() => console.log('closed'));
});
