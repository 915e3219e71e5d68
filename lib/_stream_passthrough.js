'use strict';
// _stream_passthrough: Node's older name for stream.PassThrough (the class itself).

module.exports = require('stream').PassThrough;
