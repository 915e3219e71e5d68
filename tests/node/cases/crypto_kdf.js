// pbkdf2, scrypt and hkdf: results for each digest and parameter set, sync and async (the
// async ones on the pool), and Node's argument errors.
const crypto = require('crypto');

for (const digest of ['sha1', 'sha256', 'sha512', 'md5', 'SHA384', 'sha224']) {
  console.log('pbkdf2', digest, crypto.pbkdf2Sync('password', 'salt', 3, 40, digest).toString('hex'));
}
console.log('pbkdf2 buffers', crypto.pbkdf2Sync(Buffer.from('pw'), new Uint8Array([1, 2, 3]).buffer, 1, 0, 'sha256').length,
  crypto.pbkdf2Sync(new Uint16Array([1, 2]), new DataView(new ArrayBuffer(4)), 2, 16, 'sha256').toString('base64'));
console.log('scrypt default', crypto.scryptSync('password', 'salt', 32).toString('hex'));
console.log('scrypt params', crypto.scryptSync('pw', 'NaCl', 24, { N: 1024, r: 8, p: 2 }).toString('hex'),
  crypto.scryptSync('pw', 'NaCl', 16, { cost: 64, blockSize: 2, parallelization: 3, maxmem: 1 << 20 }).toString('hex'));
const h = crypto.hkdfSync('sha256', 'input key', 'salt', 'info', 42);
console.log('hkdf', h instanceof ArrayBuffer, Buffer.from(h).toString('hex'));
console.log('hkdf max', crypto.hkdfSync('sha1', Buffer.alloc(4), Buffer.alloc(0), '', 255 * 20).byteLength,
  Buffer.from(crypto.hkdfSync('sha512', crypto.createSecretKey(Buffer.from('k')), 's', Buffer.alloc(1024), 8)).toString('hex'));

// Pool jobs finish in any order (in node too): printed together once all are done.
const results = {};
const done = (label) => (err, key) => {
  results[label] = [err, key instanceof ArrayBuffer, Buffer.from(key).toString('hex')];
  if (Object.keys(results).length === 3) for (const l of Object.keys(results).sort()) console.log(l, ...results[l]);
};
crypto.pbkdf2('pw', 'salt', 1000, 16, 'sha256', done('pbkdf2 async'));
crypto.scrypt('pw', 'salt', 16, done('scrypt async'));
crypto.hkdf('sha384', 'ikm', 'salt', 'info', 20, done('hkdf async'));
console.log('async started');

for (const [label, fn] of [
  ['pbkdf2 no digest', () => crypto.pbkdf2Sync('a', 'b', 1, 10)],
  ['pbkdf2 bad digest', () => crypto.pbkdf2Sync('a', 'b', 1, 10, 'sha3-999')],
  ['pbkdf2 iterations', () => crypto.pbkdf2Sync('a', 'b', 0, 10, 'sha1')],
  ['pbkdf2 keylen', () => crypto.pbkdf2Sync('a', 'b', 1, -1, 'sha1')],
  ['pbkdf2 password', () => crypto.pbkdf2Sync(1, 'b', 1, 1, 'sha1')],
  ['pbkdf2 callback', () => crypto.pbkdf2('a', 'b', 1, 1, 'sha1')],
  ['scrypt N', () => crypto.scryptSync('a', 'b', 8, { N: 3 })],
  ['scrypt N and cost', () => crypto.scryptSync('a', 'b', 8, { N: 16, cost: 16 })],
  ['scrypt memory', () => crypto.scryptSync('a', 'b', 8, { N: 2 ** 20 })],
  ['scrypt r*p', () => crypto.scryptSync('a', 'b', 8, { r: 1, p: 2 ** 30 })],
  ['scrypt N vs r', () => crypto.scryptSync('a', 'b', 8, { N: 2 ** 16, r: 1 })],
  ['scrypt keylen', () => crypto.scryptSync('a', 'b', 1.5)],
  ['scrypt callback', () => crypto.scrypt('a', 'b', 8, {})],
  ['hkdf digest', () => crypto.hkdfSync('nope', 'a', 'b', 'c', 8)],
  ['hkdf length', () => crypto.hkdfSync('sha256', 'a', 'b', 'c', 255 * 32 + 1)],
  ['hkdf info', () => crypto.hkdfSync('sha256', 'a', 'b', Buffer.alloc(1025), 8)],
  ['hkdf key', () => crypto.hkdfSync('sha256', 5, 'b', 'c', 8)],
  ['hkdf salt', () => crypto.hkdfSync('sha256', 'a', null, 'c', 8)],
]) {
  try {
    const r = fn();
    console.log(label, 'no error', r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
