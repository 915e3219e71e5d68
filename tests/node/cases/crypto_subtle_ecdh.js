// WebCrypto's ECDH (generated, raw and JWK keys, deriveBits with and without a length,
// deriveKey) and AES-KW (RFC 3394's vector, raw and JWK keys wrapped, generated keys),
// with the errors.
const { subtle } = globalThis.crypto;
(async () => {
  const a = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits', 'deriveKey']);
  const b = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  console.log(a.publicKey.algorithm, a.publicKey.usages, a.privateKey.usages, a.privateKey.type, b.privateKey.extractable);
  const ab = Buffer.from(await subtle.deriveBits({ name: 'ECDH', public: b.publicKey }, a.privateKey, 256));
  const ba = Buffer.from(await subtle.deriveBits({ name: 'ECDH', public: a.publicKey }, b.privateKey, null));
  console.log('agree', ab.equals(ba), ab.length, Buffer.from(await subtle.deriveBits({ name: 'ECDH', public: b.publicKey }, a.privateKey, 12)).length);
  const raw = await subtle.exportKey('raw', a.publicKey);
  const imported = await subtle.importKey('raw', raw, { name: 'ECDH', namedCurve: 'P-256' }, true, []);
  const again = Buffer.from(await subtle.deriveBits({ name: 'ECDH', public: imported }, b.privateKey, 256));
  console.log('raw import', new Uint8Array(raw).length, again.equals(ab));
  const jwk = await subtle.exportKey('jwk', a.privateKey);
  console.log('jwk', jwk.kty, jwk.crv, jwk.key_ops, jwk.ext, typeof jwk.d);
  const aes = await subtle.deriveKey({ name: 'ECDH', public: b.publicKey }, a.privateKey, { name: 'AES-GCM', length: 128 }, true, ['encrypt']);
  console.log('derived', aes.algorithm, Buffer.from(await subtle.exportKey('raw', aes)).equals(ab.subarray(0, 16)));
  // AES-KW: RFC 3394's vector, and wrapping keys.
  const kek = await subtle.importKey('raw', Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex'), 'AES-KW', true, ['wrapKey', 'unwrapKey']);
  const data = await subtle.importKey('raw', Buffer.from('00112233445566778899aabbccddeeff', 'hex'), 'AES-GCM', true, ['encrypt']);
  const wrapped = Buffer.from(await subtle.wrapKey('raw', data, kek, 'AES-KW'));
  console.log('AES-KW', wrapped.toString('hex'), kek.algorithm);
  const back = await subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', 'AES-GCM', true, ['encrypt']);
  console.log('unwrapped', Buffer.from(await subtle.exportKey('raw', back)).toString('hex'));
  const wrappedJwk = await subtle.wrapKey('jwk', data, kek, { name: 'AES-KW' });
  const backJwk = await subtle.unwrapKey('jwk', wrappedJwk, kek, 'AES-KW', 'AES-GCM', true, ['encrypt']);
  console.log('jwk wrap', wrappedJwk.byteLength % 8, Buffer.from(await subtle.exportKey('raw', backJwk)).toString('hex'));
  const kw = await subtle.generateKey({ name: 'AES-KW', length: 256 }, true, ['wrapKey']);
  console.log('generated', kw.algorithm, (await subtle.exportKey('jwk', kw)).alg);
  for (const bad of [
    () => subtle.deriveBits({ name: 'ECDH', public: a.privateKey }, b.privateKey, 256),
    () => subtle.deriveBits({ name: 'ECDH' }, b.privateKey, 256),
    () => subtle.deriveBits({ name: 'ECDH', public: b.publicKey }, a.privateKey, 512),
    () => subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['sign']),
    () => subtle.encrypt({ name: 'AES-KW' }, kek, Buffer.alloc(16)),
    () => subtle.unwrapKey('raw', Buffer.alloc(24), kek, 'AES-KW', 'AES-GCM', true, ['encrypt']),
  ]) {
    try {
      await bad();
      console.log('no error');
    } catch (e) {
      console.log(e.name, e.message);
    }
  }
})();
