'use strict';
// The IPC channel between a parent and a child it forked (or spawned with 'ipc' in its
// stdio): a socketpair the loop watches, carrying messages as Node frames them: one JSON
// text a line ('json'), or a 4-byte big-endian length then V8's serialization
// ('advanced'). The child finds its end in NODE_CHANNEL_FD. A net.Server or net.Socket
// sent along rides as a descriptor (SCM_RIGHTS) on its message's first byte, the message
// wrapped as Node wraps it ({ cmd: 'NODE_HANDLE', type, msg }), and is acknowledged as
// Node acknowledges it.
//
// A channel holds the event loop open while its owner has 'message' or 'disconnect'
// listeners, or writes are under way (unless unref()'d), as Node's does.

const { Buffer } = require('buffer');
const eventLoop = require('internal/event_loop');
const binding = internalBinding('child_process');
const { StringDecoder } = require('string_decoder');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_IPC_CHANNEL_CLOSED,
    ERR_IPC_DISCONNECTED,
    ERR_MISSING_ARGS,
  },
  validateFunction,
} = require('internal/errors');

// The handle type of a bare descriptor (unode's own: Node's cluster passes handles).
const kDescriptor = 'unode.descriptor';
const EPOLLIN = 0x001;
const EPOLLOUT = 0x004;
const UV_EAGAIN = -11;

// The channel's descriptor on the loop: messages' bytes out (each with the descriptor it
// passes, if any) in order, and bytes and passed descriptors in.
class Pipe {
  #fd;
  #token;
  #queue = [];
  #onData;
  #onClose;
  pending = 0;

  constructor(fd, onData, onClose) {
    this.#fd = fd;
    this.#onData = onData;
    this.#onClose = onClose;
    this.#token = eventLoop.watch(fd, EPOLLIN, (events) => this.#ready(events), true);
  }

  // `data` (a Buffer) goes out after what is queued; `callback` runs once it has.
  write(data, passFd, callback) {
    this.#queue.push({ data, passFd, callback });
    this.pending += data.length;
    if (this.#queue.length === 1) this.#flush();
  }

  setRef(held) {
    if (this.#token !== 0) eventLoop.setWatchRef(this.#token, held);
  }

  close() {
    if (this.#token === 0) return;
    eventLoop.unwatch(this.#token);
    this.#token = 0;
    internalBinding('net').close(this.#fd);
    this.#queue = [];
    this.#onClose();
  }

  #flush() {
    while (this.#queue.length > 0 && this.#token !== 0) {
      const entry = this.#queue[0];
      const n = binding.channelWrite(this.#fd, entry.data, entry.passFd);
      if (n === UV_EAGAIN) {
        eventLoop.rewatch(this.#token, EPOLLIN | EPOLLOUT);
        return;
      }
      if (n < 0) {
        this.close();
        return;
      }
      this.pending -= n;
      // A descriptor goes with the first byte only.
      entry.passFd = -1;
      if (n < entry.data.length) {
        entry.data = entry.data.subarray(n);
        continue;
      }
      this.#queue.shift();
      entry.callback();
    }
    if (this.#token !== 0) eventLoop.rewatch(this.#token, EPOLLIN);
  }

  #ready(events) {
    if (events & EPOLLOUT) this.#flush();
    if (this.#token === 0 || !(events & ~EPOLLOUT)) return;
    for (;;) {
      const r = binding.channelRead(this.#fd);
      const got = r[0];
      if (got === UV_EAGAIN) return;
      if (typeof got === 'number') {
        this.close();
        return;
      }
      this.#onData(got, r[1]);
      if (this.#token === 0 || got.length < 65536) return;
    }
  }
}

// How the channel is held: by listeners and writes, or as unref() set it.
class Control {
  #pipe;
  #counted = 0;
  #explicit = null;

  constructor(pipe) {
    this.#pipe = pipe;
    this.#apply();
  }

  counted(delta) {
    this.#counted += delta;
    this.#apply();
  }

  ref() {
    this.#explicit = true;
    this.#apply();
  }

  unref() {
    this.#explicit = false;
    this.#apply();
  }

  #apply() {
    this.#pipe.setRef(this.#explicit !== null ? this.#explicit : this.#counted > 0);
  }
}

// Messages of Node's own (cluster, handle passing) go to 'internalMessage'.
function isInternal(message) {
  return message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
    message.cmd.length > 5 && message.cmd.startsWith('NODE_');
}

// Readers take the socket's chunks and deliver each whole message; a big message's
// chunks are searched and joined once each, not again for every chunk that follows.
function jsonReader(deliver) {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  return (chunk) => {
    const text = decoder.write(chunk);
    let end = text.indexOf('\n');
    if (end === -1) {
      pending += text;
      return;
    }
    let line = pending + text.slice(0, end);
    let rest = text.slice(end + 1);
    for (;;) {
      deliver(JSON.parse(line));
      end = rest.indexOf('\n');
      if (end === -1) break;
      line = rest.slice(0, end);
      rest = rest.slice(end + 1);
    }
    pending = rest;
  };
}

function advancedReader(deliver) {
  const v8 = require('v8');
  let chunks = [];
  let length = 0;
  let size = -1;
  return (chunk) => {
    chunks.push(chunk);
    length += chunk.length;
    for (;;) {
      if (size === -1) {
        if (length < 4) return;
        if (chunks[0].length < 4) chunks = [Buffer.concat(chunks, length)];
        size = chunks[0].readUInt32BE(0);
      }
      if (length < 4 + size) return;
      const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length);
      const rest = all.subarray(4 + size);
      chunks = rest.length > 0 ? [rest] : [];
      length = rest.length;
      const body = all.subarray(4, 4 + size);
      size = -1;
      deliver(v8.deserialize(body));
    }
  };
}

function frame(message, serialization) {
  if (serialization === 'advanced') {
    const body = require('v8').serialize(message);
    const size = Buffer.allocUnsafe(4);
    size.writeUInt32BE(body.length);
    return Buffer.concat([size, body]);
  }
  return JSON.stringify(message) + '\n';
}

// Gives `target` (a ChildProcess, or process in a child) its channel over `fd`: send,
// disconnect, connected, channel, and 'message'/'internalMessage'/'disconnect' events.
// `onClose` runs when the channel has closed.
function setupChannel(target, fd, serialization, onClose = () => {}) {
  // Descriptors received, waiting for the NODE_HANDLE messages they came with.
  const received = [];
  const read = (serialization === 'advanced' ? advancedReader : jsonReader)((message) => {
    if (isInternal(message) && message.cmd === 'NODE_HANDLE') {
      receiveHandle(message, received.shift());
      return;
    }
    process.nextTick(() => target.emit(isInternal(message) ? 'internalMessage' : 'message', message, undefined));
  });
  const pipe = new Pipe(fd, (chunk, fds) => {
    if (fds !== undefined) received.push(...fds);
    try {
      read(chunk);
    } catch (err) {
      target.emit('error', err);
    }
  }, () => {
    closed();
    onClose();
  });
  const control = new Control(pipe);
  let queued = 0;
  const channel = {
    fd,
    ref() {
      control.ref();
    },
    unref() {
      control.unref();
    },
    get writeQueueSize() {
      return pipe.pending;
    },
  };
  target.channel = channel;
  target._channel = channel;
  target.connected = true;
  // Listeners the channel counts as reasons to stay open.
  const counts = (event) => event === 'message' || event === 'disconnect';
  target.on('newListener', (event) => {
    if (counts(event)) control.counted(1);
  });
  target.on('removeListener', (event) => {
    if (counts(event)) control.counted(-1);
  });
  for (const event of ['message', 'disconnect']) {
    const n = target.listenerCount(event);
    if (n > 0) control.counted(n);
  }

  let disconnected = false;
  const closed = () => {
    if (disconnected) return;
    disconnected = true;
    target.connected = false;
    target.channel = null;
    target._channel = null;
    process.nextTick(() => target.emit('disconnect'));
  };

  // A handle that came: made into a server or socket (or, for cluster's messages, left a
  // descriptor), acknowledged, then delivered.
  const receiveHandle = (message, handleFd) => {
    write({ cmd: 'NODE_HANDLE_ACK' }, -1, () => {});
    const event = isInternal(message.msg) ? 'internalMessage' : 'message';
    const deliver = (handle) => process.nextTick(() => target.emit(event, message.msg, handle));
    if (handleFd === undefined || message.type === kDescriptor) {
      deliver(handleFd);
      return;
    }
    const net = require('net');
    if (message.type === 'net.Server') {
      const server = new net.Server();
      server.listen({ fd: handleFd }, () => deliver(server));
    } else {
      deliver(new net.Socket({ fd: handleFd, readable: true, writable: true }));
    }
  };

  const write = (message, passFd, done) => {
    queued++;
    control.counted(1);
    pipe.write(Buffer.from(frame(message, serialization)), passFd, () => {
      queued--;
      control.counted(-1);
      done();
      if (queued === 0 && disconnecting) pipe.close();
    });
  };

  target.send = function send(message, handle, options, callback) {
    if (typeof handle === 'function') {
      callback = handle;
      handle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (message === undefined) throw new ERR_MISSING_ARGS('message');
    if (typeof message !== 'string' && typeof message !== 'object' && typeof message !== 'number' &&
        typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'], message);
    }
    let passFd = -1;
    let type;
    if (handle !== undefined && handle !== null) {
      const net = require('net');
      if (handle instanceof net.Server) type = 'net.Server';
      else if (handle instanceof net.Socket) type = 'net.Socket';
      const native = handle._handle;
      if (type === undefined || !native || typeof native.fd !== 'number' || native.fd < 0) {
        throw new ERR_INVALID_HANDLE_TYPE();
      }
      passFd = native.fd;
    }
    if (!target.connected) {
      const err = new ERR_IPC_CHANNEL_CLOSED();
      if (typeof callback === 'function') process.nextTick(callback, err);
      else process.nextTick(() => target.emit('error', err));
      return false;
    }
    const wire = type === undefined ? message : { cmd: 'NODE_HANDLE', type, msg: message };
    write(wire, passFd, () => {
      // A socket sent goes to the other side: ours closes, unless asked to stay open.
      if (type === 'net.Socket' && !(options && options.keepOpen)) handle.destroy();
      if (typeof callback === 'function') callback(null);
    });
    return pipe.pending < 65536 * 2;
  };

  // Cluster's own messages that carry a bare descriptor (a listening socket it shares).
  target._sendDescriptor = (message, passFd, callback) => {
    write({ cmd: 'NODE_HANDLE', type: kDescriptor, msg: message }, passFd, callback);
  };

  let disconnecting = false;
  target.disconnect = function disconnect() {
    if (!target.connected) {
      target.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    // Messages already sent still go; the channel closes behind them.
    target.connected = false;
    disconnecting = true;
    if (queued === 0) pipe.close();
  };
  target._disconnect = target.disconnect;
}

// In a child started with an IPC channel: process gets its end (NODE_CHANNEL_FD), which
// the environment then no longer names, as in Node.
function setupChildChannel() {
  const fd = Number.parseInt(process.env.NODE_CHANNEL_FD, 10);
  const serialization = process.env.NODE_CHANNEL_SERIALIZATION_MODE || 'json';
  delete process.env.NODE_CHANNEL_FD;
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (!(fd >= 0)) return;
  setupChannel(process, fd, serialization);
}

module.exports = { setupChannel, setupChildChannel };
