// Happy eyeballs: with a lookup that answers ::1 then 127.0.0.1 and a server only on
// 127.0.0.1, connect() moves on to the second address; with every address refused the
// error is an AggregateError carrying each attempt. Also: timeouts and server.close().
const net = require('net');
const lookup = (host, opts, cb) => cb(null, [{ address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 }]);
const server = net.createServer((s) => s.end('hi'));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const c = net.connect({ host: 'dual.test', port, lookup, autoSelectFamily: true });
  c.on('lookup', (err, address, family, host) => console.log('lookup', err, address, family, host));
  c.on('connect', () => console.log('connected to', c.remoteAddress, c.remoteFamily, c.autoSelectFamilyAttemptedAddresses.map((a) => a.replace(String(port), 'PORT'))));
  c.setEncoding('utf8');
  c.on('data', (d) => console.log('data', d));
  c.on('close', () => {
    server.close(() => {
      const refused = net.connect({ host: 'dual.test', port, lookup, autoSelectFamily: true });
      refused.on('error', (e) => {
        console.log(e.constructor.name, e.code, e.errors && e.errors.map((x) => `${x.code} ${x.address}`));
        const idle = net.createServer().listen(0, '127.0.0.1', () => {
          const t = net.connect(idle.address().port, '127.0.0.1');
          t.setTimeout(50, () => {
            console.log('timeout fired; still open:', !t.destroyed, t.timeout);
            t.destroy();
            idle.close(() => console.log('idle server closed'));
          });
        });
      });
    });
  });
});
