// A small seeded PRNG (sfc32 seeded through a string hash), so the same seed
// gives the same ecosystem on every machine and Node version.

function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string | number) {
    [this.a, this.b, this.c, this.d] = hashSeed(String(seed));
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Pareto-distributed weight ≥ 1 (heavy tail), capped so one node cannot take everything. */
  pareto(alpha: number, cap = 1000): number {
    return Math.min(cap, Math.pow(1 - this.next(), -1 / alpha));
  }

  /** Picks a key of `weights` with probability proportional to its value. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    let total = 0;
    for (const [, w] of entries) total += w;
    let x = this.next() * total;
    for (const [k, w] of entries) {
      x -= w;
      if (x < 0) return k;
    }
    return entries[entries.length - 1][0];
  }
}

/** Cumulative weights for O(log n) proportional sampling over many items. */
export class WeightedIndex {
  private readonly cumulative: Float64Array;
  readonly items: Int32Array;

  constructor(items: ArrayLike<number>, weightOf: (item: number) => number) {
    this.items = Int32Array.from(items);
    this.cumulative = new Float64Array(this.items.length);
    let sum = 0;
    for (let i = 0; i < this.items.length; i++) {
      sum += weightOf(this.items[i]);
      this.cumulative[i] = sum;
    }
  }

  get size(): number {
    return this.items.length;
  }

  sample(random: Random): number {
    const total = this.cumulative[this.cumulative.length - 1];
    const x = random.next() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}
