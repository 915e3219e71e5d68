// dns's surface as Node has it: the modules' keys in order, the hint flags, setServers'
// and setLocalAddress' argument rules.
const dns = require('dns');

const tryIt = require('../fixtures/try_it');

console.log(Object.keys(dns).join(' '));
console.log(Object.keys(dns.promises).join(' '));
console.log(dns.ADDRCONFIG, dns.V4MAPPED, dns.ALL, dns.promises.NODATA, dns.promises.CANCELLED);
tryIt('hints ok', () => dns.lookup('localhost', { hints: dns.ADDRCONFIG | dns.V4MAPPED | dns.ALL }, () => {}));
tryIt('hints bad', () => dns.lookup('localhost', { hints: 1024 }, () => {}));
tryIt('promises hints bad', () => dns.promises.lookup('localhost', { hints: 2048 }));

const r = new dns.Resolver();
tryIt('servers[1] null', () => r.setServers(['127.0.0.1', null]));
tryIt('servers[0] number', () => r.setServers([4]));
tryIt('local v4', () => r.setLocalAddress('127.0.0.1'));
tryIt('local v6 alone', () => r.setLocalAddress('::1'));
tryIt('local both', () => r.setLocalAddress('127.0.0.1', '::1'));
tryIt('local v6 first of two', () => r.setLocalAddress('::1', '::1'));
tryIt('local second not v6', () => r.setLocalAddress('127.0.0.1', '127.0.0.1'));
tryIt('local bad', () => r.setLocalAddress('bad'));
tryIt('local none', () => r.setLocalAddress());
tryIt('local number', () => r.setLocalAddress(123));
console.log(typeof dns.setLocalAddress, typeof dns.promises.setLocalAddress, typeof new dns.promises.Resolver().setLocalAddress);
