// nextTick queue drains before promise jobs; both drain after every callback. Inside a
// timer callback, setImmediate runs before a new setTimeout(0).
const out = [];
setTimeout(() => {
  out.push('t1');
  process.nextTick(() => out.push('t1 tick'));
  Promise.resolve().then(() => out.push('t1 promise'));
  setTimeout(() => out.push('t3 from t1'), 0);
  setImmediate(() => {
    out.push('i1');
    process.nextTick(() => out.push('i1 tick'));
  });
  setImmediate(() => out.push('i2'));
}, 1);
setTimeout(() => {
  out.push('t2');
}, 20);
(async () => {
  out.push('async start');
  await null;
  out.push('after await 1');
  await new Promise((r) => setTimeout(r, 40));
  out.push('after timer await');
})();
process.nextTick((a, b) => out.push(`tick args ${a} ${b}`), 'x', 'y');
process.on('exit', () => console.log(out.join('\n')));
