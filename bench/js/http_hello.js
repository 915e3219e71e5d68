// The hello-world server of bench/http: prints its port, serves until killed.
const http = require('http');
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '12' });
  res.end('hello world\n');
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
