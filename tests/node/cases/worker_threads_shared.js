// SharedArrayBuffers shared with a worker (workerData and messages, bare and behind typed
// arrays; one buffer named twice stays one), Atomics across the two threads (add, store,
// wait in the worker, notify from the parent), and v8.serialize's refusal of shared memory.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
const v8 = require('v8');

if (!isMainThread) {
  const ints = new Int32Array(workerData.sab);
  console.log('worker: one buffer', workerData.same[0] === workerData.same[1], workerData.sab instanceof SharedArrayBuffer);
  Atomics.add(ints, 0, 5);
  Atomics.store(ints, 1, 7);
  parentPort.once('message', (view) => {
    view.fill(3);
    parentPort.postMessage('stored');
    // 'ok', or 'not-equal' when the parent stored before the wait began: either way the
    // value is there once it returns.
    const woke = Atomics.wait(ints, 2, 0, 5000);
    Atomics.store(ints, 3, Atomics.load(ints, 2) + 1);
    console.log('worker woke', woke !== 'timed-out', Atomics.load(ints, 2));
  });
  return;
}

try {
  v8.serialize(new SharedArrayBuffer(4));
} catch (e) {
  console.log('v8.serialize', e.name, e.message);
}
const sab = new SharedArrayBuffer(16);
const ints = new Int32Array(sab);
const bytes = new Uint8Array(new SharedArrayBuffer(4));
const w = new Worker(__filename, { workerData: { sab, same: [sab, sab] } });
w.on('message', (m) => {
  console.log('parent sees', Atomics.load(ints, 0), Atomics.load(ints, 1), [...bytes], m);
  Atomics.store(ints, 2, 99);
  Atomics.notify(ints, 2);
});
w.on('exit', (code) => console.log('exit', code, Atomics.load(ints, 3)));
w.postMessage(bytes);
