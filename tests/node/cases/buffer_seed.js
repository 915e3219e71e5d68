// The seed's Buffer usage and the basics the foundation needs.
const b = new Buffer('Hello world\n');
console.log(b.length, b.toString().trim(), Buffer.isBuffer(b), b instanceof Uint8Array);
console.log(Buffer.from('héllo').toString('hex'), Buffer.from('aGk=', 'base64').toString(), Buffer.from('hi').toString('base64'));
console.log(Buffer.concat([Buffer.from('a'), Buffer.from('bc')]).toString(), Buffer.byteLength('héllo'));
console.log(Buffer.alloc(3, 1), Buffer.from([1, 2, 3]).toJSON());
console.log(Buffer.from('abc').equals(Buffer.from('abc')), Buffer.compare(Buffer.from('a'), Buffer.from('b')));
console.log(Buffer.from('hello world').indexOf('world'), Buffer.from('xyz').slice(1).toString());
const w = Buffer.alloc(4);
console.log(w.write('€uro'), w);
console.log(new TextDecoder().decode(new TextEncoder().encode('✓ ok')));
