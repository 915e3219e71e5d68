'use strict';
// _stream_transform: Node's older name for stream.Transform (the class itself).

module.exports = require('stream').Transform;
