// net's argument rules and event order that Node's own tests pin down.
const net = require('net');
const dns = require('dns');

const tryIt = require('../fixtures/try_it');

console.log(net.isIP({ toString: () => '::2001:252:1:255.255.255.255' }), net.isIP({ toString: () => '127.0.0.1' }),
  net.isIP({ toString: () => 'bla' }), net.isIP(), net.isIP(null), net.isIPv4({ toString: () => '1.2.3.4' }), net.isIPv6(123));

tryIt('connect()', () => net.connect());
tryIt('connect({})', () => net.connect({}));
tryIt('Socket().connect()', () => new net.Socket().connect());
for (const key of ['objectMode', 'readableObjectMode', 'writableObjectMode']) {
  tryIt(key, () => net.createConnection({ port: 8080, [key]: true }));
}
tryIt('hints', () => net.connect({ port: 42, host: 'localhost', hints: (dns.ADDRCONFIG | dns.V4MAPPED | dns.ALL) + 42 }));
tryIt('lookup hints', () => dns.lookup('localhost', { hints: 1 }, () => {}));

const s = new net.Socket();
for (const d of [-0.001, -1, -Infinity, Infinity, NaN, '100', null]) tryIt(`setTimeout(${String(d)})`, () => s.setTimeout(d));
s.setTimeout(0);

// A Unix socket path's mode with readableAll / writableAll.
const fs = require('fs');
const os = require('os');
const path = require('path');
async function pipeModes() {
  for (const [r, w] of [[true, false], [false, true], [true, true]]) {
    const p = path.join(os.tmpdir(), `net_api_rules_${process.pid}_${r}_${w}.sock`);
    const srv = net.createServer();
    await new Promise((resolve) => srv.listen({ path: p, readableAll: r, writableAll: w }, resolve));
    const mode = fs.statSync(p).mode;
    console.log('pipe', r, w, (mode & 0o444) === 0o444, (mode & 0o222) === 0o222);
    await new Promise((resolve) => srv.close(resolve));
  }
}

// 'end' comes before the socket is destroyed, and 'close' after 'end', also for a
// reader that only reads a while later.
const server = net.createServer((socket) => {
  const order = [];
  socket.once('readable', () => setTimeout(() => socket.read(), 50));
  socket.on('end', () => order.push(`end destroyed=${socket.destroyed}`));
  socket.on('close', () => {
    order.push('close');
    console.log('server side:', order.join(', '));
    server.close(pipeModes);
  });
  socket.end('foo');
});
server.listen(0, '127.0.0.1', () => {
  const order = [];
  const c = net.createConnection(server.address().port, '127.0.0.1', () => c.end('bar'));
  c.on('data', () => {});
  c.on('end', () => order.push(`end destroyed=${c.destroyed}`));
  c.on('close', () => {
    order.push('close');
    console.log('client side:', order.join(', '));
  });
});
