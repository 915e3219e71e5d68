'use strict';
// tty basics: isatty; the stream classes arrive with lib/stream.js.

const binding = internalBinding('process');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && binding.isatty(fd);
}

module.exports = { isatty };
