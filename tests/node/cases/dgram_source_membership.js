// Source-specific multicast membership: argument errors, and what the kernel says to a
// join and a leave on the loopback interface (the same kernel answers both runtimes).
const dgram = require('dgram');

const tryIt = require('../fixtures/try_it');

const s4 = dgram.createSocket('udp4');
tryIt('no source', () => s4.addSourceSpecificMembership());
tryIt('number source', () => s4.addSourceSpecificMembership(0, '232.1.1.1'));
tryIt('number group', () => s4.addSourceSpecificMembership('10.0.0.1', 1));
tryIt('drop number group', () => s4.dropSourceSpecificMembership('10.0.0.1', 1));
tryIt('bad group', () => s4.addSourceSpecificMembership('10.0.0.1', '256.0.0.1'));
tryIt('mixed families', () => s4.addSourceSpecificMembership('::1', '232.1.1.1'));
s4.bind(0, '127.0.0.1', () => {
  tryIt('join', () => s4.addSourceSpecificMembership('127.0.0.1', '232.1.1.1', '127.0.0.1'));
  tryIt('leave', () => s4.dropSourceSpecificMembership('127.0.0.1', '232.1.1.1', '127.0.0.1'));
  tryIt('leave again', () => s4.dropSourceSpecificMembership('127.0.0.1', '232.1.1.1', '127.0.0.1'));
  s4.close(() => {
    tryIt('after close', () => s4.addSourceSpecificMembership('127.0.0.1', '232.1.1.1'));
    const s6 = dgram.createSocket('udp6');
    tryIt('v6 unbound, non-multicast group', () => s6.addSourceSpecificMembership('::1', '::2'));
    tryIt('v6 bad interface', () => s6.addSourceSpecificMembership('::1', 'ff3e::1234', '127.0.0.1'));
    s6.close();
  });
});
