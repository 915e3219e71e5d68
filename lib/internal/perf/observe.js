'use strict';
// The performance entries Node's net, dns and http make ('net' connect, 'dns' lookups and
// queries, 'http' HttpRequest and HttpClient), made only while a PerformanceObserver
// observes their type: perf_hooks records here which types are, so that with no observer
// a connect, lookup or request pays one property read and nothing loads perf_hooks.

// Read directly (observed.http) where a request pays for the call hasObserver would be.
const observed = { __proto__: null, net: false, dns: false, http: false };
// Set by perf_hooks when it loads: (name, type, startTime, detail) → the entry, enqueued.
let enqueueNodeEntry = null;
let now = null;

function connect(enqueue, clock) {
  enqueueNodeEntry = enqueue;
  now = clock;
}

function setObserved(type, yes) {
  observed[type] = yes;
}

function hasObserver(type) {
  return observed[type] === true;
}

// The start of an entry: its name, type and detail, and the time.
function startPerf(name, type, detail) {
  return { name, type, detail, startTime: now() };
}

// Ends the entry `started` began, with `detail` added to what it started with (dropped
// when nobody observes its type any more).
function stopPerf(started, detail) {
  if (!hasObserver(started.type)) return;
  enqueueNodeEntry(started.name, started.type, started.startTime, { ...started.detail, ...detail });
}

module.exports = { connect, setObserved, hasObserver, startPerf, stopPerf, observed };
