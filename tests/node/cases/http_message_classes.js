// http's message classes made every way a program makes them: by the server with its
// own subclasses (createServer's IncomingMessage/ServerResponse options, as classes and
// as function-style subclasses calling the parent on `this`), directly and as class
// subclasses, and the values of the fields Node's messages carry (unode keeps their
// defaults on the prototypes: Object.keys shows fewer of them, reads give the same).
const http = require('http');
const net = require('net');
const { OutgoingMessage } = http;

class LoggedRequest extends http.IncomingMessage {
  constructor(socket) {
    super(socket);
    this.tag = 'logged';
  }
  describe() {
    return `${this.method} ${this.url} (${this.tag})`;
  }
}

function OldStyleResponse(req, options) {
  http.ServerResponse.call(this, req, options);
  this.extra = 'old-style';
}
Object.setPrototypeOf(OldStyleResponse.prototype, http.ServerResponse.prototype);
OldStyleResponse.prototype.sendText = function(text) {
  this.setHeader('Content-Type', 'text/plain');
  this.end(`${text} [${this.extra}]\n`);
};

// The public fields Node's messages carry.
const incomingFields = ['socket', 'httpVersionMajor', 'httpVersionMinor', 'httpVersion', 'complete', 'rawHeaders',
  'rawTrailers', 'joinDuplicateHeaders', 'aborted', 'upgrade', 'url', 'method', 'statusCode', 'statusMessage'];
const outgoingFields = ['_events', 'outputData', 'outputSize', 'writable', 'destroyed', 'chunkedEncoding',
  'shouldKeepAlive', 'maxRequestsOnConnectionReached', 'useChunkedEncodingByDefault', 'sendDate', 'strictContentLength',
  'finished', 'socket'];
// (A response's statusCode and statusMessage start on its prototype, as Node's do.)
const responseFields = [...outgoingFields, 'req'];
function showKeys(label, obj, fields) {
  // Enumerable, own or inherited, as `for...in` sees them.
  const seen = [];
  for (const k in obj) seen.push(k);
  const listed = fields.filter((f) => seen.includes(f) || f === '_events');
  console.log(label, listed.length === fields.length ? 'all listed' : `only ${listed.join(',')}`,
    fields.filter((f) => f !== '_events').map((f) => `${f}=${typeof obj[f] === 'object' && obj[f] !== null ? typeof obj[f] : obj[f]}`).join(' '));
}

const sock = new net.Socket();
const plain = new http.IncomingMessage(sock);
showKeys('IncomingMessage fields:', plain, incomingFields);
const out = new OutgoingMessage();
showKeys('OutgoingMessage fields:', out, outgoingFields);
console.log('outgoing', out.writable, out.finished, out.headersSent, out.getHeaderNames(), out.listenerCount('x'));
console.log('outgoing writable state', out.writableNeedDrain, out.writableCorked, out.writableEnded, out.writableLength,
  out.writableHighWaterMark, out.writableObjectMode);
out.on('ping', (v) => console.log('outgoing emits', v));
out.emit('ping', 1);
class SubOut extends OutgoingMessage {}
const sub = new SubOut();
console.log('subclass', sub instanceof SubOut, sub instanceof OutgoingMessage, Object.getPrototypeOf(sub) === SubOut.prototype);

const server = http.createServer({ IncomingMessage: LoggedRequest, ServerResponse: OldStyleResponse }, (req, res) => {
  console.log('request', req instanceof LoggedRequest, req instanceof http.IncomingMessage, req.describe());
  console.log('response', res instanceof OldStyleResponse, res instanceof http.ServerResponse, res.extra, res.statusCode,
    Object.keys(res).includes('statusCode'), Object.keys(res).includes('statusMessage'));
  showKeys('ServerResponse fields:', res, responseFields);
  res.on('finish', () => console.log('finish', res.writableEnded, res.finished));
  res.sendText('hello');
});

server.listen(0, '127.0.0.1', () => {
  http.get({ port: server.address().port, host: '127.0.0.1', path: '/classes' }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => (body += d));
    res.on('end', () => {
      console.log(res.statusCode, res.headers['content-type'], JSON.stringify(body));
      server.close();
    });
  });
});
