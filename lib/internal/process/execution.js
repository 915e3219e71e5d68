'use strict';
// Uncaught exceptions: 'uncaughtException' listeners get them; without one the error is
// printed the way Node prints it and the process exits with code 1 after 'exit'.

const { inspect } = require('util');

let handlingUncaught = false;
// process.setUncaughtExceptionCaptureCallback's function: it takes every uncaught
// exception in place of the 'uncaughtException' listeners and the default exit.
let captureCallback = null;

function setUncaughtExceptionCaptureCallback(fn) {
  const { codes } = require('internal/errors');
  if (fn === null) {
    captureCallback = null;
    return;
  }
  if (typeof fn !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
  if (captureCallback !== null) throw new codes.ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
  captureCallback = fn;
}

function hasUncaughtExceptionCaptureCallback() {
  return captureCallback !== null;
}

function triggerUncaughtException(err, fromPromise) {
  const origin = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  if (captureCallback !== null) {
    try {
      captureCallback(err);
    } catch (inner) {
      printError(inner);
      process.reallyExit(7);
    }
    return;
  }
  if (!handlingUncaught && process.listenerCount('uncaughtException') > 0) {
    handlingUncaught = true;
    try {
      process.emit('uncaughtException', err, origin);
    } catch (inner) {
      // An exception thrown by the handler itself is fatal: Node exits with 7.
      printError(inner);
      process.reallyExit(7);
    } finally {
      handlingUncaught = false;
    }
    return;
  }
  if (fromPromise && !isErrorLike(err)) {
    err = unhandledRejectionError(err);
  }
  // As in Node: 'exit' listeners run first (their own errors are ignored here), then the
  // error is printed, then the process ends with exitCode (1 unless a listener changed it).
  if (!process._exiting) {
    process._exiting = true;
    process.exitCode = 1;
    try {
      process.emit('exit', 1);
    } catch {
      // Already dying of `err`.
    }
  }
  // A worker's uncaught exception is its parent's 'error' event rather than printed.
  const worker = require('internal/worker');
  if (worker.isMainThread) printError(err);
  else worker.reportToParent(err);
  // An 'exit' listener may have set exitCode, to 0 too.
  const code = process.exitCode;
  process.reallyExit(code === undefined || code === null ? 1 : code | 0);
}

function isErrorLike(v) {
  return v instanceof Error || (v !== null && typeof v === 'object' && typeof v.stack === 'string');
}

class UnhandledPromiseRejection extends Error {
  constructor(reason) {
    super(
      'This error originated either by throwing inside of an async function without a catch block, ' +
        'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "' +
        inspect(reason) + '".');
    this.code = 'ERR_UNHANDLED_REJECTION';
  }
}
Object.defineProperty(UnhandledPromiseRejection.prototype, 'name', { value: 'UnhandledPromiseRejection', configurable: true, writable: true });

function unhandledRejectionError(reason) {
  return new UnhandledPromiseRejection(reason);
}

const fsBinding = internalBinding('fs');
const sourceCache = new Map();

// Where the error was thrown, as { file, line, column }: the first frame with a location.
function throwFrame(err) {
  const stack = isErrorLike(err) && typeof err.stack === 'string' ? err.stack : '';
  for (const line of stack.split('\n')) {
    const m = /^\s+at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/.exec(line);
    if (m && m[1] !== 'native' && !m[1].startsWith('<')) {
      return { file: m[1], line: +m[2], column: +m[3] };
    }
  }
  return null;
}

function sourceLine(file, line) {
  let text = sourceCache.get(file);
  if (text === undefined) {
    try {
      text = fsBinding.readFileUtf8(file);
    } catch {
      text = null;
    }
    sourceCache.set(file, text);
  }
  if (text === null) return null;
  const lines = text.split('\n');
  return lines[line - 1] !== undefined ? lines[line - 1].replace(/\r$/, '') : null;
}

// Source context ("file:line", the line, a caret) then the inspected error.
function formatUncaught(err) {
  let out = '';
  const frame = throwFrame(err);
  if (frame && frame.file.startsWith('node:')) {
    // Thrown inside a built-in module, whose source is not kept in the binary.
    out += `${frame.file}:${frame.line}\n<built-in>\n^\n\n`;
  } else if (frame) {
    const src = sourceLine(frame.file, frame.line);
    if (src !== null) {
      // The CJS wrapper shares the first line with the module body, so clamp the column.
      const col = Math.max(0, Math.min(frame.column - 1, src.length - 1));
      const firstNonSpace = src.search(/\S/);
      const caretAt = firstNonSpace >= 0 && col < firstNonSpace ? firstNonSpace : col;
      const shown = require('internal/modules/resolve').formatOf(frame.file) === 'module' ? require('internal/modules/esm').pathToFileURL(frame.file) : frame.file;
      out += `${shown}:${frame.line}\n${src}\n${' '.repeat(Math.max(0, caretAt))}^\n\n`;
    }
  }
  if (isErrorLike(err)) {
    out += inspect(err);
  } else {
    // A thrown non-error has no stack to locate it (V8 knows the throw site; QuickJS does not).
    out += `${inspect(err)}\n(Use \`node --trace-uncaught ...\` to show where the exception was thrown)`;
  }
  return out;
}

function printError(err) {
  let text;
  try {
    text = formatUncaught(err);
  } catch {
    text = String(err && err.stack || err);
  }
  internalBinding('process').writeSync(2, `${text}\n\nNode.js ${process.version}\n`);
}

module.exports = {
  triggerUncaughtException, formatUncaught, printError, setUncaughtExceptionCaptureCallback,
  hasUncaughtExceptionCaptureCallback,
};
