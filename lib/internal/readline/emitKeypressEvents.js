'use strict';

// readline.emitKeypressEvents(stream[, interface]): makes `stream` emit
// 'keypress' (sequence, key) events for its input, once someone listens for
// them. An escape sequence split across chunks is completed from the next
// one; a lone ESC is reported as the escape key after the interface's
// escapeCodeTimeout (500 ms by default).

const { StringDecoder } = require('string_decoder');
const { parseKeys } = require('internal/readline/utils');

const kKeypressDecoder = Symbol('keypress-decoder');
const kEscapeCodeTimeout = 500;

function emitKeypressEvents(stream, iface = {}) {
  if (stream[kKeypressDecoder]) return;
  const decoder = new StringDecoder('utf8');
  stream[kKeypressDecoder] = decoder;
  let pending = '';
  let timer = null;

  const emit = (sequence, key) => stream.emit('keypress', sequence, key);

  function feed(text) {
    clearTimeout(timer);
    pending += text;
    pending = pending.slice(parseKeys(pending, emit));
    if (pending === '') return;
    // An unfinished escape sequence: wait for the rest, but not forever.
    timer = setTimeout(() => {
      const rest = pending;
      pending = '';
      emit(undefined, { sequence: '\x1b', name: 'escape', ctrl: false, meta: true, shift: false });
      if (rest.length > 1) feed(rest.slice(1));
    }, iface.escapeCodeTimeout ?? kEscapeCodeTimeout);
  }

  function onData(input) {
    if (stream.listenerCount('keypress') > 0) {
      const text = decoder.write(input);
      if (text) feed(text);
    } else {
      // Nobody listens any more: stop decoding until someone does.
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
    }
  }

  function onNewListener(event) {
    if (event !== 'keypress') return;
    stream.on('data', onData);
    stream.removeListener('newListener', onNewListener);
  }

  if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
  else stream.on('newListener', onNewListener);
}

module.exports = emitKeypressEvents;
