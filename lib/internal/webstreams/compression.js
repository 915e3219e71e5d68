'use strict';
// CompressionStream and DecompressionStream: a zlib stream (deflate, deflate-raw, gzip)
// seen as a readable/writable pair of WHATWG streams.

const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { ReadableStream } = require('internal/webstreams/readable');
const { WritableStream } = require('internal/webstreams/writable');
const { kInspect, checkThis, inspectWith, tagged } = require('internal/webstreams/util');

const kPair = Symbol('kPair');

// The two WHATWG sides of Node stream `z`: writes go in, its output comes out.
function webPair(z) {
  const readable = new ReadableStream({
    start(controller) {
      z.on('data', (chunk) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if (controller.desiredSize <= 0) z.pause();
      });
      z.on('end', () => controller.close());
      z.on('error', (e) => controller.error(e));
      z.pause();
    },
    pull() {
      z.resume();
    },
    cancel(reason) {
      z.destroy(reason);
    },
  });
  const writable = new WritableStream({
    // Strings and views as zlib takes them (it refuses the rest).
    write(chunk) {
      const data = chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : chunk;
      return new Promise((resolve, reject) => {
        z.write(data, (err) => (err ? reject(err) : resolve()));
      });
    },
    close() {
      return new Promise((resolve) => z.end(resolve));
    },
    abort(reason) {
      z.destroy(reason);
    },
  });
  return { readable, writable };
}

function formatOf(format) {
  if (format !== 'deflate' && format !== 'deflate-raw' && format !== 'gzip') {
    throw new ERR_INVALID_ARG_VALUE('format', format);
  }
  return format;
}

class CompressionStream {
  constructor(format) {
    const zlib = require('zlib');
    const kind = formatOf(format);
    this[kPair] = webPair(kind === 'gzip' ? zlib.createGzip() : kind === 'deflate' ? zlib.createDeflate() : zlib.createDeflateRaw());
  }

  get readable() {
    checkThis(this, kPair, 'CompressionStream');
    return this[kPair].readable;
  }

  get writable() {
    checkThis(this, kPair, 'CompressionStream');
    return this[kPair].writable;
  }
}

class DecompressionStream {
  constructor(format) {
    const zlib = require('zlib');
    const kind = formatOf(format);
    this[kPair] = webPair(kind === 'gzip' ? zlib.createGunzip() : kind === 'deflate' ? zlib.createInflate() : zlib.createInflateRaw());
  }

  get readable() {
    checkThis(this, kPair, 'DecompressionStream');
    return this[kPair].readable;
  }

  get writable() {
    checkThis(this, kPair, 'DecompressionStream');
    return this[kPair].writable;
  }
}
for (const Class of [CompressionStream, DecompressionStream]) {
  Class.prototype[kInspect] = inspectWith(Class.name, function() {
    return { readable: this.readable, writable: this.writable };
  });
}

tagged(CompressionStream);
tagged(DecompressionStream);

module.exports = { CompressionStream, DecompressionStream, webPair };
