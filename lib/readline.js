'use strict';

// The `readline` module: line-by-line reading from a stream, with line
// editing on a terminal, and the cursor helpers. The Interface lives in
// internal/readline/interface; `readline/promises` is the promise flavour.

const { Interface: InternalInterface, InterfaceConstructor } = require('internal/readline/interface');
const { cursorTo, moveCursor, clearLine, clearScreenDown } = require('internal/readline/callbacks');
const emitKeypressEvents = require('internal/readline/emitKeypressEvents');

// Callable without `new`, and on an object of a subclass made the old way
// (util.inherits + Interface.call(this, ...)).
function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  InterfaceConstructor.call(this, input, output, completer, terminal);
  return undefined;
}
Object.setPrototypeOf(Interface.prototype, InternalInterface.prototype);
Object.setPrototypeOf(Interface, InternalInterface);

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
};

let promises;
Object.defineProperty(module.exports, 'promises', {
  get() {
    return (promises ??= require('readline/promises'));
  },
  enumerable: true,
  configurable: true,
});
