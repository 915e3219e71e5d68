'use strict';
// stream/web: the WHATWG Streams classes (also globals, as in Node).

const readable = require('internal/webstreams/readable');
const writable = require('internal/webstreams/writable');
const transform = require('internal/webstreams/transform');
const queuing = require('internal/webstreams/queuing');
const encoding = require('internal/webstreams/encoding');
const compression = require('internal/webstreams/compression');

module.exports = {
  ReadableStream: readable.ReadableStream,
  ReadableStreamDefaultReader: readable.ReadableStreamDefaultReader,
  ReadableStreamBYOBReader: readable.ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest: readable.ReadableStreamBYOBRequest,
  ReadableByteStreamController: readable.ReadableByteStreamController,
  ReadableStreamDefaultController: readable.ReadableStreamDefaultController,
  TransformStream: transform.TransformStream,
  TransformStreamDefaultController: transform.TransformStreamDefaultController,
  WritableStream: writable.WritableStream,
  WritableStreamDefaultWriter: writable.WritableStreamDefaultWriter,
  WritableStreamDefaultController: writable.WritableStreamDefaultController,
  ByteLengthQueuingStrategy: queuing.ByteLengthQueuingStrategy,
  CountQueuingStrategy: queuing.CountQueuingStrategy,
  TextEncoderStream: encoding.TextEncoderStream,
  TextDecoderStream: encoding.TextDecoderStream,
  CompressionStream: compression.CompressionStream,
  DecompressionStream: compression.DecompressionStream,
};
