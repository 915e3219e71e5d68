// The real socket.io server and client under both runtimes, over WebSocket and over
// HTTP long-polling: connection, events with acknowledgements, rooms and broadcast, and
// disconnection reasons. (socket.io-client's polling transport loads child_process.)
const { Server } = require('socket.io');
const { io } = require('socket.io-client');
const http = require('http');

const srv = http.createServer();
const ioServer = new Server(srv);
ioServer.on('connection', (socket) => {
  console.log('server: connection over', socket.conn.transport.name);
  socket.on('hello', (msg, ack) => {
    console.log('server: hello', JSON.stringify(msg));
    ack({ ok: true, echo: msg });
  });
  socket.on('join', (room) => {
    socket.join(room);
    ioServer.to(room).emit('news', `welcome to ${room}`);
  });
  socket.on('disconnect', (reason) => console.log('server: disconnect', reason));
});

function session(url, transports) {
  return new Promise((resolve) => {
    const client = io(url, { transports, reconnection: false });
    client.on('connect', () => {
      client.emit('hello', { transports, n: [1, 2] }, (res) => {
        console.log('client: ack', JSON.stringify(res));
        client.emit('join', 'lobby');
      });
    });
    client.on('news', (text) => {
      console.log('client: news', text);
      client.disconnect();
    });
    client.on('disconnect', (reason) => {
      console.log('client: disconnect', reason);
      setTimeout(resolve, 20);
    });
  });
}

srv.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${srv.address().port}`;
  await session(url, ['websocket']);
  await session(url, ['polling']);
  ioServer.close();
});
