// Signals arrive through the loop; a listener does not keep the process alive.
process.on('SIGUSR2', (name, num) => {
  console.log('got', name, num);
  setTimeout(() => console.log('after signal'), 1);
});
process.kill(process.pid, 'SIGUSR2');
setTimeout(() => console.log('timer ran'), 30);
