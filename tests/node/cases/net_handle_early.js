// A connecting socket has its handle at once, as in Node, and the connection's options
// reach the handle when the connect is made; keepAliveInitialDelay is checked, and a
// negative one is 0.
const net = require('net');
try {
  new net.Socket({ keepAliveInitialDelay: 'soon' });
} catch (err) {
  console.log(err.code, err.message);
}
const server = net.createServer((s) => s.end());
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const calls = [];
  const client = net.connect({ port, host: '127.0.0.1', noDelay: true, keepAlive: true, keepAliveInitialDelay: -5000 }, () => {
    console.log('connected, calls:', JSON.stringify(calls));
  });
  console.log('handle at once:', client._handle !== null, typeof client._handle.setNoDelay, typeof client._handle.setKeepAlive);
  const { setNoDelay, setKeepAlive } = client._handle;
  client._handle.setNoDelay = function(on) {
    calls.push(['setNoDelay', on]);
    return setNoDelay.call(this, on);
  };
  client._handle.setKeepAlive = function(on, delay) {
    calls.push(['setKeepAlive', on, delay]);
    return setKeepAlive.call(this, on, delay);
  };
  console.log('before connect:', client.remoteAddress, client.pending, client.connecting);
  client.on('end', () => {
    client.end();
    server.close(() => console.log('closed'));
  });
  client.resume();
});
