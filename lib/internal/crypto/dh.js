'use strict';

// crypto's key agreement: ECDH (createECDH, ECDH.convertKey), finite-field Diffie-Hellman
// (createDiffieHellman, getDiffieHellman) and diffieHellman() on EC and X25519 KeyObjects,
// with Node's arguments, encodings and errors. The arithmetic is native (bindings/crypto/dh.rs).

const { Buffer } = require('buffer');
const binding = internalBinding('crypto');
const { codes, validateInt32, validateObject, validateString } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = codes;
const { toView } = require('internal/crypto/cipher');
const groups = require('internal/crypto/dh_groups');
const { KeyObject, opensslError } = require('internal/crypto/keys');

const kBufferTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];
const kHandle = Symbol('kHandle');

// An error as Node's native side throws it: the plain type, with a code.
function coded(Type, code, message) {
  const err = new Type(message);
  err.code = code;
  return err;
}

function modulusTooSmall() {
  return opensslError('0280007E', 'Diffie-Hellman routines', 'modulus too small');
}

function badGenerator() {
  return opensslError('02800065', 'Diffie-Hellman routines', 'bad generator');
}

// The bytes of a string (in `encoding`), ArrayBuffer or view, as a Buffer of its own.
function bytesOf(value, name, encoding, types) {
  const view = toView(value, name, encoding, types);
  return Buffer.from(Buffer.from(view.buffer, view.byteOffset, view.byteLength));
}

// Bytes out, as a Buffer or a string in `encoding`.
function encode(bytes, encoding) {
  const buf = Buffer.from(bytes);
  return encoding && encoding !== 'buffer' ? buf.toString(encoding) : buf;
}

function curveOf(name) {
  validateString(name, 'curve');
  if (!['prime256v1', 'secp256r1', 'P-256', 'secp384r1', 'P-384', 'secp256k1'].includes(name)) {
    throw coded(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
  }
  return name;
}

// A point format's number for the binding.
function formatOf(format) {
  if (format === undefined || format === null || format === 'uncompressed') return 1;
  if (format === 'compressed') return 0;
  if (format === 'hybrid') return 2;
  throw coded(TypeError, 'ERR_CRYPTO_ECDH_INVALID_FORMAT', `Invalid ECDH format: ${format}`);
}

function invalidPublicKey() {
  return coded(Error, 'ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY', 'Public key is not valid for specified curve');
}

// --- ECDH --------------------------------------------------------------------------------

function ECDH(curve) {
  if (!(this instanceof ECDH)) return new ECDH(curve);
  // pairPublicKey: the public key of privateKey (publicKey may be set apart).
  this[kHandle] = { curve: curveOf(curve), privateKey: null, publicKey: null, pairPublicKey: null };
}

ECDH.prototype.generateKeys = function generateKeys(encoding, format) {
  const handle = this[kHandle];
  const [privateKey, publicKey] = binding.ecdhGenerate(handle.curve);
  handle.privateKey = privateKey;
  handle.publicKey = handle.pairPublicKey = publicKey;
  return this.getPublicKey(encoding, format);
};

ECDH.prototype.computeSecret = function computeSecret(key, inputEncoding, outputEncoding) {
  const handle = this[kHandle];
  const peer = toView(key, 'key', inputEncoding, kBufferTypes);
  // A public key set apart from the private one must still be its pair.
  if (handle.privateKey === null || !Buffer.from(handle.publicKey).equals(Buffer.from(handle.pairPublicKey))) {
    throw coded(RangeError, 'ERR_CRYPTO_INVALID_KEYPAIR', 'Invalid key pair');
  }
  const secret = binding.ecdhCompute(handle.curve, handle.privateKey, peer);
  if (typeof secret === 'string') throw invalidPublicKey();
  return encode(secret, outputEncoding);
};

ECDH.prototype.getPublicKey = function getPublicKey(encoding, format) {
  const handle = this[kHandle];
  const form = formatOf(format);
  if (handle.publicKey === null) throw coded(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH public key');
  const point = form === 1 ? handle.publicKey : binding.ecdhConvert(handle.curve, handle.publicKey, form);
  return encode(point, encoding);
};

ECDH.prototype.getPrivateKey = function getPrivateKey(encoding) {
  const handle = this[kHandle];
  if (handle.privateKey === null) throw coded(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH private key');
  // The number's bytes without leading zeros, as OpenSSL gives them.
  const key = Buffer.from(handle.privateKey);
  let start = 0;
  while (start < key.length - 1 && key[start] === 0) start++;
  return encode(key.subarray(start), encoding);
};

ECDH.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  const handle = this[kHandle];
  const privateKey = bytesOf(key, 'key', encoding, kBufferTypes);
  const publicKey = binding.ecdhPublic(handle.curve, privateKey);
  if (typeof publicKey === 'string') {
    throw coded(RangeError, 'ERR_CRYPTO_INVALID_KEYTYPE', 'Private key is not valid for specified curve.');
  }
  handle.privateKey = privateKey;
  handle.publicKey = handle.pairPublicKey = publicKey;
  return this;
};

ECDH.prototype.setPublicKey = function setPublicKey(key, encoding) {
  const handle = this[kHandle];
  const point = binding.ecdhConvert(handle.curve, toView(key, 'key', encoding, kBufferTypes), 1);
  if (typeof point === 'string') throw coded(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to convert Buffer to EC_POINT');
  handle.publicKey = point;
  return this;
};

ECDH.convertKey = function convertKey(key, curve, inEncoding, outEncoding, format) {
  const point = toView(key, 'key', inEncoding, kBufferTypes);
  curveOf(curve);
  const converted = binding.ecdhConvert(curve, point, formatOf(format));
  if (typeof converted === 'string') throw coded(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to convert Buffer to EC_POINT');
  return encode(converted, outEncoding);
};

function createECDH(curve) {
  return new ECDH(curve);
}

// --- finite-field Diffie-Hellman ----------------------------------------------------------

const kSizeTypes = ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

function isBytes(value) {
  return ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof SharedArrayBuffer;
}

function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  if (!(this instanceof DiffieHellman)) return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  if (typeof sizeOrKey !== 'number' && typeof sizeOrKey !== 'string' && !isBytes(sizeOrKey)) {
    throw new ERR_INVALID_ARG_TYPE('sizeOrKey', kSizeTypes, sizeOrKey);
  }
  if (typeof sizeOrKey === 'number') validateInt32(sizeOrKey, 'sizeOrKey');
  // (prime, generator, genEncoding) when the second argument is no encoding.
  if (keyEncoding && !Buffer.isEncoding(keyEncoding) && keyEncoding !== 'buffer') {
    genEncoding = generator;
    generator = keyEncoding;
    keyEncoding = false;
  }
  let generatorBytes;
  if (!generator) {
    generatorBytes = Buffer.from([2]);
  } else if (typeof generator === 'number') {
    validateInt32(generator, 'generator');
    if (generator < 2) throw badGenerator();
    generatorBytes = bigEndian(generator);
  } else if (typeof generator === 'string' || isBytes(generator)) {
    generatorBytes = bytesOf(generator, 'generator', genEncoding, kSizeTypes);
    // As a number, below 2 (OpenSSL's check).
    if (generatorBytes.every((b, i) => b === 0 || (i === generatorBytes.length - 1 && b === 1))) throw badGenerator();
  } else {
    throw new ERR_INVALID_ARG_TYPE('generator', kSizeTypes, generator);
  }
  let prime;
  let verifyError;
  if (typeof sizeOrKey === 'number') {
    if (sizeOrKey < 512) throw modulusTooSmall();
    prime = Buffer.from(binding.dhPrime(sizeOrKey));
    verifyError = 0;
  } else {
    prime = bytesOf(sizeOrKey, 'sizeOrKey', keyEncoding, kSizeTypes);
    verifyError = binding.dhCheck(prime, generatorBytes);
  }
  this[kHandle] = { prime, generator: generatorBytes, privateKey: null, publicKey: null };
  Object.defineProperty(this, 'verifyError', { value: verifyError, enumerable: true, writable: true, configurable: true });
}

function bigEndian(n) {
  const bytes = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Buffer.from(bytes);
}

function dhGenerateKeys(encoding) {
  const handle = this[kHandle];
  if (handle.prime.length * 8 < 512) throw modulusTooSmall();
  const [privateKey, publicKey] = binding.dhGenerate(handle.prime, handle.generator, handle.privateKey ?? undefined);
  handle.privateKey = Buffer.from(privateKey);
  handle.publicKey = Buffer.from(publicKey);
  return encode(handle.publicKey, encoding);
}

function dhComputeSecret(key, inputEncoding, outputEncoding) {
  const handle = this[kHandle];
  const peer = toView(key, 'key', inputEncoding, kBufferTypes);
  if (handle.privateKey === null) throw coded(RangeError, 'ERR_CRYPTO_INVALID_KEYTYPE', 'Invalid key type');
  const secret = binding.dhCompute(handle.prime, handle.privateKey, peer);
  if (secret === 'key too small') throw coded(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Supplied key is too small');
  if (secret === 'key too large') throw coded(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Supplied key is too large');
  return encode(secret, outputEncoding);
}

function dhGetter(field, missing) {
  return function(encoding) {
    const value = this[kHandle][field];
    if (value === null) throw coded(Error, 'ERR_CRYPTO_INVALID_STATE', missing);
    return encode(value, encoding);
  };
}

const dhMethods = {
  generateKeys: dhGenerateKeys,
  computeSecret: dhComputeSecret,
  getPrime: dhGetter('prime'),
  getGenerator: dhGetter('generator'),
  getPublicKey: dhGetter('publicKey', 'No public key - did you forget to generate one?'),
  getPrivateKey: dhGetter('privateKey', 'No private key - did you forget to generate one?'),
};
Object.assign(DiffieHellman.prototype, dhMethods);

DiffieHellman.prototype.setPublicKey = function setPublicKey(key, encoding) {
  this[kHandle].publicKey = bytesOf(key, 'key', encoding, kBufferTypes);
  return this;
};

DiffieHellman.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  const handle = this[kHandle];
  handle.privateKey = bytesOf(key, 'key', encoding, kBufferTypes);
  return this;
};

function DiffieHellmanGroup(name) {
  if (!(this instanceof DiffieHellmanGroup)) return new DiffieHellmanGroup(name);
  validateString(name, 'name');
  if (!Object.hasOwn(groups, name)) throw coded(Error, 'ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group');
  this[kHandle] = { prime: Buffer.from(groups[name], 'hex'), generator: Buffer.from([2]), privateKey: null, publicKey: null };
  Object.defineProperty(this, 'verifyError', { value: 0, enumerable: true, writable: true, configurable: true });
}
Object.assign(DiffieHellmanGroup.prototype, dhMethods);

function createDiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
}

function getDiffieHellman(name) {
  return new DiffieHellmanGroup(name);
}

// --- diffieHellman({ privateKey, publicKey }) ------------------------------------------------

function diffieHellman(options) {
  validateObject(options, 'options');
  const { privateKey, publicKey } = options;
  if (!(privateKey instanceof KeyObject)) throw new ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  if (!(publicKey instanceof KeyObject)) throw new ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  if (privateKey.type !== 'private') throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(privateKey.type, 'private');
  if (publicKey.type !== 'public' && publicKey.type !== 'private') {
    throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(publicKey.type, 'private or public');
  }
  const privateType = privateKey.asymmetricKeyType;
  const publicType = publicKey.asymmetricKeyType;
  if (privateType !== publicType) {
    throw coded(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY',
      `Incompatible key types for Diffie-Hellman: ${privateType} and ${publicType}`);
  }
  if (privateType !== 'ec' && privateType !== 'x25519') {
    throw new codes.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM(`diffieHellman() with ${privateType} keys`);
  }
  const curve = privateKey.asymmetricKeyDetails.namedCurve;
  if (publicKey.asymmetricKeyDetails.namedCurve !== curve) {
    throw opensslError('1C8000CB', 'Provider routines', 'mismatching domain parameters');
  }
  const spki = publicKey.type === 'private' ? require('crypto').createPublicKey(publicKey) : publicKey;
  const [scalar, point] = binding.ecdhKeys(
    privateKey.export({ format: 'der', type: 'pkcs8' }), spki.export({ format: 'der', type: 'spki' }));
  const secret = privateType === 'x25519' ? binding.x25519Compute(scalar, point) : binding.ecdhCompute(curve, scalar, point);
  if (typeof secret === 'string') {
    // OpenSSL's refusal of a peer key of small order (an all-zero secret).
    if (privateType === 'x25519') {
      throw opensslError('1C8000A4', 'Provider routines', 'failed during derivation');
    }
    throw invalidPublicKey();
  }
  return Buffer.from(secret);
}

module.exports = {
  ECDH, createECDH, DiffieHellman, DiffieHellmanGroup, createDiffieHellman, getDiffieHellman, diffieHellman,
};
