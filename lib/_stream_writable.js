'use strict';
// _stream_writable: Node's older name for stream.Writable (the class itself).

module.exports = require('stream').Writable;
