'use strict';
// TextEncoder / TextDecoder (WHATWG Encoding) over the Rust codecs.

const binding = internalBinding('buffer');

class TextEncoder {
  get encoding() {
    return 'utf-8';
  }

  encode(input = '') {
    return binding.encode(`${input}`, 'utf8');
  }

  encodeInto(src, dest) {
    const bytes = binding.encode(`${src}`, 'utf8');
    let written = Math.min(bytes.length, dest.length);
    // Stop before a partial sequence.
    while (written > 0 && written < bytes.length && (bytes[written] & 0xc0) === 0x80) written--;
    dest.set(bytes.subarray(0, written));
    const read = binding.decode(bytes, 'utf8', 0, written).length;
    return { read, written };
  }
}

const LABELS = {
  __proto__: null,
  'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
  'utf-16le': 'utf-16le', 'utf-16': 'utf-16le', ucs2: 'utf-16le',
  latin1: 'latin1', 'iso-8859-1': 'latin1', ascii: 'latin1', 'us-ascii': 'latin1', 'windows-1252': 'latin1',
};

class TextDecoder {
  #encoding;
  #fatal;
  #ignoreBOM;
  #pending = null;

  constructor(label = 'utf-8', options = {}) {
    const enc = LABELS[`${label}`.trim().toLowerCase()];
    if (enc === undefined) {
      const err = new RangeError(`The "${label}" encoding is not supported`);
      err.code = 'ERR_ENCODING_NOT_SUPPORTED';
      throw err;
    }
    this.#encoding = enc;
    this.#fatal = Boolean(options && options.fatal);
    this.#ignoreBOM = Boolean(options && options.ignoreBOM);
  }

  get encoding() { return this.#encoding === 'latin1' ? 'windows-1252' : this.#encoding; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }

  decode(input, options = {}) {
    let bytes;
    if (input === undefined) bytes = new Uint8Array(0);
    else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
    else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else {
      // Node's own wording: its message names "list" and omits the received value.
      const err = new TypeError('The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    if (this.#pending !== null) {
      const joined = new Uint8Array(this.#pending.length + bytes.length);
      joined.set(this.#pending);
      joined.set(bytes, this.#pending.length);
      bytes = joined;
      this.#pending = null;
    }
    let end = bytes.length;
    if (options && options.stream) {
      end -= incompleteTail(bytes, this.#encoding);
      if (end < bytes.length) this.#pending = bytes.slice(end);
    }
    const enc = this.#encoding === 'utf-8' ? 'utf8' : this.#encoding === 'utf-16le' ? 'utf16le' : 'latin1';
    let text = binding.decode(bytes, enc, 0, end);
    if (this.#fatal && text.includes('\ufffd') && !hasReplacementChar(bytes, end, enc)) {
      const err = new TypeError(`The encoded data was not valid for encoding ${this.encoding}`);
      err.code = 'ERR_ENCODING_INVALID_ENCODED_DATA';
      throw err;
    }
    if (!this.#ignoreBOM && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text;
  }
}

// Bytes at the end that begin a sequence the next chunk completes.
function incompleteTail(bytes, encoding) {
  const n = bytes.length;
  if (encoding === 'utf-16le') return n % 2;
  if (encoding !== 'utf-8') return 0;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

// Whether U+FFFD was literally present (EF BF BD) rather than produced by bad input.
function hasReplacementChar(bytes, end, enc) {
  if (enc !== 'utf8') return false;
  for (let i = 0; i + 2 < end; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) return true;
  return false;
}

for (const [cls, tag] of [[TextEncoder, 'TextEncoder'], [TextDecoder, 'TextDecoder']]) {
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: tag, configurable: true });
}

module.exports = { TextEncoder, TextDecoder };
