// Header text with chars 0x80-0xff, as Node 20 sends it: the head goes out in the encoding
// of the write it joins (UTF-8 with a string body, latin1 with a chunk-size line, a
// buffer body or no body), and a Content-Disposition value is read back from its latin1
// bytes as UTF-8 once the body's length is known (from end(), or a Content-Length field
// before it).
const http = require('http');
const net = require('net');

const v = Buffer.from('bår').toString('latin1');
const variants = {
  xfoo_cl: (res) => { res.writeHead(200, ['Content-Length', '5', 'x-foo', v]); res.end('hello'); },
  xfoo_nocl: (res) => { res.writeHead(200, ['x-foo', v]); res.end('hello'); },
  cd_cl: (res) => { res.writeHead(200, ['Content-Length', '5', 'content-disposition', v]); res.end('hello'); },
  cd_cl_after: (res) => { res.writeHead(200, ['content-disposition', v, 'Content-Length', '5']); res.end('hello'); },
  cd_cl_object: (res) => { res.writeHead(200, { 'Content-Length': '5', 'Content-Disposition': v }); res.end('hello'); },
  cd_nocl: (res) => { res.writeHead(200, ['content-disposition', v]); res.end('hello'); },
  cd_implicit: (res) => { res.setHeader('content-disposition', v); res.end('hello'); },
  cd_empty: (res) => { res.setHeader('content-disposition', v); res.end(); },
  xfoo_implicit: (res) => { res.setHeader('x-foo', v); res.end('hello'); },
  cd_buffer_body: (res) => { res.setHeader('content-disposition', v); res.end(Buffer.from('hello')); },
  xfoo_buffer_body: (res) => { res.setHeader('x-foo', v); res.end(Buffer.from('hello')); },
  xfoo_latin1_body: (res) => { res.setHeader('x-foo', v); res.end('hello', 'latin1'); },
  xfoo_write: (res) => { res.setHeader('x-foo', v); res.write('hel'); res.end('lo'); },
  xfoo_flush: (res) => { res.setHeader('x-foo', v); res.flushHeaders(); res.end('hello'); },
  xfoo_noend: (res) => { res.setHeader('x-foo', v); res.end(); },
};
const server = http.createServer((req, res) => variants[req.url.slice(1)](res));

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  for (const name of Object.keys(variants)) {
    const raw = await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => c.end(`GET /${name} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`));
      const parts = [];
      c.on('data', (d) => parts.push(d));
      c.on('close', () => resolve(Buffer.concat(parts)));
    });
    const at = raw.indexOf(': b');
    console.log(name.padEnd(18), raw.subarray(at + 3, at + 7).toString('hex'));
  }
  const res = await new Promise((resolve) => http.get(`http://127.0.0.1:${port}/cd_nocl`, resolve));
  console.log('client reads', res.headers['content-disposition'] === v);
  res.resume();
  res.on('end', () => server.close());
});
