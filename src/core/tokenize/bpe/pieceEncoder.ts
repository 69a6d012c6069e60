/** Encodes one pre-token (a slice of the text) to token ids: UTF-8 bytes, whole-token shortcut, merge, bounded cache. */
import { BytePairMerger } from './merge';
import type { BpeVocab } from './vocab';

/** Pieces longer than this many UTF-16 units are not cached. */
const CACHE_MAX_CHARS = 64;
const CACHE_SLOTS = 1 << 17;
/** The cache is emptied when it holds this many pieces or its pools fill up. */
const CACHE_MAX_ENTRIES = CACHE_SLOTS >> 1;
const KEY_POOL = 1 << 20;
const ID_POOL = 1 << 19;

/** Turns pre-tokens into ids for one vocabulary; owns its scratch buffer and piece cache (not shared across threads). */
export class PieceEncoder {
  private readonly merger: BytePairMerger;
  private readonly offset: number;
  /** tiktoken semantics: a piece that is itself a token is that token, before any merging. */
  private readonly wholePieceFirst: boolean;
  private readonly maxTokenLength: number;
  private buf = new Uint8Array(4096);
  /** Ids of the piece being encoded. */
  private pieceIds = new Int32Array(4096);
  // Piece cache: open addressing over (hash, key characters) → ids, in typed pools; no strings are built.
  private readonly slotHash = new Int32Array(CACHE_SLOTS);
  private readonly slotKey = new Int32Array(CACHE_SLOTS).fill(-1);
  private readonly slotKeyLength = new Int32Array(CACHE_SLOTS);
  private readonly slotIds = new Int32Array(CACHE_SLOTS);
  private readonly slotIdCount = new Int32Array(CACHE_SLOTS);
  private readonly keys = new Uint16Array(KEY_POOL);
  private readonly ids = new Int32Array(ID_POOL);
  private keysUsed = 0;
  private idsUsed = 0;
  private entries = 0;

  constructor(vocab: BpeVocab) {
    this.merger = new BytePairMerger(vocab);
    this.offset = vocab.header.idOffset;
    this.wholePieceFirst = vocab.header.kind === 'ranks';
    this.maxTokenLength = vocab.maxTokenLength;
  }

  /** Appends the ids of text[start, end) as one pre-token to out (when given); returns how many ids it has. */
  encode(text: string, start: number, end: number, out: number[] | null): number {
    const len = end - start;
    if (len > CACHE_MAX_CHARS) {
      const count = this.encodeUncached(text, start, end);
      if (out !== null) for (let j = 0; j < count; j++) out.push(this.pieceIds[j]);
      return count;
    }
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const mask = CACHE_SLOTS - 1;
    let slot = h & mask;
    for (;;) {
      const key = this.slotKey[slot];
      if (key < 0) break;
      if (this.slotHash[slot] === h && this.slotKeyLength[slot] === len) {
        const keys = this.keys;
        let i = 0;
        while (i < len && keys[key + i] === text.charCodeAt(start + i)) i++;
        if (i === len) {
          const count = this.slotIdCount[slot];
          if (out !== null) {
            const ids = this.ids;
            for (let j = this.slotIds[slot], stop = j + count; j < stop; j++) out.push(ids[j]);
          }
          return count;
        }
      }
      slot = (slot + 1) & mask;
    }
    const count = this.encodeUncached(text, start, end);
    const pieceIds = this.pieceIds;
    if (out !== null) for (let j = 0; j < count; j++) out.push(pieceIds[j]);
    if (this.entries >= CACHE_MAX_ENTRIES || this.keysUsed + len > KEY_POOL || this.idsUsed + count > ID_POOL) {
      this.clearCache();
      slot = h & mask;
    }
    this.slotHash[slot] = h;
    this.slotKey[slot] = this.keysUsed;
    this.slotKeyLength[slot] = len;
    this.slotIds[slot] = this.idsUsed;
    this.slotIdCount[slot] = count;
    for (let i = 0; i < len; i++) this.keys[this.keysUsed + i] = text.charCodeAt(start + i);
    this.ids.set(pieceIds.subarray(0, count), this.idsUsed);
    this.keysUsed += len;
    this.idsUsed += count;
    this.entries++;
    return count;
  }

  /** Forgets every cached piece. */
  clearCache(): void {
    this.slotKey.fill(-1);
    this.entries = this.keysUsed = this.idsUsed = 0;
  }

  /** Encodes text[start, end) into pieceIds; returns the id count. */
  private encodeUncached(text: string, start: number, end: number): number {
    const n = this.toUtf8(text, start, end);
    if (this.pieceIds.length < n) this.pieceIds = new Int32Array(n + 16);
    const whole = this.wholePieceFirst && n <= this.maxTokenLength ? this.merger.lookup(this.buf, 0, n) : -1;
    if (whole >= 0) {
      this.pieceIds[0] = whole + this.offset;
      return 1;
    }
    return this.merger.mergeInto(this.buf, n, this.pieceIds, this.offset);
  }

  /** Writes text[start, end) as UTF-8 into buf (lone surrogates as U+FFFD, like TextEncoder); returns the byte count. */
  private toUtf8(text: string, start: number, end: number): number {
    if (this.buf.length < 3 * (end - start)) this.buf = new Uint8Array(3 * (end - start) + 16);
    const buf = this.buf;
    let n = 0;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        buf[n++] = c;
      } else if (c < 0x800) {
        buf[n++] = 0xc0 | (c >> 6);
        buf[n++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < end ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          buf[n++] = 0xf0 | (c >> 18);
          buf[n++] = 0x80 | ((c >> 12) & 0x3f);
          buf[n++] = 0x80 | ((c >> 6) & 0x3f);
          buf[n++] = 0x80 | (c & 0x3f);
        } else {
          buf[n++] = 0xef;
          buf[n++] = 0xbf;
          buf[n++] = 0xbd;
        }
      } else {
        buf[n++] = 0xe0 | (c >> 12);
        buf[n++] = 0x80 | ((c >> 6) & 0x3f);
        buf[n++] = 0x80 | (c & 0x3f);
      }
    }
    return n;
  }
}
