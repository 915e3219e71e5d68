'use strict';
// process.stdin/stdout/stderr as real streams. Output is written synchronously, as Node
// does on Linux for files, TTYs and pipes alike, so nothing is lost when the process
// exits. Input is read when the loop reports the descriptor readable (or, for regular
// files, a chunk per read request).

const binding = internalBinding('process');
const fsBinding = internalBinding('fs');

const EPOLLIN = 0x001;

// Sync writes of whole chunks; EAGAIN on non-blocking pipes is waited out natively.
function writeChunk(fd, chunk, encoding) {
  const data = typeof chunk === 'string' && encoding && encoding !== 'utf8' && encoding !== 'buffer'
    ? require('buffer').Buffer.from(chunk, encoding)
    : chunk;
  binding.writeSync(fd, data);
}

// Writable options that write to `fd` synchronously (stdio and tty.WriteStream).
function fdWriteOptions(fd) {
  return {
    decodeStrings: false,
    write(chunk, encoding, cb) {
      try {
        writeChunk(fd, chunk, encoding);
      } catch (err) {
        return cb(err);
      }
      cb();
    },
    writev(chunks, cb) {
      try {
        for (const { chunk, encoding } of chunks) writeChunk(fd, chunk, encoding);
      } catch (err) {
        return cb(err);
      }
      cb();
    },
  };
}

function createWritable(fd) {
  const kind = binding.fdKind(fd);
  if (kind === 'tty') return new (require('tty').WriteStream)(fd);
  const { Writable } = require('stream');
  const stream = new Writable(fdWriteOptions(fd));
  stream.fd = fd;
  stream._type = kind === 'file' ? 'fs' : 'pipe';
  stream._isStdio = true;
  // Stdio stays open for the whole process, as in Node.
  stream.destroySoon = stream.destroy;
  stream._destroy = (err, cb) => cb(err);
  return stream;
}

function createReadable(fd) {
  if (binding.fdKind(fd) === 'tty') return new (require('tty').ReadStream)(fd);
  return new (fdReadable())(fd);
}

let FdReadable;
// The class of a readable over a descriptor: watched in the loop when it can be polled
// (pipes, sockets, TTYs), read directly otherwise (regular files). Built on first use,
// since it needs the stream module.
function fdReadable() {
  if (FdReadable === undefined) {
    const { Readable } = require('stream');
    const { Buffer } = require('buffer');
    const eventLoop = require('internal/event_loop');
    FdReadable = class FdReadable extends Readable {
      #fd;
      #token = 0;
      #pollable = true;
      #refed = true;

      constructor(fd, options) {
        super({ highWaterMark: 64 * 1024, ...options });
        this.#fd = fd;
        this.fd = fd;
      }

      #readChunk() {
        const chunk = Buffer.allocUnsafe(64 * 1024);
        let n;
        try {
          n = fsBinding.read(this.#fd, chunk, 0, chunk.length, -1);
        } catch (err) {
          if (err.code === 'EAGAIN') return true;
          this.#stop();
          this.destroy(err);
          return false;
        }
        if (n === 0) {
          this.#stop();
          this.push(null);
          return false;
        }
        return this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      }

      #stop() {
        if (this.#token !== 0) {
          eventLoop.unwatch(this.#token);
          this.#token = 0;
        }
      }

      _read() {
        if (!this.#pollable) {
          this.#readChunk();
          return;
        }
        if (this.#token !== 0) return;
        try {
          // One read per readiness report: epoll said there is data, so it cannot block.
          this.#token = eventLoop.watch(this.#fd, EPOLLIN, () => {
            if (!this.#readChunk()) this.#stop();
          }, this.#refed);
        } catch {
          // Regular files cannot be polled.
          this.#pollable = false;
          this.#readChunk();
        }
      }

      _destroy(err, cb) {
        this.#stop();
        cb(err);
      }

      ref() {
        this.#refed = true;
        if (this.#token !== 0) eventLoop.setWatchRef(this.#token, true);
        return this;
      }

      unref() {
        this.#refed = false;
        if (this.#token !== 0) eventLoop.setWatchRef(this.#token, false);
        return this;
      }
    };
  }
  return FdReadable;
}

module.exports = {
  stdout: () => createWritable(1),
  stderr: () => createWritable(2),
  stdin: () => createReadable(0),
  fdReadable,
  fdWriteOptions,
};
