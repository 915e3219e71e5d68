// https over loopback with the test CA: requests with bodies, keep-alive reuse through an
// Agent, the certificate error of an untrusted server, and req.socket's TLS facts.
const https = require('https');
const fs = require('fs');
const path = require('path');
const read = (f) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', f));

const server = https.createServer({ key: read('server-key.pem'), cert: read('server.pem') }, (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({
      method: req.method,
      url: req.url,
      body,
      encrypted: req.socket.encrypted === true,
      authorized: req.socket.authorized,
    }));
  });
});

function fetchJson(options, body) {
  return new Promise((resolve, reject) => {
    const req = https.request(options, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { data += d; });
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], data, reused: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const base = { host: '127.0.0.1', port, ca: read('ca.pem'), servername: 'localhost' };
  console.log(server instanceof https.Server, https.globalAgent.defaultPort, https.globalAgent.protocol);
  console.log(await fetchJson({ ...base, path: '/a?b=1' }));
  console.log(await fetchJson({ ...base, method: 'POST', path: '/post' }, 'x'.repeat(100000)).then((r) => ({ ...r, data: JSON.parse(r.data).body.length })));
  const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < 3; i++) {
    const r = await fetchJson({ ...base, agent, path: `/k${i}` });
    console.log('keep-alive', i, r.reused, JSON.parse(r.data).url);
  }
  agent.destroy();
  await fetchJson({ host: '127.0.0.1', port, path: '/' }).catch((e) => console.log('untrusted', e.code, e.message));
  https.get(`https://localhost:${port}/url-form`, { ca: read('ca.pem') }, (res) => {
    res.resume();
    res.on('end', () => {
      console.log('url form', res.statusCode);
      server.close(() => console.log('closed'));
    });
  });
});
