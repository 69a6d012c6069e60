/** Open-addressing hash table: (left piece id, right piece id) → merged piece id. */
import type { MergePairs } from './model';

export class PairTable {
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly merged: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  constructor(pairs: MergePairs) {
    const count = pairs.left.length;
    const bits = Math.max(4, Math.ceil(Math.log2(count * 2 + 1)));
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.left = new Int32Array(1 << bits).fill(-1);
    this.right = new Int32Array(1 << bits);
    this.merged = new Int32Array(1 << bits);
    for (let t = 0; t < count; t++) {
      const a = pairs.left[t];
      const b = pairs.right[t];
      let s = this.slot(a, b);
      while (this.left[s] !== -1) s = (s + 1) & this.mask;
      this.left[s] = a;
      this.right[s] = b;
      this.merged[s] = pairs.merged[t];
    }
  }

  private slot(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) + Math.imul(b ^ 0x5bd1e995, 0x85ebca6b)) >>> this.shift;
  }

  /** The piece that left + right concatenate to, or -1 (also for negative ids: symbols that are not pieces). */
  get(a: number, b: number): number {
    if (a < 0 || b < 0) return -1;
    const left = this.left;
    for (let s = this.slot(a, b); ; s = (s + 1) & this.mask) {
      const l = left[s];
      if (l === -1) return -1;
      if (l === a && this.right[s] === b) return this.merged[s];
    }
  }
}
