// A timer armed after busy work starts counting when it is armed, so an immediate queued
// before it still runs first.
const log = [];
const t = Date.now(); while (Date.now() - t < 50);
setImmediate(() => log.push('immediate'));
setTimeout(() => { log.push('20ms timer'); console.log(log); }, 20);
