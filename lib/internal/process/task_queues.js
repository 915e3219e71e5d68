'use strict';
// process.nextTick, queueMicrotask and promise-rejection tracking. After every callback
// the loop calls processTicksAndRejections(): the tick queue drains first, then the
// promise jobs, repeated until both are empty — Node's order.
// Module-level bindings and what runs on every event are var (see internal/http/server.js).

var { runMicrotasks, setPromiseRejectCallback } = internalBinding('contextify');
var { bindContext } = require('internal/async_context');

// Callbacks and their argument arrays, flat (callback, args, callback, args, ...): a tick
// costs no object of its own, and the common argument counts are called directly (a
// spread call goes through the iterator protocol in QuickJS).
var queue = [];
var head = 0;
var kNoArgs = [];

function nextTick(callback, ...args) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  if (process._exiting) return;
  queue.push(bindContext(callback), args.length === 0 ? kNoArgs : args);
}

function hasTickScheduled() {
  return head < queue.length;
}

function runTicks() {
  while (head < queue.length) {
    var callback = queue[head];
    var args = queue[head + 1];
    head += 2;
    try {
      switch (args.length) {
        case 0: callback(); break;
        case 1: callback(args[0]); break;
        case 2: callback(args[0], args[1]); break;
        case 3: callback(args[0], args[1], args[2]); break;
        default: Reflect.apply(callback, undefined, args);
      }
    } catch (err) {
      require('internal/process/execution').triggerUncaughtException(err, false);
    }
  }
  queue.length = 0;
  head = 0;
}

// Runs after every callback the loop makes, mostly with nothing queued: the checks are
// inline rather than calls.
function processTicksAndRejections() {
  do {
    if (head < queue.length) runTicks();
    runMicrotasks();
  } while (head < queue.length || (rejectionsPending && processPromiseRejections()));
}

function queueMicrotask(callback) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  // A throwing microtask is an uncaught exception, as in Node; the wrapper reports it
  // instead of leaving QuickJS to drop it.
  callback = bindContext(callback);
  Promise.resolve().then(() => {
    try {
      callback();
    } catch (err) {
      require('internal/process/execution').triggerUncaughtException(err, false);
    }
  });
}

// Rejections not yet handled when the queues drain become 'unhandledRejection'
// (or, with no listener, an uncaught exception: Node 20's default "throw" mode); those
// reported and handled later become 'rejectionHandled', once the queues drain again.
var pendingUnhandled = new Map();
var handledLate = [];
// Whether either list may hold something, read after every callback (a Map's size is a
// native getter call).
var rejectionsPending = false;
var reportedUnhandled = new WeakSet();

setPromiseRejectCallback(function onRejection(promise, reason, handled) {
  if (!handled) {
    pendingUnhandled.set(promise, reason);
    rejectionsPending = true;
  } else if (pendingUnhandled.has(promise)) {
    pendingUnhandled.delete(promise);
  } else if (reportedUnhandled.has(promise)) {
    reportedUnhandled.delete(promise);
    handledLate.push(promise);
    rejectionsPending = true;
  }
});

// Whether anything was reported (its listeners may have queued more).
function processPromiseRejections() {
  if (!rejectionsPending) return false;
  rejectionsPending = false;
  var reported = handledLate.length > 0;
  while (handledLate.length > 0) {
    try {
      process.emit('rejectionHandled', handledLate.shift());
    } catch (err) {
      require('internal/process/execution').triggerUncaughtException(err, false);
    }
  }
  if (pendingUnhandled.size === 0) return reported;
  const batch = Array.from(pendingUnhandled);
  pendingUnhandled.clear();
  for (const [promise, reason] of batch) {
    reportedUnhandled.add(promise);
    const mode = unhandledRejectionsMode();
    let handled = false;
    try {
      handled = process.emit('unhandledRejection', reason, promise);
    } catch (err) {
      require('internal/process/execution').triggerUncaughtException(err, false);
      continue;
    }
    if (!handled && mode !== 'none' && mode !== 'warn') {
      require('internal/process/execution').triggerUncaughtException(reason, true);
    } else if (!handled && mode === 'warn') {
      process.emitWarning(`Unhandled promise rejection: ${String(reason)}`, 'UnhandledPromiseRejectionWarning');
    }
  }
  return true;
}

var mode;
function unhandledRejectionsMode() {
  if (mode === undefined) {
    mode = require('internal/options').getOptionValue('--unhandled-rejections');
  }
  return mode;
}

module.exports = { nextTick, queueMicrotask, processTicksAndRejections, hasTickScheduled };
