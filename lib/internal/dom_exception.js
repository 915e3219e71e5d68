'use strict';

// DOMException (WebIDL), the error type of the web APIs: AbortSignal reasons,
// structuredClone's DataCloneError, the User Timing SyntaxError, ...
//
// QuickJS-ng has a native DOMException, but it lacks the options form of the
// constructor and Node's shape, so the runtime installs this one instead.
// As in Node, an instance owns only `stack` (and `cause` when one is given):
// name, message and code are brand-checked getters on the prototype, and
// the prototype chains to Error.prototype without the instance being a
// native error (util.types.isNativeError() is false).

// Error names with a legacy numeric code; every other name has code 0.
const kLegacyCodes = {
  __proto__: null,
  IndexSizeError: 1,
  HierarchyRequestError: 3,
  WrongDocumentError: 4,
  InvalidCharacterError: 5,
  NoModificationAllowedError: 7,
  NotFoundError: 8,
  NotSupportedError: 9,
  InUseAttributeError: 10,
  InvalidStateError: 11,
  SyntaxError: 12,
  InvalidModificationError: 13,
  NamespaceError: 14,
  InvalidAccessError: 15,
  TypeMismatchError: 17,
  SecurityError: 18,
  NetworkError: 19,
  AbortError: 20,
  URLMismatchError: 21,
  QuotaExceededError: 22,
  TimeoutError: 23,
  InvalidNodeTypeError: 24,
  DataCloneError: 25,
};

// The legacy constants, exposed on both the constructor and the prototype.
// Three of them (codes 2, 6 and 16) belong to no error name.
const kConstants = [
  ['INDEX_SIZE_ERR', 1], ['DOMSTRING_SIZE_ERR', 2], ['HIERARCHY_REQUEST_ERR', 3],
  ['WRONG_DOCUMENT_ERR', 4], ['INVALID_CHARACTER_ERR', 5], ['NO_DATA_ALLOWED_ERR', 6],
  ['NO_MODIFICATION_ALLOWED_ERR', 7], ['NOT_FOUND_ERR', 8], ['NOT_SUPPORTED_ERR', 9],
  ['INUSE_ATTRIBUTE_ERR', 10], ['INVALID_STATE_ERR', 11], ['SYNTAX_ERR', 12],
  ['INVALID_MODIFICATION_ERR', 13], ['NAMESPACE_ERR', 14], ['INVALID_ACCESS_ERR', 15],
  ['VALIDATION_ERR', 16], ['TYPE_MISMATCH_ERR', 17], ['SECURITY_ERR', 18], ['NETWORK_ERR', 19],
  ['ABORT_ERR', 20], ['URL_MISMATCH_ERR', 21], ['QUOTA_EXCEEDED_ERR', 22], ['TIMEOUT_ERR', 23],
  ['INVALID_NODE_TYPE_ERR', 24], ['DATA_CLONE_ERR', 25],
];

// Node's DOMException reports a bad receiver with this exact wording, which
// differs from the shared ERR_INVALID_THIS message.
function invalidThis() {
  const err = new TypeError('Value of "this" must be of DOMException');
  err.code = 'ERR_INVALID_THIS';
  return err;
}

class DOMException {
  #name;
  #message;

  // `options` is either the name or, as in Node, a { name, cause } bag.
  constructor(message = '', options = 'Error') {
    this.#message = `${message}`;
    const bag = options !== null && typeof options === 'object';
    this.#name = `${bag ? options.name : options}`;
    // Once the name is set, so that the stack starts "Name: message"; the
    // constructor frames are left out.
    Error.captureStackTrace(this, new.target);
    if (bag && 'cause' in options) {
      Object.defineProperty(this, 'cause', {
        value: options.cause, writable: true, enumerable: false, configurable: true,
      });
    }
  }

  static #check(value) {
    if (value === null || typeof value !== 'object' || !(#name in value)) throw invalidThis();
  }

  get name() {
    DOMException.#check(this);
    return this.#name;
  }

  get message() {
    DOMException.#check(this);
    return this.#message;
  }

  get code() {
    DOMException.#check(this);
    return kLegacyCodes[this.#name] ?? 0;
  }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
for (const key of ['name', 'message', 'code']) {
  Object.defineProperty(DOMException.prototype, key, { enumerable: true });
}
for (const [key, value] of kConstants) {
  const descriptor = { value, writable: false, enumerable: true, configurable: false };
  Object.defineProperty(DOMException, key, descriptor);
  Object.defineProperty(DOMException.prototype, key, descriptor);
}
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, {
  value: 'DOMException', writable: false, enumerable: false, configurable: true,
});

module.exports = { DOMException };
