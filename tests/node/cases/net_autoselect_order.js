// autoSelectFamily's order of attempts: each address once, the families alternating from
// the first address's, a 'lookup' event per address looked up.
const net = require('net');

const server = net.createServer((s) => s.on('error', () => {}).end('hi'));
server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const lists = [
    [['::1', 6], ['127.0.0.2', 4], ['::1', 6], ['127.0.0.1', 4]],
    [['127.0.0.3', 4], ['127.0.0.1', 4], ['::1', 6]],
    [['127.0.0.1', 4]],
  ];
  for (const list of lists) {
    await new Promise((resolve) => {
      const lookup = (host, opts, cb) => cb(null, list.map(([address, family]) => ({ address, family })));
      const c = new net.Socket();
      const lookups = [];
      c.on('lookup', (err, address, family, host) => lookups.push(`${address}/${family}/${host}`));
      c.connect({ host: 'example.test', port, lookup, autoSelectFamily: true, autoSelectFamilyAttemptTimeout: 500 });
      c.on('connect', () => {
        const tried = (c.autoSelectFamilyAttemptedAddresses || []).map((a) => a.replace(`:${port}`, ':PORT'));
        console.log('lookups', lookups.join(' '));
        console.log('tried', JSON.stringify(tried), c.remoteAddress);
        c.destroy();
        resolve();
      });
      c.on('error', (e) => {
        console.log('error', e.code);
        resolve();
      });
    });
  }
  server.close();
});
