'use strict';
// tty: isatty and the stream classes process.stdin/stdout/stderr get on a terminal.

const binding = internalBinding('process');
const { fdReadable, fdWriteOptions } = require('internal/process/stdio');
const { Writable } = require('stream');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && binding.isatty(fd);
}

class ReadStream extends fdReadable() {
  constructor(fd, options) {
    super(fd, options);
    this.isTTY = true;
    this.isRaw = false;
  }

  setRawMode(flag) {
    this.isRaw = Boolean(flag);
    return this;
  }
}

class WriteStream extends Writable {
  constructor(fd) {
    super(fdWriteOptions(fd));
    this.fd = fd;
    this.isTTY = true;
    this._type = 'tty';
    this._isStdio = fd <= 2;
    const [columns, rows] = binding.windowSize(fd) || [80, 24];
    this.columns = columns;
    this.rows = rows;
  }

  getWindowSize() {
    return binding.windowSize(this.fd) || [80, 24];
  }

  getColorDepth(env = process.env) {
    if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') return 1;
    if (env.FORCE_COLOR === '0') return 1;
    if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
    return /256/.test(env.TERM || '') ? 8 : 4;
  }

  hasColors(count = 16, env) {
    if (typeof count === 'object') {
      env = count;
      count = 16;
    }
    return 2 ** this.getColorDepth(env) >= count;
  }

  // Cursor control, as Node's WriteStream offers over readline's helpers.
  clearLine(dir, cb) {
    return require('readline').clearLine(this, dir, cb);
  }

  clearScreenDown(cb) {
    return require('readline').clearScreenDown(this, cb);
  }

  cursorTo(x, y, cb) {
    return require('readline').cursorTo(this, x, y, cb);
  }

  moveCursor(dx, dy, cb) {
    return require('readline').moveCursor(this, dx, dy, cb);
  }
}

module.exports = { isatty, ReadStream, WriteStream };
