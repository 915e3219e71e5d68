// Callbacks queued by nextTick, setTimeout, setImmediate and emit see exactly the
// arguments given (count included) and the `this` Node gives them; listenerCount counts
// once() wrappers as their listener.
const EventEmitter = require('events');

const arity = (label) => function (...args) {
  console.log(label, args.length, JSON.stringify(args), this === undefined ? 'this=undefined' : typeof this);
};

for (let n = 0; n <= 5; n++) {
  const args = Array.from({ length: n }, (_, i) => i + 1);
  process.nextTick(arity(`tick ${n}`), ...args);
}
process.nextTick(arity('tick undefined args'), undefined, undefined);

const t = setTimeout(function (...args) {
  console.log('timeout', args.length, this === t);
  const im = setImmediate(function (...rest) {
    console.log('immediate', rest.length, this === im);
  }, 1, 2, 3, 4, 5);
}, 1, 'a', 'b', 'c', 'd');

const e = new EventEmitter();
const f = () => {};
e.on('x', f);
e.once('x', f);
e.once('y', arity('once y'));
console.log('listenerCount', e.listenerCount('x'), e.listenerCount('x', f), e.listenerCount('x', () => {}), e.listenerCount('none'));
e.on('z', arity('z'));
e.emit('z');
e.emit('z', 1, 2, 3, 4, 5, 6);
e.emit('y', undefined);
console.log('after once', e.listenerCount('y'), e.emit('y'));

// A tick that throws is an uncaught exception; the ticks after it still run. (Alone in
// its turn: Node runs the rest of the queue only after its next callback.)
setTimeout(() => {
  process.on('uncaughtException', (err) => console.log('uncaught', err.message));
  process.nextTick(() => { throw new Error('boom'); });
  process.nextTick(arity('after throw'), 'still');
}, 20);
