const EventEmitter = require('events');
const { once, on, errorMonitor, getEventListeners } = EventEmitter;
const e = new EventEmitter();
e.on('newListener', (name) => console.log('newListener', String(name)));
e.on('x', (a, b) => console.log('x1', a, b));
e.prependListener('x', () => console.log('x0'));
e.once('x', () => console.log('x once'));
console.log(e.emit('x', 1, 2), e.emit('x', 3, 4), e.emit('nothing'));
console.log(e.listenerCount('x'), e.eventNames(), e.rawListeners('x').length);
e.on(errorMonitor, (err) => console.log('monitor', err.message));
try { e.emit('error', new Error('boom')); } catch (err) { console.log('thrown', err.message); }
try { e.emit('error', 'str'); } catch (err) { console.log(err.code, err.message); }
const f = new EventEmitter();
f.setMaxListeners(1);
f.on('a', () => {});
f.on('a', () => {});
console.log(f.getMaxListeners(), EventEmitter.defaultMaxListeners);
class My extends EventEmitter {}
const m = new My();
m.on('removeListener', (n) => console.log('removed', n));
const h = () => {};
m.on('z', h);
m.off('z', h);
m.removeAllListeners();
console.log(m.listenerCount('z'));
(async () => {
  const g = new EventEmitter();
  setTimeout(() => g.emit('ready', 'v1', 'v2'), 1);
  console.log('once', await once(g, 'ready'));
  const t = new EventTarget();
  t.addEventListener('ping', (ev) => console.log('target', ev.type, ev instanceof Event), { once: true });
  t.dispatchEvent(new Event('ping'));
  t.dispatchEvent(new Event('ping'));
  console.log(getEventListeners(t, 'ping').length);
  const it = on(g, 'tick');
  setTimeout(() => { g.emit('tick', 1); g.emit('tick', 2); }, 1);
  let n = 0;
  for await (const v of it) { console.log('tick', v); if (++n === 2) break; }
  const ce = new CustomEvent('c', { detail: { k: 1 } });
  console.log(ce.detail, ce.type);
  try { await once(g, 'error-test', {}); } catch {}
})();
setTimeout(() => {}, 20);
