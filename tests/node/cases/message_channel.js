// MessageChannel/MessagePort/BroadcastChannel/MessageEvent as globals and through
// worker_threads: structured clones delivered in the poll phase, node-style and EventTarget
// listeners, onmessage, receiveMessageOnPort, close events, environment data.
const { port1, port2 } = new MessageChannel();
console.log(port1 instanceof EventTarget, typeof port1.ref, typeof port1.start);
port2.on('message', (m) => { console.log('on message', m); });
port2.addEventListener('message', (e) => console.log('event', e.constructor.name, e.data, e.type));
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('micro'));
port1.postMessage({ a: 1 });
port1.postMessage('second');
port1.on('close', () => console.log('port1 close'));
port2.on('close', () => console.log('port2 close'));
// Late enough that the channels below have closed (node closes a pair across threads).
setTimeout(() => port1.close(), 200);
const e = new MessageEvent('message', { data: 5 }); console.log(e.data, e.origin, e.lastEventId, e.source, e.ports, e instanceof Event);
const c2 = new MessageChannel();
c2.port2.onmessage = (ev) => { console.log('onmessage', ev.data, ev.target === c2.port2); c2.port2.close(); };
c2.port1.postMessage(new Map([[1, 2]]));
try { c2.port1.postMessage(() => {}); } catch (err) { console.log(err.name, err.message, err.code); }
const b1 = new BroadcastChannel('ch'), b2 = new BroadcastChannel('ch'), b3 = new BroadcastChannel('other');
b2.onmessage = (ev) => { console.log('b2 got', ev.data); b1.close(); b2.close(); b3.close(); };
b1.onmessage = () => console.log('b1 should not get its own');
b3.onmessage = () => console.log('b3 wrong channel');
b1.postMessage('hi all');
console.log(b1.name);
const wt = require('worker_threads');
console.log(wt.isMainThread, wt.parentPort, wt.workerData, wt.threadId, wt.MessageChannel === MessageChannel);
const c = new MessageChannel(); c.port1.postMessage('queued'); console.log(wt.receiveMessageOnPort(c.port2), wt.receiveMessageOnPort(c.port2)); c.port1.close();
wt.setEnvironmentData('k', { a: 1 }); console.log(wt.getEnvironmentData('k'), wt.getEnvironmentData('none'));
const d = new MessageChannel();
d.port2.on('message', (m) => { console.log('got', m); if (m === 2) d.port2.close(); });
d.port1.postMessage(1); d.port1.postMessage(2); d.port1.postMessage(3);
d.port1.on('close', () => console.log('d p1 close')); d.port2.on('close', () => console.log('d p2 close'));
