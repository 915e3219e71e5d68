const os = require('os');
console.log(Object.keys(os).join());
console.log(os.EOL === '\n', os.devNull, os.arch(), os.platform(), os.type(), os.endianness(), os.machine());
console.log(os.release() === require('fs').readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim());
console.log(os.hostname() === require('fs').readFileSync('/proc/sys/kernel/hostname', 'utf8').trim());
console.log(os.homedir() === process.env.HOME, os.tmpdir());
const cpus = os.cpus();
console.log(cpus.length > 0, Object.keys(cpus[0]).join(), Object.keys(cpus[0].times).join(), typeof cpus[0].model, typeof cpus[0].speed);
console.log(os.availableParallelism() >= 1, os.totalmem() > os.freemem(), os.freemem() > 0);
const la = os.loadavg();
console.log(la.length, la.every((x) => typeof x === 'number' && x >= 0));
console.log(typeof os.uptime(), os.uptime() > 0);
const u = os.userInfo();
console.log(Object.keys(u).join(), u.uid === process.getuid(), typeof u.username, Object.getPrototypeOf(u));
// Interfaces: compare everything that is stable on one machine.
console.log(JSON.stringify(os.networkInterfaces()));
console.log(os.constants.signals.SIGINT, os.constants.signals.SIGTERM, os.constants.errno.ENOENT, os.constants.errno.EADDRINUSE, os.constants.priority.PRIORITY_HIGH, os.constants.dlopen.RTLD_NOW);
console.log(typeof os.getPriority(), os.getPriority() === os.getPriority(0));
try {
  os.setPriority(0, 100);
} catch (e) {
  console.log(e.code, e.message);
}
try {
  os.getPriority('x');
} catch (e) {
  console.log(e.code);
}
