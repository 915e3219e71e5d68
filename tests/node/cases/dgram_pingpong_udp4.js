// dgram over udp4 on loopback: see fixtures/dgram_pingpong.js.
require('../fixtures/dgram_pingpong.js')('udp4', '127.0.0.1');
