// A log-bucketed latency histogram (about 1% resolution, 1 µs to 10 min) that merges by adding,
// so worker processes can send theirs to the coordinator as plain arrays.
const GROWTH = Math.log(1.01);
const BUCKETS = 2100; // 1.01^2100 µs ≈ 1.2e9 µs

export class Histogram {
  constructor(counts) {
    this.counts = counts ? Float64Array.from(counts) : new Float64Array(BUCKETS);
    this.n = 0;
    this.max = 0;
    this.sum = 0;
    if (counts) for (const c of counts) this.n += c;
  }

  /** Records a value in milliseconds. */
  record(ms) {
    const us = ms * 1000;
    let i = us <= 1 ? 0 : Math.ceil(Math.log(us) / GROWTH);
    if (i >= BUCKETS) i = BUCKETS - 1;
    this.counts[i]++;
    this.n++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  merge(other) {
    for (let i = 0; i < BUCKETS; i++) this.counts[i] += other.counts[i];
    this.n += other.n;
    this.sum += other.sum;
    if (other.max > this.max) this.max = other.max;
  }

  /** The value (ms) at quantile q in [0, 1]: the upper edge of its bucket, capped at the max. */
  quantile(q) {
    if (this.n === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.n));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i];
      if (seen >= rank) return Math.min(Math.exp(i * GROWTH) / 1000, this.max);
    }
    return this.max;
  }

  toJSON() {
    return { counts: Array.from(this.counts), n: this.n, max: this.max, sum: this.sum };
  }

  static fromJSON(o) {
    const h = new Histogram();
    h.counts = Float64Array.from(o.counts);
    h.n = o.n;
    h.max = o.max;
    h.sum = o.sum;
    return h;
  }
}
