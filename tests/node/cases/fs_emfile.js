// @ulimit-n 64
// Out of descriptors: sync, callback and promise opens fail with Node's EMFILE error, and
// once descriptors are closed opening works again.
const fs = require('fs');
const held = [];
let syncError;
for (;;) {
  try {
    held.push(fs.openSync('/dev/null', 'r'));
  } catch (e) {
    syncError = e;
    break;
  }
}
console.log('sync:', syncError.message, syncError.code, syncError.errno, syncError.syscall, syncError.path);
fs.open('/dev/null', 'r', async (err) => {
  console.log('callback:', err.message, err.code, err.syscall);
  try {
    await fs.promises.readFile(__filename);
  } catch (e) {
    console.log('promise:', e.message, e.code, e.syscall);
  }
  for (const fd of held.splice(0)) fs.closeSync(fd);
  const fd = fs.openSync('/dev/null', 'r');
  console.log('after closing, open works:', typeof fd);
  fs.closeSync(fd);
});
