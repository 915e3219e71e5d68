'use strict';
// The seed's libaio: sockets with one callback property per event (`sock.ondata = …`)
// instead of an EventEmitter. Each is a thin face over the net and dgram sockets, so they
// run on the same event loop as everything else.
//
//   const sock = new libaio.SocketTcp();
//   sock.onconnect = () => sock.write('GET /\n\n');
//   sock.ondata = (data) => console.log(data); // a Buffer
//   sock.connect({ host: '127.0.0.1', port: 80 });

// Calls the handler property `name` of `owner` with `args`. An error nobody handles is
// thrown, so that it reaches 'uncaughtException' as an unhandled 'error' event would.
function fire(owner, name, ...args) {
  const handler = owner[name];
  if (typeof handler === 'function') {
    handler.apply(owner, args);
  } else if (name === 'onerror') {
    throw args[0];
  }
}

class SocketTcp {
  constructor() {
    this.onconnect = null; // ()
    this.ondata = null; // (data: Buffer)
    this.onend = null; // (): the peer finished sending
    this.onclose = null; // (hadError: boolean)
    this.onerror = null; // (err: Error)
    this.socket = null; // the net.Socket underneath, once connecting
  }

  // { host, port } or { path } for a Unix socket: anything net.connect() takes.
  connect(options) {
    const socket = require('net').connect(options);
    this.socket = socket;
    socket.on('connect', () => fire(this, 'onconnect'));
    socket.on('data', (data) => fire(this, 'ondata', data));
    socket.on('end', () => fire(this, 'onend'));
    socket.on('close', (hadError) => fire(this, 'onclose', hadError));
    socket.on('error', (err) => fire(this, 'onerror', err));
    return this;
  }

  // Data written before the connection is up goes out once it is.
  write(data) {
    return this.socket.write(data);
  }

  end(data) {
    this.socket.end(data);
  }

  close() {
    this.socket.destroy();
  }
}

class SocketDgram {
  // type: 'udp4' (the default) or 'udp6'.
  constructor(type = 'udp4') {
    this.onlistening = null; // ()
    this.onmessage = null; // (msg: Buffer, rinfo: { address, family, port, size })
    this.onclose = null; // ()
    this.onerror = null; // (err: Error)
    this.socket = require('dgram').createSocket(type);
    this.socket.on('listening', () => fire(this, 'onlistening'));
    this.socket.on('message', (msg, rinfo) => fire(this, 'onmessage', msg, rinfo));
    this.socket.on('close', () => fire(this, 'onclose'));
    this.socket.on('error', (err) => fire(this, 'onerror', err));
  }

  // { port, address }; a port of 0 (or none) lets the kernel choose one.
  bind(options = {}) {
    this.socket.bind(options);
    return this;
  }

  // The socket is bound to an ephemeral port first if bind() was not called.
  send(data, { host, port }, callback) {
    this.socket.send(data, port, host, callback);
  }

  address() {
    return this.socket.address();
  }

  close() {
    this.socket.close();
  }
}

module.exports = { SocketTcp, SocketDgram };
