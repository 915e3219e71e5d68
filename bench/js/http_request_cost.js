// What one keep-alive request costs the HTTP server, measured in one process: a client made
// of raw syscalls (libsys) sends a request each loop turn over a Unix socket to the
// bench's hello-world server and reads the answers in bursts, so the figure is the
// server's work (loop, read, parse, request and response objects, write) plus a small
// fixed client share, without a second process's scheduling noise. unode only: node has
// no raw syscalls. Prints "<µs per request>".
//
// With several connections, each sends its next request once its answer has come, as
// wrk's connections do: the server then answers batches of ready connections and hands
// their writes to its writer thread, as under many clients.
//   unode bench/js/http_request_cost.js [requests, default 60000] [connections, default 1]
'use strict';
const http = require('http');
const fs = require('fs');
const { syscall, nr } = require('libsys');

const requests = +process.argv[2] || 60000;
const connections = +process.argv[3] || 1;
const warmup = 2000;
const AF_UNIX = 1, SOCK_STREAM = 1, SOCK_NONBLOCK = 0o4000;
const request = Buffer.from('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '12' });
  res.end('hello world\n');
});
const path = `${require('os').tmpdir()}/unode-request-cost.${process.pid}.sock`;
server.listen(path, () => {
  const address = Buffer.alloc(110);
  address.writeUInt16LE(AF_UNIX, 0);
  address.write(path, 2);
  if (connections > 1) {
    manyConnections(address);
    return;
  }
  const fd = syscall(nr.socket, AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0 || syscall(nr.connect, fd, address, address.length) !== 0) throw new Error(`cannot connect to ${path}`);
  fs.unlinkSync(path);
  const answers = Buffer.alloc(1 << 20);
  let sent = 0, received = 0, start = 0n;
  function step() {
    if (sent === warmup) start = process.hrtime.bigint();
    // The answers wait in the socket's buffer: read them every 64 requests.
    if (sent % 64 === 63) received += Math.max(0, syscall(nr.read, fd, answers, answers.length));
    if (sent++ === requests) {
      if (received === 0) throw new Error('the server sent nothing');
      const ns = Number(process.hrtime.bigint() - start) / (requests - warmup);
      console.log((ns / 1000).toFixed(3));
      process.exit(0);
    }
    syscall(nr.write, fd, request, request.length);
    setImmediate(step);
  }
  step();
});

function manyConnections(address) {
  const fds = [];
  for (let i = 0; i < connections; i++) {
    const fd = syscall(nr.socket, AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (fd < 0 || syscall(nr.connect, fd, address, address.length) !== 0) throw new Error(`cannot connect to ${path}`);
    fds.push(fd);
  }
  fs.unlinkSync(path);
  const answer = Buffer.alloc(65536);
  let sent = 0, start = 0n;
  for (const fd of fds) syscall(nr.write, fd, request, request.length);
  function turn() {
    for (const fd of fds) {
      // One answer is one read (a short one, on a socket that has nothing else).
      if (syscall(nr.read, fd, answer, answer.length) <= 0) continue;
      if (sent++ === warmup) start = process.hrtime.bigint();
      if (sent === requests) {
        console.log((Number(process.hrtime.bigint() - start) / (requests - warmup) / 1000).toFixed(3));
        process.exit(0);
      }
      syscall(nr.write, fd, request, request.length);
    }
    setImmediate(turn);
  }
  turn();
}
