'use strict';

// crypto's signatures: Sign and Verify (writable streams that gather the message), and
// the one-shot sign() and verify(). RSA (PKCS#1 v1.5 and PSS), ECDSA (DER or IEEE P1363
// encoded) and Ed25519, made and checked natively (bindings/crypto/keys.rs over ring, and
// rsa_ops.rs for the RSA keys, digests and salts ring does not take).

const { Buffer } = require('buffer');
const { Writable } = require('stream');
const binding = internalBinding('crypto');
const { codes, validateFunction, validateString } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_CRYPTO_INVALID_DIGEST } = codes;
const { signingKey, verifyingKey, checked } = require('internal/crypto/keys');
const { toView } = require('internal/crypto/cipher');

const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_PSS_PADDING = 6;
const RSA_PSS_SALTLEN_DIGEST = -1;
const RSA_PSS_SALTLEN_MAX_SIGN = -2;

// A digest name as Node's signatures take it (RSA-SHA256, sha256WithRSAEncryption, …),
// its output size, or undefined for one there is none of.
function digestSizeOf(name) {
  const n = name.toLowerCase().replace(/^rsa-/, '').replace(/^ecdsa-with-/, '').replace(/withrsaencryption$/, '');
  return binding.digestSize(n);
}

const messageBytes = (data, name, encoding) => toView(data, name, encoding);

// [pss, p1363, saltLength] from a key argument's options.
function schemeOf(key, digestSize) {
  const options = key !== null && typeof key === 'object' && !ArrayBuffer.isView(key) && typeof key.export !== 'function' ? key : {};
  const { padding, saltLength, dsaEncoding } = options;
  if (padding !== undefined && padding !== RSA_PKCS1_PADDING && padding !== RSA_PKCS1_PSS_PADDING) {
    if (typeof padding !== 'number') throw new ERR_INVALID_ARG_VALUE('options.padding', padding);
    throw new codes.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM('crypto (this RSA padding)');
  }
  if (saltLength !== undefined && (!Number.isInteger(saltLength) || saltLength < RSA_PSS_SALTLEN_MAX_SIGN)) {
    throw new ERR_INVALID_ARG_VALUE('options.saltLength', saltLength);
  }
  if (dsaEncoding !== undefined && dsaEncoding !== 'der' && dsaEncoding !== 'ieee-p1363') {
    throw new ERR_INVALID_ARG_VALUE('options.dsaEncoding', dsaEncoding);
  }
  // The salt length as the binding reads it (-3: not given).
  const salt = saltLength === undefined ? -3 : saltLength === digestSize ? RSA_PSS_SALTLEN_DIGEST : saltLength;
  return [padding === RSA_PKCS1_PSS_PADDING ? 1 : 0, dsaEncoding === 'ieee-p1363' ? 1 : 0, salt];
}

function checkKeyArg(key) {
  if (key === undefined || key === null) throw new codes.ERR_CRYPTO_SIGN_KEY_REQUIRED();
}

// Signs `data` (bytes) with a key argument; `algorithm` null for the key's default.
function signWith(algorithm, data, key) {
  checkKeyArg(key);
  const size = algorithm == null ? 32 : digestSizeOf(algorithm);
  if (size === undefined) throw new ERR_CRYPTO_INVALID_DIGEST(algorithm);
  const scheme = schemeOf(key, size);
  const [kind, curve, der] = signingKey(key);
  if (kind === 'ed25519' && algorithm != null) throw require('internal/crypto/keys').keyError('digest');
  return Buffer.from(checked(binding.sign(kind, curve, der, algorithm ?? null, scheme, data)));
}

function verifyWith(algorithm, data, key, signature) {
  checkKeyArg(key);
  const size = algorithm == null ? 32 : digestSizeOf(algorithm);
  if (size === undefined) throw new ERR_CRYPTO_INVALID_DIGEST(algorithm);
  const scheme = schemeOf(key, size);
  const [kind, curve, der] = verifyingKey(key);
  if (kind === 'ed25519' && algorithm != null) throw require('internal/crypto/keys').keyError('digest');
  return checked(binding.verify(kind, curve, der, algorithm ?? null, scheme, [data, signature]));
}

// Sign's and Verify's error for an unknown digest (Node's native one, without the name).
function checkAlgorithm(algorithm) {
  validateString(algorithm, 'algorithm');
  if (digestSizeOf(algorithm) === undefined) {
    const err = new TypeError('Invalid digest');
    err.code = 'ERR_CRYPTO_INVALID_DIGEST';
    throw err;
  }
}

function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  checkAlgorithm(algorithm);
  this._algorithm = algorithm;
  this._chunks = [];
  Writable.call(this, options);
}
Object.setPrototypeOf(Sign.prototype, Writable.prototype);
Object.setPrototypeOf(Sign, Writable);

Sign.prototype._write = function(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};

Sign.prototype.update = function(data, encoding) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  this._chunks.push(Buffer.from(messageBytes(data, 'data', encoding)));
  return this;
};

Sign.prototype.sign = function(privateKey, encoding) {
  const sig = signWith(this._algorithm, Buffer.concat(this._chunks), privateKey);
  return encoding && encoding !== 'buffer' ? sig.toString(encoding) : sig;
};

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  checkAlgorithm(algorithm);
  this._algorithm = algorithm;
  this._chunks = [];
  Writable.call(this, options);
}
Object.setPrototypeOf(Verify.prototype, Writable.prototype);
Object.setPrototypeOf(Verify, Writable);
Verify.prototype._write = Sign.prototype._write;
Verify.prototype.update = Sign.prototype.update;

Verify.prototype.verify = function(object, signature, sigEncoding) {
  const sig = messageBytes(signature, 'signature', sigEncoding);
  return verifyWith(this._algorithm, Buffer.concat(this._chunks), object, sig);
};

function createSign(algorithm, options) {
  return new Sign(algorithm, options);
}

function createVerify(algorithm, options) {
  return new Verify(algorithm, options);
}

// A result now, or through `callback` on the next tick (Node runs the job on its pool).
function settle(fn, callback) {
  if (callback === undefined) return fn();
  validateFunction(callback, 'callback');
  let result, error = null;
  try {
    result = fn();
  } catch (err) {
    error = err;
  }
  process.nextTick(callback, error, result);
}

function sign(algorithm, data, key, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  const bytes = messageBytes(data, 'data');
  return settle(() => signWith(algorithm, bytes, key), callback);
}

function verify(algorithm, data, key, signature, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  const bytes = messageBytes(data, 'data');
  if (!ArrayBuffer.isView(signature) && !(signature instanceof ArrayBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('signature', ['Buffer', 'TypedArray', 'DataView'], signature);
  }
  const sig = signature instanceof ArrayBuffer ? new Uint8Array(signature) : signature;
  return settle(() => verifyWith(algorithm, bytes, key, sig), callback);
}

module.exports = { Sign, Verify, createSign, createVerify, sign, verify };
