// getPeerCertificate(): the fields Node reports for the test server's EC certificate
// (names, altnames, validity, fingerprints, serial, key), and {} where there is none.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const read = (f) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', f));
const server = tls.createServer({ key: read('server-key.pem'), cert: read('server.pem') }, (s) => {
  console.log('server side', JSON.stringify(s.getPeerCertificate()));
  s.end();
});
server.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: read('ca.pem'), servername: 'localhost' }, () => {
    const cert = c.getPeerCertificate();
    console.log(Object.keys(cert).join(','));
    const { raw, pubkey, ...rest } = cert;
    console.log(rest);
    console.log(raw.equals(Buffer.from(read('server.pem').toString().split('\n').filter((l) => !l.startsWith('-----')).join(''), 'base64')), pubkey.length);
    c.end();
  });
  c.on('close', () => server.close());
});
