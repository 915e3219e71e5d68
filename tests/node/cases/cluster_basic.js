// cluster: workers forked with ids, 'online' and 'listening' (with the shared address),
// messages both ways, HTTP served by the workers on one port, and disconnection with
// exitedAfterDisconnect; the primary's own events in order per worker.
const cluster = require('cluster');
const http = require('http');

if (cluster.isPrimary) {
  const events = [];
  const n = 2;
  let listening = 0;
  cluster.on('fork', (w) => events.push(`fork ${w.id}`));
  cluster.on('online', (w) => events.push(`online ${w.id}`));
  cluster.on('message', (w, m) => events.push(`message from ${w.id}: ${JSON.stringify(m)}`));
  cluster.on('listening', (w, address) => {
    events.push(`listening ${w.id} ${address.addressType} ${address.address}`);
    if (++listening < n) return;
    let answered = 0;
    const bodies = new Set();
    for (let i = 0; i < 20; i++) {
      http.get({ host: '127.0.0.1', port: address.port, agent: false }, (res) => {
        let body = '';
        res.on('data', (c) => { body += c; });
        res.on('end', () => {
          bodies.add(body);
          if (++answered === 20) {
            // Both workers listen on the port (which one answers is the kernel's choice).
            console.log('answered', answered, [...bodies].every((b) => /^served by worker [12]$/.test(b)));
            for (const id in cluster.workers) cluster.workers[id].send({ hello: Number(id) });
          }
        });
      });
    }
  });
  let replies = 0;
  cluster.on('message', () => {
    if (++replies === n) cluster.disconnect(() => console.log('disconnect callback', Object.keys(cluster.workers).length));
  });
  const exits = [];
  cluster.on('exit', (w, code, signal) => {
    exits.push(`exit ${w.id} ${code} ${signal} ${w.exitedAfterDisconnect} ${w.state} ${w.isDead()}`);
    if (exits.length === n) {
      console.log(exits.sort().join('\n'));
      for (const id of [1, 2]) console.log(events.filter((e) => e.split(' ')[e.startsWith('message') ? 2 : 1].replace(':', '') === `${id}`).join(' | '));
    }
  });
  for (let i = 0; i < n; i++) cluster.fork({ ROLE: 'worker' });
  console.log(cluster.isPrimary, cluster.isMaster, cluster.isWorker, Object.keys(cluster.workers), typeof cluster.settings.exec);
} else {
  http.createServer((req, res) => res.end(`served by worker ${cluster.worker.id}`)).listen(0, '127.0.0.1');
  cluster.worker.on('message', (m) => cluster.worker.send({ got: m, env: process.env.ROLE, id: cluster.worker.id, isWorker: cluster.isWorker }));
}
