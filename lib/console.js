'use strict';
// The global console: util.format'ed lines written synchronously to stdout/stderr.

const { formatWithOptions, inspect } = require('util');

const kCounts = Symbol('counts');
const kTimers = Symbol('timers');
const kIndent = Symbol('indent');

function noop() {}

class Console {
  constructor(stdout, stderr, ignoreErrors) {
    let options = stdout;
    if (!options || typeof options.write === 'function') {
      options = { stdout, stderr, ignoreErrors };
    }
    if (!options.stdout || typeof options.stdout.write !== 'function') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_CONSOLE_WRITABLE_STREAM('stdout');
    }
    this._stdout = options.stdout;
    this._stderr = options.stderr || options.stdout;
    this._inspectOptions = options.inspectOptions || {};
    this[kCounts] = new Map();
    this[kTimers] = new Map();
    this[kIndent] = '';
    // Methods work unbound (`const { log } = console`), as in Node.
    for (const key of Object.getOwnPropertyNames(Console.prototype)) {
      if (key !== 'constructor' && typeof this[key] === 'function') this[key] = this[key].bind(this);
    }
  }

  // A console never throws because its stream failed (a pipe whose reader has gone:
  // EPIPE), as Node's does not: the failure is swallowed, whether the write throws, the
  // callback gets it, or the stream emits it later.
  _write(stream, text) {
    if (this[kIndent]) text = this[kIndent] + text.replace(/\n/g, '\n' + this[kIndent]);
    const guard = typeof stream.listenerCount === 'function' && stream.listenerCount('error') === 0;
    if (guard) stream.once('error', noop);
    try {
      stream.write(text + '\n', (err) => {
        if (err && typeof stream.listenerCount === 'function' && stream.listenerCount('error') === 0) {
          stream.once('error', noop);
        }
      });
    } catch (err) {
      if (err instanceof RangeError && /call stack/i.test(err.message)) throw err;
    } finally {
      if (guard) stream.removeListener('error', noop);
    }
  }

  _format(args) {
    const opts = { ...this._inspectOptions };
    if (opts.colors === undefined) opts.colors = false;
    return formatWithOptions(opts, ...args);
  }

  log(...args) { this._write(this._stdout, this._format(args)); }
  info(...args) { this.log(...args); }
  debug(...args) { this.log(...args); }
  error(...args) { this._write(this._stderr, this._format(args)); }
  warn(...args) { this.error(...args); }

  dir(obj, options) {
    this._write(this._stdout, inspect(obj, { customInspect: false, ...this._inspectOptions, ...options }));
  }

  dirxml(...args) { this.log(...args); }

  trace(...args) {
    const err = new Error(this._format(args));
    err.name = 'Trace';
    const stack = String(err.stack || '').split('\n').filter((l) => /^\s+at /.test(l)).slice(1);
    this._write(this._stderr, [`Trace: ${err.message}`].concat(stack).join('\n'));
  }

  assert(condition, ...args) {
    if (condition) return;
    if (args.length > 0 && typeof args[0] === 'string') {
      args[0] = `Assertion failed: ${args[0]}`;
      this.warn(...args);
    } else {
      this.warn('Assertion failed', ...args);
    }
  }

  count(label = 'default') {
    label = `${label}`;
    const n = (this[kCounts].get(label) || 0) + 1;
    this[kCounts].set(label, n);
    this.log(`${label}: ${n}`);
  }

  countReset(label = 'default') {
    label = `${label}`;
    if (!this[kCounts].has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    this[kCounts].set(label, 0);
  }

  group(...args) {
    if (args.length > 0) this.log(...args);
    this[kIndent] += '  ';
  }
  groupCollapsed(...args) { this.group(...args); }
  groupEnd() { this[kIndent] = this[kIndent].slice(0, -2); }

  time(label = 'default') {
    label = `${label}`;
    if (this[kTimers].has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this[kTimers].set(label, process.hrtime());
  }

  timeEnd(label = 'default') {
    label = `${label}`;
    if (this._timeLog(label, 'timeEnd', [])) this[kTimers].delete(label);
  }

  timeLog(label = 'default', ...data) {
    this._timeLog(`${label}`, 'timeLog', data);
  }

  _timeLog(label, name, data) {
    const start = this[kTimers].get(label);
    if (start === undefined) {
      process.emitWarning(`No such label '${label}' for console.${name}()`);
      return false;
    }
    const [s, ns] = process.hrtime(start);
    this.log(`${label}: ${formatTime(s * 1e3 + ns / 1e6)}`, ...data);
    return true;
  }

  table(data, properties) {
    if (data === null || typeof data !== 'object') return this.log(data);
    this.log(renderTable(data, properties));
  }
}

// Node's duration format: "1.5ms", "2.250s", "1:05.300 (m:ss.mmm)", "1:02:03.000 (h:mm:ss.mmm)".
function formatTime(ms) {
  if (ms < 1000) return `${Number(ms.toFixed(3))}ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(3)}s`;
  const totalSeconds = ms / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const [secs, frac] = (totalSeconds % 60).toFixed(3).split('.');
  const two = (n) => String(n).padStart(2, '0');
  return hours > 0
    ? `${hours}:${two(minutes)}:${two(secs)}.${frac} (h:mm:ss.mmm)`
    : `${minutes}:${two(secs)}.${frac} (m:ss.mmm)`;
}

// console.table's box drawing, as Node renders it.
function renderTable(data, properties) {
  const fmt = (v) => inspect(v, { depth: 1, breakLength: Infinity, compact: true });
  const isMap = data instanceof Map;
  const rows = isMap ? [...data.entries()] : data instanceof Set ? [...data.values()].map((v, i) => [i, v]) : Object.keys(data).map((k) => [k, data[k]]);
  const indexHeader = isMap ? '(iteration index)' : '(index)';
  const keys = [];
  let hasValues = false;
  for (const [, v] of rows) {
    if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) if (!keys.includes(k) && (!properties || properties.includes(k))) keys.push(k);
    } else {
      hasValues = true;
    }
  }
  const header = isMap ? [indexHeader, 'Key', ...keys] : [indexHeader, ...keys];
  if (hasValues) header.push('Values');
  const body = rows.map(([k, v], i) => {
    const row = isMap ? [String(i), fmt(k)] : [String(k)];
    for (const key of keys) row.push(v !== null && typeof v === 'object' && key in v ? fmt(v[key]) : '');
    if (hasValues) row.push(v !== null && typeof v === 'object' ? '' : fmt(v));
    return row;
  });
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)) + 2);
  const pad = (s, w) => ' ' + s + ' '.repeat(w - s.length - 1);
  const line = (l, m, r) => l + widths.map((w) => '─'.repeat(w)).join(m) + r;
  const out = [line('┌', '┬', '┐'), '│' + header.map((h, c) => pad(h, widths[c])).join('│') + '│', line('├', '┼', '┤')];
  for (const r of body) out.push('│' + r.map((s, c) => pad(s, widths[c])).join('│') + '│');
  out.push(line('└', '┴', '┘'));
  return out.join('\n');
}

const globalConsole = new Console({ stdout: process.stdout, stderr: process.stderr });
globalConsole.Console = Console;
module.exports = globalConsole;
