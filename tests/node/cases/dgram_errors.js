// dgram's errors: codes, classes and messages for bad arguments and for calls in the
// wrong state, and the system errors of bind (EADDRINUSE, EINVAL) with their properties.
'use strict';
const dgram = require('dgram');

function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r === undefined || r instanceof dgram.Socket ? '' : r);
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}

attempt('bad type', () => dgram.createSocket('udp7'));
attempt('no type', () => dgram.createSocket());
attempt('options without type', () => dgram.createSocket({}));
attempt('bad lookup', () => dgram.createSocket({ type: 'udp4', lookup: 1 }));
attempt('bad signal', () => dgram.createSocket({ type: 'udp4', signal: {} }));

const s = dgram.createSocket('udp4');
attempt('port 0', () => s.send('x', 0));
attempt('port too big', () => s.send('x', 70000));
attempt('port string', () => s.send('x', 'abc'));
attempt('no port', () => s.send('x'));
attempt('number message', () => s.send(1, 1234));
attempt('object message', () => s.send({}, 1234));
attempt('bad list item', () => s.send(['a', 1], 1234));
attempt('address not a string', () => s.send('x', 1234, 5));
attempt('offset out of bounds', () => s.send('abc', 5, 1, 1234, '127.0.0.1'));
attempt('length out of bounds', () => s.send('abc', 1, 5, 1234, '127.0.0.1'));
attempt('sendto without numbers', () => s.sendto('abc', '0', 1, 1234, '127.0.0.1'));
attempt('connect port 0', () => s.connect(0));
attempt('connect address not a string', () => s.connect(1234, 5));
attempt('setTTL string', () => s.setTTL('x'));
attempt('setTTL out of range', () => s.setTTL(300));
attempt('setMulticastTTL string', () => s.setMulticastTTL(null));
attempt('setMulticastInterface number', () => s.setMulticastInterface(1));
attempt('addMembership without address', () => s.addMembership());
attempt('dropMembership without address', () => s.dropMembership(''));
attempt('addMembership not an address', () => s.addMembership('not-an-ip'));
attempt('setRecvBufferSize negative', () => s.setRecvBufferSize(-1));
attempt('setSendBufferSize fraction', () => s.setSendBufferSize(1.5));
attempt('setSendBufferSize string', () => s.setSendBufferSize('1024'));
// Before a bind there is no descriptor yet.
attempt('address before bind', () => s.address());
attempt('setBroadcast before bind', () => s.setBroadcast(true));
attempt('setTTL before bind', () => s.setTTL(5));
attempt('setMulticastLoopback before bind', () => s.setMulticastLoopback(true));
attempt('setMulticastInterface before bind', () => s.setMulticastInterface('127.0.0.1'));
attempt('queue size before bind', () => `${s.getSendQueueSize()} ${s.getSendQueueCount()}`);
try {
  s.getRecvBufferSize();
} catch (err) {
  console.log('getRecvBufferSize before bind', err.name, err.code, err.message);
  console.log('  info', err.info, err.errno, err.syscall, err instanceof Error);
}

s.bind(0, '127.0.0.1', () => {
  const port = s.address().port;
  attempt('bind twice', () => s.bind());
  attempt('setMulticastInterface not an address', () => s.setMulticastInterface('nope'));
  attempt('addMembership not multicast', () => s.addMembership('1.2.3.4'));
  attempt('addMembership bad interface', () => s.addMembership('224.0.0.114', 'x'));
  attempt('setMulticastTTL 256', () => s.setMulticastTTL(256));
  attempt('setTTL 0', () => s.setTTL(0));
  try {
    s.setRecvBufferSize(2 ** 31);
  } catch (err) {
    console.log('setRecvBufferSize too big', err.name, err.code, err.message, err.info);
  }

  const taken = dgram.createSocket('udp4');
  taken.bind(port, '127.0.0.1', () => console.log('should not be listening'));
  taken.on('error', (err) => {
    console.log('in use:', err.message.replace(String(port), '<port>'), err.code, err.errno, err.syscall,
      err.address, err.port === port, Object.keys(err));
    // The failed bind dropped its callback and the socket can try again.
    taken.bind(0, '127.0.0.1', () => {
      console.log('rebound after the error', taken.address().port !== port);
      taken.close();
      s.close(afterClose);
    });
  });
});

function afterClose() {
  attempt('close twice', () => s.close());
  attempt('bind after close', () => s.bind());
  attempt('send after close', () => s.send('x', 1234));
  attempt('address after close', () => s.address());
  attempt('remoteAddress after close', () => s.remoteAddress());
  attempt('addMembership after close', () => s.addMembership('224.0.0.114'));
  attempt('setMulticastInterface after close', () => s.setMulticastInterface('127.0.0.1'));
  attempt('ref after close', () => s.ref());
  attempt('unref after close', () => s.unref());

  const wrongFamily = dgram.createSocket('udp4');
  wrongFamily.on('error', (err) => {
    console.log('bind to the wrong family:', err.message, err.code, err.address, 'port' in err);
    wrongFamily.close();
  });
  wrongFamily.bind(0, '::1');

  const v6only = dgram.createSocket({ type: 'udp4', ipv6Only: true });
  v6only.on('error', (err) => {
    console.log('ipv6Only on udp4:', err.message);
    v6only.close();
  });
  v6only.bind();

  const badSend = dgram.createSocket('udp4');
  badSend.send('x', 1234, '::1', (err) => {
    console.log('send to the wrong family:', err.message, err.code, err.address, err.port);
    badSend.send(Buffer.alloc(70000), 1234, '127.0.0.1', (err2) => {
      console.log('too big:', err2.message, err2.code);
      badSend.close();
    });
  });
}
process.on('exit', () => console.log('exit'));
