// tls over loopback with the test CA (tests/node/fixtures/tls): a verified echo, the
// certificate errors Node reports (self-signed, unknown CA, wrong name) and
// rejectUnauthorized: false, half-close, a client that is not TLS.
const tls = require('tls');
const net = require('net');
const fs = require('fs');
const path = require('path');
const read = (f) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', f));

function serve(key, cert) {
  return new Promise((resolve) => {
    const server = tls.createServer({ key: read(key), cert: read(cert) }, (s) => {
      s.setEncoding('utf8');
      s.on('data', (d) => s.write(`echo:${d}`));
      s.on('end', () => s.end('bye'));
      s.on('error', () => {});
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function talk(port, options) {
  return new Promise((resolve) => {
    const c = tls.connect({ port, host: '127.0.0.1', ...options }, () => {
      console.log('  secureConnect authorized', c.authorized, 'error', c.authorizationError, c.getProtocol());
      c.write('hi');
      c.end();
    });
    let got = '';
    c.setEncoding('utf8');
    c.on('data', (d) => { got += d; });
    c.on('error', (e) => console.log('  client error', e.code, e.message));
    c.on('close', () => {
      console.log('  got', JSON.stringify(got));
      resolve();
    });
  });
}

(async () => {
  const good = await serve('server-key.pem', 'server.pem');
  const port = good.address().port;
  console.log('trusted CA');
  await talk(port, { ca: read('ca.pem'), servername: 'localhost' });
  console.log('trusted CA, IP name');
  await talk(port, { ca: [read('ca.pem')] });
  console.log('default roots');
  await talk(port, { servername: 'localhost' });
  console.log('wrong name');
  await talk(port, { ca: read('ca.pem'), servername: 'example.com' });
  console.log('unverified allowed');
  await talk(port, { servername: 'localhost', rejectUnauthorized: false });
  const self = await serve('self-key.pem', 'self.pem');
  console.log('self-signed');
  await talk(self.address().port, { servername: 'localhost' });
  console.log('self-signed allowed');
  await talk(self.address().port, { servername: 'localhost', rejectUnauthorized: false });
  console.log('plain TCP client');
  const fresh = await serve('server-key.pem', 'server.pem');
  await new Promise((resolve) => {
    fresh.once('tlsClientError', (err, socket) => {
      console.log('  server tlsClientError', err instanceof Error, socket instanceof tls.TLSSocket);
      resolve();
    });
    const s = net.connect(fresh.address().port, '127.0.0.1', () => s.write('GET / HTTP/1.1\r\n\r\n'));
    s.on('data', () => {});
    s.on('error', () => {});
  });
  fresh.close();
  try {
    tls.createServer({ key: read('self-key.pem'), cert: read('server.pem') });
  } catch (e) {
    console.log('mismatched key and cert throws', e instanceof Error);
  }
  good.close();
  self.close();
})();
