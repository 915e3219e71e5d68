'use strict';

// The `stream` module. Its export is the legacy Stream class itself, with
// the stream classes and helpers attached to it.
//
// The classes are loaded up front (every stream user needs them); pipeline,
// compose and the promise API load on first use.

const { Buffer } = require('buffer');
const { Stream } = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const Duplex = require('internal/streams/duplex');
const Transform = require('internal/streams/transform');
const PassThrough = require('internal/streams/passthrough');
const eos = require('internal/streams/end-of-stream');
const { destroyer } = require('internal/streams/destroy');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const { getDefaultHighWaterMark, setDefaultHighWaterMark } = require('internal/streams/state');
const utils = require('internal/streams/utils');

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

let pipelineModule;
let composeImpl;
let duplexPairImpl;
let promises;

function loadPromises() {
  return (promises ??= require('stream/promises'));
}

module.exports = Stream;

Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = utils.isDisturbed;
Stream.isErrored = utils.isErrored;
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;

Stream.duplexPair = function duplexPair(options) {
  duplexPairImpl ??= require('internal/streams/duplexpair');
  return duplexPairImpl(options);
};

Stream.pipeline = function pipeline(...streams) {
  pipelineModule ??= require('internal/streams/pipeline');
  return Reflect.apply(pipelineModule.pipeline, this, streams);
};
Object.defineProperty(Stream.pipeline, kCustomPromisify, {
  enumerable: true,
  get() {
    return loadPromises().pipeline;
  },
});

Stream.addAbortSignal = addAbortSignal;

Stream.finished = eos;
Object.defineProperty(eos, kCustomPromisify, {
  enumerable: true,
  get() {
    return loadPromises().finished;
  },
});

Stream.destroy = destroyer;

Stream.compose = function compose(...streams) {
  composeImpl ??= require('internal/streams/compose');
  return Reflect.apply(composeImpl, this, streams);
};

Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;

Object.defineProperty(Stream, 'promises', {
  configurable: true,
  enumerable: true,
  get() {
    return loadPromises();
  },
});

// Backwards compatibility: old code that does `require('stream').Stream`.
Stream.Stream = Stream;

Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._isUint8Array = (value) => value instanceof Uint8Array;
Stream._uint8ArrayToBuffer = function _uint8ArrayToBuffer(chunk) {
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
};
