'use strict';
// The event loop, phase by phase as libuv runs Node's: timers → poll (I/O, pool
// completions, signals) → check (setImmediate) → close callbacks. The Rust side
// (internalBinding('event_loop')) owns epoll, the timer heap and the worker pool.
// Module-level bindings and what runs on every event are var (see internal/http/server.js).

var loop = internalBinding('event_loop');
var { processTicksAndRejections } = require('internal/process/task_queues');
var { bindContext, endCallback } = require('internal/async_context');

var EV_IO = 1;
var EV_POOL = 2;
var EV_SIGNAL = 3;
var EV_PARSED = 4;

// Handles that keep the loop alive: ref'd timers, watches and pool requests.
var refs = 0;
function ref() {
  refs++;
}
function unref() {
  refs--;
}

var watchers = new Map(); // token → { onReady(readiness), refed, last }
var poolRequests = new Map(); // id → { callback(err, value), hold }
var nextRequestId = 1;
var closeQueue = [];
var pendingQueue = [];
var pollQueue = [];

// Watches `fd` for `events` (EPOLL* bits); onReady(readiness) runs in the poll phase.
// `last`: onReady runs after the other events of its batch, as libuv handles signals (and
// so a child's exit) after the I/O that came with them: a child's last output, read in the
// same batch, is delivered before its 'exit' whichever became ready first.
function watch(fd, events, onReady, refed = true, last = false) {
  const token = loop.watch(fd, events);
  watchers.set(token, { onReady, refed, last });
  if (refed) ref();
  return token;
}

// Changes what a watch waits for.
function rewatch(token, events) {
  loop.rewatch(token, events);
}

function unwatch(token) {
  const w = watchers.get(token);
  if (w === undefined) return;
  watchers.delete(token);
  if (w.refed) unref();
  loop.unwatch(token);
}

// From now on the loop reads `fd` of watch `token` itself, as soon as it is readable and
// asked to be, and HTTP parser `parser` parses what came: onParsedRead(target, readiness,
// result) gets it (see net's onParsedRead). A parser of -1 ends it.
function readParsed(token, parser, target) {
  loop.readParsed(token, parser, target);
}

// Set by net: takes the reads the loop made for readParsed.
var onParsedRead = null;
function setParsedReader(fn) {
  onParsedRead = fn;
}

function setWatchRef(token, refed) {
  const w = watchers.get(token);
  if (w === undefined || w.refed === refed) return;
  w.refed = refed;
  if (refed) ref();
  else unref();
}

// Queues work on the pool: submit(id) starts it natively; callback(err, value) runs on
// the loop when it completes. `hold` (e.g. the buffers a read fills) stays referenced
// until then, so the memory the worker uses cannot be collected under it.
function poolRequest(submit, callback, hold) {
  const id = nextRequestId++;
  poolRequests.set(id, { callback: bindContext(callback), hold });
  ref();
  try {
    submit(id);
  } catch (err) {
    poolRequests.delete(id);
    unref();
    throw err;
  }
  return id;
}

// Runs `callback` in the next iteration's pending phase, before I/O is polled: where libuv
// reports errors it found synchronously (a failed connect) and results made without
// blocking work.
function defer(callback) {
  pendingQueue.push(callback);
}

// Runs `callback` in the next poll phase ahead of I/O events, where Node delivers the
// results of thread-pool work that finished at once (a hosts-file lookup).
function deferToPoll(callback) {
  pollQueue.push(callback);
}

function runPending() {
  if (pendingQueue.length === 0) return;
  const batch = pendingQueue.splice(0);
  for (const cb of batch) invoke(cb);
}

function onClose(callback) {
  closeQueue.push(callback);
}

function invoke(fn, a, b, c) {
  try {
    fn(a, b, c);
  } catch (err) {
    require('internal/process/execution').triggerUncaughtException(err, false);
  }
  processTicksAndRejections();
  endCallback();
}

// Writes held back while the rest of a batch of ready events is handled (see net's
// _writeNow). Each write to a peer that sleeps waiting for it wakes that peer, which costs
// a cross-CPU interrupt, several microseconds under virtualization; answering a batch of
// requests with one burst of writes wakes a busy client once instead of once per
// response. A lone event writes at once, so a lone request is answered as soon as it can
// be; a batch's writes go after its last event, to the writer thread (see net's
// writeBehind), and every kMaxHeldWrites writes, which bounds the delay a held response
// sees.
var kMaxHeldWrites = 32;
var heldWrites = [];
var holdingWrites = false;

// Whether the loop takes `socket`'s write for later: then socket._flushHeld() runs at the
// end of the batch (or on exit). A full list goes out before this write joins it: the
// caller stores the write on the socket only once this returns.
function holdWrite(socket) {
  if (!holdingWrites) return false;
  if (heldWrites.length >= kMaxHeldWrites) flushHeldWrites();
  heldWrites[heldWrites.length] = socket;
  return true;
}

// Set by net: takes the held writes of two or more sockets to the writer thread.
var writeBehind = null;
function setWriteBehind(fn) {
  writeBehind = fn;
}

// `betweenEvents`: called by dispatch, between the loop's callbacks, where the writes'
// callbacks may run at once (see net's _flushHeld); not given, false.
function flushHeldWrites(betweenEvents) {
  if (heldWrites.length === 0) return;
  var sockets = heldWrites;
  heldWrites = [];
  if (sockets.length > 1 && writeBehind !== null) {
    writeBehind(sockets);
    return;
  }
  for (var i = 0; i < sockets.length; i++) {
    try {
      sockets[i]._flushHeld(betweenEvents);
    } catch (err) {
      require('internal/process/execution').triggerUncaughtException(err, false);
    }
    // What a write's callback queued runs before the next one, as after any callback.
    if (betweenEvents) processTicksAndRejections();
  }
}

// The loop's time in ms as of this iteration's clock reads (libuv's uv_now): what idle
// and request timeouts count from, with no clock read of their own.
var loopTime = loop.now();
function now() {
  return loopTime;
}

// `events` is loop.poll()'s flat list: the loop's time, then four slots per event (kind,
// id, two values).
function dispatch(events) {
  holdingWrites = events.length > 5;
  var lastEvents = null;
  for (var i = 1; i < events.length; i += 4) {
    switch (events[i]) {
      case EV_PARSED:
        invoke(onParsedRead, events[i + 1], events[i + 2], events[i + 3]);
        break;
      case EV_IO: {
        var w = watchers.get(events[i + 1]);
        if (w === undefined) break;
        if (w.last) (lastEvents ??= []).push(events[i + 1], events[i + 2]);
        else invoke(w.onReady, events[i + 2]);
        break;
      }
      case EV_POOL: {
        var id = events[i + 1];
        var req = poolRequests.get(id);
        if (req !== undefined) {
          poolRequests.delete(id);
          unref();
          invoke(req.callback, events[i + 2], events[i + 3]);
        }
        break;
      }
      case EV_SIGNAL: {
        const num = events[i + 1];
        const name = signalName(num);
        if (name) invoke(() => process.emit(name, name, num));
        break;
      }
    }
  }
  if (lastEvents !== null) {
    for (var j = 0; j < lastEvents.length; j += 2) {
      var lw = watchers.get(lastEvents[j]);
      if (lw !== undefined) invoke(lw.onReady, lastEvents[j + 1]);
    }
  }
  holdingWrites = false;
  flushHeldWrites(true);
}

function signalName(num) {
  const { signalNumbers } = require('internal/process/setup');
  for (const name in signalNumbers) if (signalNumbers[name] === num) return name;
  return undefined;
}

// Latest first, as libuv runs the close callbacks of the handles closed in one iteration:
// of two sockets destroyed in one turn, the second's 'close' comes first, as in Node.
function runCloseCallbacks() {
  while (closeQueue.length > 0) {
    const batch = closeQueue.splice(0);
    for (let i = batch.length - 1; i >= 0; i--) invoke(batch[i]);
  }
}

// Whether anything can still make the loop do work.
function isAlive(timers) {
  return refs > 0 || timers.refedTimers() > 0 || timers.hasRefedImmediates() || closeQueue.length > 0 ||
    pendingQueue.length > 0 || pollQueue.length > 0;
}

// `fromPoll`: start as if the entry ran in the poll phase (as Node runs an ES module entry
// from a promise job), so the first turn goes on to immediates before any timer.
function run(fromPoll = false) {
  const timers = require('internal/timers');
  let skipTimers = fromPoll;
  for (;;) {
    if (!isAlive(timers)) {
      if (!process._exiting) {
        try {
          process.emit('beforeExit', process.exitCode || 0);
        } catch (err) {
          require('internal/process/execution').triggerUncaughtException(err, false);
        }
        processTicksAndRejections();
      }
      if (!isAlive(timers)) return;
    }
    loopTime = loop.updateTime();
    if (skipTimers) skipTimers = false;
    else timers.runTimers();
    runPending();
    const block = isAlive(timers) && !timers.hasImmediates() && closeQueue.length === 0 && pendingQueue.length === 0 &&
      pollQueue.length === 0;
    const events = loop.poll(block);
    loopTime = events[0];
    if (pollQueue.length > 0) {
      const batch = pollQueue.splice(0);
      for (const cb of batch) invoke(cb);
    }
    dispatch(events);
    timers.runImmediates();
    runCloseCallbacks();
  }
}

module.exports = {
  run, now, ref, unref, watch, rewatch, unwatch, defer, deferToPoll, setWatchRef, poolRequest, onClose, invoke,
  holdWrite, flushHeldWrites, setWriteBehind, readParsed, setParsedReader,
};
