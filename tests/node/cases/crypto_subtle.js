// WebCrypto (globalThis.crypto.subtle): digests, HMAC, AES-GCM/CBC/CTR, PBKDF2 and HKDF
// with known inputs (outputs must equal node's), RSA, ECDSA and Ed25519 keys imported from
// SPKI, PKCS#8, JWK and raw forms and exported back, signatures both ways, generated keys,
// wrapping, and the DOMExceptions for bad usages, lengths and algorithms.
const { subtle } = globalThis.crypto;
const hex = (ab) => Buffer.from(ab).toString('hex');
const b64 = (s) => Uint8Array.from(Buffer.from(s, 'base64'));
const RSA_PKCS8 = b64('MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDF2UCd/uEKImM8ZxzJXQGmEsspGwinMEHhOksnuN5adi5Gv1FtTvOGBvYVuEhjC2GEsALFFCHCq96BTy9SEUH1ECBPHvFlA7kDPJFcrhU3+qK9UDmk5iP+9q5zvFEiW4fhaEPmaW/5V17g1pzUsQp1eSBIxR88iTg4n5F/NOTn2WjX+U4NieGOqIVnV8tcIB9Ev7HbXWcZjR2ooim2mCtyZ6Q4d+cuRhVExCtLv6CfqpINa/4GszD3gjJ6uPJUqVqAhikj2A9blM7/bRSctRbG/PlTuC2yV3Qlk/wzs0+zzHRqVrK8KMjakPzgO4qzUgsSRmIax+Ua/kNnxhlyyegFAgMBAAECggEAHpo5FXcsJd4lzV0Bpd/d9msnw4br8rhTKFxU7aL5ubJX/Bdxp9+zaULAY6GqiK9k+Rokg4lWo37kHso5vo7uzdIdvT9DBWXrAyYmMdi3bX42F+RF1kzGupQ7baluP0s7HFF9VzFt4XpzMYHgpkFwJbWDmd3rs/hhmtiLr8plsbq4jp7gRNr5jdxhJ4Fq4E/52YsszBLlDtETbWalkMj/l9KuR6v8jgNrAF9l3PvGqwPDubSllumQmDmkKYG/0YqmqF7ApP/dTMrlwuOofoHMmpB920h9nDqXLytUCr2HQGRjrxmHyyL2SqQtLbjddCSqNv0kX4fAo6jqBNaWTutAgQKBgQDhRSYrL1bG+gPyEvy1pcA4T6REYKiNBsUogL/sz69npYlojgooDpzNE6ia/NBT7BL1jQv2kHB/yEkm9PggFK1H9H0JC8f61AYss0XXT7ddd1erZo7N5hnNH6u/9SoOdeJFxWL0fCV9o37EuhT9Bml1EP5nTB7KYUCE/QnV7+/pZQKBgQDg1n6dISRR5B5zdjt1ByQFUy2APJ1WR6jdII7mhbevzbhGD724Z/bWM1Hnhq3zdYg8+phdCKEAyloxmg9G/e78X5p8tO2M5hptHi4stGYfBm6RfJIHkT4Lyu0UKhdcA1wZ5gBFmEGviLsY9n7C4qvdwqrdhVhQAEl1CPY3zkVqIQKBgHZrFkRvTyur8/UF/Cg06JXxb8WuFgyEeZHwFHQVPPy8LT50JGyoOc8oPWKz8YOcPt8r9RT5GtphW+sJrYGXvPttT2k48zgsys4ms1kbA6YzfTeR4xHjmr6UnoF7DE+rsnXA7GLe/ApOru4Vb8EO5NLwSvvcLPdwJi2Cou/+gFxtAoGAYapKzY577GafI6CUKz2y0+1RsoaiAbyXCZb++/vR0rgV97kWvGfMvTcFuQCzxzGiwHpKfP8mkOVVUH6PbFMZ4N7WiJ0/IxlBGW0muZyTT57HoMLv3AGnZg/78+pkwz9iXo2eSJzey5UlUK6iWZ2E8ouBFUC7H+VAA2qlKZCcboECgYASf2Q7wNo06m+ZqXTuZ7aNk7RRt89y3AzwhsxWh1XDBi8nt981qoBIJd8doZxS02a06n31dqfR9S2693ORipK/KiO8MJlxsfs+Q7KqN8R3edS1odVRHI5cdA/IngsFzRTroDBrJM7yAqcS1/ZY06OpGjmH21W6Zj+uuaJph8hbHA==');
const RSA_SPKI = b64('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxdlAnf7hCiJjPGccyV0BphLLKRsIpzBB4TpLJ7jeWnYuRr9RbU7zhgb2FbhIYwthhLACxRQhwqvegU8vUhFB9RAgTx7xZQO5AzyRXK4VN/qivVA5pOYj/vauc7xRIluH4WhD5mlv+Vde4Nac1LEKdXkgSMUfPIk4OJ+RfzTk59lo1/lODYnhjqiFZ1fLXCAfRL+x211nGY0dqKIptpgrcmekOHfnLkYVRMQrS7+gn6qSDWv+BrMw94IyerjyVKlagIYpI9gPW5TO/20UnLUWxvz5U7gtsld0JZP8M7NPs8x0alayvCjI2pD84DuKs1ILEkZiGsflGv5DZ8YZcsnoBQIDAQAB');
const EC_PKCS8 = b64('MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgAb9xd0pYhjpOQXCWs/cy5dAICAzxRY8I07QW/6Ql0p2hRANCAAQyER2aRBwZKwz8+3JZEmm5xqe8JLfAW0/0Cq5CsdrxoJWEtI+h/4uEaTETWhVdK/uoetjtGKIIqFc6oPMVMdEY');
const ED_PKCS8 = b64('MC4CAQAwBQYDK2VwBCIEINRpxcvCSK5XI3hrEg6MUVavtdYEFhYbYaj8Fy+LOche');
const data = new TextEncoder().encode('web crypto data');

async function main() {
  console.log(Object.prototype.toString.call(subtle), typeof CryptoKey, typeof SubtleCrypto, crypto instanceof Crypto);
  for (const alg of ['SHA-1', 'SHA-256', { name: 'sha-384' }, 'SHA-512']) console.log('digest', hex(await subtle.digest(alg, data)).slice(0, 32));

  const hmac = await subtle.importKey('raw', new Uint8Array(32).fill(7), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
  console.log(hmac, hmac.algorithm.hash);
  const mac = await subtle.sign('HMAC', hmac, data);
  console.log('hmac', hex(mac), await subtle.verify('HMAC', hmac, mac, data), await subtle.verify('HMAC', hmac, mac, new Uint8Array(1)));
  console.log('hmac jwk', await subtle.exportKey('jwk', hmac));

  const aes = await subtle.importKey('raw', new Uint8Array(16).fill(1), 'AES-GCM', true, ['encrypt', 'decrypt']);
  const iv = new Uint8Array(12).fill(2);
  const ct = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new Uint8Array([9]) }, aes, data);
  console.log('aes-gcm', hex(ct), new TextDecoder().decode(await subtle.decrypt({ name: 'AES-GCM', iv, additionalData: new Uint8Array([9]) }, aes, ct)));
  const short = await subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 96 }, aes, data);
  console.log('aes-gcm tag 96', short.byteLength, hex(await subtle.decrypt({ name: 'AES-GCM', iv, tagLength: 96 }, aes, short)) === hex(data));
  const cbc = await subtle.importKey('raw', new Uint8Array(32).fill(3), { name: 'AES-CBC' }, false, ['encrypt', 'decrypt']);
  const cbcCt = await subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(16) }, cbc, data);
  console.log('aes-cbc', hex(cbcCt), hex(await subtle.decrypt({ name: 'AES-CBC', iv: new Uint8Array(16) }, cbc, cbcCt)) === hex(data));
  const ctr = await subtle.importKey('jwk', { kty: 'oct', k: Buffer.alloc(24, 4).toString('base64url'), alg: 'A192CTR' }, 'AES-CTR', true, ['encrypt']);
  console.log('aes-ctr', hex(await subtle.encrypt({ name: 'AES-CTR', counter: new Uint8Array(16), length: 64 }, ctr, data)), ctr.algorithm);

  const pbkdf2 = await subtle.importKey('raw', new TextEncoder().encode('password'), 'PBKDF2', false, ['deriveBits', 'deriveKey']);
  console.log('pbkdf2', hex(await subtle.deriveBits({ name: 'PBKDF2', salt: new Uint8Array(8), iterations: 1000, hash: 'SHA-256' }, pbkdf2, 256)));
  const derived = await subtle.deriveKey({ name: 'PBKDF2', salt: new Uint8Array(8), iterations: 10, hash: 'SHA-1' }, pbkdf2, { name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  console.log('derived', derived.algorithm, hex(await subtle.exportKey('raw', derived)));
  const hkdf = await subtle.importKey('raw', new Uint8Array(16), 'HKDF', false, ['deriveBits']);
  console.log('hkdf', hex(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-512', salt: new Uint8Array(4), info: new Uint8Array(2) }, hkdf, 128)));

  const rsa = await subtle.importKey('pkcs8', RSA_PKCS8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']);
  const rsaPub = await subtle.importKey('spki', RSA_SPKI, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']);
  console.log(rsaPub.algorithm, rsa.type, rsa.usages);
  const rsaSig = await subtle.sign('RSASSA-PKCS1-v1_5', rsa, data);
  console.log('rsa sig', hex(rsaSig).slice(0, 40), await subtle.verify('RSASSA-PKCS1-v1_5', rsaPub, rsaSig, data));
  const rsaJwk = await subtle.exportKey('jwk', rsaPub);
  console.log('rsa jwk', rsaJwk.alg, rsaJwk.key_ops, rsaJwk.e);
  const { alg, ...rsaJwkPrivate } = await subtle.exportKey('jwk', rsa);
  const pss = await subtle.importKey('jwk', rsaJwkPrivate, { name: 'RSA-PSS', hash: 'SHA-384' }, false, ['sign']);
  const pssPub = await subtle.importKey('spki', RSA_SPKI, { name: 'RSA-PSS', hash: 'SHA-384' }, false, ['verify']);
  const pssSig = await subtle.sign({ name: 'RSA-PSS', saltLength: 48 }, pss, data);
  console.log('pss', pssSig.byteLength, await subtle.verify({ name: 'RSA-PSS', saltLength: 48 }, pssPub, pssSig, data));
  console.log('spki back', hex(await subtle.exportKey('spki', rsaPub)) === hex(RSA_SPKI), hex(await subtle.exportKey('pkcs8', rsa)) === hex(RSA_PKCS8));

  const ec = await subtle.importKey('pkcs8', EC_PKCS8, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
  const ecJwk = await subtle.exportKey('jwk', ec);
  const ecPub = await subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: ecJwk.x, y: ecJwk.y }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  const raw = await subtle.exportKey('raw', ecPub);
  const ecPub2 = await subtle.importKey('raw', raw, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  const ecSig = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, ec, data);
  console.log('ecdsa', raw.byteLength, ecSig.byteLength, await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, ecPub2, ecSig, data), ecJwk);

  const ed = await subtle.importKey('pkcs8', ED_PKCS8, 'Ed25519', true, ['sign']);
  const edSig = await subtle.sign('Ed25519', ed, data);
  const edJwk = await subtle.exportKey('jwk', ed);
  const edPub = await subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: edJwk.x }, 'Ed25519', true, ['verify']);
  console.log('ed25519', hex(edSig), await subtle.verify('Ed25519', edPub, edSig, data), edJwk.alg, hex(await subtle.exportKey('raw', edPub)));

  const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, false, ['sign', 'verify']);
  const genSig = await subtle.sign({ name: 'ECDSA', hash: 'SHA-384' }, pair.privateKey, data);
  console.log('generated', pair.publicKey.usages, pair.privateKey.usages, pair.privateKey.extractable, pair.publicKey.extractable,
    await subtle.verify({ name: 'ECDSA', hash: 'SHA-384' }, pair.publicKey, genSig, data));
  const edPair = await subtle.generateKey('Ed25519', true, ['sign', 'verify']);
  console.log('generated ed25519', edPair.privateKey.algorithm, (await subtle.exportKey('raw', edPair.publicKey)).byteLength);
  const gh = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-512' }, true, ['sign']);
  console.log('generated hmac', gh.algorithm.length, (await subtle.exportKey('raw', gh)).byteLength);
  const ga = await subtle.generateKey({ name: 'AES-CBC', length: 192 }, true, ['encrypt', 'wrapKey']);
  const wrapper = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
  const wrapped = await subtle.wrapKey('jwk', ga, wrapper, { name: 'AES-GCM', iv });
  const unwrapped = await subtle.unwrapKey('jwk', wrapped, wrapper, { name: 'AES-GCM', iv }, 'AES-CBC', true, ['encrypt']);
  console.log('wrap', unwrapped.algorithm, hex(await subtle.exportKey('raw', unwrapped)) === hex(await subtle.exportKey('raw', ga)));
  const oaep = await subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt', 'decrypt']);
  const sealed = await subtle.encrypt({ name: 'RSA-OAEP', label: new Uint8Array([1]) }, oaep.publicKey, data);
  console.log('rsa-oaep', oaep.privateKey.algorithm, oaep.publicKey.usages, sealed.byteLength,
    new TextDecoder().decode(await subtle.decrypt({ name: 'RSA-OAEP', label: new Uint8Array([1]) }, oaep.privateKey, sealed)));
  const rsaPair = await subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([3]), hash: 'SHA-1' }, false, ['sign', 'verify']);
  console.log('rsa generated', rsaPair.publicKey.algorithm.publicExponent, (await subtle.exportKey('jwk', rsaPair.publicKey)).alg);
  console.log('keyobject', require('crypto').KeyObject.from(rsaPub).type, require('util').types.isCryptoKey(ed), require('util').types.isCryptoKey({}));

  for (const [label, fn] of [
    ['usage', () => subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', true, ['sign'])],
    ['length', () => subtle.importKey('raw', new Uint8Array(15), 'AES-GCM', true, ['encrypt'])],
    ['not extractable', () => subtle.exportKey('raw', cbc)],
    ['digest name', () => subtle.digest('SHA-999', data)],
    ['wrong key', () => subtle.sign('HMAC', aes, data)],
    ['wrong usage', () => subtle.decrypt({ name: 'AES-CTR', counter: new Uint8Array(16), length: 64 }, ctr, data)],
    ['forged', () => subtle.decrypt({ name: 'AES-GCM', iv }, aes, new Uint8Array(32))],
    ['pbkdf2 extractable', () => subtle.importKey('raw', new Uint8Array(4), 'PBKDF2', true, ['deriveBits'])],
    ['empty usages', () => subtle.importKey('raw', new Uint8Array(4), { name: 'HMAC', hash: 'SHA-256' }, true, [])],
    ['curve mismatch', () => subtle.importKey('pkcs8', EC_PKCS8, { name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign'])],
    ['jwk alg', () => subtle.importKey('jwk', { ...rsaJwkPrivate, alg }, { name: 'RSA-PSS', hash: 'SHA-512' }, false, ['sign'])],
    ['jwk alg kind', () => subtle.importKey('jwk', { ...rsaJwkPrivate, alg: 'PS256' }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign'])],
    ['hmac jwk alg', () => subtle.importKey('jwk', { kty: 'oct', k: 'AAAA', alg: 'HS512' }, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])],
    ['aes jwk alg', () => subtle.importKey('jwk', { kty: 'oct', k: Buffer.alloc(16).toString('base64url'), alg: 'A256GCM' }, 'AES-GCM', false, ['encrypt'])],
    ['bad spki', () => subtle.importKey('spki', new Uint8Array(10), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify'])],
  ]) {
    try {
      await fn();
      console.log(label, 'no error');
    } catch (e) {
      console.log(label, e.name, e.message);
    }
  }
}
main();
