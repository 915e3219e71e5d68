// @stdin alpha\nbeta\ngamma\n
const readline = require('readline');
(async () => {
  const rl = readline.createInterface({ input: process.stdin });
  let n = 0;
  for await (const line of rl) console.log(++n, line);
  console.log('done', n);
})();
