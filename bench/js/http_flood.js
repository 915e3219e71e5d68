// The malformed side of bench/soak: keeps sending broken requests (bad tokens, huge
// headers, cut-off heads, garbage, resets) to the port in argv until killed.
const net = require('net');
const port = +process.argv[2];
const bad = [
  'G@T / HTTP/1.1\r\n\r\n',
  'GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n',
  `GET / HTTP/1.1\r\nX: ${'a'.repeat(40000)}\r\n\r\n`,
  'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
  'GET / HTTP/1.1\r\nHost: x\r\nX-Cut: ',
  '\x00\x01\x02 garbage\r\n\r\n',
];
let i = 0;
function next() {
  const s = net.connect(port, '127.0.0.1', () => {
    s.write(bad[i++ % bad.length]);
    if (i % 3 === 0) s.destroy();
    else s.end();
  });
  s.on('error', () => {});
  s.on('close', () => setImmediate(next));
  s.resume();
}
for (let k = 0; k < 4; k++) next();
