const { StringDecoder } = require('string_decoder');
const show = (label, fn) => {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
};
const euro = Buffer.from('€'); // e2 82 ac
show('utf8 split', () => { const d = new StringDecoder('utf8'); return [d.write(euro.subarray(0, 1)), d.write(euro.subarray(1, 2)), d.write(euro.subarray(2)), d.end()]; });
show('utf8 incomplete end', () => { const d = new StringDecoder(); return [d.write(euro.subarray(0, 2)), d.end()]; });
show('utf8 invalid', () => { const d = new StringDecoder('utf8'); return [d.write(Buffer.from([0xe2, 0x41])), d.write(Buffer.from([0xff])), d.end()]; });
show('utf8 4-byte', () => { const d = new StringDecoder('utf8'); const b = Buffer.from('𝄞x'); return [d.write(b.subarray(0, 3)), d.write(b.subarray(3)), d.end()]; });
show('utf16', () => { const d = new StringDecoder('utf16le'); const b = Buffer.from('a𝄞', 'utf16le'); return [d.write(b.subarray(0, 1)), d.write(b.subarray(1, 4)), d.write(b.subarray(4)), d.end()]; });
show('utf16 odd end', () => { const d = new StringDecoder('ucs2'); return [d.write(Buffer.from([0x61])), d.end()]; });
show('base64', () => { const d = new StringDecoder('base64'); return [d.write(Buffer.from('ab')), d.write(Buffer.from('cde')), d.end()]; });
show('base64 end', () => { const d = new StringDecoder('base64'); return [d.write(Buffer.from('abcd')), d.end(Buffer.from('e'))]; });
show('hex', () => { const d = new StringDecoder('hex'); return [d.write(Buffer.from([1, 255])), d.end()]; });
show('latin1', () => new StringDecoder('latin1').write(Buffer.from([0xe9, 0x41])));
show('encoding prop', () => ['utf8', 'UTF-8', 'ucs2', 'binary', 'base64url', undefined].map((e) => new StringDecoder(e).encoding));
show('bad enc', () => new StringDecoder('nope'));
show('write string', () => new StringDecoder().write('already a string'));
show('write bad', () => new StringDecoder().write(42));
show('end empty', () => new StringDecoder().end());
show('typed array', () => new StringDecoder().write(new Uint8Array([104, 105])));
