// A socket read every way a Readable can be: 'readable' with read(n), pause() and
// resume() while data arrives, a slow reader that lets the buffer fill (so reading stops
// and starts again), setEncoding, and async iteration. The loop reads the descriptor for
// as long as the stream wants data; each way must see all the bytes, in order.
const net = require('net');

const total = 3 * 1024 * 1024;
const payload = Buffer.alloc(total);
for (let i = 0; i < total; i++) payload[i] = i % 251;

const server = net.createServer((s) => {
  s.end(payload);
  s.on('error', () => {});
});

function check(name, got) {
  const all = Buffer.isBuffer(got) ? got : Buffer.concat(got);
  console.log(`${name}: ${all.length} bytes, ${all.equals(payload) ? 'intact' : 'CORRUPT'}`);
}

function connect(port) {
  return net.connect(port, '127.0.0.1');
}

function readableMode(port) {
  return new Promise((resolve) => {
    const s = connect(port);
    const parts = [];
    let nulls = 0;
    s.on('readable', () => {
      let chunk;
      while ((chunk = s.read(1000)) !== null) parts.push(chunk);
      nulls++;
    });
    s.on('end', () => {
      // What read(1000) left at the end (less than 1000 bytes) comes with read().
      const rest = s.read();
      if (rest) parts.push(rest);
      check('readable + read(1000)', parts);
      console.log('  readable fired:', nulls > 1);
      resolve();
    });
  });
}

function pauseResume(port) {
  return new Promise((resolve) => {
    const s = connect(port);
    const parts = [];
    let pauses = 0;
    s.on('data', (d) => {
      parts.push(d);
      if (pauses < 5) {
        pauses++;
        s.pause();
        console.log('  paused, isPaused:', s.isPaused());
        setTimeout(() => s.resume(), 20);
      }
    });
    s.on('end', () => {
      check('pause/resume', parts);
      resolve();
    });
  });
}

function slowReader(port) {
  return new Promise((resolve) => {
    const s = connect(port);
    const parts = [];
    // Nothing reads for a while: the buffer fills to the high-water mark and the socket
    // stops reading; then everything is read.
    setTimeout(() => {
      console.log('  buffered before reading <= 3 MB:', s.readableLength <= total, 'above 0:', s.readableLength > 0);
      s.on('data', (d) => parts.push(d));
    }, 100);
    s.on('end', () => {
      check('slow reader', parts);
      resolve();
    });
  });
}

function encoded(port) {
  return new Promise((resolve) => {
    const s = connect(port);
    s.setEncoding('latin1');
    let text = '';
    s.on('data', (d) => (text += d));
    s.on('end', () => {
      check('setEncoding latin1', Buffer.from(text, 'latin1'));
      resolve();
    });
  });
}

async function iterated(port) {
  const parts = [];
  for await (const chunk of connect(port)) parts.push(chunk);
  check('for await', parts);
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  await readableMode(port);
  await pauseResume(port);
  await slowReader(port);
  await encoded(port);
  await iterated(port);
  server.close();
});
