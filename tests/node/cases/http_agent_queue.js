// Requests queued behind an agent's maxSockets: every one is answered, in order, when the
// sockets before them close (Connection: close) or go back to the pool (keep-alive).
const http = require('http');

const server = http.Server((req, res) => {
  setTimeout(() => {
    const close = req.headers.connection === 'close';
    res.writeHead(200, { connection: close ? 'close' : 'keep-alive', 'content-length': req.url.length });
    res.end(req.url);
  }, 1);
});

function run(agent, headers, count) {
  return new Promise((resolve) => {
    const seen = [];
    let left = count;
    for (let i = 0; i < count; i++) {
      http.get({ port: server.address().port, host: '127.0.0.1', path: `/${i}`, agent, headers }, (res) => {
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
  server.close();
});
