// perf_hooks: performance.now/timeOrigin, marks and measures, observers, timerify.
const util = require('util');
const { performance: perf, PerformanceObserver, PerformanceMark, constants } = require('perf_hooks');
const show = (label, fn) => {
  try { console.log(label, util.inspect(fn())); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
console.log(perf === performance, typeof performance.now(), performance.now() >= 0, performance.now() < 10000);
console.log(Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 50);
const m = performance.mark('start', { startTime: 10, detail: { k: 1 } });
console.log(util.inspect(m), JSON.stringify(m));
performance.mark('end', { startTime: 25 });
const measure = performance.measure('span', 'start', 'end');
console.log(util.inspect(measure));
console.log([performance.measure('opts', { start: 2, duration: 3 }), performance.measure('end-dur', { end: 10, duration: 4 })].map((e) => [e.startTime, e.duration]));
console.log(performance.getEntries().map((e) => `${e.entryType}:${e.name}:${e.startTime}`));
console.log(performance.getEntriesByName('start').length, performance.getEntriesByType('measure').length);
performance.clearMarks('start');
performance.clearMeasures();
console.log(performance.getEntries().map((e) => e.name));
show('missing mark', () => performance.measure('x', 'nope'));
show('bad start', () => performance.mark('x', { startTime: -1 }));
show('bad options', () => performance.measure('x', { start: 1, end: 2, duration: 3 }));
show('end mark and options', () => performance.measure('x', { start: 1 }, 'end'));
show('no name', () => performance.mark());
show('new PerformanceMark', () => [new PerformanceMark('m', { startTime: 1 }).startTime, performance.getEntriesByName('m').length]);
show('constants', () => constants.NODE_PERFORMANCE_GC_MAJOR);
show('elu keys', () => Object.keys(performance.eventLoopUtilization()));
show('timerify', () => { const f = performance.timerify(function double(x) { return 2 * x; }); return [f(4), f.name, f.length]; });
show('supported', () => PerformanceObserver.supportedEntryTypes.filter((t) => ['mark', 'measure', 'function'].includes(t)));
console.log(require('util/types') === util.types);
const obs = new PerformanceObserver((list, observer) => {
  console.log('observed', list.getEntries().map((e) => `${e.entryType}:${e.name}`), observer === obs);
  observer.disconnect();
});
obs.observe({ entryTypes: ['mark', 'measure'] });
performance.mark('a', { startTime: 1 });
performance.measure('b', { start: 0, end: 1 });
console.log('sync', util.inspect(obs).replace(/startTime: [\d.]+/g, 'startTime: N'));
