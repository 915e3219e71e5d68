// A self-signed certificate given as `ca`: trusted for its own names, refused for others,
// and reported (not refused) with rejectUnauthorized: false.
const tls = require('tls'); const fs = require('fs'); const path = require('path');
const read = (f) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', f));
const server = tls.createServer({ key: read('self-key.pem'), cert: read('self.pem') }, (s) => s.end('hello'));
server.listen(0, '127.0.0.1', async () => {
  const connect = (options) => new Promise((resolve) => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: read('self.pem'), ...options });
    let got = '';
    c.on('data', (d) => got += d);
    c.on('end', () => resolve(`ok ${c.authorized} ${c.authorizationError} ${got}`));
    c.on('error', (e) => resolve(`error ${e.code}`));
  });
  console.log('its name:', await connect({ servername: 'localhost' }));
  console.log('another name:', await connect({ servername: 'other.example' }));
  console.log('another name, lenient:', await connect({ servername: 'other.example', rejectUnauthorized: false }));
  console.log('no ca:', await connect({ servername: 'localhost', ca: undefined }));
  server.close();
});
