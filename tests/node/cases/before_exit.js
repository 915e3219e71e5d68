// beforeExit fires when the loop empties; work it schedules runs; then exit fires.
let rounds = 0;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code, rounds);
  if (rounds++ < 2) setTimeout(() => console.log('scheduled from beforeExit', rounds), 1);
});
process.on('exit', (code) => {
  console.log('exit', code, process.exitCode);
  setTimeout(() => console.log('never: the loop is over'), 0);
});
process.exitCode = 4;
console.log('main done');
