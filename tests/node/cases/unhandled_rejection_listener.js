process.on('unhandledRejection', (reason, p) => {
  console.log('unhandledRejection:', reason.message, p instanceof Promise);
});
const p = Promise.reject(new Error('late'));
setTimeout(() => console.log('still alive'), 5);
// A rejection handled in the same tick is never reported.
const q = Promise.reject(new Error('handled'));
q.catch(() => console.log('handled in time'));
