// A TCP echo round trip: events, addresses and byte counts on both sides.
const net = require('net');
const server = net.createServer((sock) => {
  console.log('server conn', sock.remoteAddress, typeof sock.remotePort);
  sock.on('data', (d) => { console.log('server got', d.toString()); sock.write('pong:' + d); });
  sock.on('end', () => { console.log('server end'); sock.end(); });
  sock.on('close', (e) => { console.log('server sock close', e); server.close(() => console.log('server closed')); });
});
server.listen(0, () => {
  const { port, family, address } = server.address();
  console.log('listening', family, address);
  const c = net.connect(port, '127.0.0.1', () => {
    console.log('connected', c.remoteAddress, c.remotePort === port, c.readyState);
    c.write('ping');
  });
  c.on('data', (d) => { console.log('client got', d.toString()); c.end(); });
  c.on('end', () => console.log('client end'));
  c.on('close', (e) => console.log('client close', e, c.bytesRead, c.bytesWritten));
});
