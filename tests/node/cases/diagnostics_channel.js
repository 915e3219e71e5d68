// diagnostics_channel: channels by name and symbol, subscribe/unsubscribe, a subscriber's
// exception thrown on a tick of its own, tracing channels (sync, promise, callback), and
// what http, net and dgram publish, in Node's order relative to their own events.
const dc = require('diagnostics_channel');
const http = require('http');
const net = require('net');
const dgram = require('dgram');

const log = (...a) => console.log(...a);
const ch = dc.channel('my.channel');
log('same', ch === dc.channel('my.channel'), ch instanceof dc.Channel, ch.name, ch.hasSubscribers);
const sub = (msg, name) => log('got', JSON.stringify(msg), name);
ch.subscribe(sub);
log('has', ch.hasSubscribers, dc.hasSubscribers('my.channel'), dc.hasSubscribers('none'));
ch.publish({ a: 1 });
log('unsub', ch.unsubscribe(sub), ch.unsubscribe(sub), dc.unsubscribe('none', sub));
ch.publish({ a: 2 });
const sym = Symbol('s');
dc.subscribe(sym, (m, name) => log('symbol', m, typeof name));
dc.channel(sym).publish(3);
try { dc.channel(5); } catch (e) { log(e.code, e.message); }
try { ch.subscribe('x'); } catch (e) { log(e.code, e.message); }

process.on('uncaughtException', (e) => log('uncaught', e.message));
dc.subscribe('throws', () => { throw new Error('subscriber failed'); });
dc.subscribe('throws', () => log('second subscriber still runs'));
dc.channel('throws').publish(null);
log('after publish');

const tc = dc.tracingChannel('op');
const events = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];
const handlers = {};
for (const e of events) handlers[e] = (ctx) => log('trace', e, JSON.stringify(ctx));
tc.subscribe(handlers);
log('traceSync', tc.traceSync((x) => x * 2, { id: 1 }, null, 21));
try { tc.traceSync(() => { throw new Error('boom'); }, { id: 2 }); } catch (e) { log('caught', e.message); }
tc.traceCallback((a, cb) => setImmediate(cb, null, a + 1), 1, { id: 3 }, null, 41, (err, r) => log('callback', err, r));
tc.tracePromise(async (v) => v, { id: 4 }, null, 'p').then((v) => {
  log('promise', v, tc.unsubscribe(handlers), tc.unsubscribe(handlers));

  for (const name of ['net.client.socket', 'net.server.socket', 'http.client.request.start',
    'http.client.response.finish', 'http.server.request.start', 'http.server.response.finish', 'udp.socket']) {
    dc.subscribe(name, (m) => log('publish', name, Object.keys(m).join(',')));
  }
  const u = dgram.createSocket('udp4');
  u.close();
  const server = http.createServer((req, res) => {
    log('request handler');
    res.on('finish', () => log('res finish'));
    res.end('ok');
  });
  server.listen(0, '127.0.0.1', () => {
    const req = http.get({ port: server.address().port, host: '127.0.0.1', agent: false }, (res) => {
      log('response', res.statusCode);
      res.resume();
      res.on('end', () => {
        server.close();
        const s = net.createServer((c) => c.end()).listen(0, '127.0.0.1', () => {
          net.connect(s.address().port, '127.0.0.1').on('close', () => s.close()).resume();
        });
      });
    });
    req.on('finish', () => log('req finish'));
  });
});
