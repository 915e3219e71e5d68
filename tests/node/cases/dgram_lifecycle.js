// dgram socket lifecycles: a bound socket keeps the process alive until closed or
// unref'd, close() queued behind an implicit bind, AbortSignal, reuseAddr, ipv6Only,
// buffer sizes from options, the socket options on a bound socket, Symbol.asyncDispose.
'use strict';
const dgram = require('dgram');
const log = (...args) => console.log(...args);

// Bound and unref'd: does not hold the process open.
const idle = dgram.createSocket('udp4');
idle.bind(0, () => {
  log('idle bound');
  idle.unref();
});
// Unref'd before binding; ref() and unref() return the socket.
const early = dgram.createSocket('udp4');
log('unref returns the socket', early.unref() === early, early.ref() === early, early.unref() === early);
early.bind(0, () => log('early bound'));

// A send makes the implicit bind; close() waits for it, and the send never goes out.
const queued = dgram.createSocket('udp4');
queued.on('listening', () => log('queued listening'));
queued.send('x', 9, '127.0.0.1', (err, bytes) => log('queued sent?', err, bytes));
log('close returns the socket', queued.close(() => log('queued closed')) === queued);

// AbortSignal: aborted later, and aborted before the socket exists.
const controller = new AbortController();
const aborted = dgram.createSocket({ type: 'udp4', signal: controller.signal });
aborted.on('close', () => log('closed by abort'));
aborted.bind(0, () => {
  log('abortable bound');
  controller.abort();
});
const preAborted = dgram.createSocket({ type: 'udp6', signal: AbortSignal.abort() });
preAborted.on('close', () => log('closed at once by an aborted signal'));

// reuseAddr lets two sockets share a port; ipv6Only leaves the IPv4 side of it free.
const first = dgram.createSocket({ type: 'udp4', reuseAddr: true });
first.bind(0, '127.0.0.1', () => {
  const second = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  second.bind(first.address().port, '127.0.0.1', () => {
    log('reuseAddr shares the port', second.address().port === first.address().port);
    second.close();
    first.close();
  });
});
const v6 = dgram.createSocket({ type: 'udp6', ipv6Only: true });
v6.bind(0, () => {
  const v4 = dgram.createSocket('udp4');
  v4.bind(v6.address().port, () => {
    log('ipv6Only frees the v4 port', v4.address().port === v6.address().port, v6.address().address);
    v4.close();
    v6.close();
  });
});

// Buffer sizes from the options are set at bind; Linux reports them doubled.
const sized = dgram.createSocket({ type: 'udp4', recvBufferSize: 10000, sendBufferSize: 20000 });
sized.bind(0, '127.0.0.1', () => {
  log('sizes from options', sized.getRecvBufferSize(), sized.getSendBufferSize());
  sized.setRecvBufferSize(8192);
  sized.setSendBufferSize(8192);
  log('sizes set', sized.getRecvBufferSize(), sized.getSendBufferSize());
  sized.setBroadcast(true);
  sized.setBroadcast(false);
  log('ttl', sized.setTTL(64), sized.setMulticastTTL(2), sized.setMulticastLoopback(true), sized.setMulticastLoopback(0));
  sized.setMulticastInterface('127.0.0.1');
  log('queue', sized.getSendQueueSize(), sized.getSendQueueCount());
  sized.close();
});

// Held open by a bound socket until a timer closes it.
const held = dgram.createSocket('udp4', (msg) => log('held got', msg.toString()));
held.bind(0, '127.0.0.1', () => {
  held.send('to myself', held.address().port, '127.0.0.1');
  setTimeout(async () => {
    await held[Symbol.asyncDispose]();
    log('disposed');
    await held[Symbol.asyncDispose]();
    log('disposed again');
  }, 30);
});
process.on('exit', () => log('exit'));
