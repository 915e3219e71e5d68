// allowHalfOpen: the server reads the client's end, then still writes before ending.
const net = require('net');
const server = net.createServer({ allowHalfOpen: true }, (sock) => {
  const chunks = [];
  sock.on('data', (d) => chunks.push(d));
  sock.on('end', () => {
    console.log('server got end; writable =', sock.writable, 'readyState =', sock.readyState);
    sock.end('late reply to ' + Buffer.concat(chunks).toString());
  });
  sock.on('close', () => server.close());
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
  c.on('connect', () => c.end('question'));
  c.on('finish', () => console.log('client finish; readyState =', c.readyState));
  c.setEncoding('utf8');
  c.on('data', (d) => console.log('client got:', d));
  c.on('end', () => console.log('client end'));
  c.on('close', () => console.log('client close'));
});
