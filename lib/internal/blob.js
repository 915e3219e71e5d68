'use strict';

// Blob (W3C File API). A blob's bytes are gathered into one Uint8Array when
// it is made and never handed out, so they never change: slices share them,
// and every read returns a copy (stream() too: a byte ReadableStream of 64 KiB
// chunks).

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kEmpty = new Uint8Array(0);

let TextDecoderClass;

// A media type is kept only if it is printable ASCII, and then lowercased.
function normalizeType(type) {
  for (let i = 0; i < type.length; i++) {
    const c = type.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return '';
  }
  return type.toLowerCase();
}

// WebIDL's [Clamp] long long: NaN is 0, halves round to even.
function clampInteger(value) {
  const x = Number(value);
  if (Number.isNaN(x)) return 0;
  if (!Number.isFinite(x)) return x;
  const rounded = Math.round(x);
  return rounded - x === 0.5 && rounded % 2 !== 0 ? rounded - 1 : rounded;
}

// Resolves a slice() position against the blob size; negative counts from the end.
function relativePosition(value, size) {
  const n = clampInteger(value);
  return n < 0 ? Math.max(size + n, 0) : Math.min(n, size);
}

// Filled in by Blob's static block: reads a blob's bytes without a brand
// check of its own.
let bytesOf;

function isBlob(value) {
  return bytesOf(value) !== undefined;
}

// The bytes a blob part contributes. Buffers and views are copied by the
// caller's concatenation; strings are UTF-8 encoded (lone surrogates
// become U+FFFD).
function partBytes(part, nativeEndings) {
  if (typeof part === 'object' && part !== null) {
    const blobBytes = bytesOf(part);
    if (blobBytes !== undefined) return blobBytes;
    if (ArrayBuffer.isView(part)) return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
    if (part instanceof ArrayBuffer ||
        (typeof SharedArrayBuffer === 'function' && part instanceof SharedArrayBuffer)) {
      return new Uint8Array(part);
    }
  }
  let text = `${part}`;
  // Linux's native line ending is LF. Like Node, only CRLF is converted, not
  // a lone CR.
  if (nativeEndings) text = text.replace(/\r\n/g, '\n');
  return Buffer.from(text, 'utf8');
}

// Always a fresh plain Uint8Array: the parts may be views of memory the
// program keeps changing, or Buffers, whose slice() does not copy.
function concat(chunks, size) {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function invalidThis() {
  return new ERR_INVALID_THIS('Blob');
}

class Blob {
  #bytes;
  #type;

  constructor(sources = [], options = undefined) {
    if (sources === null || typeof sources !== 'object' || typeof sources[Symbol.iterator] !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'a dictionary', options);
    }
    const endings = options?.endings === undefined ? 'transparent' : `${options.endings}`;
    if (endings !== 'transparent' && endings !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    const type = options?.type;

    const chunks = [];
    let size = 0;
    for (const part of sources) {
      const bytes = partBytes(part, endings === 'native');
      if (bytes.length === 0) continue;
      chunks.push(bytes);
      size += bytes.length;
    }
    this.#bytes = chunks.length === 0 ? kEmpty : concat(chunks, size);
    this.#type = type === undefined ? '' : normalizeType(`${type}`);
  }

  static #check(value) {
    if (value === null || typeof value !== 'object' || !(#bytes in value)) throw invalidThis();
  }

  get type() {
    Blob.#check(this);
    return this.#type;
  }

  get size() {
    Blob.#check(this);
    return this.#bytes.length;
  }

  slice(start = 0, end = undefined, contentType = undefined) {
    Blob.#check(this);
    const size = this.#bytes.length;
    const from = relativePosition(start, size);
    const to = end === undefined ? size : relativePosition(end, size);
    const blob = new Blob();
    blob.#bytes = to > from ? this.#bytes.subarray(from, to) : kEmpty;
    blob.#type = contentType === undefined ? '' : normalizeType(`${contentType}`);
    return blob;
  }

  arrayBuffer() {
    if (!isBlob(this)) return Promise.reject(invalidThis());
    return Promise.resolve(this.#bytes.slice().buffer);
  }

  text() {
    if (!isBlob(this)) return Promise.reject(invalidThis());
    TextDecoderClass ??= require('internal/encoding').TextDecoder;
    return Promise.resolve(new TextDecoderClass().decode(this.#bytes));
  }

  bytes() {
    if (!isBlob(this)) return Promise.reject(invalidThis());
    return Promise.resolve(this.#bytes.slice());
  }

  stream() {
    Blob.#check(this);
    const bytes = this.#bytes;
    let offset = 0;
    const { ReadableStream } = require('internal/webstreams/readable');
    return new ReadableStream({
      type: 'bytes',
      pull(controller) {
        if (offset >= bytes.length) {
          controller.close();
          if (controller.byobRequest) controller.byobRequest.respond(0);
          return;
        }
        const end = Math.min(offset + 65536, bytes.length);
        controller.enqueue(bytes.slice(offset, end));
        offset = end;
      },
    });
  }

  // Shown as `Blob { size, type }` (subclasses too, as in Node), or
  // `[Blob]` when out of depth.
  [kInspect](depth, options, inspect) {
    if (depth < 0) return options.stylize('[Blob]', 'special');
    const opts = { ...options, depth: options.depth === null ? null : options.depth - 1 };
    return `Blob ${inspect({ size: this.size, type: this.type }, opts)}`;
  }

  static {
    bytesOf = (value) => (value !== null && typeof value === 'object' && #bytes in value ? value.#bytes : undefined);
  }
}

// WebIDL members are enumerable; like Node, bytes() is left out.
for (const name of ['type', 'size', 'slice', 'arrayBuffer', 'text', 'stream']) {
  Object.defineProperty(Blob.prototype, name, { enumerable: true });
}
Object.defineProperty(Blob.prototype, Symbol.toStringTag, {
  value: 'Blob', writable: false, enumerable: false, configurable: true,
});

// File: a Blob with a name and a modification time.
class File extends Blob {
  #name;
  #lastModified;

  constructor(fileBits, fileName, options = undefined) {
    if (arguments.length < 2) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_MISSING_ARGS('fileBits', 'fileName');
    }
    super(fileBits, options);
    this.#name = `${fileName}`;
    const lm = options?.lastModified;
    this.#lastModified = lm === undefined ? Date.now() : Number(lm) || 0;
  }

  get name() {
    return this.#name;
  }

  get lastModified() {
    return this.#lastModified;
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return options.stylize('[File]', 'special');
    const opts = { ...options, depth: options.depth === null ? null : options.depth - 1 };
    return `File ${inspect({ size: this.size, type: this.type, name: this.#name, lastModified: this.#lastModified }, opts)}`;
  }
}
Object.defineProperty(File.prototype, Symbol.toStringTag, {
  value: 'File', writable: false, enumerable: false, configurable: true,
});

module.exports = { Blob, File, isBlob, bytesOf };
