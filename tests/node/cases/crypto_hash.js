// Hashes, HMACs and random numbers: digests in every encoding, copy(), streaming use,
// and the errors for bad algorithms, finalized hashes and bad sizes.
const crypto = require('crypto');
for (const alg of ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'SHA256', 'RSA-SHA1']) {
  console.log(alg, crypto.createHash(alg).update('abc').update(Buffer.from('def')).digest('hex'));
}
const h = crypto.createHash('sha256').update('part one');
const c = h.copy();
console.log(h.digest('base64'), c.update(' and two').digest('base64url'));
console.log(crypto.createHash('sha1').update('€uro', 'utf8').digest().length, crypto.createHash('md5').update('ff00', 'hex').digest('latin1').length);
console.log(crypto.createHmac('sha256', 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'));
console.log(crypto.createHmac('sha512', Buffer.alloc(200, 1)).update('x').digest('base64'));
const done = h;
for (const [label, fn] of [
  ['bad algorithm', () => crypto.createHash('nope')],
  ['after digest', () => done.update('x')],
  ['digest twice', () => done.digest()],
  ['bad data', () => crypto.createHash('sha1').update(42)],
  ['bad hmac', () => crypto.createHmac('nope', 'k')],
  ['bad size', () => crypto.randomBytes(-1)],
  ['bad size type', () => crypto.randomBytes('1')],
  ['unequal lengths', () => crypto.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2))],
]) {
  try {
    fn();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
console.log(crypto.randomBytes(16).length, typeof crypto.randomUUID(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
console.log(crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')), crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ac')));
const n = crypto.randomInt(10, 20);
console.log(n >= 10 && n < 20, crypto.getHashes().includes('sha256'), globalThis.crypto.getRandomValues(new Uint32Array(4)).length);
crypto.randomBytes(8, (err, buf) => console.log('async', err, buf.length));
const stream = crypto.createHash('sha1');
stream.on('readable', () => {
  const d = stream.read();
  if (d) console.log('stream digest', d.toString('hex'));
});
stream.write('ab');
stream.end('c');
console.log('one-shot', crypto.hash('sha1', 'abc'), crypto.hash('sha256', Buffer.from('x'), 'base64'), crypto.hash('md5', 'x', 'buffer').length);
console.log('fips', crypto.getFips(), crypto.secureHeapUsed(), crypto.getCurves().includes('prime256v1'));
const shared = new SharedArrayBuffer(16);
crypto.randomFillSync(shared);
console.log('shared fill', new Uint8Array(shared).some((b) => b !== 0));
for (const bad of [1, { disableEntropyCache: '' }]) {
  try {
    crypto.randomUUID(bad);
  } catch (e) {
    console.log('randomUUID', e.code, e.message);
  }
}
console.log('uuid', /^[0-9a-f-]{36}$/.test(crypto.randomUUID({ disableEntropyCache: true })));
