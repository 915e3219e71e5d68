'use strict';
// The `module` module is the CommonJS Module class itself.

module.exports = require('internal/modules/cjs').Module;
