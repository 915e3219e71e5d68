'use strict';
// StringDecoder: decodes a stream of buffers without splitting multi-byte characters.

const { Buffer } = require('buffer');
const { codes } = require('internal/errors');

const multiByte = { utf8: true, utf16le: true, base64: true, base64url: true };

// A function, not a class: packages (iconv-lite) call it as `StringDecoder.call(this, enc)`.
function StringDecoder(encoding) {
  const enc = normalize(encoding);
  if (enc === undefined) throw new codes.ERR_UNKNOWN_ENCODING(encoding);
  this.encoding = enc;
  this.pending = Buffer.alloc(0);
}

Object.assign(StringDecoder.prototype, {
  write(buf) {
    if (typeof buf === 'string') return buf;
    if (!ArrayBuffer.isView(buf)) throw new codes.ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
    let bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (this.pending.length > 0) bytes = Buffer.concat([this.pending, bytes]);
    if (!multiByte[this.encoding]) return bytes.toString(this.encoding);
    const keep = this.tail(bytes);
    this.pending = Buffer.from(bytes.subarray(bytes.length - keep));
    return bytes.toString(this.encoding, 0, bytes.length - keep);
  },

  end(buf) {
    let out = buf === undefined ? '' : this.write(buf);
    if (this.pending.length > 0) {
      out += this.pending.toString(this.encoding);
      this.pending = Buffer.alloc(0);
    }
    return out;
  },

  // How many trailing bytes belong to an unfinished character.
  tail(bytes) {
    const n = bytes.length;
    if (this.encoding === 'utf16le') {
      if (n % 2 === 1) return 1;
      if (n >= 2) {
        const last = bytes[n - 2] | (bytes[n - 1] << 8);
        if (last >= 0xd800 && last <= 0xdbff) return 2;
      }
      return 0;
    }
    if (this.encoding === 'base64' || this.encoding === 'base64url') return n % 3;
    for (let back = 1; back <= Math.min(3, n); back++) {
      const b = bytes[n - back];
      if ((b & 0xc0) === 0x80) continue;
      // F8..FF never start a character: decode them (as U+FFFD) right away.
      const need = b >= 0xf8 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return need > back ? back : 0;
    }
    return 0;
  },
});

function normalize(enc) {
  const e = `${enc || 'utf8'}`.toLowerCase();
  return { utf8: 'utf8', 'utf-8': 'utf8', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le', 'utf-16le': 'utf16le', latin1: 'latin1', binary: 'latin1', ascii: 'ascii', base64: 'base64', base64url: 'base64url', hex: 'hex' }[e];
}

module.exports = { StringDecoder };
