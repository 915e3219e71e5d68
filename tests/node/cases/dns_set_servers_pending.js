// A resolver's servers cannot change while its own queries are pending (Node's
// ERR_DNS_SET_SERVERS_FAILED), but dns.setServers() can: the module takes a new resolver,
// for its promises too; dns.promises.setServers() takes one for the promises only.
// The servers are a closed loopback port, so nothing leaves the machine.
const dns = require('dns');

const resolver = new dns.Resolver();
resolver.setServers(['127.0.0.1:1']);
resolver.resolve4('example.test', () => console.log('resolver query done'));
try {
  resolver.setServers(['127.0.0.2']);
} catch (e) {
  console.log(e.name, e.code, e.message);
}
console.log(resolver.getServers());
resolver.cancel();

dns.setServers(['127.0.0.1:1']);
dns.resolve4('example.test', () => console.log('module query done'));
dns.setServers(['127.0.0.3']);
console.log(dns.getServers());
try {
  dns.setServers(['not an address']);
} catch (e) {
  console.log(e.name, e.code, e.message);
}
dns.promises.resolve4('example.test').catch(() => {});
dns.promises.setServers(['127.0.0.6']);
console.log(dns.getServers(), dns.promises.getServers());
dns.setServers(['127.0.0.7']);
console.log(dns.getServers(), dns.promises.getServers());
