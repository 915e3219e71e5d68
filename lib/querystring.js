'use strict';

// The `querystring` module: Node's own query-string format, which predates
// (and differs from) URLSearchParams: repeated keys give arrays, results have
// a null prototype, and malformed percent-escapes are tolerated.
//
// escape() and unescape() are looked up on module.exports at each call, as
// Node documents that applications may replace them.

const { codes } = require('internal/errors');

let BufferClass;
function lazyBuffer() {
  BufferClass ??= require('buffer').Buffer;
  return BufferClass;
}

function hexValue(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x57;
  return -1;
}

// Percent-decodes `s` into bytes. Characters are taken one byte each (the
// low byte of the UTF-16 code unit, exactly as Node does), '+' becomes a
// space when `decodeSpaces`, and a '%' not followed by two hex digits stays.
function unescapeBuffer(s, decodeSpaces) {
  const out = lazyBuffer().allocUnsafe(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2b && decodeSpaces) {
      out[n++] = 0x20;
      continue;
    }
    if (c === 0x25 && i + 2 < s.length) {
      const high = hexValue(s.charCodeAt(i + 1));
      const low = high === -1 ? -1 : hexValue(s.charCodeAt(i + 2));
      if (low !== -1) {
        out[n++] = high * 16 + low;
        i += 2;
        continue;
      }
    }
    out[n++] = c;
  }
  return n === s.length ? out : out.slice(0, n);
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return module.exports.unescapeBuffer(s, decodeSpaces).toString();
  }
}

// encodeURIComponent, except for the error (ERR_INVALID_URI) and for
// surrogates: as in Node, a surrogate code unit is combined with whatever
// code unit follows it, and only one at the very end is an error.
function qsEscape(str) {
  if (typeof str !== 'string') str = typeof str === 'object' ? String(str) : `${str}`;
  if (!str.isWellFormed()) str = str.replace(/[\ud800-\udfff][^]?/g, pairSurrogate);
  return encodeURIComponent(str);
}

function pairSurrogate(units) {
  if (units.length < 2) throw new codes.ERR_INVALID_URI();
  return String.fromCodePoint(0x10000 + (((units.charCodeAt(0) & 0x3ff) << 10) | (units.charCodeAt(1) & 0x3ff)));
}

// The text of a value in a query string: strings as they are, finite
// numbers, bigints and booleans as written; anything else is empty.
function stringifyPrimitive(v) {
  switch (typeof v) {
    case 'string': return v;
    case 'number': return Number.isFinite(v) ? `${v}` : '';
    case 'bigint': return `${v}`;
    case 'boolean': return v ? 'true' : 'false';
    default: return '';
  }
}

function stringify(obj, sep, eq, options) {
  sep ||= '&';
  eq ||= '=';
  const encode = typeof options?.encodeURIComponent === 'function' ?
    options.encodeURIComponent : module.exports.escape;
  if (obj === null || typeof obj !== 'object') return '';
  const fields = [];
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    const prefix = encode(stringifyPrimitive(key)) + eq;
    if (Array.isArray(value)) {
      for (const item of value) fields.push(prefix + encode(stringifyPrimitive(item)));
    } else {
      fields.push(prefix + encode(stringifyPrimitive(value)));
    }
  }
  return fields.join(sep);
}

// The index where `pattern` first matches in str[from, to), or -1. Like
// Node's scanner, a partial match that fails is not retried from its second
// character: with pattern "ab", "aab" holds no match.
function findDelimiter(str, pattern, from, to) {
  let matched = 0;
  for (let i = from; i < to; i++) {
    if (str.charCodeAt(i) === pattern.charCodeAt(matched)) {
      if (++matched === pattern.length) return i - matched + 1;
    } else {
      matched = 0;
    }
  }
  return -1;
}

const kPercentEscape = /%[0-9a-fA-F]{2}/;

function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';

  // maxKeys counts pairs, empty ones included. Node stops when a countdown
  // hits exactly zero, so only a positive integer is a limit.
  let maxKeys = 1000;
  if (typeof options?.maxKeys === 'number') {
    maxKeys = options.maxKeys > 0 && Number.isInteger(options.maxKeys) ? options.maxKeys : Infinity;
  }
  const unescape = module.exports.unescape;
  const decode = typeof options?.decodeURIComponent === 'function' ? options.decodeURIComponent : unescape;
  // The built-in decoder only runs where there is an escape to decode; any
  // other decoder sees every non-empty key and value. '+' means a space.
  const decodePart = (s) => {
    if (s === '') return s;
    if (s.includes('+')) s = s.replaceAll('+', '%20');
    if (decode === qsUnescape && !kPercentEscape.test(s)) return s;
    try {
      return decode(s);
    } catch {
      return unescape(s, true);
    }
  };

  let pairs = 0;
  for (let start = 0; start <= qs.length && pairs < maxKeys; pairs++) {
    let end = findDelimiter(qs, sep, start, qs.length);
    const next = end === -1 ? qs.length + 1 : end + sep.length;
    if (end === -1) end = qs.length;
    if (end > start) {
      const eqAt = findDelimiter(qs, eq, start, end);
      const key = decodePart(qs.slice(start, eqAt === -1 ? end : eqAt));
      const value = eqAt === -1 ? '' : decodePart(qs.slice(eqAt + eq.length, end));
      const current = obj[key];
      if (current === undefined) obj[key] = value;
      else if (typeof current === 'string') obj[key] = [current, value];
      else current.push(value);
    }
    start = next;
  }
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
