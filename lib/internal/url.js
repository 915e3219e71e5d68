'use strict';

// The WHATWG URL Standard (https://url.spec.whatwg.org/): the URL record, its
// parser and serialiser, the URL and URLSearchParams classes, and the helpers
// of the `url` module built on them (file-URL conversion, urlToHttpOptions,
// domainToASCII/domainToUnicode). The legacy url.parse()/format()/resolve()
// API lives in lib/url.js.
//
// Two pieces are shared with other modules:
// - Punycode (RFC 3492) is implemented here rather than in lib/punycode.js,
//   because requiring `punycode` may emit a deprecation warning that internal
//   users must not trigger.
// - percent-decoding and UTF-8 decoding, used by url.js as well.
//
// Hosts go through UTS #46 (IDNA) processing. There are no Unicode data tables
// in this runtime, so the UTS #46 mapping and validity tables are approximated
// with what the engine offers (NFKC normalisation, lower-casing and Unicode
// property escapes); see idnaToASCII() for the details and the gaps.

const { codes, validateFunction } = require('internal/errors');

const kInspect = Symbol.for('nodejs.util.inspect.custom');

// --- Strings -------------------------------------------------------------

const kLoneSurrogate = /[\uD800-\uDFFF]/;

// WebIDL's USVString conversion: lone surrogates become U+FFFD.
function toUSVString(value) {
  const str = `${value}`;
  return kLoneSurrogate.test(str) ? str.toWellFormed() : str;
}

function isASCIIDigit(c) {
  return c >= 0x30 && c <= 0x39;
}

function isASCIIHexDigit(c) {
  return isASCIIDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function isASCIIAlpha(c) {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isASCIIAlphanumeric(c) {
  return isASCIIAlpha(c) || isASCIIDigit(c);
}

function hexValue(c) {
  if (c <= 0x39) return c - 0x30;
  return (c | 0x20) - 0x57;
}

const kNonASCII = /[^\x00-\x7f]/;

// --- Percent-encoding ----------------------------------------------------

// The percent-encode sets of the URL Standard, as bit flags over ASCII code
// points. Every set also holds all code points above U+007E, which
// percentEncode() encodes unconditionally.
const C0_CONTROL_SET = 1;
const FRAGMENT_SET = 2;
const QUERY_SET = 4;
const SPECIAL_QUERY_SET = 8;
const PATH_SET = 16;
const USERINFO_SET = 32;
const COMPONENT_SET = 64;
const FORM_SET = 128;

const kEncodeSets = new Uint8Array(128);
function addToSets(chars, sets) {
  for (let i = 0; i < chars.length; i++) kEncodeSets[chars.charCodeAt(i)] |= sets;
}
// The query set grows into the special-query, path, userinfo, component and
// application/x-www-form-urlencoded sets, each adding a few characters.
const kQueryAndUp = QUERY_SET | SPECIAL_QUERY_SET | PATH_SET | USERINFO_SET | COMPONENT_SET | FORM_SET;
for (let c = 0; c < 0x20; c++) kEncodeSets[c] = 0xff;
kEncodeSets[0x7f] = 0xff;
addToSets(' "<>`', FRAGMENT_SET);
addToSets(' "#<>', kQueryAndUp);
addToSets("'", SPECIAL_QUERY_SET | FORM_SET);
addToSets('?`{}', PATH_SET | USERINFO_SET | COMPONENT_SET | FORM_SET);
addToSets('/:;=@[\\]^|', USERINFO_SET | COMPONENT_SET | FORM_SET);
addToSets('$%&+,', COMPONENT_SET | FORM_SET);
addToSets('!()~', FORM_SET);

function hexByte(b) {
  return b < 16 ? `%0${b.toString(16).toUpperCase()}` : `%${b.toString(16).toUpperCase()}`;
}

// The UTF-8 bytes of code point `cp`, percent-encoded.
function percentEncodeCodePoint(cp) {
  if (cp < 0x80) return hexByte(cp);
  if (cp < 0x800) return hexByte(0xc0 | (cp >> 6)) + hexByte(0x80 | (cp & 0x3f));
  if (cp < 0x10000) {
    return hexByte(0xe0 | (cp >> 12)) + hexByte(0x80 | ((cp >> 6) & 0x3f)) + hexByte(0x80 | (cp & 0x3f));
  }
  return hexByte(0xf0 | (cp >> 18)) + hexByte(0x80 | ((cp >> 12) & 0x3f)) +
    hexByte(0x80 | ((cp >> 6) & 0x3f)) + hexByte(0x80 | (cp & 0x3f));
}

// UTF-8 percent-encodes the code points of `str` that are in `set`. With
// `spaceAsPlus` a space becomes '+' (the form-urlencoded serialiser). `str`
// must be a USVString: surrogates come in pairs.
function percentEncode(str, set, spaceAsPlus = false) {
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c < 0x80) {
      if ((kEncodeSets[c] & set) === 0) continue;
      out += str.slice(last, i) + (spaceAsPlus && c === 0x20 ? '+' : hexByte(c));
    } else {
      const cp = str.codePointAt(i);
      out += str.slice(last, i) + percentEncodeCodePoint(cp);
      if (cp > 0xffff) i++;
    }
    last = i + 1;
  }
  return last === 0 ? str : out + str.slice(last);
}

// --- Percent-decoding and UTF-8 ------------------------------------------

// The bytes of `str` (UTF-8) with each "%XX" replaced by the byte it names.
function percentDecodeBytes(str) {
  const bytes = [];
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c === 0x25 && i + 2 < str.length && isASCIIHexDigit(str.charCodeAt(i + 1)) &&
        isASCIIHexDigit(str.charCodeAt(i + 2))) {
      bytes.push(hexValue(str.charCodeAt(i + 1)) * 16 + hexValue(str.charCodeAt(i + 2)));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      const cp = str.codePointAt(i);
      if (cp > 0xffff) i++;
      if (cp < 0x800) {
        bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
      } else if (cp < 0x10000) {
        bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
      } else {
        bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
      }
    }
  }
  return bytes;
}

// The Encoding Standard's UTF-8 decoder (no BOM handling): each maximal
// invalid subsequence becomes one U+FFFD.
function utf8Decode(bytes) {
  let out = '';
  let cp = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (needed === 0) {
      if (b < 0x80) {
        out += String.fromCharCode(b);
      } else if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
        cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        else if (b === 0xed) upper = 0x9f;
        needed = 2;
        cp = b & 0xf;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        else if (b === 0xf4) upper = 0x8f;
        needed = 3;
        cp = b & 0x7;
      } else {
        out += '\uFFFD';
      }
      continue;
    }
    if (b < lower || b > upper) {
      // The byte starts over: it is looked at again as a lead byte.
      out += '\uFFFD';
      cp = needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
    if (++seen === needed) {
      out += String.fromCodePoint(cp);
      cp = needed = seen = 0;
    }
  }
  return needed === 0 ? out : `${out}\uFFFD`;
}

// Percent-decodes `str` and reads the result as UTF-8.
function percentDecode(str) {
  return str.includes('%') || kNonASCII.test(str) ? utf8Decode(percentDecodeBytes(str)) : str;
}

// --- Punycode (RFC 3492) -------------------------------------------------

const kPunyBase = 36;
const kPunyTMin = 1;
const kPunyTMax = 26;
const kPunySkew = 38;
const kPunyDamp = 700;
const kPunyInitialBias = 72;
const kPunyInitialN = 128;
// The algorithm's integers are capped at 2^31 - 1, as in the punycode.js
// package whose errors lib/punycode.js reproduces.
const kPunyMaxInt = 0x7fffffff;

const kPunyErrors = {
  'overflow': 'Overflow: input needs wider integers to process',
  'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
  'invalid-input': 'Invalid input',
};

function punycodeError(type) {
  return new RangeError(kPunyErrors[type]);
}

// RFC 3492 section 6.1.
function adaptBias(delta, numPoints, firstTime) {
  delta = firstTime ? Math.floor(delta / kPunyDamp) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  let k = 0;
  while (delta > ((kPunyBase - kPunyTMin) * kPunyTMax) >> 1) {
    delta = Math.floor(delta / (kPunyBase - kPunyTMin));
    k += kPunyBase;
  }
  return k + Math.floor(((kPunyBase - kPunyTMin + 1) * delta) / (delta + kPunySkew));
}

// 0-25 for a-z (either case), 26-35 for 0-9, kPunyBase for anything else.
function punyDigitValue(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x16;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61;
  return kPunyBase;
}

// 0-25 as 'a'-'z', 26-35 as '0'-'9'.
function punyDigit(d) {
  return String.fromCharCode(d < 26 ? d + 0x61 : d + 0x16);
}

function punyThreshold(k, bias) {
  if (k <= bias) return kPunyTMin;
  if (k >= bias + kPunyTMax) return kPunyTMax;
  return k - bias;
}

// Decodes a Punycode string (without any "xn--" prefix) into a string of
// code points. Throws RangeError with punycode.js's messages.
function punycodeDecode(input) {
  const output = [];
  let basic = input.lastIndexOf('-');
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) throw punycodeError('not-basic');
    output.push(c);
  }
  let n = kPunyInitialN;
  let bias = kPunyInitialBias;
  let i = 0;
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length;) {
    const oldi = i;
    for (let w = 1, k = kPunyBase; ; k += kPunyBase) {
      if (index >= input.length) throw punycodeError('invalid-input');
      const digit = punyDigitValue(input.charCodeAt(index++));
      if (digit >= kPunyBase) throw punycodeError('invalid-input');
      if (digit > Math.floor((kPunyMaxInt - i) / w)) throw punycodeError('overflow');
      i += digit * w;
      const t = punyThreshold(k, bias);
      if (digit < t) break;
      if (w > Math.floor(kPunyMaxInt / (kPunyBase - t))) throw punycodeError('overflow');
      w *= kPunyBase - t;
    }
    const count = output.length + 1;
    bias = adaptBias(i - oldi, count, oldi === 0);
    if (Math.floor(i / count) > kPunyMaxInt - n) throw punycodeError('overflow');
    n += Math.floor(i / count);
    i %= count;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

// Encodes code points as Punycode (without "xn--").
function punycodeEncode(codePoints) {
  let output = '';
  for (const cp of codePoints) {
    if (cp < 0x80) output += String.fromCharCode(cp);
  }
  const basicLength = output.length;
  let handled = basicLength;
  if (basicLength > 0) output += '-';
  let n = kPunyInitialN;
  let delta = 0;
  let bias = kPunyInitialBias;
  while (handled < codePoints.length) {
    // The smallest code point not yet handled.
    let m = kPunyMaxInt;
    for (const cp of codePoints) {
      if (cp >= n && cp < m) m = cp;
    }
    if (m - n > Math.floor((kPunyMaxInt - delta) / (handled + 1))) throw punycodeError('overflow');
    delta += (m - n) * (handled + 1);
    n = m;
    for (const cp of codePoints) {
      if (cp < n && ++delta > kPunyMaxInt) throw punycodeError('overflow');
      if (cp !== n) continue;
      let q = delta;
      for (let k = kPunyBase; ; k += kPunyBase) {
        const t = punyThreshold(k, bias);
        if (q < t) break;
        output += punyDigit(t + ((q - t) % (kPunyBase - t)));
        q = Math.floor((q - t) / (kPunyBase - t));
      }
      output += punyDigit(q);
      bias = adaptBias(delta, handled + 1, handled === basicLength);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return output;
}

// --- IDNA (UTS #46) ------------------------------------------------------

// Code points UTS #46 maps to nothing (soft hyphen, zero width space, word
// joiner, variation selectors, ...).
const kIdnaIgnored = /[\u00ad\u034f\u180b-\u180d\u180f\u200b\u2060\u2064\ufe00-\ufe0f\ufeff\u{1bca0}-\u{1bca3}\u{e0100}-\u{e01ef}]/gu;
// Code points that are disallowed whatever the mapping: controls, format
// characters other than the joiners, unassigned and private-use code points,
// surrogates, separators, and the replacement characters.
const kIdnaDisallowed = /(?![\u200c\u200d])[\p{C}\p{Z}\ufffc\ufffd]/u;
const kCombiningMarkStart = /^\p{M}/u;
// Code points with canonical combining class 9 (virama), after which a
// zero width joiner or non-joiner is allowed (RFC 5892, appendix A).
const kVirama = /[\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0c4d\u0ccd\u0d3b\u0d3c\u0d4d\u0dca\u0e3a\u0eba\u0f84\u1039\u103a\u1714\u1715\u1734\u17d2\u1a60\u1b44\u1baa\u1bab\u1bf2\u1bf3\u2d7f\ua806\ua82c\ua8c4\ua953\ua9c0\uaaf6\uabed\u{10a3f}\u{11046}\u{11070}\u{1107f}\u{110b9}\u{11133}\u{11134}\u{111c0}\u{11235}\u{112ea}\u{1134d}\u{11442}\u{114c2}\u{115bf}\u{1163f}\u{116b6}\u{1172b}\u{11839}\u{1193d}\u{1193e}\u{119e0}\u{11a34}\u{11a47}\u{11a99}\u{11c3f}\u{11d44}\u{11d45}\u{11d97}]$/u;
// Right-to-left letters (bidi classes R and AL), by block: Hebrew through
// Arabic Extended, the Hebrew and Arabic presentation forms, and the
// right-to-left blocks of the supplementary planes.
const kRTLStart = /^(?=[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}])\p{L}/u;
const kLTRLetter = /(?![\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}])[\p{L}\p{Mc}]/u;
// An RTL label ends with an RTL letter or a digit, then any non-spacing marks.
const kRTLEnd = /(?:[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]|\p{Nd})\p{Mn}*$/u;
// Arabic-Indic digits (bidi class AN) and the other decimal digits (EN).
const kArabicDigit = /[\u0660-\u0669\u066b\u066c\u{10d30}-\u{10d39}\u{10e60}-\u{10e7e}]/u;
const kEuropeanDigit = /(?![\u0660-\u0669\u{10d30}-\u{10d39}])\p{Nd}/u;
// Code points whose compatibility decomposition holds a full stop ("․",
// "⒈", ...): UTS #46 disallows them rather than let them split labels.
const kIdnaDotLike = /[\u2024-\u2026\u2488-\u249b\ufe19\ufe52\u{1f100}-\u{1f10a}]/u;

// UTS #46 mapping, approximated: the table is close to NFKC followed by
// lower-casing, plus a few special cases. Greek capital sigma is lowered
// explicitly because toLowerCase() would produce the final form in word-final
// position; capital sharp s maps to "ss" (toLowerCase gives U+00DF). The
// ideographic full stops become '.'.
function idnaMap(domain) {
  return domain.replace(kIdnaIgnored, '').normalize('NFKC')
    .replace(/\u03a3/g, '\u03c3').replace(/\u1e9e/g, 'ss').toLowerCase()
    .replace(/[\u3002\uff0e\uff61]/g, '.').normalize('NFC');
}

// The UTS #46 validity criteria of a non-ASCII label (CheckHyphens false,
// CheckJoiners and CheckBidi true), within the limits described above.
function isValidIdnaLabel(label) {
  if (kCombiningMarkStart.test(label) || kIdnaDisallowed.test(label)) return false;
  // Joiners: only after a virama (the Arabic joining-type context that also
  // allows ZWNJ is not modelled).
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if ((c === 0x200c || c === 0x200d) && !kVirama.test(label.slice(0, i))) return false;
  }
  // RFC 5893 for a label that starts right-to-left: no left-to-right
  // letters, an RTL letter or digit at the end, and not both kinds of digit.
  // (Like Node, left-to-right labels are not checked.)
  if (kRTLStart.test(label)) {
    if (kLTRLetter.test(label) || !kRTLEnd.test(label)) return false;
    if (kArabicDigit.test(label) && kEuropeanDigit.test(label)) return false;
  }
  return true;
}

// UTS #46 ToASCII with the URL Standard's parameters: non-strict, no hyphen
// checks, no DNS length checks. Returns null on failure.
//
// Known gaps against the full standard: the mapping table is approximated by
// idnaMap(); code points are only rejected by general category (the table
// also disallows some assigned symbols); ZWNJ is allowed only after a virama;
// the bidi rule is reduced to the checks in isValidIdnaLabel().
function idnaToASCII(domain) {
  if (kIdnaDotLike.test(domain)) return null;
  const labels = idnaMap(domain).split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.startsWith('xn--')) {
      if (kNonASCII.test(label)) return null;
      const decoded = safePunycodeDecode(label.slice(4));
      // A decoded label must already be in its mapped, normalised form.
      if (decoded === null || decoded === '' || idnaMap(decoded) !== decoded || !isValidIdnaLabel(decoded)) {
        return null;
      }
    } else if (kNonASCII.test(label)) {
      if (!isValidIdnaLabel(label)) return null;
      labels[i] = `xn--${punycodeEncode(codePointsOf(label))}`;
    }
  }
  return labels.join('.');
}

function codePointsOf(str) {
  return Array.from(str, (ch) => ch.codePointAt(0));
}

function safePunycodeDecode(str) {
  try {
    return punycodeDecode(str);
  } catch {
    return null;
  }
}

// U+0000-U+0020 (the C0 controls and space), # % / : < > ? @ [ \ ] ^ | and DEL.
const kForbiddenDomainCodePoint = /[\x00-\x20#%/:<>?@[\\\]^|\x7f]/;
const kForbiddenHostCodePoint = /[\x00\t\n\r #/:<>?@[\\\]^|]/;

// The URL Standard's "domain to ASCII" (beStrict false). Returns null on
// failure.
function domainToASCIIInternal(domain) {
  let result;
  if (kNonASCII.test(domain)) {
    result = idnaToASCII(domain);
  } else {
    // An ASCII domain without Punycode labels only needs lower-casing.
    result = domain.toLowerCase();
    if (result.startsWith('xn--') || result.includes('.xn--')) result = idnaToASCII(result);
  }
  if (result === null || result === '' || kForbiddenDomainCodePoint.test(result)) return null;
  return result;
}

// UTS #46 ToUnicode, lenient: labels that are not valid Punycode are kept.
function domainToUnicodeInternal(domain) {
  return domain.split('.').map((label) => {
    if (!label.startsWith('xn--')) return label;
    return safePunycodeDecode(label.slice(4)) ?? label;
  }).join('.');
}

// --- Hosts ---------------------------------------------------------------

// An IPv4 number: decimal, octal with a leading 0, or hex with 0x. Returns
// null on failure.
function parseIPv4Number(str) {
  if (str === '') return null;
  let radix = 10;
  if (str.length >= 2 && str.charCodeAt(0) === 0x30) {
    if ((str.charCodeAt(1) | 0x20) === 0x78) {
      str = str.slice(2);
      radix = 16;
    } else {
      str = str.slice(1);
      radix = 8;
    }
  }
  if (str === '') return 0;
  const valid = radix === 10 ? /^[0-9]+$/ : radix === 8 ? /^[0-7]+$/ : /^[0-9a-fA-F]+$/;
  return valid.test(str) ? parseInt(str, radix) : null;
}

function endsInNumber(host) {
  const parts = host.split('.');
  let last = parts[parts.length - 1];
  if (last === '') {
    if (parts.length === 1) return false;
    last = parts[parts.length - 2];
  }
  if (/^[0-9]+$/.test(last)) return true;
  return parseIPv4Number(last) !== null;
}

// The address as a number, or null on failure.
function parseIPv4(host) {
  const parts = host.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return null;
  const numbers = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (n === null) return null;
    numbers.push(n);
  }
  const last = numbers.pop();
  if (numbers.some((n) => n > 255) || last >= 256 ** (4 - numbers.length)) return null;
  let address = last;
  for (let i = 0; i < numbers.length; i++) address += numbers[i] * 256 ** (3 - i);
  return address;
}

function serializeIPv4(address) {
  return `${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}`;
}

// The eight 16-bit pieces, or null on failure.
function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let p = 0;
  const at = (i) => (i < input.length ? input.charCodeAt(i) : -1);
  if (at(p) === 0x3a) {
    if (at(p + 1) !== 0x3a) return null;
    p += 2;
    compress = ++pieceIndex;
  }
  while (at(p) !== -1) {
    if (pieceIndex === 8) return null;
    if (at(p) === 0x3a) {
      if (compress !== null) return null;
      p++;
      compress = ++pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && isASCIIHexDigit(at(p))) {
      value = value * 16 + hexValue(at(p));
      p++;
      length++;
    }
    if (at(p) === 0x2e) {
      // An embedded IPv4 address fills the last two pieces.
      if (length === 0) return null;
      p -= length;
      if (pieceIndex > 6) return null;
      let numbersSeen = 0;
      while (at(p) !== -1) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (at(p) === 0x2e && numbersSeen < 4) p++;
          else return null;
        }
        if (!isASCIIDigit(at(p))) return null;
        while (isASCIIDigit(at(p))) {
          const number = at(p) - 0x30;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return null;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return null;
          p++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return null;
      break;
    } else if (at(p) === 0x3a) {
      p++;
      if (at(p) === -1) return null;
    } else if (at(p) !== -1) {
      return null;
    }
    address[pieceIndex++] = value;
  }
  if (compress !== null) {
    // Move the pieces after the "::" to the end.
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const other = compress + swaps - 1;
      [address[pieceIndex], address[other]] = [address[other], address[pieceIndex]];
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return null;
  }
  return address;
}

function serializeIPv6(address) {
  // The first longest run of two or more zero pieces is written "::".
  let compress = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < 8 && address[end] === 0) end++;
    if (end - i > bestLength) {
      compress = i;
      bestLength = end - i;
    }
    i = end;
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === compress) {
      out += i === 0 ? '::' : ':';
      i += bestLength - 1;
      continue;
    }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return out;
}

// The host parser. Hosts are kept serialised: a domain, an IPv4 address in
// dotted decimal, an IPv6 address in brackets, an opaque host, or ''.
// Returns null on failure.
function parseHost(input, isOpaque) {
  if (input.charCodeAt(0) === 0x5b) {
    if (input.charCodeAt(input.length - 1) !== 0x5d) return null;
    const address = parseIPv6(input.slice(1, -1));
    return address === null ? null : `[${serializeIPv6(address)}]`;
  }
  if (isOpaque) {
    return kForbiddenHostCodePoint.test(input) ? null : percentEncode(input, C0_CONTROL_SET);
  }
  const ascii = domainToASCIIInternal(percentDecode(input));
  if (ascii === null) return null;
  if (endsInNumber(ascii)) {
    const address = parseIPv4(ascii);
    return address === null ? null : serializeIPv4(address);
  }
  return ascii;
}

// --- The URL record and its parser ---------------------------------------

const kDefaultPorts = { __proto__: null, 'ftp': 21, 'file': null, 'http': 80, 'https': 443, 'ws': 80, 'wss': 443 };

function isSpecialScheme(scheme) {
  return scheme in kDefaultPorts;
}

class URLRecord {
  constructor() {
    this.scheme = '';
    this.username = '';
    this.password = '';
    this.host = null; // serialised, see parseHost()
    this.port = null;
    this.path = []; // segments, or a string for an opaque path
    this.query = null;
    this.fragment = null;
  }

  get special() {
    return isSpecialScheme(this.scheme);
  }

  hasOpaquePath() {
    return typeof this.path === 'string';
  }

  hasCredentials() {
    return this.username !== '' || this.password !== '';
  }

  cannotHaveCredentialsOrPort() {
    return this.host === null || this.host === '' || this.scheme === 'file';
  }

  // Once an opaque path is the end of the URL, its trailing spaces go (they
  // would be trimmed when reparsing).
  stripTrailingSpacesFromOpaquePath() {
    if (typeof this.path === 'string' && this.query === null && this.fragment === null) {
      this.path = this.path.replace(/ +$/, '');
    }
  }

  // The spec's "shorten a URL's path".
  shortenPath() {
    const path = this.path;
    if (this.scheme === 'file' && path.length === 1 && isNormalizedDriveLetter(path[0])) return;
    path.pop();
  }

  serializePath() {
    if (typeof this.path === 'string') return this.path;
    let out = '';
    for (const segment of this.path) out += `/${segment}`;
    return out;
  }

  serialize(excludeFragment = false) {
    let out = `${this.scheme}:`;
    if (this.host !== null) {
      out += '//';
      if (this.hasCredentials()) {
        out += this.username;
        if (this.password !== '') out += `:${this.password}`;
        out += '@';
      }
      out += this.host;
      if (this.port !== null) out += `:${this.port}`;
    } else if (typeof this.path !== 'string' && this.path.length > 1 && this.path[0] === '') {
      // Keeps a path like "//x" from reading as a host when reparsed.
      out += '/.';
    }
    out += this.serializePath();
    if (this.query !== null) out += `?${this.query}`;
    if (!excludeFragment && this.fragment !== null) out += `#${this.fragment}`;
    return out;
  }

  origin() {
    switch (this.scheme) {
      case 'blob': {
        const inner = basicParse(this.serializePath(), null);
        if (inner !== null && (inner.scheme === 'http' || inner.scheme === 'https')) return inner.origin();
        return 'null';
      }
      case 'ftp':
      case 'http':
      case 'https':
      case 'ws':
      case 'wss':
        return `${this.scheme}://${this.host}${this.port === null ? '' : `:${this.port}`}`;
      default:
        return 'null';
    }
  }
}

// "C:" or "C|" (a Windows drive letter), "C:" only when normalized.
function isDriveLetter(str, normalizedOnly = false) {
  if (str.length !== 2 || !isASCIIAlpha(str.charCodeAt(0))) return false;
  const c = str.charCodeAt(1);
  return c === 0x3a || (!normalizedOnly && c === 0x7c);
}

function isNormalizedDriveLetter(str) {
  return isDriveLetter(str, true);
}

// Whether input[p...] starts with a Windows drive letter followed by the end
// or one of / \ ? #.
function startsWithDriveLetter(input, p) {
  if (input.length - p < 2 || !isDriveLetter(input.slice(p, p + 2))) return false;
  if (input.length - p === 2) return true;
  const c = input.charCodeAt(p + 2);
  return c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23;
}

function isSingleDot(segment) {
  return segment.length === 1 ? segment === '.' : segment.length === 3 && segment.toLowerCase() === '%2e';
}

function isDoubleDot(segment) {
  switch (segment.length) {
    case 2: return segment === '..';
    case 4: {
      const lower = segment.toLowerCase();
      return lower === '.%2e' || lower === '%2e.';
    }
    case 6: return segment.toLowerCase() === '%2e%2e';
    default: return false;
  }
}

// Parser states.
const SCHEME_START = 1;
const SCHEME = 2;
const NO_SCHEME = 3;
const SPECIAL_RELATIVE_OR_AUTHORITY = 4;
const PATH_OR_AUTHORITY = 5;
const RELATIVE = 6;
const RELATIVE_SLASH = 7;
const SPECIAL_AUTHORITY_SLASHES = 8;
const SPECIAL_AUTHORITY_IGNORE_SLASHES = 9;
const AUTHORITY = 10;
const HOST = 11;
const HOSTNAME = 12;
const PORT = 13;
const FILE = 14;
const FILE_SLASH = 15;
const FILE_HOST = 16;
const PATH_START = 17;
const PATH = 18;
const OPAQUE_PATH = 19;
const QUERY = 20;
const FRAGMENT = 21;

const EOF = -1;
const kTabOrNewline = /[\t\n\r]/g;

// The basic URL parser. Without `url` it parses `input` (against `base`, a
// URLRecord or null) into a new record; with `url` and `stateOverride` it
// updates `url` in place, as the URL setters do. Returns the record, or null
// on failure.
//
// It follows the spec's state machine, with one liberty: where a state only
// accumulates code points (path segments, query, fragment, opaque path,
// authority) it finds the end of the run and takes it as one slice.
function basicParse(input, base, url = null, stateOverride = 0) {
  if (url === null) {
    url = new URLRecord();
    // Strip leading and trailing C0 controls and spaces.
    let start = 0;
    let end = input.length;
    while (start < end && input.charCodeAt(start) <= 0x20) start++;
    while (end > start && input.charCodeAt(end - 1) <= 0x20) end--;
    if (start !== 0 || end !== input.length) input = input.slice(start, end);
  }
  if (input.includes('\t') || input.includes('\n') || input.includes('\r')) {
    input = input.replace(kTabOrNewline, '');
  }

  const len = input.length;
  let state = stateOverride || SCHEME_START;
  let buffer = '';
  let p = 0;
  for (;; p++) {
    let c = p < len ? input.charCodeAt(p) : EOF;
    switch (state) {
      case SCHEME_START:
        if (isASCIIAlpha(c)) {
          buffer += String.fromCharCode(c | 0x20);
          state = SCHEME;
        } else if (!stateOverride) {
          state = NO_SCHEME;
          p--;
        } else {
          return null;
        }
        break;

      case SCHEME:
        if (isASCIIAlphanumeric(c) || c === 0x2b || c === 0x2d || c === 0x2e) {
          buffer += String.fromCharCode(c >= 0x41 && c <= 0x5a ? c | 0x20 : c);
        } else if (c === 0x3a) {
          if (stateOverride) {
            // A URL cannot switch between special and non-special schemes,
            // nor become file: while it has credentials, a port or no host.
            if (url.special !== isSpecialScheme(buffer)) return url;
            if ((url.hasCredentials() || url.port !== null) && buffer === 'file') return url;
            if (url.scheme === 'file' && url.host === '') return url;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === kDefaultPorts[url.scheme]) url.port = null;
            return url;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = FILE;
          } else if (url.special && base !== null && base.scheme === url.scheme) {
            state = SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (url.special) {
            state = SPECIAL_AUTHORITY_SLASHES;
          } else if (input.charCodeAt(p + 1) === 0x2f) {
            state = PATH_OR_AUTHORITY;
            p++;
          } else {
            url.path = '';
            state = OPAQUE_PATH;
          }
        } else if (!stateOverride) {
          // Not a scheme after all: start over without one.
          buffer = '';
          state = NO_SCHEME;
          p = -1;
        } else {
          return null;
        }
        break;

      case NO_SCHEME:
        if (base === null || (base.hasOpaquePath() && c !== 0x23)) return null;
        if (base.hasOpaquePath()) {
          url.scheme = base.scheme;
          url.path = base.path;
          url.query = base.query;
          url.fragment = '';
          state = FRAGMENT;
        } else {
          state = base.scheme === 'file' ? FILE : RELATIVE;
          p--;
        }
        break;

      case SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === 0x2f && input.charCodeAt(p + 1) === 0x2f) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p++;
        } else {
          state = RELATIVE;
          p--;
        }
        break;

      case PATH_OR_AUTHORITY:
        if (c === 0x2f) {
          state = AUTHORITY;
        } else {
          state = PATH;
          p--;
        }
        break;

      case RELATIVE:
        url.scheme = base.scheme;
        if (c === 0x2f || (c === 0x5c && url.special)) {
          state = RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3f) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            url.shortenPath();
            state = PATH;
            p--;
          }
        }
        break;

      case RELATIVE_SLASH:
        if (url.special && (c === 0x2f || c === 0x5c)) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === 0x2f) {
          state = AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = PATH;
          p--;
        }
        break;

      case SPECIAL_AUTHORITY_SLASHES:
        state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
        if (c === 0x2f && input.charCodeAt(p + 1) === 0x2f) p++;
        else p--;
        break;

      case SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== 0x2f && c !== 0x5c) {
          state = AUTHORITY;
          p--;
        }
        break;

      case AUTHORITY: {
        // The authority runs to the first / ? # (or \ in special URLs); the
        // userinfo ends at its last '@'. Every '@' before that one is
        // percent-encoded into the userinfo, and the first ':' splits it.
        const special = url.special;
        let end = p;
        let at = -1;
        for (; end < len; end++) {
          const d = input.charCodeAt(end);
          if (d === 0x2f || d === 0x3f || d === 0x23 || (d === 0x5c && special)) break;
          if (d === 0x40) at = end;
        }
        if (at !== -1) {
          if (at + 1 === end) return null;
          const userinfo = input.slice(p, at);
          const colon = userinfo.indexOf(':');
          if (colon === -1) {
            url.username = percentEncode(userinfo, USERINFO_SET);
          } else {
            url.username = percentEncode(userinfo.slice(0, colon), USERINFO_SET);
            url.password = percentEncode(userinfo.slice(colon + 1), USERINFO_SET);
          }
          p = at;
        } else {
          p--;
        }
        state = HOST;
        break;
      }

      case HOST:
      case HOSTNAME: {
        if (stateOverride && url.scheme === 'file') {
          state = FILE_HOST;
          p--;
          break;
        }
        const special = url.special;
        let end = p;
        let insideBrackets = false;
        for (; end < len; end++) {
          const d = input.charCodeAt(end);
          if (d === 0x3a && !insideBrackets) break;
          if (d === 0x2f || d === 0x3f || d === 0x23 || (d === 0x5c && special)) break;
          if (d === 0x5b) insideBrackets = true;
          else if (d === 0x5d) insideBrackets = false;
        }
        buffer = input.slice(p, end);
        p = end;
        c = p < len ? input.charCodeAt(p) : EOF;
        if (c === 0x3a) {
          if (buffer === '') return null;
          if (stateOverride === HOSTNAME) return url;
          const host = parseHost(buffer, !special);
          if (host === null) return null;
          url.host = host;
          buffer = '';
          state = PORT;
        } else {
          if (special && buffer === '') return null;
          if (stateOverride && buffer === '' && (url.hasCredentials() || url.port !== null)) return url;
          const host = parseHost(buffer, !special);
          if (host === null) return null;
          url.host = host;
          buffer = '';
          if (stateOverride) return url;
          state = PATH_START;
          p--;
        }
        break;
      }

      case PORT:
        if (isASCIIDigit(c)) {
          buffer += String.fromCharCode(c);
        } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 || (c === 0x5c && url.special) ||
                   stateOverride) {
          if (buffer !== '') {
            // Leading zeros are allowed; the value is what counts.
            const port = Number(buffer);
            if (port > 65535) return null;
            url.port = port === kDefaultPorts[url.scheme] ? null : port;
            buffer = '';
          }
          if (stateOverride) return url;
          state = PATH_START;
          p--;
        } else {
          return null;
        }
        break;

      case FILE:
        url.scheme = 'file';
        url.host = '';
        if (c === 0x2f || c === 0x5c) {
          state = FILE_SLASH;
        } else if (base !== null && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3f) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            if (startsWithDriveLetter(input, p)) url.path = [];
            else url.shortenPath();
            state = PATH;
            p--;
          }
        } else {
          state = PATH;
          p--;
        }
        break;

      case FILE_SLASH:
        if (c === 0x2f || c === 0x5c) {
          state = FILE_HOST;
        } else {
          if (base !== null && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithDriveLetter(input, p) && base.path.length > 0 &&
                isNormalizedDriveLetter(base.path[0])) {
              url.path.push(base.path[0]);
            }
          }
          state = PATH;
          p--;
        }
        break;

      case FILE_HOST: {
        let end = p;
        while (end < len) {
          const d = input.charCodeAt(end);
          if (d === 0x2f || d === 0x5c || d === 0x3f || d === 0x23) break;
          end++;
        }
        buffer = input.slice(p, end);
        p = end - 1;
        if (!stateOverride && isDriveLetter(buffer)) {
          // "file://C:/": the drive letter is the first path segment. The
          // buffer is carried over into the path state.
          state = PATH;
        } else if (buffer === '') {
          url.host = '';
          if (stateOverride) return url;
          state = PATH_START;
        } else {
          let host = parseHost(buffer, false);
          if (host === null) return null;
          if (host === 'localhost') host = '';
          url.host = host;
          if (stateOverride) return url;
          buffer = '';
          state = PATH_START;
        }
        break;
      }

      case PATH_START:
        if (url.special) {
          state = PATH;
          if (c !== 0x2f && c !== 0x5c) p--;
        } else if (!stateOverride && c === 0x3f) {
          url.query = '';
          state = QUERY;
        } else if (!stateOverride && c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        } else if (c !== EOF) {
          state = PATH;
          if (c !== 0x2f) p--;
        } else if (stateOverride && url.host === null) {
          url.path.push('');
        }
        break;

      case PATH: {
        const special = url.special;
        let end = p;
        for (; end < len; end++) {
          const d = input.charCodeAt(end);
          if (d === 0x2f || (d === 0x5c && special) || (!stateOverride && (d === 0x3f || d === 0x23))) break;
        }
        buffer += input.slice(p, end);
        p = end;
        c = p < len ? input.charCodeAt(p) : EOF;
        const slash = c === 0x2f || (c === 0x5c && special);
        if (isDoubleDot(buffer)) {
          // A final ".." leaves an empty path, not "/", when there was nothing
          // to remove in a non-special URL; Node (ada) does this, the spec
          // would append an empty segment.
          const hadSegments = url.path.length > 0;
          url.shortenPath();
          if (!slash && (special || hadSegments)) url.path.push('');
        } else if (isSingleDot(buffer)) {
          if (!slash) url.path.push('');
        } else {
          if (url.scheme === 'file' && url.path.length === 0 && isDriveLetter(buffer)) {
            buffer = `${buffer[0]}:`;
          }
          url.path.push(percentEncode(buffer, PATH_SET));
        }
        buffer = '';
        if (c === 0x3f) {
          url.query = '';
          state = QUERY;
        } else if (c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        }
        break;
      }

      case OPAQUE_PATH: {
        let end = p;
        while (end < len) {
          const d = input.charCodeAt(end);
          if (d === 0x3f || d === 0x23) break;
          end++;
        }
        url.path += percentEncode(input.slice(p, end), C0_CONTROL_SET);
        p = end;
        if (p < len) {
          if (input.charCodeAt(p) === 0x3f) {
            url.query = '';
            state = QUERY;
          } else {
            url.fragment = '';
            state = FRAGMENT;
          }
        }
        break;
      }

      case QUERY: {
        let end = stateOverride ? -1 : input.indexOf('#', p);
        if (end === -1) end = len;
        url.query += percentEncode(input.slice(p, end), url.special ? SPECIAL_QUERY_SET : QUERY_SET);
        p = end;
        if (p < len) {
          url.fragment = '';
          state = FRAGMENT;
        }
        break;
      }

      case FRAGMENT:
        url.fragment += percentEncode(input.slice(p), FRAGMENT_SET);
        p = len;
        break;
    }
    if (p >= len) break;
  }
  return url;
}

// Parses `input` against the optional string `base`; null on failure.
function parseURL(input, base) {
  let baseRecord = null;
  if (base !== undefined) {
    baseRecord = basicParse(base, null);
    if (baseRecord === null) return null;
  }
  return basicParse(input, baseRecord);
}

// --- application/x-www-form-urlencoded -----------------------------------

// Parses a query string into a flat [name, value, name, value, ...] list.
function parseParams(input) {
  const list = [];
  for (const sequence of input.split('&')) {
    if (sequence === '') continue;
    const eq = sequence.indexOf('=');
    const name = eq === -1 ? sequence : sequence.slice(0, eq);
    const value = eq === -1 ? '' : sequence.slice(eq + 1);
    list.push(percentDecode(name.replaceAll('+', ' ')), percentDecode(value.replaceAll('+', ' ')));
  }
  return list;
}

function serializeParams(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i !== 0) out += '&';
    out += `${percentEncode(list[i], FORM_SET, true)}=${percentEncode(list[i + 1], FORM_SET, true)}`;
  }
  return out;
}

// --- Errors --------------------------------------------------------------

// The constructor's parse failure is a plain TypeError (in Node it comes from
// the C++ binding), unlike ERR_INVALID_URL from the href setter and url.parse,
// whose toString() shows the code.
function invalidURLError(input, base) {
  const err = new TypeError('Invalid URL');
  if (Error.captureStackTrace) Error.captureStackTrace(err, invalidURLError);
  err.code = 'ERR_INVALID_URL';
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

// ERR_INVALID_TUPLE is not in internal/errors; built the same way here.
function invalidTupleError() {
  const message = 'Each query pair must be an iterable [name, value] tuple';
  const err = new TypeError(message);
  if (Error.captureStackTrace) Error.captureStackTrace(err, invalidTupleError);
  err.code = 'ERR_INVALID_TUPLE';
  const header = `TypeError [ERR_INVALID_TUPLE]: ${message}`;
  const frames = typeof err.stack === 'string' ? err.stack.slice(err.stack.indexOf('\n    at ') + 1) : '';
  Object.defineProperties(err, {
    stack: { value: frames.startsWith('    at ') ? `${header}\n${frames}` : header, writable: true, configurable: true },
    toString: { value() { return `${this.name} [${this.code}]: ${this.message}`; }, writable: true, configurable: true },
  });
  return err;
}

// --- URL -----------------------------------------------------------------

// Lets URL.parse() hand a parsed record to the constructor without parsing
// twice; user code cannot reach this token.
const kFromRecord = Symbol('kFromRecord');

// Accessors between the two classes, set up in their static blocks.
let urlRecordOf;
let setURLQuery;
let newLinkedParams;
let setParamsList;
let paramsListOf;
let checkParamsIterator;

class URL {
  #context;
  #href;
  #searchParams = null; // created on first use of `searchParams`

  constructor(input, base = undefined) {
    if (input === kFromRecord) {
      this.#context = base;
      this.#href = base.serialize();
      return;
    }
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('url');
    input = toUSVString(input);
    if (base !== undefined) base = toUSVString(base);
    const record = parseURL(input, base);
    if (record === null) throw invalidURLError(input, base);
    this.#context = record;
    this.#href = record.serialize();
  }

  static {
    urlRecordOf = (url) => {
      if (typeof url !== 'object' || url === null || !(#context in url)) {
        throw new TypeError('Receiver must be an instance of class URL');
      }
      return url.#context;
    };
    // Node clears the query before setting the new one, so an opaque path
    // loses its trailing spaces whenever there is no fragment.
    setURLQuery = (url, query) => {
      const ctx = url.#context;
      ctx.query = null;
      ctx.stripTrailingSpacesFromOpaquePath();
      ctx.query = query;
      url.#href = ctx.serialize();
    };
  }

  // Re-serialises after the record changed; the searchParams list follows
  // the new query.
  #changed() {
    const ctx = this.#context;
    this.#href = ctx.serialize();
    if (this.#searchParams !== null) setParamsList(this.#searchParams, ctx.query === null ? [] : parseParams(ctx.query));
  }

  static parse(url, base = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('url');
    const record = parseURL(toUSVString(url), base === undefined ? undefined : toUSVString(base));
    return record === null ? null : new URL(kFromRecord, record);
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('url');
    return parseURL(toUSVString(url), base === undefined ? undefined : toUSVString(base)) !== null;
  }

  [kInspect](depth, options, inspect) {
    // Beyond the inspection depth the object shows as "URL {}".
    if (typeof depth === 'number' && depth < 0) return this;
    const shown = {
      href: this.href,
      origin: this.origin,
      protocol: this.protocol,
      username: this.username,
      password: this.password,
      host: this.host,
      hostname: this.hostname,
      port: this.port,
      pathname: this.pathname,
      search: this.search,
      searchParams: this.searchParams,
      hash: this.hash,
    };
    return `${this.constructor.name} ${inspect(shown, options)}`;
  }

  toString() {
    urlRecordOf(this);
    return this.#href;
  }

  get href() {
    urlRecordOf(this);
    return this.#href;
  }

  set href(value) {
    urlRecordOf(this);
    value = toUSVString(value);
    const record = basicParse(value, null);
    if (record === null) throw new codes.ERR_INVALID_URL(value);
    this.#context = record;
    this.#changed();
  }

  get origin() {
    return urlRecordOf(this).origin();
  }

  get protocol() {
    return `${urlRecordOf(this).scheme}:`;
  }

  set protocol(value) {
    basicParse(`${toUSVString(value)}:`, null, urlRecordOf(this), SCHEME_START);
    this.#changed();
  }

  get username() {
    return urlRecordOf(this).username;
  }

  set username(value) {
    const ctx = urlRecordOf(this);
    if (ctx.cannotHaveCredentialsOrPort()) return;
    ctx.username = percentEncode(toUSVString(value), USERINFO_SET);
    this.#changed();
  }

  get password() {
    return urlRecordOf(this).password;
  }

  set password(value) {
    const ctx = urlRecordOf(this);
    if (ctx.cannotHaveCredentialsOrPort()) return;
    ctx.password = percentEncode(toUSVString(value), USERINFO_SET);
    this.#changed();
  }

  get host() {
    const ctx = urlRecordOf(this);
    if (ctx.host === null) return '';
    return ctx.port === null ? ctx.host : `${ctx.host}:${ctx.port}`;
  }

  set host(value) {
    const ctx = urlRecordOf(this);
    if (ctx.hasOpaquePath()) return;
    basicParse(toUSVString(value), null, ctx, HOST);
    this.#changed();
  }

  get hostname() {
    return urlRecordOf(this).host ?? '';
  }

  set hostname(value) {
    const ctx = urlRecordOf(this);
    if (ctx.hasOpaquePath()) return;
    basicParse(toUSVString(value), null, ctx, HOSTNAME);
    this.#changed();
  }

  get port() {
    const port = urlRecordOf(this).port;
    return port === null ? '' : `${port}`;
  }

  set port(value) {
    const ctx = urlRecordOf(this);
    if (ctx.cannotHaveCredentialsOrPort()) return;
    value = toUSVString(value);
    if (value === '') ctx.port = null;
    else basicParse(value, null, ctx, PORT);
    this.#changed();
  }

  get pathname() {
    return urlRecordOf(this).serializePath();
  }

  set pathname(value) {
    const ctx = urlRecordOf(this);
    if (ctx.hasOpaquePath()) return;
    ctx.path = [];
    basicParse(toUSVString(value), null, ctx, PATH_START);
    this.#changed();
  }

  get search() {
    const query = urlRecordOf(this).query;
    return query === null || query === '' ? '' : `?${query}`;
  }

  set search(value) {
    const ctx = urlRecordOf(this);
    value = toUSVString(value);
    if (value === '') {
      ctx.query = null;
      ctx.stripTrailingSpacesFromOpaquePath();
    } else {
      ctx.query = '';
      basicParse(value.charCodeAt(0) === 0x3f ? value.slice(1) : value, null, ctx, QUERY);
    }
    this.#changed();
  }

  get searchParams() {
    const ctx = urlRecordOf(this);
    this.#searchParams ??= newLinkedParams(this, ctx.query === null ? [] : parseParams(ctx.query));
    return this.#searchParams;
  }

  get hash() {
    const fragment = urlRecordOf(this).fragment;
    return fragment === null || fragment === '' ? '' : `#${fragment}`;
  }

  set hash(value) {
    const ctx = urlRecordOf(this);
    value = toUSVString(value);
    if (value === '') {
      ctx.fragment = null;
      ctx.stripTrailingSpacesFromOpaquePath();
    } else {
      ctx.fragment = '';
      basicParse(value.charCodeAt(0) === 0x23 ? value.slice(1) : value, null, ctx, FRAGMENT);
    }
    this.#changed();
  }

  toJSON() {
    urlRecordOf(this);
    return this.#href;
  }
}

// --- URLSearchParams -----------------------------------------------------

function checkParams(value) {
  if (typeof value !== 'object' || value === null || !paramsListOf(value)) {
    throw new codes.ERR_INVALID_THIS('URLSearchParams');
  }
}

class URLSearchParams {
  #list = []; // flat: [name0, value0, name1, value1, ...]
  #url = null; // the URL whose query this object mirrors

  constructor(init = undefined) {
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method !== undefined && method !== null) {
        if (typeof method !== 'function') throw new codes.ERR_ARG_NOT_ITERABLE('Query pairs');
        // A sequence of [name, value] pairs.
        for (const pair of { [Symbol.iterator]: () => method.call(init) }) {
          if ((typeof pair !== 'object' && typeof pair !== 'function') || pair === null ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw invalidTupleError();
          }
          const converted = [];
          for (const element of pair) converted.push(toUSVString(element));
          if (converted.length !== 2) throw invalidTupleError();
          this.#list.push(converted[0], converted[1]);
        }
      } else {
        // A record: the own enumerable properties, in property order. Keys
        // that only differ in lone surrogates collapse into one entry.
        const positions = new Map();
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const name = toUSVString(key);
          const value = toUSVString(init[key]);
          const at = positions.get(name);
          if (at === undefined) {
            positions.set(name, this.#list.length);
            this.#list.push(name, value);
          } else {
            this.#list[at + 1] = value;
          }
        }
      }
    } else {
      const str = toUSVString(init);
      this.#list = parseParams(str.charCodeAt(0) === 0x3f ? str.slice(1) : str);
    }
  }

  static {
    newLinkedParams = (url, list) => {
      const params = new URLSearchParams();
      params.#list = list;
      params.#url = url;
      return params;
    };
    setParamsList = (params, list) => {
      params.#list = list;
    };
    paramsListOf = (params) => (#list in params ? params.#list : null);
  }

  // The spec's "update steps": the owning URL's query follows the list.
  #update() {
    if (this.#url === null) return;
    const query = serializeParams(this.#list);
    setURLQuery(this.#url, query === '' ? null : query);
  }

  [kInspect](depth, options, inspect) {
    checkParams(this);
    if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
    const list = this.#list;
    const entries = [];
    for (let i = 0; i < list.length; i += 2) {
      entries.push(`${inspect(list[i], options)} => ${inspect(list[i + 1], options)}`);
    }
    return `${this.constructor.name} ${formatEntries(entries, options)}`;
  }

  get size() {
    checkParams(this);
    return this.#list.length / 2;
  }

  append(name, value) {
    checkParams(this);
    if (arguments.length < 2) throw new codes.ERR_MISSING_ARGS('name', 'value');
    this.#list.push(toUSVString(name), toUSVString(value));
    this.#update();
  }

  delete(name, value = undefined) {
    checkParams(this);
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    const list = this.#list;
    let kept = 0;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) continue;
      list[kept++] = list[i];
      list[kept++] = list[i + 1];
    }
    list.length = kept;
    this.#update();
  }

  get(name) {
    checkParams(this);
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) return list[i + 1];
    }
    return null;
  }

  getAll(name) {
    checkParams(this);
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const list = this.#list;
    const values = [];
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) values.push(list[i + 1]);
    }
    return values;
  }

  has(name, value = undefined) {
    checkParams(this);
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    const list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    checkParams(this);
    if (arguments.length < 2) throw new codes.ERR_MISSING_ARGS('name', 'value');
    name = toUSVString(name);
    value = toUSVString(value);
    // The first pair with this name takes the value; later ones go.
    const list = this.#list;
    let found = false;
    let kept = 0;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) {
        if (found) continue;
        found = true;
        list[i + 1] = value;
      }
      list[kept++] = list[i];
      list[kept++] = list[i + 1];
    }
    list.length = kept;
    if (!found) list.push(name, value);
    this.#update();
  }

  sort() {
    checkParams(this);
    const list = this.#list;
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    // Array.prototype.sort is stable; names compare by UTF-16 code units.
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (let i = 0; i < pairs.length; i++) {
      list[2 * i] = pairs[i][0];
      list[2 * i + 1] = pairs[i][1];
    }
    this.#update();
  }

  entries() {
    checkParams(this);
    return new URLSearchParamsIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    checkParams(this);
    validateFunction(callback, 'callback');
    // The list is read afresh each step: the callback may change it.
    for (let i = 0; i < this.#list.length; i += 2) {
      const list = this.#list;
      callback.call(thisArg, list[i + 1], list[i], this);
    }
  }

  keys() {
    checkParams(this);
    return new URLSearchParamsIterator(this, 'key');
  }

  values() {
    checkParams(this);
    return new URLSearchParamsIterator(this, 'value');
  }

  toString() {
    checkParams(this);
    return serializeParams(this.#list);
  }
}

// "{ a, b }", or one entry per line when the entries are long, the closing
// brace staying on the last line, as Node prints URLSearchParams.
function formatEntries(entries, options) {
  if (entries.length === 0) return '{}';
  let length = (entries.length - 1) * 2;
  for (const entry of entries) length += entry.replace(/\u001b\[\d\d?m/g, '').length;
  return length > options.breakLength ? `{\n  ${entries.join(',\n  ')} }` : `{ ${entries.join(', ')} }`;
}

const kIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

// Iterators over a URLSearchParams are live: each step reads the current list.
class URLSearchParamsIterator {
  #params;
  #kind;
  #index = 0;

  constructor(params, kind) {
    this.#params = params;
    this.#kind = kind;
  }

  static {
    checkParamsIterator = (value) => {
      if (typeof value !== 'object' || value === null || !(#params in value)) {
        throw new codes.ERR_INVALID_THIS('URLSearchParamsIterator');
      }
    };
  }

  #item(i) {
    const list = paramsListOf(this.#params);
    switch (this.#kind) {
      case 'key': return list[i];
      case 'value': return list[i + 1];
      default: return [list[i], list[i + 1]];
    }
  }

  next() {
    checkParamsIterator(this);
    if (this.#index >= paramsListOf(this.#params).length) return { value: undefined, done: true };
    const value = this.#item(this.#index);
    this.#index += 2;
    return { value, done: false };
  }

  [kInspect](depth, options, inspect) {
    checkParamsIterator(this);
    if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
    const inner = { ...options, depth: depth === null ? null : depth - 1 };
    const items = [];
    const length = paramsListOf(this.#params).length;
    for (let i = this.#index; i < length; i += 2) items.push(this.#item(i));
    const shown = items.map((item) => inspect(item, inner));
    // One item per line when the items, inspected as one array, would not
    // fit on a line; an empty iterator shows as "{  }".
    if (inspect(items, inner).includes('\n')) return `URLSearchParams Iterator {\n  ${shown.join(',\n  ')} }`;
    return `URLSearchParams Iterator { ${shown.join(', ')} }`;
  }
}

Object.setPrototypeOf(URLSearchParamsIterator.prototype, kIteratorPrototype);
// Iterator prototypes have no constructor property.
delete URLSearchParamsIterator.prototype.constructor;

// WebIDL makes attributes and operations enumerable; the class syntax does
// not, so flip them here. The string tags are as WebIDL defines them.
function makeEnumerable(proto, names) {
  for (const name of names) Object.defineProperty(proto, name, { enumerable: true });
}
makeEnumerable(URL.prototype, ['toString', 'href', 'origin', 'protocol', 'username', 'password', 'host',
  'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON']);
makeEnumerable(URL, ['parse', 'canParse']);
makeEnumerable(URLSearchParams.prototype, ['size', 'append', 'delete', 'get', 'getAll', 'has', 'set', 'sort',
  'entries', 'forEach', 'keys', 'values', 'toString']);
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  value: URLSearchParams.prototype.entries, writable: true, configurable: true,
});
Object.defineProperty(URLSearchParamsIterator.prototype, Symbol.toStringTag, {
  value: 'URLSearchParams Iterator', configurable: true,
});

// --- Helpers of the `url` module ------------------------------------------

// Node's test for "a URL object" in the APIs that accept one: any object with
// an href and a protocol that is not a legacy Url (those have auth and path).
function isURL(value) {
  return Boolean(value?.href && value.protocol && value.auth === undefined && value.path === undefined);
}

function fileURLToPath(path) {
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new codes.ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new codes.ERR_INVALID_URL_SCHEME('file');
  if (path.hostname !== '') throw new codes.ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = path.pathname;
  if (/%2f/i.test(pathname)) throw new codes.ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
  return decodeURIComponent(pathname);
}

// Characters of a file path that must be escaped before it is parsed as a
// URL: '%' (so it is not read as an escape), '\' (a separator in special
// URLs), tab and newlines (which the parser drops), '?' and '#' (delimiters),
// and the ones Node escapes besides the URL path set: [ ] ^ | ~.
const kPathCharsToEncode = /[%\\\t\n\r#?[\]^|~]/g;

function pathToFileURL(filepath) {
  let resolved = require('path').resolve(filepath);
  // path.resolve() drops a trailing slash, which is meaningful in a URL.
  if (filepath.charCodeAt(filepath.length - 1) === 0x2f && resolved.charCodeAt(resolved.length - 1) !== 0x2f) {
    resolved += '/';
  }
  return new URL(`file://${resolved.replace(kPathCharsToEncode, (ch) => hexByte(ch.charCodeAt(0)))}`);
}

function urlToHttpOptions(url) {
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url, // own enumerable properties of a URL subclass instance
    protocol: url.protocol,
    hostname: hostname && hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = Number(port);
  if (username || password) options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  return options;
}

// Node runs the domain through the hostname setter of a ws: URL: it gets the
// whole host parser (IPv4 normalisation included), stops at a path, query or
// fragment delimiter, and gives '' when the setter fails or, seeing a port,
// leaves the host alone.
function hostnameOf(domain) {
  const input = toUSVString(domain).replace(kTabOrNewline, '');
  let insideBrackets = false;
  let end = 0;
  for (; end < input.length; end++) {
    const c = input.charCodeAt(end);
    if (c === 0x3a && !insideBrackets) return '';
    if (c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23) break;
    if (c === 0x5b) insideBrackets = true;
    else if (c === 0x5d) insideBrackets = false;
  }
  return end === 0 ? '' : parseHost(input.slice(0, end), false) ?? '';
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('domain');
  return hostnameOf(domain);
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('domain');
  return domainToUnicodeInternal(hostnameOf(domain));
}

module.exports = {
  URL,
  URLSearchParams,
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
  domainToASCII,
  domainToUnicode,
  isURL,
  toUSVString,
  percentDecode,
  percentDecodeBytes,
  utf8Decode,
  punycodeDecode,
  punycodeEncode,
  domainToASCIIInternal,
};
