'use strict';

// The `url` module: the WHATWG URL API (from internal/url) and Node's legacy
// URL API, url.parse()/format()/resolve() over `Url` objects.
//
// The legacy parser is deliberately lenient and predates the URL Standard;
// its results (which characters end a host, what gets percent-encoded, how
// relative references resolve) are Node's, reproduced here. It is the source
// of several known security issues, which is why Node deprecates it in favour
// of `URL`.

const {
  URL,
  URLSearchParams,
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
  domainToASCII,
  domainToUnicode,
  formatURL,
  idnaToASCIILenient,
} = require('internal/url');
const { codes, validateObject, validateString } = require('internal/errors');

let querystring;
function lazyQuerystring() {
  querystring ??= require('querystring');
  return querystring;
}

function pendingDeprecation() {
  return require('internal/options').getOptionValue('--pending-deprecation') || process.env.NODE_PENDING_DEPRECATION === '1';
}

// Protocols that never have a host, and those whose URLs always have "//".
const kHostlessProtocols = new Set(['javascript', 'javascript:']);
const kSlashedProtocols = new Set([
  'http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:',
]);

const kProtocolPattern = /^[a-z0-9.+-]+:/i;
const kPortPattern = /:[0-9]*$/;
// "user@host" after "//" makes a host even without a protocol.
const kHostWithAuthPattern = /^\/\/[^@/]+@[^@/]+/;
// A plain path with an optional query and no whitespace takes a shortcut:
// nothing in it is escaped.
const kSimplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
// Leading and trailing characters dropped from the input: C0 controls,
// space, no-break space and the byte order mark.
const kEdgeWhitespace = /^[\x00-\x20\u00a0\ufeff]+|[\x00-\x20\u00a0\ufeff]+$/g;
// Characters that end a host when they appear in one.
const kNonHostChar = /[\t\n\r "%';<>\\^`{|}]/;
// Characters that cannot survive in a hostname once IDNA has run.
const kForbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const kForbiddenIPv6HostChars = /[\0\t\n\r #%/<>?@\\^|]/;
const kHostnameMaxLength = 255;

// Characters escaped in everything after the host, whatever the protocol
// (except javascript:, which is left alone).
const kAutoEscape = /[\t\n\r "'<>\\^`{|}]/g;
function escapeChar(ch) {
  return `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

let parseWarned = false;

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (!parseWarned && pendingDeprecation()) {
    parseWarned = true;
    process.emitWarning('`url.parse()` behavior is not standardized and prone to errors that have security ' +
      'implications. Use the WHATWG URL API instead. CVEs are not issued for `url.parse()` vulnerabilities.',
    'DeprecationWarning', 'DEP0169');
  }
  if (url instanceof Url) return url;
  const result = new Url();
  result.parse(url, parseQueryString, slashesDenoteHost);
  return result;
}

let invalidPortWarned = false;

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  validateString(url, 'url');

  let rest = url.replace(kEdgeWhitespace, '');
  // Before the query or fragment, backslashes are slashes.
  let split = rest.search(/[?#]/);
  if (split === -1) split = rest.length;
  const beforeSplit = rest.slice(0, split);
  if (beforeSplit.includes('\\')) rest = beforeSplit.replaceAll('\\', '/') + rest.slice(split);

  if (!slashesDenoteHost && !rest.includes('#') && !beforeSplit.includes('@')) {
    const simplePath = kSimplePathPattern.exec(rest);
    if (simplePath !== null) {
      this.path = rest;
      this.href = rest;
      this.pathname = simplePath[1];
      if (simplePath[2]) {
        this.search = simplePath[2];
        this.query = parseQueryString ? lazyQuerystring().parse(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let lowerProto;
  const proto = kProtocolPattern.exec(rest)?.[0];
  if (proto !== undefined) {
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  // "//" starts a host after a protocol, with slashesDenoteHost, or when the
  // authority holds credentials; never for javascript:.
  let slashes = false;
  if (slashesDenoteHost || proto !== undefined || kHostWithAuthPattern.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !kHostlessProtocols.has(lowerProto)) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  // Protocols outside the slashed list take a host even without "//". (The
  // test uses the protocol as written: "HTTP:x" has the host "x".)
  if (!kHostlessProtocols.has(lowerProto) &&
      (slashes || (proto !== undefined && !kSlashedProtocols.has(proto)))) {
    rest = parseAuthority(this, rest, url);
  }

  // (javascript: is also the one protocol whose text is never escaped.)
  if (!kHostlessProtocols.has(lowerProto)) rest = rest.replace(kAutoEscape, escapeChar);

  const hashAt = rest.indexOf('#');
  if (hashAt !== -1) {
    this.hash = rest.slice(hashAt);
    rest = rest.slice(0, hashAt);
  }
  const queryAt = rest.indexOf('?');
  if (queryAt !== -1) {
    this.search = rest.slice(queryAt);
    this.query = rest.slice(queryAt + 1);
    if (parseQueryString) this.query = lazyQuerystring().parse(this.query);
    rest = rest.slice(0, queryAt);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }
  if (rest !== '') this.pathname = rest;
  else if (kSlashedProtocols.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';

  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

// Sets the credentials, host and port of `self` from the front of `rest`
// (the part after "//") and returns what follows them. `url` is the whole
// input, for errors and warnings.
function parseAuthority(self, rest, url) {
  // The authority ends at the first / ? #; its credentials at the last '@'
  // inside it. The host then runs to the first character that cannot be in
  // one. Tabs and newlines in the authority are dropped, as the URL Standard
  // does.
  let end = rest.search(/[/?#]/);
  if (end === -1) end = rest.length;
  const authority = rest.slice(0, end);
  if (/[\t\n\r]/.test(authority)) {
    rest = authority.replace(/[\t\n\r]/g, '') + rest.slice(end);
    end = rest.search(/[/?#]/);
    if (end === -1) end = rest.length;
  }
  const at = rest.lastIndexOf('@', end - 1);
  if (at !== -1) self.auth = decodeURIComponent(rest.slice(0, at));
  const hostStart = at + 1;
  const nonHost = rest.slice(hostStart, end).search(kNonHostChar);
  const hostEnd = nonHost === -1 ? end : hostStart + nonHost;
  self.host = rest.slice(hostStart, hostEnd);
  rest = rest.slice(hostEnd);

  self.parseHost();
  if (typeof self.hostname !== 'string') self.hostname = '';
  let hostname = self.hostname;
  const ipv6 = isIPv6Hostname(hostname);
  if (!ipv6) {
    // A ':' left in the hostname is a port that is not a number; it and
    // what follows become the start of the path.
    const bad = hostname.search(/[/\\#?:]/);
    if (bad !== -1) {
      if (!invalidPortWarned && hostname[bad] === ':') {
        invalidPortWarned = true;
        process.emitWarning(`The URL ${url} is invalid. Future versions of Node.js will throw an error.`,
          'DeprecationWarning', 'DEP0170');
      }
      rest = `/${hostname.slice(bad)}${rest}`;
      hostname = hostname.slice(0, bad);
    }
  }
  hostname = hostname.length > kHostnameMaxLength ? '' : hostname.toLowerCase();
  if (hostname !== '') {
    if (ipv6) {
      if (kForbiddenIPv6HostChars.test(hostname)) throw new codes.ERR_INVALID_URL(url);
    } else {
      // IDNA may map characters onto ones a host cannot hold (or fail,
      // giving ''): that is an error rather than something to split off.
      hostname = idnaToASCIILenient(hostname) ?? '';
      if (hostname === '' || kForbiddenHostChars.test(hostname)) throw new codes.ERR_INVALID_URL(url);
    }
  }
  self.host = hostname + (self.port ? `:${self.port}` : '');
  if (ipv6) {
    hostname = hostname.slice(1, -1);
    if (rest[0] !== '/') rest = `/${rest}`;
  }
  self.hostname = hostname;
  return rest;
}

function isIPv6Hostname(hostname) {
  return hostname.startsWith('[') && hostname.endsWith(']');
}

// Credentials are formatted as by encodeURIComponent, with ':' kept. As in
// querystring.escape(), a surrogate code unit is combined with whatever code
// unit follows it; only one at the very end is an error.
function encodeAuth(auth) {
  if (!auth.isWellFormed()) auth = auth.replace(/[\ud800-\udfff][^]?/g, pairSurrogate);
  return encodeURIComponent(auth).replaceAll('%3A', ':');
}

function pairSurrogate(units) {
  if (units.length < 2) throw new codes.ERR_INVALID_URI();
  return String.fromCodePoint(0x10000 + (((units.charCodeAt(0) & 0x3ff) << 10) | (units.charCodeAt(1) & 0x3ff)));
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = `${encodeAuth(auth)}@`;

  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    const hostname = this.hostname;
    host = auth + (hostname.includes(':') && !isIPv6Hostname(hostname) ? `[${hostname}]` : hostname);
    if (this.port) host += `:${this.port}`;
  }

  let query = '';
  if (this.query !== null && typeof this.query === 'object') query = lazyQuerystring().stringify(this.query);
  let search = this.search || (query && `?${query}`) || '';

  if (protocol && !protocol.endsWith(':')) protocol += ':';
  pathname = pathname.replace(/[?#]/g, encodeURIComponent);

  // Only the slashed protocols get "//" of their own accord; others keep it
  // when they had it. A file: URL without a host still gets it.
  if (this.slashes || kSlashedProtocols.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.startsWith('file')) {
      host = '//';
    }
  }

  search = search.replaceAll('#', '%23');
  if (hash && hash[0] !== '#') hash = `#${hash}`;
  if (search && search[0] !== '?') search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const parsed = new Url();
    parsed.parse(relative, false, true);
    relative = parsed;
  }
  const result = Object.assign(new Url(), this);
  // The fragment always comes from the reference, even when it is empty.
  result.hash = relative.hash;

  if (relative.href === '') return withHref(result);

  // "//host/path": everything but the protocol comes from the reference.
  if (relative.slashes && !relative.protocol) {
    for (const key of Object.keys(relative)) {
      if (key !== 'protocol') result[key] = relative[key];
    }
    if (kSlashedProtocols.has(result.protocol) && result.hostname && !result.pathname) {
      result.path = result.pathname = '/';
    }
    return withHref(result);
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    return withHref(resolveOtherProtocol(result, relative));
  }
  return withHref(resolveSameProtocol(result, relative));
};

function withHref(url) {
  url.href = url.format();
  return url;
}

function updatePath(url) {
  if (url.pathname || url.search) url.path = (url.pathname || '') + (url.search || '');
}

// A reference with a protocol of its own. Unless it is a slashed protocol,
// the reference is taken whole; otherwise it keeps the base's credentials
// and, lacking a host, takes the first segment of its path as one.
function resolveOtherProtocol(result, relative) {
  if (!kSlashedProtocols.has(relative.protocol)) return Object.assign(result, relative);

  result.protocol = relative.protocol;
  if (!relative.host && !/^file:?$/.test(relative.protocol) && !kHostlessProtocols.has(relative.protocol)) {
    const segments = (relative.pathname || '').split('/');
    // The first non-empty segment is the host.
    let host = '';
    while (segments.length > 0 && !(host = segments.shift()));
    relative.host = host;
    if (!relative.hostname) relative.hostname = '';
    if (segments[0] !== '') segments.unshift('');
    if (segments.length < 2) segments.unshift('');
    result.pathname = segments.join('/');
  } else {
    result.pathname = relative.pathname;
  }
  result.search = relative.search;
  result.query = relative.query;
  result.host = relative.host || '';
  result.auth = relative.auth;
  result.hostname = relative.hostname || relative.host;
  result.port = relative.port;
  updatePath(result);
  result.slashes = result.slashes || relative.slashes;
  return result;
}

// Removes "." and ".." segments. A ".." cancels the closest segment before
// it that is still there (an empty one included); returns the segments and
// the number of ".." left over.
function removeDotSegments(segments) {
  const out = [];
  let unresolved = 0;
  for (const segment of segments) {
    if (segment === '.') continue;
    if (segment !== '..') out.push(segment);
    else if (out.length > 0) out.pop();
    else unresolved++;
  }
  return { out, unresolved };
}

// A reference with no protocol, or the base's. Non-slashed protocols (like
// mailto:) keep their "host" as the first path segment while merging, so
// ".." can climb into it.
function resolveSameProtocol(result, relative) {
  const isSourceAbs = result.pathname?.[0] === '/';
  const isRelAbs = relative.host || relative.pathname?.[0] === '/';
  let mustEndAbs = isRelAbs || isSourceAbs || (result.host && relative.pathname);
  const removeAllDots = mustEndAbs;
  let srcPath = result.pathname ? result.pathname.split('/') : [];
  const relPath = relative.pathname ? relative.pathname.split('/') : [];
  const noLeadingSlashes = result.protocol && !kSlashedProtocols.has(result.protocol);

  if (noLeadingSlashes) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }

  if (isRelAbs) {
    // An absolute path (or a host) replaces the base's.
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length > 0) {
    // A relative path replaces the base's last segment.
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only a query: the path stays.
    if (noLeadingSlashes) restoreHost(result, srcPath.shift());
    result.search = relative.search;
    result.query = relative.query;
    if (result.pathname !== null || result.search !== null) {
      result.path = (result.pathname || '') + (result.search || '');
    }
    return result;
  }

  if (srcPath.length === 0) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    return result;
  }

  // A path ending in "." or ".." (below a host or another segment) or in an
  // empty segment keeps a trailing slash.
  const last = srcPath[srcPath.length - 1];
  const hasTrailingSlash = ((result.host || relative.host || srcPath.length > 1) && (last === '.' || last === '..')) ||
    last === '';

  const resolved = removeDotSegments(srcPath);
  srcPath = resolved.out;
  // A relative result may climb above its start.
  if (!mustEndAbs && !removeAllDots) {
    for (let i = 0; i < resolved.unresolved; i++) srcPath.unshift('..');
  }
  if (mustEndAbs && srcPath[0] !== '' && !srcPath[0]?.startsWith('/')) srcPath.unshift('');
  if (hasTrailingSlash && !srcPath.join('/').endsWith('/')) srcPath.push('');

  const isAbsolute = srcPath[0] === '' || srcPath[0]?.startsWith('/');
  if (noLeadingSlashes) {
    restoreHost(result, isAbsolute || srcPath.length === 0 ? '' : srcPath.shift());
  }

  mustEndAbs = mustEndAbs || (result.host && srcPath.length);
  if (mustEndAbs && !isAbsolute) srcPath.unshift('');

  if (srcPath.length > 0) {
    result.pathname = srcPath.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }
  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname || '') + (result.search || '');
  }
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  return result;
}

// Puts back the host of a non-slashed URL (taken from its path), splitting
// off credentials stuck in it, as in resolving "local2@domain2" against
// "mailto:local1@domain1".
function restoreHost(result, host) {
  result.hostname = result.host = host;
  if (host && host.indexOf('@') > 0) {
    const parts = host.split('@');
    result.auth = parts[0];
    result.host = result.hostname = parts[1];
  }
}

// Splits a trailing ":digits" off `this.host` into `this.port`; what is left
// (if anything) is the hostname.
Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = kPortPattern.exec(host)?.[0];
  if (port !== undefined) {
    if (port !== ':') this.port = port.slice(1);
    host = host.slice(0, host.length - port.length);
  }
  if (host) this.hostname = host;
};

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new codes.ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  } else if (urlObject instanceof URL) {
    const flags = { fragment: true, unicode: false, search: true, auth: true };
    if (options) {
      validateObject(options, 'options');
      for (const key of Object.keys(flags)) {
        if (options[key] != null) flags[key] = Boolean(options[key]);
      }
    }
    return formatURL(urlObject.href, flags);
  }
  return Url.prototype.format.call(urlObject);
}

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

module.exports = {
  // Legacy API
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,

  // WHATWG API
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,

  // Utilities
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
