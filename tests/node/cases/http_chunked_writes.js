// A chunked body's writes reach socket.write as Node makes them (size, CRLF, data, CRLF),
// through a response's cork and uncork, with the write's callback in order; and a socket
// given a handle of another kind (Node's handle methods, some of them) still works.
const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => {
  let writes = 0;
  const orig = res.socket.write;
  res.socket.write = function(...args) { writes++; return orig.apply(this, args); };
  res.setHeader('Date', 'x');
  res.cork();
  res.write('hello');
  res.write(' world', () => console.log('cb2'));
  res.uncork();
  res.write('!');
  res.end(() => { console.log('writes', writes); });
});
server.listen(0, () => {
  const c = net.connect(server.address().port, () => c.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
  let data = '';
  c.on('data', (d) => data += d);
  c.on('end', () => { console.log(JSON.stringify(data)); server.close(); });
});
const foreign = new net.Socket({ handle: { readStart() { console.log('readStart'); }, setNoDelay(on) { console.log('setNoDelay', on); } } });
foreign.setNoDelay(true);
foreign.setNoDelay(true);
console.log(typeof foreign.setKeepAlive(true), foreign.readyState);
