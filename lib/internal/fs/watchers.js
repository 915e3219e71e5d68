'use strict';

// fs.watchFile / fs.unwatchFile: polling with stat(), as libuv's fs_poll
// does for Node. One StatWatcher per resolved path, shared by every
// watchFile() call on it. The listener gets (current, previous) Stats when
// a poll finds the file changed, gone or back; a missing file reads as
// all-zero Stats, and "previous" is always the last Stats seen. A file
// missing from the start is reported once too. The comparison is libuv's:
// times (not atime), size, mode, owner, inode and device.

const EventEmitter = require('events');
const pathModule = require('path');
const binding = require('internal/fs/binding');
const {
  validateFunction,
  validateUint32,
  getValidatedPath,
  getStatsFromBinding,
} = require('internal/fs/utils');

const kZeroStats = new Float64Array(18);
const kComparedFields = [0, 1, 3, 4, 7, 8, 12, 13, 14, 15, 16, 17];

function sameStats(a, b) {
  return kComparedFields.every((i) => a[i] === b[i]);
}

class StatWatcher extends EventEmitter {
  #bigint;
  #timer = null;
  #interval = 0;
  #path = '';
  #prev = kZeroStats; // the last successful stat()
  #state = 'first'; // 'first' until a poll completes, then 'ok' or 'error'
  #stopped = false;
  // watchFile() calls holding the process open, and how many could.
  #refs = 0;
  #maxRefs = 0;

  constructor(bigint) {
    super();
    this.#bigint = Boolean(bigint);
  }

  start(path, persistent, interval) {
    validateUint32(interval, 'interval');
    this.#path = path;
    this.#interval = interval;
    if (persistent) this.#refs = this.#maxRefs = 1;
    this.#poll();
  }

  #poll() {
    const started = Date.now();
    binding.stat(this.#path, (err, array) => {
      if (this.#stopped) return;
      if (err) this.#onError();
      else this.#onStats(array);
      // The next poll is due `interval` after this one began.
      this.#schedule(Math.max(0, this.#interval - (Date.now() - started)));
    });
  }

  #schedule(delay) {
    this.#timer = setTimeout(() => this.#poll(), delay);
    if (this.#refs === 0) this.#timer.unref();
  }

  // The first successful poll only records the state.
  #onStats(array) {
    if (this.#state === 'error' || (this.#state === 'ok' && !sameStats(this.#prev, array))) {
      this.#emitChange(array, this.#prev);
    }
    this.#prev = array;
    this.#state = 'ok';
  }

  // Reported once, until a poll succeeds again.
  #onError() {
    if (this.#state !== 'error') this.#emitChange(kZeroStats, this.#prev);
    this.#state = 'error';
  }

  #emitChange(curr, prev) {
    this.emit('change', getStatsFromBinding(curr, this.#bigint), getStatsFromBinding(prev, this.#bigint));
  }

  stop() {
    if (this.#stopped) return;
    this.#stopped = true;
    clearTimeout(this.#timer);
    process.nextTick(() => this.emit('stop'));
  }

  // Another watchFile() on the same path; or one of them going away.
  addRef() {
    this.#refs++;
    this.#maxRefs++;
    this.#timer?.ref();
  }

  dropRef() {
    this.#maxRefs--;
    this.unref();
  }

  dropAllRefs() {
    this.#refs = this.#maxRefs = 0;
    this.#timer?.unref();
  }

  ref() {
    if (this.#refs < this.#maxRefs && ++this.#refs === 1) this.#timer?.ref();
    return this;
  }

  unref() {
    if (this.#refs > 0 && --this.#refs === 0) this.#timer?.unref();
    return this;
  }
}

const statWatchers = new Map();

function watchFile(filename, options, listener) {
  filename = pathModule.resolve(getValidatedPath(filename));
  if (options === null || typeof options !== 'object') {
    listener = options;
    options = null;
  }
  options = { interval: 5007, persistent: true, ...options };
  validateFunction(listener, 'listener');
  let watcher = statWatchers.get(filename);
  if (watcher === undefined) {
    watcher = new StatWatcher(options.bigint);
    watcher.start(filename, options.persistent, options.interval);
    statWatchers.set(filename, watcher);
  } else {
    watcher.addRef();
  }
  watcher.addListener('change', listener);
  return watcher;
}

function unwatchFile(filename, listener) {
  filename = pathModule.resolve(getValidatedPath(filename));
  const watcher = statWatchers.get(filename);
  if (watcher === undefined) return;
  if (typeof listener === 'function') {
    const before = watcher.listenerCount('change');
    watcher.removeListener('change', listener);
    if (watcher.listenerCount('change') < before) watcher.dropRef();
  } else {
    watcher.removeAllListeners('change');
    watcher.dropAllRefs();
  }
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    statWatchers.delete(filename);
  }
}

module.exports = { StatWatcher, watchFile, unwatchFile };
