// resetAndDestroy(): the peer sees a reset (ECONNRESET), not an orderly end; before the
// connection is up it waits for it; on a socket without one it is ERR_SOCKET_CLOSED.
// Each side's events are printed as a block at the end: how the two sides interleave in
// one process is a matter of loop phases.
const net = require('net');

const serverLog = [];
const clientLog = [];
const log = (...a) => clientLog.push(a.join(' '));

const server = net.createServer((socket) => {
  socket.on('error', (e) => serverLog.push(`error ${e.code} ${e.message}`));
  socket.on('end', () => serverLog.push('end (unexpected)'));
  socket.on('close', (hadError) => {
    serverLog.push(`close ${hadError}`);
    if (++closed === 2) {
      server.close();
      setTimeout(() => {
        console.log('client:', clientLog.join(' | '));
        console.log('server:', serverLog.join(' | '));
      }, 50);
    }
  });
});
let closed = 0;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const a = net.createConnection(port, '127.0.0.1', () => {
    log('same socket', a.resetAndDestroy() === a, a.destroyed);
    a.write('late', (err) => log('write after reset', err && err.code));
    a.on('close', () => {
      // Before it connected: the reset waits for the connection.
      const b = net.createConnection(port, '127.0.0.1');
      b.on('connect', () => log('b connected'));
      b.on('close', (hadError) => log('b close', hadError));
      b.resetAndDestroy();
      log('b destroyed at once', b.destroyed);
    });
  });
  a.on('error', (e) => log('a error (unexpected)', e.code));

  const c = new net.Socket();
  c.on('error', (e) => log('unconnected', e.code, e.message));
  c.resetAndDestroy();
});
