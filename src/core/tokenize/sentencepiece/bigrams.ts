/**
 * The pairs of adjacent characters (BMP, no surrogates) that occur inside some piece. Between two characters
 * that never occur together in a piece no merge can ever happen, so the text may be cut there.
 */
export class BigramSet {
  private readonly keys: Uint32Array;
  private readonly mask: number;

  constructor(pieces: readonly string[]) {
    const found = new Set<number>();
    for (const piece of pieces) {
      for (let i = 1; i < piece.length; i++) {
        const a = piece.charCodeAt(i - 1);
        const b = piece.charCodeAt(i);
        if (!isSurrogate(a) && !isSurrogate(b)) found.add(((a << 16) | b) >>> 0);
      }
    }
    const size = 1 << Math.max(4, Math.ceil(Math.log2(found.size * 2 + 1)));
    this.mask = size - 1;
    this.keys = new Uint32Array(size);
    for (const key of found) {
      if (key === 0) continue;
      let s = this.slot(key);
      while (this.keys[s] !== 0) s = (s + 1) & this.mask;
      this.keys[s] = key;
    }
  }

  private slot(key: number): number {
    return (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
  }

  /** True unless a and b (UTF-16 units, not surrogates) never occur next to each other in a piece. */
  has(a: number, b: number): boolean {
    const key = ((a << 16) | b) >>> 0;
    if (key === 0) return true;
    for (let s = this.slot(key); ; s = (s + 1) & this.mask) {
      const k = this.keys[s];
      if (k === key) return true;
      if (k === 0) return false;
    }
  }
}

/** True for UTF-16 surrogate code units. */
export function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit < 0xe000;
}
