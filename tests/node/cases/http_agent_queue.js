// Requests queued behind an agent's maxSockets: every one is answered, in order, when the
// sockets before them close (Connection: close) or go back to the pool (keep-alive); and
// behind maxTotalSockets, across two origins. An upgraded socket leaves the agent.
const http = require('http');

const server = http.Server((req, res) => {
  setTimeout(() => {
    const close = req.headers.connection === 'close';
    res.writeHead(200, { connection: close ? 'close' : 'keep-alive', 'content-length': req.url.length });
    res.end(req.url);
  }, 1);
});

function run(agent, headers, count, port = server.address().port) {
  return new Promise((resolve) => {
    const seen = [];
    let left = count;
    for (let i = 0; i < count; i++) {
      http.get({ port, host: '127.0.0.1', path: `/${i}`, agent, headers }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => {
          seen.push(body);
          if (--left === 0) resolve(seen);
        });
      }).on('error', (e) => console.log('error', i, e.message));
    }
  });
}

server.listen(0, '127.0.0.1', async () => {
  const closing = new http.Agent({ maxSockets: 1 });
  console.log('close, 1 socket:', (await run(closing, { connection: 'close' }, 6)).join(' '));
  const pooled = new http.Agent({ maxSockets: 1, keepAlive: true });
  console.log('keep-alive, 1 socket:', (await run(pooled, {}, 6)).join(' '));
  pooled.destroy();

  const other = http.Server((req, res) => res.end(`other${req.url}`));
  await new Promise((r) => other.listen(0, '127.0.0.1', r));
  for (const [maxTotalSockets, maxSockets] of [[2, 3], [3, 2], [2, 2]]) {
    const agent = new http.Agent({ keepAlive: true, maxTotalSockets, maxSockets, maxFreeSockets: 3 });
    const [a, b] = await Promise.all([run(agent, {}, 6), run(agent, {}, 6, other.address().port)]);
    console.log(`total ${maxTotalSockets}, per origin ${maxSockets}:`, a.sort().join(' '), '|', b.sort().join(' '));
    agent.destroy();
  }
  other.close();

  const upgrading = http.createServer();
  upgrading.on('upgrade', (req, socket) => socket.end('HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\nhi'));
  await new Promise((r) => upgrading.listen(0, '127.0.0.1', r));
  const agent = new http.Agent({ keepAlive: true });
  await new Promise((resolve) => {
    const req = http.request({ port: upgrading.address().port, host: '127.0.0.1', agent, headers: { connection: 'upgrade', upgrade: 'x' } });
    req.on('upgrade', (res, socket, head) => {
      console.log('upgraded', res.statusCode, String(head), agent.totalSocketCount, Object.keys(agent.sockets).length,
        socket.listenerCount('agentRemove'), socket.listenerCount('free'));
      socket.destroy();
      resolve();
    });
    req.end();
  });
  agent.destroy();
  upgrading.close();
  server.close();
});
