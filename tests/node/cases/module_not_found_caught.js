try {
  require('no-such-package-anywhere');
} catch (err) {
  console.log(err.code, err.message.split('\n')[0]);
  console.log(err.requireStack.map((p) => require('path').basename(p)));
}
try {
  require('node:nope');
} catch (err) {
  console.log(err.code, err.message);
}
try {
  require('../fixtures/mods/node_modules/exp/dist/nothing');
} catch (err) {
  console.log(err.code);
}
try {
  require('exp/not-exported');
} catch (err) {
  console.log(err.code);
}
