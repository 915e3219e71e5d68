// perf_hooks' histograms (HdrHistogram as Node has them): createHistogram's records,
// min/max/mean/stddev, percentiles with their rounding for large values, exceeds, add,
// reset, the BigInt readers, recordDelta, monitorEventLoopDelay, and the argument errors.
const { createHistogram, monitorEventLoopDelay } = require('perf_hooks');
const util = require('util');

function show(label, h) {
  console.log(label, h.count, h.min, h.max, h.mean, h.stddev, h.exceeds, [...h.percentiles]);
}

const empty = createHistogram();
show('empty', empty);
console.log('empty bigint', empty.countBigInt, empty.minBigInt, empty.maxBigInt, empty.exceedsBigInt, empty.percentile(50));

const small = createHistogram();
for (const v of [1, 2, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144]) small.record(v);
show('small', small);
console.log('small percentiles', [1, 25, 50, 75, 90, 99, 100].map((p) => small.percentile(p)), small.percentileBigInt(50));

const large = createHistogram();
for (const v of [1000, 2047, 2048, 2049, 5000, 123456, 999999, 10 ** 9, 2 ** 40 + 12345]) large.record(v);
large.record(7n);
show('large', large);
console.log('large percentiles', [10, 50, 90, 100].map((p) => large.percentile(p)));

const bounded = createHistogram({ lowest: 10, highest: 1000, figures: 2 });
for (const v of [1, 10, 15, 500, 999, 1000, 5000]) bounded.record(v);
show('bounded', bounded);

const sum = createHistogram();
sum.record(4);
sum.add(small);
sum.add(bounded);
show('added', sum);
sum.reset();
show('reset', sum);

const delta = createHistogram();
delta.recordDelta();
delta.recordDelta();
delta.recordDelta();
console.log('deltas', delta.count, delta.min > 0);

console.log(JSON.stringify(small.toJSON()));
console.log(util.inspect(small).split('\n')[0]);

for (const bad of [
  () => small.record(0),
  () => small.record(1.5),
  () => small.record('1'),
  () => small.record(-1n),
  () => small.percentile(0),
  () => small.percentile(101),
  () => small.percentile('50'),
  () => small.add({}),
  () => createHistogram({ lowest: 0 }),
  () => createHistogram({ highest: 1 }),
  () => createHistogram({ figures: 6 }),
  () => createHistogram(1),
  () => monitorEventLoopDelay({ resolution: 0 }),
]) {
  try {
    bad();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}

const eld = monitorEventLoopDelay({ resolution: 10 });
console.log('enable', eld.enable(), eld.enable());
// Until the delay histogram has a sample (a loaded machine may run its timer late).
const poll = setInterval(() => {
  if (eld.count === 0) return;
  clearInterval(poll);
  console.log('disable', eld.disable(), eld.disable());
  console.log('loop delay sampled', eld.count > 0, eld.min >= 1e6, eld.max >= eld.min, typeof eld.mean);
}, 20);
