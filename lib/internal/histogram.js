'use strict';

// perf_hooks' histograms: RecordableHistogram (createHistogram) and the event loop's delay
// histogram (monitorEventLoopDelay), over an HDR histogram as Node's are: values are
// counted in buckets whose width keeps `figures` significant digits, and min, max, mean,
// stddev and percentiles are read back through the buckets, with their rounding.
//
// Values go up to Number.MAX_SAFE_INTEGER, so the bucket arithmetic is done with numbers
// (powers of two by multiplication, not shifts, which would cut at 32 bits).

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS, ERR_OUT_OF_RANGE },
  validateInteger, validateNumber, validateObject,
} = require('internal/errors');

// What an empty histogram's min reads: INT64_MAX, as a number and as a BigInt.
const kNoMin = 9223372036854775807n;

function log2Floor(value) {
  if (value < 2 ** 31) return 31 - Math.clz32(value);
  let e = Math.floor(Math.log2(value));
  if (2 ** e > value) e--;
  else if (2 ** (e + 1) <= value) e++;
  return e;
}

// An HDR histogram's counts and the layout of its buckets (HdrHistogram's bucket config).
class Hdr {
  constructor(lowest, highest, figures) {
    const largestSingleUnit = 2 * 10 ** figures;
    const subBucketCountMagnitude = Math.ceil(Math.log2(largestSingleUnit));
    this.subBucketHalfCountMagnitude = Math.max(subBucketCountMagnitude, 1) - 1;
    this.unitMagnitude = log2Floor(lowest);
    this.subBucketCount = 2 ** (this.subBucketHalfCountMagnitude + 1);
    this.subBucketHalfCount = this.subBucketCount / 2;
    // The top bit of the sub-bucket mask ((subBucketCount - 1) << unitMagnitude).
    this.maskTopBit = this.subBucketHalfCountMagnitude + this.unitMagnitude;
    let smallestUntrackable = this.subBucketCount * 2 ** this.unitMagnitude;
    let buckets = 1;
    while (smallestUntrackable <= highest) {
      smallestUntrackable *= 2;
      buckets++;
    }
    this.countsLength = (buckets + 1) * this.subBucketHalfCount;
    this.counts = new Float64Array(this.countsLength);
    this.reset();
  }

  reset() {
    this.counts.fill(0);
    this.total = 0;
    this.minValue = Infinity;
    this.maxValue = 0;
  }

  bucketIndex(value) {
    const top = value === 0 ? this.maskTopBit : Math.max(log2Floor(value), this.maskTopBit);
    return top + 1 - this.unitMagnitude - (this.subBucketHalfCountMagnitude + 1);
  }

  subBucketIndex(value, bucket) {
    return Math.floor(value / 2 ** (bucket + this.unitMagnitude));
  }

  countsIndex(value) {
    const bucket = this.bucketIndex(value);
    const sub = this.subBucketIndex(value, bucket);
    return (bucket + 1) * this.subBucketHalfCount + (sub - this.subBucketHalfCount);
  }

  valueAtIndex(index) {
    let bucket = Math.floor(index / this.subBucketHalfCount) - 1;
    let sub = (index % this.subBucketHalfCount) + this.subBucketHalfCount;
    if (bucket < 0) {
      sub -= this.subBucketHalfCount;
      bucket = 0;
    }
    return sub * 2 ** (bucket + this.unitMagnitude);
  }

  rangeSize(value) {
    const bucket = this.bucketIndex(value);
    const sub = this.subBucketIndex(value, bucket);
    return 2 ** (this.unitMagnitude + (sub >= this.subBucketCount ? bucket + 1 : bucket));
  }

  lowestEquivalent(value) {
    const bucket = this.bucketIndex(value);
    return this.subBucketIndex(value, bucket) * 2 ** (bucket + this.unitMagnitude);
  }

  highestEquivalent(value) {
    return this.lowestEquivalent(value) + this.rangeSize(value) - 1;
  }

  medianEquivalent(value) {
    return this.lowestEquivalent(value) + Math.floor(this.rangeSize(value) / 2);
  }

  // Whether `value` fit (false: past the highest trackable value).
  record(value, count) {
    if (value < 0) return false;
    const index = this.countsIndex(value);
    if (index < 0 || index >= this.countsLength) return false;
    this.counts[index] += count;
    this.total += count;
    if (value !== 0 && value < this.minValue) this.minValue = value;
    if (value > this.maxValue) this.maxValue = value;
    return true;
  }

  // Undefined for none (Node's INT64_MAX).
  min() {
    if (this.counts[0] > 0) return 0;
    return this.minValue === Infinity ? undefined : this.lowestEquivalent(this.minValue);
  }

  max() {
    return this.maxValue === 0 ? 0 : this.highestEquivalent(this.maxValue);
  }

  mean() {
    let sum = 0;
    for (let i = 0; i < this.countsLength; i++) {
      if (this.counts[i] !== 0) sum += this.counts[i] * this.medianEquivalent(this.valueAtIndex(i));
    }
    return sum / this.total;
  }

  stddev() {
    const mean = this.mean();
    let total = 0;
    for (let i = 0; i < this.countsLength; i++) {
      if (this.counts[i] !== 0) {
        const dev = this.medianEquivalent(this.valueAtIndex(i)) - mean;
        total += dev * dev * this.counts[i];
      }
    }
    return Math.sqrt(total / this.total);
  }

  valueAtPercentile(percentile) {
    const requested = Math.min(percentile, 100);
    const wanted = Math.max(Math.trunc((requested / 100) * this.total + 0.5), 1);
    let value = 0;
    let seen = 0;
    for (let i = 0; i < this.countsLength; i++) {
      seen += this.counts[i];
      if (seen >= wanted) {
        value = this.valueAtIndex(i);
        break;
      }
    }
    return this.highestEquivalent(value);
  }

  // [percentile, value] pairs as HdrHistogram's percentile iteration (one tick per half
  // distance) reports them: ever closer steps towards 100, then 100.
  percentiles() {
    const out = [];
    let index = -1;
    let cumulative = 0;
    let count = 0;
    let value = 0;
    let target = 0;
    let seenLast = false;
    const next = () => {
      if (cumulative >= this.total) return false;
      index++;
      if (index >= this.countsLength) return false;
      count = this.counts[index];
      cumulative += count;
      value = this.valueAtIndex(index);
      return true;
    };
    for (;;) {
      if (cumulative >= this.total) {
        if (seenLast) break;
        seenLast = true;
        out.push([100, value]);
        continue;
      }
      if (index === -1 && !next()) break;
      let reported = false;
      do {
        const current = (100 * cumulative) / this.total;
        if (count !== 0 && target <= current) {
          out.push([target, value]);
          const halfDistance = 2 ** (Math.trunc(Math.log(100 / (100 - target)) / Math.log(2)) + 1);
          target += 100 / halfDistance;
          reported = true;
          break;
        }
      } while (next());
      if (!reported) out.push([target, value]);
    }
    return out;
  }
}

const kHdr = Symbol('kHdr');
const kCount = Symbol('kCount');
const kExceeds = Symbol('kExceeds');
const kPrevious = Symbol('kPrevious');
const kMake = Symbol('kMake');

class Histogram {
  constructor(token, lowest, highest, figures) {
    if (token !== kMake) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kHdr] = new Hdr(lowest, highest, figures);
    this[kCount] = 0;
    this[kExceeds] = 0;
    this[kPrevious] = 0n;
  }

  get count() {
    return this[kCount];
  }

  get countBigInt() {
    return BigInt(this[kCount]);
  }

  get min() {
    const min = this[kHdr].min();
    return min === undefined ? Number(kNoMin) : min;
  }

  get minBigInt() {
    const min = this[kHdr].min();
    return min === undefined ? kNoMin : BigInt(min);
  }

  get max() {
    return this[kHdr].max();
  }

  get maxBigInt() {
    return BigInt(this[kHdr].max());
  }

  get mean() {
    return this[kHdr].mean();
  }

  get stddev() {
    return this[kHdr].stddev();
  }

  get exceeds() {
    return this[kExceeds];
  }

  get exceedsBigInt() {
    return BigInt(this[kExceeds]);
  }

  percentile(percentile) {
    validateNumber(percentile, 'percentile');
    if (!(percentile > 0 && percentile <= 100)) throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
    return this[kHdr].valueAtPercentile(percentile);
  }

  percentileBigInt(percentile) {
    return BigInt(this.percentile(percentile));
  }

  get percentiles() {
    return new Map(this[kHdr].percentiles());
  }

  get percentilesBigInt() {
    return new Map(this[kHdr].percentiles().map(([p, v]) => [p, BigInt(v)]));
  }

  reset() {
    this[kHdr].reset();
    this[kCount] = 0;
    this[kExceeds] = 0;
    this[kPrevious] = 0n;
  }

  toJSON() {
    return {
      count: this.count,
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      percentiles: Object.fromEntries(this.percentiles),
    };
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    const { min, max, mean, exceeds, stddev, count, percentiles } = this;
    return `Histogram ${inspect({ min, max, mean, exceeds, stddev, count, percentiles }, opts)}`;
  }
}

// Counts `value` (a whole number of at least 1 that the caller checked).
function record(histogram, value) {
  if (histogram[kHdr].record(value, 1)) histogram[kCount]++;
  else histogram[kExceeds]++;
}

// The time since the last call in ns, counted (nothing on the first call).
function recordDelta(histogram) {
  const now = process.hrtime.bigint();
  const previous = histogram[kPrevious];
  if (previous > 0n) record(histogram, Number(now - previous));
  histogram[kPrevious] = now;
}

class RecordableHistogram extends Histogram {
  record(val) {
    if (!(this instanceof RecordableHistogram)) throw new ERR_INVALID_THIS('RecordableHistogram');
    if (typeof val === 'bigint') {
      if (val < 1n) throw outOfRange();
      record(this, Number(val));
      return;
    }
    validateInteger(val, 'val', 1);
    record(this, val);
  }

  recordDelta() {
    if (!(this instanceof RecordableHistogram)) throw new ERR_INVALID_THIS('RecordableHistogram');
    recordDelta(this);
  }

  add(other) {
    if (!(this instanceof RecordableHistogram)) throw new ERR_INVALID_THIS('RecordableHistogram');
    if (!(other instanceof RecordableHistogram)) throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    const from = other[kHdr];
    for (let i = 0; i < from.countsLength; i++) {
      if (from.counts[i] !== 0) this[kHdr].record(from.valueAtIndex(i), from.counts[i]);
    }
    this[kCount] += other[kCount];
    this[kExceeds] += other[kExceeds];
    if (other[kPrevious] > this[kPrevious]) this[kPrevious] = other[kPrevious];
  }
}

// The error Node's native record() throws for a BigInt below 1.
function outOfRange() {
  const err = new RangeError('value is out of range');
  err.code = 'ERR_OUT_OF_RANGE';
  return err;
}

function createHistogram(options = {}) {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options;
  if (typeof lowest !== 'bigint') validateInteger(lowest, 'options.lowest', 1, Number.MAX_SAFE_INTEGER);
  if (typeof highest !== 'bigint') {
    validateInteger(highest, 'options.highest', 2 * Number(lowest), Number.MAX_SAFE_INTEGER);
  } else if (highest < 2n * BigInt(lowest)) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('options.highest', highest);
  }
  validateInteger(figures, 'options.figures', 1, 5);
  return new RecordableHistogram(kMake, Number(lowest), Number(highest), figures);
}

// The event loop's delay: every `resolution` ms an unref'd timer counts the time since its
// last tick, in ns (from 1 ms up, as Node's histogram takes them).
class ELDHistogram extends Histogram {
  #resolution;
  #timer = null;

  constructor(token, resolution) {
    super(token, 1e6, Number.MAX_SAFE_INTEGER, 3);
    this.#resolution = resolution;
  }

  enable() {
    if (this.#timer !== null) return false;
    this.#timer = setInterval(() => recordDelta(this), this.#resolution);
    this.#timer.unref();
    return true;
  }

  disable() {
    if (this.#timer === null) return false;
    clearInterval(this.#timer);
    this.#timer = null;
    this[kPrevious] = 0n;
    return true;
  }
}

function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  return new ELDHistogram(kMake, resolution);
}

module.exports = { Histogram, RecordableHistogram, createHistogram, monitorEventLoopDelay };
