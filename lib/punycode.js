'use strict';

// The deprecated `punycode` module: the API of the punycode.js package
// (version 2.1.0) that Node bundles. The RFC 3492 algorithm itself is in
// internal/url, which the URL parser uses without this module's warning.

const { punycodeDecode, punycodeEncode } = require('internal/url');

// Node 20 warns about this module only when pending deprecations are enabled.
if (require('internal/options').getOptionValue('--pending-deprecation') || process.env.NODE_PENDING_DEPRECATION === '1') {
  process.emitWarning('The `punycode` module is deprecated. Please use a userland alternative instead.',
    'DeprecationWarning', 'DEP0040');
}

// The string's code points; a surrogate that is not part of a pair counts as
// a code point of its own.
function ucs2decode(string) {
  const output = [];
  for (let i = 0; i < string.length; i++) {
    const value = string.charCodeAt(i);
    if (value >= 0xd800 && value <= 0xdbff && i + 1 < string.length) {
      const next = string.charCodeAt(i + 1);
      if ((next & 0xfc00) === 0xdc00) {
        output.push(((value & 0x3ff) << 10) + (next & 0x3ff) + 0x10000);
        i++;
        continue;
      }
    }
    output.push(value);
  }
  return output;
}

function ucs2encode(codePoints) {
  return String.fromCodePoint(...codePoints);
}

function decode(input) {
  return punycodeDecode(input);
}

function encode(input) {
  return punycodeEncode(ucs2decode(input));
}

// Applies `fn` to each label of a domain name or of the domain part of an
// email address. As in punycode.js, only the text between the first and
// second '@' counts as the domain; anything after a second '@' is dropped.
function mapDomain(domain, fn) {
  const parts = domain.split('@');
  let prefix = '';
  if (parts.length > 1) {
    prefix = `${parts[0]}@`;
    domain = parts[1];
  }
  // The ideographic full stops separate labels too.
  const labels = domain.replace(/[\u3002\uff0e\uff61]/g, '.').split('.');
  return prefix + labels.map(fn).join('.');
}

function toASCII(input) {
  return mapDomain(input, (label) => (/[^\0-\x7f]/.test(label) ? `xn--${encode(label)}` : label));
}

function toUnicode(input) {
  return mapDomain(input, (label) => (label.startsWith('xn--') ? decode(label.slice(4).toLowerCase()) : label));
}

module.exports = {
  version: '2.1.0',
  ucs2: { decode: ucs2decode, encode: ucs2encode },
  decode,
  encode,
  toASCII,
  toUnicode,
};
