/**
 * SentencePiece BPE encoding with the semantics of sentencepiece's normalizer.cc and bpe_model.cc: identity
 * normalization, a dummy prefix "▁", spaces escaped as "▁", user-defined pieces matched as frozen symbols,
 * merging by score (merge.ts) and byte fallback. The text is cut into chunks where no merge can cross: before
 * each "▁" (or space) that follows another character, since no piece contains "▁" after another character
 * (checked when loading), and between two characters that occur side by side in no piece (bigrams.ts).
 * Chunks that repeat are served from a bounded cache.
 */
import { BigramSet, isSurrogate } from './bigrams';
import { Merger } from './merge';
import { mergePairs, scoreRanks } from './merges';
import { PieceType, type SpModel } from './model';
import { PairTable } from './pairTable';

const META = 0x2581; // "▁"
const SPACE = 0x20;
const FNV_PRIME = 0x01000193;
const CACHE_SLOTS = 1 << 15;
const CACHE_PROBES = 4;
const CACHE_MAX_CHUNK = 48;
/** Chunks up to this many code units (most words) are cached in flat typed arrays: no strings, no arrays. */
const SHORT_MAX = 24;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

interface Literal {
  readonly text: string;
  readonly id: number;
}

/** Encodes text to piece ids (no BOS/EOS) with one SentencePiece BPE model. */
export class SentencePieceBpe {
  private readonly literals: Literal[] = [];
  private readonly literalStart = new Uint8Array(0x10000);
  private readonly addDummyPrefix: boolean;
  private readonly merger: Merger;
  private readonly bigrams: BigramSet;
  private readonly cacheKeys: (string | undefined)[] = new Array<string | undefined>(CACHE_SLOTS);
  private readonly cacheIds: number[][] = new Array<number[]>(CACHE_SLOTS);
  private readonly cacheHashes = new Int32Array(CACHE_SLOTS);
  private cacheVictim = 0;
  private readonly shortMeta = new Int32Array(CACHE_SLOTS * 2); // hash, length << 16 | id count (0: empty)
  private readonly shortKeys = new Uint16Array(CACHE_SLOTS * SHORT_MAX);
  private readonly shortIds = new Uint16Array(CACHE_SLOTS * SHORT_MAX);
  private readonly shortIdsFit: boolean; // every id fits shortIds (Mistral's vocabularies have 32,768 pieces at most)
  private readonly scratch: number[] = [];
  private shortVictim = 0;

  constructor(model: SpModel) {
    if (model.removeExtraWhitespaces || !model.escapeWhitespaces || !model.byteFallback) {
      throw new Error('SentencePiece model uses normalizer options this engine does not implement');
    }
    this.addDummyPrefix = model.addDummyPrefix;
    this.shortIdsFit = model.pieces.length <= 0x10000;
    const charIds = new Int32Array(0x10000).fill(-1);
    const astralIds = new Map<number, number>();
    const byteIds = new Int32Array(256).fill(-1);
    const { pieces, types } = model;
    for (let id = 0; id < pieces.length; id++) {
      const type = types[id];
      const piece = pieces[id];
      if (type === PieceType.unused) throw new Error('SentencePiece models with unused pieces are not supported');
      if (type === PieceType.byte) byteIds[Number.parseInt(piece.slice(3, 5), 16)] = id;
      if (type !== PieceType.normal && type !== PieceType.userDefined) continue;
      if (type === PieceType.userDefined) this.literals.push({ text: piece, id });
      else if (piece.indexOf('\u2581', 1) > 0 && /[^\u2581]\u2581/u.test(piece)) {
        throw new Error(`piece ${piece} has "▁" after another character: chunking at spaces would be wrong`);
      }
      const cp = piece.codePointAt(0) ?? 0;
      if (piece.length === (cp > 0xffff ? 2 : 1)) {
        if (cp > 0xffff) astralIds.set(cp, id);
        else charIds[cp] = id;
      }
    }
    charIds[SPACE] = charIds[META];
    if (byteIds.includes(-1)) throw new Error('SentencePiece model lacks some of the 256 byte pieces');
    this.literals.sort((a, b) => b.text.length - a.text.length);
    for (const l of this.literals) this.literalStart[l.text.charCodeAt(0)] = 1;
    this.bigrams = new BigramSet(pieces.filter((_, id) => types[id] === PieceType.normal || types[id] === PieceType.userDefined));
    const pairs = new PairTable(model.pairs ?? mergePairs(model));
    this.merger = new Merger(charIds, astralIds, byteIds, pairs, Int32Array.from(model.ranks ?? scoreRanks(model)));
  }

  /** Piece ids of raw text, without BOS; lone surrogates count as U+FFFD, as UTF-8 encoding makes them. */
  encode(text: string): number[] {
    const out: number[] = [];
    this.run(text, out);
    return out;
  }

  /** Forgets every cached chunk (after the JIT warm-up, so that no figure is flattered by a warm cache). */
  clearCache(): void {
    this.cacheKeys.fill(undefined);
    this.cacheIds.fill([]);
    this.shortMeta.fill(0);
  }

  /** Number of pieces encode() would return. */
  count(text: string): number {
    return this.run(text, null);
  }

  /** Count of a block of a longer text; without `first` (the text does not begin here) no dummy prefix is added. */
  countBlock(text: string, first: boolean): number {
    return this.run(text, null, first);
  }

  /**
   * True where run() always starts a chunk, whatever comes before or after: between two characters (BMP, neither a
   * space) that occur side by side in no piece, one of them outside ASCII (the bigram cut below).
   */
  bigramCut(before: number, c: number): boolean {
    if (before === SPACE) before = META;
    if (c === SPACE || c === META || isSurrogate(c) || isSurrogate(before)) return false;
    return (c >= 0x80 || (before >= 0x80 && before !== META)) && !this.bigrams.has(before, c);
  }

  /** True if no user-defined piece holds a space or "▁", which a cut before a space relies on (blockCuts.ts). */
  literalsAllowCuts(): boolean {
    return !this.literals.some((l) => /[ \u2581]/.test(l.text));
  }

  // Scans raw text: " " is "▁" (escape_whitespaces), and the dummy prefix is prepended to the first chunk only.
  private run(raw: string, out: number[] | null, atStart = true): number {
    if (raw.length === 0) return 0;
    const text = /[\ud800-\udfff]/.test(raw) ? raw.replace(LONE_SURROGATE, '\ufffd') : raw;
    const n = text.length;
    const { literalStart, bigrams } = this;
    let total = 0;
    let start = 0;
    let first = atStart && this.addDummyPrefix;
    let prev = first ? META : -1; // previous unit, spaces as "▁"; -1 after a literal
    let hash = first ? Math.imul(META, FNV_PRIME) : 0;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c === SPACE) c = META;
      let cut: boolean;
      if (c === META) {
        cut = prev !== META && i > start;
      } else {
        if (literalStart[c] === 1) {
          const literal = this.matchLiteral(text, i);
          if (literal) {
            if (i > start || first) total += first ? this.firstChunk(text, i, hash, out) : this.chunk(text, start, i, hash, out);
            first = false;
            out?.push(literal.id);
            total++;
            i += literal.text.length - 1;
            start = i + 1;
            hash = 0;
            prev = -1;
            continue;
          }
        }
        // Outside ASCII, cut between characters that never occur side by side in a piece (CJK, mostly).
        cut =
          (c >= 0x80 || (prev >= 0x80 && prev !== META)) &&
          prev >= 0 &&
          (i > start || first) &&
          !isSurrogate(c) &&
          !isSurrogate(prev) &&
          !bigrams.has(prev, c);
      }
      if (cut) {
        if (first) total += this.firstChunk(text, i, hash, out);
        else if (i - start === 1) total += this.merger.single(text.charCodeAt(start), out);
        else total += this.chunk(text, start, i, hash, out);
        first = false;
        start = i;
        hash = 0;
      }
      hash = Math.imul(hash ^ c, FNV_PRIME);
      prev = c;
    }
    if (start < n || first) total += first ? this.firstChunk(text, n, hash, out) : this.chunk(text, start, n, hash, out);
    return total;
  }

  private firstChunk(text: string, end: number, hash: number, out: number[] | null): number {
    return this.chunk('\u2581' + text.slice(0, end), 0, end + 1, hash, out);
  }

  private matchLiteral(text: string, at: number): Literal | undefined {
    for (const l of this.literals) if (text.startsWith(l.text, at)) return l;
    return undefined;
  }

  private chunk(text: string, start: number, end: number, hash: number, out: number[] | null): number {
    const length = end - start;
    if (length > CACHE_MAX_CHUNK) {
      if (out) {
        const before = out.length;
        this.merger.merge(text, start, end, out);
        return out.length - before;
      }
      const spill: number[] = [];
      this.merger.merge(text, start, end, spill);
      return spill.length;
    }
    if (length <= SHORT_MAX && this.shortIdsFit) return this.shortChunk(text, start, length, hash, out);
    const { cacheKeys, cacheHashes } = this;
    let slot = (hash ^ (hash >>> 15)) & (CACHE_SLOTS - 1);
    for (let probe = 0; probe < CACHE_PROBES; probe++, slot = (slot + 1) & (CACHE_SLOTS - 1)) {
      const key = cacheKeys[slot];
      if (key === undefined) break;
      if (cacheHashes[slot] === hash && key.length === length && text.startsWith(key, start)) {
        return this.copyOut(this.cacheIds[slot], out);
      }
    }
    // All probed slots taken: overwrite one of them, in turn.
    if (cacheKeys[slot] !== undefined) {
      slot = (slot - CACHE_PROBES + (this.cacheVictim++ % CACHE_PROBES)) & (CACHE_SLOTS - 1);
    }
    const ids: number[] = [];
    this.merger.merge(text, start, end, ids);
    cacheKeys[slot] = text.slice(start, end);
    cacheHashes[slot] = hash;
    this.cacheIds[slot] = ids;
    return this.copyOut(ids, out);
  }

  private shortChunk(text: string, start: number, length: number, hash: number, out: number[] | null): number {
    const { shortMeta, shortKeys, shortIds } = this;
    let slot = (hash ^ (hash >>> 15)) & (CACHE_SLOTS - 1);
    for (let probe = 0; probe < CACHE_PROBES; probe++, slot = (slot + 1) & (CACHE_SLOTS - 1)) {
      const shape = shortMeta[slot * 2 + 1];
      if (shape === 0) break;
      if (shortMeta[slot * 2] !== hash || shape >>> 16 !== length) continue;
      const keyAt = slot * SHORT_MAX;
      let k = 0;
      while (k < length && shortKeys[keyAt + k] === text.charCodeAt(start + k)) k++;
      if (k < length) continue;
      const count = shape & 0xffff;
      if (out) for (let j = 0; j < count; j++) out.push(shortIds[keyAt + j]);
      return count;
    }
    const ids = this.scratch;
    ids.length = 0;
    this.merger.merge(text, start, start + length, ids);
    const count = ids.length;
    if (count <= SHORT_MAX) {
      if (shortMeta[slot * 2 + 1] !== 0) {
        slot = (slot - CACHE_PROBES + (this.shortVictim++ % CACHE_PROBES)) & (CACHE_SLOTS - 1);
      }
      const keyAt = slot * SHORT_MAX;
      for (let k = 0; k < length; k++) shortKeys[keyAt + k] = text.charCodeAt(start + k);
      for (let j = 0; j < count; j++) shortIds[keyAt + j] = ids[j];
      shortMeta[slot * 2] = hash;
      shortMeta[slot * 2 + 1] = (length << 16) | count;
    }
    return this.copyOut(ids, out);
  }

  private copyOut(ids: number[], out: number[] | null): number {
    if (out) for (let k = 0; k < ids.length; k++) out.push(ids[k]);
    return ids.length;
  }
}
