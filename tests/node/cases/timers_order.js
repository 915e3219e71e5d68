// Timer, immediate, tick and promise ordering that Node guarantees.
const fs = require('fs');
const log = (m) => console.log(m);

setTimeout(() => log('timeout 200'), 200);
setTimeout(() => log('timeout 5 a'), 5);
setTimeout(() => log('timeout 5 b'), 5);
setTimeout(() => log('timeout 0 (1ms)'), 0);

process.nextTick(() => log('tick 1'));
Promise.resolve().then(() => log('promise 1'));
queueMicrotask(() => log('microtask 1'));
process.nextTick(() => {
  log('tick 2');
  Promise.resolve().then(() => log('promise from tick'));
  process.nextTick(() => log('tick from tick'));
});
Promise.resolve().then(() => {
  log('promise 2');
  process.nextTick(() => log('tick from promise'));
});

// Inside an I/O callback, setImmediate always beats setTimeout(0). (Started from a timer
// so that the read's completion does not race the short timers above.)
setTimeout(() => fs.readFile(__filename, () => {
  setTimeout(() => log('io: timeout'), 0);
  setImmediate(() => {
    log('io: immediate');
    process.nextTick(() => log('io: tick after immediate'));
  });
}), 100);

let n = 0;
const iv = setInterval(() => {
  log('interval ' + ++n);
  if (n === 3) clearInterval(iv);
}, 15);

const cancelled = setTimeout(() => log('never'), 1);
clearTimeout(cancelled);
const imm = setImmediate(() => log('never immediate'));
clearImmediate(imm);

// An unref'd timer does not keep the process alive.
setTimeout(() => log('unref never'), 100000).unref();
const t = setTimeout(() => {}, 1);
log('hasRef ' + t.hasRef() + ' ' + t.unref().hasRef() + ' ' + t.ref().hasRef());
log('primitive id is number: ' + (typeof t[Symbol.toPrimitive]() === 'number'));
log('sync end');
