// Every Stats field as statx reports it: birth times (0 where the filesystem keeps none,
// as on /proc), device numbers of a character device, bigint nanoseconds.
const fs = require('fs');
const fields = ['dev', 'ino', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'size', 'blksize', 'blocks',
  'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs'];
for (const p of [__filename, '/dev/null', '/proc/version', '/']) {
  const s = fs.lstatSync(p);
  console.log(p === __filename ? 'this file' : p, fields.filter((f) => f !== 'atimeMs').map((f) => s[f]).join(' '));
  console.log(' birthtime', s.birthtime.toISOString(), s.isCharacterDevice(), s.isFile());
}
const b = fs.statSync(__filename, { bigint: true });
console.log(typeof b.birthtimeNs, b.birthtimeNs / 1000000n === b.birthtimeMs, b.birthtimeNs > 0n);
const fd = fs.openSync(__filename);
console.log(fs.fstatSync(fd).birthtimeMs === fs.statSync(__filename).birthtimeMs);
fs.closeSync(fd);
