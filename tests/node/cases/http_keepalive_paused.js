// A keep-alive socket whose last response was read slowly (so its reader paused the
// socket at the end) still carries the next request's response, over http and https.
const http = require('http');
const https = require('https');
const fs = require('fs');
const path = require('path');
const read = (f) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', f));
const handler = (req, res) => res.end(req.url === '/big' ? Buffer.alloc(1 << 21, 'y') : 'small');

async function run(mod, server, extra) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const agent = new mod.Agent({ keepAlive: true, maxSockets: 1, ...extra });
  const get = (p, slow) => new Promise((resolve, reject) => {
    const req = mod.get({ host: '127.0.0.1', port: server.address().port, path: p, agent, ...extra }, (res) => {
      let n = 0;
      res.on('data', (d) => {
        n += d.length;
        if (slow) {
          res.pause();
          setTimeout(() => res.resume(), 1);
        }
      });
      res.on('end', () => resolve(`${p} ${n} reused=${req.reusedSocket}`));
    });
    req.on('error', reject);
  });
  for (const [p, slow] of [['/big', true], ['/small', false], ['/big', true], ['/big', false], ['/small', false]]) {
    console.log(await get(p, slow));
  }
  agent.destroy();
  server.close();
}

(async () => {
  await run(http, http.createServer(handler), {});
  await run(https, https.createServer({ key: read('server-key.pem'), cert: read('server.pem') }, handler),
    { ca: read('ca.pem'), servername: 'localhost' });
})();
