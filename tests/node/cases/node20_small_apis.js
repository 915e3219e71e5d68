// Smaller pieces of Node 20's API: timers.promises, process.getBuiltinModule, zlib.crc32,
// util.aborted and events.EventEmitterAsyncResource.
const timers = require('timers');
console.log(timers.promises === require('timers/promises'), Object.keys(timers).includes('promises'));
console.log(process.getBuiltinModule('fs') === require('fs'), process.getBuiltinModule('node:path') === require('path'), process.getBuiltinModule('nope'));
try { process.getBuiltinModule(5); } catch (e) { console.log(e.code, e.message); }
const zlib = require('zlib');
console.log(zlib.crc32('hello'), zlib.crc32(Buffer.from('hello world')), zlib.crc32('world', zlib.crc32('hello ')), zlib.crc32(new Uint8Array(0)), zlib.crc32(''));
for (const bad of [[5], ['x', -1], ['x', 1.5]]) {
  try { zlib.crc32(...bad); } catch (e) { console.log(e.code, e.message); }
}
const util = require('util');
const ac = new AbortController();
util.aborted(ac.signal, {}).then(() => console.log('aborted resolved', ac.signal.aborted));
setTimeout(() => ac.abort(), 5);
util.aborted(AbortSignal.abort(), {}).then(() => console.log('already aborted resolved'));
util.aborted(ac.signal, null).catch((e) => console.log(e.code));
util.aborted({}, {}).catch((e) => console.log(e.code));
const { EventEmitterAsyncResource } = require('events');
const { executionAsyncId } = require('async_hooks');
class Named extends EventEmitterAsyncResource {}
const ee = new Named();
ee.on('x', (a, b) => console.log('x', a, b, executionAsyncId() === ee.asyncId));
console.log(ee.emit('x', 1, 2), ee.asyncResource.eventEmitter === ee, typeof ee.triggerAsyncId, ee instanceof require('events'));
const named = new EventEmitterAsyncResource({ name: 'Custom' });
console.log(named.asyncResource.constructor.name, typeof named.emitDestroy);
