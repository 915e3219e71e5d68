// console.time/timeLog/timeEnd print "label: <n>ms"; console.trace prints "Trace: ..."
// then the stack to stderr; missing labels warn.
const lines = [];
const realWrite = process.stdout.write;
process.stdout.write = function (chunk) {
  lines.push(String(chunk));
  return true;
};
console.time('t');
console.timeLog('t', 'extra', 1);
console.timeEnd('t');
console.time();
console.timeEnd();
process.stdout.write = realWrite;
for (const l of lines) console.log(l.replace(/\d+(\.\d+)?ms/, 'Nms').trimEnd());
console.timeEnd('missing');
console.trace('traced %s', 'here');
process.env.UNODE_TEST_NUM = 42;
console.log(typeof process.env.UNODE_TEST_NUM, process.env.UNODE_TEST_NUM, 'UNODE_TEST_NUM' in process.env);
delete process.env.UNODE_TEST_NUM;
console.log(process.env.UNODE_TEST_NUM);
const mu = process.memoryUsage();
console.log(mu.heapUsed > 0, mu.heapTotal >= mu.heapUsed, typeof mu.external);
