'use strict';

// The `util` module: inspect/format (whose output console.log prints), type
// checks, promisify/callbackify, deprecate and friends.
//
// Engine internals Node reads through V8 come from `internalBinding('util')`:
// promise state, proxy targets and an object's non-index keys (iterator previews
// are unavailable).

const {
  codes: {
    ERR_FALSY_VALUE_REJECTION,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_PARSE_ARGS_INVALID_OPTION_VALUE,
    ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL,
    ERR_PARSE_ARGS_UNKNOWN_OPTION,
  },
  errnoException,
  exceptionWithHostPort,
  getSystemErrorMap,
  getSystemErrorName: lookupSystemErrorName,
  kValidateObjectAllowArray,
  validateArray,
  validateBoolean,
  validateFunction,
  validateNumber,
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/errors');

function optionalBinding(name) {
  if (typeof internalBinding !== 'function') return undefined;
  try {
    return internalBinding(name);
  } catch {
    return undefined;
  }
}

const utilBinding = optionalBinding('util');

// ---------------------------------------------------------------------------
// Type checks. Builtins are recognised by calling one of their own methods or
// getters with the value as receiver: that throws for anything without the
// matching internal slot, which is the standard brand check.

const objectToString = Object.prototype.toString;
const propertyIsEnumerable = Object.prototype.propertyIsEnumerable;

function getterOf(proto, key) {
  return Object.getOwnPropertyDescriptor(proto, key).get;
}

const mapSize = getterOf(Map.prototype, 'size');
const setSize = getterOf(Set.prototype, 'size');
const arrayBufferByteLength = getterOf(ArrayBuffer.prototype, 'byteLength');
const sharedArrayBufferByteLength = typeof SharedArrayBuffer === 'function' ?
  getterOf(SharedArrayBuffer.prototype, 'byteLength') : undefined;
const dataViewBuffer = getterOf(DataView.prototype, 'buffer');
const regExpSource = getterOf(RegExp.prototype, 'source');
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = getterOf(TypedArrayPrototype, Symbol.toStringTag);
const typedArrayLength = getterOf(TypedArrayPrototype, 'length');

const { hasBrand } = require('internal/util/brand');

function isObject(value) {
  return typeof value === 'object' && value !== null;
}

// The tag Object.prototype.toString reports ("Map Iterator", "Arguments", ...).
function builtinTag(value) {
  return objectToString.call(value).slice(8, -1);
}

const isMap = (v) => isObject(v) && hasBrand(mapSize, v);
const isSet = (v) => isObject(v) && hasBrand(setSize, v);
const isWeakMap = (v) => isObject(v) && hasBrand(WeakMap.prototype.has, v, {});
const isWeakSet = (v) => isObject(v) && hasBrand(WeakSet.prototype.has, v, {});
const isArrayBuffer = (v) => isObject(v) && hasBrand(arrayBufferByteLength, v);
const isSharedArrayBuffer = (v) => sharedArrayBufferByteLength !== undefined && isObject(v) &&
  hasBrand(sharedArrayBufferByteLength, v);
const isAnyArrayBuffer = (v) => isArrayBuffer(v) || isSharedArrayBuffer(v);
const isDataView = (v) => isObject(v) && hasBrand(dataViewBuffer, v);
const isTypedArray = (v) => typedArrayTag.call(v) !== undefined;
const isDate = (v) => isObject(v) && hasBrand(Date.prototype.getTime, v);
const isRegExp = (v) => isObject(v) && v !== RegExp.prototype && hasBrand(regExpSource, v);
const isNumberObject = (v) => isObject(v) && hasBrand(Number.prototype.valueOf, v);
const isStringObject = (v) => isObject(v) && hasBrand(String.prototype.valueOf, v);
const isBooleanObject = (v) => isObject(v) && hasBrand(Boolean.prototype.valueOf, v);
const isBigIntObject = (v) => isObject(v) && hasBrand(BigInt.prototype.valueOf, v);
const isSymbolObject = (v) => isObject(v) && hasBrand(Symbol.prototype.valueOf, v);
const isBoxedPrimitive = (v) => isNumberObject(v) || isStringObject(v) || isBooleanObject(v) ||
  isBigIntObject(v) || isSymbolObject(v);
const isNativeError = (v) => isObject(v) && builtinTag(v) === 'Error';
const isPromise = (v) => isObject(v) && builtinTag(v) === 'Promise';
const isArgumentsObject = (v) => isObject(v) && builtinTag(v) === 'Arguments';
const isMapIterator = (v) => isObject(v) && builtinTag(v) === 'Map Iterator';
const isSetIterator = (v) => isObject(v) && builtinTag(v) === 'Set Iterator';
const isGeneratorObject = (v) => isObject(v) &&
  (builtinTag(v) === 'Generator' || builtinTag(v) === 'AsyncGenerator');
const isAsyncFunction = (v) => typeof v === 'function' &&
  (builtinTag(v) === 'AsyncFunction' || builtinTag(v) === 'AsyncGeneratorFunction');
const isGeneratorFunction = (v) => typeof v === 'function' &&
  (builtinTag(v) === 'GeneratorFunction' || builtinTag(v) === 'AsyncGeneratorFunction');
const isModuleNamespaceObject = (v) => isObject(v) && Object.getPrototypeOf(v) === null &&
  builtinTag(v) === 'Module';

function typedArrayCheck(name) {
  return (v) => typedArrayTag.call(v) === name;
}

const types = {
  isExternal: () => false,
  // crypto is loaded when asked about, not with util.
  isKeyObject: (v) => isObject(v) && v instanceof require('internal/crypto/keys').KeyObject,
  isCryptoKey: (v) => isObject(v) && require('internal/crypto/webcrypto').isCryptoKey(v),
  isDate,
  isArgumentsObject,
  isBigIntObject,
  isBooleanObject,
  isNumberObject,
  isStringObject,
  isSymbolObject,
  isBoxedPrimitive,
  isNativeError,
  isRegExp,
  isAsyncFunction,
  isGeneratorFunction,
  isGeneratorObject,
  isPromise,
  isMap,
  isSet,
  isMapIterator,
  isSetIterator,
  isWeakMap,
  isWeakSet,
  isArrayBuffer,
  isDataView,
  isSharedArrayBuffer,
  isProxy: (v) => proxyDetails(v, false) !== undefined,
  isModuleNamespaceObject,
  isAnyArrayBuffer,
  isArrayBufferView: (v) => ArrayBuffer.isView(v),
  isTypedArray,
  isUint8Array: typedArrayCheck('Uint8Array'),
  isUint8ClampedArray: typedArrayCheck('Uint8ClampedArray'),
  isUint16Array: typedArrayCheck('Uint16Array'),
  isUint32Array: typedArrayCheck('Uint32Array'),
  isInt8Array: typedArrayCheck('Int8Array'),
  isInt16Array: typedArrayCheck('Int16Array'),
  isInt32Array: typedArrayCheck('Int32Array'),
  isFloat32Array: typedArrayCheck('Float32Array'),
  isFloat64Array: typedArrayCheck('Float64Array'),
  isBigInt64Array: typedArrayCheck('BigInt64Array'),
  isBigUint64Array: typedArrayCheck('BigUint64Array'),
};

function isError(value) {
  return isNativeError(value) || value instanceof Error;
}

// ---------------------------------------------------------------------------
// inspect

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

const inspectDefaultOptions = Object.seal({
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
});

// How formatProperty renders an entry.
const kObjectType = 0; // `key: value`
const kArrayType = 1; // array element: `value`
const kArrayExtrasType = 2; // non-index property of an array-like: `key: value`

// Promise states as reported by getPromiseState.
const kPending = 0;
const kRejected = 2;

const kMinLineWidth = 16;
const kIdentifierKey = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
const kIndexKey = /^(0|[1-9][0-9]*)$/;
const kColorCode = /\u001b\[\d\d?m/g;

function inspect(value, opts) {
  const ctx = {
    budget: {},
    indentationLvl: 0,
    seen: [],
    currentDepth: 0,
    stylize: stylizeNoColor,
    ...inspectDefaultOptions,
  };
  if (arguments.length > 1) {
    // Legacy signature: inspect(value, showHidden, depth, colors).
    if (arguments.length > 2) {
      if (arguments[2] !== undefined) ctx.depth = arguments[2];
      if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
    }
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts;
    } else if (opts) {
      for (const key of Object.keys(opts)) {
        if (Object.hasOwn(inspectDefaultOptions, key) || key === 'stylize') {
          ctx[key] = opts[key];
        } else if (ctx.userOptions === undefined) {
          // Unknown keys are handed on to custom inspect functions.
          ctx.userOptions = opts;
        }
      }
    }
  }
  if (ctx.colors) ctx.stylize = stylizeWithColor;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}

inspect.custom = customInspectSymbol;

Object.defineProperty(inspect, 'defaultOptions', {
  get() {
    return inspectDefaultOptions;
  },
  set(options) {
    validateObject(options, 'options');
    return Object.assign(inspectDefaultOptions, options);
  },
});

// [open, close] SGR codes.
inspect.colors = Object.assign(Object.create(null), {
  reset: [0, 0],
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  underline: [4, 24],
  blink: [5, 25],
  inverse: [7, 27],
  hidden: [8, 28],
  strikethrough: [9, 29],
  doubleunderline: [21, 24],
  black: [30, 39],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  white: [37, 39],
  bgBlack: [40, 49],
  bgRed: [41, 49],
  bgGreen: [42, 49],
  bgYellow: [43, 49],
  bgBlue: [44, 49],
  bgMagenta: [45, 49],
  bgCyan: [46, 49],
  bgWhite: [47, 49],
  framed: [51, 54],
  overlined: [53, 55],
  gray: [90, 39],
  redBright: [91, 39],
  greenBright: [92, 39],
  yellowBright: [93, 39],
  blueBright: [94, 39],
  magentaBright: [95, 39],
  cyanBright: [96, 39],
  whiteBright: [97, 39],
  bgGray: [100, 49],
  bgRedBright: [101, 49],
  bgGreenBright: [102, 49],
  bgYellowBright: [103, 49],
  bgBlueBright: [104, 49],
  bgMagentaBright: [105, 49],
  bgCyanBright: [106, 49],
  bgWhiteBright: [107, 49],
});

// Alternative spellings: non-enumerable accessors onto the canonical entry.
for (const [alias, target] of [
  ['grey', 'gray'], ['blackBright', 'gray'], ['bgGrey', 'bgGray'], ['bgBlackBright', 'bgGray'],
  ['faint', 'dim'], ['crossedout', 'strikethrough'], ['strikeThrough', 'strikethrough'],
  ['crossedOut', 'strikethrough'], ['conceal', 'hidden'], ['swapColors', 'inverse'],
  ['swapcolors', 'inverse'], ['doubleUnderline', 'doubleunderline'],
]) {
  Object.defineProperty(inspect.colors, alias, {
    get() {
      return this[target];
    },
    set(value) {
      this[target] = value;
    },
    enumerable: false,
    configurable: true,
  });
}

// Style names (as passed to stylize) -> color names.
inspect.styles = Object.assign(Object.create(null), {
  special: 'cyan',
  number: 'yellow',
  bigint: 'yellow',
  boolean: 'yellow',
  undefined: 'grey',
  null: 'bold',
  string: 'green',
  symbol: 'green',
  date: 'magenta',
  regexp: 'red',
  module: 'underline',
});

function stylizeNoColor(str) {
  return str;
}

function stylizeWithColor(str, styleType) {
  const style = inspect.styles[styleType];
  if (style !== undefined) {
    const color = inspect.colors[style];
    if (color !== undefined) return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
  }
  return str;
}

function removeColors(str) {
  return str.replace(kColorCode, '');
}

// The options object handed to custom inspect functions: the effective
// options, then whatever else the caller passed.
function userOptionsFor(ctx) {
  const options = { stylize: ctx.stylize };
  for (const key of Object.keys(inspectDefaultOptions)) options[key] = ctx[key];
  return Object.assign(options, ctx.userOptions);
}

// A proxy's target (or [target, handler]), null once revoked, undefined for anything else;
// found by the engine, so no trap runs.
function proxyDetails(value, withHandler) {
  if (utilBinding === undefined || typeof utilBinding.getProxyDetails !== 'function') return undefined;
  return utilBinding.getProxyDetails(value, withHandler);
}

// `Proxy [ target, handler ]`, each part inspected one level down.
function formatProxy(ctx, pair, recurseTimes) {
  if (ctx.depth !== null && recurseTimes > ctx.depth) return ctx.stylize('Proxy [Array]', 'special');
  ctx.indentationLvl += 2;
  const parts = pair.map((part) => formatValue(ctx, part, recurseTimes + 1));
  ctx.indentationLvl -= 2;
  return reduceToSingleString(ctx, parts, '', ['Proxy [', ']'], kArrayExtrasType, recurseTimes + 1);
}

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== 'object' && typeof value !== 'function') {
    return formatPrimitive(ctx.stylize, value, ctx);
  }
  if (value === null) return ctx.stylize('null', 'null');

  // A proxy is shown as its target (or, with showProxy, as both parts) without running its
  // traps; a custom inspect hook still sees the proxy itself as `this`.
  const receiver = value;
  const proxy = proxyDetails(value, Boolean(ctx.showProxy));
  if (proxy !== undefined) {
    if (proxy === null) return ctx.stylize('<Revoked Proxy>', 'special');
    if (ctx.showProxy) return formatProxy(ctx, proxy, recurseTimes);
    value = proxy;
  }

  if (ctx.customInspect) {
    const custom = value[customInspectSymbol];
    // A prototype object is shown as such, not through its instances' hook.
    if (typeof custom === 'function' && custom !== inspect &&
        !(value.constructor && value.constructor.prototype === value)) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const ret = custom.call(receiver, depth, userOptionsFor(ctx), inspect);
      if (ret !== value) {
        if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
        return ret.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
      }
    }
  }

  if (ctx.seen.includes(value)) {
    // Number circular targets in the order they are first met; formatRaw
    // later prefixes the target itself with `<ref *N>`.
    if (ctx.circular === undefined) ctx.circular = new Map();
    let index = ctx.circular.get(value);
    if (index === undefined) {
      index = ctx.circular.size + 1;
      ctx.circular.set(value, index);
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }

  return formatRaw(ctx, value, recurseTimes, typedArray);
}

function isInstanceof(object, ctor) {
  try {
    return object instanceof ctor;
  } catch {
    return false;
  }
}

// Name of the nearest constructor on the prototype chain, null for objects
// whose chain ends without one (Object.create(null)). With `protoProps` (an
// array, given for showHidden) it also collects the non-method properties of
// the user-defined prototypes on the way.
function getConstructorName(obj, ctx, recurseTimes, protoProps) {
  let firstProto;
  const original = obj;
  while (obj) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' &&
        descriptor.value.name !== '' && isInstanceof(original, descriptor.value)) {
      const name = String(descriptor.value.name);
      if (protoProps !== undefined && (firstProto !== obj || !isBuiltInConstructorName(name))) {
        addPrototypeProperties(ctx, original, firstProto || original, recurseTimes, protoProps);
      }
      return name;
    }
    obj = Object.getPrototypeOf(obj);
    if (firstProto === undefined) firstProto = obj;
  }
  if (firstProto === null) return null;

  // A chain without a usable constructor. V8 would supply the internal class
  // name here; plain JavaScript only knows it is an object.
  const internalName = 'Object';
  if (recurseTimes > ctx.depth && ctx.depth !== null) return `${internalName} <Complex prototype>`;
  const protoName = getConstructorName(firstProto, ctx, recurseTimes + 1, protoProps);
  if (protoName === null) {
    const shown = inspect(firstProto, { ...ctx, customInspect: false, depth: -1 });
    return `${internalName} <${shown}>`;
  }
  return `${internalName} <${protoName}>`;
}

// Formats the properties (not methods) that `main` inherits from up to three
// prototype layers, starting at `proto` and stopping at a builtin's
// prototype; keys shadowed by `main` or a nearer layer are skipped.
function addPrototypeProperties(ctx, main, proto, recurseTimes, output) {
  const seenKeys = new Set();
  for (let depth = 0; depth < 3; depth++) {
    if (depth !== 0 || main === proto) {
      proto = Object.getPrototypeOf(proto);
      if (proto === null) return;
      const descriptor = Object.getOwnPropertyDescriptor(proto, 'constructor');
      if (descriptor !== undefined && typeof descriptor.value === 'function' &&
          isBuiltInConstructorName(descriptor.value.name)) {
        return;
      }
    }
    const keys = Reflect.ownKeys(proto);
    ctx.seen.push(main);
    for (const key of keys) {
      if (key === 'constructor' || Object.hasOwn(main, key) || seenKeys.has(key)) continue;
      const desc = Object.getOwnPropertyDescriptor(proto, key);
      if (typeof desc.value === 'function') continue;
      const str = formatProperty(ctx, proto, recurseTimes, key, kObjectType, desc, main);
      // Dimmed, to set them apart from own properties.
      output.push(ctx.colors ? `\u001b[2m${str}\u001b[22m` : str);
    }
    ctx.seen.pop();
    for (const key of keys) seenKeys.add(key);
  }
}

// "Foo ", "Map(2) ", "Foo [bar] ", "[Object: null prototype] ", ...
function getPrefix(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

// Own keys to show: enumerable string keys and enumerable symbols, or every
// own key with showHidden.
function getKeys(value, showHidden) {
  const symbols = Object.getOwnPropertySymbols(value);
  if (showHidden) return [...Object.getOwnPropertyNames(value), ...symbols];
  const keys = Object.keys(value);
  for (const symbol of symbols) {
    if (propertyIsEnumerable.call(value, symbol)) keys.push(symbol);
  }
  return keys;
}

// Like getKeys, minus array index keys (for arrays and typed arrays), found natively:
// listing a million-element array's keys would make a million strings.
function getNonIndexKeys(value, showHidden) {
  return utilBinding.getOwnNonIndexProperties(value, !showHidden);
}

function moreItems(count) {
  return `... ${count} more item${count > 1 ? 's' : ''}`;
}

function noEntries() {
  return [];
}

// Builtin tags whose brand check is tried first when an object carries that
// tag, and the kind each one stands for.
const kTaggedKinds = {
  __proto__: null,
  Map: [isMap, 'Map'],
  Set: [isSet, 'Set'],
  WeakMap: [isWeakMap, 'WeakMap'],
  WeakSet: [isWeakSet, 'WeakSet'],
  ArrayBuffer: [isArrayBuffer, 'ArrayBuffer'],
  SharedArrayBuffer: [isSharedArrayBuffer, 'SharedArrayBuffer'],
  DataView: [isDataView, 'DataView'],
  Promise: [isPromise, 'Promise'],
  Module: [isModuleNamespaceObject, 'Module'],
  BigInt: [isBigIntObject, 'Boxed'],
  Symbol: [isSymbolObject, 'Boxed'],
};

// Which builtin `value` is, for formatRaw: 'Map', 'Set', 'TypedArray',
// 'RegExp', 'Date', 'Error', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView',
// 'Promise', 'WeakSet', 'WeakMap', 'Module', 'Boxed', 'Arguments' or 'Object'.
//
// Brand checks throw on failure, which is slow, so the common objects avoid
// them: the prototypes of Map, Set, Promise, ... all define
// Symbol.toStringTag, so an object without any such tag can only be one of
// the builtins Object.prototype.toString identifies by internal slot. (A
// builtin whose prototype chain was replaced is missed by this shortcut.)
function builtinKind(value, rawTag) {
  if (typeof rawTag !== 'string') {
    switch (builtinTag(value)) {
      case 'Date': return 'Date';
      case 'RegExp': return 'RegExp';
      case 'Error': return 'Error';
      case 'Number':
      case 'String':
      case 'Boolean': return 'Boxed';
      case 'Arguments': return 'Arguments';
      default: return value instanceof Error ? 'Error' : 'Object';
    }
  }
  if (isTypedArray(value)) return 'TypedArray';
  const tagged = kTaggedKinds[rawTag];
  if (tagged !== undefined && tagged[0](value)) return tagged[1];
  // An unusual tag: try everything.
  if (isMap(value)) return 'Map';
  if (isSet(value)) return 'Set';
  if (isRegExp(value)) return 'RegExp';
  if (isDate(value)) return 'Date';
  if (isError(value)) return 'Error';
  if (isArrayBuffer(value)) return 'ArrayBuffer';
  if (isSharedArrayBuffer(value)) return 'SharedArrayBuffer';
  if (isDataView(value)) return 'DataView';
  if (isPromise(value)) return 'Promise';
  if (isWeakSet(value)) return 'WeakSet';
  if (isWeakMap(value)) return 'WeakMap';
  if (isModuleNamespaceObject(value)) return 'Module';
  if (isBoxedPrimitive(value)) return 'Boxed';
  if (isArgumentsObject(value)) return 'Arguments';
  return 'Object';
}

function formatRaw(ctx, value, recurseTimes, typedArray) {
  let protoProps;
  if (ctx.showHidden && (recurseTimes <= ctx.depth || ctx.depth === null)) protoProps = [];
  const constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
  if (protoProps !== undefined && protoProps.length === 0) protoProps = undefined;
  const rawTag = value[Symbol.toStringTag];
  const kind = builtinKind(value, rawTag);
  let tag = rawTag;
  // A tag that is an ordinary (enumerable own) property is listed with the
  // other properties instead of being shown as `[tag]`.
  if (typeof tag !== 'string' ||
      (tag !== '' && (ctx.showHidden ?
        Object.hasOwn(value, Symbol.toStringTag) :
        propertyIsEnumerable.call(value, Symbol.toStringTag)))) {
    tag = '';
  }

  let keys;
  let base = '';
  let braces;
  let formatter = noEntries;
  let extrasType = kObjectType;

  // Collections with their own entry formatting.
  if (value[Symbol.iterator] || constructor === null) {
    if (Array.isArray(value)) {
      const prefix = (constructor !== 'Array' || tag !== '') ?
        getPrefix(constructor, tag, 'Array', `(${value.length})`) : '';
      keys = getNonIndexKeys(value, ctx.showHidden);
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && keys.length === 0 && protoProps === undefined) return `${braces[0]}]`;
      extrasType = kArrayExtrasType;
      formatter = formatArray;
    } else if (kind === 'Set') {
      const size = setSize.call(value);
      const prefix = getPrefix(constructor, tag, 'Set', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
      formatter = formatSet;
    } else if (kind === 'Map') {
      const size = mapSize.call(value);
      const prefix = getPrefix(constructor, tag, 'Map', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
      formatter = formatMap;
    } else if (kind === 'TypedArray') {
      keys = getNonIndexKeys(value, ctx.showHidden);
      let source = value;
      let fallback = '';
      if (constructor === null) {
        // Re-wrap so element access works without a prototype.
        fallback = typedArrayTag.call(value);
        source = new globalThis[fallback](value);
      }
      const size = typedArrayLength.call(value);
      const prefix = getPrefix(constructor, tag, fallback, `(${size})`);
      braces = [`${prefix}[`, ']'];
      if (size === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
      formatter = (ctx, _value, recurseTimes) => formatTypedArray(ctx, source, size, recurseTimes);
      extrasType = kArrayExtrasType;
    }
  }

  if (braces === undefined) {
    keys = getKeys(value, ctx.showHidden);
    braces = ['{', '}'];
    if (constructor === 'Object') {
      if (kind === 'Arguments') {
        braces[0] = '[Arguments] {';
      } else if (tag !== '') {
        braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
      }
      if (keys.length === 0 && protoProps === undefined) return `${braces[0]}}`;
    } else if (typeof value === 'function') {
      base = getFunctionBase(value, constructor, tag);
      if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'special');
    } else if (kind === 'RegExp') {
      base = RegExp.prototype.toString.call(constructor !== null ? value : new RegExp(value));
      const prefix = getPrefix(constructor, tag, 'RegExp');
      if (prefix !== 'RegExp ') base = `${prefix}${base}`;
      if ((keys.length === 0 && protoProps === undefined) ||
          (recurseTimes > ctx.depth && ctx.depth !== null)) {
        return ctx.stylize(base, 'regexp');
      }
    } else if (kind === 'Date') {
      base = Number.isNaN(Date.prototype.getTime.call(value)) ?
        Date.prototype.toString.call(value) :
        Date.prototype.toISOString.call(value);
      const prefix = getPrefix(constructor, tag, 'Date');
      if (prefix !== 'Date ') base = `${prefix}${base}`;
      if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'date');
    } else if (kind === 'Error') {
      base = formatError(value, constructor, tag, ctx, keys);
      if (keys.length === 0 && protoProps === undefined) return base;
    } else if (kind === 'ArrayBuffer' || kind === 'SharedArrayBuffer') {
      const prefix = getPrefix(constructor, tag, kind);
      if (typedArray === undefined) {
        formatter = formatArrayBuffer;
      } else if (keys.length === 0 && protoProps === undefined) {
        // The `[buffer]` of a typed array shown with showHidden.
        return `${prefix}{ byteLength: ${formatNumber(ctx.stylize, value.byteLength, false)} }`;
      }
      braces[0] = `${prefix}{`;
      keys.unshift('byteLength');
    } else if (kind === 'DataView') {
      braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
      keys.unshift('byteLength', 'byteOffset', 'buffer');
    } else if (kind === 'Promise') {
      braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
      formatter = formatPromise;
    } else if (kind === 'WeakSet') {
      braces[0] = `${getPrefix(constructor, tag, 'WeakSet')}{`;
      formatter = formatWeakCollection;
    } else if (kind === 'WeakMap') {
      braces[0] = `${getPrefix(constructor, tag, 'WeakMap')}{`;
      formatter = formatWeakCollection;
    } else if (kind === 'Module') {
      braces[0] = `${getPrefix(constructor, tag, 'Module')}{`;
      const names = keys;
      keys = [];
      formatter = (ctx, value, recurseTimes) => formatNamespaceObject(names, ctx, value, recurseTimes);
    } else if (kind === 'Boxed') {
      base = getBoxedBase(value, ctx, keys, constructor, tag);
      if (keys.length === 0 && protoProps === undefined) return base;
    } else {
      if (keys.length === 0 && protoProps === undefined) return `${getPrefix(constructor, tag, 'Object')}{}`;
      braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
    }
  }

  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    let name = getPrefix(constructor, tag, 'Object').slice(0, -1);
    if (constructor !== null) name = `[${name}]`;
    return ctx.stylize(name, 'special');
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;

  let output;
  const indentationLvl = ctx.indentationLvl;
  try {
    output = formatter(ctx, value, recurseTimes);
    for (const key of keys) {
      output.push(formatProperty(ctx, value, recurseTimes, key, extrasType));
    }
    if (protoProps !== undefined) output.push(...protoProps);
  } catch (err) {
    if (!isStackOverflow(err)) throw err;
    ctx.seen.pop();
    ctx.indentationLvl = indentationLvl;
    const name = getPrefix(constructor, tag, 'Object').slice(0, -1);
    return ctx.stylize(
      `[${name}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`, 'special');
  }

  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = ctx.stylize(`<ref *${index}>`, 'special');
      if (ctx.compact !== true) base = base === '' ? reference : `${reference} ${base}`;
      else braces[0] = `${reference} ${braces[0]}`;
    }
  }
  ctx.seen.pop();

  if (ctx.sorted) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) {
      output.sort(comparator);
    } else if (keys.length > 1) {
      // Only the named properties after the elements are sorted.
      const named = output.slice(output.length - keys.length).sort(comparator);
      output.splice(output.length - keys.length, keys.length, ...named);
    }
  }

  const result = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  // Stop descending once the output becomes absurdly large.
  const budget = (ctx.budget[ctx.indentationLvl] || 0) + result.length;
  ctx.budget[ctx.indentationLvl] = budget;
  if (budget > 2 ** 27) ctx.depth = -1;
  return result;
}

function isStackOverflow(err) {
  return isError(err) && (err.name === 'RangeError' || err.name === 'InternalError') &&
    /call stack|stack overflow/i.test(err.message);
}

function getFunctionBase(value, constructor, tag) {
  const source = Function.prototype.toString.call(value);
  if (/^class[\s{]/.test(source) && source.endsWith('}')) return getClassBase(value, constructor, tag);
  let type = 'Function';
  if (isGeneratorFunction(value)) type = `Generator${type}`;
  if (isAsyncFunction(value)) type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  base += value.name === '' ? ' (anonymous)' : `: ${value.name}`;
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

function getClassBase(value, constructor, tag) {
  const name = (Object.hasOwn(value, 'name') && value.name) || '(anonymous)';
  let base = `class ${name}`;
  if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = Object.getPrototypeOf(value).name;
    if (superName) base += ` extends ${superName}`;
  } else {
    base += ' extends [null prototype]';
  }
  return `[${base}]`;
}

function getBoxedBase(value, ctx, keys, constructor, tag) {
  let type;
  let primitive;
  if (isNumberObject(value)) {
    type = 'Number';
    primitive = Number.prototype.valueOf.call(value);
  } else if (isStringObject(value)) {
    type = 'String';
    primitive = String.prototype.valueOf.call(value);
    // The character index keys only repeat the string itself.
    keys.splice(0, primitive.length);
  } else if (isBooleanObject(value)) {
    type = 'Boolean';
    primitive = Boolean.prototype.valueOf.call(value);
  } else if (isBigIntObject(value)) {
    type = 'BigInt';
    primitive = BigInt.prototype.valueOf.call(value);
  } else {
    type = 'Symbol';
    primitive = Symbol.prototype.valueOf.call(value);
  }
  let base = `[${type}`;
  if (type !== constructor) base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
  base += `: ${formatPrimitive(stylizeNoColor, primitive, ctx)}]`;
  if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
  if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
  return ctx.stylize(base, type.toLowerCase());
}

// --- errors ---

function errorToString(err) {
  return Error.prototype.toString.call(err);
}

function getStackString(err) {
  const stack = err.stack;
  if (!stack) return errorToString(err);
  const text = String(stack);
  // Plain QuickJS records only the frames; add the "Name: message" line V8 puts first.
  if (text.startsWith('    at ')) return `${errorToString(err)}\n${text.replace(/\n+$/, '')}`;
  return refreshStackHeader(err, text);
}

// QuickJS builds the stack, header included, when the error is created; V8
// only when it is first read. So a name assigned afterwards (typically
// `this.name = 'MyError'` after super() in a subclass) is missing from a
// QuickJS header. Such a stale header is replaced with the current one.
function refreshStackHeader(err, stack) {
  if (!Object.hasOwn(err, 'name')) return stack;
  let inheritedName;
  try {
    const proto = Object.getPrototypeOf(err);
    inheritedName = proto === null ? undefined : proto.name;
  } catch {
    return stack;
  }
  const stale = errorToString({ name: inheritedName, message: err.message });
  if (!stack.startsWith(stale) || (stack.length !== stale.length && stack[stale.length] !== '\n')) return stack;
  const current = errorToString(err);
  return stale === current ? stack : current + stack.slice(stale.length);
}

// Makes the first line name the actual class, e.g. "Foo [Error]: msg" for a
// subclass Foo that did not set its own name, when the stack looks regular.
function improveStack(stack, constructor, name, tag) {
  let len = name.length;
  const looksRegular = name.endsWith('Error') && stack.startsWith(name) &&
    (stack.length === len || stack[len] === ':' || stack[len] === '\n');
  if (constructor !== null && !looksRegular) return stack;

  let fallback = 'Error';
  if (constructor === null) {
    const start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) ||
      /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
    fallback = (start && start[1]) || '';
    len = fallback.length;
    fallback = fallback || 'Error';
  }
  const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
  if (name === prefix) return stack;
  if (prefix.includes(name)) return len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
  return `${prefix} [${name}]${stack.slice(len)}`;
}

// Finds a run of more than three identical lines shared by two stacks.
function identicalSequenceRange(a, b) {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = b.indexOf(a[i]);
    if (pos !== -1) {
      const rest = b.length - pos;
      if (rest > 3) {
        let len = 1;
        const maxLen = Math.min(a.length - i, rest);
        while (maxLen > len && a[i + len] === b[pos + len]) len++;
        if (len > 3) return { len, offset: i };
      }
    }
  }
  return { len: 0, offset: 0 };
}

// Frame lines of an error; frames repeated from its `cause` are elided.
function getStackFrames(ctx, err, frames) {
  const lines = frames.split('\n');
  let cause;
  try {
    cause = err.cause;
  } catch {
    // A throwing getter: nothing to compare with.
  }
  if (cause != null && isError(cause)) {
    const causeStack = getStackString(cause);
    const causeStart = causeStack.indexOf('\n    at');
    if (causeStart !== -1) {
      const causeLines = causeStack.slice(causeStart + 1).split('\n');
      const { len, offset } = identicalSequenceRange(lines, causeLines);
      if (len > 0) {
        const skipped = len - 2;
        const msg = `    ... ${skipped} lines matching cause stack trace ...`;
        lines.splice(offset + 1, skipped, ctx.stylize(msg, 'undefined'));
      }
    }
  }
  return lines;
}

const kCoreFrame = /^ {4}at (?:[^/\\(]+ \(|)node:.+:\d+:\d+\)?$/;
const kNodeModule = /[/\\]node_modules[/\\](.+?)(?=[/\\])/g;

function safeCwd() {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

// With colors: grey out runtime-internal frames; in other frames underline
// package names and grey out the working directory prefix of the path.
function highlightFrame(ctx, line, cwd) {
  if (kCoreFrame.test(line)) return ctx.stylize(line, 'undefined');
  let out = '';
  let pos = 0;
  for (const match of line.matchAll(kNodeModule)) {
    out += line.slice(pos, match.index + 14) + ctx.stylize(match[1], 'module');
    pos = match.index + match[0].length;
  }
  if (pos !== 0) line = out + line.slice(pos);
  return cwd === undefined ? line : greyWorkingDirectory(ctx, line, cwd);
}

function greyWorkingDirectory(ctx, line, cwd) {
  let start = line.indexOf(cwd);
  if (start === -1) return line;
  let length = cwd.length;
  if (line.slice(start - 7, start) === 'file://') {
    start -= 7;
    length += 7;
  }
  // Take in an opening parenthesis and the path separator after the directory.
  const from = line[start - 1] === '(' ? start - 1 : start;
  const to = start + length + 1;
  const closing = from !== start && line.endsWith(')');
  let result = line.slice(0, from) + ctx.stylize(line.slice(from, to), 'undefined');
  result += closing ? line.slice(to, -1) + ctx.stylize(')', 'undefined') : line.slice(to);
  return result;
}

function formatError(err, constructor, tag, ctx, keys) {
  const name = err.name != null ? String(err.name) : 'Error';
  let stack = getStackString(err);

  // Drop name/message/stack properties whose text the stack already shows.
  if (!ctx.showHidden && keys.length !== 0) {
    for (const prop of ['name', 'message', 'stack']) {
      const index = keys.indexOf(prop);
      if (index !== -1 && stack.includes(err[prop])) keys.splice(index, 1);
    }
  }
  if ('cause' in err && !keys.includes('cause')) keys.push('cause');
  if (Array.isArray(err.errors) && !keys.includes('errors')) keys.push('errors');

  stack = improveStack(stack, constructor, name, tag);

  // Look for frames only after the message, which may itself contain "at".
  let pos = (err.message && stack.indexOf(err.message)) || -1;
  if (pos !== -1) pos += err.message.length;
  const framesStart = stack.indexOf('\n    at', pos);
  if (framesStart === -1) {
    stack = `[${stack}]`;
  } else {
    let lines = getStackFrames(ctx, err, stack.slice(framesStart + 1));
    if (ctx.colors) {
      const cwd = safeCwd();
      lines = lines.map((line) => highlightFrame(ctx, line, cwd));
    }
    stack = `${stack.slice(0, framesStart)}\n${lines.join('\n')}`;
  }

  if (ctx.indentationLvl !== 0) {
    stack = stack.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
  }
  return stack;
}

// --- entry formatters (each returns the list of entries) ---

function formatArray(ctx, value, recurseTimes) {
  const length = value.length;
  const shown = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const output = [];
  for (let i = 0; i < shown; i++) {
    if (!Object.hasOwn(value, i)) return formatSparseArray(ctx, value, recurseTimes, shown, output, i);
    output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
  }
  if (length > shown) output.push(moreItems(length - shown));
  return output;
}

// Continues formatArray from the first hole: runs of holes collapse into
// `<N empty items>`, and each such marker counts as one shown entry.
function formatSparseArray(ctx, value, recurseTimes, maxLength, output, firstHole) {
  const keys = Object.keys(value); // index keys come first, ascending
  let index = firstHole;
  for (let i = firstHole; i < keys.length && output.length < maxLength; i++) {
    const key = keys[i];
    if (`${index}` !== key) {
      if (!kIndexKey.test(key) || Number(key) > 2 ** 32 - 2) break;
      const holes = Number(key) - index;
      output.push(ctx.stylize(`<${holes} empty item${holes > 1 ? 's' : ''}>`, 'undefined'));
      index = Number(key);
      if (output.length === maxLength) break;
    }
    output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
    index++;
  }
  const remaining = value.length - index;
  if (output.length !== maxLength) {
    if (remaining > 0) {
      output.push(ctx.stylize(`<${remaining} empty item${remaining > 1 ? 's' : ''}>`, 'undefined'));
    }
  } else if (remaining > 0) {
    output.push(moreItems(remaining));
  }
  return output;
}

function formatTypedArray(ctx, array, length, recurseTimes) {
  const shown = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const output = new Array(shown);
  const formatElement = length > 0 && typeof array[0] === 'number' ? formatNumber : formatBigInt;
  for (let i = 0; i < shown; i++) output[i] = formatElement(ctx.stylize, array[i], ctx.numericSeparator);
  if (length > shown) output.push(moreItems(length - shown));
  if (ctx.showHidden) {
    ctx.indentationLvl += 2;
    for (const key of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
      output.push(`[${key}]: ${formatValue(ctx, array[key], recurseTimes, true)}`);
    }
    ctx.indentationLvl -= 2;
  }
  return output;
}

function formatArrayBuffer(ctx, value) {
  let bytes;
  try {
    bytes = new Uint8Array(value);
  } catch {
    return [ctx.stylize('(detached)', 'special')];
  }
  const shown = Math.min(ctx.maxArrayLength, bytes.length);
  const hex = new Array(shown);
  for (let i = 0; i < shown; i++) hex[i] = bytes[i].toString(16).padStart(2, '0');
  let str = hex.join(' ');
  const remaining = bytes.length - ctx.maxArrayLength;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${str}>`];
}

function formatSet(ctx, value, recurseTimes) {
  const size = setSize.call(value);
  const shown = Math.min(Math.max(0, ctx.maxArrayLength), size);
  const output = [];
  ctx.indentationLvl += 2;
  for (const entry of Set.prototype.values.call(value)) {
    if (output.length >= shown) break;
    output.push(formatValue(ctx, entry, recurseTimes));
  }
  if (size > shown) output.push(moreItems(size - shown));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(ctx, value, recurseTimes) {
  const size = mapSize.call(value);
  const shown = Math.min(Math.max(0, ctx.maxArrayLength), size);
  const output = [];
  ctx.indentationLvl += 2;
  for (const [k, v] of Map.prototype.entries.call(value)) {
    if (output.length >= shown) break;
    output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
  }
  if (size > shown) output.push(moreItems(size - shown));
  ctx.indentationLvl -= 2;
  return output;
}

// [state, result] from the native hook, or undefined when unavailable.
function getPromiseState(promise) {
  if (utilBinding === undefined || typeof utilBinding.getPromiseState !== 'function') return undefined;
  return utilBinding.getPromiseState(promise);
}

function formatPromise(ctx, value, recurseTimes) {
  const state = getPromiseState(value);
  if (state === undefined || state[0] === kPending) return [ctx.stylize('<pending>', 'special')];
  ctx.indentationLvl += 2;
  const str = formatValue(ctx, state[1], recurseTimes);
  ctx.indentationLvl -= 2;
  return [state[0] === kRejected ? `${ctx.stylize('<rejected>', 'special')} ${str}` : str];
}

function formatWeakCollection(ctx) {
  return [ctx.stylize('<items unknown>', 'special')];
}

function formatNamespaceObject(names, ctx, value, recurseTimes) {
  return names.map((name) => {
    try {
      return formatProperty(ctx, value, recurseTimes, name, kObjectType);
    } catch (err) {
      // Reading a binding still in its temporal dead zone throws.
      if (!(err instanceof ReferenceError)) throw err;
      const key = kIdentifierKey.test(name) ? name : strEscape(name);
      return `${ctx.stylize(key, 'name')}: ${ctx.stylize('<uninitialized>', 'special')}`;
    }
  });
}

// `desc` and `receiver` are passed for inherited properties (see
// addPrototypeProperties): the descriptor comes from a prototype while
// getters run on the inspected object.
function formatProperty(ctx, value, recurseTimes, key, type, desc, receiver = value) {
  let str;
  let separator = ' ';
  desc = desc || Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  if (desc.value !== undefined) {
    // compact=true aligns object values one column further, past `: `.
    const diff = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, desc.value, recurseTimes);
    if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
      separator = `\n${' '.repeat(ctx.indentationLvl)}`;
    }
    ctx.indentationLvl -= diff;
  } else if (desc.get !== undefined) {
    str = formatAccessor(ctx, receiver, recurseTimes, desc);
  } else if (desc.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (type === kArrayType) return str;

  let name;
  if (typeof key === 'symbol') {
    name = `[${ctx.stylize(escapeControlChars(key.toString()), 'symbol')}]`;
  } else if (key === '__proto__') {
    name = "['__proto__']";
  } else if (desc.enumerable === false) {
    name = `[${escapeControlChars(key)}]`;
  } else if (kIdentifierKey.test(key)) {
    name = ctx.stylize(key, 'name');
  } else {
    name = ctx.stylize(strEscape(key), 'string');
  }
  return `${name}:${separator}${str}`;
}

function formatAccessor(ctx, value, recurseTimes, desc) {
  const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
  const s = ctx.stylize;
  const getters = ctx.getters;
  const invoke = getters && (getters === true ||
    (getters === 'get' && desc.set === undefined) ||
    (getters === 'set' && desc.set !== undefined));
  if (!invoke) return s(`[${label}]`, 'special');
  try {
    const result = desc.get.call(value);
    ctx.indentationLvl += 2;
    let str;
    if (result === null) {
      str = `${s(`[${label}:`, 'special')} ${s('null', 'null')}${s(']', 'special')}`;
    } else if (typeof result === 'object') {
      str = `${s(`[${label}]`, 'special')} ${formatValue(ctx, result, recurseTimes)}`;
    } else {
      str = `${s(`[${label}:`, 'special')} ${formatPrimitive(s, result, ctx)}${s(']', 'special')}`;
    }
    ctx.indentationLvl -= 2;
    return str;
  } catch (err) {
    return `${s(`[${label}:`, 'special')} <Inspection threw (${err.message})>${s(']', 'special')}`;
  }
}

// --- primitives ---

// Escape sequences for C0/C1 control characters, quotes and backslash.
function escapeCode(code) {
  switch (code) {
    case 0x08: return '\\b';
    case 0x09: return '\\t';
    case 0x0a: return '\\n';
    case 0x0c: return '\\f';
    case 0x0d: return '\\r';
    case 0x27: return "\\'";
    case 0x5c: return '\\\\';
    default: return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  }
}

const kNeedsEscape = /[\x00-\x1f\x27\x5c\x7f-\x9f\ud800-\udfff]/;
const kControlChars = /[\x00-\x1f\x27\x5c\x7f-\x9f]/g;

function escapeControlChars(str) {
  return str.replace(kControlChars, (ch) => escapeCode(ch.charCodeAt(0)));
}

// Quotes a string the way inspect shows it: single quotes unless the text
// contains them, escaping control characters and lone surrogates.
function strEscape(str) {
  let quote = "'";
  if (str.includes("'")) {
    if (!str.includes('"')) quote = '"';
    else if (!str.includes('`') && !str.includes('${')) quote = '`';
  }
  if (!kNeedsEscape.test(str)) return `${quote}${str}${quote}`;

  let result = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    let replacement;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x5c || (code === 0x27 && quote === "'")) {
      replacement = escapeCode(code);
    } else if (code >= 0xd800 && code <= 0xdfff) {
      if (code <= 0xdbff && i + 1 < str.length) {
        const next = str.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++; // a valid surrogate pair
          continue;
        }
      }
      replacement = `\\u${code.toString(16)}`;
    } else {
      continue;
    }
    result += str.slice(last, i) + replacement;
    last = i + 1;
  }
  return `${quote}${result}${str.slice(last)}${quote}`;
}

function formatPrimitive(fn, value, ctx) {
  if (typeof value === 'string') {
    let trailer = '';
    if (value.length > ctx.maxStringLength) {
      const remaining = value.length - ctx.maxStringLength;
      value = value.slice(0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
    }
    // Long multi-line strings are shown as one quoted piece per line.
    if (ctx.compact !== true && value.length > kMinLineWidth &&
        value.length > ctx.breakLength - ctx.indentationLvl - 4) {
      return value.split(/(?<=\n)/)
        .map((line) => fn(strEscape(line), 'string'))
        .join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
    }
    return fn(strEscape(value), 'string') + trailer;
  }
  if (typeof value === 'number') return formatNumber(fn, value, ctx.numericSeparator);
  if (typeof value === 'bigint') return formatBigInt(fn, value, ctx.numericSeparator);
  if (typeof value === 'boolean') return fn(`${value}`, 'boolean');
  if (typeof value === 'undefined') return fn('undefined', 'undefined');
  return fn(value.toString(), 'symbol');
}

// "1234567" -> "1_234_567" (an optional leading '-' is kept).
function groupIntegerDigits(digits) {
  const sign = digits[0] === '-' ? '-' : '';
  let rest = sign ? digits.slice(1) : digits;
  let grouped = '';
  while (rest.length > 3) {
    grouped = `_${rest.slice(-3)}${grouped}`;
    rest = rest.slice(0, -3);
  }
  return `${sign}${rest}${grouped}`;
}

// "1234567" -> "123_456_7" (fraction digits are grouped from the left).
function groupFractionDigits(digits) {
  const groups = [];
  for (let i = 0; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join('_');
}

function formatNumber(fn, number, numericSeparator) {
  if (Object.is(number, -0)) return fn('-0', 'number');
  const str = `${number}`;
  if (!numericSeparator || !Number.isFinite(number) || str.includes('e')) return fn(str, 'number');
  const dot = str.indexOf('.');
  if (dot === -1) return fn(groupIntegerDigits(str), 'number');
  return fn(`${groupIntegerDigits(str.slice(0, dot))}.${groupFractionDigits(str.slice(dot + 1))}`, 'number');
}

function formatBigInt(fn, bigint, numericSeparator) {
  const str = `${bigint}`;
  return fn(`${numericSeparator ? groupIntegerDigits(str) : str}n`, 'bigint');
}

// --- layout ---

function isBelowBreakLength(ctx, output, start, base) {
  // Each entry is followed by a separator, hence output.length on top.
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (const entry of output) {
    total += ctx.colors ? removeColors(entry).length : entry.length;
    if (total > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

// Lays out many short array entries in aligned columns, one string per row.
// Returns `output` unchanged when the entries are unsuited to a grid.
function groupArrayElements(ctx, output, value) {
  const separatorSpace = 2; // ", "
  // A trailing "... more items" entry stays on its own line.
  const count = ctx.maxArrayLength < output.length ? output.length - 1 : output.length;
  const widths = new Array(count);
  let totalLength = 0;
  let maxLength = 0;
  for (let i = 0; i < count; i++) {
    const width = getStringWidth(output[i], ctx.colors);
    widths[i] = width;
    totalLength += width + separatorSpace;
    if (maxLength < width) maxLength = width;
  }
  const actualMax = maxLength + separatorSpace;
  // Need room for three columns, and no entry far longer than the rest.
  if (actualMax * 3 + ctx.indentationLvl >= ctx.breakLength ||
      (totalLength / actualMax <= 5 && maxLength > 6)) {
    return output;
  }

  // Aim for a roughly square block, counting a character as 2.5 times as
  // high as it is wide; a bias lets short entries get more columns.
  const averageBias = Math.sqrt(actualMax - totalLength / output.length);
  const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
  const columns = Math.min(
    Math.round(Math.sqrt(2.5 * biasedMax * count) / biasedMax),
    Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
    ctx.compact * 4,
    15,
  );
  if (columns <= 1) return output;

  const columnWidths = [];
  for (let col = 0; col < columns; col++) {
    let width = 0;
    for (let j = col; j < output.length; j += columns) {
      if (widths[j] > width) width = widths[j];
    }
    columnWidths.push(width + separatorSpace);
  }

  // Numbers are right-aligned, anything else left-aligned.
  let alignRight = true;
  if (value !== undefined) {
    for (let i = 0; i < output.length; i++) {
      if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
        alignRight = false;
        break;
      }
    }
  }

  const rows = [];
  for (let i = 0; i < count; i += columns) {
    const end = Math.min(i + columns, count);
    let row = '';
    let j = i;
    for (; j < end - 1; j++) {
      // Escape codes take no room on screen; pad for the visible width.
      const padding = columnWidths[j - i] + output[j].length - widths[j];
      row += alignRight ? `${output[j]}, `.padStart(padding, ' ') : `${output[j]}, `.padEnd(padding, ' ');
    }
    if (alignRight) {
      const padding = columnWidths[j - i] + output[j].length - widths[j] - separatorSpace;
      row += output[j].padStart(padding, ' ');
    } else {
      row += output[j];
    }
    rows.push(row);
  }
  if (ctx.maxArrayLength < output.length) rows.push(output[count]);
  return rows;
}

// Joins the entries into the final text: on one line when they fit (only the
// innermost `compact` levels are eligible), else one entry per line.
function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (extrasType === kArrayExtrasType && entries > 6) {
        output = groupArrayElements(ctx, output, value);
      }
      // ctx.currentDepth is the depth of the most recently formatted nested
      // object, so this measures how many levels sit inside this one.
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          const joined = output.join(', ');
          if (!joined.includes('\n')) {
            return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
          }
        }
      }
    }
    const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
    return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${
      output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
  }

  // compact === true: entries continue on the brace line.
  if (isBelowBreakLength(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ''} ${output.join(', ')} ${braces[1]}`;
  }
  const indentation = ' '.repeat(ctx.indentationLvl);
  const lead = base === '' && braces[0].length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
  return `${braces[0]}${lead}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
}

// --- display width: internal/util/width.js ---

const { getStringWidth } = require('internal/util/width');

// CSI sequences (ESC [ or the 8-bit CSI), OSC sequences ended by BEL or
// ESC \, character-set selections like ESC ( B, and two-character ESC
// sequences.
const kAnsiPattern =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()#][0-9A-Za-z]|\u001b[@-Z\\-_]/g;

function stripVTControlCharacters(str) {
  validateString(str, 'str');
  return str.replace(kAnsiPattern, '');
}

// ---------------------------------------------------------------------------
// format

let builtInObjects;
// Names of the global constructors (Object, Map, Error, ...), collected on
// first use so that globals the runtime adds during startup count too.
function isBuiltInConstructorName(name) {
  if (builtInObjects === undefined) {
    builtInObjects = new Set(
      Object.getOwnPropertyNames(globalThis).filter((n) => /^[A-Z][a-zA-Z0-9]+$/.test(n)));
  }
  return builtInObjects.has(name);
}

// Whether `%s` should inspect the object rather than call its toString:
// true unless a user-defined toString is found on the object or its chain.
function hasBuiltInToString(value) {
  if (typeof value.toString !== 'function') return true;
  if (Object.hasOwn(value, 'toString')) return false;
  let owner = value;
  do {
    owner = Object.getPrototypeOf(owner);
  } while (!Object.hasOwn(owner, 'toString'));
  const descriptor = Object.getOwnPropertyDescriptor(owner, 'constructor');
  return descriptor !== undefined && typeof descriptor.value === 'function' &&
    isBuiltInConstructorName(descriptor.value.name);
}

let circularErrorMessage;
function tryStringify(value) {
  try {
    return JSON.stringify(value);
  } catch (err) {
    if (circularErrorMessage === undefined) {
      try {
        const a = {};
        a.a = a;
        JSON.stringify(a);
      } catch (circular) {
        circularErrorMessage = circular.message.split('\n')[0];
      }
    }
    if (err.name === 'TypeError' && err.message.split('\n')[0] === circularErrorMessage) return '[Circular]';
    throw err;
  }
}

function formatWithOptionsInternal(inspectOptions, args) {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';

  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const next = first.charCodeAt(++i);
      if (a + 1 === args.length) {
        // Out of arguments: only '%%' is still collapsed.
        if (next === 37) {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
        }
        continue;
      }
      let piece;
      switch (next) {
        case 115: { // 's'
          const arg = args[++a];
          if (typeof arg === 'number') piece = formatNumber(stylizeNoColor, arg, false);
          else if (typeof arg === 'bigint') piece = formatBigInt(stylizeNoColor, arg, false);
          else if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) piece = String(arg);
          else piece = inspect(arg, { ...inspectOptions, depth: 0, colors: false, compact: 3 });
          break;
        }
        case 106: // 'j'
          piece = tryStringify(args[++a]);
          break;
        case 100: { // 'd'
          const arg = args[++a];
          if (typeof arg === 'bigint') piece = formatBigInt(stylizeNoColor, arg, false);
          else if (typeof arg === 'symbol') piece = 'NaN';
          else piece = formatNumber(stylizeNoColor, Number(arg), false);
          break;
        }
        case 79: // 'O'
          piece = inspect(args[++a], inspectOptions);
          break;
        case 111: // 'o'
          piece = inspect(args[++a], { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 });
          break;
        case 105: { // 'i'
          const arg = args[++a];
          if (typeof arg === 'bigint') piece = formatBigInt(stylizeNoColor, arg, false);
          else if (typeof arg === 'symbol') piece = 'NaN';
          else piece = formatNumber(stylizeNoColor, Number.parseInt(arg), false);
          break;
        }
        case 102: { // 'f'
          const arg = args[++a];
          piece = typeof arg === 'symbol' ? 'NaN' : formatNumber(stylizeNoColor, Number.parseFloat(arg), false);
          break;
        }
        case 99: // 'c': CSS is ignored
          a += 1;
          piece = '';
          break;
        case 37: // '%'
          str += first.slice(lastPos, i);
          lastPos = i + 1;
          continue;
        default:
          continue;
      }
      if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
      str += piece;
      lastPos = i + 1;
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }

  // Remaining arguments are appended, space-separated.
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
    a++;
  }
  return str;
}

function format(...args) {
  return formatWithOptionsInternal(undefined, args);
}

function formatWithOptions(inspectOptions, ...args) {
  validateObject(inspectOptions, 'inspectOptions', kValidateObjectAllowArray);
  return formatWithOptionsInternal(inspectOptions, args);
}

// ---------------------------------------------------------------------------
// Other helpers

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) {
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const kCustomPromisified = Symbol.for('nodejs.util.promisify.custom');
// Set by runtime modules on callback APIs whose callback receives several
// values (e.g. ['stdout', 'stderr']): promisify then resolves to an object.
const kCustomPromisifyArgs = Symbol.for('unode.util.promisify.customArgs');

// Copies the own properties of `source` onto `target`. The descriptors get a
// null prototype so that fields inherited from a polluted Object.prototype
// (get, set, ...) cannot sneak in.
function copyOwnProperties(target, source, adjust) {
  const descriptors = Object.getOwnPropertyDescriptors(source);
  if (adjust) adjust(descriptors);
  for (const descriptor of Object.values(descriptors)) Object.setPrototypeOf(descriptor, null);
  return Object.defineProperties(target, descriptors);
}

function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisified]) {
    const fn = original[kCustomPromisified];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisified, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  const argumentNames = original[kCustomPromisifyArgs];

  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const result = {};
          for (let i = 0; i < argumentNames.length; i++) result[argumentNames[i]] = values[i];
          resolve(result);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }

  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisified, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  return copyOwnProperties(fn, original);
}
promisify.custom = kCustomPromisified;

function callbackify(original) {
  validateFunction(original, 'original');

  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(cb, null, ret),
      (reason) => {
        // A falsy rejection would look like success to the callback.
        if (!reason) reason = new ERR_FALSY_VALUE_REJECTION(reason);
        process.nextTick(cb, reason);
      });
  }

  return copyOwnProperties(callbackified, original, (descriptors) => {
    if (typeof descriptors.length.value === 'number') descriptors.length.value++;
    if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  });
}

const warnedDeprecationCodes = new Set();

function deprecate(fn, msg, code) {
  if (process.noDeprecation === true) return fn;
  if (code !== undefined) validateString(code, 'code');

  let warned = false;
  function deprecated(...args) {
    if (!warned) {
      warned = true;
      if (typeof process.emitWarning === 'function') {
        if (code === undefined) {
          process.emitWarning(msg, 'DeprecationWarning', deprecated);
        } else if (!warnedDeprecationCodes.has(code)) {
          warnedDeprecationCodes.add(code);
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
        }
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }

  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

// --- isDeepStrictEqual ---

function ownEnumerableKeys(value, skipIndices) {
  return skipIndices ? getNonIndexKeys(value, false) : getKeys(value, false);
}

function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function primitiveOfBoxed(value) {
  if (isNumberObject(value)) return Number.prototype.valueOf.call(value);
  if (isStringObject(value)) return String.prototype.valueOf.call(value);
  if (isBooleanObject(value)) return Boolean.prototype.valueOf.call(value);
  if (isBigIntObject(value)) return BigInt.prototype.valueOf.call(value);
  return Symbol.prototype.valueOf.call(value);
}

const isComparableObject = (v) => typeof v === 'object' && v !== null;

function isDeepStrictEqual(a, b) {
  return deepEqual(a, b, new Map());
}

// `inProgress` maps objects under comparison to the partners they are being
// compared with; meeting such a pair again (a cycle) counts as equal.
function deepEqual(a, b, inProgress) {
  if (Object.is(a, b)) return true;
  if (!isComparableObject(a) || !isComparableObject(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (objectToString.call(a) !== objectToString.call(b)) return false;

  let partners = inProgress.get(a);
  if (partners !== undefined && partners.has(b)) return true;
  if (partners === undefined) {
    partners = new Set();
    inProgress.set(a, partners);
  }
  partners.add(b);
  try {
    return deepEqualObjects(a, b, inProgress);
  } finally {
    partners.delete(b);
  }
}

function deepEqualObjects(a, b, inProgress) {
  let skipIndices = false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const hasA = Object.hasOwn(a, i);
      if (hasA !== Object.hasOwn(b, i)) return false;
      if (hasA && !deepEqual(a[i], b[i], inProgress)) return false;
    }
    skipIndices = true;
  } else if (isDate(a)) {
    if (!isDate(b) || Date.prototype.getTime.call(a) !== Date.prototype.getTime.call(b)) return false;
  } else if (isRegExp(a)) {
    if (!isRegExp(b) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) {
      return false;
    }
  } else if (isError(a)) {
    if (!isError(b) || a.message !== b.message || a.name !== b.name) return false;
    if (('cause' in a) !== ('cause' in b) || !deepEqual(a.cause, b.cause, inProgress)) return false;
    if (('errors' in a) !== ('errors' in b) || !deepEqual(a.errors, b.errors, inProgress)) return false;
  } else if (isBoxedPrimitive(a)) {
    if (!isBoxedPrimitive(b) || !Object.is(primitiveOfBoxed(a), primitiveOfBoxed(b))) return false;
    if (isStringObject(a)) skipIndices = true;
  } else if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b) || !sameBytes(bytesOf(a), bytesOf(b))) return false;
    if (isTypedArray(a) && typedArrayLength.call(a) !== typedArrayLength.call(b)) return false;
    skipIndices = true;
  } else if (isAnyArrayBuffer(a)) {
    if (!isAnyArrayBuffer(b) || !sameBytes(new Uint8Array(a), new Uint8Array(b))) return false;
  } else if (isMap(a)) {
    if (!isMap(b) || !mapsEqual(a, b, inProgress)) return false;
  } else if (isSet(a)) {
    if (!isSet(b) || !setsEqual(a, b, inProgress)) return false;
  }

  const keysA = ownEnumerableKeys(a, skipIndices);
  const keysB = ownEnumerableKeys(b, skipIndices);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!propertyIsEnumerable.call(b, key)) return false;
  }
  for (const key of keysA) {
    if (!deepEqual(a[key], b[key], inProgress)) return false;
  }
  return true;
}

function setsEqual(a, b, inProgress) {
  if (a.size !== b.size) return false;
  const unmatched = [];
  for (const value of a) {
    if (!b.has(value)) {
      // Only objects can have a deep-equal but distinct partner.
      if (!isComparableObject(value)) return false;
      unmatched.push(value);
    }
  }
  if (unmatched.length === 0) return true;
  const candidates = [];
  for (const value of b) {
    if (isComparableObject(value) && !a.has(value)) candidates.push(value);
  }
  for (const value of unmatched) {
    const i = candidates.findIndex((candidate) => deepEqual(value, candidate, inProgress));
    if (i === -1) return false;
    candidates.splice(i, 1);
  }
  return true;
}

function mapsEqual(a, b, inProgress) {
  if (a.size !== b.size) return false;
  const unmatched = [];
  for (const [key, value] of a) {
    if (b.has(key) && deepEqual(value, b.get(key), inProgress)) continue;
    if (!isComparableObject(key)) return false;
    unmatched.push([key, value]);
  }
  if (unmatched.length === 0) return true;
  const candidates = [];
  for (const [key, value] of b) {
    if (isComparableObject(key) && !(a.has(key) && deepEqual(a.get(key), value, inProgress))) {
      candidates.push([key, value]);
    }
  }
  for (const [key, value] of unmatched) {
    const i = candidates.findIndex(([k, v]) => deepEqual(key, k, inProgress) && deepEqual(value, v, inProgress));
    if (i === -1) return false;
    candidates.splice(i, 1);
  }
  return true;
}

// --- debuglog ---

let debugEnabledTest;
const debugLoggers = new Map();

// NODE_DEBUG is a comma-separated list of section names; '*' is a wildcard.
function isDebugEnabled(section) {
  if (debugEnabledTest === undefined) {
    const env = (process.env && process.env.NODE_DEBUG) || '';
    if (env === '') {
      debugEnabledTest = () => false;
    } else {
      const pattern = env.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replaceAll('*', '.*').replaceAll(',', '$|^');
      const re = new RegExp(`^${pattern}$`, 'i');
      debugEnabledTest = (name) => re.test(name);
    }
  }
  return debugEnabledTest(section);
}

function shouldColorize(stream) {
  const force = process.env && process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return Boolean(stream && stream.isTTY) &&
    (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
}

function makeDebugLogger(section) {
  let logger = debugLoggers.get(section);
  if (logger === undefined) {
    if (isDebugEnabled(section)) {
      if (section === 'HTTP' || section === 'HTTP2') {
        process.emitWarning(`Setting the NODE_DEBUG environment variable to '${section.toLowerCase()}' can expose ` +
          'sensitive data (such as passwords, tokens and authentication headers) in the resulting log.');
      }
      const pid = process.pid;
      logger = (...args) => {
        const colors = shouldColorize(process.stderr);
        const message = formatWithOptions({ colors }, ...args);
        const line = format('%s %s: %s\n', section, inspect(pid, { colors }), message);
        if (process.stderr && typeof process.stderr.write === 'function') process.stderr.write(line);
      };
    } else {
      logger = () => {};
    }
    debugLoggers.set(section, logger);
  }
  return logger;
}

// The section is resolved on first use, so NODE_DEBUG may still change
// between creating a logger and calling it.
function debuglog(section, cb) {
  let impl;
  let name;
  const resolve = () => {
    if (impl === undefined) {
      name = String(section).toUpperCase();
      impl = makeDebugLogger(name);
      if (typeof cb === 'function') cb(impl);
    }
    return impl;
  };
  const logger = (...args) => resolve()(...args);
  Object.defineProperty(logger, 'enabled', {
    get() {
      resolve();
      return isDebugEnabled(name);
    },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

// --- misc ---

const kLoneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function toUSVString(input) {
  return String(input).replace(kLoneSurrogate, '\ufffd');
}

function getSystemErrorName(err) {
  validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  return lookupSystemErrorName(err);
}

function isStreamLike(stream) {
  return isObject(stream) && (typeof stream.write === 'function' || typeof stream.pipe === 'function' ||
    typeof stream.getReader === 'function' || typeof stream.getWriter === 'function');
}

function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  validateString(text, 'text');
  validateBoolean(validateStream, 'options.validateStream');
  if (validateStream && !isStreamLike(stream)) {
    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  const codesFor = (key) => {
    const codes = inspect.colors[key];
    if (codes == null) validateOneOf(key, 'format', Object.keys(inspect.colors));
    return codes;
  };

  // As in Node 20, a list of formats is applied regardless of the stream.
  if (Array.isArray(format)) {
    let left = '';
    let right = '';
    for (const key of format) {
      const [open, close] = codesFor(key);
      left += `\u001b[${open}m`;
      right = `\u001b[${close}m${right}`;
    }
    return `${left}${text}${right}`;
  }
  const [open, close] = codesFor(format);
  if (validateStream && !shouldColorize(stream)) return text;
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

// --- parseArgs ---

function getMainArgs() {
  // With -e/-p there is no script path before the user's arguments.
  const execArgv = process.execArgv || [];
  if (['-e', '--eval', '-p', '--print'].some((flag) => execArgv.includes(flag))) return process.argv.slice(1);
  return process.argv.slice(2);
}

function ownValue(obj, key) {
  return obj != null && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

// An own property of the configuration for option `name`.
function optionSetting(options, name, setting) {
  return Object.hasOwn(options, name) ? ownValue(options[name], setting) : undefined;
}

function longNameForShort(short, options) {
  for (const name of Object.keys(options)) {
    if (ownValue(options[name], 'short') === short) return name;
  }
  return short;
}

function validateParseArgsOption(name, config) {
  validateObject(config, `options.${name}`);
  const type = ownValue(config, 'type');
  if (type !== 'string' && type !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE(`options.${name}.type`, "('string|boolean')", type);
  }
  if (Object.hasOwn(config, 'short')) {
    const short = config.short;
    validateString(short, `options.${name}.short`);
    if (short.length !== 1) {
      throw new ERR_INVALID_ARG_VALUE(`options.${name}.short`, short, 'must be a single character');
    }
  }
  const multiple = ownValue(config, 'multiple');
  if (Object.hasOwn(config, 'multiple')) validateBoolean(multiple, `options.${name}.multiple`);
  const defaultValue = ownValue(config, 'default');
  if (defaultValue !== undefined) {
    const label = `options.${name}.default`;
    const check = type === 'string' ? validateString : validateBoolean;
    if (multiple) {
      validateArray(defaultValue, label);
      for (let i = 0; i < defaultValue.length; i++) check(defaultValue[i], `${label}[${i}]`);
    } else {
      check(defaultValue, label);
    }
  }
}

// Splits the arguments into tokens: options (with any value), positionals
// and the `--` terminator. Short option groups like -abc are expanded; a
// string option inside a group takes the rest of the group as its value.
function tokenizeArgs(args, options) {
  const tokens = [];
  const pending = args.slice();
  let index = -1;
  let groupRemaining = 0; // expanded group members share their argument's index
  const isStringOption = (name) => optionSetting(options, name, 'type') === 'string';

  while (pending.length > 0) {
    const arg = pending.shift();
    const next = pending[0];
    if (groupRemaining > 0) groupRemaining--;
    else index++;

    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const rest of pending) tokens.push({ kind: 'positional', index: ++index, value: rest });
      break;
    }

    const isShort = arg.length >= 2 && arg[0] === '-' && arg[1] !== '-';
    if (isShort && arg.length === 2) { // -f [value]
      const name = longNameForShort(arg[1], options);
      let value;
      let inlineValue;
      if (isStringOption(name) && next != null) {
        value = pending.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value != null) index++;
      continue;
    }
    if (isShort) {
      const name = longNameForShort(arg[1], options);
      if (isStringOption(name)) { // -fVALUE
        tokens.push({ kind: 'option', name, rawName: `-${arg[1]}`, index, value: arg.slice(2), inlineValue: true });
        continue;
      }
      const expanded = [];
      for (let i = 1; i < arg.length; i++) {
        const member = arg[i];
        if (!isStringOption(longNameForShort(member, options)) || i === arg.length - 1) {
          expanded.push(`-${member}`);
        } else {
          expanded.push(`-${member}${arg.slice(i + 1)}`);
          break;
        }
      }
      pending.unshift(...expanded);
      groupRemaining = expanded.length;
      continue;
    }

    if (arg.length > 2 && arg.startsWith('--')) {
      const eq = arg.indexOf('=', 3);
      if (eq === -1) { // --name [value]
        const name = arg.slice(2);
        let value;
        let inlineValue;
        if (isStringOption(name) && next != null) {
          value = pending.shift();
          inlineValue = false;
        }
        tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
        if (value != null) index++;
      } else { // --name=value
        const name = arg.slice(2, eq);
        const value = arg.slice(eq + 1);
        tokens.push({ kind: 'option', name, rawName: `--${name}`, index, value, inlineValue: true });
      }
      continue;
    }

    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

// Strict-mode checks of one option token against the configuration.
function checkOptionToken(token, options, allowPositionals, allowNegative) {
  let name = token.name;
  if (!Object.hasOwn(options, name)) {
    // --no-foo negates a boolean option foo.
    const base = name.slice(3);
    if (!allowNegative || !name.startsWith('no-') || !Object.hasOwn(options, base) ||
        optionSetting(options, base, 'type') !== 'boolean') {
      throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, allowPositionals);
    }
    name = base;
  }
  const short = optionSetting(options, name, 'short');
  const shortAndLong = `${short ? `-${short}, ` : ''}--${name}`;
  const type = optionSetting(options, name, 'type');
  if (type === 'string' && typeof token.value !== 'string') {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value != null) {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong}' does not take an argument`);
  }
  // A separate value that looks like an option was probably not meant as the value.
  if (!token.inlineValue && typeof token.value === 'string' && token.value.length > 1 && token.value[0] === '-') {
    const example = token.rawName.startsWith('--') ?
      `'${token.rawName}=-XYZ'` :
      `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
      `Option '${token.rawName}' argument is ambiguous.\n` +
      `Did you forget to specify the option argument for '${token.rawName}'?\n` +
      `To specify an option argument starting with a dash use ${example}.`);
  }
}

function storeOptionValue(values, options, name, value) {
  if (name === '__proto__') return;
  if (optionSetting(options, name, 'multiple')) {
    if (values[name] === undefined) values[name] = [value];
    else values[name].push(value);
  } else {
    values[name] = value;
  }
}

function parseArgs(config = {}) {
  const args = ownValue(config, 'args') ?? getMainArgs();
  const strict = ownValue(config, 'strict') ?? true;
  const allowPositionals = ownValue(config, 'allowPositionals') ?? !strict;
  const returnTokens = ownValue(config, 'tokens') ?? false;
  const allowNegative = ownValue(config, 'allowNegative') ?? false;
  const options = ownValue(config, 'options') ?? { __proto__: null };

  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');
  for (const [name, optionConfig] of Object.entries(options)) validateParseArgsOption(name, optionConfig);

  const tokens = tokenizeArgs(args, options);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) result.tokens = tokens;

  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict) checkOptionToken(token, options, allowPositionals, allowNegative);
      let value = token.value ?? true;
      if (allowNegative && token.name.startsWith('no-') && token.value === undefined) {
        token.name = token.name.slice(3);
        value = false;
      }
      storeOptionValue(result.values, options, token.name, value);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      result.positionals.push(token.value);
    }
  }

  for (const [name, optionConfig] of Object.entries(options)) {
    const defaultValue = ownValue(optionConfig, 'default');
    if (defaultValue !== undefined && result.values[name] === undefined && name !== '__proto__') {
      result.values[name] = defaultValue;
    }
  }
  return result;
}

const kMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Deprecated: console.log with a "26 Feb 16:19:34 - " prefix.
function log(...args) {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  console.log('%s - %s', `${d.getDate()} ${kMonths[d.getMonth()]} ${time}`, format(...args));
}

// Deprecated Object.assign-alike kept for old packages.
function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  for (const key of Object.keys(source)) target[key] = source[key];
  return target;
}

function isBuffer(value) {
  return require('buffer').Buffer.isBuffer(value);
}

// Resolves once `signal` aborts (at once if it has); `resource` is what the wait is for.
async function aborted(signal, resource) {
  const { validateAbortSignal, codes } = require('internal/errors');
  validateAbortSignal(signal, 'signal');
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw new codes.ERR_INVALID_ARG_TYPE('resource', 'object', resource);
  }
  // A promise returned from an async function settles its result two jobs later, as Node's.
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

// The variables of a .env file's text (see internal/process/dotenv).
function parseEnv(content) {
  require('internal/errors').validateString(content, 'content');
  return require('internal/process/dotenv').parseEnv(content);
}

module.exports = {
  _errnoException: errnoException,
  aborted,
  _exceptionWithHostPort: exceptionWithHostPort,
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  formatWithOptions,
  getSystemErrorMap: () => new Map(getSystemErrorMap()),
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean: (arg) => typeof arg === 'boolean',
  isBuffer,
  isDate,
  isDeepStrictEqual,
  isError,
  isFunction: (arg) => typeof arg === 'function',
  isNull: (arg) => arg === null,
  isNullOrUndefined: (arg) => arg === null || arg === undefined,
  isNumber: (arg) => typeof arg === 'number',
  isObject: (arg) => arg !== null && typeof arg === 'object',
  isPrimitive: (arg) => arg === null || (typeof arg !== 'object' && typeof arg !== 'function'),
  isRegExp,
  isString: (arg) => typeof arg === 'string',
  isSymbol: (arg) => typeof arg === 'symbol',
  isUndefined: (arg) => arg === undefined,
  log,
  parseArgs,
  parseEnv,
  promisify,
  stripVTControlCharacters,
  styleText,
  toUSVString,
  types,
};

// Read on access: the globals may be installed lazily, after util loads.
for (const name of ['TextEncoder', 'TextDecoder']) {
  Object.defineProperty(module.exports, name, {
    get() {
      return globalThis[name];
    },
    enumerable: true,
    configurable: true,
  });
}
