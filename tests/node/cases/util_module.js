const util = require('util');
console.log(util.format('%s %d %i %f %j %o %O %%', 'a', 1.5, 2.7, '3.5', { j: 1 }, [1], { o: { p: { q: 1 } } }));
console.log(util.inspect({ a: [1, 2, { b: new Map([[1, { c: new Set([1]) }]]) }], s: 'str', n: null, u: undefined, d: new Date(0), r: /x/g, e: new RangeError('bad') }, { depth: 5 }).replace(/\n\s+at .*/g, ''));
console.log(util.inspect('x'.repeat(200), { maxStringLength: 10 }), util.inspect(Array.from({ length: 200 }, (_, i) => i)).split('\n').length);
console.log(util.inspect({ b: 1, a: 2 }, { sorted: true, compact: false }));
console.log(util.inspect(new Proxy({}, {})), util.inspect(Symbol('s')), util.inspect(123n), util.inspect(-0));
class Foo { constructor() { this.x = 1; } get y() { return 2; } }
console.log(util.inspect(new Foo(), { getters: true }), util.inspect(Object.create(null)), util.inspect(Foo));
console.log(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual([1], ['1']));
const p = util.promisify((x, cb) => setTimeout(() => cb(null, x * 2), 1));
p(21).then((v) => console.log('promisify', v));
util.callbackify(async () => 'cb')((err, v) => console.log('callbackify', err, v));
console.log(util.types.isPromise(Promise.resolve()), util.types.isRegExp(/a/), util.types.isDate(new Date()), util.types.isTypedArray(new Uint8Array()));
function Old() {}
util.inherits(Old, require('events'));
console.log(typeof Old.prototype.on, Old.super_ === require('events'));
console.log(util.inspect({ long: 'a'.repeat(30), other: 'b'.repeat(30), third: 'c'.repeat(30) }));
console.log(util.inspect(new Error('with props'), { compact: true }).split('\n')[0]);
console.log(util.stripVTControlCharacters('\u001b[31mred\u001b[39m'), util.styleText('red', 'x') === '\u001b[31mx\u001b[39m');
const { values, positionals } = util.parseArgs({ args: ['-f', 'x', '--bar', 'pos'], options: { f: { type: 'string', short: 'f' }, bar: { type: 'boolean' } }, allowPositionals: true });
console.log(values, positionals);
console.log(util.inspect(Promise.resolve(3)), util.inspect(new Promise(() => {})), util.inspect([1, , 3]), util.inspect({ 'a-b': 1, [Symbol('k')]: 2 }));
