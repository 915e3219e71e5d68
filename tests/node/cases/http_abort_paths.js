// Aborts on either side of an HTTP exchange: what each side's objects report, in order.
// Each side's events are printed together after each scenario: how the two sides'
// events interleave in one process is a matter of loop phases, not of the API.
const http = require('http');
const lines = { client: [], server: [] };
const log = (...a) => lines[/^\d (server|clientError)/.test(a[0]) || a[0] === 'clientError' ? 'server' : 'client'].push(a.join(' '));
function flush() {
  for (const side of ['client', 'server']) {
    for (const l of lines[side]) console.log(side + ':', l);
    lines[side] = [];
  }
}

function serve(handler) {
  return new Promise((resolve) => {
    const server = http.createServer(handler);
    server.on('clientError', (e) => log('clientError', e.code));
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// 1. The client aborts while a chunked response is still open: no parse error escapes;
//    the response is aborted with ECONNRESET 'aborted'; the server's request is aborted.
async function clientAbortsChunked() {
  let serverDone;
  const done = new Promise((r) => (serverDone = r));
  const server = await serve((req, res) => {
    res.writeHead(200);
    res.write('part');
    req.on('aborted', () => log('1 server req aborted', req.aborted, req.complete));
    req.on('close', () => serverDone());
  });
  await new Promise((resolve) => {
    const req = http.get({ port: server.address().port, host: '127.0.0.1' }, (res) => {
      res.on('data', (d) => log('1 client data', String(d)));
      res.on('aborted', () => log('1 client res aborted', res.aborted));
      res.on('error', (e) => log('1 client res error', e.code, e.message));
      res.on('end', () => log('1 client res end'));
      res.on('close', () => {
        log('1 client res close', res.complete);
        resolve();
      });
      setTimeout(() => req.abort(), 20);
    });
  });
  await done;
  server.close();
}

// 2. The server destroys its response mid-body: the client's response is aborted, its
//    'end' never comes, the socket closes.
async function serverDestroysResponse() {
  const server = await serve((req, res) => {
    res.writeHead(200);
    res.write('part');
    setTimeout(() => res.destroy(), 20);
  });
  await new Promise((resolve) => {
    http.get({ port: server.address().port, host: '127.0.0.1', headers: { connection: 'keep-alive' } }, (res) => {
      res.resume();
      res.on('aborted', () => log('2 client res aborted'));
      res.on('error', (e) => log('2 client res error', e.code, e.message));
      res.on('end', () => log('2 client res end (unexpected)'));
      res.on('close', () => {
        log('2 client res close', res.complete);
        resolve();
      });
    });
  });
  server.close();
}

// 3. A complete GET whose client goes away before the answer: the server's request is
//    aborted once the connection has closed (not a clientError), with an 'error' only for
//    whoever listens; the late answer goes nowhere.
async function clientGoesAwayBeforeAnswer() {
  let finished;
  const done = new Promise((r) => (finished = r));
  const server = await serve((req, res) => {
    req.socket.on('end', () => log('3 server socket end'));
    req.on('aborted', () => log('3 server req aborted', req.socket.destroyed));
    req.on('error', (e) => log('3 server req error', e.code, e.message));
    req.on('close', () => log('3 server req close'));
    res.on('close', () => log('3 server res close', res.writableFinished));
    setTimeout(() => {
      res.end('late');
      finished();
    }, 200);
  });
  const req = http.get({ port: server.address().port, host: '127.0.0.1' }, () => log('3 response (unexpected)'));
  req.on('error', (e) => log('3 client req error', e.code));
  setTimeout(() => req.destroy(), 30);
  await done;
  server.close();
}

// 4. A body that runs until the close (no length, not chunked): the close ends it.
async function bodyUntilClose() {
  const net = require('net');
  const server = net.createServer((s) => {
    s.once('data', () => {
      s.end('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end');
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  await new Promise((resolve) => {
    http.get({ port: server.address().port, host: '127.0.0.1' }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => log('4 body', JSON.stringify(body), res.complete));
      res.on('close', resolve);
    });
  });
  server.close();
}

// 5. A server that answers one request twice: the first response ends as usual, the
//    second is not read into it, and the socket goes away.
async function doubleResponse() {
  const net = require('net');
  const full = 'HTTP/1.1 500 Internal Server Error\r\nContent-Length: 13\r\n\r\nhello world\r\n';
  const server = net.createServer((s) => {
    s.on('error', () => {});
    s.once('data', () => {
      s.write(full);
      s.end(full);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  await new Promise((resolve) => {
    http.get({ port: server.address().port, host: '127.0.0.1' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('error', (e) => log('5 client res error', e.message));
      res.on('end', () => log('5 body', res.statusCode, JSON.stringify(body)));
      res.on('close', resolve);
    });
  });
  server.close();
}

// 6. A response that stalls: res.setTimeout() fires on the response, which destroys it.
async function responseTimeout() {
  const server = await serve((req, res) => res.flushHeaders());
  await new Promise((resolve) => {
    const req = http.get({ port: server.address().port, host: '127.0.0.1' }, (res) => {
      res.on('timeout', () => {
        log('6 client res timeout');
        req.destroy();
      });
      res.on('close', () => {
        log('6 client res close', res.complete);
        resolve();
      });
      res.setTimeout(20);
    });
    req.on('error', (e) => log('6 client req error', e.code));
  });
  server.close();
}

(async () => {
  for (const scenario of [clientAbortsChunked, serverDestroysResponse, clientGoesAwayBeforeAnswer, bodyUntilClose, doubleResponse, responseTimeout]) {
    await scenario();
    flush();
  }
  console.log('done');
})();
