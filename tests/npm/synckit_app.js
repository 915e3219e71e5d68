// The real synckit (async work made synchronous: a worker thread answers through a
// transferred MessagePort while the caller blocks in Atomics.wait) under both runtimes:
// values, objects and a thrown error come back to the synchronous caller.
const { isMainThread } = require('worker_threads');

if (!isMainThread) {
  require('synckit').runAsWorker(async (op, a, b) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (op === 'fail') throw new RangeError(`bad ${a}`);
    return op === 'add' ? a + b : { product: a * b, of: [a, b] };
  });
  return;
}

const { createSyncFn } = require('synckit');
const call = createSyncFn(__filename);
console.log(call('add', 2, 3), call('mul', 4, 5));
try {
  call('fail', 42);
} catch (e) {
  console.log('sync error', e.name, e.message);
}
console.log('after', call('add', 'a', 'b'));
