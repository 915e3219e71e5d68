'use strict';

// crypto's key derivations: pbkdf2, scrypt and hkdf, with Node's argument checks and
// errors. The derivation runs natively, inline for the Sync forms and on the pool for the
// callback forms (as Node runs them on libuv's).

const { Buffer } = require('buffer');
const binding = internalBinding('crypto');
const { poolRequest } = require('internal/event_loop');
const {
  codes, validateFunction, validateInt32, validateInteger, validateString, validateUint32,
} = require('internal/errors');
const {
  ERR_CRYPTO_INVALID_DIGEST, ERR_CRYPTO_INVALID_KEYLEN, ERR_CRYPTO_INVALID_SCRYPT_PARAMS,
  ERR_CRYPTO_SCRYPT_INVALID_PARAMETER, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE,
} = codes;
const { toView } = require('internal/crypto/cipher');

const kMaxLength = 2 ** 31 - 1;

// Runs a derivation on the pool; `callback(err, result)` after.
function run(start, callback, wrap) {
  poolRequest(start, (err, bytes) => {
    if (err) callback(err);
    else callback(null, wrap(bytes));
  });
}

function checkDigest(digest) {
  if (binding.digestSize(digest) === undefined) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
}

function pbkdf2Args(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = toView(password, 'password');
  salt = toView(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  checkDigest(digest);
  return [digest, password, salt, iterations, keylen];
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  const args = pbkdf2Args(password, salt, iterations, keylen, digest);
  validateFunction(callback, 'callback');
  run((id) => binding.pbkdf2(...args, id), callback, (b) => b);
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  return binding.pbkdf2(...pbkdf2Args(password, salt, iterations, keylen, digest));
}

const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

// One of scrypt's parameters, given under its short or long name (not both).
function scryptParam(options, short, long, value) {
  const hasShort = options[short] !== undefined;
  if (hasShort) {
    value = options[short];
    validateUint32(value, short);
  }
  if (options[long] !== undefined) {
    if (hasShort) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
    value = options[long];
    validateUint32(value, long);
  }
  return value;
}

function scryptArgs(password, salt, keylen, options) {
  password = toView(password, 'password');
  salt = toView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = scryptDefaults;
  if (options && options !== scryptDefaults) {
    N = scryptParam(options, 'N', 'cost', N);
    r = scryptParam(options, 'r', 'blockSize', r);
    p = scryptParam(options, 'p', 'parallelization', p);
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    if (N === 0) N = scryptDefaults.N;
    if (r === 0) r = scryptDefaults.r;
    if (p === 0) p = scryptDefaults.p;
    if (maxmem === 0) maxmem = scryptDefaults.maxmem;
  }
  // OpenSSL's checks: the shape of N, then the sizes, each of which it reports as memory
  // (r * p reaching 2^30, N reaching 2^(16 r), the working memory over maxmem).
  if (N < 2 || (N & (N - 1)) !== 0) throw new ERR_CRYPTO_INVALID_SCRYPT_PARAMS();
  if (r * p >= 2 ** 30 || (16 * r <= 63 && N >= 2 ** (16 * r)) || binding.scryptMemory(N, r, p) > maxmem) {
    throw new ERR_CRYPTO_INVALID_SCRYPT_PARAMS('error:030000AC:digital envelope routines::memory limit exceeded');
  }
  return [password, salt, [N, r, p], keylen];
}

function scrypt(password, salt, keylen, options, callback = scryptDefaults) {
  if (callback === scryptDefaults) {
    callback = options;
    options = scryptDefaults;
  }
  const args = scryptArgs(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  run((id) => binding.scrypt(...args, id), callback, (b) => b);
}

function scryptSync(password, salt, keylen, options = scryptDefaults) {
  return binding.scrypt(...scryptArgs(password, salt, keylen, options));
}

// HKDF's inputs, named in its error as Node names them.
const kHkdfSourceTypes = ['string', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'];
const byteSource = (value, name) => toView(value, name, undefined, kHkdfSourceTypes);

function hkdfArgs(hash, key, salt, info, length) {
  validateString(hash, 'digest');
  if (key !== null && typeof key === 'object' && typeof key.export === 'function' && key.type === 'secret') {
    key = key.export();
  } else if (typeof key !== 'string' && !ArrayBuffer.isView(key) && !(key instanceof ArrayBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('ikm', ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], key);
  }
  key = byteSource(key, 'ikm');
  salt = byteSource(salt, 'salt');
  info = byteSource(info, 'info');
  validateInteger(length, 'length', 0, kMaxLength);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  const size = binding.digestSize(hash);
  if (size === undefined) throw new ERR_CRYPTO_INVALID_DIGEST(hash);
  if (length > 255 * size) throw new ERR_CRYPTO_INVALID_KEYLEN();
  return [hash, key, salt, info, length];
}

// HKDF's result is an ArrayBuffer, not a Buffer.
function toArrayBuffer(buf) {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
}

function hkdf(hash, key, salt, info, length, callback) {
  const args = hkdfArgs(hash, key, salt, info, length);
  validateFunction(callback, 'callback');
  run((id) => binding.hkdf(...args, id), callback, toArrayBuffer);
}

function hkdfSync(hash, key, salt, info, length) {
  return toArrayBuffer(binding.hkdf(...hkdfArgs(hash, key, salt, info, length)));
}

module.exports = { pbkdf2, pbkdf2Sync, scrypt, scryptSync, hkdf, hkdfSync };
