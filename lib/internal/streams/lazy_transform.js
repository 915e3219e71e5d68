'use strict';

// Like Node's LazyTransform: a Transform whose stream state is made on first stream use,
// so that a hash's or cipher's plain update()/digest() pays nothing for it.

const { Transform } = require('stream');

function LazyTransform(options) {
  this._options = options;
}
Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
Object.setPrototypeOf(LazyTransform, Transform);
for (const name of ['_readableState', '_writableState', '_transformState']) {
  Object.defineProperty(LazyTransform.prototype, name, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      Transform.call(this, this._options);
      this._writableState.decodeStrings = false;
      return this[name];
    },
    set(value) {
      Object.defineProperty(this, name, { __proto__: null, value, enumerable: true, configurable: true, writable: true });
    },
  });
}

module.exports = LazyTransform;
