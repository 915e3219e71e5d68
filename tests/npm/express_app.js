// The real express package under both runtimes: routing, params and queries, json and
// urlencoded bodies, static files (send, etag, ranges), redirects, errors, 404.
const express = require('express');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'express-static-'));
fs.writeFileSync(path.join(dir, 'hello.txt'), 'static hello\n');
const app = express();
app.use(express.json());
app.use(express.urlencoded({ extended: false }));
app.use('/static', express.static(dir));
const router = express.Router();
router.get('/:id', (req, res) => res.json({ id: req.params.id, q: req.query }));
app.use('/users', router);
app.get('/', (req, res) => res.send('hello from express'));
app.post('/json', (req, res) => res.status(201).json(req.body));
app.post('/form', (req, res) => res.json(req.body));
app.get('/go', (req, res) => res.redirect('/'));
app.get('/boom', () => {
  throw new Error('boom');
});
app.use((req, res) => res.status(404).send('nope'));
// Parse errors are reported by type: their message text is the JS engine's own.
app.use((err, req, res, next) => res.status(err.status || 500).json({ error: err.type || err.message }));

const server = app.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const cases = [
    ['/', {}],
    ['/users/42?x=1&y=two', {}],
    ['/json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ a: [1, 2] }) }],
    ['/json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad json' }],
    ['/form', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1&b=x+y' }],
    ['/static/hello.txt', {}],
    ['/static/hello.txt', { headers: { range: 'bytes=0-5' } }],
    ['/go', { redirect: 'manual' }],
    ['/boom', {}],
    ['/missing', {}],
  ];
  for (const [p, opts] of cases) {
    const r = await fetch(base + p, opts);
    const body = (await r.text()).replace(/<pre>[\s\S]*<\/pre>/, '<pre>…</pre>');
    console.log(p, r.status, r.headers.get('content-type'), r.headers.get('content-length'),
      r.headers.get('etag') ? 'etag' : '-', r.headers.get('location'), body.slice(0, 120));
  }
  server.close();
  fs.rmSync(dir, { recursive: true });
});
