'use strict';

// crypto's KeyObject: secret keys (what HMACs and ciphers take), and RSA, EC (P-256,
// P-384) and Ed25519 keys read from PEM, DER (PKCS#8, PKCS#1, SEC1, SPKI, and a
// certificate's key) or JWK, and written back the same ways. An asymmetric key is held as
// one canonical DER (PKCS#8 for a private key, SPKI for a public one) that the crypto
// binding reads and writes (bindings/crypto/keys.rs). Encrypted private keys are not read.

const { Buffer } = require('buffer');
const binding = internalBinding('crypto');
const { codes, validateObject, validateString } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = codes;

const kKeyType = Symbol('kKeyType');
const kAsymmetricKeyType = Symbol('kAsymmetricKeyType');
const kKeyBytes = Symbol('kKeyBytes');
const kKeyData = Symbol('kKeyData');
const kMakeKey = Symbol('kMakeKey');

const kKeyInputTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'];

// An error as Node reports OpenSSL's.
function opensslError(packed, library, reason) {
  const err = new Error(`error:${packed}:${library}::${reason}`);
  err.library = library;
  err.reason = reason;
  err.code = 'ERR_OSSL_' + (kLibraryPrefixes[library] ?? '') + reason.toUpperCase().replace(/ /g, '_');
  return err;
}

// The library part of OpenSSL's error codes as Node names them (none for the providers').
const kLibraryPrefixes = { 'rsa routines': 'RSA_', 'digital envelope routines': 'EVP_', 'Diffie-Hellman routines': 'DH_' };

function decoderUnsupported() {
  return opensslError('1E08010C', 'DECODER routines', 'unsupported');
}

const kRsaErrorCodes = { 'data too large for key size': '0200006E', 'oaep decoding error': '02000079' };

// The error for a failure the binding reports as a string (see key_error in
// bindings/crypto/mod.rs).
function keyError(text) {
  const [kind, detail] = text.split(/:(.*)/s);
  if (kind === 'unavailable') return new codes.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM(`crypto (${detail})`);
  if (kind === 'digest') return opensslError('1C80007A', 'Provider routines', 'invalid digest');
  if (kind === 'failed') return opensslError('1C880004', 'Provider routines', 'RSA lib');
  if (kind === 'crypt') return opensslError(kRsaErrorCodes[detail] ?? '02000072', 'rsa routines', detail);
  // A key that cannot sign or verify (X25519).
  if (kind === 'incompatible') return opensslError('03000096', 'digital envelope routines', 'operation not supported for this keytype');
  return decoderUnsupported();
}

// A binding call's result, or its error thrown.
function checked(result) {
  if (typeof result === 'string') throw keyError(result);
  return result;
}

class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') throw new ERR_INVALID_ARG_VALUE('type', type);
    if (handle === null || typeof handle !== 'object' || handle[kMakeKey] !== true) {
      throw new ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    }
    this[kKeyType] = type;
    if (type === 'secret') {
      Object.defineProperty(this, kKeyBytes, { value: handle.bytes, enumerable: false });
    } else {
      Object.defineProperty(this, kKeyData, { value: handle, enumerable: false });
    }
  }

  get type() {
    return this[kKeyType];
  }

  equals(otherKeyObject) {
    if (!(otherKeyObject instanceof KeyObject)) throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    if (otherKeyObject.type !== this.type) return false;
    const a = this.type === 'secret' ? this[kKeyBytes] : this[kKeyData].der;
    const b = otherKeyObject.type === 'secret' ? otherKeyObject[kKeyBytes] : otherKeyObject[kKeyData].der;
    if (a.length !== b.length) return false;
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
    return diff === 0;
  }
}
Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, { value: 'KeyObject', configurable: true });

class SecretKeyObject extends KeyObject {
  get symmetricKeySize() {
    return this[kKeyBytes].length;
  }

  export(options) {
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const format = options?.format;
    if (format === 'jwk') return { kty: 'oct', k: Buffer.from(this[kKeyBytes]).toString('base64url') };
    if (format !== undefined && format !== 'buffer') {
      throw new ERR_INVALID_ARG_VALUE('options.format', format, "must be one of: undefined, 'buffer', 'jwk'");
    }
    return Buffer.from(this[kKeyBytes]);
  }
}

// PEM labels by key form, for export.
const kPemLabels = {
  private: { pkcs8: 'PRIVATE KEY', pkcs1: 'RSA PRIVATE KEY', sec1: 'EC PRIVATE KEY' },
  public: { spki: 'PUBLIC KEY', pkcs1: 'RSA PUBLIC KEY' },
};

function pem(label, der) {
  const body = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n');
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

const kJwkCurves = { prime256v1: 'P-256', secp384r1: 'P-384' };

class AsymmetricKeyObject extends KeyObject {
  // Kept on the key once asked for, as Node caches it (inspect shows it from then on).
  get asymmetricKeyType() {
    return (this[kAsymmetricKeyType] ??= this[kKeyData].kind);
  }

  get asymmetricKeyDetails() {
    const key = this[kKeyData];
    if (key.kind === 'rsa') {
      const [modulusLength, exponent] = checked(binding.keyRsaDetails(key.der, this.type === 'private'));
      return { modulusLength, publicExponent: BigInt('0x' + (Buffer.from(exponent).toString('hex') || '0')) };
    }
    if (key.kind === 'ec') return { namedCurve: key.curve };
    return {};
  }

  export(options) {
    // Node reads (and so caches) the type before it looks at the options.
    const kind = this.asymmetricKeyType;
    validateObject(options, 'options');
    const key = this[kKeyData];
    const { format, type } = options;
    if (format === 'jwk') return this.exportJwk();
    const labels = kPemLabels[this.type];
    if (!(type in labels)) throw new ERR_INVALID_ARG_VALUE('options.type', type);
    if (format !== 'pem' && format !== 'der') throw new ERR_INVALID_ARG_VALUE('options.format', format);
    if (type === 'pkcs1' && kind !== 'rsa') {
      throw new codes.ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'can only be used for RSA keys');
    }
    if (type === 'sec1' && kind !== 'ec') {
      throw new codes.ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'can only be used for EC keys');
    }
    if (options.cipher !== undefined || options.passphrase !== undefined) {
      throw new codes.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM('crypto (encrypted private keys)');
    }
    const der = Buffer.from(checked(binding.keyExport(key.kind, key.curve, key.der, this.type === 'private', type)));
    return format === 'der' ? der : pem(labels[type], der);
  }

  exportJwk() {
    const key = this[kKeyData];
    const parts = {};
    for (const [name, bytes] of checked(binding.keyJwk(key.kind, key.curve, key.der, this.type === 'private'))) {
      parts[name] = Buffer.from(bytes).toString('base64url');
    }
    // In Node's member order: RSA's as the binding gives them, EC's x, y, crv, d, and
    // Ed25519's and X25519's crv, d, x.
    if (key.kind === 'rsa') return { kty: 'RSA', ...parts };
    if (key.kind === 'ec') {
      const jwk = { kty: 'EC', x: parts.x, y: parts.y, crv: kJwkCurves[key.curve] };
      if (parts.d !== undefined) jwk.d = parts.d;
      return jwk;
    }
    const jwk = { crv: key.kind === 'x25519' ? 'X25519' : 'Ed25519' };
    if (parts.d !== undefined) jwk.d = parts.d;
    jwk.x = parts.x;
    jwk.kty = 'OKP';
    return jwk;
  }
}

class PublicKeyObject extends AsymmetricKeyObject {}
class PrivateKeyObject extends AsymmetricKeyObject {}

function makeAsymmetric(type, [kind, curve, der]) {
  const handle = { [kMakeKey]: true, kind, curve, der: new Uint8Array(der) };
  return type === 'private' ? new PrivateKeyObject('private', handle) : new PublicKeyObject('public', handle);
}

function createSecretKey(key, encoding) {
  let bytes;
  if (typeof key === 'string') bytes = Buffer.from(key, encoding || 'utf8');
  else if (key instanceof ArrayBuffer) bytes = Buffer.from(new Uint8Array(key));
  else if (ArrayBuffer.isView(key)) bytes = Buffer.from(new Uint8Array(key.buffer, key.byteOffset, key.byteLength));
  else throw new ERR_INVALID_ARG_TYPE('key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], key);
  return new SecretKeyObject('secret', { [kMakeKey]: true, bytes: Uint8Array.from(bytes) });
}

// PEM labels by what they hold: [private?, form] (a certificate's key is public).
const kPemForms = {
  'PRIVATE KEY': [true, 'pkcs8'],
  'RSA PRIVATE KEY': [true, 'pkcs1'],
  'EC PRIVATE KEY': [true, 'sec1'],
  'PUBLIC KEY': [false, 'spki'],
  'RSA PUBLIC KEY': [false, 'pkcs1'],
  'CERTIFICATE': [false, 'certificate'],
};

// The first PEM block of a key's text: [label, DER], or undefined.
function pemBlock(text) {
  const m = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/.exec(text);
  if (m === null) return undefined;
  // A legacy encrypted key has headers (Proc-Type: 4,ENCRYPTED) before its body.
  if (/^[A-Za-z-]+:/m.test(m[2])) return [m[1], null];
  return [m[1], Buffer.from(m[2].replace(/\s+/g, ''), 'base64')];
}

// The key argument's parts: { data, format, type, encoding } from a string, buffer or
// options object (a KeyObject is handled by the callers).
function keyInput(key, name = 'key') {
  if (typeof key === 'string' || ArrayBuffer.isView(key) || key instanceof ArrayBuffer) return { data: key, format: 'pem' };
  if (key === null || typeof key !== 'object') throw new ERR_INVALID_ARG_TYPE(name, kKeyInputTypes, key);
  const { key: data, format = 'pem', type, encoding, passphrase } = key;
  if (format === 'jwk') {
    validateObject(data, `${name}.key`);
    return { data, format, type, passphrase };
  }
  if (format !== 'pem' && format !== 'der') throw new ERR_INVALID_ARG_VALUE(`${name}.format`, format);
  if (!(typeof data === 'string' || ArrayBuffer.isView(data) || data instanceof ArrayBuffer || data instanceof KeyObject)) {
    throw new ERR_INVALID_ARG_TYPE(`${name}.key`, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return { data, format, type, encoding, passphrase };
}

function toBuffer(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(new Uint8Array(data));
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

function jwkBytes(jwk, member) {
  const value = jwk[member];
  if (typeof value !== 'string') throw new ERR_INVALID_ARG_TYPE(`key.${member}`, 'string', value);
  return Buffer.from(value, 'base64url');
}

// A key from a JWK: [kind, curve, der] for a private key (`private`) or a public one.
function importJwk(jwk, wantPrivate) {
  const { kty } = jwk;
  validateString(kty, 'key.kty');
  let kind, curve = null, members;
  if (kty === 'RSA') {
    kind = 'rsa';
    members = wantPrivate ? ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] : ['n', 'e'];
  } else if (kty === 'EC') {
    kind = 'ec';
    validateString(jwk.crv, 'key.crv');
    curve = jwk.crv === 'P-256' ? 'prime256v1' : jwk.crv === 'P-384' ? 'secp384r1' : undefined;
    if (curve === undefined) {
      if (jwk.crv === 'P-521' || jwk.crv === 'secp256k1') throw new codes.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM(`crypto (${jwk.crv} keys)`);
      throw new ERR_INVALID_ARG_VALUE('key.crv', jwk.crv, "must be one of: 'P-256', 'secp256k1', 'P-384', 'P-521'");
    }
    members = wantPrivate ? ['x', 'y', 'd'] : ['x', 'y'];
  } else if (kty === 'OKP') {
    validateString(jwk.crv, 'key.crv');
    if (jwk.crv !== 'Ed25519' && jwk.crv !== 'X25519') {
      if (['Ed448', 'X448'].includes(jwk.crv)) throw new codes.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM(`crypto (${jwk.crv} keys)`);
      throw new ERR_INVALID_ARG_VALUE('key.crv', jwk.crv, "must be one of: 'Ed25519', 'Ed448', 'X25519', 'X448'");
    }
    kind = jwk.crv === 'X25519' ? 'x25519' : 'ed25519';
    // (An X25519 private key is its d alone: its x is derived.)
    members = !wantPrivate ? ['x'] : kind === 'x25519' ? ['d'] : ['x', 'd'];
  } else {
    throw new ERR_INVALID_ARG_VALUE('key.kty', kty, "must be one of: 'RSA', 'EC', 'OKP'");
  }
  const values = {};
  for (const m of members) values[m] = new Uint8Array(jwkBytes(jwk, m));
  const der = binding.keyFromJwk(kind, curve, wantPrivate, values);
  if (typeof der === 'string') throw new ERR_INVALID_ARG_VALUE('key', jwk, 'must be a valid JWK');
  return [kind, curve, der];
}

// A private key's parts from a key argument: [kind, curve, pkcs8].
function parsePrivate(key) {
  const input = keyInput(key);
  if (input.data instanceof KeyObject) return fromKeyObject(input.data, true);
  if (input.format === 'jwk') return importJwk(input.data, true);
  if (input.format === 'der') {
    if (!['pkcs8', 'pkcs1', 'sec1'].includes(input.type)) throw new ERR_INVALID_ARG_VALUE('options.type', input.type);
    return checked(binding.keyImport(new Uint8Array(toBuffer(input.data, input.encoding)), true, input.type));
  }
  const block = pemBlock(toBuffer(input.data, input.encoding).toString('latin1'));
  const form = block && kPemForms[block[0]];
  if (block === undefined || block[1] === null || form === undefined || !form[0]) throw decoderUnsupported();
  return checked(binding.keyImport(new Uint8Array(block[1]), true, form[1]));
}

// A public key's parts from a key argument (a private key's public half too).
function parsePublic(key) {
  const input = keyInput(key);
  if (input.data instanceof KeyObject) return fromKeyObject(input.data, false);
  if (input.format === 'jwk') return importJwk(input.data, false);
  if (input.format === 'der') {
    const type = input.type;
    if (type === 'pkcs8' || type === 'sec1') return publicOf(parsePrivate(key));
    if (type !== 'spki' && type !== 'pkcs1') throw new ERR_INVALID_ARG_VALUE('options.type', type);
    return checked(binding.keyImport(new Uint8Array(toBuffer(input.data, input.encoding)), false, type));
  }
  const block = pemBlock(toBuffer(input.data, input.encoding).toString('latin1'));
  const form = block && kPemForms[block[0]];
  if (block === undefined || block[1] === null || form === undefined) throw decoderUnsupported();
  if (form[0]) return publicOf(checked(binding.keyImport(new Uint8Array(block[1]), true, form[1])));
  if (form[1] === 'certificate') {
    const spki = binding.keyOfCertificate(new Uint8Array(block[1]));
    if (spki === null) throw decoderUnsupported();
    return checked(binding.keyImport(new Uint8Array(spki), false, 'spki'));
  }
  return checked(binding.keyImport(new Uint8Array(block[1]), false, form[1]));
}

function publicOf([kind, curve, der]) {
  return [kind, curve, checked(binding.keyPublic(kind, curve, der))];
}

function fromKeyObject(keyObject, wantPrivate) {
  if (keyObject.type === 'secret') throw new ERR_INVALID_ARG_TYPE('key', ['private', 'public'].join(' or ') + ' KeyObject', keyObject);
  const { kind, curve, der } = keyObject[kKeyData];
  if (wantPrivate && keyObject.type !== 'private') throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(keyObject.type, 'private');
  if (!wantPrivate && keyObject.type === 'private') return publicOf([kind, curve, der]);
  return [kind, curve, der];
}

function createPrivateKey(key) {
  if (key instanceof KeyObject) throw new ERR_INVALID_ARG_TYPE('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], key);
  return makeAsymmetric('private', parsePrivate(key));
}

function createPublicKey(key) {
  if (key instanceof KeyObject && key.type !== 'private') {
    throw new ERR_INVALID_ARG_TYPE('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], key);
  }
  return makeAsymmetric('public', key instanceof KeyObject ? fromKeyObject(key, false) : parsePublic(key));
}

// For sign/verify: the key data a signature uses, from any key argument.
function signingKey(key) {
  return key instanceof KeyObject ? fromKeyObject(key, true) : parsePrivate(key);
}

function verifyingKey(key) {
  return key instanceof KeyObject ? fromKeyObject(key, false) : parsePublic(key);
}

module.exports = {
  KeyObject,
  createSecretKey,
  createPrivateKey,
  createPublicKey,
  makeAsymmetric,
  signingKey,
  verifyingKey,
  keyError,
  checked,
  kKeyInputTypes,
  opensslError,
};
