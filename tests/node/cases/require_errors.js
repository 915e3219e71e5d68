for (const bad of [undefined, 42, '', {}]) {
  try {
    require(bad);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
try {
  require.resolve('./nowhere');
} catch (e) {
  console.log(e.code);
}
console.log(require.resolve('fs'), require.resolve('node:fs'), require.resolve.paths('fs'));
const fs = require('fs');
const path = require('path');
const bad = path.join(__dirname, '.tmp-bad.json');
fs.writeFileSync(bad, '{ nope');
try {
  require(bad);
} catch (e) {
  console.log(e.name, e.message.startsWith(bad + ': '));
} finally {
  fs.unlinkSync(bad);
}
