'use strict';
// _stream_readable: Node's older name for stream.Readable (the class itself).

module.exports = require('stream').Readable;
