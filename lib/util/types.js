'use strict';

// `util/types`: the same object as require('util').types.

module.exports = require('util').types;
