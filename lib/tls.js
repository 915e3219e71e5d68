'use strict';
// tls: TLSSocket, tls.connect and tls.createServer over net sockets; rustls does the
// protocol (lib/internal/tls/wrap.js ↔ crates/runtime/src/bindings/tls_wrap.rs).

const { TLSSocket, Server, connect, createServer, DEFAULT_MIN_VERSION, DEFAULT_MAX_VERSION } = require('internal/tls/wrap');

let rootCertificates;

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION,
  DEFAULT_MAX_VERSION,
  TLSSocket,
  Server,
  connect,
  createServer,
  // The suites rustls offers, in Node's lowercase naming.
  getCiphers: () => [
    'tls_aes_128_gcm_sha256', 'tls_aes_256_gcm_sha384', 'tls_chacha20_poly1305_sha256',
    'ecdhe-ecdsa-aes128-gcm-sha256', 'ecdhe-ecdsa-aes256-gcm-sha384', 'ecdhe-ecdsa-chacha20-poly1305',
    'ecdhe-rsa-aes128-gcm-sha256', 'ecdhe-rsa-aes256-gcm-sha384', 'ecdhe-rsa-chacha20-poly1305',
  ],
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
