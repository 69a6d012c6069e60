/** Byte-pair merging of one pre-token: lowest rank first, leftmost on ties; O(n log n) with a heap for long pieces. */
import type { BpeVocab } from './vocab';
import { hashBytes, hashPair } from './vocab';

const NONE = 0x7fffffff;
const POS = 4294967296;
/** Pieces up to this many bytes merge by rescanning a short array; longer ones use the heap. */
const SMALL = 48;

/** Merges byte pieces into token ids (without the family's id offset) using scratch buffers it owns. */
export class BytePairMerger {
  private readonly ranksKind: boolean;
  private readonly resultBase: number;
  private readonly tableMask: number;
  private readonly pairMask: number;
  private links = new Int32Array(SMALL + 1);
  private ids = new Int32Array(SMALL);
  private ranks = new Int32Array(SMALL);
  private next = new Int32Array(0);
  private prev = new Int32Array(0);
  private heap = new Float64Array(0);
  /** ranks kind: direct-mapped memo of (left id, right id) → rank of their concatenation. */
  private readonly memoLeft = new Int32Array(0x10000).fill(-1);
  private readonly memoRight = new Int32Array(0x10000);
  private readonly memoRank = new Int32Array(0x10000);
  /** ranks kind: id of each two-byte token by (first << 8 | second), else -1. */
  private readonly twoByte = new Int32Array(0x10000).fill(-1);

  constructor(private readonly vocab: BpeVocab) {
    this.ranksKind = vocab.header.kind === 'ranks';
    this.resultBase = this.ranksKind ? 0 : (vocab.header.mergeResultBase ?? 0);
    this.tableMask = vocab.table.length - 1;
    this.pairMask = vocab.pairLeft.length - 1;
    const { offsets, bytes } = vocab;
    for (let id = 0; id + 1 < offsets.length; id++) {
      if (offsets[id + 1] - offsets[id] === 2) this.twoByte[(bytes[offsets[id]] << 8) | bytes[offsets[id] + 1]] = id;
    }
  }

  /** Token id whose bytes are buf[start, end), or -1 (ranks kind only). */
  lookup(buf: Uint8Array, start: number, end: number): number {
    const len = end - start;
    if (len === 2) return this.twoByte[(buf[start] << 8) | buf[start + 1]];
    if (len > this.vocab.maxTokenLength) return -1;
    const { table, offsets, bytes } = this.vocab;
    let slot = hashBytes(buf, start, end) & this.tableMask;
    for (;;) {
      const entry = table[slot];
      if (entry === 0) return -1;
      const id = entry - 1;
      const off = offsets[id];
      if (offsets[id + 1] - off === len) {
        let i = 0;
        while (i < len && bytes[off + i] === buf[start + i]) i++;
        if (i === len) return id;
      }
      slot = (slot + 1) & this.tableMask;
    }
  }

  private pairMergeRank(left: number, right: number): number {
    const { pairLeft, pairRight, pairRank } = this.vocab;
    let slot = hashPair(left, right) & this.pairMask;
    for (;;) {
      const l = pairLeft[slot];
      if (l === -1) return NONE;
      if (l === left && pairRight[slot] === right) return pairRank[slot];
      slot = (slot + 1) & this.pairMask;
    }
  }

  /** Rank of merging the part [start, mid) (id leftId) with [mid, end) (id rightId); NONE when they do not merge. */
  private rankOf(buf: Uint8Array, start: number, end: number, leftId: number, rightId: number): number {
    if (!this.ranksKind) return this.pairMergeRank(leftId, rightId);
    if (end - start === 2) {
      const id = this.twoByte[(buf[start] << 8) | buf[start + 1]];
      return id < 0 ? NONE : id;
    }
    // A token id stands for its bytes, so (left, right) determines the concatenation: memoize the lookup.
    const slot = (Math.imul(leftId, 0x9e3779b1) ^ Math.imul(rightId, 0x85ebca6b)) >>> 16;
    if (this.memoLeft[slot] === leftId && this.memoRight[slot] === rightId) return this.memoRank[slot];
    const id = end - start > this.vocab.maxTokenLength ? -1 : this.lookup(buf, start, end);
    const rank = id < 0 ? NONE : id;
    this.memoLeft[slot] = leftId;
    this.memoRight[slot] = rightId;
    this.memoRank[slot] = rank;
    return rank;
  }

  /** Writes the token ids of buf[0, n), each plus offset, to out (room for n ids); returns how many. */
  mergeInto(buf: Uint8Array, n: number, out: Int32Array, offset: number): number {
    if (n === 1) {
      out[0] = this.vocab.byteIds[buf[0]] + offset;
      return 1;
    }
    return n <= SMALL ? this.mergeSmall(buf, n, out, offset) : this.mergeLarge(buf, n, out, offset);
  }

  private mergeSmall(buf: Uint8Array, n: number, out: Int32Array, offset: number): number {
    // Parts are a linked list indexed by their first byte; each step rescans the live parts for the lowest rank.
    const { ids, ranks, resultBase } = this;
    const next = this.links;
    const byteIds = this.vocab.byteIds;
    for (let i = 0; i < n; i++) {
      ids[i] = byteIds[buf[i]];
      next[i] = i + 1;
    }
    for (let i = 0; i < n - 1; i++) ranks[i] = this.rankOf(buf, i, i + 2, ids[i], ids[i + 1]);
    ranks[n - 1] = NONE;
    for (;;) {
      let best = NONE;
      let at = -1;
      let before = -1;
      for (let i = 0, prev = -1; i < n; prev = i, i = next[i]) {
        if (ranks[i] < best) {
          best = ranks[i];
          at = i;
          before = prev;
        }
      }
      if (at < 0) break;
      ids[at] = best + resultBase;
      const k = next[next[at]];
      next[at] = k;
      ranks[at] = k < n ? this.rankOf(buf, at, next[k], ids[at], ids[k]) : NONE;
      if (before >= 0) ranks[before] = this.rankOf(buf, before, k, ids[before], ids[at]);
    }
    let count = 0;
    for (let i = 0; i < n; i = next[i]) out[count++] = ids[i] + offset;
    return count;
  }

  private ensureLarge(n: number): void {
    if (this.next.length < n + 1) {
      const size = Math.max(n + 1, this.next.length * 2);
      this.next = new Int32Array(size);
      this.prev = new Int32Array(size);
    }
    if (this.heap.length < 3 * n) this.heap = new Float64Array(Math.max(3 * n, this.heap.length * 2));
    if (this.ids.length < n) {
      this.ids = new Int32Array(Math.max(n, this.ids.length * 2));
      this.ranks = new Int32Array(Math.max(n, this.ranks.length * 2));
    }
  }

  private mergeLarge(buf: Uint8Array, n: number, out: Int32Array, offset: number): number {
    this.ensureLarge(n);
    const { next, prev, ids, ranks, heap, resultBase } = this;
    const byteIds = this.vocab.byteIds;
    for (let i = 0; i < n; i++) {
      ids[i] = byteIds[buf[i]];
      next[i] = i + 1;
      prev[i] = i - 1;
    }
    let size = 0;
    for (let i = 0; i < n - 1; i++) {
      const r = this.rankOf(buf, i, i + 2, ids[i], ids[i + 1]);
      ranks[i] = r;
      if (r !== NONE) heap[size++] = r * POS + i;
    }
    ranks[n - 1] = NONE;
    for (let i = (size - 2) >> 2; i >= 0; i--) siftDown(heap, i, size);
    // Invariant: every live part p with ranks[p] !== NONE has an entry (ranks[p], p) in the heap.
    while (size > 0) {
      const key = heap[0];
      const rank = Math.floor(key / POS);
      const i = key - rank * POS;
      if (ranks[i] !== rank) {
        heap[0] = heap[--size];
        siftDown(heap, 0, size);
        continue;
      }
      const j = next[i];
      const k = next[j];
      ids[i] = rank + resultBase;
      ranks[j] = NONE;
      next[i] = k;
      let r = NONE;
      if (k < n) {
        prev[k] = i;
        r = this.rankOf(buf, i, next[k], ids[i], ids[k]);
      }
      ranks[i] = r;
      heap[0] = r !== NONE ? r * POS + i : heap[--size]; // the popped entry's slot takes i's new pair
      siftDown(heap, 0, size);
      const p = prev[i];
      if (p >= 0) {
        const rp = this.rankOf(buf, p, k, ids[p], ids[i]);
        if (rp !== ranks[p]) {
          ranks[p] = rp;
          if (rp !== NONE) size = siftUp(heap, size, rp * POS + p);
        }
      }
    }
    let count = 0;
    for (let i = 0; i < n; i = next[i]) out[count++] = ids[i] + offset;
    return count;
  }
}

/** 4-ary min-heap: half the depth of a binary heap. */
function siftDown(heap: Float64Array, at: number, size: number): void {
  const value = heap[at];
  for (;;) {
    const first = 4 * at + 1;
    if (first >= size) break;
    let child = first;
    let min = heap[first];
    const last = first + 4 < size ? first + 4 : size;
    for (let c = first + 1; c < last; c++) {
      if (heap[c] < min) {
        min = heap[c];
        child = c;
      }
    }
    if (min >= value) break;
    heap[at] = min;
    at = child;
  }
  heap[at] = value;
}

function siftUp(heap: Float64Array, size: number, value: number): number {
  let at = size;
  while (at > 0) {
    const parent = (at - 1) >> 2;
    if (heap[parent] <= value) break;
    heap[at] = heap[parent];
    at = parent;
  }
  heap[at] = value;
  return size + 1;
}
