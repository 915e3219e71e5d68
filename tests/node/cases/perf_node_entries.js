// 'net', 'dns' and 'http' performance entries, made while observed: their names, types
// and the shape of their details (times vary, so only their types are printed).
const net = require('net');
const http = require('http');
const dns = require('dns');
const { PerformanceObserver } = require('perf_hooks');

const entries = [];
const obs = new PerformanceObserver((list) => entries.push(...list.getEntries()));
obs.observe({ entryTypes: ['net', 'dns', 'http'] });
console.log(PerformanceObserver.supportedEntryTypes.filter((t) => ['dns', 'http', 'net'].includes(t)));

function shape(value) {
  if (Array.isArray(value)) return `array(${value.length})`;
  if (value === null || typeof value !== 'object') return typeof value;
  const out = {};
  for (const key of Object.keys(value).sort()) out[key] = key === 'headers' ? Object.keys(value[key]).sort() : shape(value[key]);
  return out;
}

const server = http.createServer((req, res) => {
  res.setHeader('X-Test', '1');
  res.end('ok');
});
server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  // A connect over a Unix socket is not an entry; a TCP one is.
  await new Promise((resolve) => http.get({ port, host: '127.0.0.1', path: '/a?b=1', headers: { 'X-Req': 'y' } }, (res) => {
    res.resume();
    res.on('end', resolve);
  }));
  await new Promise((resolve) => dns.lookup('localhost', { family: 4 }, resolve));
  await dns.promises.lookup('localhost', { family: 4, all: true });
  await new Promise((resolve) => dns.lookup('127.0.0.1', resolve)); // an IP: no entry
  server.close();
  setImmediate(() => {
    obs.disconnect();
    // Unobserved: no entry.
    net.connect(port, '127.0.0.1').on('error', () => {});
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      console.log(e.name, e.entryType, typeof e.startTime, typeof e.duration, e.duration >= 0, JSON.stringify(shape(e.detail)));
      if (e.name === 'HttpClient') console.log(e.detail.req.method, e.detail.req.url.replace(/:\d+/, ':PORT'), e.detail.res.statusCode);
      if (e.name === 'HttpRequest') console.log(e.detail.req.method, e.detail.req.url, e.detail.res.statusCode, e.detail.res.statusMessage);
      if (e.name === 'lookup') console.log(e.detail.hostname, e.detail.family, e.detail.hints, e.detail.addresses);
      if (e.name === 'connect') console.log(e.detail.host, e.detail.port === port);
    }
  });
});
