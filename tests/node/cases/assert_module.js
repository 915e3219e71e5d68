const assert = require('assert');
const tryIt = (label, fn) => {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, JSON.stringify(e.message), e.operator, e.generatedMessage);
  }
};
tryIt('ok', () => assert.ok(1));
tryIt('ok false msg', () => assert.ok(0, 'custom message'));
tryIt('equal', () => assert.equal(1, '1'));
tryIt('strictEqual', () => assert.strictEqual(1, 2));
tryIt('strictEqual str', () => assert.strictEqual('hello world', 'hello there'));
tryIt('deepStrictEqual', () => assert.deepStrictEqual({ a: [1, 2], b: 'x' }, { a: [1, 3], b: 'x' }));
tryIt('deepEqual loose', () => assert.deepEqual({ a: 1 }, { a: '1' }));
tryIt('notDeepStrictEqual', () => assert.notDeepStrictEqual([1], [1]));
tryIt('throws', () => assert.throws(() => { throw new TypeError('bad'); }, TypeError));
tryIt('throws regexp', () => assert.throws(() => { throw new Error('abc'); }, /xyz/));
tryIt('throws object', () => assert.throws(() => { throw Object.assign(new Error('m'), { code: 'C' }); }, { code: 'C', message: 'm' }));
tryIt('throws none', () => assert.throws(() => {}));
tryIt('doesNotThrow', () => assert.doesNotThrow(() => { throw new Error('oops'); }));
tryIt('match', () => assert.match('abc', /x/));
tryIt('ifError', () => assert.ifError(new Error('if')));
tryIt('fail', () => assert.fail('failed'));
tryIt('strict', () => require('assert/strict').equal(1, '1'));
tryIt('maps', () => assert.deepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]])));
assert.rejects(Promise.reject(new Error('r')), /r/).then(() => console.log('rejects ok'));
assert.doesNotReject(Promise.reject(new Error('dnr'))).catch((e) => console.log('doesNotReject', e.code, e.message));
console.log(new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' }).message);
