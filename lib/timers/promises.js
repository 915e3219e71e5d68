'use strict';
// timers/promises: setTimeout, setImmediate and setInterval as promises / async iterators.

const timers = require('internal/timers');

function abortError(signal) {
  const { AbortError } = require('internal/errors');
  return new AbortError(undefined, { cause: signal.reason });
}

function setTimeout(delay, value, options = {}) {
  const { signal, ref = true } = options;
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const t = timers.setTimeout(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    }, delay);
    if (!ref) t.unref();
    function onAbort() {
      timers.clearTimeout(t);
      reject(abortError(signal));
    }
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

function setImmediate(value, options = {}) {
  const { signal, ref = true } = options;
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const i = timers.setImmediate(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (!ref) i.unref();
    function onAbort() {
      timers.clearImmediate(i);
      reject(abortError(signal));
    }
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function* setInterval(delay, value, options = {}) {
  const { signal, ref = true } = options;
  if (signal && signal.aborted) throw abortError(signal);
  let pending = 0;
  let wake = null;
  const iv = timers.setInterval(() => {
    pending++;
    if (wake) wake();
  }, delay);
  if (!ref) iv.unref();
  const onAbort = () => { if (wake) wake(); };
  if (signal) signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (signal && signal.aborted) throw abortError(signal);
      if (pending === 0) {
        await new Promise((r) => { wake = r; });
        wake = null;
        continue;
      }
      pending--;
      yield value;
    }
  } finally {
    timers.clearInterval(iv);
    if (signal) signal.removeEventListener('abort', onAbort);
  }
}

const scheduler = {
  wait: (delay, options) => setTimeout(delay, undefined, options),
  yield: () => setImmediate(),
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
