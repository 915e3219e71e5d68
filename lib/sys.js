'use strict';

// `sys`, util's name before Node 0.3: the same module, with DEP0025's warning.

module.exports = require('util');
process.emitWarning('sys is deprecated. Use util instead.', 'DeprecationWarning', 'DEP0025');
