// unode runs Node programs: modules, timers, promises, process, console.
const path = require('path');
const { setTimeout: sleep } = require('timers/promises');

async function main() {
  console.log(`hello from ${path.basename(__filename)} on ${process.release.name} ${process.version}`);
  await sleep(10);
  console.log('after 10 ms:', { pid: typeof process.pid, argv: process.argv.slice(2) });
}

main();
