// A small seeded PRNG (xorshift32 with a splitmix-style seed scramble), so the bench's inputs are
// the same bytes on every machine and every run.

export class Rng {
  private s: number;

  constructor(seed: number) {
    let z = (seed + 0x9e3779b9) | 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    this.s = (z ^ (z >>> 16)) | 0 || 1;
  }

  /** 32 random bits as an unsigned integer */
  u32(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x;
    return x >>> 0;
  }

  /** uniform in [0, 1) */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** integer in [lo, hi] */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** log-uniform in [lo, hi]: most values small, a long tail, like real file sizes */
  logUniform(lo: number, hi: number): number {
    return Math.round(lo * Math.pow(hi / lo, this.next()));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}
