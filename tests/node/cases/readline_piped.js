// @stdin first line\r\nsecond line\n\nlast without newline
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const lines = [];
rl.on('line', (l) => lines.push(JSON.stringify(l)));
rl.on('close', () => console.log(lines.join('\n'), '\nclosed'));
