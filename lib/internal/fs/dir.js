'use strict';

// fs.Dir, fs.opendir() and fs.opendirSync().
//
// The native contract has no directory handle, so a Dir holds the listing
// taken when it was opened (one readdir job) and hands it out entry by
// entry; every read is answered from that listing (on the next tick for the
// asynchronous forms), so no read is ever in flight and Node's
// ERR_DIR_CONCURRENT_OPERATION cannot arise. With `recursive`, a
// directory's own entries are listed when the directory itself is read, and
// queued after those already waiting, as Node does.

const binding = require('internal/fs/binding');
const pathModule = require('path');
const {
  codes,
  errors,
  validateFunction,
  validateInteger,
  getValidatedPath,
  getOptions,
  runSync,
  runCallback,
} = require('internal/fs/utils');
const { makeDirents, direntsSteps } = require('internal/fs/ops');

function* listingSteps(path, encoding) {
  const [names, types] = yield [binding.readdir, path, true];
  return makeDirents(path, names, types, encoding) ?? (yield* direntsSteps(path, names, types, encoding));
}

// Node opens a directory with opendir(3): its errors say "opendir", with the
// path in the asynchronous form only ("ENOENT: no such file or directory,
// opendir"). The listing fails as scandir; its error is restated.
function opendirError(err, withPath) {
  if (typeof err.errno !== 'number') return err;
  const known = errors().uvErrmapGet(err.errno);
  let message = `${err.code}: ${known ? known[1] : 'unknown error'}, opendir`;
  if (withPath) message += ` '${err.path}'`;
  const restated = new Error(message);
  restated.errno = err.errno;
  restated.code = err.code;
  restated.syscall = 'opendir';
  if (withPath) restated.path = err.path;
  return restated;
}

class Dir {
  #path;
  #options;
  #entries;
  #next = 0; // the index of the entry read() hands out next
  #closed = false;

  constructor(path, entries, options) {
    if (entries == null) throw new codes.ERR_MISSING_ARGS('handle');
    this.#path = path;
    this.#entries = entries;
    this.#options = { bufferSize: 32, ...getOptions(options, { encoding: 'utf8' }) };
    validateInteger(this.#options.bufferSize, 'options.bufferSize', 1, 4294967295);
  }

  get path() {
    return this.#path;
  }

  // The next entry, or null at the end. Reading a directory entry of a
  // recursive Dir lists that directory (synchronously, as Node does).
  #take() {
    const dirent = this.#entries[this.#next++] ?? null;
    if (dirent !== null && this.#options.recursive && dirent.isDirectory()) {
      const dir = pathModule.join(dirent.parentPath, dirent.name);
      this.#entries.push(...runSync(listingSteps(dir, this.#options.encoding)));
    }
    return dirent;
  }

  read(callback) {
    if (this.#closed) throw new codes.ERR_DIR_CLOSED();
    if (callback === undefined) {
      return new Promise((resolve, reject) => this.read((err, dirent) => (err ? reject(err) : resolve(dirent))));
    }
    validateFunction(callback, 'callback');
    let dirent;
    try {
      dirent = this.#take();
    } catch (err) {
      process.nextTick(callback, err);
      return undefined;
    }
    process.nextTick(callback, null, dirent);
    return undefined;
  }

  readSync() {
    if (this.#closed) throw new codes.ERR_DIR_CLOSED();
    return this.#take();
  }

  close(callback) {
    if (callback === undefined) {
      if (this.#closed) return Promise.reject(new codes.ERR_DIR_CLOSED());
      return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
    }
    validateFunction(callback, 'callback');
    if (this.#closed) {
      process.nextTick(callback, new codes.ERR_DIR_CLOSED());
      return undefined;
    }
    this.#closed = true;
    this.#entries = [];
    process.nextTick(callback, null);
    return undefined;
  }

  closeSync() {
    if (this.#closed) throw new codes.ERR_DIR_CLOSED();
    this.#closed = true;
    this.#entries = [];
  }

  // Iterating reads to the end and closes the Dir, also when the loop exits early.
  async* entries() {
    try {
      for (;;) {
        const dirent = await this.read();
        if (dirent === null) break;
        yield dirent;
      }
    } finally {
      if (!this.#closed) await this.close();
    }
  }

  [Symbol.asyncIterator]() {
    return this.entries();
  }
}

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  const { encoding } = options;
  runCallback(listingSteps(path, encoding), (err, entries) => {
    if (err) {
      callback(opendirError(err, true));
      return;
    }
    let dir;
    try {
      dir = new Dir(path, entries, options);
    } catch (error) {
      callback(error);
      return;
    }
    callback(null, dir);
  });
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  let entries;
  try {
    entries = runSync(listingSteps(path, options.encoding));
  } catch (err) {
    throw opendirError(err, false);
  }
  return new Dir(path, entries, options);
}

module.exports = { Dir, opendir, opendirSync };
