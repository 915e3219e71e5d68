'use strict';

// `fs/promises` is the object `fs.promises` returns.
module.exports = require('internal/fs/promises').exports;
