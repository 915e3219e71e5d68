'use strict';
// Keys of what lib/events.js shares with the rest of the runtime and not with users.

module.exports = {
  // EventEmitter[kEmitTwo](emitter, type, a, b): see emitTwo in lib/events.js.
  kEmitTwo: Symbol('kEmitTwo'),
};
