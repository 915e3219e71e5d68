'use strict';
// crypto: hashes and HMACs (md5, sha1, sha2 family) and random numbers, native in Rust;
// AES ciphers (internal/crypto/cipher), pbkdf2/scrypt/hkdf (internal/crypto/kdf),
// KeyObjects (internal/crypto/keys), signatures (internal/crypto/sig) and EC/Ed25519 key
// pairs (internal/crypto/keygen). webcrypto.subtle is not there yet.

const { Buffer } = require('buffer');
const LazyTransform = require('internal/streams/lazy_transform');
const binding = internalBinding('crypto');
const {
  codes: { ERR_CRYPTO_INVALID_DIGEST, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_CRYPTO_HASH_FINALIZED, ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH, ERR_CRYPTO_HASH_UPDATE_FAILED },
  validateFunction,
  validateInteger,
  validateString,
} = require('internal/errors');

const kHandle = Symbol('kHandle');
const kFinalized = Symbol('kFinalized');

function toBytes(data, encoding, name = 'data') {
  if (typeof data === 'string') return Buffer.from(data, encoding === 'buffer' ? 'utf8' : encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return data;
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function encodeDigest(ab, encoding) {
  const buf = Buffer.from(ab);
  return encoding && encoding !== 'buffer' ? buf.toString(encoding) : buf;
}

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  if (algorithm instanceof Hash) {
    this[kHandle] = binding.copy(algorithm[kHandle]);
  } else {
    validateString(algorithm, 'algorithm');
    this[kHandle] = binding.hashCreate(algorithm);
    if (this[kHandle] < 0) throw new Error('Digest method not supported');
  }
  this[kFinalized] = false;
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);

Hash.prototype.copy = function(options) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this, options);
};

Hash.prototype.update = function(data, encoding) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  if (this[kHandle] < 0) throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
  binding.update(this[kHandle], toBytes(data, encoding));
  return this;
};

Hash.prototype.digest = function(outputEncoding) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  this[kFinalized] = true;
  return encodeDigest(binding.digest(this[kHandle]), outputEncoding);
};

Hash.prototype._transform = function(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};

Hash.prototype._flush = function(callback) {
  this.push(this.digest());
  callback();
};

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  if (key && typeof key === 'object' && typeof key.export === 'function') key = key.export();
  const keyBytes = toBytes(key, options?.encoding, 'key');
  this[kHandle] = binding.hmacCreate(hmac, keyBytes);
  if (this[kHandle] < 0) throw new ERR_CRYPTO_INVALID_DIGEST(hmac);
  this[kFinalized] = false;
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);
Hmac.prototype.update = Hash.prototype.update;
Hmac.prototype._transform = Hash.prototype._transform;
Hmac.prototype._flush = Hash.prototype._flush;

// Unlike a Hash, a finished Hmac answers digest() again with an empty result.
Hmac.prototype.digest = function(outputEncoding) {
  if (this[kFinalized]) return encodeDigest(new ArrayBuffer(0), outputEncoding);
  this[kFinalized] = true;
  return encodeDigest(binding.digest(this[kHandle]), outputEncoding);
};

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

const kMaxLength = 2 ** 31 - 1;

function validateSize(size) {
  if (typeof size !== 'number') throw new ERR_INVALID_ARG_TYPE('size', 'number', size);
  if (!(size >= 0 && size <= kMaxLength)) throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, size);
}

function randomFillSync(buf, offset = 0, size) {
  const whole = buf instanceof ArrayBuffer || buf instanceof SharedArrayBuffer;
  if (!ArrayBuffer.isView(buf) && !whole) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
  const view = whole ? new Uint8Array(buf) : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  offset *= elementSize;
  size = size === undefined ? view.length - offset : size * elementSize;
  if (offset < 0 || offset > view.length) throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${view.length}`, offset);
  if (size < 0 || size + offset > view.length) throw new ERR_OUT_OF_RANGE('size + offset', `<= ${view.length}`, size + offset);
  binding.randomFill(view, offset, size);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = undefined;
  } else if (typeof size === 'function') {
    callback = size;
    size = undefined;
  }
  validateFunction(callback, 'callback');
  randomFillSync(buf, offset, size);
  process.nextTick(callback, null, buf);
}

function randomBytes(size, callback) {
  validateSize(size);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = Buffer.alloc(size);
  binding.randomFill(buf, 0, size);
  if (callback === undefined) return buf;
  process.nextTick(callback, null, buf);
}

function randomInt(min, max, callback) {
  if (typeof max === 'undefined' || typeof max === 'function') {
    callback = max;
    max = min;
    min = 0;
  }
  if (callback !== undefined) validateFunction(callback, 'callback');
  validateInteger(min, 'min');
  validateInteger(max, 'max');
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (range > 2 ** 48 - 1) throw new ERR_OUT_OF_RANGE('max - min', `<= ${2 ** 48 - 1}`, range);
  // Rejection sampling over 48-bit draws keeps every value equally likely.
  const limit = 2 ** 48 - (2 ** 48 % range);
  let x;
  const six = Buffer.alloc(6);
  do {
    binding.randomFill(six, 0, 6);
    x = six.readUIntBE(0, 6);
  } while (x >= limit);
  const n = min + (x % range);
  if (callback === undefined) return n;
  process.nextTick(callback, null, n);
}

function randomUUID(options) {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
  }
  // Every UUID here is drawn fresh, so the option changes nothing; it is still checked.
  if (options?.disableEntropyCache !== undefined && typeof options.disableEntropyCache !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('options.disableEntropyCache', 'boolean', options.disableEntropyCache);
  }
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function timingSafeEqual(a, b) {
  if (!ArrayBuffer.isView(a) && !(a instanceof ArrayBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('buf1', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], a);
  }
  if (!ArrayBuffer.isView(b) && !(b instanceof ArrayBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('buf2', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], b);
  }
  const x = a instanceof ArrayBuffer ? new Uint8Array(a) : new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  if (x.length !== y.length) throw new ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
  return diff === 0;
}

function getRandomValues(array) {
  if (!ArrayBuffer.isView(array) || array instanceof Float32Array || array instanceof Float64Array || array instanceof DataView) {
    throw new DOMException("The data argument must be an integer-type TypedArray", 'TypeMismatchError');
  }
  if (array.byteLength > 65536) {
    throw new DOMException(`The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`, 'QuotaExceededError');
  }
  binding.randomFill(array, 0, array.byteLength);
  return array;
}

// WebCrypto's Crypto (globalThis.crypto): its subtle side is loaded when first used.
class Crypto {
  constructor() {
    throw new TypeError('Illegal constructor');
  }

  get subtle() {
    return require('internal/crypto/webcrypto').subtle;
  }

  getRandomValues(array) {
    return getRandomValues(array);
  }

  randomUUID() {
    return randomUUID();
  }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });
const webcrypto = Object.create(Crypto.prototype);

const { KeyObject, createSecretKey, createPrivateKey, createPublicKey } = require('internal/crypto/keys');

const {
  Cipheriv, Decipheriv, createCipheriv, createDecipheriv, getCipherInfo, getCiphers,
  publicEncrypt, privateDecrypt, privateEncrypt, publicDecrypt,
} = require('internal/crypto/cipher');
const { pbkdf2, pbkdf2Sync, scrypt, scryptSync, hkdf, hkdfSync } = require('internal/crypto/kdf');
const { Sign, Verify, createSign, createVerify, sign, verify } = require('internal/crypto/sig');
const { generateKeyPair, generateKeyPairSync, generateKey, generateKeySync } = require('internal/crypto/keygen');
const {
  ECDH, createECDH, DiffieHellman, DiffieHellmanGroup, createDiffieHellman, getDiffieHellman, diffieHellman,
} = require('internal/crypto/dh');

// The constants of the operations there are, with OpenSSL's values: its SSL_OP_ bits (tls
// reads the two that bound the protocol versions, see secureOptions in internal/tls/wrap),
// DH check results, paddings, TLS version numbers and the default cipher lists.
const defaultCipherList = require('tls').DEFAULT_CIPHERS;
const constants = {
  SSL_OP_ALL: 0x80000850,
  SSL_OP_ALLOW_NO_DHE_KEX: 0x400,
  SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION: 0x40000,
  SSL_OP_CIPHER_SERVER_PREFERENCE: 0x400000,
  SSL_OP_CISCO_ANYCONNECT: 0x8000,
  SSL_OP_COOKIE_EXCHANGE: 0x2000,
  SSL_OP_CRYPTOPRO_TLSEXT_BUG: 0x80000000,
  SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS: 0x800,
  SSL_OP_LEGACY_SERVER_CONNECT: 0x4,
  SSL_OP_NO_COMPRESSION: 0x20000,
  SSL_OP_NO_ENCRYPT_THEN_MAC: 0x80000,
  SSL_OP_NO_QUERY_MTU: 0x1000,
  SSL_OP_NO_RENEGOTIATION: 0x40000000,
  SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION: 0x10000,
  SSL_OP_NO_SSLv2: 0,
  SSL_OP_NO_SSLv3: 0x2000000,
  SSL_OP_NO_TICKET: 0x4000,
  SSL_OP_NO_TLSv1: 0x4000000,
  SSL_OP_NO_TLSv1_1: 0x10000000,
  SSL_OP_NO_TLSv1_2: 0x8000000,
  SSL_OP_NO_TLSv1_3: 0x20000000,
  SSL_OP_PRIORITIZE_CHACHA: 0x200000,
  SSL_OP_TLS_ROLLBACK_BUG: 0x800000,
  DH_CHECK_P_NOT_SAFE_PRIME: 2,
  DH_CHECK_P_NOT_PRIME: 1,
  DH_UNABLE_TO_CHECK_GENERATOR: 4,
  DH_NOT_SUITABLE_GENERATOR: 8,
  RSA_PKCS1_PADDING: 1,
  RSA_NO_PADDING: 3,
  RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5,
  RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1,
  RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2,
  defaultCoreCipherList: defaultCipherList,
  TLS1_VERSION: 0x301,
  TLS1_1_VERSION: 0x302,
  TLS1_2_VERSION: 0x303,
  TLS1_3_VERSION: 0x304,
  POINT_CONVERSION_COMPRESSED: 2,
  POINT_CONVERSION_UNCOMPRESSED: 4,
  POINT_CONVERSION_HYBRID: 6,
  defaultCipherList,
};

// KeyObject.from(cryptoKey): the KeyObject a WebCrypto key holds.
KeyObject.from = function from(key) {
  const { isCryptoKey, keyObjectOf } = require('internal/crypto/webcrypto');
  if (!isCryptoKey(key)) throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
  return keyObjectOf(key);
};

// crypto.hash(algorithm, data[, outputEncoding]): a one-shot digest (hex by default).
function hash(algorithm, data, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  const h = new Hash(algorithm);
  h.update(data);
  return h.digest(outputEncoding === 'buffer' ? undefined : outputEncoding);
}

// The curves EC keys or ECDH may use here, by OpenSSL's names.
function getCurves() {
  return ['prime256v1', 'secp256k1', 'secp384r1'];
}

module.exports = {
  get subtle() {
    return webcrypto.subtle;
  },
  createHash,
  hash,
  get X509Certificate() {
    return require('internal/crypto/x509').X509Certificate;
  },
  getCurves,
  ECDH,
  createECDH,
  DiffieHellman,
  DiffieHellmanGroup,
  createDiffieHellman,
  createDiffieHellmanGroup: getDiffieHellman,
  getDiffieHellman,
  diffieHellman,
  // No FIPS provider and no secure heap: what node reports without them.
  getFips: () => 0,
  setFips() {},
  secureHeapUsed: () => ({ total: 0, used: 0, utilization: 0, min: 0 }),
  createCipheriv,
  createDecipheriv,
  Cipheriv,
  Decipheriv,
  getCipherInfo,
  getCiphers,
  publicEncrypt,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  pbkdf2,
  pbkdf2Sync,
  scrypt,
  scryptSync,
  hkdf,
  hkdfSync,
  Sign,
  Verify,
  createSign,
  createVerify,
  sign,
  verify,
  generateKeyPair,
  generateKeyPairSync,
  generateKey,
  generateKeySync,
  createHmac,
  createSecretKey,
  createPrivateKey,
  createPublicKey,
  KeyObject,
  getHashes: () => binding.hashes.slice(),
  getRandomValues,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  pseudoRandomBytes: randomBytes,
  prng: randomBytes,
  rng: randomBytes,
  timingSafeEqual,
  webcrypto,
  Hash,
  Hmac,
  constants,
};

// The Crypto class is the global's (bootstrap), not one of node:crypto's exports.
Object.defineProperty(module.exports, 'Crypto', { value: Crypto, enumerable: false });
