// X25519 keys: generated (sync and async), from JWK (RFC 7748's vectors), PEM and DER
// round trips, diffieHellman() both ways, and the errors (a small-order peer key, mixed
// key types, signing).
const c = require('crypto');
const a = c.generateKeyPairSync('x25519'), b = c.generateKeyPairSync('x25519');
console.log(a.publicKey.asymmetricKeyType, a.privateKey.asymmetricKeyDetails, a.publicKey.export({ format: 'der', type: 'spki' }).length, a.privateKey.export({ format: 'der', type: 'pkcs8' }).length);
console.log(c.diffieHellman({ privateKey: a.privateKey, publicKey: b.publicKey }).equals(c.diffieHellman({ privateKey: b.privateKey, publicKey: a.publicKey })));
// RFC 7748's vectors (6.1).
const alicePriv = Buffer.from('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a', 'hex');
const bobPub = Buffer.from('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f', 'hex');
const priv = c.createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d: alicePriv.toString('base64url'), x: '' }, format: 'jwk' });
console.log(priv.export({ format: 'jwk' }));
const pub = c.createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: bobPub.toString('base64url') }, format: 'jwk' });
console.log(c.diffieHellman({ privateKey: priv, publicKey: pub }).toString('hex'));
console.log(c.createPublicKey(priv).export({ format: 'pem', type: 'spki' }));
const pem = priv.export({ format: 'pem', type: 'pkcs8' });
console.log(pem, c.createPrivateKey(pem).equals(priv));
c.generateKeyPair('x25519', { publicKeyEncoding: { type: 'spki', format: 'pem' } }, (err, pubPem, privKey) => console.log('async', err, pubPem.split('\n')[0], privKey.asymmetricKeyType));
for (const f of [
  () => c.diffieHellman({ privateKey: priv, publicKey: c.createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: Buffer.alloc(32).toString('base64url') }, format: 'jwk' }) }),
  () => c.diffieHellman({ privateKey: priv, publicKey: c.generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey }),
  () => c.sign(null, Buffer.from('x'), priv),
]) {
  try { console.log('no error', f()); } catch (e) { console.log(e.name, e.code, e.message); }
}
