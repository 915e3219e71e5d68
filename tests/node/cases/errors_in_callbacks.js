// Errors thrown from nextTick, microtasks and immediates reach 'uncaughtException' and the
// loop goes on.
process.on('uncaughtException', (e, origin) => console.log('caught', e.message, origin));
process.nextTick(() => { throw new Error('tick'); });
queueMicrotask(() => { throw new Error('microtask'); });
setImmediate(() => { throw new Error('immediate'); });
setImmediate(() => console.log('next immediate still runs'));
(async () => { throw new Error('async fn'); })();
setTimeout(() => console.log('end'), 50);
