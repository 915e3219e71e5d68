'use strict';

// The module tls's secure contexts came from before `tls` exported them, kept for the
// packages that still require it by name.

const { SecureContext, createSecureContext } = require('tls');

// A certificate object as getPeerCertificate() makes it from OpenSSL's fields: the issuer
// chain translated too, and `infoAccess`'s text ("method - URI:location" lines, a value
// in quotes JSON-escaped) as lists of locations by method.
function translatePeerCertificate(cert) {
  if (!cert) return null;
  const issuer = cert.issuerCertificate;
  if (issuer !== null && issuer !== undefined && issuer !== cert) {
    cert.issuerCertificate = translatePeerCertificate(issuer);
  }
  if (cert.infoAccess !== null && cert.infoAccess !== undefined) {
    const text = String(cert.infoAccess);
    const byMethod = { __proto__: null };
    for (const line of text.split('\n')) {
      const colon = line.indexOf(':');
      if (colon === -1) continue;
      const method = line.slice(0, colon);
      let location = line.slice(colon + 1);
      if (location.startsWith('"')) location = JSON.parse(location);
      (byMethod[method] ??= []).push(location);
    }
    cert.infoAccess = byMethod;
  }
  return cert;
}

module.exports = { SecureContext, createSecureContext, translatePeerCertificate };
