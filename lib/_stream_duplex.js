'use strict';
// _stream_duplex: Node's older name for stream.Duplex (the class itself).

module.exports = require('stream').Duplex;
