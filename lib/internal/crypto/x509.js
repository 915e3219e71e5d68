'use strict';

// crypto.X509Certificate: a certificate's fields (read natively, as getPeerCertificate's
// are: bindings/x509.rs), its public key as a KeyObject, host/IP/email checks, issuer and
// private-key checks, and its signature verified with a public key.

const { Buffer } = require('buffer');
const binding = internalBinding('crypto');
const { codes } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE } = codes;

const kFields = Symbol('kFields');
const kDer = Symbol('kDer');

// Signature algorithms by OID: [digest, how the key signs].
const kSignatureAlgorithms = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.3.101.112': null,
};

function derOf(buffer) {
  let bytes;
  if (typeof buffer === 'string') bytes = Buffer.from(buffer);
  else if (ArrayBuffer.isView(buffer)) bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  else if (buffer instanceof ArrayBuffer) bytes = Buffer.from(buffer);
  else throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buffer);
  const text = bytes.toString('latin1');
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(text);
  return m === null ? bytes : Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
}

// Node's text of a name: one "key=value" line per attribute.
function nameText(pairs) {
  return pairs.map(([k, v]) => `${k}=${v}`).join('\n');
}

function sanEntries(cert, kind) {
  const san = cert[kFields].subjectaltname;
  if (san === undefined) return [];
  return san.split(', ').filter((e) => e.startsWith(kind + ':')).map((e) => e.slice(kind.length + 1));
}

class X509Certificate {
  constructor(buffer) {
    const der = derOf(buffer);
    const fields = binding.x509Parse(new Uint8Array(der));
    if (fields === null) {
      // OpenSSL's complaint: what does not start as DER was read as PEM.
      const [packed, library, reason, code] = der[0] === 0x30 ?
        ['0680007B', 'asn1 encoding routines', 'header too long', 'ERR_OSSL_ASN1_HEADER_TOO_LONG'] :
        ['0480006C', 'PEM routines', 'no start line', 'ERR_OSSL_PEM_NO_START_LINE'];
      throw Object.assign(new Error(`error:${packed}:${library}::${reason}`), { library, reason, code });
    }
    this[kFields] = fields;
    this[kDer] = der;
  }

  get subject() { return nameText(this[kFields].subject); }
  get issuer() { return nameText(this[kFields].issuer); }
  get subjectAltName() { return this[kFields].subjectaltname; }
  get infoAccess() { return undefined; }
  get validFrom() { return this[kFields].valid_from; }
  get validTo() { return this[kFields].valid_to; }
  get fingerprint() { return this[kFields].fingerprint; }
  get fingerprint256() { return this[kFields].fingerprint256; }
  get fingerprint512() { return this[kFields].fingerprint512; }
  get serialNumber() { return this[kFields].serialNumber; }
  get raw() { return Buffer.from(this[kDer]); }
  get ca() { return this[kFields].ca; }
  get keyUsage() { return this[kFields].ext_key_usage; }
  get issuerCertificate() { return undefined; }

  get publicKey() {
    const spki = binding.keyOfCertificate(new Uint8Array(this[kDer]));
    return require('crypto').createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  }

  checkHost(name) {
    if (typeof name !== 'string') throw new ERR_INVALID_ARG_TYPE('name', 'string', name);
    const legacy = this.toLegacyObject();
    const err = require('internal/tls/identity').checkServerIdentity(name, legacy);
    if (err !== undefined) return undefined;
    const dns = sanEntries(this, 'DNS');
    return dns.find((d) => d.toLowerCase() === name.toLowerCase() || (d.startsWith('*.') && name.toLowerCase().endsWith(d.slice(1).toLowerCase()))) ?? name;
  }

  checkEmail(email) {
    if (typeof email !== 'string') throw new ERR_INVALID_ARG_TYPE('email', 'string', email);
    const found = sanEntries(this, 'email').find((e) => e.toLowerCase() === email.toLowerCase());
    if (found !== undefined) return found;
    const subjectEmail = this[kFields].subject.find(([k]) => k === 'emailAddress');
    return subjectEmail && subjectEmail[1].toLowerCase() === email.toLowerCase() ? subjectEmail[1] : undefined;
  }

  checkIP(ip) {
    if (typeof ip !== 'string') throw new ERR_INVALID_ARG_TYPE('ip', 'string', ip);
    return sanEntries(this, 'IP Address').includes(ip) ? ip : undefined;
  }

  checkIssued(otherCert) {
    if (!(otherCert instanceof X509Certificate)) throw new ERR_INVALID_ARG_TYPE('otherCert', 'X509Certificate', otherCert);
    return this.issuer === otherCert.subject;
  }

  checkPrivateKey(privateKey) {
    const crypto = require('crypto');
    if (!(privateKey instanceof crypto.KeyObject) || privateKey.type !== 'private') {
      throw new ERR_INVALID_ARG_TYPE('privateKey', 'KeyObject', privateKey);
    }
    return crypto.createPublicKey(privateKey).equals(this.publicKey);
  }

  verify(publicKey) {
    const crypto = require('crypto');
    if (!(publicKey instanceof crypto.KeyObject) || publicKey.type !== 'public') {
      throw new ERR_INVALID_ARG_TYPE('publicKey', 'KeyObject', publicKey);
    }
    const parts = binding.x509SignatureParts(new Uint8Array(this[kDer]));
    if (parts === null) return false;
    const [tbs, oid, sig] = parts;
    if (!(oid in kSignatureAlgorithms)) return false;
    try {
      return crypto.verify(kSignatureAlgorithms[oid], new Uint8Array(tbs), publicKey, new Uint8Array(sig));
    } catch {
      return false;
    }
  }

  toString() {
    const body = this[kDer].toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n');
    return `-----BEGIN CERTIFICATE-----\n${body}-----END CERTIFICATE-----\n`;
  }

  toJSON() {
    return this.toString();
  }

  // The object getPeerCertificate() gives for this certificate.
  toLegacyObject() {
    return withNamedFields({ ...this[kFields] });
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    return `X509Certificate ${inspect({
      subject: this.subject, subjectAltName: this.subjectAltName, issuer: this.issuer, infoAccess: this.infoAccess,
      validFrom: this.validFrom, validTo: this.validTo, fingerprint: this.fingerprint,
      fingerprint256: this.fingerprint256, fingerprint512: this.fingerprint512, keyUsage: this.keyUsage,
      serialNumber: this.serialNumber,
    }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

// A certificate's fields (the binding's) with subject and issuer as getPeerCertificate()
// gives them: objects by attribute name, a repeated attribute's values in an array.
function withNamedFields(cert) {
  for (const key of ['subject', 'issuer']) {
    const names = { __proto__: null };
    for (const [k, v] of cert[key]) {
      if (k in names) names[k] = [].concat(names[k], v);
      else names[k] = v;
    }
    cert[key] = names;
  }
  return cert;
}

module.exports = { X509Certificate, withNamedFields };
