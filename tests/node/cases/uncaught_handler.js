// With an 'uncaughtException' listener the process survives and goes on.
process.on('uncaughtException', (err, origin) => {
  console.log('caught:', err.message, origin);
});
setTimeout(() => { throw new Error('from timer'); }, 1);
setTimeout(() => console.log('still running'), 10);
Promise.reject(new Error('from promise'));
throw new Error('from main');
