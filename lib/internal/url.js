'use strict';

// The WHATWG URL Standard (https://url.spec.whatwg.org/): the URL record, its
// parser and serialiser, the URL and URLSearchParams classes, and the helpers
// of the `url` module built on them (file-URL conversion, urlToHttpOptions,
// domainToASCII/domainToUnicode). The legacy url.parse()/format()/resolve()
// API lives in lib/url.js.
//
// Punycode (RFC 3492) is implemented here rather than in lib/punycode.js,
// because requiring `punycode` may emit a deprecation warning that internal
// users must not trigger.
//
// Hosts go through UTS #46 (IDNA) processing. There are no Unicode data tables
// in this runtime, so the UTS #46 mapping and validity tables are approximated
// with what the engine offers (NFKC normalisation, lower-casing and Unicode
// property escapes); see idnaToASCII() for the details and the gaps.

const { codes, validateFunction, validateString } = require('internal/errors');

const kInspect = Symbol.for('nodejs.util.inspect.custom');

// --- Strings -------------------------------------------------------------

// WebIDL's USVString conversion: lone surrogates become U+FFFD.
function toUSVString(value) {
  // V8's words for the TypeError a Symbol's conversion throws.
  if (typeof value === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  const str = `${value}`;
  return str.isWellFormed() ? str : str.toWellFormed();
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

function hexValue(c) {
  if (c <= 0x39) return c - 0x30;
  return (c | 0x20) - 0x57;
}

const kNonASCII = /[^\x00-\x7f]/;

// --- Percent-encoding ----------------------------------------------------

// The percent-encode sets of the URL Standard, each as a (global, Unicode)
// regexp matching the code points it holds: the complement of the printable
// ASCII characters that stay as they are. Every set holds the C0 controls
// and everything above U+007E; each set after QUERY_SET holds the one
// before it.
const C0_CONTROL_SET = /[^\x20-\x7e]/gu;
const FRAGMENT_SET = /[^\x21\x23-\x3b\x3d\x3f-\x5f\x61-\x7e]/gu; // + space " < > `
const QUERY_SET = /[^\x21\x24-\x3b\x3d\x3f-\x7e]/gu; // + space " # < >
const SPECIAL_QUERY_SET = /[^\x21\x24-\x26\x28-\x3b\x3d\x3f-\x7e]/gu; // + '
const PATH_SET = /[^\x21\x24-\x3b\x3d\x40-\x5f\x61-\x7a\x7c\x7e]/gu; // query + ? ` { }
const USERINFO_SET = /[^\x21\x24-\x2e\x30-\x39\x41-\x5a\x5f\x61-\x7a\x7e]/gu; // + / : ; = @ [ \ ] ^ |
const COMPONENT_SET = /[^\x21\x27-\x2a\x2d\x2e\x30-\x39\x41-\x5a\x5f\x61-\x7a\x7e]/gu; // + $ % & + ,
const FORM_SET = /[^\x2a\x2d\x2e\x30-\x39\x41-\x5a\x5f\x61-\x7a]/gu; // + ! ' ( ) ~

function hexByte(b) {
  return b < 16 ? `%0${b.toString(16).toUpperCase()}` : `%${b.toString(16).toUpperCase()}`;
}

// The UTF-8 bytes of a code point, percent-encoded.
function percentEncodeChar(ch) {
  const cp = ch.codePointAt(0);
  if (cp < 0x80) return hexByte(cp);
  if (cp < 0x800) return hexByte(0xc0 | (cp >> 6)) + hexByte(0x80 | (cp & 0x3f));
  if (cp < 0x10000) {
    return hexByte(0xe0 | (cp >> 12)) + hexByte(0x80 | ((cp >> 6) & 0x3f)) + hexByte(0x80 | (cp & 0x3f));
  }
  return hexByte(0xf0 | (cp >> 18)) + hexByte(0x80 | ((cp >> 12) & 0x3f)) +
    hexByte(0x80 | ((cp >> 6) & 0x3f)) + hexByte(0x80 | (cp & 0x3f));
}

function percentEncodeFormChar(ch) {
  return ch === ' ' ? '+' : percentEncodeChar(ch);
}

// UTF-8 percent-encodes the code points of `str` that are in `set`. With
// `spaceAsPlus` a space becomes '+' (the form-urlencoded serialiser). `str`
// must be a USVString: surrogates come in pairs. (search() leaves the global
// regexp's lastIndex alone.)
function percentEncode(str, set, spaceAsPlus = false) {
  if (str.search(set) === -1) return str;
  return str.replace(set, spaceAsPlus ? percentEncodeFormChar : percentEncodeChar);
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

// Percent-decodes `str` and reads the result as UTF-8. decodeURIComponent()
// gives the same result when it succeeds; it fails on escapes that are not
// well-formed UTF-8 and on a '%' that starts no escape, which the URL
// Standard handles by U+FFFD and by keeping the '%'.
function percentDecode(str) {
  if (!str.includes('%')) return str;
  try {
    return decodeURIComponent(str);
  } catch {
    return utf8Decode(percentDecodeBytes(str));
  }
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
// surrogates, separators, the replacement characters, and a few assigned
// letters and symbols (Hangul fillers, ideographic description characters,
// ...).
const kIdnaDisallowed = /(?![\u200c\u200d])[\p{C}\p{Z}\ufffc\ufffd\u115f\u1160\u17b4\u17b5\u1806\u2ff0-\u2ffb\u3164]/u;
const kCombiningMarkStart = /^\p{M}/u;
// Code points with canonical combining class 9 (virama), after which a
// zero width joiner or non-joiner is allowed (RFC 5892, appendix A).
const kVirama = /[\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0c4d\u0ccd\u0d3b\u0d3c\u0d4d\u0dca\u0e3a\u0eba\u0f84\u1039\u103a\u1714\u1715\u1734\u17d2\u1a60\u1b44\u1baa\u1bab\u1bf2\u1bf3\u2d7f\ua806\ua82c\ua8c4\ua953\ua9c0\uaaf6\uabed\u{10a3f}\u{11046}\u{11070}\u{1107f}\u{110b9}\u{11133}\u{11134}\u{111c0}\u{11235}\u{112ea}\u{1134d}\u{11442}\u{114c2}\u{115bf}\u{1163f}\u{116b6}\u{1172b}\u{11839}\u{1193d}\u{1193e}\u{119e0}\u{11a34}\u{11a47}\u{11a99}\u{11c3f}\u{11d44}\u{11d45}\u{11d97}]$/u;
// Code points that UTS #46 disallows but NFKC or lower-casing would turn into
// something valid: those whose compatibility decomposition holds a full stop
// ("․", "⒈", ...), which must not split labels, and some capital letters
// (Georgian Asomtavruli, palochka, turned F and C).
const kIdnaUnmappable = /[\u04c0\u10a0-\u10c5\u2024-\u2026\u2132\u2183\u2488-\u249b\u33c2\u33c7\u33d8\ufe12\ufe19\ufe30\ufe52\u{1f100}]/u;

// Case foldings that NFKC and toLowerCase() do not do. They run before
// NFKC, which would turn lunate and mathematical final sigmas into the final
// form, and which reorders marks: the combining ypogegrammeni becomes iota
// where it stands, and is taken out of precomposed Greek letters for that.
// Capital sigma is folded again after NFKC: toLowerCase() gives the final
// form in word-final position. Capital sharp s is "ss" (toLowerCase() gives
// U+00DF); the old Cyrillic letter variants are already lower case.
const kIdnaFoldBeforeNFKC = /[\u0345\u03a3\u03f2\u1c80-\u1c88\u1e9e\u1f80-\u1faf\u1fb2-\u1fb4\u1fb7\u1fbc\u1fc2-\u1fc4\u1fc7\u1fcc\u1ff2-\u1ff4\u1ff7\u1ffc\u{1d6d3}\u{1d70d}\u{1d747}\u{1d781}\u{1d7bb}]/gu;
const kIdnaCaseFold = {
  '\u0345': '\u03b9', '\u03a3': '\u03c3', '\u03f2': '\u03c3', '\u1e9e': 'ss', '\u1c80': '\u0432', '\u1c81': '\u0434',
  '\u1c82': '\u043e', '\u1c83': '\u0441', '\u1c84': '\u0442', '\u1c85': '\u0442', '\u1c86': '\u044a',
  '\u1c87': '\u0463', '\u1c88': '\ua64b', '\u{1d6d3}': '\u03c3', '\u{1d70d}': '\u03c3', '\u{1d747}': '\u03c3',
  '\u{1d781}': '\u03c3', '\u{1d7bb}': '\u03c3',
};

function foldBeforeNFKC(ch) {
  return kIdnaCaseFold[ch] ?? ch.normalize('NFD').replace('\u0345', '\u03b9');
}

// UTS #46 mapping, approximated: the table is close to NFKC followed by
// lower-casing, plus the foldings above. Cherokee maps to its capital
// letters, the reverse of toLowerCase(); the ideographic full stops become
// '.'.
function idnaMap(domain) {
  return domain.replace(kIdnaIgnored, '').replace(kIdnaFoldBeforeNFKC, foldBeforeNFKC).normalize('NFKC')
    .replace(/\u03a3/g, '\u03c3').toLowerCase()
    .replace(/[\uab70-\uabbf\u13f8-\u13fd]/g, (ch) => ch.toUpperCase())
    .replace(/[\u3002\uff0e\uff61]/g, '.').normalize('NFC');
}

// Bidi classes (UAX #9), approximated by block and general category, in the
// groups that the bidi rule (RFC 5893) tells apart. kBidiRTL stands for R and
// AL: everything in the right-to-left blocks that is not a mark or a digit.
// The joiners count as marks here, as in Node.
const kBidiNSM = /[\p{Mn}\p{Me}\u200c\u200d]/u;
const kBidiAN = /[\u0600-\u0605\u0660-\u0669\u066b\u066c\u06dd\u0890\u0891\u08e2\u{10d30}-\u{10d39}\u{10e60}-\u{10e7e}]/u;
const kBidiEN = /[0-9\u06f0-\u06f9]/;
const kBidiRTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
// ES, CS, ET, ON and BN: allowed in labels of either direction. (Symbols are
// mostly ON; regional indicators and braille are L.)
const kBidiNeutral = /(?![\u2800-\u28ff\u{1f1e6}-\u{1f1ff}])[+\-\u2212\ufb29,./:\u060c\u2044#$%\u00a2-\u00a5\u00b0\u00b1\u0609\u060a\u066a\u09f2\u09f3\u09fb\u0af1\u0bf9\u0e3f\u17db\u2030-\u2034\u20a0-\u20cf\u212e\u2213\ua838\ua839\u200b\u2060-\u2064\ufeff\p{P}\p{S}]/u;
const BIDI_L = 0;
const BIDI_RTL = 1;
const BIDI_AN = 2;
const BIDI_EN = 3;
const BIDI_NEUTRAL = 4;
const BIDI_NSM = 5;

function bidiClass(ch) {
  if (kBidiNSM.test(ch)) return BIDI_NSM;
  if (kBidiAN.test(ch)) return BIDI_AN;
  if (kBidiEN.test(ch)) return BIDI_EN;
  if (kBidiRTL.test(ch)) return BIDI_RTL;
  if (kBidiNeutral.test(ch)) return BIDI_NEUTRAL;
  return BIDI_L;
}

// The bidi rule for one label, applied the way Node (ada) applies it: only to
// labels holding right-to-left characters or Arabic digits. One starting
// with a left-to-right letter must not hold right-to-left characters or
// Arabic digits before its last character (ada does not check the last).
// Any other must hold no left-to-right letters, not mix the two kinds of
// digits, and end (before any marks) in a right-to-left character or digit.
function passesBidiRule(label) {
  const classes = Array.from(label, bidiClass);
  if (!classes.some((c) => c === BIDI_RTL || c === BIDI_AN)) return true;
  let last = classes.length - 1;
  while (last >= 0 && classes[last] === BIDI_NSM) last--;
  if (last < 0) return false;
  if (classes[0] === BIDI_L) {
    for (let i = 0; i < last; i++) {
      if (classes[i] === BIDI_RTL || classes[i] === BIDI_AN) return false;
    }
    return true;
  }
  if (classes.includes(BIDI_AN) && classes.includes(BIDI_EN)) return false;
  for (let i = 0; i <= last; i++) {
    if (classes[i] === BIDI_L) return false;
  }
  return classes[last] !== BIDI_NEUTRAL;
}

// Joining types for the ZWNJ rule of RFC 5892 (appendix A.1), approximated:
// the letters of the cursive scripts (Arabic, Syriac, NKo, Mongolian) join
// (hamza and tatweel aside), those in kRightJoining only backwards.
const kJoiningLetter = /(?![\u0621\u0640])[\u0620-\u064a\u066e-\u06d5\u06fa-\u06ff\u0710-\u074f\u0750-\u077f\u07ca-\u07ea\u08a0-\u08c9\u1820-\u1878]/;
const kRightJoining = /[\u0622-\u0625\u0627\u0629\u062f-\u0632\u0648\u0671-\u0673\u0675-\u0677\u0688-\u0699\u06c0\u06c3-\u06cb\u06cd\u06cf\u06d2\u06d3\u06d5\u06ee\u06ef\u0710\u0715-\u0719\u071e\u0728\u072a\u072c\u072f\u074d\u0759-\u075b\u076b\u076c\u0771\u0773\u0774\u0778\u0779]/;

// CheckJoiners for the joiner at `i`: allowed after a virama; a ZWNJ also
// when a letter that joins forwards comes somewhere before it and one that
// joins backwards somewhere after it. (RFC 5892 wants them adjacent, but for
// transparent marks; Node looks further.)
function isValidJoiner(label, i) {
  if (kVirama.test(label.slice(0, i))) return true;
  if (label.charCodeAt(i) !== 0x200c) return false;
  const joinsForwards = (ch) => kJoiningLetter.test(ch) && !kRightJoining.test(ch);
  return Array.from(label.slice(0, i)).some(joinsForwards) && kJoiningLetter.test(label.slice(i + 1));
}

// The UTS #46 validity criteria of a non-ASCII label (CheckHyphens false,
// CheckJoiners and CheckBidi true), within the limits described above. As in
// Node (ada), the first joiner in a label, if any, settles its validity: the
// bidi rule is then not applied.
function isValidIdnaLabel(label) {
  if (kCombiningMarkStart.test(label) || kIdnaDisallowed.test(label)) return false;
  const joiner = label.search(/[\u200c\u200d]/);
  if (joiner !== -1) return isValidJoiner(label, joiner);
  return passesBidiRule(label);
}

// UTS #46 ToASCII with the URL Standard's parameters: non-strict, no hyphen
// checks, no DNS length checks. Returns null on failure.
//
// Known gaps against the full standard: the mapping table is approximated by
// idnaMap(); code points are only rejected by general category (the table
// also disallows some assigned symbols); bidi classes and joining types come
// from block ranges rather than the Unicode data files.
function idnaToASCII(domain) {
  if (kIdnaUnmappable.test(domain)) return null;
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

// UTS #46 ToASCII without the URL Standard's extra checks (Node's legacy
// url.parse() applies its own). Returns null on failure.
function idnaToASCIILenient(domain) {
  if (kNonASCII.test(domain)) return idnaToASCII(domain);
  // An ASCII domain without Punycode labels only needs lower-casing.
  const lower = domain.toLowerCase();
  return lower.startsWith('xn--') || lower.includes('.xn--') ? idnaToASCII(lower) : lower;
}

// The URL Standard's "domain to ASCII" (beStrict false). Returns null on
// failure.
function domainToASCIIInternal(domain) {
  const result = idnaToASCIILenient(domain);
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

const kDecimal = /^[0-9]+$/;
const kOctal = /^[0-7]+$/;
const kHex = /^[0-9a-fA-F]+$/;

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
  const valid = radix === 10 ? kDecimal : radix === 8 ? kOctal : kHex;
  return valid.test(str) ? parseInt(str, radix) : null;
}

// Whether the last label (ignoring one trailing dot) is a number: decimal
// digits, or "0x" and hex digits (an octal-looking label is all digits).
// Such a host must be a valid IPv4 address.
const kEndsInNumber = /(?:^|\.)(?:[0-9]+|0[xX][0-9a-fA-F]*)\.?$/;

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
  if (kEndsInNumber.test(ascii)) {
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
    return this.path.length === 0 ? '' : `/${this.path.join('/')}`;
  }

  serialize() {
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
    if (this.fragment !== null) out += `#${this.fragment}`;
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

// Parser states. (The spec's scheme state is folded into SCHEME_START.)
const SCHEME_START = 1;
const NO_SCHEME = 2;
const SPECIAL_RELATIVE_OR_AUTHORITY = 3;
const PATH_OR_AUTHORITY = 4;
const RELATIVE = 5;
const RELATIVE_SLASH = 6;
const SPECIAL_AUTHORITY_SLASHES = 7;
const SPECIAL_AUTHORITY_IGNORE_SLASHES = 8;
const AUTHORITY = 9;
const HOST = 10;
const HOSTNAME = 11;
const PORT = 12;
const FILE = 13;
const FILE_SLASH = 14;
const FILE_HOST = 15;
const PATH_START = 16;
const PATH = 17;
const OPAQUE_PATH = 18;
const QUERY = 19;
const FRAGMENT = 20;

const EOF = -1;
const kTabOrNewline = /[\t\n\r]/g;
const kScheme = /^[a-zA-Z][a-zA-Z0-9+\-.]*:/;

// A port given to the port setter (or after the host given to the host
// setter, up to any '#') that starts with something other than a digit, a
// '-', a control or a space, but holds a digit: the spec leaves the port
// alone, Node (ada) clears it.
const kPortClearedBySetter = /^[^\x00-\x20\d-][^]*\d/;
const kHash = /#/g;

// Delimiters that end a run of code points, as global regexps for find().
// "Special" variants also stop at '\', which special URLs read as '/'.
const kDelimiter = /[/?#]/g;
const kSpecialDelimiter = /[/\\?#]/g;
const kSlash = /\//g;
const kSpecialSlash = /[/\\]/g;
const kQueryOrFragment = /[?#]/g;
const kHostEnd = /[:/?#[]/g;
const kSpecialHostEnd = /[:/\\?#[]/g;

// The index of the first match of `pattern` (a global regexp matching one
// code unit) in `input` at or after `from`, or input.length.
function find(input, pattern, from) {
  pattern.lastIndex = from;
  return pattern.test(input) ? pattern.lastIndex - 1 : input.length;
}

// The basic URL parser. Without `url` it parses `input` (against `base`, a
// URLRecord or null) into a new record; with `url` and `stateOverride` it
// updates `url` in place, as the URL setters do. Returns the record, or null
// on failure.
//
// It follows the spec's state machine, with one liberty: where a state only
// accumulates code points (scheme, authority, host, path segment, opaque
// path, query, fragment) it finds the end of the run with a regexp and takes
// it as one slice.
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
      case SCHEME_START: {
        const scheme = kScheme.exec(input);
        if (scheme === null) {
          // Not a scheme: start over without one.
          if (stateOverride) return null;
          state = NO_SCHEME;
          p--;
          break;
        }
        buffer = scheme[0].slice(0, -1).toLowerCase();
        p = scheme[0].length - 1;
        if (stateOverride) {
          // A URL cannot switch between special and non-special schemes,
          // nor become file: while it has credentials, a port or no host.
          if (url.special !== isSpecialScheme(buffer)) return url;
          if ((url.hasCredentials() || url.port !== null) && buffer === 'file') return url;
          if (url.scheme === 'file' && url.host === '') return url;
          url.scheme = buffer;
          if (url.port === kDefaultPorts[url.scheme]) url.port = null;
          return url;
        }
        url.scheme = buffer;
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
        break;
      }

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
        const end = find(input, url.special ? kSpecialDelimiter : kDelimiter, p);
        const at = input.lastIndexOf('@', end - 1);
        if (at >= p) {
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
        // The host ends at a delimiter or at a ':' outside brackets.
        const special = url.special;
        let end = find(input, special ? kSpecialHostEnd : kHostEnd, p);
        if (input.charCodeAt(end) === 0x5b) {
          let insideBrackets = false;
          for (; end < len; end++) {
            const d = input.charCodeAt(end);
            if (d === 0x3a && !insideBrackets) break;
            if (d === 0x2f || d === 0x3f || d === 0x23 || (d === 0x5c && special)) break;
            if (d === 0x5b) insideBrackets = true;
            else if (d === 0x5d) insideBrackets = false;
          }
        }
        buffer = input.slice(p, end);
        p = end;
        c = p < len ? input.charCodeAt(p) : EOF;
        // Node (ada) differs from the spec for setters on a non-special URL
        // without a host: an empty host changes nothing, and a port after
        // the new host is ignored.
        const hostless = stateOverride && !special && (url.host === null || url.host === '');
        if (c === 0x3a) {
          if (buffer === '') return null;
          if (stateOverride === HOSTNAME) return url;
          const host = parseHost(buffer, !special);
          if (host === null) return null;
          url.host = host;
          if (hostless) return url;
          buffer = '';
          state = PORT;
        } else {
          if (special && buffer === '') return null;
          if (stateOverride && buffer === '' && (url.hasCredentials() || url.port !== null)) return url;
          if (hostless && buffer === '' && url.host === null) return url;
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
          } else if (stateOverride) {
            const text = input.slice(p, stateOverride === PORT ? len : find(input, kHash, p));
            if (kPortClearedBySetter.test(text)) url.port = null;
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
        const end = find(input, kSpecialDelimiter, p);
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
        // A segment ends at '/' (or '\' in special URLs) and, unless a
        // setter is parsing a bare path, at '?' or '#'.
        const special = url.special;
        const pattern = stateOverride ?
          (special ? kSpecialSlash : kSlash) :
          (special ? kSpecialDelimiter : kDelimiter);
        const end = find(input, pattern, p);
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
        const end = find(input, kQueryOrFragment, p);
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

function invalidTupleError() {
  return new (require('internal/errors').codes.ERR_INVALID_TUPLE)('Each query pair', '[name, value]');
}

// --- URL -----------------------------------------------------------------

// Blobs registered by URL.createObjectURL(), by the id in their
// "blob:nodedata:<id>" URL.
const blobURLStore = new Map();

// A version 4 UUID. There is no cryptographic random source to draw on here;
// the ids only need to be unique within the process.
function randomUUID() {
  const bytes = [];
  for (let i = 0; i < 16; i++) bytes.push(Math.floor(Math.random() * 256));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// The id of a "blob:nodedata:<id>" URL, or null for any other string.
function blobURLId(url) {
  const record = basicParse(toUSVString(url), null);
  if (record === null || record.scheme !== 'blob') return null;
  const [kind, id] = record.serializePath().split(':');
  return kind === 'nodedata' ? id : null;
}

// buffer.resolveObjectURL(): a Blob with the data registered for `url`, or
// undefined.
function resolveObjectURL(url) {
  const id = blobURLId(url);
  const blob = id === null ? undefined : blobURLStore.get(id);
  return blob === undefined ? undefined : blob.slice(0, blob.size, blob.type);
}

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
    if (this.#searchParams !== null) {
      setParamsList(this.#searchParams, ctx.query === null ? [] : parseParams(ctx.query));
    }
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

  static createObjectURL(obj) {
    if (!require('internal/blob').isBlob(obj)) throw new codes.ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
    const id = randomUUID();
    blobURLStore.set(id, obj);
    return `blob:nodedata:${id}`;
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('url');
    const id = blobURLId(url);
    if (id !== null) blobURLStore.delete(id);
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
    value = toUSVString(value).replace(kTabOrNewline, '');
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
        // A sequence of [name, value] pairs, iterated with the method
        // already read (a getter must not run twice).
        const sequence = { [Symbol.iterator]: () => method.call(init) };
        for (const pair of sequence) {
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
makeEnumerable(URL, ['parse', 'canParse', 'createObjectURL', 'revokeObjectURL']);
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

// file: URL to path. `options.windows` picks Windows paths (drive letters,
// backslashes, UNC hosts) whatever the platform.
function fileURLToPath(path, options = undefined) {
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new codes.ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new codes.ERR_INVALID_URL_SCHEME('file');
  return (options?.windows ?? process.platform === 'win32') ? windowsPathOf(path) : posixPathOf(path);
}

function posixPathOf(url) {
  if (url.hostname !== '') throw new codes.ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = url.pathname;
  if (/%2f/i.test(pathname)) throw new codes.ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
  return decodeURIComponent(pathname);
}

function windowsPathOf(url) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  if (/%2f|%5c/i.test(pathname)) {
    throw new codes.ERR_INVALID_FILE_URL_PATH('must not include encoded \\ or / characters');
  }
  pathname = decodeURIComponent(pathname.replaceAll('/', '\\'));
  // A host makes a UNC path: \\server\share\...
  if (hostname !== '') return `\\\\${domainToUnicode(hostname)}${pathname}`;
  // Otherwise the path must start with a drive: "\C:\..." becomes "C:\...".
  if (!isASCIIAlpha(pathname.charCodeAt(1)) || pathname[2] !== ':') {
    throw new codes.ERR_INVALID_FILE_URL_PATH('must be absolute');
  }
  return pathname.slice(1);
}

// Characters of a file path that must be escaped before it is parsed as a
// URL: '%' (so it is not read as an escape), tab and newlines (which the
// parser drops), '?' and '#' (delimiters), the ones Node escapes besides the
// URL path set ([ ] ^ | ~), and, in POSIX paths, '\' (a separator in file
// URLs).
const kPosixPathCharsToEncode = /[%\\\t\n\r#?[\]^|~]/g;
const kWindowsPathCharsToEncode = /[%\t\n\r#?[\]^|~]/g;

function encodePathChars(path, windows) {
  return path.replace(windows ? kWindowsPathCharsToEncode : kPosixPathCharsToEncode,
    (ch) => hexByte(ch.charCodeAt(0)));
}

// Path to file: URL, relative paths resolved against the current directory.
function pathToFileURL(filepath, options) {
  validateString(filepath, 'path');
  const windows = options?.windows ?? process.platform === 'win32';
  if (windows && filepath.startsWith('\\\\')) return uncPathToFileURL(filepath);
  const path = require('path');
  let resolved = windows ? path.win32.resolve(filepath) : path.posix.resolve(filepath);
  // path.resolve() drops a trailing slash, which is meaningful in a URL.
  const last = filepath.charCodeAt(filepath.length - 1);
  if ((last === 0x2f || (windows && last === 0x5c)) && !resolved.endsWith(path.sep)) resolved += '/';
  return new URL(`file://${encodePathChars(resolved, windows)}`);
}

// \\server\share\x (or the long form \\?\UNC\server\share\x) is
// file://server/share/x.
function uncPathToFileURL(filepath) {
  const prefixLength = filepath.startsWith('\\\\?\\UNC\\') ? 8 : 2;
  const hostnameEnd = filepath.indexOf('\\', prefixLength);
  if (hostnameEnd === -1) throw new codes.ERR_INVALID_ARG_VALUE('path', filepath, 'Missing UNC resource path');
  if (hostnameEnd === 2) throw new codes.ERR_INVALID_ARG_VALUE('path', filepath, 'Empty UNC servername');
  const url = new URL('file://');
  url.hostname = domainToASCII(filepath.slice(prefixLength, hostnameEnd));
  url.pathname = encodePathChars(filepath.slice(hostnameEnd).replaceAll('\\', '/'), true);
  return url;
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

// url.format() of a URL object: its href without the parts switched off,
// the host in Unicode if asked.
function formatURL(href, { fragment, unicode, search, auth }) {
  const record = basicParse(href, null);
  if (!fragment) record.fragment = null;
  if (!search) record.query = null;
  if (!auth) record.username = record.password = '';
  if (unicode && record.host !== null) record.host = domainToUnicodeInternal(record.host);
  return record.serialize();
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
  formatURL,
  idnaToASCIILenient,
  resolveObjectURL,
  punycodeDecode,
  punycodeEncode,
};
