// @stdout-only
// fetch over https: the certificate check refuses the test server (its CA is not a
// default root) with fetch's TypeError and the TLS error as its cause; with checks turned
// off through NODE_TLS_REJECT_UNAUTHORIZED (as in Node, process-wide) it gets through.
const https = require('https');
const fs = require('fs');
const path = require('path');
const read = (f) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', f));
const server = https.createServer({ key: read('server-key.pem'), cert: read('server.pem') }, (req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ path: req.url, method: req.method }));
});
server.listen(0, '127.0.0.1', async () => {
  const url = `https://localhost:${server.address().port}/hello?x=1`;
  try {
    await fetch(url);
  } catch (e) {
    console.log(e.name, e.message, e.cause && e.cause.code);
  }
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  const r = await fetch(url, { method: 'POST', body: 'x' });
  console.log(r.status, r.headers.get('content-type'), await r.json());
  server.close();
  process.exit(0);
});
