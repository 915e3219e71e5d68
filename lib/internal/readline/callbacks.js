'use strict';

// readline.cursorTo / moveCursor / clearLine / clearScreenDown: write the
// escape sequence to the stream, passing `callback` to its write(). With no
// stream (or nothing to do) they just call back on the next tick. All return
// what write() returned (true when nothing was written).

const { CSI } = require('internal/readline/utils');

let errorsModule;
const errors = () => (errorsModule ??= require('internal/errors'));

function nothingToDo(callback) {
  if (typeof callback === 'function') process.nextTick(callback, null);
  return true;
}

function cursorTo(stream, x, y, callback) {
  if (callback !== undefined) errors().validateFunction(callback, 'callback');
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw new (errors().codes.ERR_INVALID_ARG_VALUE)('x', x);
  if (Number.isNaN(y)) throw new (errors().codes.ERR_INVALID_ARG_VALUE)('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) return nothingToDo(callback);
  if (typeof x !== 'number') throw new (errors().codes.ERR_INVALID_CURSOR_POS)();
  const data = typeof y !== 'number' ? CSI`${x + 1}G` : CSI`${y + 1};${x + 1}H`;
  return stream.write(data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  if (callback !== undefined) errors().validateFunction(callback, 'callback');
  if (stream == null || !(dx || dy)) return nothingToDo(callback);
  let data = '';
  if (dx < 0) data += CSI`${-dx}D`;
  else if (dx > 0) data += CSI`${dx}C`;
  if (dy < 0) data += CSI`${-dy}A`;
  else if (dy > 0) data += CSI`${dy}B`;
  return stream.write(data, callback);
}

// dir < 0: to the start of the line; dir > 0: to its end; 0: the whole line.
function clearLine(stream, dir, callback) {
  if (callback !== undefined) errors().validateFunction(callback, 'callback');
  if (stream == null) return nothingToDo(callback);
  const code = dir < 0 ? CSI.kClearToLineBeginning : dir > 0 ? CSI.kClearToLineEnd : CSI.kClearLine;
  return stream.write(code, callback);
}

function clearScreenDown(stream, callback) {
  if (callback !== undefined) errors().validateFunction(callback, 'callback');
  if (stream == null) return nothingToDo(callback);
  return stream.write(CSI.kClearScreenDown, callback);
}

module.exports = { cursorTo, moveCursor, clearLine, clearScreenDown };
