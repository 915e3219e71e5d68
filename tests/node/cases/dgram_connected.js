// Connected dgram sockets: connect (with and without an explicit bind), remoteAddress,
// sending without a port, the errors for sending with one, disconnect, and the
// ECONNREFUSED a connected socket hears back from a port nobody listens on.
'use strict';
const dgram = require('dgram');

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}

const server = dgram.createSocket('udp4');
let clientPort;
server.on('message', (msg, rinfo) => {
  console.log('server got', msg.toString(), rinfo.port === clientPort);
  if (msg.toString() === 'after reconnect') server.close(refused);
});

server.bind(0, '127.0.0.1', () => {
  const port = server.address().port;
  const client = dgram.createSocket('udp4');
  attempt('remoteAddress before connect', () => client.remoteAddress());
  attempt('disconnect before connect', () => client.disconnect());
  client.connect(port, '127.0.0.1', (...args) => {
    clientPort = client.address().port;
    console.log('connected', args.length);
    const remote = client.remoteAddress();
    console.log('remote', remote.address, remote.family, remote.port === port, Object.keys(remote));
    attempt('connect again', () => client.connect(port));
    attempt('send with offset, length and port', () => client.send('xyz', 0, 1, port));
    attempt('send with address', () => client.send('xyz', 0, 1, port, '127.0.0.1'));
    client.send('one', (err, bytes) => console.log('sent one', err, bytes));
    client.send('two-three', 4, 5, (err, bytes) => console.log('sent slice', err, bytes));
    client.send(['li', 'st']);
    setTimeout(() => {
      client.disconnect();
      attempt('remoteAddress after disconnect', () => client.remoteAddress());
      attempt('disconnect twice', () => client.disconnect());
      attempt('send without port after disconnect', () => client.send('nope'));
      client.connect(port, (err) => {
        console.log('reconnected to the default address', err);
        client.send('after reconnect', () => client.close());
      });
    }, 20);
  });
  client.on('connect', () => console.log('connect event'));
  console.log('connect returned');
});

// A port that was bound and closed: the kernel answers with ICMP port unreachable, which a
// connected socket reports on its next receive.
function refused() {
  const gone = dgram.createSocket('udp4');
  gone.bind(0, '127.0.0.1', () => {
    const port = gone.address().port;
    gone.close(() => {
      const socket = dgram.createSocket('udp4');
      socket.on('error', (err) => {
        console.log('error event', err.message, err.code, err.errno, err.syscall);
        socket.close();
      });
      socket.connect(port, '127.0.0.1', () => socket.send('ping', (err, bytes) => console.log('sent ping', err, bytes)));
    });
  });
}

const failing = dgram.createSocket('udp4');
failing.connect(1234, '::1', (err) => {
  console.log('connect to the wrong family', err.message, err.code);
  failing.close();
});
const failingNoCallback = dgram.createSocket('udp6');
failingNoCallback.on('error', (err) => {
  console.log('error event for the wrong family', err.message);
  failingNoCallback.close();
});
failingNoCallback.connect(1234, '127.0.0.1');
process.on('exit', () => console.log('exit'));
