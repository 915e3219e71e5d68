// @args one two --three
console.log(process.argv.slice(2));
console.log(process.argv.length, require('path').basename(process.argv[1]));
console.log(process.version.startsWith('v20.'), process.versions.node === process.version.slice(1), process.release.name);
console.log(process.platform, process.arch, typeof process.pid, typeof process.ppid, process.pid > 0);
console.log(process.cwd() === __dirname, typeof process.env.PATH);
const [s, ns] = process.hrtime();
console.log(typeof s, typeof ns, typeof process.hrtime.bigint(), Array.isArray(process.hrtime([s, ns])));
console.log(Object.keys(process.memoryUsage()).sort().join(','), process.memoryUsage().rss > 0);
console.log(typeof process.uptime(), process.uptime() >= 0);
console.log(typeof process.umask(), process.execArgv);
console.log(process.stdout.isTTY, process.stderr.isTTY);
console.log(typeof process.nextTick, typeof queueMicrotask, globalThis === global);
console.log(process.exitCode, process.title.length > 0, process.getuid() >= 0);
process.chdir('..');
console.log(require('path').basename(process.cwd()));
try {
  process.chdir('/definitely/not/here');
} catch (e) {
  console.log(e.code, e.syscall, e.message.replace(process.cwd(), '<cwd>'));
}
try {
  process.kill(process.pid, 'SIGNOPE');
} catch (e) {
  console.log(e.code, e.message);
}
console.log(process.kill(process.pid, 0));
console.log(String(process));
