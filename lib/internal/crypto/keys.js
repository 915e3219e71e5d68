'use strict';

// crypto's KeyObject for secret keys (what HMACs and, later, ciphers take): createSecretKey,
// export as bytes or a JWK, timing-safe equals. Asymmetric keys need the signatures and
// ciphers that are not here yet: createPrivateKey/createPublicKey refuse PEM or DER keys
// with ERR_FEATURE_UNAVAILABLE_ON_PLATFORM, and other input as OpenSSL's decoder does.

const { Buffer } = require('buffer');
const { codes } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = codes;

const kKeyType = Symbol('kKeyType');
const kKeyBytes = Symbol('kKeyBytes');
const kMakeKey = Symbol('kMakeKey');

class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') throw new ERR_INVALID_ARG_VALUE('type', type);
    if (handle === null || typeof handle !== 'object' || handle[kMakeKey] !== true) {
      throw new ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    }
    this[kKeyType] = type;
    Object.defineProperty(this, kKeyBytes, { value: handle.bytes, enumerable: false });
  }

  get type() {
    return this[kKeyType];
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

  equals(otherKeyObject) {
    if (!(otherKeyObject instanceof KeyObject)) throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    if (otherKeyObject.type !== 'secret') return false;
    const a = this[kKeyBytes], b = otherKeyObject[kKeyBytes];
    if (a.length !== b.length) return false;
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
    return diff === 0;
  }
}

function createSecretKey(key, encoding) {
  let bytes;
  if (typeof key === 'string') bytes = Buffer.from(key, encoding || 'utf8');
  else if (key instanceof ArrayBuffer) bytes = Buffer.from(new Uint8Array(key));
  else if (ArrayBuffer.isView(key)) bytes = Buffer.from(new Uint8Array(key.buffer, key.byteOffset, key.byteLength));
  else throw new ERR_INVALID_ARG_TYPE('key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], key);
  return new SecretKeyObject('secret', { [kMakeKey]: true, bytes: Uint8Array.from(bytes) });
}

function asymmetricKey(kind) {
  return function(key) {
    const text = typeof key === 'string' ? key : key?.key;
    if ((typeof text === 'string' && /-----BEGIN [A-Z ]*KEY-----/.test(text)) || ArrayBuffer.isView(text ?? key)) {
      throw new codes.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM(`crypto.${kind} (asymmetric keys)`);
    }
    const err = new Error('error:1E08010C:DECODER routines::unsupported');
    err.library = 'DECODER routines';
    err.reason = 'unsupported';
    err.code = 'ERR_OSSL_UNSUPPORTED';
    throw err;
  };
}

module.exports = {
  KeyObject,
  createSecretKey,
  createPrivateKey: asymmetricKey('createPrivateKey'),
  createPublicKey: asymmetricKey('createPublicKey'),
};
