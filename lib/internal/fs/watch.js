'use strict';
// fs.watch over inotify: an FSWatcher per call, its descriptor watched by the event loop.

const EventEmitter = require('events');
const binding = internalBinding('fs_event_wrap');
const eventLoop = require('internal/event_loop');
const path = require('path');

const EPOLLIN = 0x001;

class FSWatcher extends EventEmitter {
  #fd = -1;
  #token = 0;
  #refed = true;

  start(filename, persistent, encoding) {
    this.#fd = binding.start(filename);
    const base = path.basename(filename);
    this.#token = eventLoop.watch(this.#fd, EPOLLIN, () => {
      for (const [eventType, name] of binding.read(this.#fd)) {
        let shown = name || base;
        if (encoding === 'buffer') shown = require('buffer').Buffer.from(shown);
        this.emit('change', eventType, shown);
      }
    }, persistent);
    this.#refed = persistent;
  }

  close() {
    if (this.#fd === -1) return;
    eventLoop.unwatch(this.#token);
    internalBinding('fs').close(this.#fd);
    this.#fd = -1;
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    if (this.#fd !== -1 && !this.#refed) eventLoop.setWatchRef(this.#token, (this.#refed = true));
    return this;
  }

  unref() {
    if (this.#fd !== -1 && this.#refed) eventLoop.setWatchRef(this.#token, (this.#refed = false));
    return this;
  }
}

function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (typeof options === 'string') {
    options = { encoding: options };
  }
  options = options || {};
  const watcher = new FSWatcher();
  watcher.start(filename, options.persistent !== false, options.encoding);
  if (listener) watcher.on('change', listener);
  if (options.signal) {
    if (options.signal.aborted) process.nextTick(() => watcher.close());
    else options.signal.addEventListener('abort', () => watcher.close(), { once: true });
  }
  return watcher;
}

module.exports = { watch, FSWatcher };
