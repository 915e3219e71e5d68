// Requests from three connections that arrive together, so that the server reads them in
// one turn of its loop: the first request's handler destroys the third connection and
// pauses the second, then resumes it. The third is never answered, the second is once
// resumed, and the server goes on serving a new connection.
const http = require('http');
const net = require('net');

const sockets = new Map(); // client port → the server's socket
const server = http.createServer((req, res) => {
  if (req.url === '/first') {
    const [, second, third] = [...sockets.values()];
    third.destroy();
    second.pause();
    setTimeout(() => second.resume(), 50);
  }
  res.end(req.url);
});
server.on('connection', (socket) => sockets.set(socket.remotePort, socket));

function connect(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
  });
}

// What a connection got back by the time it closed or the time ran out, first line only.
function answer(socket) {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (d) => (text += d));
    socket.on('error', () => {});
    const done = () => resolve(text === '' ? '(nothing)' : text.split('\r\n')[0] + ' ' + text.split('\r\n\r\n')[1]);
    socket.on('close', done);
    setTimeout(() => {
      socket.destroy();
    }, 300);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const clients = [];
  for (let i = 0; i < 3; i++) {
    clients.push(await connect(port));
    // The server has the connection before the next one is made.
    while (sockets.size < i + 1) await new Promise((r) => setImmediate(r));
  }
  const answers = clients.map(answer);
  // Written from a timer, where nothing holds writes back: all three are there when the
  // loop next looks.
  setTimeout(() => {
    ['/first', '/second', '/third'].forEach((path, i) => clients[i].write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`));
  }, 1);
  for (const [i, a] of (await Promise.all(answers)).entries()) console.log(`client ${i + 1}:`, a);
  const late = await connect(port);
  const lateAnswer = answer(late);
  late.end('GET /later HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  console.log('a later connection:', await lateAnswer);
  server.close();
});
