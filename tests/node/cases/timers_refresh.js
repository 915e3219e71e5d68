// refresh() re-arms from now; intervals keep their period; timers pass arguments. (Which
// of a 1 ms timer and an immediate runs first from the main module is not defined in
// Node, so those events are reported sorted.)
// (Node counts a delay from the loop's cached time, which can lie ms before Date.now(): the
// refreshed 20 + 40 ms timer is asked for 50 ms, still 10 past an unrefreshed one.)
const seen = [];
const start = Date.now();
const t = setTimeout((a, b) => {
  console.log('refreshed timer fired late enough:', Date.now() - start >= 50, a, b);
}, 40, 'x', 'y');
setTimeout(() => t.refresh(), 20);
const imm = setImmediate((v) => seen.push('immediate arg ' + v), 7);
console.log('immediate hasRef', imm.hasRef(), imm.unref().hasRef(), imm.ref().hasRef());
let count = 0;
const iv = setInterval(() => {
  count++;
  if (count === 2) {
    clearInterval(iv);
    console.log('interval stopped after', count, 'timer destroyed', iv._destroyed);
  }
}, 5);
setTimeout(() => seen.push('setTimeout with string delay'), '3');
setTimeout(() => seen.push('negative delay acts as 1ms'), -5);
try {
  setTimeout('not a function');
} catch (e) {
  console.log(e.code, e.name);
}
const { setTimeout: sleep, setImmediate: tick } = require('timers/promises');
sleep(5, 'slept').then((v) => seen.push(v));
tick('ticked').then((v) => seen.push(v));
console.log(typeof require('timers').setTimeout, require('timers').setTimeout === setTimeout);
process.on('exit', () => console.log(seen.sort()));
