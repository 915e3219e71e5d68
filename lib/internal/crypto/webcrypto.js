'use strict';

// WebCrypto's SubtleCrypto and CryptoKey (globalThis.crypto.subtle, crypto.webcrypto), over
// node:crypto's own pieces: digests, HMAC, AES-GCM/CBC/CTR, AES-KW, PBKDF2, HKDF, ECDH
// (P-256, P-384) and X25519, the RSA (PKCS#1 v1.5, PSS), ECDSA (P-256, P-384) and Ed25519
// keys and signatures there are, RSA-OAEP, and generated RSA, EC, Ed25519, X25519, HMAC
// and AES keys. Ed448 and X448 are not (NotSupportedError).

const { Buffer } = require('buffer');
const crypto = require('crypto');

const kSlots = Symbol('kSlots');

function domError(message, name) {
  return new DOMException(message, name);
}

// A BufferSource's bytes.
function bytesOf(data, name = 'data') {
  if (data instanceof ArrayBuffer || data instanceof SharedArrayBuffer) return Buffer.from(new Uint8Array(data));
  if (ArrayBuffer.isView(data)) return Buffer.from(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  throw new TypeError(`Failed to execute on 'SubtleCrypto': ${name} is not of type BufferSource`);
}

function arrayBuffer(buf) {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
}

const kAlgorithmNames = [
  'RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP', 'ECDSA', 'ECDH', 'Ed25519', 'X25519', 'Ed448', 'X448',
  'AES-CTR', 'AES-CBC', 'AES-GCM', 'AES-KW', 'HMAC', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'PBKDF2', 'HKDF',
];
const kUnsupported = new Set(['Ed448', 'X448']);
const kHashes = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
const kHashBlockBits = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 };
const kCurves = { 'P-256': 'prime256v1', 'P-384': 'secp384r1' };

// An algorithm identifier (a name or a dictionary) with its name made canonical.
function normalize(algorithm) {
  const alg = typeof algorithm === 'string' ? { name: algorithm } : algorithm;
  if (alg === null || typeof alg !== 'object' || typeof alg.name !== 'string') {
    throw new TypeError('Algorithm: name: Missing or not a string');
  }
  const name = kAlgorithmNames.find((n) => n.toLowerCase() === alg.name.toLowerCase());
  if (name === undefined || kUnsupported.has(name)) throw domError('Unrecognized algorithm name', 'NotSupportedError');
  return { ...alg, name };
}

function hashOf(hash) {
  if (hash === undefined) throw new TypeError("Failed to read the 'hash' property: required member is undefined");
  const name = normalize(hash).name;
  if (!(name in kHashes)) throw domError('Unrecognized algorithm name', 'NotSupportedError');
  return name;
}

// Usages each kind of key may have.
const kUsages = {
  HMAC: { secret: ['sign', 'verify'] },
  'AES-GCM': { secret: ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] },
  'AES-CBC': { secret: ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] },
  'AES-CTR': { secret: ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] },
  'AES-KW': { secret: ['wrapKey', 'unwrapKey'] },
  PBKDF2: { secret: ['deriveKey', 'deriveBits'] },
  HKDF: { secret: ['deriveKey', 'deriveBits'] },
  'RSASSA-PKCS1-v1_5': { private: ['sign'], public: ['verify'] },
  'RSA-PSS': { private: ['sign'], public: ['verify'] },
  'RSA-OAEP': { private: ['decrypt', 'unwrapKey'], public: ['encrypt', 'wrapKey'] },
  ECDSA: { private: ['sign'], public: ['verify'] },
  ECDH: { private: ['deriveKey', 'deriveBits'], public: [] },
  X25519: { private: ['deriveKey', 'deriveBits'], public: [] },
  Ed25519: { private: ['sign'], public: ['verify'] },
};

const kUsageNouns = { HMAC: 'an HMAC', PBKDF2: 'a PBKDF2', HKDF: 'an HKDF', ECDSA: 'an ECDSA', ECDH: 'an ECDH', X25519: 'an X25519', Ed25519: 'an Ed25519' };
function usageNoun(name) {
  if (name.startsWith('AES')) return 'an AES';
  if (name.startsWith('RSA')) return 'an RSA';
  return kUsageNouns[name];
}

function checkUsages(name, type, usages) {
  const allowed = kUsages[name][type] ?? [];
  for (const u of usages) {
    if (!allowed.includes(u)) throw domError(`Unsupported key usage for ${usageNoun(name)} key`, 'SyntaxError');
  }
}

class CryptoKey {
  constructor() {
    throw new TypeError('Illegal constructor');
  }

  get type() {
    return slots(this).type;
  }

  get extractable() {
    return slots(this).extractable;
  }

  get algorithm() {
    return slots(this).algorithm;
  }

  get usages() {
    return slots(this).usages;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const { type, extractable, algorithm, usages } = slots(this);
    const inner = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `CryptoKey ${inspect({ type, extractable, algorithm, usages }, inner)}`;
  }
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: 'CryptoKey', configurable: true });

function slots(key) {
  const s = key?.[kSlots];
  if (s === undefined) throw new TypeError('Illegal invocation');
  return s;
}

function makeKey(keyObject, algorithm, extractable, usages) {
  const key = Object.create(CryptoKey.prototype);
  key[kSlots] = { type: keyObject.type, extractable, algorithm, usages: [...new Set(usages)], keyObject };
  return key;
}

function isCryptoKey(value) {
  return value !== null && typeof value === 'object' && value[kSlots] !== undefined;
}

function requireKey(key, name) {
  if (!isCryptoKey(key)) throw new TypeError(`Failed to execute on 'SubtleCrypto': ${name} is not of type CryptoKey`);
  return slots(key);
}

// The key's algorithm must be `name` and its usages must include `usage`.
function usable(key, name, usage, verb) {
  const s = requireKey(key, 'key');
  if (!s.usages.includes(usage)) throw domError(verb ? `Unable to use this key to ${verb}` : 'The requested operation is not valid for the provided key', 'InvalidAccessError');
  if (s.algorithm.name !== name) throw domError('The requested operation is not valid for the provided key', 'InvalidAccessError');
  return s;
}

async function digest(algorithm, data) {
  const name = normalize(algorithm).name;
  if (!(name in kHashes)) throw domError('Unrecognized algorithm name', 'NotSupportedError');
  return arrayBuffer(crypto.createHash(kHashes[name]).update(bytesOf(data)).digest());
}

// --- keys ------------------------------------------------------------------------------

function secretAlgorithm(alg, length) {
  if (alg.name === 'HMAC') return { name: 'HMAC', hash: { name: hashOf(alg.hash) }, length };
  if (alg.name.startsWith('AES')) return { name: alg.name, length };
  return { name: alg.name };
}

function importSecret(alg, bytes, extractable, usages) {
  if (alg.name.startsWith('AES')) {
    if (![16, 24, 32].includes(bytes.length)) throw domError('Invalid key length', 'DataError');
  } else if (alg.name === 'HMAC') {
    if (bytes.length === 0) throw domError('Zero-length key is not supported', 'DataError');
    if (alg.length !== undefined && alg.length !== bytes.length * 8) throw domError('Invalid key length', 'DataError');
  } else if (extractable) {
    throw domError(`${alg.name} keys are not extractable`, 'SyntaxError');
  }
  checkUsages(alg.name, 'secret', usages);
  if (usages.length === 0) throw domError('Usages cannot be empty when importing a secret key.', 'SyntaxError');
  return makeKey(crypto.createSecretKey(bytes), secretAlgorithm(alg, bytes.length * 8), extractable, usages);
}

function asymmetricAlgorithm(alg, keyObject) {
  const kind = keyObject.asymmetricKeyType;
  if (alg.name === 'ECDSA' || alg.name === 'ECDH') {
    if (kind !== 'ec') throw domError('Invalid key type', 'DataError');
    const curve = Object.keys(kCurves).find((c) => kCurves[c] === keyObject.asymmetricKeyDetails.namedCurve);
    if (alg.namedCurve !== curve) throw domError('Named curve mismatch', 'DataError');
    return { name: alg.name, namedCurve: curve };
  }
  if (alg.name === 'Ed25519' || alg.name === 'X25519') {
    if (kind !== alg.name.toLowerCase()) throw domError('Invalid key type', 'DataError');
    return { name: alg.name };
  }
  if (kind !== 'rsa') throw domError('Invalid key type', 'DataError');
  const { modulusLength, publicExponent } = keyObject.asymmetricKeyDetails;
  let hex = publicExponent.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  return { name: alg.name, modulusLength, publicExponent: new Uint8Array(Buffer.from(hex, 'hex')), hash: { name: hashOf(alg.hash) } };
}

function importAsymmetric(alg, keyObject, extractable, usages) {
  const algorithm = asymmetricAlgorithm(alg, keyObject);
  checkUsages(alg.name, keyObject.type, usages);
  if (keyObject.type === 'private' && usages.length === 0) {
    throw domError('Usages cannot be empty when importing a private key.', 'SyntaxError');
  }
  return makeKey(keyObject, algorithm, extractable, usages);
}

// An EC, Ed25519 or X25519 public key from its raw form (an uncompressed point, or 32
// bytes).
function rawPublic(alg, bytes) {
  if (alg.name === 'Ed25519' || alg.name === 'X25519') {
    if (bytes.length !== 32) throw domError(`${alg.name} raw keys must be exactly 32-bytes`, 'DataError');
    return crypto.createPublicKey({ key: { kty: 'OKP', crv: alg.name, x: bytes.toString('base64url') }, format: 'jwk' });
  }
  const n = alg.namedCurve === 'P-384' ? 48 : 32;
  if (!(alg.namedCurve in kCurves)) throw domError('Unrecognized namedCurve', 'NotSupportedError');
  if (bytes.length !== 1 + 2 * n || bytes[0] !== 4) throw domError('Invalid keyData', 'DataError');
  const jwk = { kty: 'EC', crv: alg.namedCurve, x: bytes.subarray(1, 1 + n).toString('base64url'), y: bytes.subarray(1 + n).toString('base64url') };
  return crypto.createPublicKey({ key: jwk, format: 'jwk' });
}

function keyObjectFrom(format, data, isPrivate) {
  try {
    if (format === 'jwk') return (isPrivate ? crypto.createPrivateKey : crypto.createPublicKey)({ key: data, format: 'jwk' });
    const type = format === 'spki' ? 'spki' : 'pkcs8';
    return (isPrivate ? crypto.createPrivateKey : crypto.createPublicKey)({ key: data, format: 'der', type });
  } catch (err) {
    if (err.code === 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM') throw domError(err.message, 'NotSupportedError');
    throw domError('Invalid keyData', 'DataError');
  }
}

async function importKey(format, keyData, algorithm, extractable, keyUsages) {
  const alg = normalize(algorithm);
  if (!(alg.name in kUsages)) throw domError('Unrecognized algorithm name', 'NotSupportedError');
  extractable = !!extractable;
  const usages = [...keyUsages];
  const secret = kUsages[alg.name].secret !== undefined;
  if (format === 'raw') {
    const bytes = bytesOf(keyData, 'keyData');
    if (secret) return importSecret(alg, bytes, extractable, usages);
    if (!['ECDSA', 'ECDH', 'Ed25519', 'X25519'].includes(alg.name)) {
      throw domError('Unable to import RSA key with format raw', 'NotSupportedError');
    }
    return importAsymmetric(alg, rawPublic(alg, bytes), extractable, usages);
  }
  if (format === 'jwk') {
    if (keyData === null || typeof keyData !== 'object') throw new TypeError('keyData must be a JsonWebKey');
    if (keyData.ext === false && extractable) throw domError('JWK "ext" Parameter and extractable mismatch', 'DataError');
    if (secret) {
      if (keyData.kty !== 'oct' || typeof keyData.k !== 'string') throw domError('Invalid keyData', 'DataError');
      const bytes = Buffer.from(keyData.k, 'base64url');
      checkJwkAlg(keyData, alg, bytes.length * 8);
      return importSecret(alg, bytes, extractable, usages);
    }
    checkJwkAlg(keyData, alg);
    return importAsymmetric(alg, keyObjectFrom('jwk', keyData, keyData.d !== undefined), extractable, usages);
  }
  if (format === 'spki' || format === 'pkcs8') {
    if (secret) throw domError(`Unable to import ${alg.name} key with format ${format}`, 'NotSupportedError');
    return importAsymmetric(alg, keyObjectFrom(format, bytesOf(keyData, 'keyData'), format === 'pkcs8'), extractable, usages);
  }
  throw new TypeError(`Failed to execute 'importKey' on 'SubtleCrypto': The provided value '${format}' is not a valid enum value of type KeyFormat.`);
}

// A JWK's "alg", when it has one, must be the algorithm it is imported for.
function checkJwkAlg(jwk, alg, bits) {
  if (jwk.alg === undefined) return;
  let matches = true;
  if (alg.name === 'HMAC') {
    matches = jwk.alg === kJwkAlgs.HMAC[hashOf(alg.hash)];
  } else if (alg.name.startsWith('RSA')) {
    // Node compares only the digest an RSA "alg" names (RS256 and PS256 alike).
    matches = ['RS', 'PS'].some((p) => jwk.alg === p + kJwkAlgs.HMAC[hashOf(alg.hash)].slice(2));
  } else if (alg.name.startsWith('AES')) {
    matches = jwk.alg === `A${bits}${alg.name.slice(4)}`;
  }
  if (!matches) throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
}

const kJwkAlgs = {
  HMAC: { 'SHA-1': 'HS1', 'SHA-256': 'HS256', 'SHA-384': 'HS384', 'SHA-512': 'HS512' },
  'RSASSA-PKCS1-v1_5': { 'SHA-1': 'RS1', 'SHA-256': 'RS256', 'SHA-384': 'RS384', 'SHA-512': 'RS512' },
  'RSA-PSS': { 'SHA-1': 'PS1', 'SHA-256': 'PS256', 'SHA-384': 'PS384', 'SHA-512': 'PS512' },
};

async function exportKey(format, key) {
  const s = requireKey(key, 'key');
  if (!s.extractable) throw domError('key is not extractable', 'InvalidAccessException');
  const { keyObject, algorithm } = s;
  if (format === 'raw') {
    if (s.type === 'secret') return arrayBuffer(keyObject.export());
    if (s.type === 'public' && ['ECDSA', 'ECDH', 'Ed25519', 'X25519'].includes(algorithm.name)) {
      const jwk = keyObject.export({ format: 'jwk' });
      const parts = jwk.kty === 'OKP' ? [Buffer.from(jwk.x, 'base64url')] :
        [Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')];
      return arrayBuffer(Buffer.concat(parts));
    }
    throw domError('Unable to export a raw key of this type', 'InvalidAccessError');
  }
  if (format === 'spki' || format === 'pkcs8') {
    if (s.type !== (format === 'spki' ? 'public' : 'private')) throw domError('Unable to export key in this format', 'InvalidAccessError');
    return arrayBuffer(keyObject.export({ type: format, format: 'der' }));
  }
  if (format === 'jwk') {
    const jwk = { key_ops: s.usages, ext: true };
    if (s.type === 'secret') {
      Object.assign(jwk, { kty: 'oct', k: keyObject.export().toString('base64url') });
      if (algorithm.name === 'HMAC') jwk.alg = kJwkAlgs.HMAC[algorithm.hash.name];
      else if (algorithm.name.startsWith('AES')) jwk.alg = `A${algorithm.length}${algorithm.name.slice(4)}`;
      return jwk;
    }
    Object.assign(jwk, keyObject.export({ format: 'jwk' }));
    if (algorithm.name in kJwkAlgs) jwk.alg = kJwkAlgs[algorithm.name][algorithm.hash.name];
    else if (algorithm.name === 'Ed25519') jwk.alg = 'Ed25519';
    return jwk;
  }
  throw new TypeError(`Failed to execute 'exportKey' on 'SubtleCrypto': The provided value '${format}' is not a valid enum value of type KeyFormat.`);
}

async function generateKey(algorithm, extractable, keyUsages) {
  const alg = normalize(algorithm);
  const usages = [...keyUsages];
  extractable = !!extractable;
  if (alg.name === 'HMAC' || alg.name.startsWith('AES')) {
    const bits = alg.name === 'HMAC' ? alg.length ?? kHashBlockBits[hashOf(alg.hash)] : alg.length;
    if (alg.name !== 'HMAC' && ![128, 192, 256].includes(bits)) throw domError('AES key length must be 128, 192, or 256 bits', 'OperationError');
    checkUsages(alg.name, 'secret', usages);
    if (usages.length === 0) throw domError('Usages cannot be empty when creating a key.', 'SyntaxError');
    const bytes = crypto.randomBytes(Math.ceil(bits / 8));
    return makeKey(crypto.createSecretKey(bytes), secretAlgorithm(alg, bits), extractable, usages);
  }
  if (alg.name === 'ECDH' || alg.name === 'X25519') {
    checkUsages(alg.name, 'private', usages);
    if (alg.name === 'ECDH' && !(alg.namedCurve in kCurves)) throw domError('Unrecognized namedCurve', 'NotSupportedError');
    if (usages.length === 0) throw domError('Usages cannot be empty when creating a key.', 'SyntaxError');
    const pair = alg.name === 'ECDH' ? crypto.generateKeyPairSync('ec', { namedCurve: alg.namedCurve }) :
      crypto.generateKeyPairSync('x25519');
    const algorithmOf = alg.name === 'ECDH' ? { name: 'ECDH', namedCurve: alg.namedCurve } : { name: 'X25519' };
    // The usages in the order Node lists them.
    const privateUsages = kUsages[alg.name].private.filter((u) => usages.includes(u));
    return {
      publicKey: makeKey(pair.publicKey, algorithmOf, true, []),
      privateKey: makeKey(pair.privateKey, { ...algorithmOf }, extractable, privateUsages),
    };
  }
  if (alg.name === 'ECDSA' || alg.name === 'Ed25519') {
    for (const u of usages) {
      if (u !== 'sign' && u !== 'verify') throw domError(`Unsupported key usage for ${usageNoun(alg.name)} key`, 'SyntaxError');
    }
    let pair;
    if (alg.name === 'ECDSA') {
      if (!(alg.namedCurve in kCurves)) throw domError('Unrecognized namedCurve', 'NotSupportedError');
      pair = crypto.generateKeyPairSync('ec', { namedCurve: alg.namedCurve });
    } else {
      pair = crypto.generateKeyPairSync('ed25519');
    }
    const privateUsages = usages.filter((u) => u === 'sign');
    if (privateUsages.length === 0) throw domError('Usages cannot be empty when creating a key.', 'SyntaxError');
    const algorithmOf = alg.name === 'ECDSA' ? { name: 'ECDSA', namedCurve: alg.namedCurve } : { name: 'Ed25519' };
    return {
      publicKey: makeKey(pair.publicKey, algorithmOf, true, usages.filter((u) => u === 'verify')),
      privateKey: makeKey(pair.privateKey, { ...algorithmOf }, extractable, privateUsages),
    };
  }
  if (alg.name.startsWith('RSA')) {
    const allowed = kUsages[alg.name];
    for (const u of usages) {
      if (!allowed.private.includes(u) && !allowed.public.includes(u)) throw domError(`Unsupported key usage for ${usageNoun(alg.name)} key`, 'SyntaxError');
    }
    const exponentBytes = bytesOf(alg.publicExponent, 'publicExponent');
    const publicExponent = exponentBytes.reduce((n, b) => n * 256 + b, 0);
    const hash = hashOf(alg.hash);
    let pair;
    try {
      pair = crypto.generateKeyPairSync('rsa', { modulusLength: alg.modulusLength, publicExponent });
    } catch {
      throw domError('The operation failed for an operation-specific reason', 'OperationError');
    }
    const privateUsages = usages.filter((u) => allowed.private.includes(u));
    if (privateUsages.length === 0) throw domError('Usages cannot be empty when creating a key.', 'SyntaxError');
    const algorithmOf = () => ({ name: alg.name, modulusLength: alg.modulusLength, publicExponent: new Uint8Array(exponentBytes), hash: { name: hash } });
    return {
      publicKey: makeKey(pair.publicKey, algorithmOf(), true, usages.filter((u) => allowed.public.includes(u))),
      privateKey: makeKey(pair.privateKey, algorithmOf(), extractable, privateUsages),
    };
  }
  throw domError(`Unable to generate ${alg.name} keys here`, 'NotSupportedError');
}

// RSA-OAEP with the key's digest and the algorithm's label.
function rsaOaep(alg, s, data, encrypt) {
  const options = { key: s.keyObject, oaepHash: kHashes[s.algorithm.hash.name] };
  if (alg.label !== undefined) options.oaepLabel = bytesOf(alg.label, 'label');
  return encrypt ? crypto.publicEncrypt(options, data) : crypto.privateDecrypt(options, data);
}

// --- signatures --------------------------------------------------------------------------

function signatureOptions(alg, s) {
  switch (alg.name) {
    case 'RSASSA-PKCS1-v1_5':
      return [kHashes[s.algorithm.hash.name], s.keyObject];
    case 'RSA-PSS':
      return [kHashes[s.algorithm.hash.name], { key: s.keyObject, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: alg.saltLength }];
    case 'ECDSA':
      return [kHashes[hashOf(alg.hash)], { key: s.keyObject, dsaEncoding: 'ieee-p1363' }];
    case 'Ed25519':
      return [null, s.keyObject];
  }
  throw domError('Unrecognized algorithm name', 'NotSupportedError');
}

async function sign(algorithm, key, data) {
  const alg = normalize(algorithm);
  const s = usable(key, alg.name, 'sign', 'sign');
  const bytes = bytesOf(data);
  if (alg.name === 'HMAC') return arrayBuffer(crypto.createHmac(kHashes[s.algorithm.hash.name], s.keyObject.export()).update(bytes).digest());
  const [hash, keyArg] = signatureOptions(alg, s);
  try {
    return arrayBuffer(crypto.sign(hash, bytes, keyArg));
  } catch (err) {
    if (err.code === 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM') throw domError(err.message, 'NotSupportedError');
    throw domError('The operation failed for an operation-specific reason', 'OperationError');
  }
}

async function verify(algorithm, key, signature, data) {
  const alg = normalize(algorithm);
  const s = usable(key, alg.name, 'verify', 'verify');
  const sig = bytesOf(signature, 'signature');
  const bytes = bytesOf(data);
  if (alg.name === 'HMAC') {
    const mac = crypto.createHmac(kHashes[s.algorithm.hash.name], s.keyObject.export()).update(bytes).digest();
    return mac.length === sig.length && crypto.timingSafeEqual(mac, sig);
  }
  const [hash, keyArg] = signatureOptions(alg, s);
  try {
    return crypto.verify(hash, bytes, keyArg, sig);
  } catch (err) {
    if (err.code === 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM') throw domError(err.message, 'NotSupportedError');
    return false;
  }
}

// --- ciphers -----------------------------------------------------------------------------

function aesName(s, mode) {
  return `aes-${s.algorithm.length}-${mode}`;
}

function cipher(alg, s, data, encrypt) {
  if (alg.name === 'RSA-OAEP') return rsaOaep(alg, s, data, encrypt);
  const key = s.keyObject.export();
  if (alg.name === 'AES-KW') {
    const c = (encrypt ? crypto.createCipheriv : crypto.createDecipheriv)(`id-aes${key.length * 8}-wrap`, key, Buffer.alloc(8, 0xa6));
    return Buffer.concat([c.update(data), c.final()]);
  }
  if (alg.name === 'AES-GCM') {
    const iv = bytesOf(alg.iv, 'iv');
    const tagBytes = (alg.tagLength ?? 128) / 8;
    if (![4, 8, 12, 13, 14, 15, 16].includes(tagBytes)) throw domError(`${alg.tagLength} is not a valid AES-GCM tag length`, 'OperationError');
    const aad = alg.additionalData === undefined ? undefined : bytesOf(alg.additionalData, 'additionalData');
    if (encrypt) {
      const c = crypto.createCipheriv(aesName(s, 'gcm'), key, iv, { authTagLength: tagBytes });
      if (aad) c.setAAD(aad);
      return Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);
    }
    if (data.length < tagBytes) throw domError('The provided data is too small.', 'OperationError');
    const d = crypto.createDecipheriv(aesName(s, 'gcm'), key, iv, { authTagLength: tagBytes });
    if (aad) d.setAAD(aad);
    d.setAuthTag(data.subarray(data.length - tagBytes));
    return Buffer.concat([d.update(data.subarray(0, data.length - tagBytes)), d.final()]);
  }
  if (alg.name === 'AES-CBC') {
    const iv = bytesOf(alg.iv, 'iv');
    if (iv.length !== 16) throw domError('algorithm.iv must contain exactly 16 bytes', 'OperationError');
    const c = (encrypt ? crypto.createCipheriv : crypto.createDecipheriv)(aesName(s, 'cbc'), key, iv);
    return Buffer.concat([c.update(data), c.final()]);
  }
  const counter = bytesOf(alg.counter, 'counter');
  if (counter.length !== 16) throw domError('AES-CTR algorithm.counter must contain exactly 16 bytes', 'OperationError');
  if (!(alg.length > 0 && alg.length <= 128)) throw domError('AES-CTR algorithm.length must be between 1 and 128', 'OperationError');
  const c = crypto.createCipheriv(aesName(s, 'ctr'), key, counter);
  return Buffer.concat([c.update(data), c.final()]);
}

// AES-KW only wraps keys: encrypt and decrypt do not know it.
function normalizeCipher(algorithm) {
  const alg = normalize(algorithm);
  if (alg.name === 'AES-KW') throw domError('Unrecognized algorithm name', 'NotSupportedError');
  return alg;
}

async function encrypt(algorithm, key, data) {
  const alg = normalizeCipher(algorithm);
  const s = usable(key, alg.name, 'encrypt');
  return arrayBuffer(cipher(alg, s, bytesOf(data), true));
}

async function decrypt(algorithm, key, data) {
  const alg = normalizeCipher(algorithm);
  const s = usable(key, alg.name, 'decrypt');
  try {
    return arrayBuffer(cipher(alg, s, bytesOf(data), false));
  } catch (err) {
    if (err instanceof DOMException) throw err;
    throw domError('The operation failed for an operation-specific reason', 'OperationError');
  }
}

// --- derivation --------------------------------------------------------------------------

// ECDH's or X25519's shared secret with `alg.public`, cut to `length` bits (all of it for
// null).
function ecdhBits(alg, s, length) {
  if (alg.public === undefined) {
    throw new TypeError("Failed to normalize algorithm: passed algorithm can not be converted to 'EcdhKeyDeriveParams' " +
      "because 'public' is required in 'EcdhKeyDeriveParams'.");
  }
  const peer = requireKey(alg.public, 'algorithm.public');
  if (peer.type !== 'public') throw domError('algorithm.public must be a public key', 'InvalidAccessError');
  if (peer.algorithm.name !== s.algorithm.name) throw domError('The public and private keys must be of the same type', 'InvalidAccessError');
  if (peer.algorithm.namedCurve !== s.algorithm.namedCurve) throw domError('Named curve mismatch', 'InvalidAccessError');
  const secret = crypto.diffieHellman({ privateKey: s.keyObject, publicKey: peer.keyObject });
  if (length === null || length === undefined) return secret;
  // (Node's words for a length past the secret's.)
  if (length > secret.length * 8) throw domError('derived bit length is too small', 'OperationError');
  const out = Buffer.from(secret.subarray(0, Math.ceil(length / 8)));
  if (length % 8 !== 0) out[out.length - 1] &= 0xff << (8 - (length % 8));
  return out;
}

function bits(alg, s, length) {
  if (alg.name === 'ECDH' || alg.name === 'X25519') return ecdhBits(alg, s, length);
  if (length === null || length === undefined || length % 8 !== 0) {
    throw domError('length must be a multiple of 8', 'OperationError');
  }
  const secret = s.keyObject.export();
  if (alg.name === 'PBKDF2') {
    if (!(alg.iterations > 0)) throw domError('iterations cannot be zero', 'OperationError');
    return crypto.pbkdf2Sync(secret, bytesOf(alg.salt, 'salt'), alg.iterations, length / 8, kHashes[hashOf(alg.hash)]);
  }
  if (alg.name === 'HKDF') {
    return Buffer.from(crypto.hkdfSync(kHashes[hashOf(alg.hash)], secret, bytesOf(alg.salt, 'salt'), bytesOf(alg.info, 'info'), length / 8));
  }
  throw domError('Unrecognized algorithm name', 'NotSupportedError');
}

async function deriveBits(algorithm, baseKey, length) {
  const alg = normalize(algorithm);
  const s = usable(baseKey, alg.name, 'deriveBits');
  return arrayBuffer(bits(alg, s, length));
}

async function deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, keyUsages) {
  const alg = normalize(algorithm);
  const s = usable(baseKey, alg.name, 'deriveKey');
  const target = normalize(derivedKeyAlgorithm);
  const length = target.name === 'HMAC' ? target.length ?? kHashBlockBits[hashOf(target.hash)] : target.length;
  return importKey('raw', bits(alg, s, length), target, extractable, keyUsages);
}

async function wrapKey(format, key, wrappingKey, wrapAlgorithm) {
  const alg = normalize(wrapAlgorithm);
  const s = usable(wrappingKey, alg.name, 'wrapKey');
  const exported = await exportKey(format, key);
  let bytes = format === 'jwk' ? Buffer.from(JSON.stringify(exported)) : Buffer.from(exported);
  // AES-KW wraps whole 8-byte blocks: a JWK is padded with spaces (as Node pads it).
  if (alg.name === 'AES-KW' && format === 'jwk' && bytes.length % 8 !== 0) {
    bytes = Buffer.concat([bytes, Buffer.alloc(8 - (bytes.length % 8), ' ')]);
  }
  return arrayBuffer(cipher(alg, s, bytes, true));
}

async function unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, keyUsages) {
  const alg = normalize(unwrapAlgorithm);
  const s = usable(unwrappingKey, alg.name, 'unwrapKey');
  let bytes;
  try {
    bytes = cipher(alg, s, bytesOf(wrappedKey, 'wrappedKey'), false);
  } catch (err) {
    if (err instanceof DOMException) throw err;
    throw domError('The operation failed for an operation-specific reason', 'OperationError');
  }
  const keyData = format === 'jwk' ? JSON.parse(bytes.toString()) : bytes;
  return importKey(format, keyData, unwrappedKeyAlgorithm, extractable, keyUsages);
}

class SubtleCrypto {
  constructor() {
    throw new TypeError('Illegal constructor');
  }
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, { value: 'SubtleCrypto', configurable: true });
for (const [name, fn] of Object.entries({ encrypt, decrypt, sign, verify, digest, generateKey, deriveKey, deriveBits, importKey, exportKey, wrapKey, unwrapKey })) {
  Object.defineProperty(SubtleCrypto.prototype, name, {
    value: { [name](...args) { return fn(...args); } }[name],
    writable: true,
    configurable: true,
    enumerable: true,
  });
}
const subtle = Object.create(SubtleCrypto.prototype);

// A CryptoKey's KeyObject (KeyObject.from), for node:crypto's own functions.
function keyObjectOf(key) {
  return requireKey(key, 'key').keyObject;
}

module.exports = { CryptoKey, SubtleCrypto, subtle, isCryptoKey, keyObjectOf };
