// The request body as a stream in each way handlers use it — untouched, 'end' and
// 'close' listeners, async iteration, pipe, late reads — for GETs and POSTs alike.
const http = require('http');
const { Writable } = require('stream');
const log = [];
// What the 20 ms timers see, apart: when they fire among the other requests depends on
// the machine's speed, not on the API.
const later = [];
const server = http.createServer(async (req, res) => {
  const tag = `${req.method} ${req.url}`;
  if (req.url === '/untouched') return res.end('ok');
  if (req.url === '/untouched-late') {
    res.end('ok');
    setTimeout(() => later.push(`${tag} later: complete=${req.complete} readableEnded=${req.readableEnded} destroyed=${req.destroyed}`), 20);
    return;
  }
  log.push(`${tag} complete=${req.complete} readable=${req.readable}`);
  if (req.url === '/end') {
    req.on('end', () => log.push(`${tag} end`));
    req.on('close', () => log.push(`${tag} close`));
    req.resume();
    return res.end('ok');
  }
  if (req.url === '/iterate') {
    let n = 0;
    for await (const chunk of req) n += chunk.length;
    log.push(`${tag} iterated ${n}`);
    return res.end('ok');
  }
  if (req.url === '/pipe') {
    let n = 0;
    req.pipe(new Writable({ write(c, e, cb) { n += c.length; cb(); } })).on('finish', () => {
      log.push(`${tag} piped ${n}`);
      res.end('ok');
    });
    return;
  }
  if (req.url === '/late') {
    res.end('ok');
    setTimeout(() => later.push(`${tag} later: complete=${req.complete} readableEnded=${req.readableEnded} destroyed=${req.destroyed}`), 20);
  }
});
server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const send = (method, path, body) => new Promise((resolve) => {
    const r = http.request({ port, host: '127.0.0.1', method, path }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    r.end(body);
  });
  for (const path of ['/untouched', '/untouched-late', '/end', '/iterate', '/pipe', '/late']) {
    await send('GET', path);
    await send('POST', path, 'x'.repeat(1000));
  }
  // The report waits for the four 'later' lines (timers of 20 ms armed by the handlers),
  // not for a fixed time: a busy machine may run them late.
  const started = Date.now();
  const report = () => {
    if (later.length < 4 && Date.now() - started < 2000) return setTimeout(report, 10);
    console.log(log.join('\n'));
    console.log(later.sort().join('\n'));
    server.close();
  };
  setTimeout(report, 50);
});
