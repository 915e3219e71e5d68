'use strict';

// readline's Interface: reads lines from a Readable and, on a terminal,
// edits the current line in place (cursor keys, history, completion).
//
// Piped input ("non-terminal" mode) is split into lines at \n, \r\n and \r.
// A \r that ends one chunk may meet its \n at the start of the next; that
// \n is skipped when it comes within crlfDelay ms. Whatever follows the
// last line ending is emitted as a final line when the input ends, and the
// interface closes.
//
// InterfaceConstructor is a plain function so that readline.Interface can be
// called without `new` (and applied to another object, as old code does).

const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');

let errorsModule;
const errors = () => (errorsModule ??= require('internal/errors'));

let terminalModules;
function terminal() {
  return (terminalModules ??= {
    ...require('internal/readline/utils'),
    ...require('internal/readline/callbacks'),
    emitKeypressEvents: require('internal/readline/emitKeypressEvents'),
  });
}

const kHistorySize = 30;
const kMinCrlfDelay = 100;
const kEscapeCodeTimeout = 500;
// Lines the async iterator queues before it pauses the input.
const kIteratorHighWaterMark = 1024;

// State and helpers live under symbols rather than private names: an object
// made by calling readline.Interface without `new` gets this class's
// prototype but never runs its constructor, so it could not have them.
const kNormalWrite = Symbol('kNormalWrite');
const kTtyWrite = Symbol('kTtyWrite');
const kRefreshLine = Symbol('kRefreshLine');
const kSetRawMode = Symbol('kSetRawMode');
const kOnLine = Symbol('kOnLine');
const kWriteToOutput = Symbol('kWriteToOutput');
const kQuestion = Symbol('kQuestion');
const kQuestionCancel = Symbol('kQuestionCancel');
const kDisplayPos = Symbol('kDisplayPos');
const kInsertString = Symbol('kInsertString');
const kMoveCursor = Symbol('kMoveCursor');
const kDeleteLeft = Symbol('kDeleteLeft');
const kDeleteRight = Symbol('kDeleteRight');
const kWordLeftIndex = Symbol('kWordLeftIndex');
const kWordRightIndex = Symbol('kWordRightIndex');
const kDeleteWordLeft = Symbol('kDeleteWordLeft');
const kDeleteWordRight = Symbol('kDeleteWordRight');
const kDeleteLineLeft = Symbol('kDeleteLineLeft');
const kDeleteLineRight = Symbol('kDeleteLineRight');
const kAddHistory = Symbol('kAddHistory');
const kHistoryStep = Symbol('kHistoryStep');
const kSubmitLine = Symbol('kSubmitLine');
const kTabComplete = Symbol('kTabComplete');
const kShowCompletions = Symbol('kShowCompletions');
const kCtrlKey = Symbol('kCtrlKey');
const kMetaKey = Symbol('kMetaKey');
const kPreviousKey = Symbol('kPreviousKey');
const kDecoder = Symbol('kDecoder');
const kLineBuffer = Symbol('kLineBuffer');
const kSawReturnAt = Symbol('kSawReturnAt');
const kPrompt = Symbol('kPrompt');
const kOldPrompt = Symbol('kOldPrompt');
const kQuestionCallback = Symbol('kQuestionCallback');
const kLineIterator = Symbol('kLineIterator');
const kIteratorListener = Symbol('kIteratorListener');
const kPrevRows = Symbol('kPrevRows');
const kSubstringSearch = Symbol('kSubstringSearch');

function InterfaceConstructor(input, output, completer, terminalOption) {
  EventEmitter.call(this);
  let history;
  let historySize;
  let removeHistoryDuplicates = false;
  let crlfDelay;
  let prompt = '> ';
  let signal;
  let escapeCodeTimeout = kEscapeCodeTimeout;
  let tabSize = 8;

  if (input?.input) {
    // createInterface({ input, output, ... })
    const options = input;
    output = options.output;
    completer = options.completer;
    terminalOption = options.terminal;
    history = options.history;
    historySize = options.historySize;
    signal = options.signal;
    if (options.tabSize !== undefined) {
      errors().validateUint32(options.tabSize, 'tabSize', true);
      tabSize = options.tabSize;
    }
    removeHistoryDuplicates = options.removeHistoryDuplicates;
    if (options.prompt !== undefined) prompt = options.prompt;
    if (options.escapeCodeTimeout !== undefined) {
      if (!Number.isFinite(options.escapeCodeTimeout)) {
        // (Node reports the default here, not the value given.)
        throw new (errors().codes.ERR_INVALID_ARG_VALUE)('input.escapeCodeTimeout', escapeCodeTimeout);
      }
      escapeCodeTimeout = options.escapeCodeTimeout;
    }
    if (signal) errors().validateAbortSignal(signal, 'options.signal');
    crlfDelay = options.crlfDelay;
    input = options.input;
  }

  if (completer !== undefined && typeof completer !== 'function') {
    throw new (errors().codes.ERR_INVALID_ARG_VALUE)('completer', completer);
  }
  if (history === undefined) history = [];
  else errors().validateArray(history, 'history');
  if (historySize === undefined) historySize = kHistorySize;
  errors().validateNumber(historySize, 'historySize', 0);
  // Without an explicit choice, a TTY output makes a terminal interface.
  if (terminalOption === undefined && output != null) terminalOption = Boolean(output.isTTY);

  this.line = '';
  this.input = input;
  this.output = output;
  this.completer = completer;
  this.history = history;
  this.historySize = historySize;
  this.removeHistoryDuplicates = Boolean(removeHistoryDuplicates);
  this.crlfDelay = crlfDelay ? Math.max(kMinCrlfDelay, crlfDelay) : kMinCrlfDelay;
  this.escapeCodeTimeout = escapeCodeTimeout;
  this.tabSize = tabSize;
  this.terminal = Boolean(terminalOption);
  // (`closed` and `paused` stay undefined until the first close/pause, as in Node.)
  this[kDecoder] = new StringDecoder('utf8');
  this[kLineBuffer] = null;
  this[kSawReturnAt] = 0;
  this[kPrompt] = prompt;
  this[kOldPrompt] = prompt;
  this[kQuestionCallback] = null;
  this[kLineIterator] = undefined;
  this[kIteratorListener] = undefined;
  this[kPreviousKey] = undefined;

  const onError = (err) => this.emit('error', err);
  const onData = (data) => this[kNormalWrite](data);
  const onEnd = () => {
    if (typeof this[kLineBuffer] === 'string' && this[kLineBuffer].length > 0) this.emit('line', this[kLineBuffer]);
    this.close();
  };
  const onKeypress = (s, key) => this[kTtyWrite](s, key);
  const onTermEnd = () => {
    if (typeof this.line === 'string' && this.line.length > 0) this.emit('line', this.line);
    this.close();
  };
  const onResize = () => this[kRefreshLine]();

  input.on('error', onError);
  if (this.terminal) {
    terminal().emitKeypressEvents(input, this);
    input.on('keypress', onKeypress);
    input.on('end', onTermEnd);
    this[kSetRawMode](true);
    this.cursor = 0;
    this.historyIndex = -1;
    this[kPrevRows] = 0;
    this[kSubstringSearch] = null;
    if (output != null) output.on('resize', onResize);
  } else {
    input.on('data', onData);
    input.on('end', onEnd);
  }
  this.once('close', () => {
    input.removeListener('error', onError);
    input.removeListener('data', onData);
    input.removeListener('end', onEnd);
    input.removeListener('keypress', onKeypress);
    input.removeListener('end', onTermEnd);
    if (output != null) output.removeListener('resize', onResize);
  });

  if (signal) {
    const onAbort = () => this.close();
    if (signal.aborted) {
      process.nextTick(onAbort);
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }

  input.resume();
}
Object.setPrototypeOf(InterfaceConstructor.prototype, EventEmitter.prototype);
Object.setPrototypeOf(InterfaceConstructor, EventEmitter);

class Interface extends InterfaceConstructor {
  get columns() {
    return this.output?.columns || Infinity;
  }

  setPrompt(prompt) {
    this[kPrompt] = prompt;
  }

  getPrompt() {
    return this[kPrompt];
  }

  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal && process.env.TERM !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      this[kRefreshLine]();
    } else {
      this[kWriteToOutput](this[kPrompt]);
    }
  }

  question(query, options, cb) {
    cb = typeof options === 'function' ? options : cb;
    if (options !== null && typeof options === 'object' && options.signal) {
      const { signal } = options;
      errors().validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) return;
      const onAbort = () => this[kQuestionCancel]();
      signal.addEventListener('abort', onAbort, { once: true });
      const answer = cb;
      cb = (line) => {
        signal.removeEventListener('abort', onAbort);
        if (typeof answer === 'function') answer(line);
      };
    }
    if (typeof cb === 'function') this[kQuestion](query, cb);
  }

  [kQuestion](query, cb) {
    if (this.closed) throw new (errors().codes.ERR_USE_AFTER_CLOSE)('readline');
    if (this[kQuestionCallback]) {
      this.prompt();
      return;
    }
    this[kOldPrompt] = this[kPrompt];
    this.setPrompt(query);
    this[kQuestionCallback] = cb;
    this.prompt();
  }

  [kQuestionCancel]() {
    if (!this[kQuestionCallback]) return;
    this[kQuestionCallback] = null;
    this.setPrompt(this[kOldPrompt]);
    this.clearLine();
  }

  [kOnLine](line) {
    const cb = this[kQuestionCallback];
    if (cb) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      cb(line);
    } else if (this._events?.line !== undefined && this._events.line === this[kIteratorListener] &&
               this.emit === EventEmitter.prototype.emit) {
      // A for-await loop alone on 'line' (and emit() not replaced): call its
      // listener as emit() would, minus emit()'s cost, which is most of a
      // tight loop's after the await itself.
      this[kIteratorListener](line);
    } else {
      this.emit('line', line);
    }
  }

  [kWriteToOutput](text) {
    errors().validateString(text, 'stringToWrite');
    if (this.output != null) this.output.write(text);
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this[kSetRawMode](false);
    this.closed = true;
    this.emit('close');
  }

  pause() {
    if (this.paused) return undefined;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return undefined;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  write(data, key) {
    if (this.paused) this.resume();
    if (this.terminal) this[kTtyWrite](data, key);
    else this[kNormalWrite](data);
  }

  // Splits decoded input into lines; see the top of the file.
  [kNormalWrite](chunk) {
    if (chunk === undefined) return;
    let text = this[kDecoder].write(chunk);
    if (this[kSawReturnAt] && Date.now() - this[kSawReturnAt] <= this.crlfDelay) {
      if (text.charCodeAt(0) === 10) text = text.slice(1);
      this[kSawReturnAt] = 0;
    }
    const hasCR = text.includes('\r');
    if (!hasCR && !text.includes('\n')) {
      if (text) this[kLineBuffer] = this[kLineBuffer] ? this[kLineBuffer] + text : text;
      return;
    }
    if (this[kLineBuffer]) {
      text = this[kLineBuffer] + text;
      this[kLineBuffer] = null;
    }
    this[kSawReturnAt] = text.endsWith('\r') ? Date.now() : 0;
    let start = 0;
    if (!hasCR) {
      // The common case, \n only: no regular expression needed.
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        this[kOnLine](text.slice(start, end));
        start = end + 1;
      }
    } else {
      const ending = /\r?\n|\r(?!\n)/g;
      for (let match = ending.exec(text); match !== null; match = ending.exec(text)) {
        this[kOnLine](text.slice(start, match.index));
        start = ending.lastIndex;
      }
    }
    this[kLineBuffer] = text.slice(start);
  }

  // Lines as an async iterator (one per interface). Lines arriving faster
  // than they are taken are queued; past kIteratorHighWaterMark of them the
  // input is paused until the queue drains.
  [Symbol.asyncIterator]() {
    this[kLineIterator] ??= lineIterator(this);
    return this[kLineIterator];
  }

  // --- Terminal mode ------------------------------------------------------

  [kSetRawMode](mode) {
    const wasInRawMode = this.input.isRaw;
    if (typeof this.input.setRawMode === 'function') this.input.setRawMode(mode);
    return wasInRawMode;
  }

  clearLine() {
    this[kMoveCursor](+Infinity);
    this[kWriteToOutput]('\r\n');
    this.line = '';
    this.cursor = 0;
    this[kPrevRows] = 0;
  }

  // Rows and columns of the end of `text` as displayed (the prompt included).
  [kDisplayPos](text) {
    const { getStringWidth } = terminal();
    const columns = this.columns;
    let offset = 0;
    let rows = 0;
    for (const line of text.split(/\r?\n/)) {
      if (rows > 0 || offset > 0) {
        rows += Math.ceil(offset / columns) || 1;
        offset = 0;
      }
      offset += getStringWidth(line.replace(/\t/g, ' '.repeat(this.tabSize)));
    }
    const cols = offset % columns;
    rows += (offset - cols) / columns;
    return { cols, rows };
  }

  getCursorPos() {
    return this[kDisplayPos](this[kPrompt] + this.line.slice(0, this.cursor));
  }

  [kRefreshLine]() {
    const { cursorTo, moveCursor, clearScreenDown } = terminal();
    const text = this[kPrompt] + this.line;
    const end = this[kDisplayPos](text);
    const cursor = this.getCursorPos();
    // Back to the first row of the line, redraw it, then put the cursor back.
    if (this[kPrevRows] > 0) moveCursor(this.output, 0, -this[kPrevRows]);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    this[kWriteToOutput](text);
    // (At the end of a full row the terminal needs a character to wrap.)
    if (end.cols === 0) this[kWriteToOutput](' ');
    cursorTo(this.output, cursor.cols);
    if (end.rows > cursor.rows) moveCursor(this.output, 0, cursor.rows - end.rows);
    this[kPrevRows] = cursor.rows;
  }

  [kInsertString](text) {
    if (this.cursor < this.line.length) {
      this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
      this.cursor += text.length;
      this[kRefreshLine]();
      return;
    }
    const before = this.getCursorPos();
    this.line += text;
    this.cursor += text.length;
    const after = this.getCursorPos();
    if (before.rows < after.rows || after.cols === 0) this[kRefreshLine]();
    else this[kWriteToOutput](text);
  }

  // Moves the cursor by dx characters (Infinity: to an end of the line).
  [kMoveCursor](dx) {
    if (dx === 0) return;
    const old = this.getCursorPos();
    this.cursor = Math.max(0, Math.min(this.line.length, this.cursor + dx));
    const now = this.getCursorPos();
    if (now.rows !== old.rows) {
      this[kRefreshLine]();
    } else {
      terminal().moveCursor(this.output, now.cols - old.cols, 0);
    }
  }

  [kDeleteLeft]() {
    if (this.cursor === 0 || this.line.length === 0) return;
    const n = terminal().charLengthLeft(this.line, this.cursor);
    this.line = this.line.slice(0, this.cursor - n) + this.line.slice(this.cursor);
    this.cursor -= n;
    this[kRefreshLine]();
  }

  [kDeleteRight]() {
    if (this.cursor >= this.line.length) return;
    const n = terminal().charLengthAt(this.line, this.cursor);
    this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + n);
    this[kRefreshLine]();
  }

  [kWordLeftIndex]() {
    const leading = this.line.slice(0, this.cursor);
    const match = /(?:[^\w\s]+|\w+)\s*$/.exec(leading);
    return match === null ? 0 : match.index;
  }

  [kWordRightIndex]() {
    const trailing = this.line.slice(this.cursor);
    const match = /^(?:\s+|[^\w\s]+|\w+)\s*/.exec(trailing);
    return this.cursor + (match === null ? trailing.length : match[0].length);
  }

  [kDeleteWordLeft]() {
    if (this.cursor === 0) return;
    const start = this[kWordLeftIndex]();
    this.line = this.line.slice(0, start) + this.line.slice(this.cursor);
    this.cursor = start;
    this[kRefreshLine]();
  }

  [kDeleteWordRight]() {
    const end = this[kWordRightIndex]();
    this.line = this.line.slice(0, this.cursor) + this.line.slice(end);
    this[kRefreshLine]();
  }

  [kDeleteLineLeft]() {
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
    this[kRefreshLine]();
  }

  [kDeleteLineRight]() {
    this.line = this.line.slice(0, this.cursor);
    this[kRefreshLine]();
  }

  // Adds the current line to the history; returns the line to report
  // (a 'history' listener may have replaced the entry).
  [kAddHistory]() {
    if (this.line.length === 0) return '';
    if (this.historySize === 0 || this.line.trim().length === 0) return this.line;
    if (this.history.length === 0 || this.history[0] !== this.line) {
      if (this.removeHistoryDuplicates) {
        const at = this.history.indexOf(this.line);
        if (at !== -1) this.history.splice(at, 1);
      }
      this.history.unshift(this.line);
      if (this.history.length > this.historySize) this.history.pop();
    }
    this.historyIndex = -1;
    const line = this.history[0];
    this.emit('history', this.history);
    return line;
  }

  // Up and down walk the history, matching what was typed before the first step.
  [kHistoryStep](direction) {
    if (this.history.length === 0) return;
    this[kSubstringSearch] ??= this.line.slice(0, this.cursor);
    const search = this[kSubstringSearch];
    let index = this.historyIndex + direction;
    while (index >= 0 && index < this.history.length && !this.history[index].startsWith(search)) {
      index += direction;
    }
    if (index >= this.history.length) return;
    if (index < 0) {
      this.historyIndex = -1;
      this.line = search;
    } else {
      this.historyIndex = index;
      this.line = this.history[index];
    }
    this.cursor = this.line.length;
    this[kRefreshLine]();
  }

  [kSubmitLine]() {
    const line = this[kAddHistory]();
    this[kSubstringSearch] = null;
    this.clearLine();
    this[kOnLine](line);
  }

  // The completer gets the line up to the cursor and returns (or calls back
  // with) [completions, the substring they complete]. One completion, or a
  // longer common prefix, is inserted; otherwise a second tab in a row lists
  // them ('' entries separate groups).
  [kTabComplete](lastKeyWasTab) {
    const lineBefore = this.line.slice(0, this.cursor);
    const onCompletions = (err, result) => {
      if (err) {
        this.emit('error', err);
        return;
      }
      const [completions, completeOn] = result ?? [[], ''];
      if (!completions || completions.length === 0) return;
      if (completions.length === 1) {
        this[kInsertString](completions[0].slice(completeOn.length));
        return;
      }
      const prefix = terminal().commonPrefix(completions.filter((c) => c !== ''));
      if (prefix.startsWith(completeOn) && prefix.length > completeOn.length) {
        this[kInsertString](prefix.slice(completeOn.length));
      } else if (!completeOn.startsWith(prefix)) {
        this.line = this.line.slice(0, this.cursor - completeOn.length) + prefix + this.line.slice(this.cursor);
        this.cursor += prefix.length - completeOn.length;
        this[kRefreshLine]();
      } else if (lastKeyWasTab) {
        this[kShowCompletions](completions);
        this[kRefreshLine]();
      }
    };
    if (this.completer.length === 2) {
      this.completer(lineBefore, onCompletions);
      return;
    }
    let result;
    try {
      result = this.completer(lineBefore);
    } catch (err) {
      onCompletions(err);
      return;
    }
    if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
      result.then((value) => onCompletions(null, value), onCompletions);
    } else {
      onCompletions(null, result);
    }
  }

  // Lists completions in columns below the line.
  [kShowCompletions](completions) {
    const { getStringWidth } = terminal();
    const widths = completions.map((c) => getStringWidth(c));
    const width = Math.max(...widths) + 2;
    let perRow = Math.floor(this.columns / width) || 1;
    if (perRow === Infinity) perRow = 1;
    let text = '\r\n';
    let inRow = 0;
    let padding = 0;
    completions.forEach((completion, i) => {
      if (completion === '' || inRow === perRow) {
        text += '\r\n';
        inRow = 0;
        padding = 0;
      } else {
        text += ' '.repeat(padding);
      }
      if (completion === '') {
        text += '\r\n';
      } else {
        text += completion;
        padding = width - widths[i];
        inRow++;
      }
    });
    if (inRow !== 0) text += '\r\n\r\n';
    this[kWriteToOutput](text);
  }

  [kTtyWrite](s, key = {}) {
    const previous = this[kPreviousKey];
    this[kPreviousKey] = key;
    if (key.name !== 'up' && key.name !== 'down') this[kSubstringSearch] = null;
    if (key.ctrl && key.shift) {
      if (key.name === 'backspace') this[kDeleteLineLeft]();
      else if (key.name === 'delete') this[kDeleteLineRight]();
      return;
    }
    if (key.ctrl) {
      this[kCtrlKey](key);
      return;
    }
    if (key.meta) {
      this[kMetaKey](key);
      return;
    }
    switch (key.name) {
      case 'return':
        this[kSawReturnAt] = Date.now();
        this[kSubmitLine]();
        return;
      case 'enter':
        // The \n of a \r\n pair ends nothing.
        if (this[kSawReturnAt] === 0 || Date.now() - this[kSawReturnAt] > this.crlfDelay) this[kSubmitLine]();
        this[kSawReturnAt] = 0;
        return;
      case 'backspace':
        this[kDeleteLeft]();
        return;
      case 'delete':
        this[kDeleteRight]();
        return;
      case 'left':
        this[kMoveCursor](-terminal().charLengthLeft(this.line, this.cursor));
        return;
      case 'right':
        this[kMoveCursor](terminal().charLengthAt(this.line, this.cursor));
        return;
      case 'home':
        this[kMoveCursor](-Infinity);
        return;
      case 'end':
        this[kMoveCursor](+Infinity);
        return;
      case 'up':
        this[kHistoryStep](1);
        return;
      case 'down':
        this[kHistoryStep](-1);
        return;
      case 'tab':
        if (typeof this.completer === 'function') {
          this[kTabComplete](previous?.name === 'tab');
          return;
        }
        break;
      default:
        break;
    }
    if (typeof s !== 'string' || s === '') return;
    // Pasted text may hold line breaks: each ends a line.
    const parts = s.split(/\r\n|\n|\r/);
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) this[kSubmitLine]();
      if (parts[i]) this[kInsertString](parts[i]);
    }
  }

  [kCtrlKey](key) {
    const { cursorTo, clearScreenDown } = terminal();
    switch (key.name) {
      case 'c':
        if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
        else this.close();
        break;
      case 'h':
        this[kDeleteLeft]();
        break;
      case 'd':
        if (this.cursor === 0 && this.line.length === 0) this.close();
        else this[kDeleteRight]();
        break;
      case 'u':
        this[kDeleteLineLeft]();
        break;
      case 'k':
        this[kDeleteLineRight]();
        break;
      case 'a':
        this[kMoveCursor](-Infinity);
        break;
      case 'e':
        this[kMoveCursor](+Infinity);
        break;
      case 'b':
        this[kMoveCursor](-terminal().charLengthLeft(this.line, this.cursor));
        break;
      case 'f':
        this[kMoveCursor](terminal().charLengthAt(this.line, this.cursor));
        break;
      case 'l':
        cursorTo(this.output, 0, 0);
        clearScreenDown(this.output);
        this[kRefreshLine]();
        break;
      case 'n':
        this[kHistoryStep](-1);
        break;
      case 'p':
        this[kHistoryStep](1);
        break;
      case 'z':
        if (this.listenerCount('SIGTSTP') > 0) this.emit('SIGTSTP');
        break;
      case 'w':
      case 'backspace':
        this[kDeleteWordLeft]();
        break;
      case 'delete':
        this[kDeleteWordRight]();
        break;
      case 'left':
        this[kMoveCursor](this[kWordLeftIndex]() - this.cursor);
        break;
      case 'right':
        this[kMoveCursor](this[kWordRightIndex]() - this.cursor);
        break;
      default:
        break;
    }
  }

  [kMetaKey](key) {
    switch (key.name) {
      case 'b':
        this[kMoveCursor](this[kWordLeftIndex]() - this.cursor);
        break;
      case 'f':
        this[kMoveCursor](this[kWordRightIndex]() - this.cursor);
        break;
      case 'd':
      case 'delete':
        this[kDeleteWordRight]();
        break;
      case 'backspace':
        this[kDeleteWordLeft]();
        break;
      default:
        break;
    }
  }
}

function lineIterator(rl) {
  const queue = [];
  let waiting = null; // { resolve, reject } of a pending next()
  let ended = false;
  let failure = null;
  let pausedByUs = false;

  const onLine = (line) => {
    if (waiting !== null) {
      const { resolve } = waiting;
      waiting = null;
      resolve({ value: line, done: false });
      return;
    }
    queue.push(line);
    if (queue.length >= kIteratorHighWaterMark && !rl.paused) {
      pausedByUs = true;
      rl.pause();
    }
  };
  const onClose = () => finish(null);
  const onError = (err) => finish(err);
  function finish(err) {
    ended = true;
    failure = err;
    rl.removeListener('line', onLine);
    rl.removeListener('close', onClose);
    rl.removeListener('error', onError);
    if (waiting !== null && queue.length === 0) {
      const { resolve, reject } = waiting;
      waiting = null;
      if (err) reject(err);
      else resolve({ value: undefined, done: true });
    }
  }
  rl.on('line', onLine);
  rl.on('close', onClose);
  rl.on('error', onError);
  rl[kIteratorListener] = onLine;

  return {
    next() {
      if (queue.length > 0) {
        const value = queue.shift();
        if (pausedByUs && queue.length === 0 && !rl.closed) {
          pausedByUs = false;
          rl.resume();
        }
        return Promise.resolve({ value, done: false });
      }
      if (ended) {
        const err = failure;
        failure = null;
        return err ? Promise.reject(err) : Promise.resolve({ value: undefined, done: true });
      }
      return new Promise((resolve, reject) => { waiting = { resolve, reject }; });
    },
    // Leaving a for-await loop early stops listening, as in Node 20: the
    // interface stays open, and lines already queued are still handed out.
    return() {
      finish(null);
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err) {
      finish(null);
      return Promise.reject(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

// util.promisify(rl.question): resolves with the answer; an aborted signal
// rejects with an AbortError.
Object.defineProperty(Interface.prototype.question, Symbol.for('nodejs.util.promisify.custom'), {
  value: function question(query, options) {
    if (options === null || typeof options !== 'object') options = {};
    const { signal } = options;
    const abortError = () => new (errors().AbortError)(undefined, { cause: signal.reason });
    if (signal?.aborted) return Promise.reject(abortError());
    return new Promise((resolve, reject) => {
      let cb = resolve;
      if (signal) {
        const onAbort = () => reject(abortError());
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this.question(query, options, cb);
    });
  },
});

module.exports = {
  Interface,
  InterfaceConstructor,
  kQuestion,
  kQuestionCancel,
};
