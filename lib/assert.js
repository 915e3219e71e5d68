'use strict';

// The `assert` module.
//
// Failure messages follow Node 20's wording and layout, including the
// '+ actual - expected' line diff of strictEqual/deepStrictEqual.  One thing
// is deliberately simpler: Node reads the caller's source text to quote the
// expression given to a failing assert.ok(); this runtime does not, so it
// uses Node's own fallback for when the source is unavailable
// ('false == true').

const {
  codes: {
    ERR_AMBIGUOUS_ARGUMENT,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
  },
  validateFunction,
  validateObject,
} = require('internal/errors');
const { getOwnNonIndexProperties } = internalBinding('util');
const { compare: compareBytes } = internalBinding('buffer');

let utilInspect;
function inspect(value, options) {
  utilInspect ??= require('util').inspect;
  return utilInspect(value, options);
}

// How values are printed inside failure messages: expanded one property per
// line so that the line diff is meaningful, with keys sorted so that key
// order does not show up as a difference.
function inspectValue(value) {
  return inspect(value, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

function isError(value) {
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}

// RegExp.prototype answers the source getter without being a RegExp.
function isRegExp(value) {
  return value !== null && typeof value === 'object' && value !== RegExp.prototype &&
    hasBrand(regExpSource, value);
}

// ---------------------------------------------------------------------------
// AssertionError

const kReadableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Inputs whose printed forms together are at most this long are shown on one
// line as `actual !== expected`.
const kMaxShortLength = 12;
// Output is cut down once about this many lines have been produced.
const kMaxPrintedLines = 50;

function truncateLines(lines) {
  if (lines.length > kMaxPrintedLines) {
    lines.length = 47;
    lines[46] = '...';
  }
  return lines;
}

// Compares the printed forms of `actual` and `expected` line by line, the
// way Node 20 does it: positionally, with no attempt to realign insertions.
function diffMessage(actual, expected, operator, header) {
  const actualLines = inspectValue(actual).split('\n');
  const expectedLines = inspectValue(expected).split('\n');
  const bothObjects = (typeof actual === 'object' && actual !== null &&
                       typeof expected === 'object' && expected !== null) ||
                      (typeof actual === 'function' && typeof expected === 'function');
  if (operator === 'strictEqual' && bothObjects) operator = 'strictEqualObject';
  header ||= kReadableOperator[operator];

  // Two short different one-liners.
  let indicator = '';
  if (actualLines.length === 1 && expectedLines.length === 1 &&
      actualLines[0] !== expectedLines[0]) {
    const a = actualLines[0];
    const e = expectedLines[0];
    const inputLength = a.length + e.length;
    if (inputLength <= kMaxShortLength) {
      const primitives = (typeof actual !== 'object' || actual === null) &&
                         (typeof expected !== 'object' || expected === null);
      // Zeros of opposite sign get the full diff instead, as in Node.
      if (primitives && (actual !== 0 || expected !== 0)) {
        return `${header}\n\n${a} !== ${e}\n`;
      }
    } else if (operator !== 'strictEqualObject') {
      // Point at the first differing character when the two lines fit on
      // the terminal, unless the difference is right at the start.
      const stderr = globalThis.process?.stderr;
      const columns = stderr?.isTTY ? stderr.columns : 80;
      if (inputLength < columns) {
        let i = 0;
        while (a[i] === e[i]) i++;
        if (i > 2) indicator = `\n  ${' '.repeat(i)}^`;
      }
    }
  }

  // Lines both sides end with are shown once, as context (at most the last
  // three and the first of them, with '...' between if more were cut).
  let trailing = 0;
  let tail = '';
  let topOfTail = '';
  while (actualLines.length > 0 && expectedLines.length > 0 &&
         actualLines[actualLines.length - 1] === expectedLines[expectedLines.length - 1]) {
    const line = actualLines.pop();
    expectedLines.pop();
    if (trailing++ < 3) tail = `\n  ${line}${tail}`;
    else topOfTail = line;
  }

  const maxLines = Math.max(actualLines.length, expectedLines.length);
  if (maxLines === 0) {
    // Everything printed alike: equal structure, different identity.
    const lines = truncateLines(inspectValue(actual).split('\n'));
    return `${kReadableOperator.notIdentical}\n\n${lines.join('\n')}\n`;
  }

  let skipped = false;
  if (trailing >= 5) {
    tail = `\n...${tail}`;
    skipped = true;
  }
  if (topOfTail !== '') tail = `\n  ${topOfTail}${tail}`;

  const intro = `${header}\n+ actual - expected`;
  const skippedNote = ' ... Lines skipped';
  // `res` collects the output; `pending` holds '-' lines (or the lines of the
  // shorter side) until the next identical line, so that a run of changes
  // reads as all '+' lines, then all '-' lines.
  let res = '';
  let pending = '';
  let printed = 0;
  let identical = 0;
  const actualIsLonger = actualLines.length >= maxLines;
  const longer = actualIsLonger ? actualLines : expectedLines;
  const shorterLength = actualIsLonger ? expectedLines.length : actualLines.length;

  // Before a change, show the end of the identical run that precedes it: the
  // first two lines of the run were printed as they came, then up to three
  // more, or '...' and the last two.
  const flushIdentical = (i) => {
    if (identical > 2) {
      if (identical > 3) {
        if (identical > 4) {
          if (identical === 5) {
            res += `\n  ${longer[i - 3]}`;
            printed++;
          } else {
            res += '\n...';
            skipped = true;
          }
        }
        res += `\n  ${longer[i - 2]}`;
        printed++;
      }
      res += `\n  ${longer[i - 1]}`;
      printed++;
    }
    identical = 0;
  };

  for (let i = 0; i < maxLines; i++) {
    if (i >= shorterLength) {
      // Only the longer side has a line here.
      flushIdentical(i);
      if (actualIsLonger) res += `\n+ ${longer[i]}`;
      else pending += `\n- ${longer[i]}`;
      printed++;
    } else {
      const e = expectedLines[i];
      let a = actualLines[i];
      // Lines that differ only by a trailing comma (the last element on one
      // side, not on the other) count as identical.
      let differs = a !== e && !(a.endsWith(',') && a.slice(0, -1) === e);
      if (differs && e.endsWith(',') && e.slice(0, -1) === a) {
        differs = false;
        a += ',';
      }
      if (differs) {
        flushIdentical(i);
        res += `\n+ ${a}`;
        pending += `\n- ${e}`;
        printed += 2;
      } else {
        res += pending;
        pending = '';
        identical++;
        if (identical <= 2) {
          res += `\n  ${a}`;
          printed++;
        }
      }
    }
    if (printed > kMaxPrintedLines && i < maxLines - 2) {
      return `${intro}${skippedNote}\n${res}\n...${pending}\n...`;
    }
  }
  return `${intro}${skipped ? skippedNote : ''}\n${res}${pending}${tail}${indicator}`;
}

// Messages of the not* assertions show the one value both sides share.
function sameValueMessage(actual, operator) {
  let header = kReadableOperator[operator];
  if (operator === 'notStrictEqual' &&
      ((typeof actual === 'object' && actual !== null) || typeof actual === 'function')) {
    header = kReadableOperator.notStrictEqualObject;
  }
  const lines = truncateLines(inspectValue(actual).split('\n'));
  if (lines.length === 1) return `${header}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
  return `${header}\n\n${lines.join('\n')}\n`;
}

function truncate(text, max) {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

// Everything else: both values, and the operator between them.
function generalMessage(actual, expected, operator) {
  const a = inspectValue(actual);
  const e = inspectValue(expected);
  if (operator === 'notDeepEqual' && a === e) {
    return truncate(`${kReadableOperator.notDeepEqual}\n\n${a}`, 1024);
  }
  const shownA = truncate(a, 512);
  const shownE = truncate(e, 512);
  if (operator === 'deepEqual') {
    return `${kReadableOperator.deepEqual}\n\n${shownA}\n\nshould loosely deep-equal\n\n${shownE}`;
  }
  if (operator === 'notDeepEqual') {
    return `${kReadableOperator.notDeepEqualUnequal}\n\n${shownA}\n\nshould not loosely deep-equal\n\n${shownE}`;
  }
  return `${shownA} ${operator} ${shownE}`;
}

// A look-alike of an error without its stack, so that two errors' stacks do
// not flood the diff.
function withoutStack(error) {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(error)), error);
  Object.defineProperty(copy, 'message', { value: error.message });
  return copy;
}

// Engines disagree on whether `stack` starts with a "Name: message" line
// (V8, recent QuickJS-ng) or holds only the frames (older QuickJS); either
// way, make it start with the given header.
function setStackHeader(error, header) {
  const found = typeof error.stack === 'string' ? /(?:^|\n)( {4}at [\s\S]*)$/.exec(error.stack) : null;
  const frames = found === null ? '' : found[1].replace(/\n+$/, '');
  Object.defineProperty(error, 'stack', {
    value: frames === '' ? header : `${header}\n${frames}`,
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

class AssertionError extends Error {
  constructor(options) {
    validateObject(options, 'options');
    const { message, operator, stackStartFn } = options;
    let { actual, expected } = options;
    if (message == null && actual instanceof Error && expected instanceof Error &&
        'stack' in actual && 'stack' in expected) {
      actual = withoutStack(actual);
      expected = withoutStack(expected);
    }
    let text;
    if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
      // A custom message replaces only the header of the diff.
      text = diffMessage(actual, expected, operator, message == null ? '' : String(message));
    } else if (message != null) {
      text = String(message);
    } else if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
      text = sameValueMessage(actual, operator);
    } else {
      text = generalMessage(actual, expected, operator);
    }
    super(text);

    this.generatedMessage = !message;
    this.code = 'ERR_ASSERTION';
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
    if (typeof Error.captureStackTrace === 'function') {
      Error.captureStackTrace(this, stackStartFn || this.constructor);
    }
    setStackHeader(this, `AssertionError [ERR_ASSERTION]: ${text}`);
    Object.defineProperty(this, 'name', {
      value: 'AssertionError',
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  // Inspecting the error shows actual/expected shallowly and long strings
  // cut short: the message already has the detailed view.
  [Symbol.for('nodejs.util.inspect.custom')](depth, ctx) {
    const { actual, expected } = this;
    try {
      if (typeof actual === 'string') this.actual = shortenForInspect(actual);
      if (typeof expected === 'string') this.expected = shortenForInspect(expected);
      return inspect(this, { ...ctx, customInspect: false, depth: 0 });
    } finally {
      this.actual = actual;
      this.expected = expected;
    }
  }
}

function shortenForInspect(text) {
  const lines = text.split('\n', 11);
  if (lines.length > 10) return `${lines.slice(0, 10).join('\n')}\n...`;
  return text.length > 512 ? `${text.slice(0, 512)}...` : text;
}

// ---------------------------------------------------------------------------
// Deep equality
//
// Loose (deepEqual): primitives compare with ==, prototypes are ignored.
// Strict (deepStrictEqual): primitives compare with Object.is, prototypes and
// [[Class]] tags must match, and own enumerable symbol keys count.
// Both: own enumerable string keys, Map/Set contents regardless of order,
// Date times, RegExp source/flags/lastIndex, boxed primitive values, typed
// array and ArrayBuffer contents, Error name/message/cause/errors, URL href;
// circular structures are equal when they loop the same way.

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isEnumerable = (object, key) => Object.prototype.propertyIsEnumerable.call(object, key);
const toStringTag = (value) => Object.prototype.toString.call(value);

// Runs a built-in accessor or method that throws on the wrong receiver:
// the standard way to recognise built-in objects whatever their prototype.
function hasBrand(method, value) {
  try {
    method.call(value);
    return true;
  } catch {
    return false;
  }
}

const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
const brandChecks = [
  ['date', Date.prototype.getTime],
  ['map', getter(Map.prototype, 'size')],
  ['set', getter(Set.prototype, 'size')],
  ['arraybuffer', getter(ArrayBuffer.prototype, 'byteLength')],
  ['number', Number.prototype.valueOf],
  ['string', String.prototype.valueOf],
  ['boolean', Boolean.prototype.valueOf],
  ['symbol', Symbol.prototype.valueOf],
];
if (typeof SharedArrayBuffer === 'function') {
  brandChecks.push(['arraybuffer', getter(SharedArrayBuffer.prototype, 'byteLength')]);
}
if (typeof BigInt === 'function') brandChecks.push(['bigint', BigInt.prototype.valueOf]);
const regExpSource = getter(RegExp.prototype, 'source');

// The kind of built-in object `value` is, or '' for anything else.
function kindOf(value) {
  if (value === null || typeof value !== 'object') return '';
  if (Array.isArray(value)) return 'array';
  if (ArrayBuffer.isView(value)) return 'view';
  if (isRegExp(value)) return 'regexp';
  for (const [kind, method] of brandChecks) {
    if (hasBrand(method, value)) return kind;
  }
  if (isError(value)) return 'error';
  if (typeof URL === 'function' && value instanceof URL) return 'url';
  return '';
}

// How compareObjects() walks the contents beyond plain keys.
const kPlain = 0;
const kArray = 1;
const kSet = 2;
const kMap = 3;

function bytesOf(value) {
  return ArrayBuffer.isView(value) ?
    new Uint8Array(value.buffer, value.byteOffset, value.byteLength) :
    new Uint8Array(value);
}

function sameBytes(a, b) {
  return a.byteLength === b.byteLength && compareBytes(bytesOf(a), bytesOf(b)) === 0;
}

// Own enumerable keys that are not array indices (symbols too when strict).
function nonIndexKeys(value, strict) {
  const keys = getOwnNonIndexProperties(value, true);
  return strict ? keys : keys.filter((key) => typeof key === 'string');
}

function isDeepEqual(a, b) {
  return innerDeepEqual(a, b, false, undefined);
}

function isDeepStrictEqual(a, b) {
  return innerDeepEqual(a, b, true, undefined);
}

function innerDeepEqual(a, b, strict, memos) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);

  if (strict) {
    if (typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      return (b === null || typeof b !== 'object') &&
        // eslint-disable-next-line eqeqeq
        (a == b || (Number.isNaN(a) && Number.isNaN(b)));
    }
    if (b === null || typeof b !== 'object') return false;
  }

  const tag = toStringTag(a);
  if (tag !== toStringTag(b)) return false;

  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    const keys = nonIndexKeys(a, strict);
    if (keys.length !== nonIndexKeys(b, strict).length) return false;
    return compareObjects(a, b, strict, memos, kArray, keys);
  }
  if (tag === '[object Object]') return compareObjects(a, b, strict, memos, kPlain);

  const kind = kindOf(a);
  if (kind === '') {
    // An ordinary object must not equal a built-in that looks empty.
    if (kindOf(b) !== '') return false;
    return compareObjects(a, b, strict, memos, kPlain);
  }
  if (kind !== kindOf(b)) return false;
  switch (kind) {
    case 'date':
      if (a.getTime() !== b.getTime()) return false;
      break;
    case 'regexp':
      if (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
      break;
    case 'error':
      // The stack is left out: it differs between otherwise equal errors.
      if (a.message !== b.message || a.name !== b.name) return false;
      if (('cause' in a || 'cause' in b) && !innerDeepEqual(a.cause, b.cause, strict, memos)) return false;
      if (('errors' in a || 'errors' in b) && !innerDeepEqual(a.errors, b.errors, strict, memos)) return false;
      break;
    case 'view': {
      if (!strict && (tag === '[object Float32Array]' || tag === '[object Float64Array]')) {
        // Loosely, float elements compare as numbers (0 equals -0, NaN
        // differs from NaN) rather than bitwise.
        if (a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) {
          if (a[i] !== b[i]) return false;
        }
      } else if (!sameBytes(a, b)) {
        return false;
      }
      const keys = nonIndexKeys(a, strict);
      if (keys.length !== nonIndexKeys(b, strict).length) return false;
      return compareObjects(a, b, strict, memos, kPlain, keys);
    }
    case 'set':
      if (a.size !== b.size) return false;
      return compareObjects(a, b, strict, memos, kSet);
    case 'map':
      if (a.size !== b.size) return false;
      return compareObjects(a, b, strict, memos, kMap);
    case 'arraybuffer':
      if (!sameBytes(a, b)) return false;
      break;
    case 'url':
      if (a.href !== b.href) return false;
      break;
    default: // boxed primitives
      if (!Object.is(a.valueOf(), b.valueOf())) return false;
  }
  return compareObjects(a, b, strict, memos, kPlain);
}

// Compares own keys (and, per `iteration`, array elements or Map/Set
// entries).  `keys` is given when the caller already collected and counted
// the keys to compare.
function compareObjects(a, b, strict, memos, iteration, keys) {
  if (keys === undefined) {
    keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) {
      if (!hasOwn(b, key)) return false;
    }
    if (strict) {
      const symbols = Object.getOwnPropertySymbols(a).filter((sym) => isEnumerable(a, sym));
      const otherCount = Object.getOwnPropertySymbols(b).filter((sym) => isEnumerable(b, sym)).length;
      if (symbols.length !== otherCount) return false;
      for (const sym of symbols) {
        if (!isEnumerable(b, sym)) return false;
      }
      keys = keys.concat(symbols);
    }
  } else {
    for (const key of keys) {
      if (!hasOwn(b, key)) return false;
    }
  }

  if (keys.length === 0 &&
      (iteration === kPlain || (iteration === kArray && a.length === 0) || a.size === 0)) {
    return true;
  }

  // Cycle detection.  `memos` maps each object on the current comparison
  // path (one map per side) to the number of the comparison it belongs to.
  // Meeting again a pair of objects that were being compared with each other
  // means both sides loop back the same way: treat them as equal.
  if (memos === undefined) {
    memos = { a: new Map(), b: new Map(), count: 0 };
  } else {
    const seenA = memos.a.get(a);
    if (seenA !== undefined) {
      const seenB = memos.b.get(b);
      if (seenB !== undefined) return seenA === seenB;
    }
    memos.count++;
  }
  memos.a.set(a, memos.count);
  memos.b.set(b, memos.count);
  const equal = compareContents(a, b, strict, memos, iteration, keys);
  memos.a.delete(a);
  memos.b.delete(b);
  return equal;
}

function compareContents(a, b, strict, memos, iteration, keys) {
  if (iteration === kSet) {
    if (!setContentsEqual(a, b, strict, memos)) return false;
  } else if (iteration === kMap) {
    if (!mapContentsEqual(a, b, strict, memos)) return false;
  } else if (iteration === kArray) {
    for (let i = 0; i < a.length; i++) {
      if (hasOwn(a, i)) {
        if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], strict, memos)) return false;
      } else if (hasOwn(b, i)) {
        return false;
      } else {
        // A hole in both: compare whatever own keys `a` has from here on
        // (later elements and named properties) and be done.
        const rest = Object.keys(a).slice(i);
        for (const key of rest) {
          if (!hasOwn(b, key) || !innerDeepEqual(a[key], b[key], strict, memos)) return false;
        }
        return Object.keys(a).length === Object.keys(b).length;
      }
    }
  }
  for (const key of keys) {
    if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
  }
  return true;
}

function isObjectLike(value) {
  return typeof value === 'object' && value !== null;
}

// Removes and returns true for the first entry of `candidates` accepted by
// `matches`.
function takeMatch(candidates, matches) {
  const index = candidates.findIndex(matches);
  if (index === -1) return false;
  candidates.splice(index, 1);
  return true;
}

// Values present in both sets (by identity) pair up at once.  Every other
// value of `a` must be matched by a distinct deep-equal value of `b`; in
// strict mode that is only possible for objects, loosely also for
// primitives (1 and '1').
function setContentsEqual(a, b, strict, memos) {
  const unmatched = [];
  for (const value of a) {
    if (b.has(value)) continue;
    if (strict && !isObjectLike(value)) return false;
    unmatched.push(value);
  }
  if (unmatched.length === 0) return true;
  for (const value of b) {
    if (a.has(value)) continue;
    if (!takeMatch(unmatched, (candidate) => innerDeepEqual(candidate, value, strict, memos))) {
      return false;
    }
  }
  return unmatched.length === 0;
}

// As for sets, with keys matched like set values and the values under
// matched keys deep-equal.
function mapContentsEqual(a, b, strict, memos) {
  const unmatched = [];
  for (const [key, value] of a) {
    if (b.has(key) && innerDeepEqual(value, b.get(key), strict, memos)) continue;
    if (strict && !isObjectLike(key)) return false;
    unmatched.push(key);
  }
  if (unmatched.length === 0) return true;
  for (const [key, value] of b) {
    if (a.has(key) && innerDeepEqual(a.get(key), value, strict, memos)) continue;
    const found = takeMatch(unmatched, (candidate) =>
      innerDeepEqual(candidate, key, strict, memos) &&
      innerDeepEqual(a.get(candidate), value, strict, memos));
    if (!found) return false;
  }
  return unmatched.length === 0;
}

// ---------------------------------------------------------------------------
// Assertions

function innerFail(details) {
  if (details.message instanceof Error) throw details.message;
  throw new AssertionError(details);
}

function innerOk(fn, argCount, value, message) {
  if (value) return;
  let generatedMessage = false;
  if (argCount === 0) {
    generatedMessage = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    // Node quotes the failing expression from the caller's source here when
    // it can; without source access the message lists the value instead.
    generatedMessage = true;
  } else if (isError(message)) {
    throw message;
  }
  const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
  err.generatedMessage = generatedMessage;
  throw err;
}

function ok(...args) {
  innerOk(ok, args.length, ...args);
}

const assert = ok;

let failWithManyArgsWarned = false;

// fail(message) is the documented form; the legacy form
// fail(actual, expected, message, operator, stackStartFn) is deprecated.
function fail(actual, expected, message, operator, stackStartFn) {
  const argCount = arguments.length;
  let internalMessage = false;
  if (actual == null && argCount <= 1) {
    internalMessage = true;
    message = 'Failed';
  } else if (argCount === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (!failWithManyArgsWarned) {
      failWithManyArgsWarned = true;
      globalThis.process?.emitWarning?.(
        'assert.fail() with more than one argument is deprecated. ' +
        'Please use assert.strictEqual() instead or only pass a message.',
        'DeprecationWarning', 'DEP0094');
    }
    if (argCount === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  const err = new AssertionError({
    actual,
    expected,
    operator: operator === undefined ? 'fail' : operator,
    stackStartFn: stackStartFn || fail,
    message,
  });
  if (internalMessage) err.generatedMessage = true;
  throw err;
}

function requireTwo(argCount) {
  if (argCount < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
}

function equal(actual, expected, message) {
  requireTwo(arguments.length);
  // eslint-disable-next-line eqeqeq
  if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
}

function notEqual(actual, expected, message) {
  requireTwo(arguments.length);
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
}

function deepEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (!isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
  }
}

function notDeepEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
  }
}

function deepStrictEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (!isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual });
  }
}

function notDeepStrictEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual });
  }
}

function strictEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (!Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
  }
}

function notStrictEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual });
  }
}

// --- throws / rejects and their negations

// Marks "nothing was thrown"; any value, undefined included, can be thrown.
const NO_EXCEPTION = {};

function thrownBy(fn) {
  validateFunction(fn, 'fn');
  try {
    fn();
  } catch (err) {
    return err;
  }
  return NO_EXCEPTION;
}

function isPromiseLike(value) {
  return value instanceof Promise ||
    (value !== null && typeof value === 'object' &&
     typeof value.then === 'function' && typeof value.catch === 'function');
}

// What `promiseFn` (a promise, or a function returning one) rejects with.
async function rejectionOf(promiseFn) {
  let promise;
  if (typeof promiseFn === 'function') {
    promise = promiseFn();
    if (!isPromiseLike(promise)) {
      throw new ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', promise);
    }
  } else if (isPromiseLike(promiseFn)) {
    promise = promiseFn;
  } else {
    throw new ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn);
  }
  try {
    await promise;
  } catch (err) {
    return err;
  }
  return NO_EXCEPTION;
}

// Placeholder objects holding just the compared keys, so that a failed
// object-shaped `error` check prints as a focused diff.
class Comparison {
  constructor(source, keys, actual) {
    for (const key of keys) {
      if (!(key in source)) continue;
      // A RegExp that matched the actual string shows as that string.
      if (actual !== undefined && typeof actual[key] === 'string' &&
          isRegExp(source[key]) && source[key].exec(actual[key]) !== null) {
        this[key] = actual[key];
      } else {
        this[key] = source[key];
      }
    }
  }
}

function compareErrorKey(actual, expected, key, message, keys, fn) {
  if (key in actual && isDeepStrictEqual(actual[key], expected[key])) return;
  if (!message) {
    const err = new AssertionError({
      actual: new Comparison(actual, keys),
      expected: new Comparison(expected, keys, actual),
      operator: 'deepStrictEqual',
      stackStartFn: fn,
    });
    err.actual = actual;
    err.expected = expected;
    err.operator = fn.name;
    throw err;
  }
  innerFail({ actual, expected, message, operator: fn.name, stackStartFn: fn });
}

// Checks a thrown (or rejected) value against the `error` argument of
// throws()/rejects(): a RegExp tested on String(actual), an Error class, a
// validation function returning true, or an object whose keys must match.
function checkExpectedError(actual, expected, message, fn) {
  let generatedMessage = false;
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) {
      const text = String(actual);
      if (expected.exec(text) !== null) return;
      if (!message) {
        generatedMessage = true;
        message = 'The input did not match the regular expression ' +
          `${inspect(expected)}. Input:\n\n${inspect(text)}\n`;
      }
    } else if (typeof actual !== 'object' || actual === null) {
      // A primitive was thrown: compare it with the object wholesale.
      const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
      err.operator = fn.name;
      throw err;
    } else {
      const keys = Object.keys(expected);
      // An Error instance also checks name and message (not enumerable).
      if (expected instanceof Error) {
        keys.push('name', 'message');
      } else if (keys.length === 0) {
        throw new ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object');
      }
      for (const key of keys) {
        if (typeof actual[key] === 'string' && isRegExp(expected[key]) &&
            expected[key].exec(actual[key]) !== null) {
          continue;
        }
        compareErrorKey(actual, expected, key, message, keys, fn);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    // (Arrow functions have no prototype and are validation functions.)
    return;
  } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
    // An Error subclass that the thrown value is not an instance of.
    if (!message) {
      generatedMessage = true;
      message = `The error is expected to be an instance of "${expected.name}". Received `;
      if (isError(actual)) {
        const name = actual.constructor?.name || actual.name;
        if (expected.name === name) {
          message += 'an error with identical name but a different prototype.';
        } else {
          message += `"${name}"`;
        }
        if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
  } else {
    const result = Reflect.apply(expected, {}, [actual]);
    if (result === true) return;
    if (!message) {
      generatedMessage = true;
      const name = expected.name ? `"${expected.name}" ` : '';
      message = `The ${name}validation function is expected to return "true". Received ${inspect(result)}`;
      if (isError(actual)) message += `\n\nCaught error:\n\n${actual}`;
    }
  }
  const err = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
  err.generatedMessage = generatedMessage;
  throw err;
}

// `args` are the arguments after the function or promise: [error[, message]].
function expectsError(fn, actual, args) {
  let [error, message] = args;
  if (typeof error === 'string') {
    // throws(fn, 'text') passes a message, not an expectation.
    if (args.length === 2) {
      throw new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    }
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw new ERR_AMBIGUOUS_ARGUMENT('error/message',
          `The error message "${actual.message}" is identical to the message.`);
      }
    } else if (actual === error) {
      throw new ERR_AMBIGUOUS_ARGUMENT('error/message', `The error "${actual}" is identical to the message.`);
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
  }

  if (actual === NO_EXCEPTION) {
    let details = '';
    if (error?.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const what = fn === rejects ? 'rejection' : 'exception';
    innerFail({
      actual: undefined,
      expected: error,
      operator: fn.name,
      message: `Missing expected ${what}${details}`,
      stackStartFn: fn,
    });
  }
  if (error) checkExpectedError(actual, error, message, fn);
}

// For doesNotThrow/doesNotReject: whether `actual` is of the kind the caller
// says must not happen.
function matchesError(actual, expected) {
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) return expected.exec(String(actual)) !== null;
    throw new ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

function expectsNoError(fn, actual, error, message) {
  if (actual === NO_EXCEPTION) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || matchesError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const what = fn === doesNotReject ? 'rejection' : 'exception';
    innerFail({
      actual,
      expected: error,
      operator: fn.name,
      message: `Got unwanted ${what}${details}\nActual message: "${actual?.message}"`,
      stackStartFn: fn,
    });
  }
  // Something else went wrong: let it through.
  throw actual;
}

function throws(promiseFn, ...args) {
  expectsError(throws, thrownBy(promiseFn), args);
}

async function rejects(promiseFn, ...args) {
  expectsError(rejects, await rejectionOf(promiseFn), args);
}

function doesNotThrow(fn, ...args) {
  expectsNoError(doesNotThrow, thrownBy(fn), ...args);
}

async function doesNotReject(fn, ...args) {
  expectsNoError(doesNotReject, await rejectionOf(fn), ...args);
}

// --- the rest

function ifError(err) {
  if (err === null || err === undefined) return;
  let message = 'ifError got unwanted exception: ';
  if (typeof err === 'object' && typeof err.message === 'string') {
    if (err.message.length === 0 && err.constructor) message += err.constructor.name;
    else message += err.message;
  } else {
    message += inspect(err);
  }
  throw new AssertionError({ actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError });
}

function internalMatch(string, regexp, message, fn) {
  if (!isRegExp(regexp)) throw new ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  const wantMatch = fn === match;
  if (typeof string === 'string' && (regexp.exec(string) !== null) === wantMatch) return;
  if (message instanceof Error) throw message;
  const generatedMessage = !message;
  if (!message) {
    if (typeof string !== 'string') {
      message = 'The "string" argument must be of type string. Received type ' +
        `${typeof string} (${inspect(string)})`;
    } else {
      message = (wantMatch ?
        'The input did not match the regular expression ' :
        'The input was expected to not match the regular expression ') +
        `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`;
    }
  }
  const err = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn });
  err.generatedMessage = generatedMessage;
  throw err;
}

function match(string, regexp, message) {
  internalMatch(string, regexp, message, match);
}

function doesNotMatch(string, regexp, message) {
  internalMatch(string, regexp, message, doesNotMatch);
}

Object.assign(assert, {
  fail,
  AssertionError,
  ok,
  equal,
  notEqual,
  deepEqual,
  notDeepEqual,
  deepStrictEqual,
  notDeepStrictEqual,
  strictEqual,
  notStrictEqual,
  throws,
  rejects,
  doesNotThrow,
  doesNotReject,
  ifError,
  match,
  doesNotMatch,
});

// assert.strict: the same API with the loose comparisons swapped for the
// strict ones.
function strict(...args) {
  innerOk(strict, args.length, ...args);
}

assert.strict = Object.assign(strict, assert, {
  equal: strictEqual,
  deepEqual: deepStrictEqual,
  notEqual: notStrictEqual,
  notDeepEqual: notDeepStrictEqual,
});
assert.strict.strict = assert.strict;

module.exports = assert;
