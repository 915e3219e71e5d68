'use strict';

// `stream/promises`: pipeline() and finished() returning promises.

const { pipelineImpl } = require('internal/streams/pipeline');
const { finished } = require('internal/streams/end-of-stream');
const { isIterable, isNodeStream } = require('internal/streams/utils');

// pipeline(...streams[, { signal, end }]): the options object, if any, is
// the last argument; it is told from the stages by not being a stream or
// an iterable.
function pipeline(...streams) {
  return new Promise((resolve, reject) => {
    let signal;
    let end;
    const lastArg = streams[streams.length - 1];
    if (lastArg && typeof lastArg === 'object' && !isNodeStream(lastArg) && !isIterable(lastArg) && !isWebStream(lastArg)) {
      const options = streams.pop();
      signal = options.signal;
      end = options.end;
    }
    pipelineImpl(streams, (err, value) => {
      if (err) reject(err);
      else resolve(value);
    }, { signal, end });
  });
}

// A WritableStream or a { readable, writable } pair of web streams (a ReadableStream is
// iterable).
function isWebStream(value) {
  const { isWritableStream } = require('internal/webstreams/writable');
  const { isReadableStream } = require('internal/webstreams/readable');
  return isWritableStream(value) || (isReadableStream(value.readable) && isWritableStream(value.writable));
}

module.exports = { finished, pipeline };
