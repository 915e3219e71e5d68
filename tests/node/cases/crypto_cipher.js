// AES ciphers (ECB, CBC, CTR, GCM at every key size): outputs fed in uneven pieces, as
// strings in several encodings, with padding off, through the stream side, and the errors
// for bad names, keys, IVs, padding, tags and states.
const crypto = require('crypto');
const { pipeline, Readable, Writable } = require('stream');

const text = 'The quick brown fox jumps over the lazy dog, then naps in the sun. ' + '€uro ☃ '.repeat(5);
const keyOf = (bits) => Buffer.from(Array.from({ length: bits / 8 }, (_, i) => (i * 7 + 3) & 255));
for (const bits of [128, 192, 256]) {
  for (const mode of ['ecb', 'cbc', 'ctr', 'gcm']) {
    const name = `aes-${bits}-${mode}`;
    const key = keyOf(bits);
    const iv = mode === 'ecb' ? null : Buffer.alloc(mode === 'gcm' ? 12 : 16, bits);
    const c = crypto.createCipheriv(name, key, iv);
    if (mode === 'gcm') c.setAAD(Buffer.from('header'));
    const parts = [c.update(text.slice(0, 5), 'utf8', 'hex'), c.update(text.slice(5, 40)).toString('hex'), c.update(Buffer.from(text.slice(40))).toString('hex'), c.final('hex')];
    const tag = mode === 'gcm' ? c.getAuthTag().toString('hex') : '';
    console.log(name, parts.map((p) => p.length).join(','), parts.join('').slice(0, 64), tag);
    const d = crypto.createDecipheriv(name, key, iv);
    if (mode === 'gcm') {
      d.setAAD(Buffer.from('header'));
      d.setAuthTag(Buffer.from(tag, 'hex'));
    }
    const ct = parts.join('');
    // A multi-byte character split across updates comes out whole.
    const back = d.update(ct.slice(0, 34), 'hex', 'utf8') + d.update(ct.slice(34), 'hex', 'utf8') + d.final('utf8');
    console.log(name, 'round trip', back === text);
  }
}

// Known answers: NIST SP 800-38A F.2.1 (CBC) and F.5.1 (CTR), no padding.
const k = Buffer.from('2b7e151628aed2a6abf7158809cf4f3c', 'hex');
const block = Buffer.from('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51', 'hex');
const cbc = crypto.createCipheriv('aes-128-cbc', k, Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex')).setAutoPadding(false);
console.log('cbc kat', Buffer.concat([cbc.update(block), cbc.final()]).toString('hex'));
const ctr = crypto.createCipheriv('aes-128-ctr', k, Buffer.from('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff', 'hex'));
console.log('ctr kat', Buffer.concat([ctr.update(block), ctr.final()]).toString('hex'));

// GCM with a non-96-bit IV and a short tag.
const g = crypto.createCipheriv('aes-256-gcm', keyOf(256), Buffer.alloc(20, 9), { authTagLength: 8 });
const gct = Buffer.concat([g.update('short tag'), g.final()]);
console.log('gcm iv20', gct.toString('base64'), g.getAuthTag().toString('hex'));
const gd = crypto.createDecipheriv('aes-256-gcm', keyOf(256), Buffer.alloc(20, 9), { authTagLength: 8 });
gd.setAuthTag(g.getAuthTag());
console.log('gcm iv20 back', Buffer.concat([gd.update(gct), gd.final()]).toString());

// Output sizes as OpenSSL gives them: whole blocks, the last one kept back on decryption.
const sizes = crypto.createCipheriv('aes-128-cbc', k, Buffer.alloc(16));
console.log('enc sizes', [1, 15, 16, 17, 31].map((n) => sizes.update(Buffer.alloc(n)).length).join(','), sizes.final().length);
const ct32 = crypto.createCipheriv('aes-128-cbc', k, Buffer.alloc(16)).update(Buffer.alloc(40));
const dsizes = crypto.createDecipheriv('aes-128-cbc', k, Buffer.alloc(16)).setAutoPadding(false);
console.log('dec sizes', [16, 8, 8].map((n, i) => dsizes.update(ct32.subarray(i === 0 ? 0 : 8 + 8 * i, i === 0 ? 16 : 16 + 8 * i)).length).join(','));

// The stream side.
const out = [];
pipeline(
  Readable.from([Buffer.from('stream '), Buffer.from('through a cipher')]),
  crypto.createCipheriv('aes-128-cbc', k, Buffer.alloc(16)),
  crypto.createDecipheriv('aes-128-cbc', k, Buffer.alloc(16)),
  new Writable({ write(chunk, _e, cb) { out.push(chunk); cb(); } }),
  (err) => console.log('pipeline', err ?? null, Buffer.concat(out).toString()),
);

const gcmCt = (() => {
  const c = crypto.createCipheriv('aes-128-gcm', k, Buffer.alloc(12));
  return Buffer.concat([c.update('secret'), c.final()]);
})();
// The OpenSSL errors first: Node reports the oldest error on OpenSSL's queue, which a
// failed create leaves there.
for (const [label, fn] of [
  ['bad decrypt', () => {
    const d = crypto.createDecipheriv('aes-128-cbc', Buffer.alloc(16), Buffer.alloc(16));
    d.update(crypto.createCipheriv('aes-128-cbc', k, Buffer.alloc(16)).final());
    return d.final();
  }],
  ['short final', () => crypto.createDecipheriv('aes-128-cbc', k, Buffer.alloc(16)).update(Buffer.alloc(5)) && crypto.createDecipheriv('aes-128-cbc', k, Buffer.alloc(16)).final()],
  ['unpadded', () => crypto.createCipheriv('aes-128-ecb', k, null).setAutoPadding(false).update(Buffer.alloc(3)) && crypto.createCipheriv('aes-128-ecb', k, null).setAutoPadding(false).final()],
  ['unknown cipher', () => crypto.createCipheriv('aes-128-xts2', k, Buffer.alloc(16))],
  ['key length', () => crypto.createCipheriv('aes-256-cbc', k, Buffer.alloc(16))],
  ['iv length', () => crypto.createCipheriv('aes-128-cbc', k, Buffer.alloc(8))],
  ['missing iv', () => crypto.createCipheriv('aes-128-ctr', k, null)],
  ['ecb with iv', () => crypto.createCipheriv('aes-128-ecb', k, Buffer.alloc(16))],
  ['key type', () => crypto.createCipheriv('aes-128-cbc', 42, Buffer.alloc(16))],
  ['iv type', () => crypto.createCipheriv('aes-128-cbc', k, 42)],
  ['data type', () => crypto.createCipheriv('aes-128-cbc', k, Buffer.alloc(16)).update({})],
  ['forged tag', () => {
    const d = crypto.createDecipheriv('aes-128-gcm', k, Buffer.alloc(12));
    d.setAuthTag(Buffer.alloc(16));
    d.update(gcmCt);
    return d.final();
  }],
  ['no tag', () => {
    const d = crypto.createDecipheriv('aes-128-gcm', k, Buffer.alloc(12));
    d.update(gcmCt);
    return d.final();
  }],
  ['tag length', () => crypto.createDecipheriv('aes-128-gcm', k, Buffer.alloc(12)).setAuthTag(Buffer.alloc(5))],
  ['tag option', () => crypto.createCipheriv('aes-128-gcm', k, Buffer.alloc(12), { authTagLength: 7 })],
  ['tag too early', () => crypto.createCipheriv('aes-128-gcm', k, Buffer.alloc(12)).getAuthTag()],
  ['aad on cbc', () => crypto.createCipheriv('aes-128-cbc', k, Buffer.alloc(16)).setAAD(Buffer.alloc(1))],
  ['final twice', () => {
    const c = crypto.createCipheriv('aes-128-cbc', k, Buffer.alloc(16));
    c.final();
    return c.final();
  }],
  ['padding after final', () => {
    const c = crypto.createCipheriv('aes-128-cbc', k, Buffer.alloc(16));
    c.final();
    return c.setAutoPadding(false);
  }],
]) {
  try {
    const r = fn();
    console.log(label, 'no error', r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message, e.reason ?? '', e.library ?? '');
  }
}

// After the errors: a failed lookup leaves an error on OpenSSL's queue too.
console.log(crypto.getCiphers().includes('aes-256-gcm'), crypto.getCipherInfo('aes-256-gcm'), crypto.getCipherInfo('AES-128-ECB'), crypto.getCipherInfo(419), crypto.getCipherInfo('nope'));
console.log(crypto.getCipherInfo('aes-128-cbc', { keyLength: 32 }), crypto.getCipherInfo('aes-128-gcm', { ivLength: 16 }));


// AES key wrap (RFC 3394 and the padded RFC 5649): the RFC's vector, a round trip, what
// getCipherInfo says, and the errors of making one. (Input of a wrong length, or a wrapped
// key that fails its check, is left to the unit test: node reports whatever an earlier
// failure left on OpenSSL's error queue.)
{
  const kek = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
  const data = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
  const iv = Buffer.alloc(8, 0xa6);
  const w = crypto.createCipheriv('id-aes128-wrap', kek, iv);
  const wrapped = Buffer.concat([w.update(data), w.final()]);
  const u = crypto.createDecipheriv('aes128-wrap', kek, iv);
  console.log('wrap', wrapped.toString('hex'), Buffer.concat([u.update(wrapped), u.final()]).equals(data));
  const kek256 = Buffer.alloc(32, 7);
  const padIv = Buffer.from('a65959a6', 'hex');
  const p = crypto.createCipheriv('id-aes256-wrap-pad', kek256, padIv);
  const padded = Buffer.concat([p.update('abc'), p.final()]);
  const q = crypto.createDecipheriv('aes256-wrap-pad', kek256, padIv);
  console.log('wrap-pad', padded.toString('hex'), q.update(padded).toString());
  console.log(crypto.getCipherInfo('aes192-wrap'), crypto.getCipherInfo('id-aes128-wrap-pad'), crypto.getCipherInfo(790).name,
    crypto.getCiphers().filter((n) => n.includes('aes') && n.includes('wrap')));
  for (const bad of [
    () => crypto.createCipheriv('aes128-wrap', kek, Buffer.alloc(7)),
    () => crypto.createCipheriv('aes128-wrap', Buffer.alloc(15), iv),
  ]) {
    try {
      bad();
      console.log('no error');
    } catch (e) {
      console.log(e.name, e.code, e.message);
    }
  }
}
