console.log('before the throw');
process.on('exit', (c) => console.log('exit listener sees', c));
function fail() {
  throw new Error('boom');
}
fail();
