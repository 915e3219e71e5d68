// tls.createSecureContext: a context made once and given to clients as `secureContext`
// (tls.connect, an https request) stands for their ca, key and cert, in place of their own
// options; a bad one is refused before connecting; a server's setSecureContext swaps its
// certificate for the connections that follow.
const tls = require('tls');
const https = require('https');
const fs = require('fs');
const path = require('path');
const read = (f) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', f));

const trustTestCA = tls.createSecureContext({ ca: read('ca.pem') });
const trustSelf = tls.createSecureContext({ ca: read('self.pem') });
console.log(trustTestCA instanceof tls.SecureContext, typeof trustTestCA.context);
try { tls.createSecureContext({ minVersion: 'TLSv9' }); } catch (e) { console.log(e.code); }
try { tls.connect({ port: 1, secureContext: {} }); } catch (e) { console.log(e.name, e.code, e.message); }

const server = tls.createServer({ key: read('server-key.pem'), cert: read('server.pem') }, (s) => s.end('hello'));
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const connect = (options) => new Promise((resolve) => {
    const c = tls.connect({ port, host: '127.0.0.1', servername: 'localhost', ...options });
    let got = '';
    c.on('data', (d) => got += d);
    c.on('end', () => resolve(`ok ${c.authorized} ${got}`));
    c.on('error', (e) => resolve(`error ${e.code}`));
  });
  console.log('default trust:', await connect({}));
  console.log('ca option:', await connect({ ca: read('ca.pem') }));
  console.log('context:', await connect({ secureContext: trustTestCA }));
  // The context's trust, not the option's.
  console.log('context wins:', await connect({ secureContext: trustSelf, ca: read('ca.pem') }));
  server.setSecureContext({ key: read('self-key.pem'), cert: read('self.pem') });
  console.log('swapped, test CA:', await connect({ secureContext: trustTestCA }));
  server.close();
  const web = https.createServer({ key: read('server-key.pem'), cert: read('server.pem') }, (req, res) => res.end('via https'));
  web.listen(0, '127.0.0.1', () => {
    https.get({ port: web.address().port, host: '127.0.0.1', servername: 'localhost', secureContext: trustTestCA, agent: false }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (d) => console.log('https', res.statusCode, d));
      res.on('end', () => web.close());
    });
  });
});
