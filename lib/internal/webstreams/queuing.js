'use strict';
// The two queuing strategies of WHATWG Streams: chunks counted by byteLength or one each.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_MISSING_OPTION },
} = require('internal/errors');
const { kInspect, checkThis, inspectWith, tagged } = require('internal/webstreams/util');

const kHighWaterMark = Symbol('kHighWaterMark');

function highWaterMarkFrom(init) {
  if (init === null || typeof init !== 'object') throw new ERR_INVALID_ARG_TYPE('init', 'Object', init);
  if (init.highWaterMark === undefined) throw new ERR_MISSING_OPTION('options.highWaterMark');
  return Number(init.highWaterMark);
}

const byteLengthSize = function size(chunk) {
  return chunk.byteLength;
};
const countSize = function size() {
  return 1;
};

class ByteLengthQueuingStrategy {
  constructor(init) {
    this[kHighWaterMark] = highWaterMarkFrom(init);
  }

  get highWaterMark() {
    checkThis(this, kHighWaterMark, 'ByteLengthQueuingStrategy');
    return this[kHighWaterMark];
  }

  get size() {
    checkThis(this, kHighWaterMark, 'ByteLengthQueuingStrategy');
    return byteLengthSize;
  }
}

class CountQueuingStrategy {
  constructor(init) {
    this[kHighWaterMark] = highWaterMarkFrom(init);
  }

  get highWaterMark() {
    checkThis(this, kHighWaterMark, 'CountQueuingStrategy');
    return this[kHighWaterMark];
  }

  get size() {
    checkThis(this, kHighWaterMark, 'CountQueuingStrategy');
    return countSize;
  }
}
for (const Strategy of [ByteLengthQueuingStrategy, CountQueuingStrategy]) {
  Strategy.prototype[kInspect] = inspectWith(Strategy.name, function() {
    return { highWaterMark: this.highWaterMark };
  });
}

tagged(ByteLengthQueuingStrategy);
tagged(CountQueuingStrategy);

module.exports = { ByteLengthQueuingStrategy, CountQueuingStrategy };
