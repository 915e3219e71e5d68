// dns.Resolver against a DNS server of our own on loopback (a dgram socket answering
// from a table, and a TCP listener on the same port): A/AAAA/MX/TXT/SRV/CNAME/SOA
// answers, NXDOMAIN, NODATA, a truncated UDP answer retried over TCP, a timeout, and
// lookup() of literals and hosts-file names.
const dgram = require('dgram');
const dns = require('dns');

const zone = {
  'a.test': [[1, 60, Buffer.from([10, 1, 2, 3])], [1, 60, Buffer.from([10, 1, 2, 4])]],
  'six.test': [[28, 30, Buffer.from([0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])]],
  'mail.test': [[15, 60, Buffer.concat([Buffer.from([0, 10]), name('mx1.mail.test')])]],
  'txt.test': [[16, 60, Buffer.from('\x05hello\x05world')]],
  'srv.test': [[33, 60, Buffer.concat([Buffer.from([0, 1, 0, 5, 0x1f, 0x90]), name('host.test')])]],
  'alias.test': [[5, 60, name('a.test')]],
  'soa.test': [[6, 60, Buffer.concat([name('ns.test'), name('admin.test'), Buffer.from([0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5])])]],
  'empty.test': [],
  'big.test': [1, 2, 3, 4, 5, 6].map((i) => [1, 60, Buffer.from([10, 9, 9, i])]),
};

function name(n) {
  return Buffer.concat([...n.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)])), Buffer.from([0])]);
}

// The answer to a query, or null to stay silent; `udp` answers big.test truncated.
function answer(msg, udp) {
  let pos = 12;
  const labels = [];
  while (msg[pos] !== 0) {
    labels.push(msg.toString('latin1', pos + 1, pos + 1 + msg[pos]));
    pos += msg[pos] + 1;
  }
  const qname = labels.join('.');
  const qtype = msg.readUInt16BE(pos + 1);
  const question = msg.subarray(12, pos + 5);
  if (qname === 'silent.test') return null;
  const truncate = udp && qname === 'big.test';
  const records = truncate ? [] : zone[qname];
  const answers = (records || []).filter(([t]) => t === qtype || qtype === 255 || t === 5);
  const header = Buffer.alloc(12);
  msg.copy(header, 0, 0, 2);
  header.writeUInt16BE(0x8180 | (records ? 0 : 3) | (truncate ? 0x0200 : 0), 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  const parts = [header, question];
  for (const [t, ttl, rdata] of answers) {
    const rr = Buffer.alloc(10);
    rr.writeUInt16BE(t, 0);
    rr.writeUInt16BE(1, 2);
    rr.writeUInt32BE(ttl, 4);
    rr.writeUInt16BE(rdata.length, 8);
    parts.push(Buffer.from([0xc0, 12]), rr, rdata);
  }
  return Buffer.concat(parts);
}

let server;
let tcp;
// UDP and TCP on one port: the TCP port is taken first (busier), then UDP on the same
// number, trying again if something else holds it.
function listenBoth(attempt) {
  tcp = require('net').createServer(onTcp);
  tcp.listen(0, '127.0.0.1', () => {
    server = dgram.createSocket('udp4');
    server.on('message', (msg, rinfo) => {
      const reply = answer(msg, true);
      if (reply !== null) server.send(reply, rinfo.port, rinfo.address);
    });
    server.once('error', () => {
      tcp.close();
      if (attempt < 5) listenBoth(attempt + 1);
    });
    server.bind(tcp.address().port, '127.0.0.1', run);
  });
}

function onTcp(sock) {
  let buf = Buffer.alloc(0);
  sock.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
      const reply = answer(buf.subarray(2, 2 + buf.readUInt16BE(0)), false);
      buf = buf.subarray(2 + buf.readUInt16BE(0));
      const len = Buffer.alloc(2);
      len.writeUInt16BE(reply.length);
      sock.write(Buffer.concat([len, reply]));
    }
  });
  sock.on('error', () => {});
}

listenBoth(0);

async function run() {
  const r = new dns.promises.Resolver({ timeout: 200, tries: 1 });
  r.setServers([`127.0.0.1:${server.address().port}`]);
  console.log('servers look like', r.getServers()[0].replace(/\d+$/, 'PORT'));
  const show = async (label, p) => {
    try {
      console.log(label, JSON.stringify(await p));
    } catch (e) {
      console.log(label, 'error', e.code, e.syscall, e.hostname, e.message);
    }
  };
  await show('A', r.resolve4('a.test'));
  await show('A ttl', r.resolve4('a.test', { ttl: true }));
  await show('AAAA', r.resolve6('six.test'));
  await show('MX', r.resolveMx('mail.test'));
  await show('TXT', r.resolveTxt('txt.test'));
  await show('SRV', r.resolveSrv('srv.test'));
  await show('CNAME', r.resolveCname('alias.test'));
  await show('SOA', r.resolveSoa('soa.test'));
  await show('resolve()', r.resolve('a.test', 'A'));
  await show('truncated, then TCP', r.resolve4('big.test'));
  await show('NXDOMAIN', r.resolve4('missing.test'));
  await show('NODATA', r.resolve4('empty.test'));
  await show('timeout', r.resolve4('silent.test'));
  try {
    r.resolve('a.test', 'BOGUS');
  } catch (e) {
    console.log('bad rrtype', e.code, e.message);
  }
  try {
    r.setServers(['not an ip']);
  } catch (e) {
    console.log('bad server', e.code, e.message);
  }
  await show('lookup literal', dns.promises.lookup('10.0.0.1'));
  await show('lookup all', dns.promises.lookup('::1', { all: true }));
  dns.lookup('localhost', 4, (err, address, family) => {
    console.log('lookup localhost', err, address, family);
    server.close();
    tcp.close();
  });
}
