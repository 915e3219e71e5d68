'use strict';

// compose(...streams): one Duplex standing for a whole pipeline. Writes go
// into the first stage, reads come from the last; stages may be anything
// pipeline() accepts (streams, async generator functions, iterables...).

const { pipeline } = require('internal/streams/pipeline');
const Duplex = require('internal/streams/duplex');
const { destroyer } = require('internal/streams/destroy');
const {
  codes,
  isNodeStream,
  isReadable,
  isWritable,
  newAbortError,
} = require('internal/streams/utils');

function compose(...streams) {
  if (streams.length === 0) throw new codes.ERR_MISSING_ARGS('streams');
  if (streams.length === 1) return Duplex.from(streams[0]);

  const given = [...streams];
  if (typeof streams[0] === 'function') streams[0] = Duplex.from(streams[0]);
  const last = streams.length - 1;
  if (typeof streams[last] === 'function') streams[last] = Duplex.from(streams[last]);

  for (let n = 0; n < streams.length; ++n) {
    if (!isNodeStream(streams[n])) continue;
    if (n < last && !isReadable(streams[n])) {
      throw new codes.ERR_INVALID_ARG_VALUE(`streams[${n}]`, given[n], 'must be readable');
    }
    if (n > 0 && !isWritable(streams[n])) {
      throw new codes.ERR_INVALID_ARG_VALUE(`streams[${n}]`, given[n], 'must be writable');
    }
  }

  // Callbacks parked until the inner streams catch up.
  let ondrain;
  let onfinish;
  let onreadable;
  let onclose;
  let d;

  function onfinished(err) {
    const cb = onclose;
    onclose = null;
    if (cb) cb(err);
    else if (err) d.destroy(err);
    else if (!readable && !writable) d.destroy();
  }

  const head = streams[0];
  const tail = pipeline(streams, onfinished);

  const writable = Boolean(isWritable(head));
  const readable = Boolean(isReadable(tail));

  d = new Duplex({
    // `head`/`tail` may not be streams (an iterable source, say).
    writableObjectMode: Boolean(head?.writableObjectMode),
    readableObjectMode: Boolean(tail?.readableObjectMode),
    writable,
    readable,
  });

  if (writable) {
    d._write = function _write(chunk, encoding, callback) {
      if (head.write(chunk, encoding)) callback();
      else ondrain = callback;
    };

    d._final = function _final(callback) {
      head.end();
      onfinish = callback;
    };

    head.on('drain', () => {
      if (ondrain) {
        const cb = ondrain;
        ondrain = null;
        cb();
      }
    });

    tail.on('finish', () => {
      if (onfinish) {
        const cb = onfinish;
        onfinish = null;
        cb();
      }
    });
  }

  if (readable) {
    tail.on('readable', () => {
      if (onreadable) {
        const cb = onreadable;
        onreadable = null;
        cb();
      }
    });

    tail.on('end', () => {
      d.push(null);
    });

    d._read = function _read() {
      while (true) {
        const buf = tail.read();
        if (buf === null) {
          onreadable = d._read;
          return;
        }
        if (!d.push(buf)) return;
      }
    };
  }

  d._destroy = function _destroy(err, callback) {
    if (!err && onclose !== null) err = newAbortError();
    onreadable = null;
    ondrain = null;
    onfinish = null;
    if (onclose === null) {
      callback(err);
    } else {
      onclose = callback;
      if (isNodeStream(tail)) destroyer(tail, err);
    }
  };

  return d;
}

module.exports = compose;
