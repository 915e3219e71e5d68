// AsyncLocalStorage where unode carries the store: synchronous run/exit/enterWith, nested
// storages, the callbacks scheduled inside (nextTick, timers, immediates, queueMicrotask,
// fs callbacks, AsyncResource, bind/snapshot), and no store past the callback that
// entered one.
const { AsyncLocalStorage, AsyncResource } = require('async_hooks');
const fs = require('fs');
const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
const log = (...a) => console.log(...a);
const steps = [];
const step = (fn) => new Promise((resolve) => steps.push([fn, resolve]));

log('outside', als.getStore());
const r = als.run({ id: 1 }, (x, y) => {
  log('sync', als.getStore(), x, y);
  other.run('o', () => log('nested', als.getStore(), other.getStore()));
  log('after nested', other.getStore());
  als.run({ id: 2 }, () => log('inner run', als.getStore()));
  log('restored', als.getStore());
  als.exit(() => log('exit', als.getStore()));
  process.nextTick(() => log('nextTick', als.getStore()));
  queueMicrotask(() => log('queueMicrotask', als.getStore()));
  return 'returned';
}, 'a', 'b');
log(r, als.getStore());
try {
  als.run(5, () => { throw new Error('boom'); });
} catch (e) {
  log('threw', e.message, als.getStore());
}

function chain(list) {
  const [first, ...rest] = list;
  if (!first) return;
  first(() => chain(rest));
}
chain([
  (next) => als.run('timer', () => setTimeout(() => { log('setTimeout', als.getStore()); next(); }, 1)),
  (next) => als.run('immediate', () => setImmediate(() => { log('setImmediate', als.getStore()); next(); })),
  (next) => als.run('fs', () => fs.readFile(__filename, () => {
    log('fs callback', als.getStore());
    setTimeout(() => { log('timer from fs callback', als.getStore()); next(); }, 1);
  })),
  (next) => {
    const resource = als.run('resource', () => new AsyncResource('X'));
    setTimeout(() => { resource.runInAsyncScope(() => log('resource', als.getStore())); next(); }, 1);
  },
  (next) => {
    const bound = als.run('bound', () => AsyncLocalStorage.bind(() => als.getStore()));
    const snap = als.run('snap', () => AsyncLocalStorage.snapshot());
    als.run('elsewhere', () => log('bind/snapshot', bound(), snap(() => als.getStore()), als.getStore()));
    next();
  },
  (next) => setTimeout(() => {
    als.enterWith('entered');
    log('enterWith', als.getStore());
    setTimeout(() => { log('after enterWith', als.getStore()); next(); }, 1);
  }, 1),
  (next) => setTimeout(() => {
    log('later callback', als.getStore());
    als.run('x', () => { als.disable(); log('disabled', als.getStore()); });
    log('typeof', typeof AsyncLocalStorage.bind, typeof AsyncLocalStorage.snapshot);
    next();
  }, 1),
]);
