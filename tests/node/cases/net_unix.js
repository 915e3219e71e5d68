// A Unix-domain socket server and client; the socket file goes away on close.
const net = require('net');
const fs = require('fs');
const path = require('path');
const os = require('os');
const file = path.join(os.tmpdir(), `unode-net-${process.pid}.sock`);
const server = net.createServer((sock) => {
  sock.setEncoding('utf8');
  sock.on('data', (d) => sock.end(d.toUpperCase()));
});
server.listen(file, () => {
  console.log('address is the path:', server.address() === file, fs.existsSync(file));
  const c = net.connect(file, () => {
    console.log('remoteAddress', typeof c.remoteAddress, 'family', c.remoteFamily);
    c.write('over a unix socket');
  });
  c.setEncoding('utf8');
  c.on('data', (d) => console.log('got', d));
  c.on('close', () => server.close(() => console.log('closed; file left:', fs.existsSync(file))));
});
