// A handler that listens to the raw socket's 'data' events: the server still parses every
// later request on that keep-alive connection, and the listener sees their bytes.
const http = require('http');
let seen = 0;
const server = http.createServer((req, res) => {
  if (req.url === '/first') req.socket.on('data', (d) => (seen += d.length));
  res.end(req.url);
});
server.listen(0, '127.0.0.1', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path) => new Promise((resolve) => {
    http.get({ port: server.address().port, host: '127.0.0.1', path, agent }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(body));
    });
  });
  for (const p of ['/first', '/second', '/third']) console.log(await get(p));
  console.log('raw bytes seen after the first request:', seen > 0);
  agent.destroy();
  server.close();
});
