// The real axios package (its http adapter) under both runtimes, against a local server:
// JSON in and out, redirects followed, gzip bodies decoded, a timeout, a refused
// connection, an HTTP error status, and a streamed response body.
const http = require('http');
const zlib = require('zlib');
const axios = require('axios');

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => body += d);
  req.on('end', () => {
    if (req.url === '/redirect') {
      res.writeHead(302, { Location: '/json?from=redirect' });
      return res.end();
    }
    if (req.url === '/slow') return setTimeout(() => res.end('late'), 500);
    if (req.url === '/gzip') {
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Type': 'text/plain' });
      return res.end(zlib.gzipSync('compressed hello'));
    }
    if (req.url === '/teapot') {
      res.writeHead(418, { 'Content-Type': 'application/json' });
      return res.end('{"short":"and stout"}');
    }
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ method: req.method, url: req.url, body, type: req.headers['content-type'] || null }));
  });
});

server.listen(0, '127.0.0.1', async () => {
  const client = axios.create({ baseURL: `http://127.0.0.1:${server.address().port}` });
  console.log((await client.get('/json', { params: { a: 1, b: 'x y' } })).data);
  const posted = await client.post('/p', { list: [1, 2] });
  console.log(posted.status, posted.headers['content-type'], posted.data);
  console.log((await client.get('/redirect')).data);
  console.log((await client.get('/gzip')).data);
  try {
    await client.get('/slow', { timeout: 100 });
  } catch (e) {
    console.log('timeout:', e.code, e.message);
  }
  try {
    await axios.get('http://127.0.0.1:1/');
  } catch (e) {
    console.log('refused:', e.code);
  }
  try {
    await client.get('/teapot');
  } catch (e) {
    console.log('status:', e.response.status, e.response.data);
  }
  const stream = (await client.get('/json', { responseType: 'stream' })).data;
  let text = '';
  for await (const chunk of stream) text += chunk;
  console.log('streamed:', JSON.parse(text).url);
  server.close();
});
