// Argument and state errors of the HTTP API, and the client's errors for a refused
// connection and a server that hangs up.
const http = require('http');
const net = require('net');
const res = new http.ServerResponse(new http.IncomingMessage(null));
const tryIt = require('../fixtures/try_it');
tryIt('bad header name', () => res.setHeader('bad name', 'x'));
tryIt('undefined value', () => res.setHeader('x-a', undefined));
tryIt('bad value', () => res.setHeader('x-a', 'a\nb'));
tryIt('bad status', () => res.writeHead(99));
tryIt('validateHeaderName', () => http.validateHeaderName(''));
tryIt('validateHeaderValue', () => http.validateHeaderValue('x', undefined));
tryIt('bad method', () => http.request({ method: 'GE T', port: 1 }));
tryIt('bad path', () => http.request({ path: '/a b', port: 1 }));
tryIt('bad protocol', () => http.request('https://localhost:1/'));
tryIt('headers', () => {
  res.setHeader('X-Multi', ['a', 'b']);
  res.appendHeader('x-multi', 'c');
  console.log(res.getHeader('x-multi'), res.getHeaderNames(), res.hasHeader('X-MULTI'), res.getRawHeaderNames());
  res.removeHeader('x-multi');
  console.log(res.getHeaders());
});
console.log(http.STATUS_CODES[418], http.STATUS_CODES[511], Object.keys(http.STATUS_CODES).length, http.METHODS.length);

const req = http.get({ port: 1, host: '127.0.0.1' });
req.on('error', (e) => console.log('request error:', e.message, e.code));
req.on('close', () => {
  console.log('request closed');
  const hangup = net.createServer((s) => s.destroy()).listen(0, '127.0.0.1', () => {
    http.get({ port: hangup.address().port, host: '127.0.0.1' })
      .on('error', (e) => {
        console.log('hang up:', e.message, e.code);
        hangup.close();
      });
  });
});
