'use strict';

// `readline/promises`: Interface with a promise question(), Readline, createInterface.
module.exports = require('internal/readline/promises');
