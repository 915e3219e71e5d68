'use strict';
// The IPC channel between a parent and a child it forked (or spawned with 'ipc' in its
// stdio): a socketpair, read and written as a net.Socket, carrying messages as Node frames
// them: one JSON text a line ('json'), or a 4-byte big-endian length then V8's
// serialization ('advanced'). The child finds its end in NODE_CHANNEL_FD.
//
// A channel holds the event loop open while its owner has 'message' or 'disconnect'
// listeners, or writes are under way (unless unref()'d), as Node's does.

const net = require('net');
const { Buffer } = require('buffer');
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

// How the channel's socket is held: by listeners and writes, or as unref() set it.
class Control {
  #socket;
  #counted = 0;
  #explicit = null;

  constructor(socket) {
    this.#socket = socket;
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
    const held = this.#explicit !== null ? this.#explicit : this.#counted > 0;
    if (held) this.#socket.ref();
    else this.#socket.unref();
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
function setupChannel(target, fd, serialization) {
  const socket = new net.Socket({ fd, allowHalfOpen: false });
  const control = new Control(socket);
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
      return socket.writableLength;
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

  const read = (serialization === 'advanced' ? advancedReader : jsonReader)((message) => {
    process.nextTick(() => target.emit(isInternal(message) ? 'internalMessage' : 'message', message, undefined));
  });
  socket.on('data', (chunk) => {
    try {
      read(chunk);
    } catch (err) {
      target.emit('error', err);
    }
  });
  socket.on('error', () => {});
  socket.on('close', () => closed());

  let disconnected = false;
  const closed = () => {
    if (disconnected) return;
    disconnected = true;
    target.connected = false;
    target.channel = null;
    target._channel = null;
    process.nextTick(() => target.emit('disconnect'));
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
    if (handle !== undefined && handle !== null) throw new ERR_INVALID_HANDLE_TYPE();
    if (!target.connected) {
      const err = new ERR_IPC_CHANNEL_CLOSED();
      if (typeof callback === 'function') process.nextTick(callback, err);
      else process.nextTick(() => target.emit('error', err));
      return false;
    }
    queued++;
    control.counted(1);
    socket.write(frame(message, serialization), () => {
      queued--;
      control.counted(-1);
      if (typeof callback === 'function') callback(null);
      if (queued === 0 && disconnecting) socket.destroy();
    });
    return socket.writableLength < 65536 * 2;
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
    if (queued === 0) socket.destroy();
  };
  target._disconnect = target.disconnect;
  return socket;
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
