// The timers phase runs only once a deadline has come: a cleared earliest timer, a
// shorter timer armed from inside a timer, an interval re-armed each time, refresh(), and
// cleared or unref'd immediates (which must neither keep the loop busy nor alive). The
// logged events lie 30 ms or more apart, so that a loaded machine cannot reorder them.
// Node starts a timer's delay at the loop's cached time, which on a loaded machine can be
// some ms before Date.now(), so the late timer is only asked to wait most of its delay.
const log = (m) => console.log(m);

const early = setTimeout(() => log('cleared: must not run'), 5);
clearTimeout(early);
setTimeout(() => log('timer 150'), 150);

setTimeout(() => {
  log('timer 60');
  // Earlier than the 150 ms one still armed.
  setTimeout(() => log('timer 60 + 10'), 10);
}, 60);

let ticks = 0;
const iv = setInterval(() => {
  ticks++;
  if (ticks === 3) {
    clearInterval(iv);
    log('interval ran 3 times');
  }
}, 60);

const refreshed = setTimeout(() => log('refreshed timer'), 200);
setTimeout(() => refreshed.refresh(), 190);

const imm = setImmediate(() => log('cleared immediate: must not run'));
clearImmediate(imm);
setImmediate(() => log('unref immediate still runs')).unref();

setTimeout(() => {
  const start = Date.now();
  setTimeout(() => log(`late timer waited its delay: ${Date.now() - start >= 10}`), 40);
}, 250);
