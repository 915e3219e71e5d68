// util.inspect of a nested structure with 10k elements; median ms as JSON.
const util = require('util');
const data = [];
for (let i = 0; i < 10000; i++) {
  data.push({ id: i, name: `item ${i}`, tags: ['a', 'b', i % 3 ? 'c' : 'd'], nested: { ok: i % 2 === 0, value: i * 1.5 } });
}
const runs = [];
for (let i = 0; i < 5; i++) {
  const t = process.hrtime.bigint();
  util.inspect(data, { depth: Infinity, maxArrayLength: Infinity });
  runs.push(Number(process.hrtime.bigint() - t) / 1e6);
}
runs.sort((a, b) => a - b);
console.log(JSON.stringify({ 'inspect 10k nested': runs[2] }));
