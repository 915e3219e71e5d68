'use strict';
// dns: lookup() over hosts and our own stub resolver (Node uses libc's getaddrinfo; we
// cannot and need not), resolve*() and Resolver over DNS messages sent on the loop.

const { isIP, isIPv4, isIPv6 } = require('internal/net/ip');
const { Channel, getaddrinfo, hostsReverse } = require('internal/dns/resolver');
const { types } = internalBinding('dns');
const perfObserve = require('internal/perf/observe');
const {
  codes: { ERR_DNS_SET_SERVERS_FAILED, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_IP_ADDRESS, ERR_MISSING_ARGS },
  makeCodeError,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateNumber,
  validateOneOf,
  validatePort,
  validateString,
  validateArray,
} = require('internal/errors');

const kEaiErrno = { ENOTFOUND: -3008, EAI_AGAIN: -3001 };
const validFamilies = [0, 4, 6];
// setLocalAddress' errors, as Node's binding words them.
const ERR_LOCAL_ADDRESS = makeCodeError('ERR_INVALID_ARG_VALUE', TypeError, '%s');
// getaddrinfo's hint flags as Linux numbers them (dns.ADDRCONFIG and friends).
const AI_V4MAPPED = 8;
const AI_ALL = 16;
const AI_ADDRCONFIG = 32;
let defaultOrder = require('internal/options').getOptionValue('--dns-result-order');

function dnsException(code, syscall, hostname) {
  let errno;
  if (kEaiErrno[code] !== undefined) errno = kEaiErrno[code];
  const ex = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
  ex.errno = errno;
  ex.code = code;
  ex.syscall = syscall;
  if (hostname) ex.hostname = hostname;
  if (Error.captureStackTrace) Error.captureStackTrace(ex, dnsException);
  return ex;
}

function sortByOrder(addrs, order) {
  if (order === 'ipv4first') return addrs.sort((a, b) => a.family - b.family);
  if (order === 'ipv6first') return addrs.sort((a, b) => b.family - a.family);
  return addrs;
}

let defaultChannel;
function channel() {
  if (defaultChannel === undefined) defaultChannel = new Channel();
  return defaultChannel;
}

function parseLookupOptions(options, callback, hostname, argc) {
  let family = 0;
  let hints = 0;
  let all = false;
  let order = defaultOrder;
  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
  } else if (typeof options === 'number') {
    validateFunction(callback, 'callback');
    validateOneOf(options, 'family', validFamilies);
    family = options;
  } else if (options !== undefined && typeof options !== 'object') {
    validateFunction(argc === 2 ? options : callback, 'callback');
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  } else {
    if (callback !== null) validateFunction(callback, 'callback');
    if (options?.hints != null) {
      validateNumber(options.hints, 'options.hints');
      // Only the getaddrinfo flags Node knows.
      if (((options.hints >>> 0) & ~(AI_ADDRCONFIG | AI_ALL | AI_V4MAPPED)) !== 0) {
        throw new ERR_INVALID_ARG_VALUE('hints', options.hints);
      }
      hints = options.hints >>> 0;
    }
    if (options?.family != null) {
      if (options.family === 'IPv4') family = 4;
      else if (options.family === 'IPv6') family = 6;
      else {
        validateOneOf(options.family, 'options.family', validFamilies);
        family = options.family;
      }
    }
    if (options?.all != null) {
      validateBoolean(options.all, 'options.all');
      all = options.all;
    }
    if (options?.verbatim != null) {
      validateBoolean(options.verbatim, 'options.verbatim');
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options?.order != null) {
      validateOneOf(options.order, 'options.order', ['ipv4first', 'ipv6first', 'verbatim']);
      order = options.order;
    }
  }
  return { family, hints, all, order, callback };
}

// done(err, addresses[]) after the same argument handling for callbacks and promises
// (`options` as parseLookupOptions gives them).
function lookupCore(hostname, options, done) {
  if (!hostname) {
    process.nextTick(done, null, []);
    return;
  }
  const matched = isIP(hostname);
  if (matched) {
    process.nextTick(done, null, [{ address: hostname, family: matched }]);
    return;
  }
  const { family, order } = options;
  // A lookup that asks the resolver is a 'dns' performance entry while observed, as in Node.
  const timing = perfObserve.hasObserver('dns')
    ? perfObserve.startPerf('lookup', 'dns', { hostname, family, hints: options.hints, verbatim: order === 'verbatim', order })
    : null;
  getaddrinfo(channel(), hostname, family, (code, addrs) => {
    if (code) return done(dnsException(code, 'getaddrinfo', hostname));
    const sorted = sortByOrder(addrs, order);
    // As Node gives them: what the lookup answers with `all`, its addresses' text without.
    if (timing !== null) perfObserve.stopPerf(timing, { addresses: options.all ? sorted : sorted.map((a) => a.address) });
    done(null, sorted);
  });
}

function lookup(hostname, options, callback) {
  const o = parseLookupOptions(options, callback === undefined ? null : callback, hostname, arguments.length);
  if (typeof options !== 'function' && typeof o.callback !== 'function') validateFunction(o.callback, 'callback');
  lookupCore(hostname, o, (err, addrs) => {
    if (err) return o.callback(err);
    if (o.all) return o.callback(null, addrs);
    if (addrs.length === 0) return o.callback(null, null, o.family === 6 ? 6 : 4);
    o.callback(null, addrs[0].address, addrs[0].family);
  });
  return {};
}

function reverseName(ip) {
  if (isIPv4(ip)) return ip.split('.').reverse().join('.') + '.in-addr.arpa';
  const net = require('net');
  const sa = new net.SocketAddress({ address: ip, family: 'ipv6' });
  const hex = expandV6(sa.address);
  return hex.split('').reverse().join('.') + '.ip6.arpa';
}

function expandV6(ip) {
  const [head, tail = ''] = ip.split('%')[0].split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return groups.map((g) => g.padStart(4, '0')).join('');
}

function lookupService(address, port, callback) {
  if (arguments.length !== 3) throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  validateFunction(callback, 'callback');
  port = +port;
  lookupServiceCore(address, port, (err, hostname, service) => {
    if (err) callback(err);
    else callback(null, hostname, service);
  });
  return {};
}

function serviceName(port) {
  let text = '';
  try {
    text = require('fs').readFileSync('/etc/services', 'latin1');
  } catch {
    return String(port);
  }
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+(\d+)\/tcp/.exec(line);
    if (m && +m[2] === port) return m[1];
  }
  return String(port);
}

function lookupServiceCore(address, port, done) {
  const timing = perfObserve.hasObserver('dns')
    ? perfObserve.startPerf('lookupService', 'dns', { host: address, port })
    : null;
  const found = (hostname, service) => {
    if (timing !== null) perfObserve.stopPerf(timing, { hostname, service });
    done(null, hostname, service);
  };
  const fromHosts = hostsReverse(address);
  if (fromHosts !== undefined) {
    process.nextTick(found, fromHosts, serviceName(port));
    return;
  }
  channel().query(reverseName(address), types.PTR, (code, answers) => {
    const ptr = !code && answers.find((a) => a.type === 'PTR');
    if (ptr) found(ptr.value, serviceName(port));
    // A name is required (Node asks getnameinfo with NI_NAMEREQD): no name is ENOTFOUND.
    else done(dnsException(code || 'ENOTFOUND', 'getnameinfo', address));
  });
}

// --- resolve* -----------------------------------------------------------------------

function pick(type, answers, ttl) {
  const of = answers.filter((a) => a.type === type);
  switch (type) {
    case 'A':
    case 'AAAA':
      return of.map((a) => (ttl ? { address: a.address, ttl: a.ttl } : a.address));
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return of.map((a) => a.value);
    case 'MX':
      return of.map((a) => ({ exchange: a.exchange, priority: a.priority }));
    case 'TXT':
      return of.map((a) => a.entries);
    case 'SRV':
      return of.map((a) => ({ name: a.name, port: a.port, priority: a.priority, weight: a.weight }));
    case 'NAPTR':
      return of.map(({ type: _t, ...rest }) => rest);
    case 'CAA':
      return of.map(({ type: _t, ...rest }) => rest);
    case 'SOA': {
      if (of.length === 0) return undefined;
      const { type: _t, ...rest } = of[0];
      return rest;
    }
    case 'ANY':
      return answers.map(({ type: t, ...rest }) => ({ ...rest, type: t }));
  }
  return [];
}

const kSyscalls = {
  A: 'queryA', AAAA: 'queryAaaa', ANY: 'queryAny', CAA: 'queryCaa', CNAME: 'queryCname', MX: 'queryMx',
  NAPTR: 'queryNaptr', NS: 'queryNs', PTR: 'queryPtr', SOA: 'querySoa', SRV: 'querySrv', TXT: 'queryTxt',
};

function resolveCore(ch, type, name, ttl, syscall, done) {
  // Named as Node's binding names the query (queryA, queryAny, ...).
  const timing = perfObserve.hasObserver('dns') ? perfObserve.startPerf(syscall, 'dns', { host: name, ttl }) : null;
  ch.query(name, types[type], (code, answers) => {
    if (code) return done(dnsException(code, syscall, name));
    const result = pick(type, answers, ttl);
    if (result === undefined || (Array.isArray(result) && result.length === 0)) {
      return done(dnsException('ENODATA', syscall, name));
    }
    if (timing !== null) perfObserve.stopPerf(timing, { result });
    done(null, result);
  });
}

function parseServer(server, i) {
  validateString(server, `servers[${i}]`);
  let m;
  let address = server;
  let port = 53;
  if ((m = /^\[([^\]]+)\](?::(\d+))?$/.exec(server)) !== null) {
    address = m[1];
    if (m[2]) port = +m[2];
  } else if (!isIP(server) && (m = /^([^:]+):(\d+)$/.exec(server)) !== null) {
    address = m[1];
    port = +m[2];
  }
  if (!isIP(address)) throw new ERR_INVALID_IP_ADDRESS(server);
  return [address, port];
}

class Resolver {
  constructor(options = undefined) {
    if (options !== undefined) {
      if (options.timeout !== undefined) validateInt32(options.timeout, 'options.timeout', -1);
      if (options.tries !== undefined) validateInt32(options.tries, 'options.tries', 1);
    }
    this._handle = new Channel(options);
  }

  cancel() {
    this._handle.cancel();
  }

  getServers() {
    // Through the handle's own method (what Node's c-ares handle answers: [address, port]
    // pairs), which code may replace, as Node's tests do.
    return (this._handle.getServers() || []).map(([a, p]) => {
      if (p === 53) return a;
      return isIPv6(a) ? `[${a}]:${p}` : `${a}:${p}`;
    });
  }

  setServers(servers) {
    validateArray(servers, 'servers');
    const parsed = servers.map(parseServer);
    // As c-ares refuses it: a resolver's servers cannot change under its own queries.
    if (this._handle.pending.size > 0) throw new ERR_DNS_SET_SERVERS_FAILED('There are pending queries.', servers);
    this._handle.servers = parsed;
  }

  // The addresses queries are sent from: one of either family, or one of each.
  setLocalAddress(first, second) {
    validateString(first, 'ipv4');
    if (second !== undefined) validateString(second, 'ipv6');
    const local = { 4: null, 6: null };
    for (const address of second === undefined ? [first] : [first, second]) {
      const family = isIP(address);
      if (family === 0) throw new ERR_LOCAL_ADDRESS('Invalid IP address.');
      if (local[family] !== null) throw new ERR_LOCAL_ADDRESS(`Cannot specify two IPv${family} addresses.`);
      local[family] = address;
    }
    this._handle.localAddress = local;
  }

  resolve(hostname, rrtype, callback) {
    if (typeof rrtype === 'function') {
      callback = rrtype;
      rrtype = 'A';
    } else if (rrtype === undefined) {
      rrtype = 'A';
    } else {
      validateString(rrtype, 'rrtype');
    }
    if (kSyscalls[rrtype] === undefined) throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
    return this[`resolve${rrtype === 'AAAA' ? '6' : rrtype === 'A' ? '4' : rrtype[0] + rrtype.slice(1).toLowerCase()}`](hostname, callback);
  }

  reverse(ip, callback) {
    validateString(ip, 'ip');
    validateFunction(callback, 'callback');
    if (!isIP(ip)) {
      const err = new Error(`getHostByAddr EINVAL ${ip}`);
      err.code = 'EINVAL';
      err.syscall = 'getHostByAddr';
      err.hostname = ip;
      throw err;
    }
    this._handle.query(reverseName(ip), types.PTR, (code, answers) => {
      if (code) return callback(dnsException(code, 'getHostByAddr', ip));
      callback(null, pick('PTR', answers));
    });
    return {};
  }
}

function defineResolve(method, type) {
  Resolver.prototype[method] = function(hostname, options, callback) {
    validateString(hostname, 'name');
    let ttl = false;
    if (typeof options === 'function') {
      callback = options;
    } else if (options && typeof options === 'object') {
      ttl = !!options.ttl;
    }
    validateFunction(callback, 'callback');
    resolveCore(this._handle, type, hostname, ttl, kSyscalls[type], (err, result) => {
      if (err) callback(err);
      else callback(null, result);
    });
    return {};
  };
}
for (const [method, type] of [
  ['resolve4', 'A'], ['resolve6', 'AAAA'], ['resolveAny', 'ANY'], ['resolveCaa', 'CAA'],
  ['resolveCname', 'CNAME'], ['resolveMx', 'MX'], ['resolveNaptr', 'NAPTR'], ['resolveNs', 'NS'],
  ['resolvePtr', 'PTR'], ['resolveSoa', 'SOA'], ['resolveSrv', 'SRV'], ['resolveTxt', 'TXT'],
]) defineResolve(method, type);

// The module-level functions use one default resolver, which setServers() changes.
const defaultResolver = new Resolver();
defaultChannel = defaultResolver._handle;

// dns.setServers(): as in Node, the module's resolver is a new one from then on, so queries
// still pending on the old one do not stand in the way.
function setDefaultServers(servers) {
  validateArray(servers, 'servers');
  const parsed = servers.map(parseServer);
  const fresh = new Channel();
  fresh.servers = parsed;
  defaultResolver._handle = fresh;
  defaultChannel = fresh;
  if (onDefaultServers !== null) onDefaultServers();
}
// Set by dns/promises, whose default resolver this puts back on the module's.
let onDefaultServers = null;

function getDefaultResultOrder() {
  return defaultOrder;
}

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', ['verbatim', 'ipv4first', 'ipv6first']);
  defaultOrder = order;
}

const errorCodes = {
  NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL', NOTFOUND: 'ENOTFOUND', NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME', BADFAMILY: 'EBADFAMILY', BADRESP: 'EBADRESP',
  CONNREFUSED: 'ECONNREFUSED', TIMEOUT: 'ETIMEOUT', EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION', BADSTR: 'EBADSTR', BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME', BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED', LOADIPHLPAPI: 'ELOADIPHLPAPI', ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
};

// The default resolver's methods the module has, in Node's order (not setLocalAddress).
const kQueryMethods = [
  'getServers', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx',
  'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse',
];
const bound = {};
for (const name of kQueryMethods) bound[name] = Resolver.prototype[name].bind(defaultResolver);

let promises;
module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers: setDefaultServers,
  ADDRCONFIG: AI_ADDRCONFIG,
  ALL: AI_ALL,
  V4MAPPED: AI_V4MAPPED,
  ...errorCodes,
  ...bound,
  get promises() {
    if (promises === undefined) promises = require('dns/promises');
    return promises;
  },
};

Object.defineProperty(module.exports, '_internal', {
  value: {
    lookupCore, lookupServiceCore, resolveCore, parseLookupOptions, kSyscalls, pick, defaultResolver, dnsException,
    setOnDefaultServers(fn) {
      onDefaultServers = fn;
    },
    reverseName, types, errorCodes, kQueryMethods,
  },
});
