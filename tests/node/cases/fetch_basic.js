// fetch, Headers, Request and Response against a local server: bodies as text/json/
// arrayBuffer and streamed, redirects, POST bodies, errors, and the classes on their own.
const http = require('http');

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    if (req.url === '/json') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, n: 1 }));
    } else if (req.url === '/redirect') {
      res.writeHead(302, { location: '/json' }).end();
    } else if (req.url === '/see-other') {
      res.writeHead(303, { location: '/echo' }).end();
    } else if (req.url === '/echo') {
      res.setHeader('x-method', req.method);
      res.end(`${req.method} ${req.headers['content-type']} ${req.headers['content-length']} ${body}`);
    } else if (req.url === '/stream') {
      res.write('a');
      setTimeout(() => res.end('b'), 10);
    } else {
      res.statusCode = 404;
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.end('missing');
    }
  });
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  let r = await fetch(`${base}/json`);
  console.log(r.status, r.ok, r.statusText, r.headers.get('content-type'), r.redirected, r.type);
  console.log(await r.json(), r.bodyUsed);
  await r.text().catch((e) => console.log(e.name, e.message));
  r = await fetch(`${base}/redirect`);
  console.log('redirected', r.redirected, r.url.replace(base, ''), await r.text());
  r = await fetch(`${base}/redirect`, { redirect: 'manual' });
  console.log('manual', r.status, r.headers.get('location'));
  r = await fetch(`${base}/echo`, { method: 'POST', body: 'hello' });
  console.log('post', await r.text(), r.headers.get('x-method'));
  r = await fetch(`${base}/echo`, { method: 'put', body: new URLSearchParams({ a: '1', b: 'x y' }) });
  console.log('put', await r.text());
  r = await fetch(`${base}/see-other`, { method: 'POST', body: 'gone' });
  console.log('303', await r.text());
  r = await fetch(`${base}/stream`);
  const parts = [];
  for await (const chunk of r.body) parts.push(Buffer.from(chunk).toString());
  console.log('stream', parts.join(''));
  r = await fetch(`${base}/stream`);
  const reader = r.body.getReader();
  const got = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    got.push(value.constructor.name, new TextDecoder().decode(value));
  }
  console.log('reader', got.join(' '), r.body.locked, r.bodyUsed);
  reader.releaseLock();
  console.log('released', r.body.locked);
  r = await fetch(`${base}/nope`);
  console.log(r.status, r.ok, r.headers.getSetCookie(), new Uint8Array(await r.arrayBuffer()).length);
  await fetch('http://127.0.0.1:1/').catch((e) => console.log(e.name, e.message, e.cause.message));
  const closed = http.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => closed.on('listening', resolve));
  const closedPort = closed.address().port;
  await new Promise((resolve) => closed.close(resolve));
  await fetch(`http://127.0.0.1:${closedPort}/`).catch((e) => console.log(e.name, e.message, e.cause.code, e.cause.syscall));
  await fetch('/relative').catch((e) => console.log(e.name, e.message));
  await fetch(`${base}/json`, { method: 'GET', body: 'x' }).catch((e) => console.log(e.name, e.message));
  const ac = new AbortController();
  ac.abort();
  await fetch(`${base}/json`, { signal: ac.signal }).catch((e) => console.log(e.name, e.message));

  const h = new Headers({ 'X-B': ' 2 ', 'x-a': '1' });
  h.append('x-a', '3');
  h.append('Set-Cookie', 'c=1');
  h.append('Set-Cookie', 'd=2');
  console.log([...h], h.get('X-A'), h.has('x-b'), h.get('missing'));
  try {
    h.set('bad name', 'v');
  } catch (e) {
    console.log(e.name, e.message);
  }
  const res = new Response('body', { status: 201, statusText: 'Made', headers: [['x', 'y']] });
  console.log(res.status, res.statusText, res.headers.get('content-type'), await res.clone().text(), await res.text());
  const j = Response.json({ a: 1 });
  console.log(j.headers.get('content-type'), await j.text());
  try {
    new Response('x', { status: 99 });
  } catch (e) {
    console.log(e.name, e.message);
  }
  const req = new Request(`${base}/x?y=1`, { method: 'post', headers: { a: 'b' }, body: 'z' });
  console.log(req.method, req.url.replace(base, ''), req.headers.get('a'), req.headers.get('content-type'), await req.text());
  server.close();
});
