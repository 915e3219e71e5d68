// @stdout-only (Node also prints the throw site, which QuickJS does not record for non-errors)
console.log('before');
process.on('exit', (c) => console.log('exit', c));
throw { custom: 'object', n: 1 };
