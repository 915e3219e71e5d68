// Keep-alive: the agent reuses one socket for sequential requests, queues past
// maxSockets, and idle pooled sockets do not keep the process alive.
const http = require('http');
let connections = 0;
const server = http.createServer((req, res) => res.end(req.url));
server.on('connection', () => connections++);
server.listen(0, '127.0.0.1', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path) => new Promise((resolve) => {
    const req = http.get({ port: server.address().port, host: '127.0.0.1', path, agent }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(`${body} reused=${req.reusedSocket}`));
    });
  });
  console.log(await get('/1'));
  console.log(await get('/2'));
  console.log((await Promise.all(['/3', '/4', '/5'].map(get))).join(' | '));
  console.log('connections', connections, 'free sockets', Object.values(agent.freeSockets).flat().length);
  server.close();
  server.closeAllConnections();
});
