'use strict';
// TextEncoderStream and TextDecoderStream: TextEncoder/TextDecoder over a TransformStream,
// with a surrogate pair or a UTF-8 sequence split across chunks joined again.

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { TextEncoder, TextDecoder } = require('internal/encoding');
const { TransformStream } = require('internal/webstreams/transform');
const { kInspect, checkThis, inspectWith } = require('internal/webstreams/util');

const kStream = Symbol('kStream');

class TextEncoderStream {
  constructor() {
    const encoder = new TextEncoder();
    // A high surrogate that ended the last chunk, waiting for its pair.
    let pending = '';
    this[kStream] = new TransformStream({
      transform(chunk, controller) {
        let text = pending + String(chunk);
        pending = '';
        const last = text.charCodeAt(text.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          pending = text[text.length - 1];
          text = text.slice(0, -1);
        }
        if (text.length > 0) controller.enqueue(encoder.encode(text));
      },
      flush(controller) {
        if (pending !== '') controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd]));
      },
    });
  }

  get encoding() {
    checkThis(this, kStream, 'TextEncoderStream');
    return 'utf-8';
  }

  get readable() {
    checkThis(this, kStream, 'TextEncoderStream');
    return this[kStream].readable;
  }

  get writable() {
    checkThis(this, kStream, 'TextEncoderStream');
    return this[kStream].writable;
  }
}
TextEncoderStream.prototype[kInspect] = inspectWith('TextEncoderStream', function() {
  return { encoding: 'utf-8', readable: this.readable, writable: this.writable };
});

const kDecoder = Symbol('kDecoder');

class TextDecoderStream {
  constructor(label = 'utf-8', options = {}) {
    if (options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const decoder = new TextDecoder(label, options);
    this[kDecoder] = decoder;
    this[kStream] = new TransformStream({
      transform(chunk, controller) {
        const text = decoder.decode(chunk, { stream: true });
        if (text !== '') controller.enqueue(text);
      },
      flush(controller) {
        const text = decoder.decode();
        if (text !== '') controller.enqueue(text);
      },
    });
  }

  get encoding() {
    checkThis(this, kDecoder, 'TextDecoderStream');
    return this[kDecoder].encoding;
  }

  get fatal() {
    checkThis(this, kDecoder, 'TextDecoderStream');
    return this[kDecoder].fatal;
  }

  get ignoreBOM() {
    checkThis(this, kDecoder, 'TextDecoderStream');
    return this[kDecoder].ignoreBOM;
  }

  get readable() {
    checkThis(this, kDecoder, 'TextDecoderStream');
    return this[kStream].readable;
  }

  get writable() {
    checkThis(this, kDecoder, 'TextDecoderStream');
    return this[kStream].writable;
  }
}
TextDecoderStream.prototype[kInspect] = inspectWith('TextDecoderStream', function() {
  return { encoding: this.encoding, fatal: this.fatal, ignoreBOM: this.ignoreBOM, readable: this.readable, writable: this.writable };
});


module.exports = { TextEncoderStream, TextDecoderStream };
