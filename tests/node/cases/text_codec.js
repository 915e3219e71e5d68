// TextEncoder / TextDecoder: UTF-8, UTF-16LE, latin1 labels, fatal, BOM, streaming.
const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
};
const enc = new TextEncoder();
show('encode', () => [enc.encoding, enc.encode('€a'), enc.encode(), enc.encode('\ud800')]);
show('encodeInto', () => { const d = new Uint8Array(4); return [enc.encodeInto('a€b', d), d]; });
show('decode', () => new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9])));
show('ignoreBOM', () => new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68])).length);
show('invalid', () => new TextDecoder().decode(new Uint8Array([0x61, 0xff, 0x62])));
show('fatal', () => new TextDecoder('utf8', { fatal: true }).decode(new Uint8Array([0xff])));
show('labels', () => ['utf-8', 'UTF8', 'utf-16le', 'latin1', 'ascii', 'iso-8859-1'].map((l) => new TextDecoder(l).encoding));
show('bad label', () => new TextDecoder('nope'));
show('utf16', () => new TextDecoder('utf-16le').decode(new Uint8Array([0x68, 0, 0xac, 0x20])));
show('stream', () => {
  const d = new TextDecoder();
  const b = enc.encode('€');
  return [d.decode(b.subarray(0, 1), { stream: true }), d.decode(b.subarray(1, 2), { stream: true }), d.decode(b.subarray(2))];
});
show('arraybuffer', () => new TextDecoder().decode(enc.encode('ab').buffer));
show('bad input', () => new TextDecoder().decode('str'));
show('props', () => [new TextDecoder().fatal, new TextDecoder().ignoreBOM, Object.prototype.toString.call(new TextDecoder())]);
