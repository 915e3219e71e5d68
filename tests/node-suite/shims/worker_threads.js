// A stand-in for test/common's `require('worker_threads')`: unode runs one thread of JS,
// always the main one.
module.exports = { isMainThread: true, threadId: 0, parentPort: null, workerData: null };
