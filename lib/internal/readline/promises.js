'use strict';

// readline/promises: Readline, which queues cursor and clearing commands for
// a stream and writes them on commit() (or each on the next tick, with
// autoCommit), and the Interface whose question() returns a promise.

const { CSI } = require('internal/readline/utils');
const { Interface: InternalInterface, kQuestion, kQuestionCancel } = require('internal/readline/interface');

let errorsModule;
const errors = () => (errorsModule ??= require('internal/errors'));

class Readline {
  #stream;
  #autoCommit = false;
  #todo = [];

  constructor(stream, options = undefined) {
    if (typeof stream?.write !== 'function') {
      throw new (errors().codes.ERR_INVALID_ARG_TYPE)('stream', 'Writable', stream);
    }
    this.#stream = stream;
    if (options?.autoCommit != null) {
      errors().validateBoolean(options.autoCommit, 'options.autoCommit');
      this.#autoCommit = options.autoCommit;
    }
  }

  #queue(data) {
    if (this.#autoCommit) process.nextTick(() => this.#stream.write(data));
    else this.#todo.push(data);
    return this;
  }

  cursorTo(x, y = undefined) {
    errors().validateInteger(x, 'x');
    if (y != null) errors().validateInteger(y, 'y');
    return this.#queue(y == null ? CSI`${x + 1}G` : CSI`${y + 1};${x + 1}H`);
  }

  moveCursor(dx, dy) {
    if (!dx && !dy) return this;
    errors().validateInteger(dx, 'dx');
    errors().validateInteger(dy, 'dy');
    let data = '';
    if (dx < 0) data += CSI`${-dx}D`;
    else if (dx > 0) data += CSI`${dx}C`;
    if (dy < 0) data += CSI`${-dy}A`;
    else if (dy > 0) data += CSI`${dy}B`;
    return this.#queue(data);
  }

  // dir -1: to the start of the line; 1: to its end; 0: the whole line.
  clearLine(dir) {
    errors().validateInteger(dir, 'dir', -1, 1);
    return this.#queue(dir < 0 ? CSI.kClearToLineBeginning : dir > 0 ? CSI.kClearToLineEnd : CSI.kClearLine);
  }

  clearScreenDown() {
    return this.#queue(CSI.kClearScreenDown);
  }

  commit() {
    return new Promise((resolve) => {
      this.#stream.write(this.#todo.join(''), resolve);
      this.#todo = [];
    });
  }

  rollback() {
    this.#todo = [];
    return this;
  }
}

class Interface extends InternalInterface {
  // Resolves with the answer; an aborted signal rejects with an AbortError
  // (and cancels the question). A closed interface rejects.
  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      const signal = options?.signal;
      if (signal) {
        errors().validateAbortSignal(signal, 'options.signal');
        const abortError = () => new (errors().AbortError)(undefined, { cause: signal.reason });
        if (signal.aborted) {
          reject(abortError());
          return;
        }
        const onAbort = () => {
          this[kQuestionCancel]();
          reject(abortError());
        };
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this[kQuestion](query, cb);
    });
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, Readline, createInterface };
