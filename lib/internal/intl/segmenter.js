'use strict';
// Intl.Segmenter: graphemes, words and sentences by Unicode's rules (UAX #29, in
// crates/runtime/src/bindings/intl.rs), as segments with their index and, for words,
// whether they are word-like.

const {
  canonicalizeLocaleList, resolveLocale, supportedLocalesOf, toOptions, getOption, checkReceiver,
  defineMethods,
} = require('internal/intl/core');

const binding = internalBinding('intl');
const kService = 'Intl.Segmenter';
const states = new WeakMap();
const segmentsStates = new WeakMap();

function Segmenter(locales, options) {
  if (new.target === undefined) throw new TypeError("Constructor Intl.Segmenter requires 'new'");
  const requested = canonicalizeLocaleList(locales);
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError('Options must be an object');
  }
  options = toOptions(options);
  getOption(options, 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', kService);
  const granularity = getOption(options, 'granularity', 'string', ['grapheme', 'word', 'sentence'], 'grapheme', kService);
  states.set(this, { locale: resolveLocale(requested, []).locale, granularity });
}

defineMethods(Segmenter.prototype, {
  segment(input) {
    const s = checkReceiver(this, states, 'Intl.Segmenter.prototype.segment');
    const string = String(input);
    const segments = Object.create(SegmentsPrototype);
    segmentsStates.set(segments, { string, granularity: s.granularity, bounds: null });
    return segments;
  },

  resolvedOptions() {
    const { locale, granularity } = checkReceiver(this, states, 'Intl.Segmenter.prototype.resolvedOptions');
    return { locale, granularity };
  },
});

defineMethods(Segmenter, {
  supportedLocalesOf(locales, options) {
    return supportedLocalesOf(locales, options);
  },
});

Object.defineProperty(Segmenter.prototype, Symbol.toStringTag, { value: 'Intl.Segmenter', configurable: true });

// [start, wordLike, ...] for the whole string, computed once per Segments object.
function boundsOf(state) {
  state.bounds ??= binding.segment(state.string, state.granularity);
  return state.bounds;
}

function segmentData(state, i) {
  const bounds = boundsOf(state);
  const start = bounds[i];
  const end = i + 2 < bounds.length ? bounds[i + 2] : state.string.length;
  const data = { segment: state.string.slice(start, end), index: start, input: state.string };
  if (state.granularity === 'word') data.isWordLike = bounds[i + 1] === 1;
  return data;
}

const SegmentsPrototype = {
  containing(index) {
    const state = checkReceiver(this, segmentsStates, '%Segments.prototype%.containing');
    const n = Math.trunc(Number(index)) || 0;
    if (n < 0 || n >= state.string.length) return undefined;
    const bounds = boundsOf(state);
    let lo = 0;
    let hi = bounds.length / 2 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bounds[mid * 2] <= n) lo = mid;
      else hi = mid - 1;
    }
    return segmentData(state, lo * 2);
  },
  [Symbol.iterator]() {
    const state = checkReceiver(this, segmentsStates, '%Segments.prototype%[@@iterator]');
    const iterator = Object.create(SegmentIteratorPrototype);
    iteratorStates.set(iterator, { state, next: 0 });
    return iterator;
  },
};

const iteratorStates = new WeakMap();
const SegmentIteratorPrototype = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), {
  next: {
    configurable: true,
    writable: true,
    value: function next() {
      const it = checkReceiver(this, iteratorStates, '%SegmentIterator.prototype%.next');
      if (it.next >= boundsOf(it.state).length) return { value: undefined, done: true };
      const value = segmentData(it.state, it.next);
      it.next += 2;
      return { value, done: false };
    },
  },
  [Symbol.toStringTag]: { configurable: true, value: 'Segmenter String Iterator' },
});

module.exports = { Segmenter };
