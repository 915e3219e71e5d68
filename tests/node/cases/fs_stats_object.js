// A Stats behaves as an ordinary object with 18 own fields, whichever call made it and
// whatever is done to it: keys in Node's order, descriptors, Dates that keep their
// identity, writes, deletes, extra properties, spread/JSON/structuredClone, and the same
// after Object.freeze/seal/preventExtensions.
const fs = require('fs');
const util = require('util');
const f = __filename;
const show = (label, s) => console.log(label, Object.keys(s).join(','));

const s = fs.statSync(f);
show('keys', s);
console.log('own', s.hasOwnProperty('size'), 'size' in s, 'isFile' in s, s.hasOwnProperty('isFile'));
console.log('methods', s.isFile(), s.isDirectory(), s.isSymbolicLink(), s instanceof fs.Stats, s.constructor.name);
console.log('date', s.mtime instanceof Date, s.mtime === s.mtime, s.mtime.getTime() === Math.round(s.mtimeMs));
console.log('desc', JSON.stringify(Object.getOwnPropertyDescriptor(s, 'nlink')), Object.getOwnPropertyDescriptor(s, 'nope'));
console.log('json', Object.keys(JSON.parse(JSON.stringify(s))).length, typeof JSON.parse(JSON.stringify(s)).mtime);
const copy = { ...s };
console.log('spread', Object.keys(copy).length, copy.size === s.size, copy.isFile === undefined);
console.log('clone', structuredClone(s).size === s.size, Object.entries(s).length, Object.getOwnPropertyNames(s).length);
console.log('inspect', util.inspect(s).split('\n').length, util.inspect(s).startsWith('Stats {'));

const w = fs.statSync(f);
const m = w.atime;
w.size = 5;
w.extra = 1;
console.log('write', w.size, w.atime === m, Object.keys(w).slice(-2).join(','), Object.keys(w).length);
const d = fs.statSync(f);
console.log('delete', delete d.mode, d.mode, 'mode' in d, Object.keys(d).length, delete d.nope);
const p = fs.statSync(f);
Object.defineProperty(p, 'ino', { value: 7, enumerable: false });
console.log('define', p.ino, Object.keys(p).includes('ino'), Object.getOwnPropertyNames(p).includes('ino'));
Object.defineProperty(p, 'uid', { get() { return 'getter'; } });
console.log('accessor', p.uid);

const z = fs.statSync(f);
const before = z.size;
Object.freeze(z);
console.log('frozen', Object.isFrozen(z), z.size === before, Object.getOwnPropertyDescriptor(z, 'mode').writable, z.mtime === z.mtime);
try {
  Object.defineProperty(z, 'size', { value: before + 1 });
} catch (e) {
  console.log('redefine', e.constructor.name);
}
console.log('reflect', Reflect.defineProperty(z, 'size', { value: before + 1 }), Reflect.defineProperty(z, 'size', { value: before }), delete z.mode, z.mode > 0);
(function () {
  'use strict';
  try { z.size = 2; } catch (e) { console.log('strict write', e.constructor.name); }
  try { z.added = 2; } catch (e) { console.log('strict add', e.constructor.name); }
})();
const q = fs.statSync(f);
Object.seal(q);
q.size = 3;
console.log('sealed', q.size, delete q.size, Object.isSealed(q), Object.isFrozen(q), Object.keys(q).length);
const r = fs.lstatSync(f);
Object.preventExtensions(r);
delete r.dev;
r.uid = 9;
r.foo = 1;
console.log('non-extensible', Object.keys(r)[0], r.uid, r.dev, r.foo, Object.keys(r).length, Object.isExtensible(r));

fs.stat(f, (err, cs) => {
  console.log('callback', err, cs instanceof fs.Stats, cs.isFile(), Object.keys(cs).length, cs.size === s.size);
  fs.promises.stat(f).then((ps) => {
    console.log('promise', ps.constructor.name, ps.mtimeMs === s.mtimeMs, Object.keys(ps).length);
    return fs.promises.lstat(f, { bigint: true });
  }).then((bs) => console.log('bigint', typeof bs.size, bs.isFile(), Object.keys(bs).length));
});
