// Socket and server errors: their messages, codes and the order of error/close events.
const net = require('net');
const c = net.connect(1, '127.0.0.1');
c.on('error', (e) => console.log('connect error:', e.message, e.code, e.errno, e.syscall, e.address, e.port));
c.on('close', (hadError) => console.log('close', hadError));
const s = net.createServer().listen(0, () => {
  const port = s.address().port;
  const s2 = net.createServer().listen(port);
  s2.on('error', (e) => {
    console.log(e.message.replace(String(port), 'PORT'), e.code, e.syscall, e.address, e.port === port);
    s.close();
  });
});
for (const bad of [70000, -1, 1.5, true]) {
  try {
    net.createServer().listen(bad);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
try {
  net.connect({ port: 99999 });
} catch (e) {
  console.log(e.code, e.message);
}
console.log(['1.2.3.4', '::1', '01.2.3.4', 'fe80::1%eth0', '::ffff:1.2.3.4', '1::2::3',
  '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8', '::', '256.1.1.1', '', 'x'].map((a) => net.isIP(a)).join(','));
const u = net.connect('/nonexistent/unode-test.sock');
u.on('error', (e) => console.log(e.message, e.code, e.syscall, e.address));
const w = new net.Socket();
w.write('x', (err) => console.log('write before connect:', err && err.code));
w.on('error', (e) => console.log('socket error:', e.code));
w.destroy();
