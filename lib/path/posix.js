'use strict';

// `path/posix`: the POSIX path functions (what `path` is here).
module.exports = require('path').posix;
