'use strict';

// Node's worker_threads as the main thread sees it: message channels, broadcast channels,
// environment data, and the facts of being the main thread. Worker threads themselves
// (a second QuickJS runtime on its own loop) are not here yet: `new Worker()` throws
// ERR_FEATURE_UNAVAILABLE_ON_PLATFORM.

const { codes } = require('internal/errors');
const { MessageChannel, MessagePort, BroadcastChannel, receiveMessageOnPort } = require('internal/messaging');

const environmentData = new Map();
const untransferable = new WeakSet();

class Worker {
  constructor() {
    throw new codes.ERR_FEATURE_UNAVAILABLE_ON_PLATFORM('worker_threads.Worker');
  }
}

function markAsUntransferable(object) {
  if ((typeof object === 'object' && object !== null) || typeof object === 'function') untransferable.add(object);
}

function isMarkedAsUntransferable(object) {
  return untransferable.has(object);
}

module.exports = {
  isMainThread: true,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  isMarkedAsUntransferable,
  receiveMessageOnPort,
  resourceLimits: {},
  threadId: 0,
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
  Worker,
  parentPort: null,
  workerData: null,
  BroadcastChannel,
  setEnvironmentData(key, value) {
    if (value === undefined) environmentData.delete(key);
    else environmentData.set(key, value);
  },
  getEnvironmentData(key) {
    return environmentData.get(key);
  },
};
