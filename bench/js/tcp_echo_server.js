// The echo server of bench/tcp: prints its port and echoes every connection until killed.
const net = require('net');
// A client that exits mid-stream resets its connections: that is not the server's failure.
const server = net.createServer((s) => s.on('error', () => {}).pipe(s));
server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => console.log(server.address().port));
