'use strict';
// FormData (XHR/Fetch): an ordered list of name → string or File entries; its
// multipart/form-data encoding as a fetch body, and the parsing of multipart and
// URL-encoded bodies that Request/Response.formData() return.

const { Buffer } = require('buffer');

const kEntries = Symbol('entries');

// USVString conversion: lone surrogates become U+FFFD.
function usv(value) {
  const s = `${value}`;
  return s.isWellFormed() ? s : s.toWellFormed();
}

function argumentsRequired(method, needed, found) {
  return new TypeError(`FormData.${method}: ${needed} argument${needed > 1 ? 's' : ''} required, but only ${found} found.`);
}

function blobClasses() {
  return require('internal/blob');
}

// An entry's value: a string, or a File (a Blob becomes a File named "blob", or
// `filename`).
function entryValue(value, filename, method) {
  const { Blob, File } = blobClasses();
  if (!(value instanceof Blob)) {
    if (filename !== undefined) {
      throw new TypeError(`Failed to execute '${method}' on 'FormData': parameter 2 is not of type 'Blob'`);
    }
    return usv(value);
  }
  if (value instanceof File && filename === undefined) return value;
  return new File([value], filename !== undefined ? usv(filename) : 'blob', {
    type: value.type,
    lastModified: value instanceof File ? value.lastModified : undefined,
  });
}

function entriesOf(self, method) {
  const entries = self !== null && typeof self === 'object' ? self[kEntries] : undefined;
  if (entries === undefined) throw new TypeError(`Illegal invocation in FormData.${method}`);
  return entries;
}

class FormData {
  constructor(form) {
    if (form !== undefined) {
      throw new TypeError("FormData constructor: Argument 1 could not be converted to: undefined.");
    }
    Object.defineProperty(this, kEntries, { value: [], writable: false, enumerable: false });
  }

  append(name, value, filename) {
    const entries = entriesOf(this, 'append');
    if (arguments.length < 2) throw argumentsRequired('append', 2, arguments.length);
    entries.push([usv(name), entryValue(value, filename, 'append')]);
  }

  delete(name) {
    const entries = entriesOf(this, 'delete');
    if (arguments.length < 1) throw argumentsRequired('delete', 1, 0);
    name = usv(name);
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i][0] === name) entries.splice(i, 1);
  }

  get(name) {
    const entries = entriesOf(this, 'get');
    if (arguments.length < 1) throw argumentsRequired('get', 1, 0);
    name = usv(name);
    const found = entries.find(([n]) => n === name);
    return found === undefined ? null : found[1];
  }

  getAll(name) {
    const entries = entriesOf(this, 'getAll');
    if (arguments.length < 1) throw argumentsRequired('getAll', 1, 0);
    name = usv(name);
    return entries.filter(([n]) => n === name).map(([, v]) => v);
  }

  has(name) {
    const entries = entriesOf(this, 'has');
    if (arguments.length < 1) throw argumentsRequired('has', 1, 0);
    name = usv(name);
    return entries.some(([n]) => n === name);
  }

  set(name, value, filename) {
    const entries = entriesOf(this, 'set');
    if (arguments.length < 2) throw argumentsRequired('set', 2, arguments.length);
    name = usv(name);
    const entry = [name, entryValue(value, filename, 'set')];
    const first = entries.findIndex(([n]) => n === name);
    if (first === -1) {
      entries.push(entry);
      return;
    }
    entries[first] = entry;
    for (let i = entries.length - 1; i > first; i--) if (entries[i][0] === name) entries.splice(i, 1);
  }

  * keys() {
    for (const [name] of entriesOf(this, 'keys')) yield name;
  }

  * values() {
    for (const [, value] of entriesOf(this, 'values')) yield value;
  }

  * entries() {
    for (const [name, value] of entriesOf(this, 'entries')) yield [name, value];
  }

  forEach(callback, thisArg) {
    const entries = entriesOf(this, 'forEach');
    if (typeof callback !== 'function') {
      throw new TypeError("FormData.forEach: Argument 1 could not be converted to: Function.");
    }
    for (const [name, value] of entries) Reflect.apply(callback, thisArg, [value, name, this]);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    const shown = {};
    for (const [name, value] of this[kEntries]) {
      shown[name] = name in shown ? [].concat(shown[name], value) : value;
    }
    const body = inspect(shown, { ...options, depth: options.depth === null ? null : options.depth - 1 });
    return `FormData ${body}`;
  }
}

// WebIDL's operations are enumerable, as undici's are.
for (const name of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'keys', 'values', 'entries', 'forEach']) {
  Object.defineProperty(FormData.prototype, name, { enumerable: true });
}
Object.defineProperty(FormData.prototype, Symbol.iterator, {
  value: FormData.prototype.entries, writable: true, configurable: true, enumerable: false,
});
Object.defineProperty(FormData.prototype, Symbol.toStringTag, { value: 'FormData', configurable: true });

// --- multipart/form-data ----------------------------------------------------------------

// A name or filename inside a Content-Disposition header, as the HTML standard escapes it.
const escapeName = (s) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
// A string value's line breaks as CRLF.
const normalizeLinefeeds = (s) => s.replace(/\r?\n|\r/g, '\r\n');

// The multipart encoding of `form`: [the body, its content type].
function encodeMultipart(form) {
  const digits = String(Math.floor(Math.random() * 1e11)).padStart(11, '0');
  const boundary = `----formdata-undici-0${digits}`;
  const chunks = [];
  for (const [name, value] of form[kEntries]) {
    if (typeof value === 'string') {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(normalizeLinefeeds(name))}"` +
        `\r\n\r\n${normalizeLinefeeds(value)}\r\n`));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(normalizeLinefeeds(name))}"` +
        `; filename="${escapeName(value.name)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`));
      chunks.push(blobClasses().bytesOf(value));
      chunks.push(Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return [Buffer.concat(chunks), `multipart/form-data; boundary=${boundary}`];
}

function parseError(message) {
  return new TypeError(message);
}

// A header parameter's value (quoted or not) from a header's text.
function parameter(header, name) {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(header);
  if (m === null) return undefined;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2];
}

// The entries of a multipart/form-data body with `boundary`.
function parseMultipart(bytes, boundary) {
  const form = new FormData();
  const { File } = blobClasses();
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = bytes.indexOf(delimiter);
  if (pos === -1) throw parseError('Failed to parse body as FormData.');
  for (;;) {
    pos += delimiter.length;
    if (bytes[pos] === 0x2d && bytes[pos + 1] === 0x2d) return form;
    if (bytes[pos] !== 0x0d || bytes[pos + 1] !== 0x0a) throw parseError('Failed to parse body as FormData.');
    pos += 2;
    const headEnd = bytes.indexOf('\r\n\r\n', pos);
    if (headEnd === -1) throw parseError('Failed to parse body as FormData.');
    const head = bytes.subarray(pos, headEnd).toString('utf8');
    const next = bytes.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headEnd + 4);
    if (next === -1) throw parseError('Failed to parse body as FormData.');
    const content = bytes.subarray(headEnd + 4, next);
    let disposition = '';
    let type = '';
    for (const line of head.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon === -1) continue;
      const field = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (field === 'content-disposition') disposition = value;
      else if (field === 'content-type') type = value;
    }
    // Names and filenames come escaped as encodeMultipart escapes them.
    const unescape = (v) => (v === undefined ? v : v.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%22/g, '"'));
    const name = unescape(parameter(disposition, 'name'));
    if (!/^form-data/i.test(disposition) || name === undefined) throw parseError('Failed to parse body as FormData.');
    const filename = unescape(parameter(disposition, 'filename'));
    if (filename !== undefined) {
      form.append(name, new File([content], filename, { type }));
    } else {
      form.append(name, content.toString('utf8'));
    }
    pos = next + 2;
  }
}

// The FormData of a body with `contentType`.
function parseFormData(bytes, contentType) {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'multipart/form-data') {
    const boundary = parameter(contentType, 'boundary');
    if (!boundary) throw parseError('Failed to parse body as FormData.');
    return parseMultipart(bytes, boundary);
  }
  if (type === 'application/x-www-form-urlencoded') {
    const form = new FormData();
    for (const [name, value] of new URLSearchParams(bytes.toString('utf8'))) form.append(name, value);
    return form;
  }
  throw new TypeError('Content-Type was not one of "multipart/form-data" or "application/x-www-form-urlencoded".');
}

module.exports = { FormData, encodeMultipart, parseFormData };
