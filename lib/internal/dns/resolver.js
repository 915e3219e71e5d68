'use strict';
// A stub resolver of our own (no libc getaddrinfo): /etc/hosts and /etc/resolv.conf,
// queries over UDP with a TCP retry when the answer is truncated, timeouts and tries as
// c-ares has them. DNS messages are built and parsed natively (internalBinding('dns')).

const dnsBinding = internalBinding('dns');
const netBinding = internalBinding('net');
const eventLoop = require('internal/event_loop');
const { isIP } = require('internal/net/ip');

const EPOLLIN = 0x001;
const UV_EAGAIN = -11;
const kRcodeErrors = ['', 'EFORMERR', 'ESERVFAIL', 'ENOTFOUND', 'ENOTIMP', 'EREFUSED'];

function readText(path) {
  try {
    return require('fs').readFileSync(path, 'latin1');
  } catch {
    return '';
  }
}

// resolv.conf: nameservers, search list, ndots, timeout and attempts.
function readResolvConf() {
  const conf = { servers: [], search: [], ndots: 1, timeout: 5000, attempts: 2 };
  for (const raw of readText('/etc/resolv.conf').split('\n')) {
    const line = raw.replace(/[#;].*/, '').trim();
    if (line === '') continue;
    const [key, ...rest] = line.split(/\s+/);
    if (key === 'nameserver' && rest[0] && isIP(rest[0].split('%')[0])) conf.servers.push([rest[0], 53]);
    else if (key === 'search') conf.search = rest;
    else if (key === 'domain') conf.search = rest.slice(0, 1);
    else if (key === 'options') {
      for (const opt of rest) {
        const [name, value] = opt.split(':');
        const n = Number(value);
        if (name === 'ndots' && n >= 0) conf.ndots = Math.min(n, 15);
        else if (name === 'timeout' && n > 0) conf.timeout = n * 1000;
        else if (name === 'attempts' && n > 0) conf.attempts = n;
      }
    }
  }
  if (conf.servers.length === 0) conf.servers.push(['127.0.0.1', 53]);
  return conf;
}

let resolvConf;
function systemConf() {
  if (resolvConf === undefined) resolvConf = readResolvConf();
  return resolvConf;
}

// /etc/hosts as [address, family, names[]] rows.
function readHosts() {
  const rows = [];
  for (const raw of readText('/etc/hosts').split('\n')) {
    const fields = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (fields.length < 2) continue;
    const family = isIP(fields[0]);
    if (family === 0) continue;
    rows.push([fields[0], family, fields.slice(1).map((n) => n.toLowerCase())]);
  }
  return rows;
}

function hostsLookup(name, family) {
  const want = name.toLowerCase();
  const out = [];
  for (const [address, fam, names] of readHosts()) {
    if ((family === 0 || family === fam) && names.includes(want)) out.push({ address, family: fam });
  }
  return out;
}

function hostsReverse(address) {
  for (const [addr, , names] of readHosts()) if (addr === address) return names[0];
  return undefined;
}

let nextId = (Date.now() & 0xffff) ^ 0x5a5a;

// One query: every try asks each server in turn; `done(code, response)`.
class Query {
  constructor(channel, name, type, done) {
    this.channel = channel;
    this.name = name;
    this.type = type;
    this.done = done;
    this.id = nextId = (nextId + 1) & 0xffff;
    this.msg = dnsBinding.encodeQuery(this.id, name, type);
    this.attempt = 0;
    this.lastError = 'ETIMEOUT';
    this.fd = -1;
    this.token = 0;
    this.timer = null;
    this.tcp = null;
    channel.pending.add(this);
    if (this.msg === null) this.finish('EBADNAME');
    else this.next();
  }

  next() {
    const { servers, tries } = this.channel;
    if (this.attempt >= servers.length * tries) {
      this.finish(this.lastError);
      return;
    }
    const server = servers[this.attempt % servers.length];
    this.attempt++;
    this.udp(server);
  }

  cleanup() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.token !== 0) eventLoop.unwatch(this.token);
    this.token = 0;
    if (this.fd >= 0) netBinding.close(this.fd);
    this.fd = -1;
    if (this.tcp !== null) this.tcp.destroy();
    this.tcp = null;
  }

  // `later`: the callback runs from the check phase (see Channel's cancel).
  finish(code, response, later = false) {
    if (this.done === null) return;
    this.cleanup();
    const done = this.done;
    this.done = null;
    this.channel.pending.delete(this);
    if (later) setImmediate(done, code, response);
    else done(code, response);
  }

  fail(code) {
    this.lastError = code;
    this.cleanup();
    this.next();
  }

  udp([address, port]) {
    const family = isIP(address.split('%')[0]);
    const fd = netBinding.socket(family, netBinding.constants.SOCK_DGRAM);
    if (fd < 0) return this.fail('ECONNREFUSED');
    this.fd = fd;
    const local = this.channel.localAddress[family];
    if (local !== null && netBinding.bind(fd, family, local, 0, 0) < 0) return this.fail('ECONNREFUSED');
    // A connected UDP socket hears ICMP "port unreachable" as ECONNREFUSED.
    if (netBinding.connect(fd, family, address, port) < 0 || netBinding.sendto(fd, [this.msg], family) < 0) {
      return this.fail('ECONNREFUSED');
    }
    this.token = eventLoop.watch(fd, EPOLLIN, () => this.onUdp(address, port));
    this.timer = setTimeout(() => this.fail('ETIMEOUT'), this.channel.timeout);
  }

  onUdp(address, port) {
    for (;;) {
      if (this.fd < 0) return;
      const r = netBinding.recvfrom(this.fd);
      if (typeof r === 'number') {
        if (r !== UV_EAGAIN) this.fail('ECONNREFUSED');
        return;
      }
      const resp = dnsBinding.parseResponse(new Uint8Array(r[0]));
      if (resp === null) {
        this.fail('EBADRESP');
        return;
      }
      if (resp.id !== this.id) continue;
      if (resp.truncated) {
        this.cleanup();
        this.viaTcp(address, port);
        return;
      }
      this.finish(null, resp);
      return;
    }
  }

  viaTcp(address, port) {
    const { Buffer } = require('buffer');
    const localAddress = this.channel.localAddress[isIP(address.split('%')[0])] ?? undefined;
    const socket = require('net').connect({ host: address, port, localAddress });
    this.tcp = socket;
    const len = Buffer.alloc(2);
    len.writeUInt16BE(this.msg.length);
    socket.write(Buffer.concat([len, this.msg]));
    const chunks = [];
    socket.on('data', (d) => {
      chunks.push(d);
      const all = Buffer.concat(chunks);
      if (all.length >= 2 && all.length >= 2 + all.readUInt16BE(0)) {
        const resp = dnsBinding.parseResponse(all.subarray(2, 2 + all.readUInt16BE(0)));
        if (resp === null || resp.id !== this.id) this.fail('EBADRESP');
        else this.finish(null, resp);
      }
    });
    socket.on('error', () => this.fail('ECONNREFUSED'));
    socket.on('end', () => this.fail('EBADRESP'));
    this.timer = setTimeout(() => this.fail('ETIMEOUT'), this.channel.timeout);
  }
}

// The state of one Resolver: its servers, timeout and tries, and its queries in flight.
class Channel {
  constructor(options = {}) {
    const conf = systemConf();
    this.servers = conf.servers.slice();
    this.timeout = options.timeout > 0 ? options.timeout : conf.timeout;
    this.tries = options.tries > 0 ? options.tries : conf.attempts;
    this.pending = new Set();
    // Where queries are sent from, by family (Resolver#setLocalAddress); null: any.
    this.localAddress = { 4: null, 6: null };
  }

  query(name, type, done) {
    return new Query(this, name, type, (code, resp) => {
      if (code) return done(code);
      if (resp.rcode !== 0) return done(kRcodeErrors[resp.rcode] || 'EBADRESP');
      done(null, resp.answers);
    });
  }

  // The queries end now; their callbacks run from the check phase, as Node's do after
  // c-ares cancels them.
  getServers() {
    return this.servers.map(([address, port]) => [address, port]);
  }

  cancel() {
    for (const q of [...this.pending]) q.finish('ECANCELLED', undefined, true);
  }
}

// getaddrinfo over hosts + DNS: `done(errName, [{ address, family }])` with errName
// 'ENOTFOUND' or 'EAI_AGAIN'.
function getaddrinfo(channel, hostname, family, done) {
  const fromHosts = hostsLookup(hostname, family);
  if (fromHosts.length > 0) {
    eventLoop.deferToPoll(() => done(null, fromHosts));
    return;
  }
  const conf = systemConf();
  const bare = hostname.replace(/\.$/, '');
  const dots = (bare.match(/\./g) || []).length;
  const suffixed = hostname.endsWith('.') ? [] : conf.search.map((s) => `${bare}.${s}`);
  const names = dots >= conf.ndots ? [bare, ...suffixed] : [...suffixed, bare];
  const types = family === 4 ? ['A'] : family === 6 ? ['AAAA'] : ['A', 'AAAA'];
  let transient = false;
  const tryName = (i) => {
    if (i >= names.length) return done(transient ? 'EAI_AGAIN' : 'ENOTFOUND');
    const results = [];
    let left = types.length;
    for (const t of types) {
      channel.query(names[i], dnsBinding.types[t], (code, answers) => {
        if (code === 'ETIMEOUT' || code === 'ESERVFAIL' || code === 'ECONNREFUSED') transient = true;
        if (!code) {
          for (const a of answers) if (a.type === t) results.push({ address: a.address, family: t === 'A' ? 4 : 6, type: t });
        }
        if (--left > 0) return;
        if (results.length === 0) return tryName(i + 1);
        results.sort((a, b) => a.family - b.family);
        done(null, results.map(({ address, family }) => ({ address, family })));
      });
    }
  };
  tryName(0);
}

module.exports = { Channel, getaddrinfo, hostsReverse, systemConf };
