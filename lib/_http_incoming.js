'use strict';
// _http_incoming: Node's older name for the incoming message (see http.IncomingMessage),
// with the helpers that pause and resume a message's socket.

const { IncomingMessage } = require('internal/http/incoming');

function readStart(socket) {
  if (socket && !socket._paused && socket.readable) socket.resume();
}

function readStop(socket) {
  if (socket) socket.pause();
}

module.exports = { IncomingMessage, readStart, readStop };
