'use strict';

// crypto's key generation: RSA (RustCrypto's rsa), EC (P-256, P-384) and Ed25519 (ring) key
// pairs, returned as KeyObjects or encoded as publicKeyEncoding/privateKeyEncoding ask;
// secret HMAC and AES keys from random bytes.

const binding = internalBinding('crypto');
const { codes, validateFunction, validateObject, validateString, validateInteger, validateOneOf, validateUint32 } = require('internal/errors');
const { ERR_INVALID_ARG_VALUE } = codes;
const { makeAsymmetric, createSecretKey, checked } = require('internal/crypto/keys');

const kCurves = { 'P-256': 'prime256v1', prime256v1: 'prime256v1', secp256r1: 'prime256v1', 'P-384': 'secp384r1', secp384r1: 'secp384r1' };
// Curves OpenSSL has and this build does not.
const kOtherCurves = new Set(['P-521', 'secp521r1', 'secp256k1', 'secp224r1', 'prime192v1', 'brainpoolP256r1', 'brainpoolP384r1', 'brainpoolP512r1']);
const kOtherTypes = new Set(['rsa-pss', 'dsa', 'ed448', 'x448', 'dh']);

function encodeKey(key, encoding, name) {
  if (encoding === undefined) return key;
  validateObject(encoding, name);
  if (encoding.format === 'jwk') return key.export({ format: 'jwk' });
  return key.export(encoding);
}

function generate(type, options) {
  validateString(type, 'type');
  if (options !== undefined) validateObject(options, 'options');
  let curve = null;
  if (type === 'rsa') return encodePair(generateRsa(options), options);
  if (type === 'ec') {
    validateString(options?.namedCurve, 'options.namedCurve');
    curve = kCurves[options.namedCurve];
    if (curve === undefined) {
      if (kOtherCurves.has(options.namedCurve)) throw new codes.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM(`crypto (${options.namedCurve} keys)`);
      throw new codes.ERR_CRYPTO_INVALID_CURVE();
    }
  } else if (type !== 'ed25519' && type !== 'x25519') {
    if (kOtherTypes.has(type)) throw new codes.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM(`crypto (${type} key generation)`);
    throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  }
  return encodePair([type, curve, checked(binding.keyGenerate(type, curve))], options);
}

// A new RSA key's parts, with OpenSSL's limits: at least 512 bits, an odd exponent above 1.
function generateRsa(options) {
  validateObject(options, 'options');
  const { modulusLength, publicExponent = 0x10001 } = options;
  validateUint32(modulusLength, 'options.modulusLength');
  validateUint32(publicExponent, 'options.publicExponent');
  if (modulusLength < 512) throw new Error('error:1C8000AB:Provider routines::key size too small');
  if (publicExponent < 3 || publicExponent % 2 === 0) throw new Error('error:020000B2:rsa routines::pub exponent out of range');
  return ['rsa', null, checked(binding.keyGenerateRsa(modulusLength, publicExponent))];
}

function encodePair(parts, options) {
  const [type, curve, der] = parts;
  const privateKey = makeAsymmetric('private', parts);
  const publicKey = makeAsymmetric('public', [type, curve, checked(binding.keyPublic(type, curve, der))]);
  return {
    publicKey: encodeKey(publicKey, options?.publicKeyEncoding, 'options.publicKeyEncoding'),
    privateKey: encodeKey(privateKey, options?.privateKeyEncoding, 'options.privateKeyEncoding'),
  };
}

function generateKeyPairSync(type, options) {
  return generate(type, options);
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const { publicKey, privateKey } = generate(type, options);
  process.nextTick(callback, null, publicKey, privateKey);
}

// util.promisify(generateKeyPair) resolves to { publicKey, privateKey }, as in Node.
Object.defineProperty(generateKeyPair, Symbol.for('unode.util.promisify.customArgs'), {
  value: ['publicKey', 'privateKey'],
  enumerable: false,
});

function secretKey(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  if (type === 'hmac') validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
  else if (type === 'aes') validateOneOf(length, 'options.length', [128, 192, 256]);
  else throw new ERR_INVALID_ARG_VALUE('type', type, "must be a supported key type");
  return createSecretKey(require('crypto').randomBytes(Math.floor(length / 8)));
}

function generateKeySync(type, options) {
  return secretKey(type, options);
}

function generateKey(type, options, callback) {
  validateFunction(callback, 'callback');
  const key = secretKey(type, options);
  process.nextTick(callback, null, key);
}

module.exports = { generateKeyPair, generateKeyPairSync, generateKey, generateKeySync };
