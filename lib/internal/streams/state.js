'use strict';

// highWaterMark defaults and the option parsing shared by both sides of a
// stream.

const { codes, validateInteger } = require('internal/streams/utils');

let defaultByteHighWaterMark = 16 * 1024;
let defaultObjectHighWaterMark = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultObjectHighWaterMark : defaultByteHighWaterMark;
}

function setDefaultHighWaterMark(objectMode, value) {
  validateInteger(value, 'value', 0);
  if (objectMode) defaultObjectHighWaterMark = value;
  else defaultByteHighWaterMark = value;
}

// `options.highWaterMark` wins; a duplex side also looks at its own option
// (`readableHighWaterMark` / `writableHighWaterMark`).
function getHighWaterMark(options, objectMode, sideKey, isDuplex) {
  let hwm = options.highWaterMark;
  let name = 'options.highWaterMark';
  if (hwm == null && isDuplex) {
    hwm = options[sideKey];
    name = `options.${sideKey}`;
  }
  if (hwm == null) return getDefaultHighWaterMark(objectMode);
  if (!Number.isInteger(hwm) || hwm < 0) throw new codes.ERR_INVALID_ARG_VALUE(name, hwm);
  return hwm;
}

module.exports = {
  getDefaultHighWaterMark,
  setDefaultHighWaterMark,
  getHighWaterMark,
};
