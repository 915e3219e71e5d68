'use strict';

// Terminal helpers shared by readline's parts: the CSI escape sequences, the
// display width of strings, and the parser that turns terminal input into
// keypress events ({ sequence, name, ctrl, meta, shift, code }). Only
// terminal-mode readline uses these.

const kEscape = '\x1b';

// CSI`${n}G` → '\x1b[<n>G'
function CSI(strings, ...args) {
  let out = `${kEscape}[`;
  for (let i = 0; i < args.length; i++) out += strings[i] + args[i];
  return out + strings[args.length];
}
CSI.kEscape = kEscape;
CSI.kClearToLineBeginning = `${kEscape}[1K`;
CSI.kClearToLineEnd = `${kEscape}[0K`;
CSI.kClearLine = `${kEscape}[2K`;
CSI.kClearScreenDown = `${kEscape}[0J`;

// --- Display width (measured as util.inspect measures it) ---------------------

const { getStringWidth } = require('internal/util/width');

// UTF-16 length of the character starting at / ending before index i.
function charLengthAt(str, i) {
  if (str.length <= i) return 1; // past the end: a cursor step
  return str.codePointAt(i) >= 0x10000 ? 2 : 1;
}

function charLengthLeft(str, i) {
  if (i <= 0) return 0;
  const code = str.codePointAt(i - 2);
  return i > 1 && code >= 0x10000 ? 2 : 1;
}

function commonPrefix(strings) {
  if (strings.length === 0) return '';
  let prefix = strings[0];
  for (const s of strings) {
    let i = 0;
    while (i < prefix.length && i < s.length && prefix[i] === s[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

// --- Keys -----------------------------------------------------------------

// Final characters (and parameters) of escape sequences, to key names.
const kEscapeNames = {
  // xterm/gnome ESC [ letter, and ESC O letter
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[E': 'clear', '[F': 'end', '[H': 'home',
  OA: 'up', OB: 'down', OC: 'right', OD: 'left', OE: 'clear', OF: 'end', OH: 'home',
  OP: 'f1', OQ: 'f2', OR: 'f3', OS: 'f4',
  '[P': 'f1', '[Q': 'f2', '[R': 'f3', '[S': 'f4',
  // ESC [ number ~
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end', '[5~': 'pageup', '[6~': 'pagedown',
  '[7~': 'home', '[8~': 'end',
  '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4', '[15~': 'f5',
  '[17~': 'f6', '[18~': 'f7', '[19~': 'f8', '[20~': 'f9', '[21~': 'f10', '[23~': 'f11', '[24~': 'f12',
  '[200~': 'paste-start', '[201~': 'paste-end',
  // Linux console
  '[[A': 'f1', '[[B': 'f2', '[[C': 'f3', '[[D': 'f4', '[[E': 'f5',
  // putty
  '[[5~': 'pageup', '[[6~': 'pagedown',
  // rxvt: shift and ctrl variants
  '[a': 'up', '[b': 'down', '[c': 'right', '[d': 'left', '[e': 'clear',
  '[2$': 'insert', '[3$': 'delete', '[5$': 'pageup', '[6$': 'pagedown', '[7$': 'home', '[8$': 'end',
  Oa: 'up', Ob: 'down', Oc: 'right', Od: 'left', Oe: 'clear',
  '[2^': 'insert', '[3^': 'delete', '[5^': 'pageup', '[6^': 'pagedown', '[7^': 'home', '[8^': 'end',
  '[Z': 'tab',
};
const kShiftCodes = new Set(['[a', '[b', '[c', '[d', '[e', '[2$', '[3$', '[5$', '[6$', '[7$', '[8$', '[Z']);
const kCtrlCodes = new Set(['Oa', 'Ob', 'Oc', 'Od', 'Oe', '[2^', '[3^', '[5^', '[6^', '[7^', '[8^']);

// Reads one escape sequence after ESC at `start` ("[..." or "O..."): returns
// [code, modifier, end], or null when the input ends inside it.
function readEscapeSequence(s, start) {
  let i = start;
  const lead = s[i++];
  let code = lead;
  if (lead === 'O') {
    // SS3: an optional modifier digit, then one letter.
    let modifier = 0;
    while (i < s.length && s[i] >= '0' && s[i] <= '9') modifier = modifier * 10 + Number(s[i++]);
    if (i >= s.length) return null;
    return [`O${s[i]}`, modifier ? modifier - 1 : 0, i + 1];
  }
  if (s[i] === '[') {
    // Linux console: ESC [ [ letter
    if (i + 1 >= s.length) return null;
    return [`[[${s[i + 1]}`, 0, i + 2];
  }
  // CSI: parameters (digits and ';'), then a final character.
  const paramsStart = i;
  while (i < s.length && ((s[i] >= '0' && s[i] <= '9') || s[i] === ';')) i++;
  if (i >= s.length) return null;
  const params = s.slice(paramsStart, i).split(';');
  const final = s[i++];
  let modifier = 0;
  if (params.length > 1) {
    // ESC [ 1 ; 5 C: the second number is the modifier (+1).
    modifier = (Number(params[1]) || 1) - 1;
    code += final === '~' ? `${params[0]}~` : final;
  } else {
    code += `${params[0]}${final}`;
  }
  return [code, modifier, i];
}

// Parses as many keys as `s` holds, calling emit(sequence, key) for each
// (sequence undefined for escape sequences, as Node does). Returns how many
// characters were used: a trailing incomplete escape sequence is left.
function parseKeys(s, emit) {
  let i = 0;
  while (i < s.length) {
    const start = i;
    let ch = s[i++];
    let meta = false;
    if (ch === kEscape) {
      if (i >= s.length) return start; // a lone ESC: maybe more is coming
      if (s[i] === '[' || s[i] === 'O') {
        const seq = readEscapeSequence(s, i);
        if (seq === null) return start;
        const [code, modifier, end] = seq;
        i = end;
        emit(undefined, {
          sequence: s.slice(start, i),
          name: kEscapeNames[code] ?? 'undefined',
          ctrl: Boolean(modifier & 4) || kCtrlCodes.has(code),
          meta: Boolean(modifier & 10),
          shift: Boolean(modifier & 1) || kShiftCodes.has(code),
          code,
        });
        continue;
      }
      // ESC + key: the key with meta (ESC ESC is meta+escape).
      meta = true;
      ch = s[i++];
      if (ch === kEscape && i < s.length && (s[i] === '[' || s[i] === 'O')) {
        const seq = readEscapeSequence(s, i);
        if (seq === null) return start;
        const [code, modifier, end] = seq;
        i = end;
        emit(undefined, {
          sequence: s.slice(start, i),
          name: kEscapeNames[code] ?? 'undefined',
          ctrl: Boolean(modifier & 4),
          meta: true,
          shift: Boolean(modifier & 1),
          code,
        });
        continue;
      }
    } else if (ch >= '\uD800' && ch <= '\uDBFF' && i < s.length) {
      ch += s[i++]; // a surrogate pair is one key
    }
    emit(meta ? undefined : ch, plainKey(ch, meta, s.slice(start, i)));
  }
  return i;
}

function plainKey(ch, meta, sequence) {
  const key = { sequence, name: undefined, ctrl: false, meta, shift: false };
  if (ch === '\r') key.name = 'return';
  else if (ch === '\n') key.name = 'enter';
  else if (ch === '\t') key.name = 'tab';
  else if (ch === '\b' || ch === '\x7f') key.name = 'backspace';
  else if (ch === kEscape) key.name = 'escape';
  else if (ch === ' ') key.name = 'space';
  else if (ch <= '\x1a') {
    key.name = String.fromCharCode(ch.charCodeAt(0) + 'a'.charCodeAt(0) - 1);
    key.ctrl = true;
  } else if (/^[0-9a-z]$/.test(ch)) {
    key.name = ch;
  } else if (/^[A-Z]$/.test(ch)) {
    key.name = ch.toLowerCase();
    key.shift = true;
  }
  return key;
}

module.exports = {
  CSI,
  getStringWidth,
  charLengthAt,
  charLengthLeft,
  commonPrefix,
  parseKeys,
};
