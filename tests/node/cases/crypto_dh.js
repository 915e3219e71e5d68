// crypto's key agreement: ECDH on P-256, P-384 and secp256k1 (keys set and generated, points
// in every format, convertKey), finite-field Diffie-Hellman (MODP groups, given primes,
// verifyError), diffieHellman() on EC KeyObjects, and the errors.
const c = require('crypto');
const a = c.createECDH('prime256v1');
const b = c.createECDH('prime256v1');
a.setPrivateKey('1f'.repeat(32), 'hex');
b.setPrivateKey(Buffer.from('2e'.repeat(32), 'hex'));
console.log(a.getPublicKey('hex'), a.getPublicKey('base64', 'compressed'), a.getPublicKey('hex', 'hybrid'));
console.log(a.computeSecret(b.getPublicKey()).toString('hex'), b.computeSecret(a.getPublicKey('hex'), 'hex', 'hex'));
console.log(c.ECDH.convertKey(a.getPublicKey('hex', 'compressed'), 'prime256v1', 'hex', 'hex', 'uncompressed') === a.getPublicKey('hex'));
const k = c.createECDH('secp256k1'); k.setPrivateKey(Buffer.alloc(32, 7)); console.log(k.getPublicKey('hex', 'compressed'));
const p384 = c.createECDH('secp384r1'); p384.setPrivateKey(Buffer.alloc(48, 9)); console.log(p384.getPublicKey('hex').slice(0, 40));
const short = c.createECDH('prime256v1'); short.setPrivateKey(Buffer.from([1])); console.log(short.getPrivateKey('hex'), short.getPublicKey('hex').slice(0, 20));
const g = c.createECDH('prime256v1'); const pub = g.generateKeys(); console.log(pub.length, g.getPrivateKey().length <= 32, g.computeSecret(a.getPublicKey()).equals(a.computeSecret(pub)));
const d1 = c.getDiffieHellman('modp14'), d2 = c.createDiffieHellmanGroup('modp14');
d1.setPrivateKey ? console.log('group has setPrivateKey') : console.log('no setPrivateKey on groups');
const k1 = d1.generateKeys(), k2 = d2.generateKeys('hex');
console.log(k1.length, k2.length, d1.computeSecret(k2, 'hex', 'hex') === d2.computeSecret(k1).toString('hex'), d1.verifyError, d1.getGenerator('hex'));
const dh = c.createDiffieHellman(d1.getPrime(), d1.getGenerator());
dh.setPrivateKey(Buffer.from('0123456789', 'hex')); dh.generateKeys();
console.log(dh.getPublicKey('hex').slice(0, 32), dh.verifyError, dh.getPrivateKey('hex'));
const dh5 = c.createDiffieHellman(d1.getPrime('hex'), 'hex', 5); console.log(dh5.getGenerator('hex'), dh5.verifyError);
console.log(c.createDiffieHellman(Buffer.from([23]), Buffer.from([5])).verifyError, c.createDiffieHellman(Buffer.from('ff', 'hex'), 2).verifyError);
const e1 = c.generateKeyPairSync('ec', { namedCurve: 'P-256' }), e2 = c.generateKeyPairSync('ec', { namedCurve: 'P-256' });
console.log(c.diffieHellman({ privateKey: e1.privateKey, publicKey: e2.publicKey }).equals(c.diffieHellman({ privateKey: e2.privateKey, publicKey: e1.publicKey })));
const fixed = c.createPrivateKey({ key: { kty: 'EC', crv: 'P-256', d: a.getPrivateKey('base64url'), x: a.getPublicKey().subarray(1, 33).toString('base64url'), y: a.getPublicKey().subarray(33).toString('base64url') }, format: 'jwk' });
console.log(c.diffieHellman({ privateKey: fixed, publicKey: c.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b.getPublicKey().subarray(1, 33).toString('base64url'), y: b.getPublicKey().subarray(33).toString('base64url') }, format: 'jwk' }) }).toString('hex'));
console.log(c.getCurves().includes('secp256k1'), typeof c.ECDH, typeof c.DiffieHellman, typeof c.DiffieHellmanGroup);
for (const f of [
  () => c.createECDH('bad'),
  () => c.createECDH(5),
  () => c.createECDH('prime256v1').getPublicKey(),
  () => c.createECDH('prime256v1').getPrivateKey(),
  () => a.computeSecret(Buffer.from([4, 1, 2])),
  () => a.computeSecret(5),
  () => c.createECDH('prime256v1').computeSecret(a.getPublicKey()),
  () => c.createECDH('prime256v1').setPrivateKey(Buffer.alloc(32)),
  () => c.createECDH('prime256v1').setPrivateKey(Buffer.alloc(33, 1)),
  () => a.getPublicKey('hex', 'bad'),
  () => c.ECDH.convertKey(Buffer.alloc(3), 'prime256v1'),
  () => c.ECDH.convertKey(a.getPublicKey(), 'nope'),
  () => c.getDiffieHellman('modp99'),
  () => d1.computeSecret(Buffer.from([1])),
  () => d1.computeSecret(d1.getPrime()),
  () => c.createDiffieHellman(256),
  () => c.createDiffieHellman(Buffer.from([23]), 1),
  () => c.createDiffieHellman({}),
  () => c.createDiffieHellman(Buffer.from([23]), Buffer.from([5])).generateKeys(),
  () => c.getDiffieHellman('modp1').getPrivateKey(),
  () => c.getDiffieHellman('modp1').computeSecret(Buffer.from([5])),
  () => c.diffieHellman({ privateKey: e1.privateKey, publicKey: c.generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey }),
  () => c.diffieHellman({ privateKey: e1.privateKey, publicKey: 1 }),
  () => c.diffieHellman({ privateKey: e1.publicKey, publicKey: e1.publicKey }),
  () => c.diffieHellman({ privateKey: e1.privateKey, publicKey: c.generateKeyPairSync('ed25519').publicKey }),
]) {
  try {
    console.log('no error', f());
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
