'use strict';
// tls: TLSSocket, tls.connect and tls.createServer over net sockets; rustls does the
// protocol (lib/internal/tls/wrap.js ↔ crates/runtime/src/bindings/tls_wrap.rs).

const {
  TLSSocket, Server, SecureContext, connect, createServer, createSecureContext, DEFAULT_MIN_VERSION, DEFAULT_MAX_VERSION,
} = require('internal/tls/wrap');

let rootCertificates;

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION,
  DEFAULT_MAX_VERSION,
  // Node's default list; of it, rustls speaks the ECDHE AES-GCM and ChaCha20 suites.
  DEFAULT_CIPHERS: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
    'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
    'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:' +
    'ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:' +
    '!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
  TLSSocket,
  Server,
  SecureContext,
  checkServerIdentity: require('internal/tls/identity').checkServerIdentity,
  connect,
  createServer,
  createSecureContext,
  // The suites rustls offers, in Node's lowercase naming.
  getCiphers: () => internalBinding('tls_wrap').cipherNames(),
};

// Mozilla's root certificates as PEM, the default trust: made on first use.
Object.defineProperty(module.exports, 'rootCertificates', {
  __proto__: null,
  configurable: false,
  enumerable: true,
  get() {
    rootCertificates ??= Object.freeze(internalBinding('tls_wrap').rootCertificates());
    return rootCertificates;
  },
});
