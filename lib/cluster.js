'use strict';
// cluster: a primary that forks workers (child_process.fork with NODE_UNIQUE_ID) and
// workers whose servers listen on sockets the primary binds once per address and shares
// with every worker listening there (sent over the IPC channel): the kernel spreads the
// connections among the workers (Node's SCHED_NONE; SCHED_RR, where the primary accepts
// and hands out connections, is not there). Messages, events and the worker lifecycle
// follow Node 20.

const EventEmitter = require('events');
const {
  codes: { ERR_SOCKET_BAD_PORT },
} = require('internal/errors');

const SCHED_NONE = 1;
const SCHED_RR = 2;
const isWorker = process.env.NODE_UNIQUE_ID !== undefined;

const cluster = new EventEmitter();
cluster.isWorker = isWorker;
cluster.isMaster = !isWorker;
cluster.isPrimary = !isWorker;
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;
cluster.schedulingPolicy = SCHED_NONE;
cluster.Worker = Worker;

// Internal messages between primary and workers: { cmd: 'NODE_CLUSTER', act, … }.
function internal(message) {
  return { cmd: 'NODE_CLUSTER', ...message };
}

function isClusterMessage(message) {
  return message !== null && typeof message === 'object' && message.cmd === 'NODE_CLUSTER';
}

// --- Worker objects (both sides) -------------------------------------------------------

function Worker(options = {}) {
  if (!(this instanceof Worker)) return new Worker(options);
  EventEmitter.call(this);
  this.exitedAfterDisconnect = undefined;
  this.state = options.state || 'none';
  this.id = options.id | 0;
  this.process = options.process;
  if (this.process) {
    this.process.on('error', (err) => this.emit('error', err));
    this.process.on('message', (message, handle) => this.emit('message', message, handle));
  }
}
Object.setPrototypeOf(Worker.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Worker, EventEmitter);

Worker.prototype.send = function(...args) {
  return this.process.send(...args);
};

Worker.prototype.isDead = function() {
  return this.process.exitCode != null || this.process.signalCode != null;
};

Worker.prototype.isConnected = function() {
  return this.process.connected;
};

// --- Primary ---------------------------------------------------------------------------

let nextWorkerId = 0;
// Listening sockets the primary shares, by address key: { fd, users: Set of worker ids }.
const sharedSockets = new Map();

function setupPrimary(settings = {}) {
  cluster.settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...settings,
  };
  if (!cluster._setupEmitted) {
    cluster._setupEmitted = true;
    process.nextTick(() => cluster.emit('setup', cluster.settings));
  } else {
    cluster.emit('setup', cluster.settings);
  }
}

function fork(env) {
  setupPrimary();
  const id = ++nextWorkerId;
  const { fork: forkProcess } = require('child_process');
  const settings = cluster.settings;
  const child = forkProcess(settings.exec, settings.args, {
    cwd: settings.cwd,
    env: { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` },
    execArgv: settings.execArgv,
    silent: settings.silent,
    stdio: settings.stdio,
    uid: settings.uid,
    gid: settings.gid,
    serialization: settings.serialization,
    windowsHide: settings.windowsHide,
  });
  const worker = new Worker({ id, process: child });
  cluster.workers[id] = worker;
  let exited = false;
  let disconnected = false;
  const removeIfGone = () => {
    if (!exited && !disconnected) return;
    releaseShared(id);
    if (cluster.workers[id] === worker) delete cluster.workers[id];
    if (Object.keys(cluster.workers).length === 0) cluster.emit('_allGone');
  };
  child.on('internalMessage', (message, handle) => {
    if (isClusterMessage(message)) primaryReceive(worker, message, handle);
  });
  child.once('exit', (code, signal) => {
    exited = true;
    worker.state = 'dead';
    if (worker.exitedAfterDisconnect === undefined) worker.exitedAfterDisconnect = false;
    removeIfGone();
    worker.emit('exit', code, signal);
    cluster.emit('exit', worker, code, signal);
  });
  child.once('disconnect', () => {
    disconnected = true;
    worker.state = 'disconnected';
    if (worker.exitedAfterDisconnect === undefined) worker.exitedAfterDisconnect = false;
    removeIfGone();
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });
  worker.on('message', (message, handle) => cluster.emit('message', worker, message, handle));
  process.nextTick(() => cluster.emit('fork', worker));
  return worker;
}

function primaryReceive(worker, message) {
  switch (message.act) {
    case 'online':
      worker.state = 'online';
      worker.emit('online');
      cluster.emit('online', worker);
      break;
    case 'queryServer':
      shareServer(worker, message);
      break;
    case 'listening': {
      const address = { addressType: message.addressType, address: message.address, port: message.port };
      worker.state = 'listening';
      worker.emit('listening', address);
      cluster.emit('listening', worker, address);
      break;
    }
    case 'exitedAfterDisconnect':
      worker.exitedAfterDisconnect = true;
      worker.process.send(internal({ act: 'exitedAfterDisconnectAck', seq: message.seq }));
      break;
  }
}

// A worker asks for the socket of an address: made on the first ask, shared after.
function shareServer(worker, message) {
  const { address, port, addressType, flags, backlog, seq } = message;
  const key = `${address}:${port}:${addressType}:${flags}`;
  // (A port of 0 is random the first time, and that port is shared after, as in Node.)
  let shared = sharedSockets.get(key);
  if (shared === undefined) {
    const result = require('net')._createListenFd(address, port, addressType, flags, backlog);
    if (result.err !== undefined) {
      worker.process.send(internal({ act: 'queryServerReply', seq, errno: result.err }));
      return;
    }
    shared = { fd: result.fd, users: new Set() };
    sharedSockets.set(key, shared);
  }
  shared.users.add(worker.id);
  worker.process._sendDescriptor(internal({ act: 'queryServerReply', seq, errno: 0 }), shared.fd, () => {});
}

// A gone worker no longer needs its sockets; one nobody needs is closed.
function releaseShared(id) {
  for (const [key, shared] of sharedSockets) {
    if (!shared.users.delete(id) || shared.users.size > 0) continue;
    internalBinding('net').close(shared.fd);
    sharedSockets.delete(key);
  }
}

Worker.prototype.disconnect = function() {
  if (isWorker) return workerDisconnect(this);
  this.exitedAfterDisconnect = true;
  if (this.process.connected) this.process.send(internal({ act: 'disconnect' }));
  return this;
};

// From the primary, the signal (not a disconnect first: exitedAfterDisconnect stays
// false); from the worker itself, a disconnect and an exit.
Worker.prototype.destroy = Worker.prototype.kill = function(signal = 'SIGTERM') {
  if (isWorker) workerDestroy(this);
  else this.process.kill(signal);
};

function disconnectAll(callback) {
  const workers = Object.values(cluster.workers);
  if (typeof callback === 'function') {
    if (workers.length === 0) process.nextTick(callback);
    else cluster.once('_allGone', callback);
  }
  for (const worker of workers) {
    if (worker.isConnected()) worker.disconnect();
  }
}

// --- Worker side -----------------------------------------------------------------------

let nextSeq = 0;
const pendingQueries = new Map();
// The servers this worker listens with on shared sockets (closed when it disconnects).
const workerServers = new Set();

function setupWorker() {
  const worker = new Worker({ id: +process.env.NODE_UNIQUE_ID, process, state: 'online' });
  cluster.worker = worker;
  process.on('internalMessage', (message, handle) => {
    if (!isClusterMessage(message)) return;
    if (message.act === 'queryServerReply') {
      const callback = pendingQueries.get(message.seq);
      pendingQueries.delete(message.seq);
      if (callback) callback(message.errno, handle);
    } else if (message.act === 'disconnect') {
      workerDisconnect(worker, true);
    } else if (message.act === 'exitedAfterDisconnectAck') {
      const callback = pendingQueries.get(message.seq);
      pendingQueries.delete(message.seq);
      if (callback) callback();
    }
  });
  process.once('disconnect', () => {
    worker.emit('disconnect');
    if (!worker.exitedAfterDisconnect) {
      // The primary went away: a worker does not outlive its primary.
      process.exit(0);
    }
  });
  process.send(internal({ act: 'online' }));
}

// For net: the shared socket for a server's address ({ address, port, addressType,
// flags, backlog }); callback(errno, fd).
function getServer(server, query, callback) {
  const seq = ++nextSeq;
  pendingQueries.set(seq, (errno, fd) => {
    if (errno === 0) {
      workerServers.add(server);
      server.once('close', () => workerServers.delete(server));
      server.once('listening', () => {
        const address = server.address();
        if (address === null) return;
        const info = typeof address === 'string'
          ? { address, port: -1, addressType: -1 }
          : { address: address.address, port: address.port, addressType: query.addressType === -1 ? -1 : address.family === 'IPv6' ? 6 : 4 };
        process.send(internal({ act: 'listening', ...info }));
      });
    }
    callback(errno, fd);
  });
  if (query.port !== -1 && (query.port < 0 || query.port > 65535)) throw new ERR_SOCKET_BAD_PORT('port', query.port);
  process.send(internal({ act: 'queryServer', seq, ...query }));
}

// The worker's servers close, then its channel: at once when the primary asked, after
// telling the primary (so that it sees exitedAfterDisconnect) when the worker did.
function workerDisconnect(worker, primaryInitiated = false) {
  if (worker.state === 'disconnecting' || worker.state === 'destroying') return worker;
  worker.state = 'disconnecting';
  worker.exitedAfterDisconnect = true;
  const servers = [...workerServers];
  let open = servers.length;
  const done = () => {
    if (!process.connected) return;
    if (primaryInitiated) process.disconnect();
    else tellPrimaryExiting(() => process.disconnect());
  };
  if (open === 0) done();
  for (const server of servers) {
    server.close(() => {
      if (--open === 0) done();
    });
  }
  return worker;
}

function workerDestroy(worker) {
  if (worker.state === 'destroying') return;
  if (!process.connected) process.exit(0);
  worker.exitedAfterDisconnect = true;
  worker.state = 'destroying';
  tellPrimaryExiting(() => process.disconnect());
  process.once('disconnect', () => process.exit(0));
}

// The primary marks this worker exitedAfterDisconnect; `then` runs once it has.
function tellPrimaryExiting(then) {
  const seq = ++nextSeq;
  pendingQueries.set(seq, then);
  process.send(internal({ act: 'exitedAfterDisconnect', seq }));
}

if (isWorker) {
  cluster._getServer = getServer;
  cluster._setupWorker = setupWorker;
} else {
  cluster.workers = {};
  cluster.settings = {};
  cluster.setupPrimary = setupPrimary;
  cluster.setupMaster = setupPrimary;
  cluster.fork = fork;
  cluster.disconnect = disconnectAll;
}

module.exports = cluster;
