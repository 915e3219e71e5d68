'use strict';

// Node's worker_threads: Worker threads (internal/worker: a runtime per thread, messages
// as V8-serialized bytes), and message channels, broadcast channels and environment data
// within a thread.

const { MessageChannel, MessagePort, BroadcastChannel, receiveMessageOnPort } = require('internal/messaging');
const worker = require('internal/worker');

const environmentData = new Map();
const untransferable = new WeakSet();

function markAsUntransferable(object) {
  if ((typeof object === 'object' && object !== null) || typeof object === 'function') untransferable.add(object);
}

function isMarkedAsUntransferable(object) {
  return untransferable.has(object);
}

module.exports = {
  isMainThread: worker.isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  isMarkedAsUntransferable,
  receiveMessageOnPort,
  resourceLimits: {},
  threadId: worker.threadId,
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
  Worker: worker.Worker,
  get parentPort() {
    return worker.parentPort;
  },
  get workerData() {
    return worker.workerData;
  },
  BroadcastChannel,
  setEnvironmentData(key, value) {
    if (value === undefined) environmentData.delete(key);
    else environmentData.set(key, value);
  },
  getEnvironmentData(key) {
    return environmentData.get(key);
  },
};
