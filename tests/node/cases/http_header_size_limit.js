// The header size limit as Node counts it: the target, field names and values, not the
// separators and line ends; at the limit a 431, with the parse error's bytesParsed (one
// past the byte ending the piece that reached it, or the end of the read it was cut off
// in) and rawPacket.
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => {
  res.end(`ok ${req.rawHeaders.length / 2} fields\n`);
});
server.on('clientError', (err, socket) => {
  console.log('clientError', err.code, err.bytesParsed, err.rawPacket && err.rawPacket.length);
  socket.end('HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n');
});

// A head of `n` fields whose target, names and values come to `counted` bytes in all.
function head(counted, n) {
  const target = '/t';
  let left = counted - target.length - 'Hostx'.length;
  const lines = ['Host: x'];
  for (let i = 0; i < n; i++) {
    const name = `X-F${String(i).padStart(4, '0')}`;
    const size = i === n - 1 ? left - name.length : 1;
    lines.push(`${name}: ${'v'.repeat(size)}`);
    left -= name.length + size;
  }
  return `GET ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

function send(chunks) {
  return new Promise((resolve) => {
    const c = net.connect(server.address().port, '127.0.0.1');
    let got = '';
    c.on('data', (d) => (got += d));
    c.on('close', () => {
      console.log(JSON.stringify(got.split('\r\n')[0]), got.endsWith('fields\n') ? got.split('\r\n\r\n')[1].trim() : '');
      resolve();
    });
    let i = 0;
    const next = () => {
      c.write(chunks[i++]);
      if (i < chunks.length) setTimeout(next, 50);
      else setTimeout(() => c.end(), 50);
    };
    next();
  });
}

server.listen(0, '127.0.0.1', async () => {
  const max = http.maxHeaderSize;
  // 700 fields: far more than the limit in all, under it as Node counts.
  const under = head(max - 1, 700);
  console.log('under: bytes', under.length, '> limit', under.length > max);
  await send([under]);
  await send([head(max, 700)]);
  await send([head(max + 100, 3)]);
  // Cut off inside a value in the first write, overflowing in it.
  const big = head(max + 100, 3);
  await send([big.slice(0, max + 40), big.slice(max + 40)]);
  server.close();
});
