'use strict';

// perf_hooks: the `performance` object (W3C High Resolution Time and User
// Timing: now, timeOrigin, marks and measures, with Node's options and
// errors), PerformanceObserver for 'mark', 'measure' and 'function'
// entries, timerify() and eventLoopUtilization().
//
// 'net', 'dns' and 'http' entries come from those modules while observed
// (internal/perf/observe).
//
// Histograms (createHistogram, monitorEventLoopDelay) are internal/histogram's.
//
// Not available: performance.nodeTiming and the milestones it names,
// resource timing and the gc entry type. eventLoopUtilization() counts all
// time since start as active, since the event loop does not report its idle
// time.
//
// Every Event's timeStamp reads performance.now(), so this module may load
// early: it keeps its load-time work small and loads internal/errors and
// structuredClone only when needed.

const { EventTarget } = require('events');

let errorsModule;
function errors() {
  return (errorsModule ??= require('internal/errors'));
}

let structuredCloneFn;
function cloneDetail(detail) {
  if (detail === undefined || detail === null) return null;
  structuredCloneFn ??= require('internal/structured_clone').structuredClone;
  return structuredCloneFn(detail);
}

let DOMExceptionClass;
function domException(message, name) {
  DOMExceptionClass ??= require('internal/dom_exception').DOMException;
  return new DOMExceptionClass(message, name);
}

// Node-style coded TypeErrors ("TypeError [CODE]: message" in the stack
// and toString()) for the two codes internal/errors does not list.
function codedTypeError(code, message) {
  const err = new TypeError(message);
  Error.captureStackTrace(err, codedTypeError);
  err.code = code;
  const header = `TypeError [${code}]: ${message}`;
  const stack = err.stack;
  const frames = stack.indexOf('\n    at ');
  const hidden = { writable: true, enumerable: false, configurable: true };
  Object.defineProperty(err, 'stack', { ...hidden, value: frames === -1 ? header : header + stack.slice(frames) });
  Object.defineProperty(err, 'toString', {
    ...hidden,
    value: function toString() {
      return `${this.name} [${code}]: ${this.message}`;
    },
  });
  return err;
}

function invalidTimestamp(value) {
  return codedTypeError('ERR_PERFORMANCE_INVALID_TIMESTAMP', `${value} is not a valid timestamp`);
}

function invalidMeasureOptions(message) {
  return codedTypeError('ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', message);
}

// The time origin is the process start, on both clocks.
const processBinding = internalBinding('process');
const uptimeAtLoad = processBinding.uptime();
const startNs = processBinding.hrtime() - uptimeAtLoad * 1e9;
const timeOrigin = processBinding.timeOrigin() - uptimeAtLoad * 1e3;

function now() {
  return (processBinding.hrtime() - startNs) / 1e6;
}

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kToken = Symbol('kToken');

// Node's inspect shape for these classes: `Name { ...fields }`, or
// `[Name]` when out of depth.
function inspectAs(self, fields, depth, options, inspect) {
  if (depth < 0) return options.stylize(`[${self.constructor.name}]`, 'special');
  const opts = { ...options, depth: options.depth === null ? null : options.depth - 1 };
  return `${self.constructor.name} ${inspect(fields, opts)}`;
}

// ---------------------------------------------------------------------------
// Entries

let addDetailMembers;

class PerformanceEntry {
  #name;
  #entryType;
  #startTime;
  #duration;
  #detail;

  constructor(token, name, entryType, startTime, duration, detail) {
    if (token !== kToken) throw new (errors().codes.ERR_ILLEGAL_CONSTRUCTOR)();
    this.#name = name;
    this.#entryType = entryType;
    this.#startTime = startTime;
    this.#duration = duration;
    this.#detail = detail;
  }

  static #check(value) {
    if (value === null || typeof value !== 'object' || !(#name in value)) {
      throw new (errors().codes.ERR_INVALID_ARG_TYPE)('this', 'PerformanceEntry', value);
    }
  }

  get name() {
    PerformanceEntry.#check(this);
    return this.#name;
  }

  get entryType() {
    PerformanceEntry.#check(this);
    return this.#entryType;
  }

  get startTime() {
    PerformanceEntry.#check(this);
    return this.#startTime;
  }

  get duration() {
    PerformanceEntry.#check(this);
    return this.#duration;
  }

  toJSON() {
    PerformanceEntry.#check(this);
    return {
      name: this.#name,
      entryType: this.#entryType,
      startTime: this.#startTime,
      duration: this.#duration,
    };
  }

  [kInspect](depth, options, inspect) {
    return inspectAs(this, this.toJSON(), depth, options, inspect);
  }

  // Installs `detail` and a toJSON() that includes it on a subclass whose
  // entries carry a detail; both check their receiver against that class.
  static {
    addDetailMembers = (cls) => {
      const check = (value) => {
        if (value === null || typeof value !== 'object' || !(#name in value) || !(value instanceof cls)) {
          throw new (errors().codes.ERR_INVALID_ARG_TYPE)('this', cls.name, value);
        }
      };
      const members = {
        get detail() {
          check(this);
          return this.#detail;
        },
        toJSON() {
          check(this);
          return {
            name: this.#name,
            entryType: this.#entryType,
            startTime: this.#startTime,
            duration: this.#duration,
            detail: this.#detail,
          };
        },
      };
      Object.defineProperties(cls.prototype, {
        detail: Object.getOwnPropertyDescriptor(members, 'detail'),
        toJSON: { ...Object.getOwnPropertyDescriptor(members, 'toJSON'), enumerable: false },
      });
    };
  }
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new (errors().codes.ERR_MISSING_ARGS)('name');
    name = `${name}`;
    if (options !== undefined && options !== null) errors().validateObject(options, 'options');
    let startTime = options?.startTime;
    if (startTime === undefined) {
      startTime = now();
    } else {
      errors().validateNumber(startTime, 'startTime');
      if (startTime < 0) throw invalidTimestamp(startTime);
    }
    super(kToken, name, 'mark', startTime, 0, cloneDetail(options?.detail));
  }
}

class PerformanceMeasure extends PerformanceEntry {}

// 'function' entries, made by timerify().
class PerformanceNodeEntry extends PerformanceEntry {}

for (const cls of [PerformanceMark, PerformanceMeasure, PerformanceNodeEntry]) addDetailMembers(cls);

// ---------------------------------------------------------------------------
// The performance timeline: marks and measures made through `performance`.

const markBuffer = [];
const measureBuffer = [];

function byStartTime(a, b) {
  return a.startTime - b.startTime;
}

function timelineEntries(name, type) {
  let entries;
  if (type === undefined) entries = [...markBuffer, ...measureBuffer];
  else if (type === 'mark') entries = markBuffer.slice();
  else if (type === 'measure') entries = measureBuffer.slice();
  else return [];
  if (name !== undefined) entries = entries.filter((entry) => entry.name === name);
  return entries.sort(byStartTime);
}

function clearBuffer(buffer, name) {
  if (name === undefined) {
    buffer.length = 0;
    return;
  }
  name = `${name}`;
  let kept = 0;
  for (const entry of buffer) if (entry.name !== name) buffer[kept++] = entry;
  buffer.length = kept;
}

// A measure's start or end: a timestamp, or the latest mark of that name.
function markTime(nameOrTime) {
  if (typeof nameOrTime === 'number') {
    if (nameOrTime < 0) throw invalidTimestamp(nameOrTime);
    return nameOrTime;
  }
  const name = `${nameOrTime}`;
  for (let i = markBuffer.length - 1; i >= 0; i--) {
    if (markBuffer[i].name === name) return markBuffer[i].startTime;
  }
  throw domException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

// ---------------------------------------------------------------------------
// Observers

const kSupportedEntryTypes = ['dns', 'function', 'http', 'mark', 'measure', 'net'];
// The types net, dns and http make entries of only while observed (internal/perf/observe).
const kNodeEntryTypes = ['dns', 'http', 'net'];

// Observers with at least one entry type, and those with entries waiting
// to be delivered (all at once, from an immediate).
const connectedObservers = new Set();
const pendingObservers = new Set();
let deliveryScheduled = false;

function deliverPending() {
  deliveryScheduled = false;
  const observers = [...pendingObservers];
  pendingObservers.clear();
  for (const observer of observers) observerInternals.deliver(observer);
}

function schedulePending(observer) {
  pendingObservers.add(observer);
  if (!deliveryScheduled) {
    deliveryScheduled = true;
    setImmediate(deliverPending);
  }
}

function hasObserverFor(type) {
  for (const observer of connectedObservers) {
    if (observerInternals.observes(observer, type)) return true;
  }
  return false;
}

function enqueue(entry) {
  for (const observer of connectedObservers) observerInternals.offer(observer, entry);
}

const perfObserve = require('internal/perf/observe');
perfObserve.connect((name, type, startTime, detail) => {
  enqueue(new PerformanceNodeEntry(kToken, name, type, startTime, now() - startTime, detail));
}, now);

// Tells net, dns and http which of their types someone observes now.
function updateObserved() {
  for (const type of kNodeEntryTypes) perfObserve.setObserved(type, hasObserverFor(type));
}

// Filled in by PerformanceObserver's static block.
let observerInternals;

class PerformanceObserverEntryList {
  #entries;

  constructor(token, entries) {
    if (token !== kToken) throw new (errors().codes.ERR_ILLEGAL_CONSTRUCTOR)();
    this.#entries = entries.sort(byStartTime);
  }

  getEntries() {
    return this.#entries.slice();
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new (errors().codes.ERR_MISSING_ARGS)('type');
    type = `${type}`;
    return this.#entries.filter((entry) => entry.entryType === type);
  }

  getEntriesByName(name, type = undefined) {
    if (arguments.length === 0) throw new (errors().codes.ERR_MISSING_ARGS)('name');
    name = `${name}`;
    if (type !== undefined) type = `${type}`;
    return this.#entries.filter((entry) => entry.name === name && (type === undefined || entry.entryType === type));
  }

  [kInspect](depth, options, inspect) {
    return inspectAs(this, this.#entries, depth, options, inspect);
  }
}

class PerformanceObserver {
  #callback;
  #entryTypes = new Set();
  // 'multiple' after observe({ entryTypes }), 'single' after observe({ type });
  // an observer cannot switch.
  #mode = undefined;
  #buffer = [];

  constructor(callback) {
    errors().validateFunction(callback, 'callback');
    this.#callback = callback;
  }

  static get supportedEntryTypes() {
    return kSupportedEntryTypes.slice();
  }

  observe(options = {}) {
    errors().validateObject(options, 'options');
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) {
      throw new (errors().codes.ERR_MISSING_ARGS)('options.entryTypes', 'options.type');
    }
    if (entryTypes != null && type != null) {
      throw new (errors().codes.ERR_INVALID_ARG_VALUE)('options.entryTypes', entryTypes,
        'options.entryTypes can not set with options.type together');
    }
    if (entryTypes !== undefined) {
      if (this.#mode === 'single') {
        throw domException('PerformanceObserver can not change to multiple observations', 'InvalidModificationError');
      }
      if (!Array.isArray(entryTypes)) {
        throw new (errors().codes.ERR_INVALID_ARG_TYPE)('options.entryTypes', 'string[]', entryTypes);
      }
      this.#mode = 'multiple';
      this.#entryTypes.clear();
      for (const entryType of entryTypes) {
        if (kSupportedEntryTypes.includes(entryType)) this.#entryTypes.add(entryType);
      }
    } else {
      if (this.#mode === 'multiple') {
        throw domException('PerformanceObserver can not change to single observation', 'InvalidModificationError');
      }
      this.#mode = 'single';
      if (kSupportedEntryTypes.includes(type)) {
        this.#entryTypes.add(type);
        if (buffered) {
          const entries = timelineEntries(undefined, type);
          if (entries.length > 0) {
            this.#buffer.push(...entries);
            schedulePending(this);
          }
        }
      }
    }
    if (this.#entryTypes.size > 0) connectedObservers.add(this);
    else connectedObservers.delete(this);
    updateObserved();
  }

  disconnect() {
    connectedObservers.delete(this);
    pendingObservers.delete(this);
    this.#entryTypes.clear();
    this.#mode = undefined;
    this.#buffer = [];
    updateObserved();
  }

  takeRecords() {
    const records = this.#buffer;
    this.#buffer = [];
    return records;
  }

  [kInspect](depth, options, inspect) {
    return inspectAs(this, {
      connected: connectedObservers.has(this),
      pending: pendingObservers.has(this),
      entryTypes: [...this.#entryTypes],
      buffer: this.#buffer,
    }, depth, options, inspect);
  }

  static {
    observerInternals = {
      observes: (observer, type) => observer.#entryTypes.has(type),
      offer(observer, entry) {
        if (!observer.#entryTypes.has(entry.entryType)) return;
        observer.#buffer.push(entry);
        schedulePending(observer);
      },
      deliver(observer) {
        const records = observer.#buffer;
        if (records.length === 0) return;
        observer.#buffer = [];
        const list = new PerformanceObserverEntryList(kToken, records);
        Reflect.apply(observer.#callback, observer, [list, observer]);
      },
    };
  }
}

// ---------------------------------------------------------------------------
// performance

function timerify(fn, options = {}) {
  errors().validateFunction(fn, 'fn');
  errors().validateObject(options, 'options');
  const { histogram } = options;
  if (histogram !== undefined && !(histogram instanceof require('internal/histogram').RecordableHistogram)) {
    throw new (errors().codes.ERR_INVALID_ARG_TYPE)('options.histogram', 'RecordableHistogram', histogram);
  }
  const record = (startTime, args) => {
    // The duration in ns, as Node records it (at least 1: a histogram takes no 0).
    if (histogram !== undefined) histogram.record(Math.max(Math.ceil((now() - startTime) * 1e6), 1));
    if (hasObserverFor('function')) {
      enqueue(new PerformanceNodeEntry(kToken, fn.name, 'function', startTime, now() - startTime, args));
    }
  };
  function timerified(...args) {
    const startTime = now();
    if (new.target !== undefined) {
      const instance = Reflect.construct(fn, args, fn);
      record(startTime, args);
      return instance;
    }
    const result = Reflect.apply(fn, this, args);
    // A promise is timed until it settles.
    if (typeof result?.finally === 'function') return result.finally(() => record(startTime, args));
    record(startTime, args);
    return result;
  }
  Object.defineProperties(timerified, {
    length: { value: fn.length, configurable: true },
    name: { value: `timerified ${fn.name}`, configurable: true },
  });
  return timerified;
}

class Performance extends EventTarget {
  constructor(token) {
    if (token !== kToken) throw new (errors().codes.ERR_ILLEGAL_CONSTRUCTOR)();
    super();
  }

  static #check(value) {
    if (value !== performance) throw new (errors().codes.ERR_INVALID_ARG_TYPE)('this', 'Performance', value);
  }

  clearMarks(name = undefined) {
    Performance.#check(this);
    clearBuffer(markBuffer, name);
  }

  clearMeasures(name = undefined) {
    Performance.#check(this);
    clearBuffer(measureBuffer, name);
  }

  getEntries() {
    Performance.#check(this);
    return timelineEntries(undefined, undefined);
  }

  getEntriesByName(name, type = undefined) {
    Performance.#check(this);
    if (arguments.length === 0) throw new (errors().codes.ERR_MISSING_ARGS)('name');
    return timelineEntries(`${name}`, type === undefined ? undefined : `${type}`);
  }

  getEntriesByType(type) {
    Performance.#check(this);
    if (arguments.length === 0) throw new (errors().codes.ERR_MISSING_ARGS)('type');
    return timelineEntries(undefined, `${type}`);
  }

  mark(name, options = undefined) {
    Performance.#check(this);
    const mark = Reflect.construct(PerformanceMark, arguments);
    markBuffer.push(mark);
    enqueue(mark);
    return mark;
  }

  // measure(name[, startMark[, endMark]]) or measure(name, { start, end,
  // duration, detail }). Node takes a start mark only as a string; other
  // non-object values leave the start at the time origin.
  measure(name, startOrOptions = undefined, endMark = undefined) {
    Performance.#check(this);
    if (arguments.length === 0) throw new (errors().codes.ERR_MISSING_ARGS)('name');
    name = `${name}`;
    let start;
    let end = endMark;
    let duration;
    let detail;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      ({ start, duration, detail } = startOrOptions);
      const optionEnd = startOrOptions.end;
      if (start !== undefined || optionEnd !== undefined || duration !== undefined) {
        if (endMark !== undefined) throw invalidMeasureOptions('endMark must not be specified');
        if (start !== undefined && optionEnd !== undefined && duration !== undefined) {
          throw invalidMeasureOptions('Must not have options.start, options.end, and options.duration specified');
        }
        end = optionEnd;
      }
    } else if (typeof startOrOptions === 'string') {
      start = startOrOptions;
    }

    // As in Node, a duration is resolved like a start or end: a string
    // names a mark.
    let endTime;
    if (end !== undefined) endTime = markTime(end);
    else if (start !== undefined && duration !== undefined) endTime = markTime(start) + markTime(duration);
    else endTime = now();
    let startTime;
    if (start !== undefined) startTime = markTime(start);
    else if (duration !== undefined && end !== undefined) startTime = endTime - markTime(duration);
    else startTime = 0;

    const measure = new PerformanceMeasure(kToken, name, 'measure', startTime, endTime - startTime, cloneDetail(detail));
    measureBuffer.push(measure);
    enqueue(measure);
    return measure;
  }

  now() {
    // The one instance is checked inline: now() is called in hot loops.
    if (this !== performance) Performance.#check(this);
    return now();
  }

  get timeOrigin() {
    Performance.#check(this);
    return timeOrigin;
  }

  toJSON() {
    Performance.#check(this);
    return { timeOrigin, eventLoopUtilization: this.eventLoopUtilization() };
  }

  // With one argument, the change since that reading; with two, the
  // difference between them.
  eventLoopUtilization(util1 = undefined, util2 = undefined) {
    Performance.#check(this);
    const current = { idle: 0, active: now() };
    if (util1 === null || typeof util1 !== 'object') {
      return { ...current, utilization: current.active > 0 ? 1 : 0 };
    }
    const [later, earlier] = util2 !== null && typeof util2 === 'object' ? [util1, util2] : [current, util1];
    const idle = later.idle - earlier.idle;
    const active = later.active - earlier.active;
    return { idle, active, utilization: active / (idle + active) };
  }

  timerify(fn, options = undefined) {
    Performance.#check(this);
    return Reflect.apply(timerify, undefined, arguments);
  }

  [kInspect](depth, options, inspect) {
    return inspectAs(this, { timeOrigin }, depth, options, inspect);
  }
}

const performance = new Performance(kToken);

// WebIDL members are enumerable; Node's own additions to Performance are not.
for (const [proto, names] of [
  [Performance.prototype, [
    'clearMarks', 'clearMeasures', 'getEntries', 'getEntriesByName', 'getEntriesByType', 'mark',
    'measure', 'now', 'timeOrigin', 'toJSON',
  ]],
  [PerformanceEntry.prototype, ['name', 'entryType', 'startTime', 'duration', 'toJSON']],
  [PerformanceObserver.prototype, ['observe', 'disconnect', 'takeRecords']],
  [PerformanceObserverEntryList.prototype, ['getEntries', 'getEntriesByType', 'getEntriesByName']],
]) {
  for (const name of names) Object.defineProperty(proto, name, { enumerable: true });
}
for (const [cls, tag] of [
  [Performance, 'Performance'], [PerformanceEntry, 'PerformanceEntry'], [PerformanceMark, 'PerformanceMark'],
  [PerformanceMeasure, 'PerformanceMeasure'], [PerformanceNodeEntry, 'PerformanceNodeEntry'],
  [PerformanceObserver, 'PerformanceObserver'], [PerformanceObserverEntryList, 'PerformanceObserverEntryList'],
]) {
  Object.defineProperty(cls.prototype, Symbol.toStringTag, {
    value: tag, writable: false, enumerable: false, configurable: true,
  });
}

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  monitorEventLoopDelay(options) {
    return require('internal/histogram').monitorEventLoopDelay(options);
  },
  createHistogram(options) {
    return require('internal/histogram').createHistogram(options);
  },
  performance,
  constants: {
    NODE_PERFORMANCE_GC_MAJOR: 4,
    NODE_PERFORMANCE_GC_MINOR: 1,
    NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16,
    NODE_PERFORMANCE_GC_FLAGS_NO: 0,
    NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
    NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
    NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
    NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
    NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
    NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
  },
};
