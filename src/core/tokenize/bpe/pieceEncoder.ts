/** Encodes one pre-token (a slice of the text) to token ids: UTF-8 bytes, whole-token shortcut, merge, bounded cache. */
import { BytePairMerger } from './merge';
import type { BpeVocab } from './vocab';

/** Pieces longer than this many UTF-16 units are not cached. */
const CACHE_MAX_CHARS = 96;
/** The cache is emptied when it reaches this many pieces. */
const CACHE_MAX_ENTRIES = 100_000;

/** Turns pre-tokens into ids for one vocabulary; owns its scratch buffer and piece cache (not shared across threads). */
export class PieceEncoder {
  private readonly merger: BytePairMerger;
  private readonly offset: number;
  /** tiktoken semantics: a piece that is itself a token is that token, before any merging. */
  private readonly wholePieceFirst: boolean;
  private readonly maxTokenLength: number;
  private readonly cache = new Map<string, number | number[]>();
  private buf = new Uint8Array(4096);

  constructor(vocab: BpeVocab) {
    this.merger = new BytePairMerger(vocab);
    this.offset = vocab.header.idOffset;
    this.wholePieceFirst = vocab.header.kind === 'ranks';
    this.maxTokenLength = vocab.maxTokenLength;
  }

  /** Appends the ids of text[start, end) as one pre-token. */
  encode(text: string, start: number, end: number, out: number[]): void {
    const cacheable = end - start <= CACHE_MAX_CHARS;
    let key = '';
    if (cacheable) {
      key = text.slice(start, end);
      const hit = this.cache.get(key);
      if (hit !== undefined) {
        if (typeof hit === 'number') out.push(hit);
        else for (let i = 0; i < hit.length; i++) out.push(hit[i]);
        return;
      }
    }
    const n = this.toUtf8(text, start, end);
    const mark = out.length;
    const whole = this.wholePieceFirst && n <= this.maxTokenLength ? this.merger.lookup(this.buf, 0, n) : -1;
    if (whole >= 0) out.push(whole + this.offset);
    else this.merger.mergeInto(this.buf, n, out, this.offset);
    if (cacheable) {
      if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.clear();
      this.cache.set(key, out.length - mark === 1 ? out[mark] : out.slice(mark));
    }
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
