// readFileSync with an encoding (decoded natively for the usual names): errors, other
// spellings, Buffer paths, options objects.
const fs = require('fs');
for (const [p, enc] of [['/tmp', 'utf8'], ['/nonexistent', 'hex'], ['/etc/hostname', 'UTF8'], ['/etc/hostname', 'base64'], ['/etc/hostname', 'ucs2'], [Buffer.from('/etc/hostname'), 'latin1']]) {
  try { const r = fs.readFileSync(p, enc); console.log(typeof r, r.length); } catch (e) { console.log(e.code, e.syscall, e.message); }
}
try { fs.readFileSync('/etc/hostname', 'bogus'); } catch (e) { console.log(e.code, e.message); }
console.log(fs.readFileSync('/etc/hostname', { encoding: 'utf8', flag: 'r' }).length);
