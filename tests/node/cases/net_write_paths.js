// socket.write() on an idle socket goes straight to the descriptor (and a string may be
// held to the end of the loop's batch of events); what a caller sees must be Node's: a
// buffer reused right after write() (also while the loop handles a batch of events),
// callbacks in order and before 'finish', bytesWritten and writableLength, other
// encodings, corked writes, write after end().
const net = require('net');

const scratch = Buffer.alloc(4);
const server = net.createServer((s) => {
  s.on('data', () => {
    // A protocol writer that reuses one buffer for every frame.
    for (let i = 0; i < 50; i++) {
      scratch.writeUInt32BE(i);
      s.write(scratch);
    }
    s.end();
  });
});

function frames(port) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.write('go'));
    const parts = [];
    c.on('data', (d) => parts.push(d));
    c.on('end', () => {
      const all = Buffer.concat(parts);
      const values = [];
      for (let i = 0; i + 4 <= all.length; i += 4) values.push(all.readUInt32BE(i));
      resolve(values.every((v, i) => v === i) && values.length === 50 ? 'in order' : `wrong: ${values.slice(0, 8)}`);
    });
  });
}

function writes(port) {
  return new Promise((resolve) => {
    const log = [];
    const c = net.connect(port, '127.0.0.1', () => {
      log.push(`write buffer -> ${c.write(Buffer.from('ab'), () => log.push('cb 1'))}`);
      log.push(`write string -> ${c.write('cd', () => log.push('cb 2'))}`);
      log.push(`write hex -> ${c.write('6566', 'hex', () => log.push('cb 3'))}`);
      log.push(`write latin1 -> ${c.write('g\u00e9', 'latin1', () => log.push('cb 4'))}`);
      log.push(`writableLength ${c.writableLength}`);
      c.cork();
      c.write('h');
      c.write(Buffer.from('i'), () => log.push('cb corked'));
      log.push(`corked writableLength ${c.writableLength}`);
      c.uncork();
      c.on('finish', () => log.push(`finish, bytesWritten ${c.bytesWritten}`));
      c.end('j', () => {
        log.push('end cb');
        c.write('late', (err) => log.push(`late cb ${err && err.code}`));
      });
    });
    c.on('error', (err) => log.push(`error ${err.code}`));
    c.on('close', () => resolve(log));
    c.resume();
  });
}

const echo = net.createServer((s) => s.pipe(s));

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  // Several clients at once: their requests arrive together and are handled as a batch.
  const busy = net.connect(port, '127.0.0.1');
  const results = await Promise.all([frames(port), frames(port), frames(port), frames(port)]);
  busy.destroy();
  console.log('frames:', results.join(', '));
  server.close();
  echo.listen(0, '127.0.0.1', async () => {
    const log = await writes(echo.address().port);
    console.log(log.join('\n'));
    echo.close();
  });
});
