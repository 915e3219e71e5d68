'use strict';
// The WHATWG Headers class: names lower-cased, values trimmed, duplicates joined with
// ", " (set-cookie kept apart for getSetCookie()), iteration sorted by name.

const { checkIsHttpToken } = require('internal/http/common');

const kList = Symbol('headers list');
const kGuard = Symbol('headers guard');

function normalizeValue(value) {
  return String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}

function invalid(method, what, value) {
  return new TypeError(`Headers.${method}: "${value}" is an invalid header ${what}.`);
}

function validate(method, name, value) {
  if (!checkIsHttpToken(name)) throw invalid(method, 'name', name);
  if (value !== undefined && /[\0\r\n]/.test(value)) throw invalid(method, 'value', value);
}

class Headers {
  constructor(init = undefined) {
    // name → { name, values[] }
    this[kList] = new Map();
    this[kGuard] = 'none';
    if (init === undefined || init === null) return;
    if (typeof init !== 'object') {
      throw new TypeError("Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
    }
    if (init instanceof Headers) {
      for (const [k, v] of init[kList]) this[kList].set(k, { name: v.name, values: v.values.slice() });
    } else if (typeof init[Symbol.iterator] === 'function') {
      for (const pair of init) {
        const entry = [...pair];
        if (entry.length !== 2) throw new TypeError('Headers constructor: expected name/value pair to be length 2, found ' + entry.length + '.');
        this.append(entry[0], entry[1]);
      }
    } else {
      for (const key of Object.keys(init)) this.append(key, init[key]);
    }
  }

  append(name, value) {
    name = String(name);
    value = normalizeValue(value);
    validate('append', name, value);
    const key = name.toLowerCase();
    const entry = this[kList].get(key);
    if (entry === undefined) this[kList].set(key, { name, values: [value] });
    else entry.values.push(value);
  }

  set(name, value) {
    name = String(name);
    value = normalizeValue(value);
    validate('set', name, value);
    this[kList].set(name.toLowerCase(), { name, values: [value] });
  }

  delete(name) {
    name = String(name);
    validate('delete', name);
    this[kList].delete(name.toLowerCase());
  }

  get(name) {
    name = String(name);
    validate('get', name);
    const entry = this[kList].get(name.toLowerCase());
    if (entry === undefined) return null;
    return entry.values.join(name.toLowerCase() === 'cookie' ? '; ' : ', ');
  }

  has(name) {
    name = String(name);
    validate('has', name);
    return this[kList].has(name.toLowerCase());
  }

  getSetCookie() {
    const entry = this[kList].get('set-cookie');
    return entry === undefined ? [] : entry.values.slice();
  }

  // Sorted pairs; each set-cookie value is its own pair, as the spec says.
  *entries() {
    const keys = [...this[kList].keys()].sort();
    for (const key of keys) {
      if (key === 'set-cookie') {
        for (const v of this[kList].get(key).values) yield [key, v];
      } else {
        yield [key, this.get(key)];
      }
    }
  }

  *keys() {
    for (const [k] of this.entries()) yield k;
  }

  *values() {
    for (const [, v] of this.entries()) yield v;
  }

  forEach(callback, thisArg = undefined) {
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
    }
    for (const [k, v] of this.entries()) callback.call(thisArg, v, k, this);
  }

  [Symbol.iterator]() {
    return this.entries();
  }

  get [Symbol.toStringTag]() {
    return 'Headers';
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    const obj = {};
    for (const [k, v] of this.entries()) obj[k] = v;
    return `Headers ${inspect(obj, options)}`;
  }
}

module.exports = { Headers };
