// Client certificates (mutual TLS): a server that asks for one (`requestCert`) with its own
// `ca`, lenient (`rejectUnauthorized: false`: the verdict is the socket's) or strict (a
// client without a trusted certificate fails the handshake); a client that sends `key` and
// `cert`; the server's view through authorized/authorizationError/getPeerCertificate; and
// the protocol range options (minVersion/maxVersion).
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const read = (f) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', f));
const serverOpts = { key: read('server-key.pem'), cert: read('server.pem') };
const clientBase = { host: '127.0.0.1', servername: 'localhost', ca: read('ca.pem') };
const good = { key: read('client-key.pem'), cert: read('client.pem') };
const untrusted = { key: read('self-key.pem'), cert: read('self.pem') };

function listen(options) {
  return new Promise((resolve) => {
    const seen = [];
    const server = tls.createServer({ ...serverOpts, ...options }, (socket) => {
      const peer = socket.getPeerCertificate();
      seen.push(`secure authorized=${socket.authorized} error=${socket.authorizationError} peer=${peer.subject ? peer.subject.CN : 'none'} protocol=${socket.getProtocol()}`);
      socket.end('hi');
    });
    server.on('tlsClientError', (err) => seen.push(`tlsClientError ${err.code || err.message}`));
    server.listen(0, '127.0.0.1', () => resolve({ server, seen }));
  });
}

function connect(port, extra) {
  return new Promise((resolve) => {
    let data = '';
    const socket = tls.connect({ ...clientBase, port, ...extra }, () => {
      data += `connected(${socket.getProtocol()}) `;
    });
    socket.setEncoding('utf8');
    socket.on('data', (d) => { data += d; });
    socket.on('error', (err) => { data += `error ${err.code}`; });
    socket.on('close', () => resolve(data));
  });
}

async function scenario(label, serverOptions, clients) {
  const { server, seen } = await listen(serverOptions);
  const port = server.address().port;
  for (const [name, extra] of clients) {
    const result = await connect(port, extra);
    await new Promise((r) => setTimeout(r, 20));
    console.log(`${label} / ${name}: client ${result.includes('hi') ? 'got data' : result.trim().replace(/\(.*\)/, '')}; server ${seen.splice(0).join(', ') || 'nothing'}`);
  }
  server.close();
}

(async () => {
  const clients = [['cert', good], ['no cert', {}], ['untrusted cert', untrusted]];
  await scenario('no requestCert', {}, clients);
  await scenario('lenient', { requestCert: true, rejectUnauthorized: false, ca: read('client-ca.pem') }, clients);
  await scenario('strict', { requestCert: true, rejectUnauthorized: true, ca: read('client-ca.pem') }, clients.slice(0, 2));
  await scenario('TLS 1.2 only', { maxVersion: 'TLSv1.2' }, [['default', {}], ['min 1.3', { minVersion: 'TLSv1.3' }]]);
  await scenario('TLS 1.3 only', { minVersion: 'TLSv1.3' }, [['default', {}], ['max 1.2', { maxVersion: 'TLSv1.2' }]]);
  try {
    tls.createServer({ ...serverOpts, minVersion: 'TLSv1.4' });
  } catch (e) {
    console.log('bad minVersion:', e.code);
  }
})();
