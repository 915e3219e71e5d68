// Blob: parts, type normalisation, slice, text/arrayBuffer, errors, inspect.
const util = require('util');
const show = (label, fn) => {
  try { console.log(label, util.inspect(fn())); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
(async () => {
  const ab = new Uint8Array([0x41, 0x42, 0x43]).buffer;
  const b = new Blob(['hé', ab, new Uint8Array(ab, 1, 1), new Blob(['!']), 7], { type: 'Text/Plain' });
  console.log(util.inspect(b), b.size, b.type, await b.text());
  console.log(util.inspect(b.slice(1, -1)), await b.slice(-3).text(), b.slice(2, 1).size, b.slice(0, 2, 'A/B').type);
  console.log(Array.from(new Uint8Array(await b.slice(0, 3).arrayBuffer())));
  console.log(JSON.stringify(await new Blob([new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xff])]).text()));
  console.log(new Blob(['a\r\nb'], { endings: 'native' }).size, new Blob([], { type: 'a\u00e9' }).type === '');
  console.log(util.inspect({ nested: { deeper: { blob: b } } }), util.inspect(b, { depth: 0 }));
  console.log(Object.keys(Blob.prototype), Object.prototype.toString.call(b), Blob.length);
  show('sources 1', () => new Blob(1));
  show('sources str', () => new Blob('abc'));
  show('options', () => new Blob([], 1));
  show('endings', () => new Blob([], { endings: 'crlf' }));
  show('size this', () => Object.getOwnPropertyDescriptor(Blob.prototype, 'size').get.call({}));
  try { await Blob.prototype.text.call({}); } catch (e) { console.log('text this', e.code, e.message); }
})();
