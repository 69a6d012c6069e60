/**
 * SentencePiece BPE encoding with the semantics of sentencepiece's bpe_model.cc and normalizer.cc:
 * identity normalization, dummy prefix "▁", spaces escaped as "▁", user-defined pieces matched as frozen
 * symbols, then repeatedly merging the adjacent pair whose concatenation is a piece with the highest score
 * (leftmost on ties), and byte fallback (<0xNN>) for symbols that are not pieces.
 * Merging runs on a heap with lazy invalidation: O(n log n) for any input.
 */
import { KeyHeap } from './heap';
import { mergePairs, scoreRanks } from './merges';
import { PieceType, type SpModel } from './model';

const META = 0x2581; // "▁"
const DEAD = -2; // a symbol merged into its left neighbour
const LEFT_SPAN = 2 ** 32; // heap key = rank * LEFT_SPAN + left symbol index
const CACHE_MAX_ENTRIES = 1 << 15;
const CACHE_MAX_CHUNK = 48;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

interface Literal {
  readonly text: string;
  readonly id: number;
}

/** Encodes text to piece ids (no BOS/EOS) with one SentencePiece BPE model. */
export class SentencePieceBpe {
  private readonly charIds = new Int32Array(0x10000).fill(-1);
  private readonly astralIds = new Map<number, number>();
  private readonly byteIds = new Int32Array(256).fill(-1);
  private readonly rank: Int32Array;
  private readonly pairLeft: Int32Array;
  private readonly pairRight: Int32Array;
  private readonly pairMerged: Int32Array;
  private readonly pairShift: number;
  private readonly literals: Literal[];
  private readonly literalStart = new Uint8Array(0x10000);
  private readonly addDummyPrefix: boolean;
  private readonly cache = new Map<string, number[]>();
  private readonly heap = new KeyHeap();
  private ids = new Int32Array(256);
  private next = new Int32Array(256);
  private prev = new Int32Array(256);
  private starts = new Int32Array(256);

  constructor(model: SpModel) {
    if (model.removeExtraWhitespaces || !model.escapeWhitespaces || !model.byteFallback) {
      throw new Error('SentencePiece model uses normalizer options this engine does not implement');
    }
    this.addDummyPrefix = model.addDummyPrefix;
    const { pieces, types } = model;
    const literals: Literal[] = [];
    for (let id = 0; id < pieces.length; id++) {
      const type = types[id];
      if (type === PieceType.unused) throw new Error('SentencePiece models with unused pieces are not supported');
      if (type === PieceType.byte) this.byteIds[Number.parseInt(pieces[id].slice(3, 5), 16)] = id;
      if (type !== PieceType.normal && type !== PieceType.userDefined) continue;
      if (type === PieceType.userDefined) literals.push({ text: pieces[id], id });
      const cp = pieces[id].codePointAt(0) ?? 0;
      if (pieces[id].length === (cp > 0xffff ? 2 : 1)) {
        if (cp > 0xffff) this.astralIds.set(cp, id);
        else this.charIds[cp] = id;
      }
    }
    if (this.byteIds.includes(-1)) throw new Error('SentencePiece model lacks some of the 256 byte pieces');
    literals.sort((a, b) => b.text.length - a.text.length);
    for (const l of literals) this.literalStart[l.text.charCodeAt(0)] = 1;
    this.literals = literals;
    this.rank = scoreRanks(model);

    const pairs = model.pairs ?? mergePairs(model);
    const count = pairs.left.length;
    const bits = Math.max(4, Math.ceil(Math.log2(count * 2 + 1)));
    this.pairShift = 32 - bits;
    this.pairLeft = new Int32Array(1 << bits).fill(-1);
    this.pairRight = new Int32Array(1 << bits);
    this.pairMerged = new Int32Array(1 << bits);
    const mask = (1 << bits) - 1;
    for (let t = 0; t < count; t++) {
      const a = pairs.left[t];
      const b = pairs.right[t];
      let slot = this.slot(a, b);
      while (this.pairLeft[slot] !== -1) slot = (slot + 1) & mask;
      this.pairLeft[slot] = a;
      this.pairRight[slot] = b;
      this.pairMerged[slot] = pairs.merged[t];
    }
  }

  /** Piece ids of raw text, without BOS; lone surrogates count as U+FFFD, as UTF-8 encoding makes them. */
  encode(text: string): number[] {
    const out: number[] = [];
    if (text.length === 0) return out;
    let norm = /[\ud800-\udfff]/.test(text) ? text.replace(LONE_SURROGATE, '\ufffd') : text;
    norm = norm.replaceAll(' ', '\u2581');
    if (this.addDummyPrefix) norm = '\u2581' + norm;
    const n = norm.length;
    const literalStart = this.literalStart;
    let start = 0;
    for (let i = 0; i < n; i++) {
      const c = norm.charCodeAt(i);
      if (c === META) {
        if (i > start && norm.charCodeAt(i - 1) !== META) {
          this.chunk(norm, start, i, out);
          start = i;
        }
      } else if (literalStart[c] === 1) {
        const literal = this.matchLiteral(norm, i);
        if (literal) {
          if (i > start) this.chunk(norm, start, i, out);
          out.push(literal.id);
          i += literal.text.length - 1;
          start = i + 1;
        }
      }
    }
    if (start < n) this.chunk(norm, start, n, out);
    return out;
  }

  private matchLiteral(text: string, at: number): Literal | undefined {
    for (const l of this.literals) if (text.startsWith(l.text, at)) return l;
    return undefined;
  }

  private slot(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) + Math.imul(b ^ 0x5bd1e995, 0x85ebca6b)) >>> this.pairShift;
  }

  private merged(a: number, b: number): number {
    if (a < 0 || b < 0) return -1;
    const mask = this.pairLeft.length - 1;
    for (let s = this.slot(a, b); ; s = (s + 1) & mask) {
      const l = this.pairLeft[s];
      if (l === -1) return -1;
      if (l === a && this.pairRight[s] === b) return this.pairMerged[s];
    }
  }

  // A chunk never merges with its neighbours: no piece has "▁" after another character.
  private chunk(text: string, start: number, end: number, out: number[]): void {
    if (end - start > CACHE_MAX_CHUNK) {
      this.merge(text, start, end, out);
      return;
    }
    const key = text.slice(start, end);
    let ids = this.cache.get(key);
    if (ids === undefined) {
      ids = [];
      this.merge(key, 0, key.length, ids);
      if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.clear();
      this.cache.set(key, ids);
    }
    for (let k = 0; k < ids.length; k++) out.push(ids[k]);
  }

  private reserve(n: number): void {
    if (this.ids.length >= n) return;
    const size = Math.max(n, this.ids.length * 2);
    this.ids = new Int32Array(size);
    this.next = new Int32Array(size);
    this.prev = new Int32Array(size);
    this.starts = new Int32Array(size);
  }

  private merge(text: string, start: number, end: number, out: number[]): void {
    this.reserve(end - start);
    const { ids, next, prev, starts, charIds, rank, heap } = this;
    let n = 0;
    for (let i = start; i < end; n++) {
      const c = text.charCodeAt(i);
      starts[n] = i;
      if (c >= 0xd800 && c < 0xdc00) {
        ids[n] = this.astralIds.get(text.codePointAt(i) ?? 0) ?? -1;
        i += 2;
      } else {
        ids[n] = charIds[c];
        i += 1;
      }
      prev[n] = n - 1;
      next[n] = n + 1;
    }
    next[n - 1] = -1;
    heap.clear();
    for (let k = 0; k + 1 < n; k++) {
      const m = this.merged(ids[k], ids[k + 1]);
      if (m >= 0) heap.push(rank[m] * LEFT_SPAN + k);
    }
    while (heap.size > 0) {
      const key = heap.pop();
      const r = Math.floor(key / LEFT_SPAN);
      const left = key - r * LEFT_SPAN;
      if (ids[left] === DEAD) continue;
      const right = next[left];
      if (right < 0) continue;
      const m = this.merged(ids[left], ids[right]);
      // Stale entry unless the pair now at `left` is the one it was pushed for (same piece, same rank).
      if (m < 0 || rank[m] !== r) continue;
      ids[left] = m;
      ids[right] = DEAD;
      const after = next[right];
      next[left] = after;
      if (after >= 0) {
        prev[after] = left;
        const m2 = this.merged(m, ids[after]);
        if (m2 >= 0) heap.push(rank[m2] * LEFT_SPAN + left);
      }
      const before = prev[left];
      if (before >= 0) {
        const m1 = this.merged(ids[before], m);
        if (m1 >= 0) heap.push(rank[m1] * LEFT_SPAN + before);
      }
    }
    for (let k = 0; k >= 0; k = next[k]) {
      if (ids[k] >= 0) out.push(ids[k]);
      else this.pushBytes(text.codePointAt(starts[k]) ?? 0, out);
    }
  }

  private pushBytes(cp: number, out: number[]): void {
    const b = this.byteIds;
    if (cp < 0x80) out.push(b[cp]);
    else if (cp < 0x800) out.push(b[0xc0 | (cp >> 6)], b[0x80 | (cp & 63)]);
    else if (cp < 0x10000) out.push(b[0xe0 | (cp >> 12)], b[0x80 | ((cp >> 6) & 63)], b[0x80 | (cp & 63)]);
    else out.push(b[0xf0 | (cp >> 18)], b[0x80 | ((cp >> 12) & 63)], b[0x80 | ((cp >> 6) & 63)], b[0x80 | (cp & 63)]);
  }
}
