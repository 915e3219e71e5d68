// net.connect({ onread }): bytes arrive in the caller's buffer a buffer-full at a time,
// no 'data' events; false from the callback pauses; a buffer function; an incomplete
// onread is ignored (the bytes come as 'data').
const net = require('net');
const srv = net.createServer((c) => c.end('hello world, this is a longer message'));
srv.listen(0, '127.0.0.1', () => {
  const port = srv.address().port;
  const buf = Buffer.alloc(8);
  const got = [];
  const s = net.connect({
    port,
    host: '127.0.0.1',
    onread: {
      buffer: buf,
      callback(n, b) {
        got.push(`${n}:${b === buf}:${b.toString('latin1', 0, n)}`);
        if (got.length === 2) {
          setTimeout(() => { got.push('resume'); s.resume(); }, 20);
          return false;
        }
      },
    },
  });
  s.on('data', () => console.log('data event!'));
  s.on('end', () => console.log('end', JSON.stringify(got)));
  s.on('close', () => {
    const sizes = [];
    const s2 = net.connect({ port, host: '127.0.0.1', onread: { buffer: () => Buffer.alloc(16), callback: (n) => { sizes.push(n); } } });
    s2.on('close', () => {
      console.log('function buffer', sizes.join(','));
      const s3 = net.connect({ port, host: '127.0.0.1', onread: { buffer: 'x', callback() {} } });
      s3.setEncoding('latin1');
      s3.on('data', (d) => console.log('ignored onread, data:', d));
      s3.on('close', () => srv.close());
    });
  });
});
