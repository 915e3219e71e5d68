// create → run a tiny guest → destroy, N times through unode:vm: cycles per second, and
// the process's open fds and RSS after the first cycle and at the end (growth = a leak).
//   unode bench/js/vm_cycles.js [cycles, default 1000]
const vm = require('unode:vm');
const fs = require('fs');

const cycles = Number(process.argv[2] ?? 1000);
// Real mode: "ok\n" on COM1, boot timer + exit code 0 … then reset through the i8042.
const code = Buffer.from([0xba, 0xf8, 0x03, 0xb0, 0x6f, 0xee, 0xb0, 0x6b, 0xee, 0xb0, 0x0a, 0xee, 0xb0, 0xfe, 0xe6, 0x64]);
const fds = () => fs.readdirSync('/proc/self/fd').length;
const rssMiB = () => (process.memoryUsage.rss() / 2 ** 20).toFixed(1);

(async () => {
  const times = [];
  let first;
  const start = process.hrtime.bigint();
  for (let i = 0; i < cycles; i++) {
    const t = process.hrtime.bigint();
    const r = await vm.run({ code, memMib: 2 });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.reason !== 'Reset' || r.console !== 'ok\n') throw new Error(`cycle ${i}: ${r.reason} ${JSON.stringify(r.console)}`);
    if (i === 0) first = { fds: fds(), rss: rssMiB() };
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  times.sort((a, b) => a - b);
  console.log(`| cycles | ${cycles} |`);
  console.log(`| cycles/s | ${(cycles / secs).toFixed(0)} |`);
  console.log(`| median cycle | ${times[times.length >> 1].toFixed(2)} ms |`);
  console.log(`| p99 cycle | ${times[Math.floor(times.length * 0.99)].toFixed(2)} ms |`);
  console.log(`| open fds after cycle 1 → ${cycles} | ${first.fds} → ${fds()} |`);
  console.log(`| RSS after cycle 1 → ${cycles} | ${first.rss} → ${rssMiB()} MiB |`);
})();
