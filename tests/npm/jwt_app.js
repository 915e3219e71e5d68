// The real jsonwebtoken 9 and jose 5 packages under both runtimes: tokens signed and
// verified with HMAC, RSA (PKCS#1 v1.5, deterministic, so the tokens must equal node's, and
// PSS), ECDSA (P-256, P-384) and Ed25519 keys given as PEM, KeyObjects and JWKs, the
// errors for a bad signature, a wrong algorithm and an expired token, and encrypted tokens
// (ECDH-ES, AES key wrap, RSA-OAEP).
const jwt = require('jsonwebtoken');
const jose = require('jose');
const crypto = require('crypto');

const RSA_PRIVATE = `-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDF2UCd/uEKImM8
ZxzJXQGmEsspGwinMEHhOksnuN5adi5Gv1FtTvOGBvYVuEhjC2GEsALFFCHCq96B
Ty9SEUH1ECBPHvFlA7kDPJFcrhU3+qK9UDmk5iP+9q5zvFEiW4fhaEPmaW/5V17g
1pzUsQp1eSBIxR88iTg4n5F/NOTn2WjX+U4NieGOqIVnV8tcIB9Ev7HbXWcZjR2o
oim2mCtyZ6Q4d+cuRhVExCtLv6CfqpINa/4GszD3gjJ6uPJUqVqAhikj2A9blM7/
bRSctRbG/PlTuC2yV3Qlk/wzs0+zzHRqVrK8KMjakPzgO4qzUgsSRmIax+Ua/kNn
xhlyyegFAgMBAAECggEAHpo5FXcsJd4lzV0Bpd/d9msnw4br8rhTKFxU7aL5ubJX
/Bdxp9+zaULAY6GqiK9k+Rokg4lWo37kHso5vo7uzdIdvT9DBWXrAyYmMdi3bX42
F+RF1kzGupQ7baluP0s7HFF9VzFt4XpzMYHgpkFwJbWDmd3rs/hhmtiLr8plsbq4
jp7gRNr5jdxhJ4Fq4E/52YsszBLlDtETbWalkMj/l9KuR6v8jgNrAF9l3PvGqwPD
ubSllumQmDmkKYG/0YqmqF7ApP/dTMrlwuOofoHMmpB920h9nDqXLytUCr2HQGRj
rxmHyyL2SqQtLbjddCSqNv0kX4fAo6jqBNaWTutAgQKBgQDhRSYrL1bG+gPyEvy1
pcA4T6REYKiNBsUogL/sz69npYlojgooDpzNE6ia/NBT7BL1jQv2kHB/yEkm9Pgg
FK1H9H0JC8f61AYss0XXT7ddd1erZo7N5hnNH6u/9SoOdeJFxWL0fCV9o37EuhT9
Bml1EP5nTB7KYUCE/QnV7+/pZQKBgQDg1n6dISRR5B5zdjt1ByQFUy2APJ1WR6jd
II7mhbevzbhGD724Z/bWM1Hnhq3zdYg8+phdCKEAyloxmg9G/e78X5p8tO2M5hpt
Hi4stGYfBm6RfJIHkT4Lyu0UKhdcA1wZ5gBFmEGviLsY9n7C4qvdwqrdhVhQAEl1
CPY3zkVqIQKBgHZrFkRvTyur8/UF/Cg06JXxb8WuFgyEeZHwFHQVPPy8LT50JGyo
Oc8oPWKz8YOcPt8r9RT5GtphW+sJrYGXvPttT2k48zgsys4ms1kbA6YzfTeR4xHj
mr6UnoF7DE+rsnXA7GLe/ApOru4Vb8EO5NLwSvvcLPdwJi2Cou/+gFxtAoGAYapK
zY577GafI6CUKz2y0+1RsoaiAbyXCZb++/vR0rgV97kWvGfMvTcFuQCzxzGiwHpK
fP8mkOVVUH6PbFMZ4N7WiJ0/IxlBGW0muZyTT57HoMLv3AGnZg/78+pkwz9iXo2e
SJzey5UlUK6iWZ2E8ouBFUC7H+VAA2qlKZCcboECgYASf2Q7wNo06m+ZqXTuZ7aN
k7RRt89y3AzwhsxWh1XDBi8nt981qoBIJd8doZxS02a06n31dqfR9S2693ORipK/
KiO8MJlxsfs+Q7KqN8R3edS1odVRHI5cdA/IngsFzRTroDBrJM7yAqcS1/ZY06Op
GjmH21W6Zj+uuaJph8hbHA==
-----END PRIVATE KEY-----
`;
const RSA_PUBLIC = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxdlAnf7hCiJjPGccyV0B
phLLKRsIpzBB4TpLJ7jeWnYuRr9RbU7zhgb2FbhIYwthhLACxRQhwqvegU8vUhFB
9RAgTx7xZQO5AzyRXK4VN/qivVA5pOYj/vauc7xRIluH4WhD5mlv+Vde4Nac1LEK
dXkgSMUfPIk4OJ+RfzTk59lo1/lODYnhjqiFZ1fLXCAfRL+x211nGY0dqKIptpgr
cmekOHfnLkYVRMQrS7+gn6qSDWv+BrMw94IyerjyVKlagIYpI9gPW5TO/20UnLUW
xvz5U7gtsld0JZP8M7NPs8x0alayvCjI2pD84DuKs1ILEkZiGsflGv5DZ8YZcsno
BQIDAQAB
-----END PUBLIC KEY-----
`;
const EC_PRIVATE = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgAb9xd0pYhjpOQXCW
s/cy5dAICAzxRY8I07QW/6Ql0p2hRANCAAQyER2aRBwZKwz8+3JZEmm5xqe8JLfA
W0/0Cq5CsdrxoJWEtI+h/4uEaTETWhVdK/uoetjtGKIIqFc6oPMVMdEY
-----END PRIVATE KEY-----
`;
const EC384_PRIVATE = `-----BEGIN PRIVATE KEY-----
MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDDsTukuStPHvV8Csa2Q
8nfHdEiAAoQ6I7K3NuB3ncG+z8jqaV+qb7a8aKdwmjwLkQahZANiAARObUZNDkKk
YWqQxwqijzLxSFNUK68Ib3IPqC2l/wM8Bq37pNIZAH1z5SLkXHHXj3rarnb8pu6y
aOeULS8D0zuG/gRbUanwkiPMYBv6KZfqyc/cfIk5d0culxAP0R0dTUY=
-----END PRIVATE KEY-----
`;
const ED_PRIVATE = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEINRpxcvCSK5XI3hrEg6MUVavtdYEFhYbYaj8Fy+LOche
-----END PRIVATE KEY-----
`;
const payload = { sub: 'user-1', role: 'admin', iat: 1700000000 };

const results = [];
const show = (...args) => results.push(args.join(' '));
const tryIt = (label, fn) => {
  try {
    show(label, JSON.stringify(fn()));
  } catch (e) {
    show(label, e.name, e.message);
  }
};

tryIt('HS256', () => jwt.verify(jwt.sign(payload, 'secret'), 'secret'));
const rs = jwt.sign(payload, RSA_PRIVATE, { algorithm: 'RS256', keyid: 'k1' });
show('RS256 token', rs.slice(-40));
tryIt('RS256 verify', () => jwt.verify(rs, RSA_PUBLIC, { algorithms: ['RS256'] }));
tryIt('RS512 verify', () => jwt.verify(jwt.sign(payload, crypto.createPrivateKey(RSA_PRIVATE), { algorithm: 'RS512' }), crypto.createPublicKey(RSA_PUBLIC)));
tryIt('PS256 verify', () => jwt.verify(jwt.sign(payload, RSA_PRIVATE, { algorithm: 'PS256' }), RSA_PUBLIC));
tryIt('ES256 verify', () => jwt.verify(jwt.sign(payload, EC_PRIVATE, { algorithm: 'ES256' }), crypto.createPublicKey(EC_PRIVATE)));
tryIt('ES384 verify', () => jwt.verify(jwt.sign(payload, EC384_PRIVATE, { algorithm: 'ES384' }), crypto.createPublicKey(EC384_PRIVATE)));
tryIt('tampered', () => jwt.verify(rs.slice(0, -4) + 'AAAA', RSA_PUBLIC));
tryIt('wrong algorithm', () => jwt.verify(rs, RSA_PUBLIC, { algorithms: ['ES256'] }));
tryIt('expired', () => jwt.verify(jwt.sign({ sub: 'x', exp: 1000 }, RSA_PRIVATE, { algorithm: 'RS256' }), RSA_PUBLIC));
tryIt('decode', () => jwt.decode(rs, { complete: true }).header);

(async () => {
  const rsaKey = await jose.importPKCS8(RSA_PRIVATE, 'RS256');
  const token = await new jose.SignJWT(payload).setProtectedHeader({ alg: 'RS256' }).sign(rsaKey);
  show('jose RS256 token equals jsonwebtoken', token === jwt.sign(payload, RSA_PRIVATE, { algorithm: 'RS256', noTimestamp: false }));
  const spki = await jose.importSPKI(RSA_PUBLIC, 'RS256');
  show('jose RS256 verify', JSON.stringify((await jose.jwtVerify(token, spki)).payload));
  const jwk = await jose.exportJWK(spki);
  show('jose jwk', jwk.kty, jwk.e, jwk.n.length);
  const fromJwk = await jose.importJWK(jwk, 'RS256');
  show('jose jwk verify', (await jose.jwtVerify(token, fromJwk)).protectedHeader.alg);
  for (const [alg, pem] of [['ES256', EC_PRIVATE], ['ES384', EC384_PRIVATE], ['EdDSA', ED_PRIVATE], ['PS384', RSA_PRIVATE]]) {
    const key = await jose.importPKCS8(pem, alg);
    const signed = await new jose.SignJWT(payload).setProtectedHeader({ alg }).sign(key);
    const publicKey = crypto.createPublicKey(pem);
    const { payload: back } = await jose.jwtVerify(signed, publicKey);
    show('jose', alg, back.sub, back.role);
  }
  const { publicKey, privateKey } = await jose.generateKeyPair('ES256');
  const signed = await new jose.SignJWT({ a: 1 }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
  show('jose generated', (await jose.jwtVerify(signed, publicKey)).payload.a);
  try {
    await jose.jwtVerify(signed.slice(0, -4) + 'AAAA', publicKey);
  } catch (e) {
    show('jose tampered', e.code);
  }
  const secret = new TextEncoder().encode('a secret of at least thirty-two bytes!');
  const hs = await new jose.SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(secret);
  show('jose HS256', hs.slice(-20), (await jose.jwtVerify(hs, secret)).payload.sub);
  // Encrypted tokens (JWE): key agreement (ECDH-ES), AES key wrap, RSA-OAEP, AES-GCM key
  // wrap and direct keys; the ciphertexts are random, the decrypted claims are not.
  for (const [alg, make] of [
    ['ECDH-ES', () => jose.generateKeyPair('ECDH-ES', { crv: 'P-256' })],
    ['ECDH-ES+A128KW', () => jose.generateKeyPair('ECDH-ES+A128KW', { crv: 'P-384' })],
    ['ECDH-ES+A256KW', () => jose.generateKeyPair('ECDH-ES+A256KW')],
    ['ECDH-ES+A256KW', () => jose.generateKeyPair('ECDH-ES+A256KW', { crv: 'X25519' })],
    ['A192KW', () => jose.generateSecret('A192KW')],
    ['RSA-OAEP-256', () => jose.generateKeyPair('RSA-OAEP-256')],
    ['A256GCMKW', () => jose.generateSecret('A256GCMKW')],
    ['dir', () => jose.generateSecret('A256GCM')],
  ]) {
    const keys = await make();
    const jwe = await new jose.EncryptJWT(payload).setProtectedHeader({ alg, enc: 'A256GCM' })
      .encrypt(keys.publicKey ?? keys);
    const { payload: claims, protectedHeader } = await jose.jwtDecrypt(jwe, keys.privateKey ?? keys);
    show('jose JWE', alg, protectedHeader.enc, claims.sub, claims.role);
  }
  console.log(results.join('\n'));
})();
