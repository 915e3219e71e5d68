'use strict';
// Timeout and Immediate objects. Deadlines live in the Rust timer heap (by id); this side
// keeps the objects, their ref state and the setImmediate queue.
// Module-level bindings are var (see internal/http/server.js).

var loop = internalBinding('event_loop');
var eventLoop = require('internal/event_loop');
var { processTicksAndRejections } = require('internal/process/task_queues');
var { bindContext, endCallback } = require('internal/async_context');

var TIMEOUT_MAX = 2 ** 31 - 1;
var kId = Symbol('timerId');
var kRefed = Symbol('refed');

var active = new Map(); // id → Timeout, while armed
var refedCount = 0;
var nextId = 1;

function triggerUncaught(err) {
  require('internal/process/execution').triggerUncaughtException(err, false);
}

function validateCallback(cb) {
  if (typeof cb !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', cb);
  }
}

function normalizeDelay(after) {
  after *= 1;
  if (!(after >= 1 && after <= TIMEOUT_MAX)) {
    if (after > TIMEOUT_MAX) {
      process.emitWarning(`${after} does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.`, 'TimeoutOverflowWarning');
    }
    after = 1;
  }
  return after;
}

// The duration of a stream's or socket's idle timeout (Node's getTimerDuration): a finite
// number of ms ≥ 0, capped with a warning at what a timer can hold.
function getTimerDuration(msecs, name) {
  const { codes, validateNumber } = require('internal/errors');
  validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new codes.ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.\nTimer duration was truncated to ${TIMEOUT_MAX}.`, 'TimeoutOverflowWarning');
    return TIMEOUT_MAX;
  }
  return msecs;
}

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    this._idleTimeout = normalizeDelay(after);
    this._onTimeout = bindContext(callback);
    this._timerArgs = args;
    this._repeat = isRepeat ? this._idleTimeout : null;
    this._destroyed = false;
    this[kId] = nextId++;
    this[kRefed] = isRefed;
    arm(this);
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (active.has(this[kId])) refedCount++;
    }
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (active.has(this[kId])) refedCount--;
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  refresh() {
    if (!this._destroyed) arm(this);
    return this;
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.toPrimitive]() {
    return this[kId];
  }
}

// No timer is due before this loop time (ms): the timers phase asks the native heap only
// from then on. Never later than the heap's earliest deadline; a timer stopped since may
// leave it earlier, which costs one needless look.
var earliestDeadline = Infinity;

// `fromLoopTime`: the delay counts from the loop's cached time, not a fresh clock read.
function arm(timer, fromLoopTime = false) {
  const id = timer[kId];
  if (!active.has(id)) {
    active.set(id, timer);
    if (timer[kRefed]) refedCount++;
  }
  const deadline = loop.timerStart(id, timer._idleTimeout, fromLoopTime);
  if (deadline < earliestDeadline) earliestDeadline = deadline;
}

function disarm(timer) {
  const id = timer[kId];
  if (active.delete(id) && timer[kRefed]) refedCount--;
  loop.timerStop(id);
}

// Arms a cleared or fired timer again with a new delay from the loop's time, keeping its
// callback and ref state: a socket's idle timer, restarted on every request of a
// keep-alive connection, where a clock read per request would show.
function restart(timer, after) {
  timer._idleTimeout = normalizeDelay(after);
  timer._destroyed = false;
  arm(timer, true);
}

function setTimeout(callback, after, ...args) {
  validateCallback(callback);
  return new Timeout(callback, after, args, false, true);
}

function setInterval(callback, repeat, ...args) {
  validateCallback(callback);
  return new Timeout(callback, repeat, args, true, true);
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._destroyed = true;
    disarm(timer);
  } else if (typeof timer === 'number' || typeof timer === 'string') {
    const t = active.get(+timer);
    if (t !== undefined) clearTimeout(t);
  }
}

// Timers phase: every timer due at the loop's cached time, earliest first.
function runTimers() {
  if (eventLoop.now() < earliestDeadline) return;
  let id;
  while ((id = loop.nextDueTimer()) !== 0) {
    const timer = active.get(id);
    if (timer === undefined) continue;
    active.delete(id);
    if (timer[kRefed]) refedCount--;
    try {
      const args = timer._timerArgs;
      if (args.length === 0) timer._onTimeout();
      else Reflect.apply(timer._onTimeout, timer, args);
    } catch (err) {
      rearmIfRepeating(timer);
      triggerUncaught(err);
      processTicksAndRejections();
      endCallback();
      continue;
    }
    rearmIfRepeating(timer);
    processTicksAndRejections();
    endCallback();
  }
  earliestDeadline = loop.nextDeadline();
}

function rearmIfRepeating(timer) {
  if (timer._repeat !== null && !timer._destroyed) {
    timer._idleTimeout = timer._repeat;
    arm(timer);
  } else if (!active.has(timer[kId])) {
    timer._destroyed = true;
  }
}

// setImmediate: a FIFO run in the check phase; immediates queued while it runs wait for
// the next iteration.
var immediateQueue = [];
var refedImmediates = 0;
// Immediates queued and not yet run or cleared (refed or not): whether the loop may block.
var pendingImmediates = 0;

class Immediate {
  constructor(callback, args) {
    this._onImmediate = bindContext(callback);
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = true;
    refedImmediates++;
    pendingImmediates++;
    immediateQueue.push(this);
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) refedImmediates++;
    }
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) refedImmediates--;
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }
}

function setImmediate(callback, ...args) {
  validateCallback(callback);
  return new Immediate(callback, args);
}

function clearImmediate(immediate) {
  if (!immediate || immediate._destroyed || !(immediate instanceof Immediate)) return;
  immediate._destroyed = true;
  pendingImmediates--;
  if (immediate[kRefed]) refedImmediates--;
  immediate._onImmediate = null;
}

function runImmediates() {
  if (immediateQueue.length === 0) return;
  const batch = immediateQueue;
  immediateQueue = [];
  for (let i = 0; i < batch.length; i++) {
    const imm = batch[i];
    if (imm._destroyed) continue;
    imm._destroyed = true;
    pendingImmediates--;
    if (imm[kRefed]) refedImmediates--;
    try {
      const args = imm._argv;
      if (args.length === 0) imm._onImmediate();
      else Reflect.apply(imm._onImmediate, imm, args);
    } catch (err) {
      triggerUncaught(err);
    }
    processTicksAndRejections();
    endCallback();
  }
}

module.exports = {
  Timeout,
  getTimerDuration,
  restart,
  Immediate,
  setTimeout,
  setInterval,
  clearTimeout,
  clearInterval: clearTimeout,
  setImmediate,
  clearImmediate,
  runTimers,
  runImmediates,
  refedTimers: () => refedCount,
  hasImmediates: () => pendingImmediates > 0,
  hasRefedImmediates: () => refedImmediates > 0,
};
