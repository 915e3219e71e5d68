'use strict';

// The deprecated `constants` module: os's dlopen, errno, priority and signal numbers,
// fs's and crypto's constants, in one frozen object (graceful-fs and the packages built
// on it still read it).

const os = require('os');

module.exports = Object.freeze(Object.assign({},
  os.constants.dlopen,
  os.constants.errno,
  os.constants.priority,
  os.constants.signals,
  require('fs').constants,
  require('crypto').constants));
