// Hex and base64 output goes through reused scratch memory: back-to-back encodes of
// different sizes, ranges and encodings must never show bytes of an earlier result.
const big = Buffer.alloc(3 << 20);
for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 255;
const small = Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x01]);
const b64 = big.toString('base64');
console.log(b64.length, b64.slice(0, 24), b64.slice(-8));
console.log(small.toString('base64'), small.toString('hex'), small.toString('base64url'));
const hex = big.toString('hex');
console.log(hex.length, hex.slice(0, 24), hex.slice(-8));
console.log(small.toString('hex', 1, 3), small.toString('base64', 2), Buffer.alloc(0).toString('hex') === '');
console.log(Buffer.from(b64, 'base64').equals(big), Buffer.from(hex, 'hex').equals(big));
// A timer lets the loop go idle (the scratch is handed back) before encoding again.
setTimeout(() => {
  console.log(small.toString('hex'), big.subarray(0, 9).toString('base64'));
  console.log(big.toString('hex', 100, 110), big.subarray(1 << 20).toString('base64').length);
}, 5);
