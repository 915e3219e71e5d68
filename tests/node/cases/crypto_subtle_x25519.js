// WebCrypto's X25519: generated and imported keys (raw, JWK with RFC 7748's vector, SPKI),
// deriveBits and deriveKey, and the errors.
const { subtle } = globalThis.crypto;
(async () => {
  const a = await subtle.generateKey({ name: 'X25519' }, true, ['deriveBits', 'deriveKey']);
  const b = await subtle.generateKey('X25519', false, ['deriveKey']);
  console.log(a.publicKey.algorithm, a.publicKey.usages, a.privateKey.usages, b.privateKey.usages);
  const ab = Buffer.from(await subtle.deriveBits({ name: 'X25519', public: b.publicKey }, a.privateKey, 256));
  const raw = await subtle.exportKey('raw', a.publicKey);
  const pub = await subtle.importKey('raw', raw, 'X25519', true, []);
  const alice = await subtle.importKey('jwk', { kty: 'OKP', crv: 'X25519', d: 'dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LCo', x: 'hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo' }, { name: 'X25519' }, true, ['deriveBits']);
  const bob = await subtle.importKey('raw', Buffer.from('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f', 'hex'), 'X25519', true, []);
  console.log('rfc 7748', Buffer.from(await subtle.deriveBits({ name: 'X25519', public: bob }, alice, null)).toString('hex'));
  console.log('raw', new Uint8Array(raw).length, pub.algorithm, ab.length, (await subtle.exportKey('jwk', alice)).crv);
  const k = await subtle.deriveKey({ name: 'X25519', public: a.publicKey }, b.privateKey, { name: 'HMAC', hash: 'SHA-256', length: 256 }, true, ['sign']);
  console.log('derived', k.algorithm.name, Buffer.from(await subtle.exportKey('raw', k)).equals(ab));
  const spki = await subtle.exportKey('spki', a.publicKey);
  console.log('spki', new Uint8Array(spki).length, (await subtle.importKey('spki', spki, 'X25519', true, [])).type);
  for (const bad of [
    () => subtle.importKey('raw', Buffer.alloc(31), 'Ed25519', true, ['verify']),
    () => subtle.generateKey('X25519', true, ['sign']),
    () => subtle.importKey('raw', Buffer.alloc(31), 'X25519', true, []),
  ]) {
    try { await bad(); console.log('no error'); } catch (e) { console.log(e.name, e.message); }
  }
})();
