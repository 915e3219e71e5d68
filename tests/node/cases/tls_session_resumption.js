// TLS session resumption: a client's 'session' event, a second connection given that
// session resumed on both ends (isSessionReused), one given none not; an https Agent
// resuming across connections by itself.
const tls = require('tls');
const https = require('https');
const fs = require('fs');
const path = require('path');
const read = (f) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', f));
const reused = [];
const server = tls.createServer({ key: read('server-key.pem'), cert: read('server.pem') }, (s) => { reused.push(s.isSessionReused()); s.end('hi'); });
const opts = (extra) => ({ port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca: read('ca.pem'), ...extra });
server.listen(0, '127.0.0.1', () => {
  const c1 = tls.connect(opts({}), () => console.log('c1 reused', c1.isSessionReused(), c1.getSession() === undefined || Buffer.isBuffer(c1.getSession())));
  c1.once('session', (session) => {
    console.log('session is a Buffer', Buffer.isBuffer(session));
    c1.on('close', () => {
      const c2 = tls.connect(opts({ session }), () => {
        console.log('c2 reused', c2.isSessionReused());
        c2.on('close', () => {
          const c3 = tls.connect(opts({}), () => {
            console.log('c3 (no session) reused', c3.isSessionReused());
            c3.on('close', () => {
              console.log('server saw reused:', reused.join(','));
              server.close(agentCase);
            });
            c3.resume();
          });
        });
        c2.resume();
      });
    });
    c1.resume();
  });
});

function agentCase() {
  const seen = [];
  const hs = https.createServer({ key: read('server-key.pem'), cert: read('server.pem') }, (req, res) => {
    seen.push(req.socket.isSessionReused());
    res.end('ok');
  });
  hs.listen(0, '127.0.0.1', async () => {
    const agent = new https.Agent({ keepAlive: false });
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => {
        https.get({ port: hs.address().port, host: '127.0.0.1', servername: 'localhost', ca: read('ca.pem'), agent }, (res) => {
          res.resume();
          res.on('end', () => setTimeout(resolve, 20));
        });
      });
    }
    console.log('agent connections resumed:', seen.join(','));
    hs.close();
  });
}
