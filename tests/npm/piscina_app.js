// The real piscina 4 (a pool of worker threads) under both runtimes: tasks run on the pool
// from this same file, by default export and by name, with a task's error, an ArrayBuffer
// moved to a task (Piscina.move), the pool's run-time histogram, and destroy(), which
// ends workers waiting in Atomics.wait.
const { isMainThread } = require('worker_threads');

if (!isMainThread) {
  module.exports = ({ a, b }) => a * b;
  module.exports.square = async (n) => n * n;
  module.exports.fail = (what) => {
    throw new TypeError(`cannot ${what}`);
  };
  module.exports.sum = (bytes) => new Uint8Array(bytes).reduce((s, b) => s + b, 0);
  return;
}

const Piscina = require('piscina');
const pool = new Piscina({ filename: __filename, minThreads: 1, maxThreads: 2 });
(async () => {
  console.log(await Promise.all([1, 2, 3, 4].map((n) => pool.run({ a: n, b: 10 }))));
  console.log(await pool.run(7, { name: 'square' }));
  try {
    await pool.run('divide', { name: 'fail' });
  } catch (e) {
    console.log('task error', e.name, e.message);
  }
  const bytes = new Uint8Array(16).fill(3).buffer;
  console.log('sum', await pool.run(Piscina.move(bytes), { name: 'sum' }), 'moved away:', bytes.byteLength);
  console.log('completed', pool.completed, 'threads', pool.threads.length <= 2, 'run time', pool.runTime.mean > 0);
  await pool.destroy();
  console.log('destroyed');
})();
