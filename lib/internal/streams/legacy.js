'use strict';

// The legacy Stream base class: an EventEmitter with the old pipe() that
// predates Readable. Readable, Writable and Duplex all inherit from it, and
// old-style streams (anything emitting 'data'/'end' with a `readable` flag)
// can still be piped through it.
//
// These are plain constructor functions rather than classes, since a great
// deal of code subclasses streams the pre-ES2015 way
// (`Stream.call(this); util.inherits(MyStream, Stream)`).

const EventEmitter = require('events');

function Stream(opts) {
  EventEmitter.call(this, opts);
}
Object.setPrototypeOf(Stream.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Stream, EventEmitter);

Stream.prototype.pipe = function pipe(dest, options) {
  const source = this;

  function ondata(chunk) {
    if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
  }
  source.on('data', ondata);

  function ondrain() {
    if (source.readable && source.resume) source.resume();
  }
  dest.on('drain', ondrain);

  // stdio is never ended by a pipe.
  if (!dest._isStdio && (!options || options.end !== false)) {
    source.on('end', onend);
    source.on('close', onclose);
  }

  let didOnEnd = false;
  function onend() {
    if (didOnEnd) return;
    didOnEnd = true;
    dest.end();
  }
  function onclose() {
    if (didOnEnd) return;
    didOnEnd = true;
    if (typeof dest.destroy === 'function') dest.destroy();
  }

  // An error on either end stops the pipe; if nobody else handles it, it is
  // thrown as an unhandled stream error.
  function onerror(er) {
    cleanup();
    if (EventEmitter.listenerCount(this, 'error') === 0) throw er;
  }
  prependListener(source, 'error', onerror);
  prependListener(dest, 'error', onerror);

  function cleanup() {
    source.removeListener('data', ondata);
    dest.removeListener('drain', ondrain);
    source.removeListener('end', onend);
    source.removeListener('close', onclose);
    source.removeListener('error', onerror);
    dest.removeListener('error', onerror);
    source.removeListener('end', cleanup);
    source.removeListener('close', cleanup);
    dest.removeListener('close', cleanup);
  }
  source.on('end', cleanup);
  source.on('close', cleanup);
  dest.on('close', cleanup);

  dest.emit('pipe', source);
  return dest;
};

// Puts `fn` first in line for `event`, also on emitters that predate
// prependListener() (whose `_events` lists are then edited directly).
function prependListener(emitter, event, fn) {
  if (typeof emitter.prependListener === 'function') {
    emitter.prependListener(event, fn);
    return;
  }
  const existing = emitter._events?.[event];
  if (!existing) emitter.on(event, fn);
  else if (Array.isArray(existing)) existing.unshift(fn);
  else emitter._events[event] = [fn, existing];
}

module.exports = { Stream, prependListener };
