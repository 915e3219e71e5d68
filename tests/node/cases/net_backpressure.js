// Back-pressure: a large write buffers (write() returns false), drains, and every byte
// arrives at a reader that pauses and resumes.
const net = require('net');
const total = 8 * 1024 * 1024;
const server = net.createServer((sock) => {
  let got = 0;
  let pauses = 0;
  sock.on('data', (d) => {
    got += d.length;
    if (got > total / 2 && pauses === 0) {
      pauses++;
      sock.pause();
      setTimeout(() => sock.resume(), 50);
    }
  });
  sock.on('end', () => {
    console.log('server received', got, 'bytes, paused', pauses);
    sock.end();
    server.close();
  });
});
server.listen(0, () => {
  const c = net.connect(server.address().port, () => {
    const ok = c.write(Buffer.alloc(total, 7));
    console.log('first write returned', ok);
    c.once('drain', () => {
      console.log('drained; bytesWritten', c.bytesWritten);
      c.end();
    });
  });
  c.on('close', () => console.log('client closed'));
});
