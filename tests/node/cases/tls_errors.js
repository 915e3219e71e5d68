// TLS against peers that are not TLS: a plain-text reply is a wrong version number, a
// peer that hangs up mid-handshake is ECONNRESET (error before close, as in Node); the
// server side reports a client that sends garbage as 'tlsClientError'.
const tls = require('tls');
const net = require('net');
const fs = require('fs');
const path = require('path');
const read = (f) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', f));

function client(port) {
  return new Promise((resolve) => {
    const c = tls.connect({ port, host: '127.0.0.1', servername: 'localhost' });
    c.on('error', (e) => console.log('  error', e.code, e.code === 'ECONNRESET' ? e.message : ''));
    c.on('close', () => {
      console.log('  close');
      resolve();
    });
  });
}

(async () => {
  console.log('plain-text server');
  const text = net.createServer((s) => {
    s.on('error', () => {});
    s.on('data', () => s.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
  });
  await new Promise((r) => text.listen(0, '127.0.0.1', r));
  await client(text.address().port);
  text.close();
  console.log('server that hangs up');
  const rude = net.createServer((s) => s.destroy());
  await new Promise((r) => rude.listen(0, '127.0.0.1', r));
  await client(rude.address().port);
  rude.close();
  console.log('garbage to a TLS server');
  const server = tls.createServer({ key: read('server-key.pem'), cert: read('server.pem') });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  await new Promise((resolve) => {
    server.once('tlsClientError', (err) => {
      console.log('  tlsClientError', err instanceof Error);
      resolve();
    });
    const s = net.connect(server.address().port, '127.0.0.1', () => s.write(Buffer.alloc(64, 0x41)));
    s.on('error', () => {});
  });
  server.close();
})();
