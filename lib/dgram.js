'use strict';
// UDP sockets (Node's dgram): a Socket is an EventEmitter over a non-blocking datagram
// socket that the loop's epoll watches (internalBinding('net') does the syscalls).
// UdpHandle plays libuv's uv_udp_t: it sends at once when the kernel takes the datagram
// and queues it until the socket is writable when it does not, so callbacks, events and
// errors come in the order and shape Node 20 gives them.

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const eventLoop = require('internal/event_loop');
const { isIPv4, isIPv6 } = require('internal/net/ip');
const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_MISSING_ARGS,
    ERR_SOCKET_ALREADY_BOUND,
    ERR_SOCKET_BAD_BUFFER_SIZE,
    ERR_SOCKET_BAD_TYPE,
    ERR_SOCKET_DGRAM_IS_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_RUNNING,
  },
  errnoException,
  exceptionWithHostPort,
  uvErrmapGet,
  validateAbortSignal,
  validateFunction,
  validateNumber,
  validatePort,
  validateString,
} = require('internal/errors');

const binding = internalBinding('net');
const socketChannel = require('diagnostics_channel').channel('udp.socket');
const { constants: C } = binding;

const EPOLLIN = 0x001;
const EPOLLOUT = 0x004;
const EPOLLERR = 0x008;
const UV_EAGAIN = -11;
const UV_EINVAL = -22;
const UV_ENOBUFS = -105;
const UV_ECANCELED = -125;
// libuv reads at most this many datagrams per readiness report before yielding to others.
const kMaxReadsPerTick = 32;

const BIND_STATE_UNBOUND = 0;
const BIND_STATE_BINDING = 1;
const BIND_STATE_BOUND = 2;

const CONNECT_STATE_DISCONNECTED = 0;
const CONNECT_STATE_CONNECTING = 1;
const CONNECT_STATE_CONNECTED = 2;

const kStateSymbol = Symbol('state symbol');

function familyName(n) {
  return n === 6 ? 'IPv6' : 'IPv4';
}

// An IPv6 address's numeric `%scope` (the interface index), or undefined.
function scopeOf(address) {
  const i = address.indexOf('%');
  return i === -1 ? undefined : address.slice(i + 1);
}

// The family an address parses as, as libuv tries them: IPv4 first, then IPv6 (which may
// carry a %scope); 0 for neither.
function addressFamily(address) {
  if (isIPv4(address)) return 4;
  const scope = scopeOf(address);
  if (isIPv6(scope === undefined ? address : address.slice(0, -scope.length - 1))) return 6;
  return 0;
}

// --- the descriptor under a socket ----------------------------------------------------

// A send the kernel could not take yet; `done(errno, sent)` runs once it went out (or
// failed), as libuv completes a uv_udp_send_t. Like that request, it keeps the process
// alive until then, even when its socket is unref'd.
class SendRequest {
  constructor(list, ip, port, size, done) {
    this.list = list;
    this.ip = ip;
    this.port = port;
    this.size = size;
    this.done = done;
  }
}

// No descriptor exists until the first bind, as with libuv: until then the socket options
// fail with EBADF and nothing keeps the process alive.
class UdpHandle {
  constructor(family, lookup) {
    this.family = family; // 4 or 6, from the socket's type
    this.lookup = lookup; // (address, callback(err, ip)) with the family's default address
    this.fd = -1;
    this.token = 0;
    this.events = 0;
    this.refed = true;
    this.receiving = false;
    this.sendQueue = [];
    this.sendQueueSize = 0;
    // Datagrams the kernel took at once this loop iteration: libuv counts them in the
    // send queue until it reports them done, on the next iteration.
    this.sentSize = 0;
    this.sentCount = 0;
    this.onMessage = null; // (buffer, rinfo)
    this.onRecvError = null; // (errno)
  }

  // Waits for what the socket needs: datagrams while receiving, writability while sends
  // wait. No events means no watch, so an idle socket does not keep the process alive.
  updateInterest() {
    if (this.fd < 0) return;
    const events = (this.receiving ? EPOLLIN : 0) | (this.sendQueue.length > 0 ? EPOLLOUT : 0);
    if (events === this.events) return;
    this.events = events;
    if (events === 0) {
      eventLoop.unwatch(this.token);
      this.token = 0;
    } else if (this.token === 0) {
      this.token = eventLoop.watch(this.fd, events, (ready) => this.onReady(ready), this.refed);
    } else {
      eventLoop.rewatch(this.token, events);
    }
  }

  onReady(events) {
    // A pending socket error (an ICMP report) shows as EPOLLERR; recvfrom returns it.
    if (this.receiving && events & (EPOLLIN | EPOLLERR)) this.readMessages();
    if (this.sendQueue.length > 0 && events & (EPOLLOUT | EPOLLERR)) this.flushSendQueue();
  }

  readMessages() {
    for (let i = 0; i < kMaxReadsPerTick && this.receiving; i++) {
      const r = binding.recvfrom(this.fd);
      if (typeof r === 'number') {
        if (r !== UV_EAGAIN) eventLoop.invoke(this.onRecvError, r);
        return;
      }
      const buffer = Buffer.from(r[0]);
      const rinfo = { address: r[2], family: familyName(r[1]), port: r[3], size: buffer.length };
      eventLoop.invoke(this.onMessage, buffer, rinfo);
    }
  }

  open() {
    if (this.fd >= 0) return 0;
    const fd = binding.socket(this.family, C.SOCK_DGRAM);
    if (fd < 0) return fd;
    this.fd = fd;
    return 0;
  }

  bind(ip, port, flags) {
    if (flags & C.BIND_V6ONLY && this.family !== 6) return UV_EINVAL;
    const err = this.open();
    if (err < 0) return err;
    return binding.bind(this.fd, this.family, ip, port, flags);
  }

  recvStart() {
    this.receiving = true;
    this.updateInterest();
  }

  recvStop() {
    this.receiving = false;
    this.updateInterest();
  }

  connect(ip, port) {
    const err = this.open();
    if (err < 0) return err;
    return binding.connect(this.fd, this.family, ip, port);
  }

  disconnect() {
    return binding.disconnect(this.fd);
  }

  // Returns the bytes sent plus one when the kernel took the datagram at once, 0 when it
  // waits in the queue (`done` runs later), or a negative errno.
  send(list, ip, port, done) {
    let size = 0;
    for (const chunk of list) size += chunk.byteLength;
    // Datagrams go out in order: nothing jumps the queue.
    if (this.sendQueue.length === 0) {
      const r = this.sendNow(list, ip, port);
      if (r >= 0) {
        if (this.sentCount++ === 0) eventLoop.defer(() => this.clearSent());
        this.sentSize += size;
        return size + 1;
      }
      if (r !== UV_EAGAIN) return r;
    }
    this.sendQueue.push(new SendRequest(list, ip, port, size, done));
    this.sendQueueSize += size;
    eventLoop.ref();
    this.updateInterest();
    return 0;
  }

  clearSent() {
    this.sentSize = 0;
    this.sentCount = 0;
  }

  sendNow(list, ip, port) {
    const r = port ? binding.sendto(this.fd, list, this.family, ip, port) : binding.sendto(this.fd, list, this.family);
    // A full device queue is a wait, as libuv treats it.
    return r === UV_ENOBUFS ? UV_EAGAIN : r;
  }

  flushSendQueue() {
    const completed = [];
    while (this.sendQueue.length > 0) {
      const req = this.sendQueue[0];
      const r = this.sendNow(req.list, req.ip, req.port);
      if (r === UV_EAGAIN) break;
      this.sendQueue.shift();
      this.sendQueueSize -= req.size;
      completed.push([req, r < 0 ? r : 0]);
    }
    this.updateInterest();
    for (const [req, status] of completed) complete(req, status);
  }

  setRef(refed) {
    this.refed = refed;
    if (this.token !== 0) eventLoop.setWatchRef(this.token, refed);
  }

  // Sends still queued are cancelled in the close phase, as libuv finishes closing there.
  close() {
    this.receiving = false;
    if (this.sendQueue.length > 0) this.cancelQueuedSends();
    if (this.token !== 0) eventLoop.unwatch(this.token);
    this.token = 0;
    this.events = 0;
    if (this.fd >= 0) binding.close(this.fd);
    this.fd = -1;
  }

  cancelQueuedSends() {
    const cancelled = this.sendQueue.splice(0);
    this.sendQueueSize = 0;
    eventLoop.onClose(() => {
      for (const req of cancelled) complete(req, UV_ECANCELED);
    });
  }

  // libuv's uv__setsockopt_maybe_char: a value in 0..255, the option of the family.
  setSmallOption(level4, name4, level6, name6, value) {
    if (value < 0 || value > 255) return UV_EINVAL;
    return this.family === 6 ? binding.setsockopt(this.fd, level6, name6, value) : binding.setsockopt(this.fd, level4, name4, value);
  }

  setMembership(group, iface, add) {
    const family = addressFamily(group);
    const target = this.membershipTarget(family, iface);
    return typeof target === 'number' ? target : binding.membership(this.fd, family, group, target.iface, add);
  }

  // libuv's uv_udp_set_source_membership: the group's family decides, the source must
  // be of the same one.
  setSourceMembership(source, group, iface, add) {
    const family = addressFamily(group);
    if (addressFamily(source) !== family) return UV_EINVAL;
    const target = this.membershipTarget(family, iface);
    return typeof target === 'number' ? target : binding.sourceMembership(this.fd, source, group, target.iface, add);
  }

  // What a membership change needs first, as libuv does it: a group of a known family, a
  // socket bound (to the wildcard address when it was not yet), an IPv6 interface as its
  // index. `{ iface }`, or an error number.
  membershipTarget(family, iface) {
    if (family === 0) return UV_EINVAL;
    if (this.fd < 0) {
      const err = this.bind(family === 4 ? '0.0.0.0' : '::', 0, C.BIND_REUSEADDR);
      if (err < 0) return err;
    }
    if (family === 6 && iface !== undefined) {
      if (addressFamily(iface) !== 6) return UV_EINVAL;
      iface = scopeOf(iface);
    }
    return { iface };
  }

  // libuv's uv_recv_buffer_size / uv_send_buffer_size: 0 reads the size, anything else
  // sets it.
  bufferSize(size, recv) {
    if (size > 0x7fffffff) return UV_EINVAL;
    const name = recv ? C.SO_RCVBUF : C.SO_SNDBUF;
    if (size === 0) return binding.getsockopt(this.fd, C.SOL_SOCKET, name);
    const err = binding.setsockopt(this.fd, C.SOL_SOCKET, name, size);
    return err < 0 ? err : size;
  }
}

function complete(req, status) {
  eventLoop.unref();
  if (req.done !== null) eventLoop.invoke(() => req.done(status, req.size));
}

function newHandle(type, lookup) {
  if (lookup === undefined) lookup = require('dns').lookup;
  else validateFunction(lookup, 'lookup');
  if (type === 'udp4') return new UdpHandle(4, (address, cb) => lookup(address || '127.0.0.1', 4, cb));
  if (type === 'udp6') return new UdpHandle(6, (address, cb) => lookup(address || '::1', 6, cb));
  throw new ERR_SOCKET_BAD_TYPE();
}

// --- Socket ----------------------------------------------------------------------------

function Socket(type, listener) {
  EventEmitter.call(this);
  let options;
  let lookup;
  let recvBufferSize;
  let sendBufferSize;
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
    lookup = options.lookup;
    recvBufferSize = options.recvBufferSize;
    sendBufferSize = options.sendBufferSize;
  }
  const handle = newHandle(type, lookup);
  handle.onMessage = (buffer, rinfo) => this.emit('message', buffer, rinfo);
  handle.onRecvError = (errno) => this.emit('error', errnoException(errno, 'recvmsg'));
  this.type = type;
  if (typeof listener === 'function') this.on('message', listener);
  this[kStateSymbol] = {
    handle,
    bindState: BIND_STATE_UNBOUND,
    connectState: CONNECT_STATE_DISCONNECTED,
    queue: undefined,
    reuseAddr: options && options.reuseAddr,
    ipv6Only: options && options.ipv6Only,
    recvBufferSize,
    sendBufferSize,
  };
  if (options?.signal !== undefined) {
    const { signal } = options;
    validateAbortSignal(signal, 'options.signal');
    const onAborted = () => {
      if (this[kStateSymbol].handle) this.close();
    };
    if (signal.aborted) {
      onAborted();
    } else {
      const disposable = EventEmitter.addAbortListener(signal, onAborted);
      this.once('close', disposable[Symbol.dispose]);
    }
  }
  if (socketChannel._active) socketChannel.publish({ socket: this });
}
Object.setPrototypeOf(Socket.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Socket, EventEmitter);

function createSocket(type, listener) {
  return new Socket(type, listener);
}

function healthCheck(socket) {
  if (!socket[kStateSymbol].handle) throw new ERR_SOCKET_DGRAM_NOT_RUNNING();
}

function startListening(socket) {
  const state = socket[kStateSymbol];
  state.handle.recvStart();
  state.bindState = BIND_STATE_BOUND;
  if (state.recvBufferSize) bufferSize(socket, state.recvBufferSize, true);
  if (state.sendBufferSize) bufferSize(socket, state.sendBufferSize, false);
  socket.emit('listening');
}

let SystemError;
function bufferSize(socket, size, recv) {
  if (size >>> 0 !== size) throw new ERR_SOCKET_BAD_BUFFER_SIZE();
  const r = socket[kStateSymbol].handle.bufferSize(size, recv);
  if (r < 0) {
    SystemError ??= require('internal/fs/utils').SystemError;
    const [code, message] = uvErrmapGet(r);
    const syscall = recv ? 'uv_recv_buffer_size' : 'uv_send_buffer_size';
    throw new SystemError('ERR_SOCKET_BUFFER_SIZE', { errno: r, code, message, syscall });
  }
  return r;
}

Socket.prototype.bind = function(port_, address_ /* , callback */) {
  let port = port_;
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.bindState !== BIND_STATE_UNBOUND) throw new ERR_SOCKET_ALREADY_BOUND();
  // Adopting an open descriptor is not supported: say so rather than bind a new one.
  if (port !== null && typeof port === 'object' && Number.isInteger(port.fd) && port.fd > 0 && port.fd <= 0x7fffffff) {
    throw new ERR_METHOD_NOT_IMPLEMENTED('bind({ fd })');
  }
  state.bindState = BIND_STATE_BINDING;

  const cb = arguments.length && arguments[arguments.length - 1];
  if (typeof cb === 'function') {
    // A failed bind drops the callback, so that a retry does not call it twice.
    const removeListeners = () => {
      this.removeListener('error', removeListeners);
      this.removeListener('listening', onListening);
    };
    const onListening = () => {
      removeListeners();
      cb.call(this);
    };
    this.on('error', removeListeners);
    this.on('listening', onListening);
  }

  let address;
  if (port !== null && typeof port === 'object') {
    address = port.address || '';
    port = port.port;
  } else {
    address = typeof address_ === 'function' ? '' : address_;
  }
  if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';

  state.handle.lookup(address, (err, ip) => {
    if (err) {
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', err);
      return;
    }
    // Closed while the address was being looked up.
    if (!state.handle) return;
    let flags = 0;
    if (state.reuseAddr) flags |= C.BIND_REUSEADDR;
    if (state.ipv6Only) flags |= C.BIND_V6ONLY;
    // The port goes through a uint32 and then into 16 bits, as in Node's binding.
    const r = state.handle.bind(ip, ((port || 0) >>> 0) & 0xffff, flags);
    if (r < 0) {
      const ex = exceptionWithHostPort(r, 'bind', ip, port);
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', ex);
      return;
    }
    startListening(this);
  });
  return this;
};

Socket.prototype.connect = function(port, address, callback) {
  port = validatePort(port, 'Port', false);
  if (typeof address === 'function') {
    callback = address;
    address = '';
  } else if (address === undefined) {
    address = '';
  }
  validateString(address, 'address');
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_DISCONNECTED) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  state.connectState = CONNECT_STATE_CONNECTING;
  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, () => startConnect(this, port, address, callback));
    return;
  }
  startConnect(this, port, address, callback);
};

function startConnect(self, port, address, callback) {
  if (callback) self.once('connect', callback);
  self[kStateSymbol].handle.lookup(address, (ex, ip) => doConnect(ex, self, ip, address, port, callback));
}

function doConnect(ex, self, ip, address, port, callback) {
  const state = self[kStateSymbol];
  if (!state.handle) return;
  if (!ex) {
    const err = state.handle.connect(ip, port);
    if (err) ex = exceptionWithHostPort(err, 'connect', address, port);
  }
  if (ex) {
    state.connectState = CONNECT_STATE_DISCONNECTED;
    process.nextTick(() => {
      if (callback) {
        self.removeListener('connect', callback);
        callback(ex);
      } else {
        self.emit('error', ex);
      }
    });
    return;
  }
  state.connectState = CONNECT_STATE_CONNECTED;
  process.nextTick(() => self.emit('connect'));
}

Socket.prototype.disconnect = function() {
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
  const err = state.handle.disconnect();
  if (err) throw errnoException(err, 'connect');
  state.connectState = CONNECT_STATE_DISCONNECTED;
};

// Kept for code written against the old dgram API.
Socket.prototype.sendto = function(buffer, offset, length, port, address, callback) {
  validateNumber(offset, 'offset');
  validateNumber(length, 'length');
  validateNumber(port, 'port');
  validateString(address, 'address');
  this.send(buffer, offset, length, port, address, callback);
};

const kBufferTypes = ['Buffer', 'TypedArray', 'DataView', 'string'];

function sliceBuffer(buffer, offset, length) {
  if (typeof buffer === 'string') buffer = Buffer.from(buffer);
  else if (!ArrayBuffer.isView(buffer)) throw new ERR_INVALID_ARG_TYPE('buffer', kBufferTypes, buffer);
  offset = offset >>> 0;
  length = length >>> 0;
  if (offset > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (offset + length > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
  return Buffer.from(buffer.buffer, buffer.byteOffset + offset, length);
}

// Strings as UTF-8, views as Buffers over the same memory; null when an item is neither.
function fixBufferList(list) {
  const fixed = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item === 'string') fixed[i] = Buffer.from(item);
    else if (!ArrayBuffer.isView(item)) return null;
    else fixed[i] = Buffer.from(item.buffer, item.byteOffset, item.byteLength);
  }
  return fixed;
}

// Work that waits for an implicit bind to finish; dropped if the bind fails.
function enqueue(self, work) {
  const state = self[kStateSymbol];
  if (state.queue === undefined) {
    state.queue = [];
    self.once(EventEmitter.errorMonitor, onListenError);
    self.once('listening', onListenSuccess);
  }
  state.queue.push(work);
}

function onListenSuccess() {
  this.removeListener(EventEmitter.errorMonitor, onListenError);
  const state = this[kStateSymbol];
  const queue = state.queue;
  state.queue = undefined;
  for (const work of queue) work();
}

function onListenError() {
  this.removeListener('listening', onListenSuccess);
  this[kStateSymbol].queue = undefined;
}

// The forms Node accepts:
//   unconnected: send(buffer, offset, length, port[, address][, callback])
//                send(bufferOrList, port[, address][, callback])
//   connected:   send(buffer, offset, length[, callback])
//                send(bufferOrList[, callback])
Socket.prototype.send = function(buffer, offset, length, port, address, callback) {
  let list;
  const state = this[kStateSymbol];
  const connected = state.connectState === CONNECT_STATE_CONNECTED;
  if (!connected) {
    if (address || (port && typeof port !== 'function')) {
      buffer = sliceBuffer(buffer, offset, length);
    } else {
      callback = port;
      port = offset;
      address = length;
    }
  } else {
    if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length);
      if (typeof port === 'function') {
        callback = port;
        port = null;
      }
    } else {
      callback = offset;
    }
    if (port || address) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  }

  if (!Array.isArray(buffer)) {
    if (typeof buffer === 'string') list = [Buffer.from(buffer)];
    else if (!ArrayBuffer.isView(buffer)) throw new ERR_INVALID_ARG_TYPE('buffer', kBufferTypes, buffer);
    else list = [buffer];
  } else if (!(list = fixBufferList(buffer))) {
    throw new ERR_INVALID_ARG_TYPE('buffer list arguments', kBufferTypes, buffer);
  }

  if (!connected) port = validatePort(port, 'Port', false);
  if (typeof callback !== 'function') callback = undefined;
  if (typeof address === 'function') {
    callback = address;
    address = undefined;
  } else if (address != null) {
    validateString(address, 'address');
  }

  healthCheck(this);
  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (list.length === 0) list.push(Buffer.alloc(0));
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, () => this.send(list, port, address, callback));
    return;
  }

  const afterDns = (ex, ip) => doSend(ex, this, ip, list, address, port, callback);
  if (!connected) state.handle.lookup(address, afterDns);
  else afterDns(null, null);
};

function doSend(ex, self, ip, list, address, port, callback) {
  const state = self[kStateSymbol];
  if (ex) {
    if (typeof callback === 'function') process.nextTick(callback, ex);
    else process.nextTick(() => self.emit('error', ex));
    return;
  }
  if (!state.handle) return;
  // Without a callback, failures go unreported, as in Node.
  const done = callback ?
    (status, sent) => callback(status < 0 ? exceptionWithHostPort(status, 'send', address, port) : null, sent) :
    null;
  const r = state.handle.send(list, ip, port, done);
  if (r >= 1) {
    if (callback) process.nextTick(callback, null, r - 1);
  } else if (r < 0 && callback) {
    process.nextTick(callback, exceptionWithHostPort(r, 'send', address, port));
  }
}

Socket.prototype.close = function(callback) {
  const state = this[kStateSymbol];
  if (typeof callback === 'function') this.on('close', callback);
  if (state.queue !== undefined) {
    state.queue.push(() => this.close());
    return this;
  }
  healthCheck(this);
  state.handle.close();
  state.handle = null;
  process.nextTick(() => this.emit('close'));
  return this;
};

Socket.prototype[Symbol.asyncDispose] = function() {
  if (!this[kStateSymbol].handle) return Promise.resolve();
  return new Promise((resolve) => this.close(resolve));
};

function nameOf(r, syscall) {
  if (typeof r === 'number') throw errnoException(r, syscall);
  return { address: r[1], family: familyName(r[0]), port: r[2] };
}

Socket.prototype.address = function() {
  healthCheck(this);
  return nameOf(binding.sockname(this[kStateSymbol].handle.fd), 'getsockname');
};

Socket.prototype.remoteAddress = function() {
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
  return nameOf(binding.peername(state.handle.fd), 'getpeername');
};

Socket.prototype.setBroadcast = function(arg) {
  const err = binding.setsockopt(this[kStateSymbol].handle.fd, C.SOL_SOCKET, C.SO_BROADCAST, arg ? 1 : 0);
  if (err) throw errnoException(err, 'setBroadcast');
};

// The binding takes the number as an int32 (`| 0`), as Node's does.
Socket.prototype.setTTL = function(ttl) {
  validateNumber(ttl, 'ttl');
  const value = ttl | 0;
  const handle = this[kStateSymbol].handle;
  const err = value < 1 ? UV_EINVAL : handle.setSmallOption(C.IPPROTO_IP, C.IP_TTL, C.IPPROTO_IPV6, C.IPV6_UNICAST_HOPS, value);
  if (err) throw errnoException(err, 'setTTL');
  return ttl;
};

Socket.prototype.setMulticastTTL = function(ttl) {
  validateNumber(ttl, 'ttl');
  const handle = this[kStateSymbol].handle;
  const err = handle.setSmallOption(C.IPPROTO_IP, C.IP_MULTICAST_TTL, C.IPPROTO_IPV6, C.IPV6_MULTICAST_HOPS, ttl | 0);
  if (err) throw errnoException(err, 'setMulticastTTL');
  return ttl;
};

Socket.prototype.setMulticastLoopback = function(arg) {
  const handle = this[kStateSymbol].handle;
  const err = handle.setSmallOption(C.IPPROTO_IP, C.IP_MULTICAST_LOOP, C.IPPROTO_IPV6, C.IPV6_MULTICAST_LOOP, arg ? 1 : 0);
  if (err) throw errnoException(err, 'setMulticastLoopback');
  return arg;
};

Socket.prototype.setMulticastInterface = function(interfaceAddress) {
  healthCheck(this);
  validateString(interfaceAddress, 'interfaceAddress');
  const family = addressFamily(interfaceAddress);
  const err = family === 0 ? UV_EINVAL :
    binding.multicastInterface(this[kStateSymbol].handle.fd, family, interfaceAddress);
  if (err) throw errnoException(err, 'setMulticastInterface');
};

// The binding takes both addresses as strings, `undefined` and `null` meaning no interface.
function membership(socket, multicastAddress, interfaceAddress, add, syscall) {
  healthCheck(socket);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
  const iface = interfaceAddress == null ? undefined : String(interfaceAddress);
  const err = socket[kStateSymbol].handle.setMembership(String(multicastAddress), iface, add);
  if (err) throw errnoException(err, syscall);
}

Socket.prototype.addMembership = function(multicastAddress, interfaceAddress) {
  membership(this, multicastAddress, interfaceAddress, true, 'addMembership');
};

Socket.prototype.dropMembership = function(multicastAddress, interfaceAddress) {
  membership(this, multicastAddress, interfaceAddress, false, 'dropMembership');
};

function sourceMembership(socket, sourceAddress, groupAddress, interfaceAddress, add, syscall) {
  healthCheck(socket);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');
  const iface = interfaceAddress == null ? undefined : String(interfaceAddress);
  const err = socket[kStateSymbol].handle.setSourceMembership(sourceAddress, groupAddress, iface, add);
  if (err) throw errnoException(err, syscall);
}

Socket.prototype.addSourceSpecificMembership = function(sourceAddress, groupAddress, interfaceAddress) {
  sourceMembership(this, sourceAddress, groupAddress, interfaceAddress, true, 'addSourceSpecificMembership');
};

Socket.prototype.dropSourceSpecificMembership = function(sourceAddress, groupAddress, interfaceAddress) {
  sourceMembership(this, sourceAddress, groupAddress, interfaceAddress, false, 'dropSourceSpecificMembership');
};

Socket.prototype.ref = function() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.setRef(true);
  return this;
};

Socket.prototype.unref = function() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.setRef(false);
  return this;
};

Socket.prototype.setRecvBufferSize = function(size) {
  bufferSize(this, size, true);
};

Socket.prototype.setSendBufferSize = function(size) {
  bufferSize(this, size, false);
};

Socket.prototype.getRecvBufferSize = function() {
  return bufferSize(this, 0, true);
};

Socket.prototype.getSendBufferSize = function() {
  return bufferSize(this, 0, false);
};

Socket.prototype.getSendQueueSize = function() {
  const handle = this[kStateSymbol].handle;
  return handle.sendQueueSize + handle.sentSize;
};

Socket.prototype.getSendQueueCount = function() {
  const handle = this[kStateSymbol].handle;
  return handle.sendQueue.length + handle.sentCount;
};

// Node's former private fields and methods, still there behind a deprecation (DEP0112).
function deprecated(fn, name) {
  return require('util').deprecate(fn, `Socket.prototype.${name} is deprecated`, 'DEP0112');
}
for (const [name, field] of [['_handle', 'handle'], ['_bindState', 'bindState'], ['_queue', 'queue'], ['_reuseAddr', 'reuseAddr']]) {
  Object.defineProperty(Socket.prototype, name, {
    get: deprecated(function() { return this[kStateSymbol][field]; }, name),
    set: deprecated(function(value) { this[kStateSymbol][field] = value; }, name),
    configurable: true,
  });
}
Object.defineProperty(Socket.prototype, '_receiving', {
  get: deprecated(function() { return this[kStateSymbol].handle?.receiving ?? false; }, '_receiving'),
  set: deprecated(function(value) {
    const handle = this[kStateSymbol].handle;
    if (handle) handle.receiving = Boolean(value);
  }, '_receiving'),
  configurable: true,
});
Socket.prototype._healthCheck = deprecated(function() { healthCheck(this); }, '_healthCheck()');
Socket.prototype._stopReceiving = deprecated(function() {
  const handle = this[kStateSymbol].handle;
  if (handle && handle.receiving) handle.recvStop();
}, '_stopReceiving()');

module.exports = { createSocket, Socket };
