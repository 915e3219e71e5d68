// The `ciphers` option: an OpenSSL cipher list on either end picks the suite (TLSv1.2
// names, TLSv1.3 `TLS_…` names, keywords and exclusions), getCipher()'s name,
// standardName and version, honorCipherOrder, a list no suite of the peer's matches, and
// Node's errors for a list that selects nothing or is not a string. (A list naming only
// suites OpenSSL has and rustls lacks, such as DHE ones, selects nothing here; Node takes it.)
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const read = (f) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', f));
const serverOpts = { key: read('server-key.pem'), cert: read('server.pem') };
const clientBase = { host: '127.0.0.1', servername: 'localhost', ca: read('ca.pem') };

const names = tls.getCiphers();
console.log('getCiphers has', ['ecdhe-ecdsa-aes128-gcm-sha256', 'ecdhe-rsa-aes256-gcm-sha384', 'tls_aes_128_gcm_sha256']
  .map((n) => names.includes(n)), names.every((n) => n === n.toLowerCase()));
console.log('DEFAULT_CIPHERS is a list:', typeof tls.DEFAULT_CIPHERS, tls.DEFAULT_CIPHERS.includes('ECDHE-ECDSA-AES128-GCM-SHA256'));

for (const ciphers of ['nope', '!ALL', 5, ['x']]) {
  try {
    tls.createServer({ ...serverOpts, ciphers });
    console.log('server accepted', ciphers);
  } catch (e) {
    console.log('server', JSON.stringify(ciphers), e.name, e.code, e.message, e.reason, e.library);
  }
}
try {
  tls.connect({ ...clientBase, port: 1, ciphers: 'nope' });
  console.log('client accepted nope');
} catch (e) {
  console.log('client nope', e.code, e.message);
}

function listen(options) {
  return new Promise((resolve) => {
    const seen = [];
    const server = tls.createServer({ ...serverOpts, ...options }, (socket) => {
      const c = socket.getCipher();
      seen.push(`server ${c.name} ${c.standardName} ${c.version}`);
      socket.end('hi');
    });
    server.on('tlsClientError', (err) => seen.push(`tlsClientError ${err.code ? 'with a code' : err.message}`));
    server.listen(0, '127.0.0.1', () => resolve({ server, seen }));
  });
}

function connect(port, extra) {
  return new Promise((resolve) => {
    const socket = tls.connect({ ...clientBase, port, ...extra }, () => {
      const c = socket.getCipher();
      resolve(`client ${c.name} ${c.standardName} ${c.version}`);
      socket.end();
    });
    socket.on('error', (e) => resolve(`client error ${e.code ? 'with a code' : e.message}`));
  });
}

async function trial(label, serverExtra, clientExtra) {
  const { server, seen } = await listen(serverExtra);
  const client = await connect(server.address().port, clientExtra);
  await new Promise((r) => setTimeout(r, 50));
  console.log(`${label}: ${client} | ${seen.join(' | ')}`);
  await new Promise((r) => server.close(r));
}

(async () => {
  await trial('server picks a TLSv1.2 suite', { ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256' }, { maxVersion: 'TLSv1.2' });
  await trial('client picks a TLSv1.2 suite', {}, { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-CHACHA20-POLY1305' });
  await trial('IANA name', {}, { maxVersion: 'TLSv1.2', ciphers: 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384' });
  await trial('keywords', { ciphers: 'ECDHE+AESGCM:!AES256:!aNULL' }, { maxVersion: 'TLSv1.2' });
  await trial('TLSv1.3 suite', {}, { ciphers: 'TLS_CHACHA20_POLY1305_SHA256' });
  await trial('TLSv1.3 suite on the server', { ciphers: 'TLS_AES_128_GCM_SHA256' }, {});
  const both = 'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256';
  const reversed = 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384';
  await trial('server order by default', { ciphers: both }, { maxVersion: 'TLSv1.2', ciphers: reversed });
  await trial('honorCipherOrder false', { ciphers: both, honorCipherOrder: false }, { maxVersion: 'TLSv1.2', ciphers: reversed });
  await trial('no shared suite', { ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384' },
    { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256' });
})();
