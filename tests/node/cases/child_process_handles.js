// Handles over IPC: a listening server and an accepted socket sent to a forked child,
// which serves them.
const cp = require('child_process');
const net = require('net');

if (process.argv[2] === 'child') {
  let served;
  process.on('message', (m, handle) => {
    if (m === 'server') {
      served = handle;
      handle.on('connection', (socket) => socket.end(`child served ${handle.listening}\n`));
      process.send('got server');
    } else if (m === 'socket') {
      handle.end(`child wrote on a socket it got (${typeof handle.remotePort})\n`);
      process.send('got socket');
    } else if (m === 'bye') {
      served.close();
      process.disconnect();
    }
  });
} else {
  const child = cp.fork(__filename, ['child']);
  const fetchLine = (port) => new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    let text = '';
    c.setEncoding('utf8');
    c.on('data', (d) => { text += d; });
    c.on('end', () => resolve(text.trim()));
  });
  const next = () => new Promise((resolve) => child.once('message', resolve));
  (async () => {
    // A server: the child accepts on it once ours has stopped.
    const server = net.createServer();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address();
    child.send('server', server);
    console.log(await next());
    server.close();
    console.log(await fetchLine(port));
    // A socket we accepted, handed over: ours is closed after the send.
    const own = net.createServer((socket) => {
      child.send('socket', socket);
    });
    await new Promise((resolve) => own.listen(0, '127.0.0.1', resolve));
    const line = fetchLine(own.address().port);
    console.log(await next());
    console.log(await line);
    own.close();
    child.send('bye');
    child.on('close', (code) => console.log('child closed', code));
  })();
}
