// getPeerCertificate(true): the chain linked through issuerCertificate, completed from
// `ca` when the peer sent only its own certificate, the root linked to itself; on both
// sides of a connection with a client certificate.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const read = (f) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', f));
const server = tls.createServer({ key: read('server-key.pem'), cert: read('server.pem'), requestCert: true, rejectUnauthorized: false, ca: read('client-ca.pem') }, (s) => {
  const c = s.getPeerCertificate(true);
  console.log('server sees', c.subject && c.subject.CN, c.issuerCertificate && c.issuerCertificate.subject.CN, c.issuerCertificate === c);
  s.end();
});
server.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: read('ca.pem'), servername: 'localhost', key: read('client-key.pem'), cert: read('client.pem') }, () => {
    const cert = c.getPeerCertificate(true);
    const names = [];
    for (let x = cert, i = 0; i < 4 && x; i++) {
      names.push(x.subject.CN + (x.issuerCertificate === x ? ' (self)' : ''));
      x = x.issuerCertificate === x ? null : x.issuerCertificate;
    }
    console.log(names.join(' <- '));
    console.log(Object.keys(cert).includes('issuerCertificate'), Object.keys(c.getPeerCertificate()).includes('issuerCertificate'));
    c.end();
  });
  c.on('close', () => server.close());
});
