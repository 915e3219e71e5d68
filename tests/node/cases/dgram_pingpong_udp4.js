// dgram over udp4 on loopback: a server answers each ping with a pong until the client
// says bye; events, rinfo and the callbacks' order are logged. Ports are only compared.
'use strict';
const dgram = require('dgram');

const server = dgram.createSocket('udp4');
const client = dgram.createSocket('udp4');
let serverPort;
let clientPort;

server.on('listening', () => {
  const a = server.address();
  serverPort = a.port;
  console.log('server listening', a.address, a.family, typeof a.port, Object.keys(a));
  client.bind(0, '127.0.0.1', () => {
    clientPort = client.address().port;
    console.log('client listening', clientPort !== serverPort);
    ping(1);
  });
});

server.on('message', (msg, rinfo) => {
  console.log('server got', JSON.stringify(msg.toString()), Buffer.isBuffer(msg), rinfo.address, rinfo.family,
    rinfo.port === clientPort, rinfo.size, Object.keys(rinfo));
  if (msg.toString() === 'bye') {
    server.close(() => console.log('server closed'));
    return;
  }
  server.send(`pong ${msg.toString().slice(5)}`, rinfo.port, rinfo.address, (err, bytes) => {
    console.log('server sent', err, bytes);
  });
});

function ping(n) {
  client.send(`ping ${n}`, serverPort, '127.0.0.1', (err, bytes) => console.log('client sent', n, err, bytes));
}

client.on('message', (msg, rinfo) => {
  console.log('client got', msg.toString(), rinfo.port === serverPort, rinfo.size);
  process.nextTick(() => console.log('tick after message'));
  const n = Number(msg.toString().slice(5));
  if (n < 3) {
    ping(n + 1);
  } else {
    client.send('bye', serverPort, '127.0.0.1', () => client.close(() => console.log('client closed')));
  }
});

server.on('close', () => console.log('server close event'));
server.bind(0, '127.0.0.1');
console.log('bind returned');
process.on('exit', (code) => console.log('exit', code));
