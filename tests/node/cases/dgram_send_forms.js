// dgram send(): offset/length, lists of Buffers, strings, typed arrays and DataViews,
// empty datagrams, the implicit bind of an unbound sender, and the order of send callbacks
// against ticks. What arrives, and the send to 'localhost' (which waits for a lookup), are
// printed at the end: when they happen against the other events is the machine's timing.
'use strict';
const dgram = require('dgram');

const receiver = dgram.createSocket('udp4');
const sender = dgram.createSocket('udp4');
const expected = 9;
let received = 0;
const got = [];
let toLocalhost = 'not called';

receiver.on('message', (msg, rinfo) => {
  received++;
  got.push(`got ${JSON.stringify(msg.toString('latin1'))} ${msg.length} ${rinfo.size} ${rinfo.family}`);
  if (received === expected) {
    receiver.close();
    sender.close(() => console.log('sender closed'));
  }
});

receiver.bind({ port: 0, address: '127.0.0.1' }, () => {
  const port = receiver.address().port;
  sender.on('listening', () => {
    const a = sender.address();
    console.log('sender bound implicitly', a.address, a.family, typeof a.port);
  });
  const cb = (label) => (err, bytes) => console.log('sent', label, err, bytes);
  sender.send(Buffer.from('hello world'), 6, 5, port, '127.0.0.1', cb('offset/length'));
  sender.send('abcdef', 2, 3, port, '127.0.0.1', cb('string slice'));
  sender.send([Buffer.from('ab'), 'cd', new Uint8Array([101, 102]), new DataView(new Uint8Array([103]).buffer)],
    port, '127.0.0.1', cb('list'));
  sender.send([], port, '127.0.0.1', cb('empty list'));
  sender.send('', port, cb('empty string, default address'));
  sender.send(new Uint16Array([0x4241, 0x4443]), 1, 2, port, '127.0.0.1', cb('typed array slice'));
  sender.send(new Uint32Array([0x64636261]), port, 'localhost', (err, bytes) => {
    toLocalhost = `${err} ${bytes}`;
  });
  sender.send(Buffer.from('no callback'), port, '127.0.0.1');
  sender.sendto(Buffer.from('legacy sendto'), 0, 6, port, '127.0.0.1', cb('sendto'));
  console.log('queued before bind', sender.getSendQueueCount(), sender.getSendQueueSize());
  process.nextTick(() => console.log('tick after sends'));
});
process.on('exit', () => {
  console.log('sent typed array to localhost', toLocalhost);
  for (const line of got.sort()) console.log(line);
  console.log('exit, received', received);
});
