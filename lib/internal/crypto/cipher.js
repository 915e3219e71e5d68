'use strict';

// crypto's Cipheriv and Decipheriv (AES in ECB, CBC, CTR and GCM), run natively (the
// crypto binding's cipher* functions) and fed piece by piece as OpenSSL's EVP calls are:
// a block mode returns whole blocks only, and a decryption with padding keeps its last
// block for final(). Node's argument checks and errors, its string decoding of output,
// and its Transform stream side.

const { Buffer } = require('buffer');
const { StringDecoder } = require('string_decoder');
const LazyTransform = require('internal/streams/lazy_transform');
const binding = internalBinding('crypto');
const { codes, makeCodeError, validateString, validateObject, validateInt32 } = require('internal/errors');
const {
  ERR_CRYPTO_INVALID_AUTH_TAG, ERR_CRYPTO_INVALID_IV, ERR_CRYPTO_INVALID_KEYLEN, ERR_CRYPTO_INVALID_STATE,
  ERR_CRYPTO_UNKNOWN_CIPHER, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE,
} = codes;

const kHandle = Symbol('kHandle');
const kAuthTag = Symbol('kAuthTag');
const kTagLength = Symbol('kTagLength');
const kTagSet = Symbol('kTagSet');

// The codes cipherCreate and cipherFinal answer with (bindings/crypto/mod.rs).
const UNKNOWN_CIPHER = -1;
const INVALID_KEY_LENGTH = -2;
const INVALID_IV = -3;
const BAD_DECRYPT = -4;
const WRONG_FINAL_BLOCK_LENGTH = -5;
const UNAUTHENTICATED = -6;

// An error as Node reports one from OpenSSL's queue.
function opensslError(packed, reason) {
  const err = new Error(`error:${packed}:Provider routines::${reason}`);
  err.library = 'Provider routines';
  err.reason = reason;
  err.code = 'ERR_OSSL_' + reason.toUpperCase().replace(/ /g, '_');
  return err;
}

function finalError(code) {
  if (code === BAD_DECRYPT) return opensslError('1C800064', 'bad decrypt');
  if (code === WRONG_FINAL_BLOCK_LENGTH) return opensslError('1C80006B', 'wrong final block length');
  if (code === UNAUTHENTICATED) return new Error('Unsupported state or unable to authenticate data');
  const err = new Error('Invalid state');
  err.code = 'ERR_CRYPTO_INVALID_STATE';
  return err;
}

const kBufferTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

// A string (in `encoding`), ArrayBuffer or view, as bytes the binding reads.
function toView(value, name, encoding, types = kBufferTypes) {
  if (typeof value === 'string') return Buffer.from(value, encoding === 'buffer' || !encoding ? 'utf8' : encoding);
  if (value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return value;
  throw new ERR_INVALID_ARG_TYPE(name, types, value);
}

function keyBytes(key, encoding) {
  if (key !== null && typeof key === 'object' && typeof key.export === 'function' && key.type === 'secret') {
    return key.export();
  }
  return toView(key, 'key', encoding, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey']);
}

// GCM's tag lengths (OpenSSL's): 4, 8, and 12 to 16 bytes.
function isValidTagLength(n) {
  return n === 4 || n === 8 || (n >= 12 && n <= 16);
}

function initCipher(self, cipher, key, iv, options, encrypt) {
  validateString(cipher, 'cipher');
  if (options !== undefined) validateObject(options, 'options');
  const keyView = keyBytes(key, options?.encoding);
  const ivView = iv === null ? null : toView(iv, 'iv', undefined, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView']);
  let tagLength = -1;
  const info = binding.cipherInfo(cipher);
  if (info !== undefined && info[3] === 'gcm' && options?.authTagLength !== undefined) {
    validateInt32(options.authTagLength, 'options.authTagLength');
    if (!isValidTagLength(options.authTagLength)) throw new ERR_CRYPTO_INVALID_AUTH_TAG(options.authTagLength);
    tagLength = options.authTagLength;
  }
  const id = binding.cipherCreate(cipher, keyView, ivView, encrypt, tagLength);
  if (id === UNKNOWN_CIPHER) throw new ERR_CRYPTO_UNKNOWN_CIPHER();
  if (id === INVALID_KEY_LENGTH) throw new ERR_CRYPTO_INVALID_KEYLEN();
  if (id === INVALID_IV) throw new ERR_CRYPTO_INVALID_IV();
  self[kHandle] = id;
  self[kTagLength] = tagLength;
  self[kAuthTag] = undefined;
  self[kTagSet] = false;
  self._decoder = null;
  LazyTransform.call(self, options);
}

// The decoder of a string output encoding, kept across calls so that a character split
// between two outputs comes out whole.
function decode(self, bytes, encoding, end) {
  if (!encoding || encoding === 'buffer') return bytes;
  if (self._decoder === null) self._decoder = new StringDecoder(encoding);
  else if (self._decoder.encoding !== new StringDecoder(encoding).encoding) {
    throw new codes.ERR_INTERNAL_ASSERTION('Cannot change encoding');
  }
  return end ? self._decoder.end(bytes) : self._decoder.write(bytes);
}

function update(data, inputEncoding, outputEncoding) {
  let view;
  if (typeof data === 'string') {
    if ((inputEncoding === 'hex') && data.length % 2 !== 0) {
      throw new ERR_INVALID_ARG_VALUE('encoding', inputEncoding, `is invalid for data of length ${data.length}`);
    }
    view = Buffer.from(data, inputEncoding === 'buffer' || !inputEncoding ? 'utf8' : inputEncoding);
  } else if (ArrayBuffer.isView(data)) {
    view = data;
  } else {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  const out = this[kHandle] === null ? null : binding.cipherUpdate(this[kHandle], view);
  if (out === null) throw new Error('Trying to add data in unsupported state');
  return decode(this, Buffer.from(out), outputEncoding, false);
}

function final(outputEncoding) {
  const id = this[kHandle];
  this[kHandle] = null;
  const result = id === null ? null : binding.cipherFinal(id);
  if (result === null || typeof result === 'number') throw finalError(result);
  if (result[1] !== null) this[kAuthTag] = Buffer.from(result[1]);
  return decode(this, Buffer.from(result[0]), outputEncoding, true);
}

function setAutoPadding(ap) {
  if (this[kHandle] === null || !binding.cipherSetPadding(this[kHandle], ap === undefined ? true : !!ap)) {
    throw new ERR_CRYPTO_INVALID_STATE('setAutoPadding');
  }
  return this;
}

function setAAD(aadbuf, options) {
  const view = toView(aadbuf, 'buffer', options?.encoding);
  if (options !== undefined) validateObject(options, 'options');
  if (this[kHandle] === null || !binding.cipherSetAAD(this[kHandle], view)) throw new ERR_CRYPTO_INVALID_STATE('setAAD');
  return this;
}

function transform(chunk, encoding, callback) {
  try {
    this.push(this.update(chunk, encoding));
  } catch (err) {
    callback(err);
    return;
  }
  callback();
}

function flush(callback) {
  try {
    this.push(this.final());
  } catch (err) {
    callback(err);
    return;
  }
  callback();
}

function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  initCipher(this, cipher, key, iv, options, true);
}

Cipheriv.prototype.update = update;
Cipheriv.prototype.final = final;
Cipheriv.prototype.setAutoPadding = setAutoPadding;
Cipheriv.prototype.setAAD = setAAD;
Cipheriv.prototype._transform = transform;
Cipheriv.prototype._flush = flush;
Cipheriv.prototype.getAuthTag = function getAuthTag() {
  if (this[kAuthTag] === undefined) throw new ERR_CRYPTO_INVALID_STATE('getAuthTag');
  return this[kAuthTag];
};

function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  initCipher(this, cipher, key, iv, options, false);
}

Decipheriv.prototype.update = update;
Decipheriv.prototype.final = final;
Decipheriv.prototype.finaltol = final;
Decipheriv.prototype.setAutoPadding = setAutoPadding;
Decipheriv.prototype.setAAD = setAAD;
Decipheriv.prototype._transform = transform;
Decipheriv.prototype._flush = flush;
Decipheriv.prototype.setAuthTag = function setAuthTag(tagbuf, encoding) {
  const tag = toView(tagbuf, 'buffer', encoding);
  const id = this[kHandle];
  if (id === null || this[kTagSet] || !binding.cipherIsAead(id)) throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
  const expected = this[kTagLength];
  if (!isValidTagLength(tag.byteLength) || (expected !== -1 && tag.byteLength !== expected)) {
    throw new ERR_CRYPTO_INVALID_AUTH_TAG(tag.byteLength);
  }
  binding.cipherSetAuthTag(id, tag);
  this[kTagSet] = true;
  return this;
};

for (const C of [Cipheriv, Decipheriv]) {
  Object.setPrototypeOf(C.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(C, LazyTransform);
}

function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}

function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}

// OpenSSL's names and ids for the ciphers there are.
const kCipherNames = {
  __proto__: null,
  'aes-128-gcm': 'id-aes128-gcm', 'aes-192-gcm': 'id-aes192-gcm', 'aes-256-gcm': 'id-aes256-gcm',
  'aes-128-wrap': 'id-aes128-wrap', 'aes-192-wrap': 'id-aes192-wrap', 'aes-256-wrap': 'id-aes256-wrap',
  'aes-128-wrap-pad': 'id-aes128-wrap-pad', 'aes-192-wrap-pad': 'id-aes192-wrap-pad', 'aes-256-wrap-pad': 'id-aes256-wrap-pad',
};
const kCipherNids = {
  __proto__: null,
  'aes-128-ecb': 418, 'aes-128-cbc': 419, 'aes-128-ctr': 904, 'aes-128-gcm': 895,
  'aes-192-ecb': 422, 'aes-192-cbc': 423, 'aes-192-ctr': 905, 'aes-192-gcm': 898,
  'aes-256-ecb': 426, 'aes-256-cbc': 427, 'aes-256-ctr': 906, 'aes-256-gcm': 901,
  'aes-128-wrap': 788, 'aes-192-wrap': 789, 'aes-256-wrap': 790,
  'aes-128-wrap-pad': 897, 'aes-192-wrap-pad': 900, 'aes-256-wrap-pad': 903,
};

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'], nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  let keyLength, ivLength;
  if (options !== undefined) {
    validateObject(options, 'options');
    ({ keyLength, ivLength } = options);
    if (keyLength !== undefined) validateInt32(keyLength, 'options.keyLength');
    if (ivLength !== undefined) validateInt32(ivLength, 'options.ivLength');
  }
  let name = nameOrNid;
  if (typeof nameOrNid === 'number') {
    name = Object.keys(kCipherNids).find((n) => kCipherNids[n] === nameOrNid);
    if (name === undefined) return undefined;
  }
  const info = binding.cipherInfo(name);
  if (info === undefined) return undefined;
  const [keyLen, ivLen, blockSize, mode] = info;
  // The padded key wrap is told apart by its 4-byte IV.
  const canonical = `aes-${keyLen * 8}-${mode}${mode === 'wrap' && ivLen === 4 ? '-pad' : ''}`;
  if (keyLength !== undefined && keyLength !== keyLen) return undefined;
  if (ivLength !== undefined && (mode === 'gcm' ? ivLength < 1 : ivLength !== ivLen)) return undefined;
  const result = { mode, name: kCipherNames[canonical] ?? canonical, nid: kCipherNids[canonical], blockSize };
  if (ivLen !== 0) result.ivLength = ivLength ?? ivLen;
  result.keyLength = keyLen;
  return result;
}

function getCiphers() {
  return binding.ciphers.slice().sort();
}

// publicEncrypt and privateDecrypt (RSA, OAEP by default, as in Node). Node 20 refuses
// PKCS#1 v1.5 padding for decryption (CVE-2023-46809); privateEncrypt and publicDecrypt
// (raw PKCS#1 type 1 blocks) are not here.
const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_OAEP_PADDING = 4;
const ERR_PKCS1_DECRYPTION = makeCodeError('ERR_INVALID_ARG_VALUE', TypeError,
  'RSA_PKCS1_PADDING is no longer supported for private decryption, this can be reverted with --security-revert=CVE-2023-46809');

function rsaCrypt(decrypt, key, buffer) {
  const { signingKey, verifyingKey, checked } = require('internal/crypto/keys');
  const options = key !== null && typeof key === 'object' && !ArrayBuffer.isView(key) && typeof key.export !== 'function' ? key : {};
  const { padding = RSA_PKCS1_OAEP_PADDING, oaepHash = 'sha1', oaepLabel } = options;
  const data = toView(buffer, 'buffer', options.encoding);
  if (oaepHash !== undefined) validateString(oaepHash, 'key.oaepHash');
  const label = oaepLabel === undefined ? new Uint8Array(0) : toView(oaepLabel, 'key.oaepLabel');
  if (padding !== RSA_PKCS1_PADDING && padding !== RSA_PKCS1_OAEP_PADDING) {
    throw new codes.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM('crypto (this RSA padding)');
  }
  if (decrypt && padding === RSA_PKCS1_PADDING) {
    throw new ERR_PKCS1_DECRYPTION();
  }
  const [kind, , der] = decrypt ? signingKey(key) : verifyingKey(key);
  if (kind !== 'rsa') {
    const err = new Error('error:03000096:digital envelope routines::operation not supported for this keytype');
    Object.assign(err, { library: 'digital envelope routines', reason: 'operation not supported for this keytype', code: 'ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE' });
    throw err;
  }
  const result = binding.rsaCrypt(decrypt, der, [padding, oaepHash], label, data);
  if (result === 'digest') {
    const err = new Error('Invalid digest used');
    err.code = 'ERR_OSSL_EVP_INVALID_DIGEST';
    throw err;
  }
  return Buffer.from(checked(result));
}

function publicEncrypt(key, buffer) {
  return rsaCrypt(false, key, buffer);
}

function privateDecrypt(key, buffer) {
  return rsaCrypt(true, key, buffer);
}

function rawRsaUnavailable() {
  throw new codes.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM('crypto (privateEncrypt and publicDecrypt)');
}

module.exports = {
  Cipheriv, Decipheriv, createCipheriv, createDecipheriv, getCipherInfo, getCiphers, toView,
  publicEncrypt, privateDecrypt, privateEncrypt: rawRsaUnavailable, publicDecrypt: rawRsaUnavailable,
};
