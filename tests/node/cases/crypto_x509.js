// crypto.X509Certificate: the fields of an EC and an RSA self-signed certificate (PEM and
// DER), host/IP/email checks, issuer and private-key checks, signature verification, the
// public key, and the legacy object.
const crypto = require('crypto');
const { X509Certificate } = crypto;

const EC_CERT = `-----BEGIN CERTIFICATE-----
MIICBjCCAa2gAwIBAgIUDzO7ICK8JBy9H/7RBrXzM63bzQ0wCgYIKoZIzj0EAwIw
OTELMAkGA1UEBhMCVVMxEzARBgNVBAoMClVub2RlIFRlc3QxFTATBgNVBAMMDGV4
YW1wbGUudGVzdDAeFw0yNjEyMDcxNDQyMDRaFw0zNjEyMDQxNDQyMDRaMDkxCzAJ
BgNVBAYTAlVTMRMwEQYDVQQKDApVbm9kZSBUZXN0MRUwEwYDVQQDDAxleGFtcGxl
LnRlc3QwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQ4xUsCqHD5FqzxUigug2sc
Sqws5X6d1jts2T7djeawm4veAoNTMeqLywhUR6e07qo30pXKMC9okUQqcNuF1O6b
o4GSMIGPMB0GA1UdDgQWBBRuyAl6ztVZjV1qXRKs3DJlsCrGtzAfBgNVHSMEGDAW
gBRuyAl6ztVZjV1qXRKs3DJlsCrGtzAPBgNVHRMBAf8EBTADAQH/MDwGA1UdEQQ1
MDOCDGV4YW1wbGUudGVzdIILKi53aWxkLnRlc3SHBH8AAAGBEG9wc0BleGFtcGxl
LnRlc3QwCgYIKoZIzj0EAwIDRwAwRAIgPdy1edxntRhcRpkhj3dHCwi0AnOFB+JQ
fy06zp8Hv/QCIE0Mvl8fsQHc1om+RcpwNNFtDNdLtTGTz7rLvZJciNUG
-----END CERTIFICATE-----
`;
const EC_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgqyGoVtUOJN57Eiye
7Ct7VcDabTifAq0+yVVuCOZD2s2hRANCAAQ4xUsCqHD5FqzxUigug2scSqws5X6d
1jts2T7djeawm4veAoNTMeqLywhUR6e07qo30pXKMC9okUQqcNuF1O6b
-----END PRIVATE KEY-----
`;
const RSA_CERT = `-----BEGIN CERTIFICATE-----
MIIDBzCCAe+gAwIBAgIUfn29rQexQjFLkUOqltsY4n0ywyMwDQYJKoZIhvcNAQEL
BQAwEzERMA8GA1UEAwwIcnNhLnRlc3QwHhcNMjYxMjA3MTQ0MjA0WhcNMzYxMjA0
MTQ0MjA0WjATMREwDwYDVQQDDAhyc2EudGVzdDCCASIwDQYJKoZIhvcNAQEBBQAD
ggEPADCCAQoCggEBAKCNr12z79VSVPaEG0o43ReF804vi0o6/UKTDAP81DZ7DzZq
6yO44wkWQjoUC8fSdT7hDzS8fQYc79qcnfpQs8MnJgwTWaQsQbhr0wVXKj/NTMuH
vCuAW4Y5t65a8ruhYXdGYp3VdKGy3hr5TG+WV2mTiO8AkIIE8iRl2MMthQGTI1oJ
aqZAZrBkdVMBJgK9XXmJ6ZUKje/7/qOc1RAaWI3M4O8x4OmcndZNq5VUXXMsVet7
vyEtYlh87TuSd3s6zQo3LNU1DVtap77EzlqD5TXzx14LJL19a5YtMcFvmEXiX9rf
Agn6nrUwtswS8xlDEQFxTXjA68loA1rn1ZG0Je0CAwEAAaNTMFEwHQYDVR0OBBYE
FLnTGOxKNoJC9idMLFnlU0Vgj+oKMB8GA1UdIwQYMBaAFLnTGOxKNoJC9idMLFnl
U0Vgj+oKMA8GA1UdEwEB/wQFMAMBAf8wDQYJKoZIhvcNAQELBQADggEBAIw1wJ/a
37TPqiOdDZJPEvkk2nMv+ZPQJwH21KSnVNPOqIwT12R5UUF48nTEDsvjt1FnTRoD
5kZhNOL01vio4Vrxli8piqBWaLBSmSUcA9n0G4KIJXL5hhGtaNxVZh/aTD464u6n
3bHsXoRS8QGkodeK5B0TXLnlPDd/EnHWu64GZsDt0fIdezo/0zc+S6X+i1p8LKi7
awV83aWyFezX2mxLunUI6MQL63Y5B1+7r1mOqQlYJWavyLkiOimaklvm2g2JIXvz
5VDkWkmynbtqUaxGOCNTsE/+6xwIz0ZGNVpr8sa5kUroDSGW82W5m/Otbzqk5Z4Y
sLcsykwRpCIsQHU=
-----END CERTIFICATE-----
`;
const RSA_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQCgja9ds+/VUlT2
hBtKON0XhfNOL4tKOv1CkwwD/NQ2ew82ausjuOMJFkI6FAvH0nU+4Q80vH0GHO/a
nJ36ULPDJyYME1mkLEG4a9MFVyo/zUzLh7wrgFuGObeuWvK7oWF3RmKd1XShst4a
+Uxvlldpk4jvAJCCBPIkZdjDLYUBkyNaCWqmQGawZHVTASYCvV15iemVCo3v+/6j
nNUQGliNzODvMeDpnJ3WTauVVF1zLFXre78hLWJYfO07knd7Os0KNyzVNQ1bWqe+
xM5ag+U188deCyS9fWuWLTHBb5hF4l/a3wIJ+p61MLbMEvMZQxEBcU14wOvJaANa
59WRtCXtAgMBAAECggEAD43/3MbUst4fInhPYd7Qd2RK24WlAQlmBU/UbNkkgNgQ
npJikDtsA4gHMolD+uqw4T6nXSdFwD8yyFiUFZmWpjmMvhlsfd4BH/+SRNovsFlm
L0cfO+Jbpk1r4Ospc8mBdS952RYXuUgTAe9VMG+9rZoq52eD7eona3n9M4DyzzbC
1Lu3whTG+JgYrazQYXhJerwjp8wdLLJS6loEBg0DOryhHdGMBbhJaWUGY1hzwCOf
XfKTSjeNXDLtDSUgG6fs7q5aa/px1rPJNEFvzPGgcQGSEzNFW+p6UVM9OD/yVWrs
SXCEYwErYnonZZ4Ah8WNKegVPNAnfV2/yOY3ifgkIQKBgQDNRP43dA8a2fmpIQuf
SY+BTvQ2BGmNcJTz2WaoJR6FwDrCFmvT52VGfC2v8Fcqrm8WCsK01DG9jUNwAWID
JDtmGS9FQ4nj0/zDNRslfc0xzsBg50CTFlNJJvvwYqujZaoxPsY0hBKOTX14l2Mm
IAA4g43zGh5ppfP6yDThExcD9wKBgQDIO5f5jDeY7SQbawtuR0pyyNbsEXHQ8S02
k4BSHcw/uou6piIDCf+ulrhzuhv8ICeaxk149VlPDvMDurFfIJefqNyHyLyPhFgy
s5iCHQ8vlm1xdBpTHEITHvmeqZrH0xr5243DKrjtvqyAVqji/0B/Dwpqn1uyFXrQ
gNL6SwSkOwKBgHzxeNeiIiuS8D89KQjcyqfHuihDCUiZdWD0PGMurOR2vI00/o8u
MtvzbA/CeBw3rtA43okY++nH2XuMq+8Dl9AuljJPyNfPSfQ8F/j7GPIvSbPyLsEY
/rrxKrsIJDdCA5UUA6sllPHfQvcrFqO3KMs9cCLADDD8XYSRZnZ1mzXDAoGAJzSD
7TinKipEh5nOAymySgdJDa/cuSx/zc/TsEBlXZUJBuLAhhfPGEAqnX4zPIqPNp7d
THG9qt0id/h2Ako/ZeOKSovjX7ZqDoNbuR43evnZM/2nqd4+kb/e4FIVHEsZXRLA
DxauXt6WqApPxyJzXm1zfKz3J0dNZMXUiW1m20ECgYAJjOAxYMYql6jkoscTDDlX
xMSxWdiU9rcs0HhT4m8dMGzO/L9Od4UrrcCq/6hl7iFi6R4HTTtVzROsmTYY3twU
1SHZYJxSWznENygTknTLV7TdSIa47ls1m7n4YDpAsvB2hOocopoz4Vbxo1SzVvov
WEAcDJOmN49iiqQktDtx/g==
-----END PRIVATE KEY-----
`;

const ec = new X509Certificate(EC_CERT);
const rsa = new X509Certificate(Buffer.from(RSA_CERT));
for (const cert of [ec, rsa]) {
  console.log(cert.subject.split('\n'), cert.issuer.split('\n'), cert.subjectAltName, cert.validFrom.length > 0, cert.validTo.length > 0);
  console.log(cert.fingerprint, cert.fingerprint256.length, cert.fingerprint512.length, cert.serialNumber.length > 0, cert.ca, cert.keyUsage);
  console.log(cert.publicKey.asymmetricKeyType, cert.raw.length, cert.toString() === cert.toJSON(), new X509Certificate(cert.raw).fingerprint256 === cert.fingerprint256);
}
console.log('host', ec.checkHost('example.test'), ec.checkHost('a.wild.test'), ec.checkHost('other.test'));
console.log('ip', ec.checkIP('127.0.0.1'), ec.checkIP('10.0.0.1'), 'email', ec.checkEmail('ops@example.test'), ec.checkEmail('x@y.z'));
console.log('issued', ec.checkIssued(ec), ec.checkIssued(rsa));
console.log('private key', ec.checkPrivateKey(crypto.createPrivateKey(EC_KEY)), ec.checkPrivateKey(crypto.createPrivateKey(RSA_KEY)), rsa.checkPrivateKey(crypto.createPrivateKey(RSA_KEY)));
console.log('verify', ec.verify(ec.publicKey), rsa.verify(rsa.publicKey), ec.verify(rsa.publicKey));
const legacy = rsa.toLegacyObject();
console.log('legacy', legacy.subject, legacy.bits, legacy.exponent, Buffer.isBuffer(legacy.raw));
for (const [label, fn] of [
  ['not a cert', () => new X509Certificate(Buffer.from('nonsense'))],
  ['type', () => new X509Certificate(42)],
  ['checkHost type', () => ec.checkHost(1)],
]) {
  try {
    fn();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.name, e.code);
  }
}
