// dgram over udp6 on loopback (::1): see fixtures/dgram_pingpong.js.
require('../fixtures/dgram_pingpong.js')('udp6', '::1');
