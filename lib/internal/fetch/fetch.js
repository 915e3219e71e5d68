'use strict';
// fetch(), Request and Response over the http client. Bodies are held as Buffers when
// known up front and Readables when streamed, and given out (`body`) as WHATWG byte
// ReadableStreams, as Node's are.

const { Buffer } = require('buffer');
const { Readable } = require('stream');
const { Headers } = require('internal/fetch/headers');
const { checkIsHttpToken, STATUS_CODES } = require('internal/http/common');

const kBody = Symbol('body');
const kUsed = Symbol('bodyUsed');
const kStream = Symbol('bodyStream');
const kState = Symbol('state');

const kNullBodyStatus = new Set([101, 103, 204, 205, 304]);
const kRedirectStatus = new Set([301, 302, 303, 307, 308]);
// The Fetch standard's blocked ports.
const kBadPorts = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103,
  104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513,
  514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720,
  1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);
const kForbiddenMethods = new Set(['CONNECT', 'TRACE', 'TRACK']);
const kNormalizedMethods = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

// What a body init becomes: [Buffer | Readable | null, content type or null].
function extractBody(init) {
  if (init === null || init === undefined) return [null, null];
  if (typeof init === 'string') return [Buffer.from(init, 'utf8'), 'text/plain;charset=UTF-8'];
  if (init instanceof URLSearchParams) {
    return [Buffer.from(init.toString(), 'utf8'), 'application/x-www-form-urlencoded;charset=UTF-8'];
  }
  const formData = require('internal/fetch/form_data');
  if (init instanceof formData.FormData) return formData.encodeMultipart(init);
  if (init instanceof ArrayBuffer || ArrayBuffer.isView(init)) {
    const view = init instanceof ArrayBuffer ? new Uint8Array(init) : new Uint8Array(init.buffer, init.byteOffset, init.byteLength);
    return [Buffer.from(view), null];
  }
  const { Blob } = require('internal/blob');
  if (init instanceof Blob) {
    return [Readable.from((async function* () {
      yield Buffer.from(await init.arrayBuffer());
    })()), init.type || null];
  }
  if (typeof init[Symbol.asyncIterator] === 'function') {
    return [init instanceof Readable ? init : Readable.from(init), null];
  }
  return [Buffer.from(String(init), 'utf8'), 'text/plain;charset=UTF-8'];
}

function unusable() {
  return new TypeError('Body is unusable: Body has already been read');
}

async function consume(self) {
  if (self[kUsed]) throw unusable();
  const stream = self[kStream];
  if (stream !== undefined && (stream.locked || webstreams().isDisturbed(stream))) throw unusable();
  self[kUsed] = true;
  const body = stream !== undefined ? stream : self[kBody];
  if (body === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  const chunks = [];
  for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function webstreams() {
  return require('internal/webstreams/readable');
}

// The body as a byte ReadableStream, made on first use.
function bodyStream(body) {
  if (Buffer.isBuffer(body)) {
    return new (webstreams().ReadableStream)({
      type: 'bytes',
      start(controller) {
        if (body.length > 0) controller.enqueue(new Uint8Array(body));
        controller.close();
      },
    });
  }
  return require('internal/webstreams/adapters').readableToWeb(body);
}

const BodyMixin = {
  get body() {
    if (this[kBody] === null) return null;
    this[kStream] ??= bodyStream(this[kBody]);
    return this[kStream];
  },
  get bodyUsed() {
    return this[kUsed] || (this[kStream] !== undefined && webstreams().isDisturbed(this[kStream])) ||
      (this[kBody] instanceof Readable && this[kBody].readableDidRead === true);
  },
  async arrayBuffer() {
    const b = await consume(this);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
  },
  async bytes() {
    return new Uint8Array(await this.arrayBuffer());
  },
  async text() {
    return (await consume(this)).toString('utf8');
  },
  async json() {
    return JSON.parse((await consume(this)).toString('utf8'));
  },
  async blob() {
    const { Blob } = require('internal/blob');
    const type = this.headers.get('content-type') || '';
    return new Blob([await consume(this)], { type });
  },
  async formData() {
    const bytes = await consume(this);
    return require('internal/fetch/form_data').parseFormData(bytes, this.headers.get('content-type'));
  },
};

function mixBody(proto) {
  for (const key of Object.getOwnPropertyNames(BodyMixin)) {
    Object.defineProperty(proto, key, Object.getOwnPropertyDescriptor(BodyMixin, key));
  }
}

function cloneBody(self) {
  const body = self[kBody];
  if (self.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
  if (body === null || Buffer.isBuffer(body)) return body;
  if (self[kStream] !== undefined) {
    // The body was handed out as a web stream: that is teed.
    const [mine, theirs] = self[kStream].tee();
    self[kStream] = mine;
    return require('internal/webstreams/adapters').readableFromWeb(theirs);
  }
  // Tee a stream: both sides get every chunk.
  const { PassThrough } = require('stream');
  const a = new PassThrough();
  const b = new PassThrough();
  body.on('data', (c) => {
    a.write(c);
    b.write(c);
  });
  body.on('end', () => {
    a.end();
    b.end();
  });
  body.on('error', (e) => {
    a.destroy(e);
    b.destroy(e);
  });
  self[kBody] = a;
  return b;
}

class Request {
  constructor(input, init = {}) {
    if (arguments.length === 0) throw new TypeError("Failed to construct 'Request': 1 argument required, but only 0 present.");
    let url;
    let base = {};
    if (input instanceof Request) {
      base = input[kState];
      url = base.url;
    } else {
      try {
        url = new URL(String(input)).href;
      } catch (cause) {
        throw new TypeError('Failed to parse URL from ' + String(input), { cause });
      }
    }
    if (/^[^:]+:\/\/[^/]*@/.test(url)) {
      throw new TypeError('Request cannot be constructed from a URL that includes credentials: ' + url);
    }
    let method = init.method !== undefined ? String(init.method) : (base.method || 'GET');
    if (!checkIsHttpToken(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
    if (kForbiddenMethods.has(method.toUpperCase())) throw new TypeError(`'${method}' HTTP method is unsupported.`);
    if (kNormalizedMethods.has(method.toUpperCase())) method = method.toUpperCase();
    const headers = new Headers(init.headers !== undefined ? init.headers : base.headers);
    let body = null;
    if (init.body !== undefined && init.body !== null) {
      if (method === 'GET' || method === 'HEAD') throw new TypeError('Request with GET/HEAD method cannot have body.');
      const [b, type] = extractBody(init.body);
      if (!Buffer.isBuffer(b) && init.duplex !== 'half' && !(init.body instanceof require('internal/blob').Blob)) {
        throw new TypeError('RequestInit: duplex option is required when sending a body.');
      }
      body = b;
      if (type !== null && !headers.has('content-type')) headers.set('content-type', type);
    } else if (input instanceof Request) {
      body = input[kBody];
    }
    const redirect = init.redirect || base.redirect || 'follow';
    if (!['follow', 'error', 'manual'].includes(redirect)) {
      throw new TypeError(`Failed to construct 'Request': The provided value '${redirect}' is not a valid enum value of type RequestRedirect.`);
    }
    const signal = init.signal !== undefined ? init.signal : base.signal;
    this[kState] = { url, method, headers, redirect, signal: signal || new AbortController().signal };
    this[kBody] = body;
    this[kUsed] = false;
  }

  get method() {
    return this[kState].method;
  }

  get url() {
    return this[kState].url;
  }

  get headers() {
    return this[kState].headers;
  }

  get redirect() {
    return this[kState].redirect;
  }

  get signal() {
    return this[kState].signal;
  }

  get duplex() {
    return 'half';
  }

  get cache() {
    return 'default';
  }

  get credentials() {
    return 'same-origin';
  }

  get mode() {
    return 'cors';
  }

  get destination() {
    return '';
  }

  get referrer() {
    return 'about:client';
  }

  get referrerPolicy() {
    return '';
  }

  get integrity() {
    return '';
  }

  get keepalive() {
    return false;
  }

  clone() {
    const r = new Request(this);
    r[kBody] = cloneBody(this);
    return r;
  }

  get [Symbol.toStringTag]() {
    return 'Request';
  }
}
mixBody(Request.prototype);

class Response {
  constructor(body = null, init = {}) {
    const status = init.status !== undefined ? Number(init.status) : 200;
    if (!Number.isInteger(status) || status < 200 || status > 599) {
      throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
    }
    const statusText = init.statusText !== undefined ? String(init.statusText) : '';
    const headers = new Headers(init.headers);
    let b = null;
    if (body !== null && body !== undefined) {
      if (kNullBodyStatus.has(status)) throw new TypeError('Response constructor: Invalid response status code ' + status);
      const [extracted, type] = extractBody(body);
      b = extracted;
      if (type !== null && !headers.has('content-type')) headers.set('content-type', type);
    }
    this[kState] = { status, statusText, headers, url: '', redirected: false, type: 'default' };
    this[kBody] = b;
    this[kUsed] = false;
  }

  static error() {
    const r = new Response(null, { status: 200 });
    Object.assign(r[kState], { status: 0, type: 'error' });
    return r;
  }

  static json(data, init = {}) {
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const headers = new Headers(init.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return new Response(text, { ...init, headers });
  }

  static redirect(url, status = 302) {
    const parsed = new URL(String(url));
    if (!kRedirectStatus.has(status)) throw new RangeError(`Invalid status code ${status}`);
    return new Response(null, { status, headers: { location: parsed.href } });
  }

  get status() {
    return this[kState].status;
  }

  get ok() {
    return this[kState].status >= 200 && this[kState].status <= 299;
  }

  get statusText() {
    return this[kState].statusText;
  }

  get headers() {
    return this[kState].headers;
  }

  get url() {
    return this[kState].url;
  }

  get redirected() {
    return this[kState].redirected;
  }

  get type() {
    return this[kState].type;
  }

  clone() {
    const r = new Response(null, { status: 200 });
    r[kState] = { ...this[kState], headers: new Headers(this.headers) };
    r[kBody] = cloneBody(this);
    return r;
  }

  get [Symbol.toStringTag]() {
    return 'Response';
  }
}
mixBody(Response.prototype);

// One keep-alive pool per scheme, as undici keeps one per origin.
const fetchAgents = { __proto__: null };
function agent(protocol) {
  if (fetchAgents[protocol] === undefined) {
    const { Agent } = protocol === 'https:' ? require('https') : require('internal/http/agent');
    fetchAgents[protocol] = new Agent({ keepAlive: true, timeout: 4000 });
  }
  return fetchAgents[protocol];
}

function fetchFailed(cause) {
  return new TypeError('fetch failed', { cause });
}

function abortReason(signal) {
  return signal.reason !== undefined ? signal.reason : new DOMException('This operation was aborted', 'AbortError');
}

function fetch(input, init = undefined) {
  return new Promise((resolve, reject) => {
    let request;
    try {
      request = new Request(input, init);
    } catch (err) {
      reject(err);
      return;
    }
    const { signal } = request;
    if (signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    start(request, request[kState].url, 0, resolve, reject);
  });
}

function dataUrl(url, resolve, reject) {
  const m = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(url);
  if (m === null) return reject(fetchFailed(new Error('invalid data: URL')));
  const payload = decodeURIComponent(m[3]);
  const body = m[2] ? Buffer.from(payload, 'base64') : Buffer.from(payload, 'latin1');
  const r = new Response(body, { status: 200, statusText: 'OK', headers: { 'content-type': m[1] || 'text/plain;charset=US-ASCII' } });
  r[kState].url = url;
  resolve(r);
}

function start(request, url, redirects, resolve, reject) {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:') return dataUrl(url, resolve, reject);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return reject(fetchFailed(new Error('unknown scheme')));
  }
  if (kBadPorts.has(Number(parsed.port))) return reject(fetchFailed(new Error('bad port')));
  const { method, headers, signal } = request[kState];
  const out = {};
  for (const [k, v] of headers) {
    if (k === 'set-cookie') continue;
    out[k] = v;
  }
  const defaults = { accept: '*/*', 'accept-language': '*', 'sec-fetch-mode': 'cors', 'user-agent': 'node' };
  for (const k of Object.keys(defaults)) if (out[k] === undefined) out[k] = defaults[k];
  const body = request[kBody];
  if (Buffer.isBuffer(body)) out['content-length'] = String(body.length);
  else if (body === null && (method === 'POST' || method === 'PUT')) out['content-length'] = '0';
  const client = parsed.protocol === 'https:' ? require('https') : require('http');
  let settled = false;
  const req = client.request(parsed, { method, headers: out, agent: agent(parsed.protocol) });
  const onAbort = () => {
    req.destroy();
    if (!settled) {
      settled = true;
      reject(abortReason(signal));
    }
  };
  signal.addEventListener('abort', onAbort, { once: true });
  req.on('error', (err) => {
    if (settled) return;
    settled = true;
    signal.removeEventListener('abort', onAbort);
    reject(fetchFailed(err));
  });
  req.on('response', (res) => {
    const status = res.statusCode;
    const location = res.headers.location;
    if (kRedirectStatus.has(status) && location !== undefined && request.redirect !== 'manual') {
      res.resume();
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (request.redirect === 'error') return reject(fetchFailed(new Error('unexpected redirect')));
      if (redirects >= 20) return reject(fetchFailed(new Error('redirect count exceeded')));
      let next;
      try {
        next = new URL(location, url).href;
      } catch (err) {
        return reject(fetchFailed(err));
      }
      if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
        const st = request[kState];
        request = Object.create(Request.prototype, {});
        request[kState] = { ...st, method: status === 303 && st.method === 'HEAD' ? 'HEAD' : 'GET', headers: new Headers(st.headers) };
        for (const h of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) {
          request[kState].headers.delete(h);
        }
        request[kBody] = null;
        request[kUsed] = false;
      } else if (body !== null && !Buffer.isBuffer(body)) {
        return reject(fetchFailed(new Error('cannot follow a redirect with a streamed body')));
      }
      return start(request, next, redirects + 1, (r) => {
        r[kState].redirected = true;
        resolve(r);
      }, reject);
    }
    settled = true;
    const responseHeaders = new Headers();
    for (let i = 0; i < res.rawHeaders.length; i += 2) responseHeaders.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
    const response = new Response(null, { status: 200, headers: responseHeaders });
    Object.assign(response[kState], {
      status,
      statusText: res.statusMessage || STATUS_CODES[status] || '',
      url,
      type: 'basic',
    });
    const noBody = method === 'HEAD' || kNullBodyStatus.has(status);
    if (noBody) res.resume();
    response[kBody] = noBody ? null : res;
    res.on('end', () => signal.removeEventListener('abort', onAbort));
    res.on('error', () => {});
    resolve(response);
  });
  if (body === null) req.end();
  else if (Buffer.isBuffer(body)) req.end(body);
  else {
    body.on('error', (err) => req.destroy(err));
    body.pipe(req);
  }
}

module.exports = { fetch, Request, Response, Headers };
