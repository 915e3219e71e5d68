// process.exit ends at once; exit listeners see the code; nothing after runs.
process.on('exit', (code) => console.log('exit handler', code));
setTimeout(() => console.log('never'), 0);
Promise.resolve().then(() => console.log('never promise'));
console.log('before');
process.exit(3);
console.log('never after exit');
