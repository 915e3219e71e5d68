// Header rules of responses and requests that Node's own tests pin down: writeHead's
// list replacing set fields, inherited names in folded headers, removed framing headers,
// strictContentLength, rejectNonStandardBodyWrites.
const http = require('http');
const net = require('net');

// The raw response to one request, with the Date line blanked.
function rawExchange(port, request) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.write(request));
    let text = '';
    c.on('data', (d) => (text += d));
    c.on('close', () => resolve(text.replace(/^Date: .*\r\n/m, 'Date: -\r\n')));
  });
}

const server = http.createServer({ rejectNonStandardBodyWrites: true }, (req, res) => {
  switch (req.url) {
    case '/list':
      res.setHeader('test', '1');
      res.setHeader('keep', 'k');
      res.writeHead(200, ['test', '2', 'test2', 'a', 'test2', 'b']);
      res.end('list');
      break;
    case '/nested':
      res.setHeader('x', '1');
      try {
        res.writeHead(200, [['x', '2'], ['x', '3']]);
      } catch (e) {
        console.log('pairs after setHeader:', e.code);
      }
      res.end();
      break;
    case '/pairs':
      res.writeHead(200, [['x', '2'], ['x', '3']]);
      res.end();
      break;
    case '/odd':
      try {
        res.writeHead(200, ['a', '1', 'b']);
      } catch (e) {
        res.end(`${e.code}: ${e.message}`);
      }
      break;
    case '/folded':
      res.end(JSON.stringify([req.headers.constructor, req.headers.cookie, req.headers['x-dup'], req.headers.host, req.headers.hasOwnProperty]));
      break;
    case '/removed':
      res.removeHeader('connection');
      res.removeHeader('transfer-encoding');
      res.removeHeader('content-length');
      res.removeHeader('date');
      res.setHeader('date', 'coffee o clock');
      res.end('until close');
      break;
    case '/strict': {
      res.strictContentLength = true;
      res.setHeader('Content-Length', 5);
      res.write('hello');
      const errs = [];
      try {
        res.write('a');
      } catch (e) {
        errs.push(`${e.code}: ${e.message}`);
      }
      res.end();
      console.log('strict write:', errs.join(' | '));
      break;
    }
    case '/strict-end': {
      res.strictContentLength = true;
      res.setHeader('Content-Length', 5);
      res.write('a');
      try {
        res.end('aaa');
      } catch (e) {
        console.log('strict end:', e.code, e.message);
        res.destroy();
      }
      break;
    }
    case '/nobody':
      res.writeHead(204);
      try {
        res.write('content');
      } catch (e) {
        console.log('204 write:', e.code, e.message);
      }
      res.end();
      break;
    default:
      res.end();
  }
});

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const get = (path, extra = '') => rawExchange(port, `GET ${path} HTTP/1.1\r\nHost: h\r\n${extra}Connection: close\r\n\r\n`);
  console.log(JSON.stringify(await get('/list')));
  console.log(JSON.stringify(await get('/nested')));
  console.log(JSON.stringify(await get('/pairs')));
  console.log(JSON.stringify(await get('/odd')));
  console.log(JSON.stringify(await get('/folded', 'Constructor: c1\r\nconstructor: c2\r\nCookie: a=1\r\nCookie: b=2\r\nX-Dup: 1\r\nX-Dup: 2\r\nHost: second\r\nhasOwnProperty: h\r\n')));
  // Keep-alive asked for, but no Connection line may go out: the server closes.
  console.log(JSON.stringify(await rawExchange(port, 'GET /removed HTTP/1.1\r\nHost: h\r\n\r\n')));
  console.log(JSON.stringify(await get('/strict')));
  console.log(JSON.stringify((await get('/strict-end')).split('\r\n')[0]));
  console.log(JSON.stringify(await get('/nobody')));
  server.close();
});
