'use strict';
// dns.promises: the same resolver, answering with promises.

const dns = require('dns');
const { validateString } = require('internal/errors');

const { lookupCore, lookupServiceCore, parseLookupOptions, defaultResolver, errorCodes, kQueryMethods } = dns._internal;

function lookup(hostname, options) {
  const o = parseLookupOptions(options, null, hostname, 2);
  return new Promise((resolve, reject) => {
    lookupCore(hostname, o, (err, addrs) => {
      if (err) return reject(err);
      if (o.all) return resolve(addrs);
      if (addrs.length === 0) return resolve({ address: null, family: o.family === 6 ? 6 : 4 });
      resolve(addrs[0]);
    });
  });
}

function lookupService(address, port) {
  validateString(address, 'address');
  return new Promise((resolve, reject) => {
    lookupServiceCore(address, +port, (err, hostname, service) => (err ? reject(err) : resolve({ hostname, service })));
  });
}

class Resolver {
  constructor(options) {
    this._resolver = new dns.Resolver(options);
  }

  cancel() {
    this._resolver.cancel();
  }
}

const methods = Object.getOwnPropertyNames(dns.Resolver.prototype).filter((n) => n !== 'constructor' && n !== 'cancel');
for (const name of methods) {
  const fn = dns.Resolver.prototype[name];
  const sync = name === 'getServers' || name === 'setServers' || name === 'setLocalAddress';
  Resolver.prototype[name] = sync
    ? function(...args) {
      return fn.apply(this._resolver, args);
    }
    : function(...args) {
      // Argument errors throw here, synchronously, as Node's do.
      let settle;
      const promise = new Promise((resolve, reject) => {
        settle = (err, result) => (err ? reject(err) : resolve(result));
      });
      fn.call(this._resolver, ...args, settle);
      return promise;
    };
}

const defaultPromiseResolver = new Resolver();
defaultPromiseResolver._resolver = defaultResolver;
// dns.setServers() sets the promises' servers too; dns.promises.setServers() theirs only,
// with a new resolver (whatever the old one has pending), as in Node.
dns._internal.setOnDefaultServers(() => {
  defaultPromiseResolver._resolver = defaultResolver;
});
function setServers(servers) {
  const resolver = new dns.Resolver();
  resolver.setServers(servers);
  defaultPromiseResolver._resolver = resolver;
}

const bound = {};
for (const name of kQueryMethods) bound[name] = Resolver.prototype[name].bind(defaultPromiseResolver);

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder: dns.getDefaultResultOrder,
  setDefaultResultOrder: dns.setDefaultResultOrder,
  setServers,
  ...errorCodes,
  ...bound,
};
