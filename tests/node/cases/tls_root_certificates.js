// tls.rootCertificates: Mozilla's roots as a frozen array of PEM texts, usable as `ca`
// (the usual way to trust them plus one more), and getPeerCertificate(true) completing the
// chain from the `ca` given.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const read = (f) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', f), 'utf8');

const roots = tls.rootCertificates;
console.log(Array.isArray(roots), roots.length > 100, Object.isFrozen(roots), roots === tls.rootCertificates);
console.log(roots.every((p) => p.startsWith('-----BEGIN CERTIFICATE-----\n') && p.endsWith('\n-----END CERTIFICATE-----')));

const server = tls.createServer({ key: read('server-key.pem'), cert: read('server.pem') }, (s) => s.end('ok'));
function attempt(ca) {
  return new Promise((resolve) => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca }, () => {
      const chain = c.getPeerCertificate(true);
      resolve(`connected, chain ends at ${chain.issuerCertificate.subject.CN}`);
      c.end();
    });
    c.on('error', (e) => resolve(`error ${e.code}`));
  });
}
server.listen(0, '127.0.0.1', async () => {
  console.log('roots only:', await attempt([...roots]));
  console.log('roots and the test CA:', await attempt([...roots, read('ca.pem')]));
  server.close();
});
