// A burst of new connections, each with one request (agent: false): every request is
// answered, in batches of ready connections larger than the loop holds writes for.
const http = require('http');
const N = 200;
const server = http.createServer((req, res) => res.end(req.url));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  let answered = 0;
  let right = 0;
  for (let i = 0; i < N; i++) {
    http.get({ host: '127.0.0.1', port, path: `/${i}`, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => {
        if (body === `/${i}`) right++;
        if (++answered === N) {
          console.log('answered', answered, 'right', right);
          server.close();
        }
      });
    });
  }
});
