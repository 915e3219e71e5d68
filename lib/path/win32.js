'use strict';

// `path/win32`: the Windows path functions.
module.exports = require('path').win32;
