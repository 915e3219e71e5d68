process.exitCode = 7;
process.on('exit', (c) => console.log('code', c));
