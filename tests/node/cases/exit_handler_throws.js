process.on('exit', () => {
  throw new Error('thrown in exit handler');
});
console.log('main ran');
