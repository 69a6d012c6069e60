/**
 * The BPE merge loop of sentencepiece's bpe_model.cc over one chunk: repeatedly merge the adjacent pair whose
 * concatenation is a piece with the best rank (highest score), the leftmost on ties. Symbols that are not pieces
 * carry -(code point + 1) and come out as byte pieces (<0xNN>), as with byte_fallback.
 */
import { KeyHeap } from './heap';
import type { PairTable } from './pairTable';

const DEAD = 0x7fffffff; // id slot of a symbol merged into its left neighbour
const NONE = 0x7fffffff; // rank of a pair that cannot merge
const LEFT_SPAN = 2 ** 32; // heap key = rank * LEFT_SPAN + left symbol index
/** Chunks up to this many symbols merge by scanning; longer ones use the heap (O(n log n)). */
const SCAN_MAX = 64;

/** Merges chunks of normalized text into piece ids; reuses its buffers between calls. */
export class Merger {
  private ids = new Int32Array(SCAN_MAX);
  private next = new Int32Array(SCAN_MAX);
  private prev = new Int32Array(SCAN_MAX);
  private readonly pairRank = new Int32Array(SCAN_MAX);
  private readonly pairMerged = new Int32Array(SCAN_MAX);
  private readonly heap = new KeyHeap();

  constructor(
    private readonly charIds: Int32Array,
    private readonly astralIds: ReadonlyMap<number, number>,
    private readonly byteIds: Int32Array,
    private readonly pairs: PairTable,
    private readonly rank: Int32Array,
  ) {}

  /** Appends the ids of text[start, end) to out. */
  merge(text: string, start: number, end: number, out: number[]): void {
    if (this.ids.length < end - start) this.grow(end - start);
    const ids = this.ids;
    let n = 0;
    for (let i = start; i < end; n++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00) {
        const cp = text.codePointAt(i) ?? 0;
        ids[n] = this.astralIds.get(cp) ?? -(cp + 1);
        i += 2;
      } else {
        const id = this.charIds[c];
        ids[n] = id >= 0 ? id : -(c + 1);
        i += 1;
      }
    }
    if (n <= SCAN_MAX) this.scanMerge(n, out);
    else this.heapMerge(n, out);
  }

  /** Appends the ids of one BMP character (not a surrogate) and returns how many were appended. */
  single(unit: number, out: number[] | null): number {
    const id = this.charIds[unit];
    if (id >= 0) {
      out?.push(id);
      return 1;
    }
    if (out) this.emit(-(unit + 1), out);
    return unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
  }

  private scanMerge(n: number, out: number[]): void {
    const { ids, pairRank, pairMerged } = this;
    for (let k = 0; k + 1 < n; k++) this.score(k, ids[k], ids[k + 1]);
    for (;;) {
      let best = -1;
      let bestRank = NONE;
      for (let k = 0; k + 1 < n; k++) {
        if (pairRank[k] < bestRank) {
          bestRank = pairRank[k];
          best = k;
        }
      }
      if (best < 0) break;
      ids[best] = pairMerged[best];
      for (let k = best + 1; k + 1 < n; k++) {
        ids[k] = ids[k + 1];
        pairRank[k] = pairRank[k + 1];
        pairMerged[k] = pairMerged[k + 1];
      }
      n--;
      if (best > 0) this.score(best - 1, ids[best - 1], ids[best]);
      if (best + 1 < n) this.score(best, ids[best], ids[best + 1]);
    }
    for (let k = 0; k < n; k++) this.emit(ids[k], out);
  }

  private score(k: number, a: number, b: number): void {
    const m = this.pairs.get(a, b);
    this.pairMerged[k] = m;
    this.pairRank[k] = m >= 0 ? this.rank[m] : NONE;
  }

  private heapMerge(n: number, out: number[]): void {
    const { ids, next, prev, heap, pairs, rank } = this;
    for (let k = 0; k < n; k++) {
      prev[k] = k - 1;
      next[k] = k + 1;
    }
    next[n - 1] = -1;
    heap.clear();
    for (let k = 0; k + 1 < n; k++) {
      const m = pairs.get(ids[k], ids[k + 1]);
      if (m >= 0) heap.append(rank[m] * LEFT_SPAN + k);
    }
    heap.heapify();
    while (heap.size > 0) {
      const key = heap.pop();
      const r = Math.floor(key / LEFT_SPAN);
      const left = key - r * LEFT_SPAN;
      if (ids[left] === DEAD) continue;
      const right = next[left];
      if (right < 0) continue;
      const m = pairs.get(ids[left], ids[right]);
      // Stale unless the pair now at `left` concatenates to a piece of this rank (then it is the best pair).
      if (m < 0 || rank[m] !== r) continue;
      ids[left] = m;
      ids[right] = DEAD;
      const after = next[right];
      next[left] = after;
      if (after >= 0) {
        prev[after] = left;
        const m2 = pairs.get(m, ids[after]);
        if (m2 >= 0) heap.push(rank[m2] * LEFT_SPAN + left);
      }
      const before = prev[left];
      if (before >= 0) {
        const m1 = pairs.get(ids[before], m);
        if (m1 >= 0) heap.push(rank[m1] * LEFT_SPAN + before);
      }
    }
    for (let k = 0; k >= 0; k = next[k]) this.emit(ids[k], out);
  }

  private emit(id: number, out: number[]): void {
    if (id >= 0) {
      out.push(id);
      return;
    }
    const cp = -id - 1;
    const b = this.byteIds;
    if (cp < 0x80) out.push(b[cp]);
    else if (cp < 0x800) out.push(b[0xc0 | (cp >> 6)], b[0x80 | (cp & 63)]);
    else if (cp < 0x10000) out.push(b[0xe0 | (cp >> 12)], b[0x80 | ((cp >> 6) & 63)], b[0x80 | (cp & 63)]);
    else out.push(b[0xf0 | (cp >> 18)], b[0x80 | ((cp >> 12) & 63)], b[0x80 | ((cp >> 6) & 63)], b[0x80 | (cp & 63)]);
  }

  private grow(n: number): void {
    const size = Math.max(n, this.ids.length * 2);
    this.ids = new Int32Array(size);
    this.next = new Int32Array(size);
    this.prev = new Int32Array(size);
  }
}
