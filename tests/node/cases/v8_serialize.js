// v8.serialize writes V8's wire format as node does (the same bytes), and deserialize reads
// node's bytes back: primitives, strings of both widths, objects, dense and sparse arrays,
// references, Map, Set, Date, RegExp, boxed values, BigInt, errors, ArrayBuffers, Buffers
// and typed arrays; the Serializer/Deserializer classes; errors for what cannot be cloned;
// heap statistics' shape; startupSnapshot outside a snapshot build.
const v8 = require('v8');
const util = require('util');
const shared = { s: 1 };
const holey = [1, , 3];
const withProp = [1, 2];
withProp.x = 5;
const values = [undefined, null, true, false, 0, -1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -0, 1.5, NaN, Infinity,
  '', 'plain', 'é', '€', 'a€b', 'x'.repeat(200), 0n, -5n, 2n ** 64n, 123456789012345678901234567890n,
  { a: 1, 1: 'one', nested: { b: [1, 'x'] } }, [], [1, 'two', null], holey, withProp, [shared, shared],
  new Map([[1, { m: true }], ['k', [2]]]), new Set(['x', 3]), new Date(86400000), /a+b/gimsuy,
  Object(1.25), Object('str'), Object(true), Object(false), Object(7n),
  new ArrayBuffer(3), Buffer.from('buffer bytes'), new Uint16Array([1, 65535]), new Float64Array([0.5]),
  new BigInt64Array([-1n]), new DataView(new ArrayBuffer(2)), new Uint8Array(Buffer.from('sub view').buffer, 0, 0)];
for (const value of values) {
  const bytes = v8.serialize(value);
  const back = v8.deserialize(bytes);
  const same = util.isDeepStrictEqual(back, value) || (Number.isNaN(value) && Number.isNaN(back));
  console.log(util.inspect(value, { breakLength: Infinity }).slice(0, 50), bytes.toString('hex').slice(0, 120), same);
}
const err = v8.deserialize(v8.serialize(new RangeError('bad', { cause: 'why' })));
console.log(err instanceof RangeError, err.message, err.cause, typeof err.stack);
const plain = new Error('m');
plain.code = 'X';
const back = v8.deserialize(v8.serialize(plain));
console.log(back.message, back.code, Object.keys(back));
for (const bad of [() => {}, Symbol('s'), new WeakMap(), Promise.resolve(), { f() {} }]) {
  try { v8.serialize(bad); } catch (e) { console.log(e.name, e.message); }
}
for (const bad of [Buffer.from([1, 2, 3]), Buffer.from([0xff, 0x0f, 0x99]), Buffer.from([0xff, 0x0f, 0x6f]), 'x']) {
  try { v8.deserialize(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
const s = new v8.Serializer();
s.writeHeader();
s.writeValue({ k: 'v' });
s.writeUint32(300);
s.writeDouble(1.5);
s.writeUint64(1, 2);
s.writeRawBytes(Buffer.from('raw'));
const buf = s.releaseBuffer();
console.log(buf.toString('hex'));
const d = new v8.Deserializer(buf);
console.log(d.readHeader(), d.getWireFormatVersion(), d.readValue(), d.readUint32(), d.readDouble(), d.readUint64(), d.readRawBytes(3).toString());
const native = new v8.Serializer();
native.writeHeader();
native.writeValue([new Uint16Array([1, 2, 3]).subarray(1), new DataView(new ArrayBuffer(4), 1, 2)]);
const nativeBytes = native.releaseBuffer();
const nd = new v8.Deserializer(nativeBytes);
nd.readHeader();
console.log(nativeBytes.toString('hex'), nd.readValue());
const stats = v8.getHeapStatistics();
console.log(Object.keys(stats).join(), stats.used_heap_size > 0, stats.used_heap_size <= stats.total_heap_size);
console.log(typeof v8.cachedDataVersionTag(), Array.isArray(v8.getHeapSpaceStatistics()), Object.keys(v8.getHeapCodeStatistics()).join());
console.log(!v8.startupSnapshot.isBuildingSnapshot());
try { v8.startupSnapshot.addSerializeCallback(() => {}); } catch (e) { console.log(e.code, e.message); }
try { v8.setFlagsFromString(5); } catch (e) { console.log(e.code); }
v8.setFlagsFromString('--no-lazy');
