// The legacy builtins packages still require by name: `constants` (os's dlopen, errno,
// priority and signal numbers, fs's and crypto's constants in one frozen object, as
// graceful-fs and fs-extra read it), `sys` (util, with DEP0025), `_tls_wrap` and
// `_tls_common` (translatePeerCertificate included); os.constants in Node's order; and
// tls's secureOptions bits that bound the protocol version.
const os = require('os');
const fs = require('fs');
const crypto = require('crypto');
const tls = require('tls');
const path = require('path');
const constants = require('constants');

// OpenSSL's version and engine constants are Node's OpenSSL's own: not compared.
const openSSLOnly = (k) => k === 'OPENSSL_VERSION_NUMBER' || k.startsWith('ENGINE_');
const keys = Object.keys(constants).filter((k) => !openSSLOnly(k));
console.log('constants', keys.length, Object.isFrozen(constants), Object.getPrototypeOf(constants) === Object.prototype);
console.log(keys.join(' '));
const sources = [os.constants.dlopen, os.constants.errno, os.constants.priority, os.constants.signals, fs.constants, crypto.constants];
console.log('values from the modules', keys.every((k) => sources.some((s) => s[k] === constants[k])));
console.log(JSON.stringify(Object.keys(os.constants.errno)), os.constants.errno.EWOULDBLOCK, os.constants.errno.ENOTSUP);
console.log(JSON.stringify(Object.keys(os.constants.signals)));
console.log(JSON.stringify(Object.fromEntries(Object.entries(crypto.constants).filter(([k]) => !openSSLOnly(k)))));
console.log(require('module').builtinModules.filter((m) => ['constants', 'sys', '_tls_wrap', '_tls_common'].includes(m)));

process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
console.log('sys is util', require('sys') === require('util'));
console.log('_tls_wrap', Object.keys(require('_tls_wrap')), require('_tls_wrap').TLSSocket === tls.TLSSocket);
const common = require('_tls_common');
console.log('_tls_common', Object.keys(common), common.createSecureContext === tls.createSecureContext);
const chain = { subject: 'leaf', infoAccess: 'OCSP - URI:http://ocsp.example\nCA Issuers - URI:"http://ca.example/\\u0041"\nOCSP - URI:http://ocsp2.example\n' };
chain.issuerCertificate = { subject: 'root', infoAccess: 'OCSP - URI:x' };
chain.issuerCertificate.issuerCertificate = chain.issuerCertificate;
const translated = common.translatePeerCertificate(chain);
console.log(translated === chain, translated.infoAccess, translated.issuerCertificate.infoAccess, common.translatePeerCertificate(null));

const read = (f) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', f));
const server = tls.createServer({ key: read('server-key.pem'), cert: read('server.pem') }, (s) => s.end());
server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const { SSL_OP_NO_TLSv1_3, SSL_OP_NO_TLSv1_2, SSL_OP_NO_SSLv3 } = crypto.constants;
  for (const [label, secureOptions] of [['none', undefined], ['no 1.3', SSL_OP_NO_TLSv1_3 | SSL_OP_NO_SSLv3], ['no 1.2', SSL_OP_NO_TLSv1_2]]) {
    const protocol = await new Promise((resolve) => {
      const s = tls.connect({ port, host: '127.0.0.1', servername: 'localhost', ca: read('ca.pem'), secureOptions }, () => {
        resolve(s.getProtocol());
        s.end();
      });
      s.on('error', (e) => resolve(e.code));
    });
    console.log('secureOptions', label, protocol);
  }
  try {
    tls.connect({ port, secureOptions: 'x' });
  } catch (e) {
    console.log(e.code, e.message);
  }
  server.close();
});
