// A reported rejection handled later: 'rejectionHandled' comes once the queues drain
// after the handler is attached (after the handler's own callback), and a listener that
// throws is an uncaught exception.
process.on('unhandledRejection', (reason) => console.log('unhandledRejection', reason.message));
let throwOnce = true;
process.on('rejectionHandled', (p) => {
  console.log('rejectionHandled', p instanceof Promise);
  if (throwOnce) {
    throwOnce = false;
    throw new Error('from the listener');
  }
});
process.on('uncaughtException', (err) => console.log('uncaughtException', err.message));
const a = Promise.reject(new Error('a'));
const b = Promise.reject(new Error('b'));
setTimeout(() => {
  a.catch(() => console.log('caught a'));
  process.nextTick(() => console.log('tick after catch'));
}, 5);
setTimeout(() => b.catch(() => console.log('caught b')), 10);
