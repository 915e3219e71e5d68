// The real undici package (Node's own HTTP client, its HTTP/1.1 parser llhttp compiled to
// WebAssembly) under both runtimes, against a local server: request() with a body,
// fetch() with JSON, a Pool of two connections taking three requests, a streamed body,
// an HTTP error status, and a refused connection.
const http = require('http');
const { request, fetch, Pool } = require('undici');

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    if (req.url === '/stream') {
      res.write('first ');
      setTimeout(() => res.end('second'), 20);
      return;
    }
    if (req.url === '/missing') {
      res.statusCode = 404;
      return res.end('no such thing');
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, url: req.url, body }));
  });
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const r = await request(`${base}/a?x=1`, { method: 'POST', body: 'hi' });
  console.log('request', r.statusCode, r.headers['content-type'], await r.body.json());
  const f = await fetch(`${base}/f`, { method: 'PUT', body: JSON.stringify({ k: 1 }), headers: { 'content-type': 'application/json' } });
  console.log('fetch', f.status, f.ok, await f.json());
  const pool = new Pool(base, { connections: 2 });
  const urls = await Promise.all([1, 2, 3].map((i) => pool.request({ path: `/p${i}`, method: 'GET' }).then((res) => res.body.json()).then((j) => j.url)));
  console.log('pool', urls);
  await pool.close();
  const streamed = await request(`${base}/stream`);
  let text = '';
  for await (const chunk of streamed.body) text += chunk;
  console.log('stream', text);
  const missing = await fetch(`${base}/missing`);
  console.log('missing', missing.status, await missing.text());
  server.close();
  try {
    await request('http://127.0.0.1:1/');
  } catch (err) {
    console.log('refused', err.code);
  }
});
