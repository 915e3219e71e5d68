// Sockets and requests destroyed before they connect: each still closes, and a request
// reports what Node reports.
const net = require('net');
const http = require('http');

const server = http.createServer(() => console.log('request (unexpected)'));
server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();

  // A socket destroyed while its host is still being looked up.
  await new Promise((resolve) => {
    const s = net.createConnection({ port, host: 'localhost' });
    s.on('close', (hadError) => {
      console.log('lookup-time socket close', hadError, s.destroyed);
      resolve();
    });
    s.destroy();
    console.log('destroyed', s.destroyed, s.connecting);
  });

  // A socket destroyed with an error before it connected: 'error', then 'close'.
  await new Promise((resolve) => {
    const s = net.createConnection({ port, host: '127.0.0.1' });
    s.on('error', (e) => console.log('early error', e.message));
    s.on('close', (hadError) => {
      console.log('early close', hadError);
      resolve();
    });
    s.destroy(new Error('boom'));
  });

  // A write queued before the connection, then a destroy: the write's callback gets the error.
  await new Promise((resolve) => {
    const s = net.createConnection({ port, host: '127.0.0.1' });
    s.on('error', () => {});
    s.write('x', (err) => console.log('write cb', err && err.code));
    s.on('close', resolve);
    s.destroy();
  });

  // Requests destroyed or aborted before they have a socket.
  for (const how of ['destroy', 'abort', 'destroy with error']) {
    await new Promise((resolve) => {
      const req = http.get({ port, host: '127.0.0.1' }, () => console.log('response (unexpected)'));
      req.on('error', (e) => console.log(how, 'error', e.code, e.message));
      req.on('abort', () => console.log(how, 'abort event'));
      req.on('close', () => {
        console.log(how, 'close', req.destroyed);
        resolve();
      });
      if (how === 'abort') req.abort();
      else if (how === 'destroy') req.destroy();
      else req.destroy(new Error('mine'));
    });
  }

  // With createConnection and no agent: the socket closes too.
  await new Promise((resolve) => {
    const req = http.get({
      port,
      createConnection(options, oncreate) {
        const socket = net.createConnection({ ...options, host: '127.0.0.1' }, oncreate);
        socket.once('close', () => {
          console.log('own connection closed');
          resolve();
        });
        return socket;
      },
    });
    req.abort();
  });
  // A socket connected again counts the new connection's bytes only.
  await new Promise((resolve) => {
    const echo = net.createServer((s) => s.on('error', () => {}).resume());
    echo.listen(0, '127.0.0.1', () => {
      const s = net.createConnection(echo.address().port, '127.0.0.1');
      let round = 0;
      s.on('connect', () => s.end('x'.repeat(round === 0 ? 7 : 3)));
      s.on('close', () => {
        console.log('round', round, 'bytesWritten', s.bytesWritten, 'bytesRead', s.bytesRead);
        if (++round < 2) s.connect(echo.address().port, '127.0.0.1');
        else {
          echo.close();
          resolve();
        }
      });
      s.resume();
    });
  });
  server.close();
});
