// worker.terminate() ends a worker blocked in Atomics.wait (as piscina's pool.destroy()
// needs); Atomics.notify wakes waiters on other threads, its count limiting how many; a
// wait that timed out is not woken later.
const { Worker, isMainThread, workerData, parentPort } = require('worker_threads');

if (!isMainThread) {
  const { ints, slot } = workerData;
  const result = Atomics.wait(ints, slot, 0, slot === 1 ? 50 : Infinity);
  parentPort.postMessage(`slot ${slot}: ${result}`);
  // Then every worker waits until it is terminated.
  Atomics.wait(ints, 2, 0);
  return;
}

const ints = new Int32Array(new SharedArrayBuffer(16));
const workers = [0, 0, 1].map((slot) => new Worker(__filename, { workerData: { ints, slot } }));
const said = [];
for (const w of workers) {
  w.on('message', (m) => {
    said.push(m);
    if (m === 'slot 1: timed-out') wakeOne();
    if (m === 'slot 0: ok') {
      console.log(said.sort().join(' | '));
      Promise.all(workers.map((w) => w.terminate())).then((codes) => {
        console.log('exit codes', codes, 'after the end:', workers[0].terminate() instanceof Promise);
        return workers[0].terminate();
      }).then((code) => console.log('terminate after the end', code));
    }
  });
}

// Both slot-0 workers wait (once they have started): a count of 1 wakes one of them.
function wakeOne() {
  const woken = Atomics.notify(ints, 0, 1);
  if (woken === 0) return setTimeout(wakeOne, 10);
  console.log('woken', woken, 'none on slot 1 now:', Atomics.notify(ints, 1));
}
