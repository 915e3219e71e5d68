'use strict';

// The module tls's sockets and servers were made in before `tls` exported them all; some
// packages still require it by name.

const { TLSSocket, Server, createServer, connect } = require('tls');

module.exports = { TLSSocket, Server, createServer, connect };
