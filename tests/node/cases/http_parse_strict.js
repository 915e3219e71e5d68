// What Node's parser refuses, and where (bytesParsed), and what insecureHTTPParser lets
// through: line ends (CR without LF, bare LF), folded lines, HTTP versions, a
// Transfer-Encoding that leaves a request's end unknown, chunk-size lines (bare LF,
// extensions past 16 KiB, many leading zeros), an unknown method, bad characters in
// names, values and targets, a bad protocol; then a client reading
// responses with bare LFs, folded lines and old versions.
const http = require('http');
const net = require('net');

const chunked = 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n';
const requests = {
  crNoLf: 'GET / HTTP/1.1\r\nHost: a\r\nDummy: Header\rContent-Length: 1\r\n\r\n',
  lfInHeaders: 'GET / HTTP/1.1\r\nHost: a\r\nDummy: x\nContent-Length: 0\r\n\r\n',
  lfOnly: 'GET / HTTP/1.1\nHost: a\n\n',
  lfAfterRequestLine: 'GET / HTTP/1.1\nHost: a\r\n\r\n',
  crInRequestLine: 'GET / HTTP/1.1\rHost: a\r\n\r\n',
  lastLineLf: 'GET / HTTP/1.1\r\nHost: a\r\n\n',
  emptyValueLf: 'POST / HTTP/1.1\r\nHost: a\r\nx:\nTransfer-Encoding: chunked\r\n\r\n1\r\nA\r\n0\r\n\r\n',
  obsFold: 'GET / HTTP/1.1\r\nHost: a\r\nX-A: one\r\n two\r\n\r\n',
  v09: 'GET / HTTP/0.9\r\nHost: a\r\n\r\n',
  v20: 'GET / HTTP/2.0\r\nHost: a\r\n\r\n',
  v12: 'GET / HTTP/1.2\r\nHost: a\r\n\r\n',
  v30: 'GET / HTTP/3.0\r\nHost: a\r\n\r\n',
  teUnknownEnd: 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunkedchunked\r\n\r\n1\r\nA\r\n0\r\n\r\n',
  teAfterChunked: 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked-false\r\n\r\n1\r\nA\r\n0\r\n\r\n',
  teChunkedNotLast: 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n1\r\nA\r\n0\r\n\r\n',
  chunkSizeLf: chunked + '1\nA\r\n0\r\n\r\n',
  chunkDataLf: chunked + '1\r\nA\n0\r\n\r\n',
  chunkExtensions: chunked + '2;' + 'a'.repeat(17000) + '\r\nAA\r\n0\r\n\r\n',
  chunkZeros: chunked + '0'.repeat(5000) + '2\r\nAA\r\n0\r\n\r\n',
  method: 'Oopsie-doopsie\r\n',
  spaceBeforeColon: 'GET / HTTP/1.1\r\nHost : a\r\n\r\n',
  badNameChar: 'GET / HTTP/1.1\r\nHo(st: a\r\n\r\n',
  emptyName: 'GET / HTTP/1.1\r\nHost: a\r\n: x\r\n\r\n',
  ctlInValue: 'GET / HTTP/1.1\r\nHost: a\r\nX-A: a\x01b\r\n\r\n',
  ctlInPath: 'GET /a\x01b HTTP/1.1\r\nHost: a\r\n\r\n',
  tabInPath: 'GET /a\tb HTTP/1.1\r\nHost: a\r\n\r\n',
  tabInQuery: 'GET /a?b\tc HTTP/1.1\r\nHost: a\r\n\r\n',
  teChunkedNotLastNoSpace: 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked,gzip\r\n\r\n1\r\nA\r\n0\r\n\r\n',
  teAfterChunkedSpaces: 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding:   gzip\r\n\r\n',
  ctlInQuery: 'GET /a?b\x01c HTTP/1.1\r\nHost: a\r\n\r\n',
  ctlInFragment: 'GET /a#b\x7fc HTTP/1.1\r\nHost: a\r\n\r\n',
  spaceInPath: 'GET /a b HTTP/1.1\r\nHost: a\r\n\r\n',
  badProtocol: 'GET / HTX/1.1\r\nHost: a\r\n\r\n',
  afterVersion: 'GET / HTTP/1.1x\r\nHost: a\r\n\r\n',
};
const responses = [
  'HTTP/1.1 200 OK\nContent-Length: 2\n\nok',
  'HTTP/1.1 200 OK\r\nX: a\nContent-Length: 2\r\n\r\nok',
  'HTTP/1.1 200 OK\r\nX: one\r\n two\r\nContent-Length: 2\r\n\r\nok',
  'HTTP/1.0 200 OK\r\n\r\nold',
  'HTTP/0.9 200 OK\r\n\r\nolder',
];

let current = '';

function serve(insecure) {
  const server = http.createServer({ insecureHTTPParser: insecure }, (req, res) => {
    console.log('  request', req.httpVersion, JSON.stringify(req.rawHeaders));
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  server.on('clientError', (e, socket) => {
    console.log('  clientError', e.code, e.reason, e.bytesParsed, 'rawPacket', e.rawPacket && e.rawPacket.length);
    socket.destroy();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function exchange(port, raw) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.end(Buffer.from(raw, 'latin1')));
    let got = '';
    c.on('data', (d) => (got += d));
    c.on('close', () => resolve(got.split('\r\n')[0]));
  });
}

function fetchRaw(raw, insecure) {
  return new Promise((resolve) => {
    const peer = net.createServer((c) => {
      c.end(raw);
      peer.close();
    });
    peer.listen(0, '127.0.0.1', () => {
      const req = http.get({ host: '127.0.0.1', port: peer.address().port, insecureHTTPParser: insecure }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve(`ok ${res.httpVersion} ${JSON.stringify(res.headers)} ${JSON.stringify(body)}`));
      });
      req.on('error', (e) => resolve(`error ${e.code} ${e.message}`));
    });
  });
}

(async () => {
  for (const insecure of [false, true]) {
    console.log(insecure ? '== insecureHTTPParser' : '== strict');
    const server = await serve(insecure);
    for (const [name, raw] of Object.entries(requests)) {
      console.log(name);
      current = name;
      console.log('  response', JSON.stringify(await exchange(server.address().port, raw)));
    }
    server.close();
    for (const raw of responses) console.log('client', JSON.stringify(raw.slice(0, 20)), await fetchRaw(raw, insecure));
  }
})();
