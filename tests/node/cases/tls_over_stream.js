// TLS over a JS stream: tls.connect({ socket }) with a Duplex that relays to a TCP
// connection (the handshake, data both ways, the end), a TLSSocket made directly over a
// PassThrough that says nothing until started, and the JSStreamSocket class packages find
// through its `_handle._parentWrap` (http2-wrapper, under got).
const tls = require('tls');
const net = require('net');
const fs = require('fs');
const path = require('path');
const { Duplex, PassThrough } = require('stream');
const read = (f) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', f));

const idle = new tls.TLSSocket(new PassThrough());
const JSStreamSocket = idle._handle._parentWrap.constructor;
console.log('JSStreamSocket', typeof JSStreamSocket, new JSStreamSocket(new PassThrough()) instanceof Duplex);
idle.on('error', (e) => console.log('idle socket error', e.code));

const server = tls.createServer({ key: read('server-key.pem'), cert: read('server.pem') }, (s) => {
  s.setEncoding('utf8');
  s.on('data', (d) => s.end(`server got ${d}`));
});
server.listen(0, '127.0.0.1', () => {
  const tcp = net.connect(server.address().port, '127.0.0.1');
  const relay = new Duplex({
    read() {},
    write(chunk, encoding, cb) {
      tcp.write(chunk, cb);
    },
    final(cb) {
      tcp.end();
      cb();
    },
  });
  tcp.on('data', (d) => relay.push(d));
  tcp.on('end', () => relay.push(null));
  const secure = tls.connect({ socket: relay, servername: 'localhost', ca: read('ca.pem') }, () => {
    console.log('secureConnect', secure.authorized, secure.getProtocol());
    secure.write('hello through a relay');
  });
  let text = '';
  secure.setEncoding('utf8');
  secure.on('data', (d) => (text += d));
  secure.on('end', () => {
    console.log('client got', text);
    // A TLSSocket over a stream that never speaks waits, as node's does.
    console.log('idle socket still quiet', !idle.destroyed);
    secure.end();
    server.close();
  });
});
