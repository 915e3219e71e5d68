// Asymmetric keys and signatures: RSA, EC and Ed25519 keys read from PEM, DER and JWK in
// every form and written back; PKCS#1 v1.5 and Ed25519 signatures (deterministic, so they
// must equal node's), PSS and ECDSA ones checked both ways (including signatures node
// made); generated EC and Ed25519 pairs; and the errors for wrong keys, digests and options.
const crypto = require('crypto');
const { inspect } = require('util');

const RSA_PKCS8 = `-----BEGIN PRIVATE KEY-----
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
const RSA_PKCS1 = `-----BEGIN RSA PRIVATE KEY-----
MIIEogIBAAKCAQEAxdlAnf7hCiJjPGccyV0BphLLKRsIpzBB4TpLJ7jeWnYuRr9R
bU7zhgb2FbhIYwthhLACxRQhwqvegU8vUhFB9RAgTx7xZQO5AzyRXK4VN/qivVA5
pOYj/vauc7xRIluH4WhD5mlv+Vde4Nac1LEKdXkgSMUfPIk4OJ+RfzTk59lo1/lO
DYnhjqiFZ1fLXCAfRL+x211nGY0dqKIptpgrcmekOHfnLkYVRMQrS7+gn6qSDWv+
BrMw94IyerjyVKlagIYpI9gPW5TO/20UnLUWxvz5U7gtsld0JZP8M7NPs8x0alay
vCjI2pD84DuKs1ILEkZiGsflGv5DZ8YZcsnoBQIDAQABAoIBAB6aORV3LCXeJc1d
AaXf3fZrJ8OG6/K4UyhcVO2i+bmyV/wXcaffs2lCwGOhqoivZPkaJIOJVqN+5B7K
Ob6O7s3SHb0/QwVl6wMmJjHYt21+NhfkRdZMxrqUO22pbj9LOxxRfVcxbeF6czGB
4KZBcCW1g5nd67P4YZrYi6/KZbG6uI6e4ETa+Y3cYSeBauBP+dmLLMwS5Q7RE21m
pZDI/5fSrker/I4DawBfZdz7xqsDw7m0pZbpkJg5pCmBv9GKpqhewKT/3UzK5cLj
qH6BzJqQfdtIfZw6ly8rVAq9h0BkY68Zh8si9kqkLS243XQkqjb9JF+HwKOo6gTW
lk7rQIECgYEA4UUmKy9WxvoD8hL8taXAOE+kRGCojQbFKIC/7M+vZ6WJaI4KKA6c
zROomvzQU+wS9Y0L9pBwf8hJJvT4IBStR/R9CQvH+tQGLLNF10+3XXdXq2aOzeYZ
zR+rv/UqDnXiRcVi9HwlfaN+xLoU/QZpdRD+Z0weymFAhP0J1e/v6WUCgYEA4NZ+
nSEkUeQec3Y7dQckBVMtgDydVkeo3SCO5oW3r824Rg+9uGf21jNR54at83WIPPqY
XQihAMpaMZoPRv3u/F+afLTtjOYabR4uLLRmHwZukXySB5E+C8rtFCoXXANcGeYA
RZhBr4i7GPZ+wuKr3cKq3YVYUABJdQj2N85FaiECgYB2axZEb08rq/P1BfwoNOiV
8W/FrhYMhHmR8BR0FTz8vC0+dCRsqDnPKD1is/GDnD7fK/UU+RraYVvrCa2Bl7z7
bU9pOPM4LMrOJrNZGwOmM303keMR45q+lJ6BewxPq7J1wOxi3vwKTq7uFW/BDuTS
8Er73Cz3cCYtgqLv/oBcbQKBgGGqSs2Oe+xmnyOglCs9stPtUbKGogG8lwmW/vv7
0dK4Ffe5FrxnzL03BbkAs8cxosB6Snz/JpDlVVB+j2xTGeDe1oidPyMZQRltJrmc
k0+ex6DC79wBp2YP+/PqZMM/Yl6Nnkic3suVJVCuolmdhPKLgRVAux/lQANqpSmQ
nG6BAoGAEn9kO8DaNOpvmal07me2jZO0UbfPctwM8IbMVodVwwYvJ7ffNaqASCXf
HaGcUtNmtOp99Xan0fUtuvdzkYqSvyojvDCZcbH7PkOyqjfEd3nUtaHVURyOXHQP
yJ4LBc0U66AwayTO8gKnEtf2WNOjqRo5h9tVumY/rrmiaYfIWxw=
-----END RSA PRIVATE KEY-----
`;
const RSA_SPKI = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxdlAnf7hCiJjPGccyV0B
phLLKRsIpzBB4TpLJ7jeWnYuRr9RbU7zhgb2FbhIYwthhLACxRQhwqvegU8vUhFB
9RAgTx7xZQO5AzyRXK4VN/qivVA5pOYj/vauc7xRIluH4WhD5mlv+Vde4Nac1LEK
dXkgSMUfPIk4OJ+RfzTk59lo1/lODYnhjqiFZ1fLXCAfRL+x211nGY0dqKIptpgr
cmekOHfnLkYVRMQrS7+gn6qSDWv+BrMw94IyerjyVKlagIYpI9gPW5TO/20UnLUW
xvz5U7gtsld0JZP8M7NPs8x0alayvCjI2pD84DuKs1ILEkZiGsflGv5DZ8YZcsno
BQIDAQAB
-----END PUBLIC KEY-----
`;
const RSA_PUB_PKCS1 = `-----BEGIN RSA PUBLIC KEY-----
MIIBCgKCAQEAxdlAnf7hCiJjPGccyV0BphLLKRsIpzBB4TpLJ7jeWnYuRr9RbU7z
hgb2FbhIYwthhLACxRQhwqvegU8vUhFB9RAgTx7xZQO5AzyRXK4VN/qivVA5pOYj
/vauc7xRIluH4WhD5mlv+Vde4Nac1LEKdXkgSMUfPIk4OJ+RfzTk59lo1/lODYnh
jqiFZ1fLXCAfRL+x211nGY0dqKIptpgrcmekOHfnLkYVRMQrS7+gn6qSDWv+BrMw
94IyerjyVKlagIYpI9gPW5TO/20UnLUWxvz5U7gtsld0JZP8M7NPs8x0alayvCjI
2pD84DuKs1ILEkZiGsflGv5DZ8YZcsnoBQIDAQAB
-----END RSA PUBLIC KEY-----
`;
const EC_PKCS8 = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgAb9xd0pYhjpOQXCW
s/cy5dAICAzxRY8I07QW/6Ql0p2hRANCAAQyER2aRBwZKwz8+3JZEmm5xqe8JLfA
W0/0Cq5CsdrxoJWEtI+h/4uEaTETWhVdK/uoetjtGKIIqFc6oPMVMdEY
-----END PRIVATE KEY-----
`;
const EC_SEC1 = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIAG/cXdKWIY6TkFwlrP3MuXQCAgM8UWPCNO0Fv+kJdKdoAoGCCqGSM49
AwEHoUQDQgAEMhEdmkQcGSsM/PtyWRJpucanvCS3wFtP9AquQrHa8aCVhLSPof+L
hGkxE1oVXSv7qHrY7RiiCKhXOqDzFTHRGA==
-----END EC PRIVATE KEY-----
`;
const EC_SPKI = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEMhEdmkQcGSsM/PtyWRJpucanvCS3
wFtP9AquQrHa8aCVhLSPof+LhGkxE1oVXSv7qHrY7RiiCKhXOqDzFTHRGA==
-----END PUBLIC KEY-----
`;
const EC384_PKCS8 = `-----BEGIN PRIVATE KEY-----
MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDDsTukuStPHvV8Csa2Q
8nfHdEiAAoQ6I7K3NuB3ncG+z8jqaV+qb7a8aKdwmjwLkQahZANiAARObUZNDkKk
YWqQxwqijzLxSFNUK68Ib3IPqC2l/wM8Bq37pNIZAH1z5SLkXHHXj3rarnb8pu6y
aOeULS8D0zuG/gRbUanwkiPMYBv6KZfqyc/cfIk5d0culxAP0R0dTUY=
-----END PRIVATE KEY-----
`;
const ED_PKCS8 = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEINRpxcvCSK5XI3hrEg6MUVavtdYEFhYbYaj8Fy+LOche
-----END PRIVATE KEY-----
`;
const ED_SPKI = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEApkK4LG2rEI/9JD2nxfjzftJNRBjIIXZqgGXi88QU35k=
-----END PUBLIC KEY-----
`;
// Made by node: RSA-PSS (salt as long as the digest) and ECDSA (DER and P1363).
const NODE_PSS = 'h3ZrN5UFvlEglbQwt2x1EjEPcGvAIztgZeSpUZatIFxn0bFmwHHFcHivRxMPyuFeKheDEPg5VdLkmdG58JAnMSEe9GbW8p/soQqqVXsQv0S88DXTxMYmUdyUhZz9eHWnMvyIErMBdTrmidTDCfGuGAho9ms5BAyWzU5eZE6rxgWb83mKwaapUbvRB5J8NuyGRd8E4W9aTjIKt0ggCRo9iGoY4OceKfbOnxVmd7vSePPT2vj5IPCmVqS8kT84CJI+z8P+4PD6yxui0G8h+BA31/XlbRkvt5JLoudhiYp/zUNS7CNKj/eqmJNR8qn3AAeXNAzqsE26gkGvdhIAkPvvbw==';
const NODE_ECDSA_DER = 'MEUCIQCtJLg2UQur0i8JmDaJi24W/D2HBpf/YsLf+Hhy1cqj4AIgPlmMObiHq/XOzqiIe8GyjNuCeYn8nUEgvHfFKV+WhJc=';
// And one with node's default PSS salt (the largest the key allows).
const NODE_PSS_MAX = 'HECUXRE30TNUO6SfIEPRSM1VGz8wJ2LbARiGK2dMQHusKFiMW7HUTscIVbrsWl3mL1SwFiZOfKlDdyvCthAxIteKYnqkg9GsHNVLjiIvlZmh6gmSAFqeGVNmZNmxoWMHsjL26c8IV778UaWP95BMiVrwPJimhnWxUo2TJzCavSbZPjvbCb4xIAERTf0po9PEjyNYg7Nu43wltHXgxr+Ov8/8wIIPucBNSOHU3DnK20HovGBdojhvThzmg1YCBZreRA0OY+KMNX/Rt/fFMGbsBIrEbhmWgLpnfcEkli3dfCCsay3IpnX8x++6erXFOWLhStYwjv3jkwXAtNGrxh2wRA==';
const NODE_ECDSA_P1363 = 'lEb8Z2zPk7E1yAiq5YAfnz+hBKsWFDZSHZ45FaaFoP2GLy+D/Rl1zjiGKlBHN5UCm+lqoWkQAWdfMbEngrd5PQ==';

const short = (b) => (typeof b === 'string' ? b : b.toString('base64')).slice(0, 40);
const msg = Buffer.from('message to sign');

const rsa = crypto.createPrivateKey(RSA_PKCS8);
console.log(inspect(rsa), rsa.type, rsa.asymmetricKeyType, rsa.asymmetricKeyDetails, rsa.symmetricKeySize);
console.log('pkcs1 pem equals pkcs8', rsa.equals(crypto.createPrivateKey(RSA_PKCS1)));
console.log('exports', rsa.export({ type: 'pkcs8', format: 'pem' }) === RSA_PKCS8, rsa.export({ type: 'pkcs1', format: 'pem' }) === RSA_PKCS1);
const rsaPub = crypto.createPublicKey(RSA_PKCS8);
console.log('public', rsaPub.type, rsaPub.export({ type: 'spki', format: 'pem' }) === RSA_SPKI, rsaPub.export({ type: 'pkcs1', format: 'pem' }) === RSA_PUB_PKCS1);
console.log('public forms', rsaPub.equals(crypto.createPublicKey(RSA_SPKI)), rsaPub.equals(crypto.createPublicKey(RSA_PUB_PKCS1)), rsaPub.equals(crypto.createPublicKey(rsa)));
const der = rsa.export({ type: 'pkcs1', format: 'der' });
console.log('der', der.length, crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs1' }).equals(rsa));
const jwk = rsa.export({ format: 'jwk' });
console.log('jwk', Object.keys(jwk), jwk.e, crypto.createPrivateKey({ key: jwk, format: 'jwk' }).equals(rsa), crypto.createPublicKey({ key: jwk, format: 'jwk' }).equals(rsaPub));

for (const alg of ['sha256', 'RSA-SHA384', 'sha512', 'sha256WithRSAEncryption', 'SHA256']) {
  const sig = crypto.sign(alg, msg, rsa);
  console.log('rsa', alg, sig.length, crypto.createHash('sha256').update(sig).digest('hex').slice(0, 32),
    crypto.verify(alg, msg, rsaPub, sig), crypto.verify(alg, Buffer.from('other'), RSA_SPKI, sig));
}
const signer = crypto.createSign('RSA-SHA256');
signer.update('message ');
signer.write(Buffer.from('to sign'));
const streamed = signer.sign(RSA_PKCS1, 'base64');
console.log('createSign', short(streamed), streamed === crypto.sign('sha256', msg, rsa).toString('base64'));
console.log('createVerify', crypto.createVerify('sha256').update(msg).verify(RSA_SPKI, streamed, 'base64'), crypto.createVerify('sha256').update('x').verify(rsaPub, streamed, 'base64'));
console.log('default digest', crypto.sign(null, msg, rsa).equals(crypto.sign('sha256', msg, rsa)));
const pss = crypto.sign('sha256', msg, { key: rsa, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST });
console.log('pss', pss.length, crypto.verify('sha256', msg, { key: rsaPub, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, pss),
  crypto.verify('sha256', Buffer.from('pss message'), { key: RSA_SPKI, padding: 6, saltLength: -1 }, Buffer.from(NODE_PSS, 'base64')),
  crypto.verify('sha256', msg, rsaPub, pss));

console.log('pss max salt', crypto.verify('sha256', Buffer.from('pss max'), { key: rsaPub, padding: 6 }, Buffer.from(NODE_PSS_MAX, 'base64')),
  crypto.verify('sha256', Buffer.from('pss max'), { key: rsaPub, padding: 6, saltLength: 32 }, Buffer.from(NODE_PSS_MAX, 'base64')),
  crypto.verify('sha256', Buffer.from('pss max'), { key: rsaPub, padding: 6, saltLength: 222 }, Buffer.from(NODE_PSS_MAX, 'base64')));
for (const saltLength of [0, 20, crypto.constants.RSA_PSS_SALTLEN_MAX_SIGN]) {
  const sig = crypto.sign('sha1', msg, { key: rsa, padding: 6, saltLength });
  console.log('pss salt', saltLength, crypto.verify('sha1', msg, { key: rsaPub, padding: 6 }, sig), crypto.verify('sha1', msg, { key: rsaPub, padding: 6, saltLength }, sig));
}
console.log('sha1 pkcs1', crypto.sign('RSA-SHA1', msg, rsa).toString('base64').slice(0, 40));
const ec = crypto.createPrivateKey(EC_SEC1);
const ecPub = crypto.createPublicKey(EC_SPKI);
console.log(inspect(ec), ec.asymmetricKeyDetails, ec.equals(crypto.createPrivateKey(EC_PKCS8)));
console.log('ec exports', ec.export({ type: 'sec1', format: 'pem' }) === EC_SEC1, ec.export({ type: 'pkcs8', format: 'pem' }) === EC_PKCS8,
  crypto.createPublicKey(ec).export({ type: 'spki', format: 'pem' }) === EC_SPKI);
console.log('ec jwk', ec.export({ format: 'jwk' }), ecPub.export({ format: 'jwk' }));
console.log('ec jwk back', crypto.createPrivateKey({ key: ec.export({ format: 'jwk' }), format: 'jwk' }).equals(ec));
for (const dsaEncoding of ['der', 'ieee-p1363']) {
  const sig = crypto.sign('sha256', msg, { key: ec, dsaEncoding });
  console.log('ecdsa', dsaEncoding, dsaEncoding === 'der' ? sig[0] : sig.length, crypto.verify('sha256', msg, { key: ecPub, dsaEncoding }, sig), crypto.verify('sha256', Buffer.from('x'), { key: ecPub, dsaEncoding }, sig));
}
console.log('node ecdsa', crypto.verify('sha256', Buffer.from('ec message'), EC_SPKI, Buffer.from(NODE_ECDSA_DER, 'base64')),
  crypto.verify('sha256', Buffer.from('ec message'), { key: EC_SPKI, dsaEncoding: 'ieee-p1363' }, Buffer.from(NODE_ECDSA_P1363, 'base64')),
  crypto.createVerify('RSA-SHA256').update('ec message').verify(EC_SPKI, NODE_ECDSA_DER, 'base64'));
const ec384 = crypto.createPrivateKey(EC384_PKCS8);
const sig384 = crypto.sign('sha384', msg, ec384);
console.log('p-384', ec384.asymmetricKeyDetails, crypto.verify('sha384', msg, ec384, sig384), crypto.createPublicKey(ec384).export({ format: 'jwk' }).crv);

const ed = crypto.createPrivateKey(ED_PKCS8);
const edSig = crypto.sign(null, msg, ed);
console.log(inspect(ed), ed.asymmetricKeyDetails, edSig.toString('hex'));
console.log('ed25519', crypto.verify(null, msg, ED_SPKI, edSig), crypto.verify(undefined, Buffer.from('x'), ed, edSig),
  crypto.createPublicKey(ed).export({ type: 'spki', format: 'pem' }) === ED_SPKI, ed.export({ format: 'jwk' }));

for (const [type, options] of [['ec', { namedCurve: 'P-256' }], ['ec', { namedCurve: 'secp384r1' }], ['ed25519', undefined]]) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync(type, options);
  // Each curve with its own digest (ring signs P-384 with SHA-384 only).
  const digest = type === 'ed25519' ? null : options.namedCurve === 'P-256' ? 'sha256' : 'sha384';
  const sig = crypto.sign(digest, msg, privateKey);
  console.log('generated', type, publicKey.type, privateKey.asymmetricKeyType, privateKey.asymmetricKeyDetails,
    crypto.verify(digest, msg, publicKey, sig));
}
const rsaPair = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 3 });
const rsaPairSig = crypto.sign('sha256', msg, rsaPair.privateKey);
console.log('generated rsa', rsaPair.privateKey.asymmetricKeyDetails, crypto.verify('sha256', msg, rsaPair.publicKey, rsaPairSig),
  crypto.privateDecrypt(rsaPair.privateKey, crypto.publicEncrypt(rsaPair.publicKey, msg)).toString());
const small = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
const smallSig = crypto.sign('sha512', msg, small.privateKey);
console.log('1024-bit', smallSig.length, crypto.verify('sha512', msg, small.publicKey, smallSig), crypto.verify('sha256', msg, small.publicKey, smallSig));
const sealed = crypto.publicEncrypt(RSA_SPKI, Buffer.from('sealed'));
console.log('publicEncrypt', sealed.length, crypto.privateDecrypt(RSA_PKCS8, sealed).toString(),
  crypto.privateDecrypt({ key: rsa, oaepHash: 'sha512', oaepLabel: Buffer.from('label') },
    crypto.publicEncrypt({ key: RSA_PKCS8, oaepHash: 'sha512', oaepLabel: Buffer.from('label') }, Buffer.from('labelled'))).toString());
const encoded = crypto.generateKeyPairSync('ec', {
  namedCurve: 'prime256v1',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'sec1', format: 'der' },
});
console.log('encoded', encoded.publicKey.split('\n')[0], Buffer.isBuffer(encoded.privateKey), crypto.createPrivateKey({ key: encoded.privateKey, format: 'der', type: 'sec1' }).asymmetricKeyType);
// One after the other: node runs both on its pool, where they may finish in either order.
crypto.generateKeyPair('ed25519', { publicKeyEncoding: { format: 'jwk' } }, (err, publicKey, privateKey) => {
  console.log('async pair', err, publicKey.kty, publicKey.crv, privateKey.type);
  crypto.sign('sha256', msg, rsa, (err, sig) => console.log('async sign', err, sig.equals(crypto.sign('sha256', msg, rsa))));
});
console.log('secret', crypto.generateKeySync('hmac', { length: 64 }).symmetricKeySize, crypto.generateKeySync('aes', { length: 256 }).symmetricKeySize);

for (const [label, fn] of [
  ['sign with public', () => crypto.sign('sha256', msg, RSA_SPKI)],
  ['bad digest', () => crypto.sign('sha999', msg, rsa)],
  ['createSign bad', () => crypto.createSign('nope')],
  ['ed25519 digest', () => crypto.sign('sha256', msg, ed)],
  ['no key', () => crypto.createSign('sha256').update('x').sign()],
  ['key type', () => crypto.sign('sha256', msg, 42)],
  ['signature type', () => crypto.verify('sha256', msg, rsaPub, 'abc')],
  ['garbage key', () => crypto.createPrivateKey('not a key')],
  ['public as private', () => crypto.createPrivateKey(RSA_SPKI)],
  ['der without type', () => crypto.createPrivateKey({ key: der, format: 'der' })],
  ['export no options', () => rsa.export()],
  ['export type', () => rsa.export({ type: 'spki', format: 'pem' })],
  ['export format', () => rsa.export({ type: 'pkcs8', format: 'xml' })],
  ['export sec1 of rsa', () => rsa.export({ type: 'sec1', format: 'pem' })],
  ['export pkcs1 of ec', () => ec.export({ type: 'pkcs1', format: 'der' })],
  ['jwk kty', () => crypto.createPublicKey({ key: { kty: 'XYZ' }, format: 'jwk' })],
  ['jwk missing member', () => crypto.createPrivateKey({ key: { kty: 'RSA', n: 'AQAB', e: 'AQAB' }, format: 'jwk' })],
  ['jwk crv', () => crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-999', x: 'AA', y: 'AA' }, format: 'jwk' })],
  ['keygen type', () => crypto.generateKeyPairSync('xyz')],
  ['keygen curve', () => crypto.generateKeyPairSync('ec', { namedCurve: 'nope' })],
  ['keygen no curve', () => crypto.generateKeyPairSync('ec', {})],
  ['dsaEncoding', () => crypto.sign('sha256', msg, { key: ec, dsaEncoding: 'xml' })],
  ['pkcs1 decryption', () => crypto.privateDecrypt({ key: rsa, padding: crypto.constants.RSA_PKCS1_PADDING }, sealed)],
  ['oaep decoding', () => crypto.privateDecrypt(rsa, Buffer.alloc(256, 1))],
  ['too large', () => crypto.publicEncrypt(rsaPub, Buffer.alloc(300))],
  ['encrypt with ec', () => crypto.publicEncrypt(EC_SPKI, Buffer.alloc(3))],
  ['rsa too small', () => crypto.generateKeyPairSync('rsa', { modulusLength: 256 })],
  ['rsa even exponent', () => crypto.generateKeyPairSync('rsa', { modulusLength: 1024, publicExponent: 4 })],
  ['rsa no length', () => crypto.generateKeyPairSync('rsa', {})],
  ['wrong signature length', () => crypto.verify('sha256', msg, rsaPub, Buffer.alloc(3))],
  ['verify with private', () => crypto.verify('sha256', msg, RSA_PKCS8, Buffer.alloc(256))],
]) {
  try {
    const r = fn();
    console.log(label, 'no error', r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
