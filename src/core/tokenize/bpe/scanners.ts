/**
 * Hand-written matchers for the known split patterns: the same pieces as the RegExp (ordered alternation, greedy,
 * with its backtracking worked out per alternative), several times faster. scan(text, p, end) → end of the match
 * at p, or -1 when no alternative matches there; text beyond `end` is invisible (as if the string ended there).
 */
import { charClasses, L, LOWERISH, M, N, P, S, UPPERISH, WS, WS_JS, type CharClasses } from './charClass';

export type Scanner = (text: string, p: number, end: number) => number;

/** Patterns as they appear in the vocabulary headers. */
export const CL100K_PATTERN =
  "('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const UW = '[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]';
const LW = '[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]';
const CONTRACTIONS = "('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)";
const PRE = '[^\\r\\n\\p{L}\\p{N}]?';
export const O200K_PATTERN = `${PRE}${UW}*${LW}+${CONTRACTIONS}?|${PRE}${UW}+${LW}*${CONTRACTIONS}?|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+`;
export const TEKKEN_PATTERN = `${PRE}${UW}*${LW}+|${PRE}${UW}+${LW}*|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+`;
export const DEEPSEEK_PATTERNS = [
  '\\p{N}{1,3}',
  '[一-龥぀-ゟ゠-ヿ]+',
  '[!"#$%&\'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\\r\\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+| ?[\\p{P}\\p{S}]+[\\r\\n]*|\\p{White_Space}*[\\r\\n]+|\\p{White_Space}+(?!\\P{White_Space})|\\p{White_Space}+',
];

/** (flags << 2) | width of the code point at i; a lone surrogate has no flags. */
function at(cc: CharClasses, text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return (cc.bmp[c] << 2) | 1;
  if (i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (cc.astralFlags(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) << 2) | 2;
  }
  return 1;
}

/** End of the run of code points from i having some flag in `mask` (or, with negate, none). */
function run(cc: CharClasses, text: string, i: number, end: number, mask: number, negate: boolean): number {
  while (i < end) {
    const fw = at(cc, text, i, end);
    if ((((fw >> 2) & mask) === 0) !== negate) break;
    i += fw & 3;
  }
  return i;
}

/** Length of a contraction ('s 't 're 've 'm 'll 'd, ASCII case-insensitive) at i, else 0. */
function contraction(text: string, i: number, end: number): number {
  if (i + 1 >= end || text.charCodeAt(i) !== 39) return 0;
  const c1 = text.charCodeAt(i + 1) | 0x20;
  if (c1 === 0x73 || c1 === 0x74 || c1 === 0x6d || c1 === 0x64) return 2;
  if (i + 2 >= end) return 0;
  const c2 = text.charCodeAt(i + 2) | 0x20;
  if (((c1 === 0x72 || c1 === 0x76) && c2 === 0x65) || (c1 === 0x6c && c2 === 0x6c)) return 3;
  return 0;
}

/** `\s*[\r\n]+|\s+(?!\S)|\s+` at p (p is whitespace of class wsMask), else -1. */
function whitespace(cc: CharClasses, text: string, p: number, end: number, wsMask: number): number {
  let q = p;
  let lastNewline = -1;
  while (q < end) {
    const c = text.charCodeAt(q);
    if (c === 10 || c === 13) {
      lastNewline = q++;
      continue;
    }
    if ((cc.bmp[c] & wsMask) === 0) break; // every whitespace character is in the BMP; surrogates have no flags
    q++;
  }
  if (lastNewline >= 0) return lastNewline + 1;
  if (q >= end || q - p < 2) return q;
  return q - 1;
}

/** Trailing `[\r\n]*` (with slash, `[\r\n/]*`). */
function newlineTail(text: string, q: number, end: number, slash: boolean): number {
  for (; q < end; q++) {
    const c = text.charCodeAt(q);
    if (c !== 10 && c !== 13 && !(slash && c === 47)) break;
  }
  return q;
}

interface TiktokenShape {
  /** cl100k: contractions first and \p{L}+ words; otherwise o200k-style cased words with optional contraction suffix. */
  readonly cl100k: boolean;
  readonly contractions: boolean;
  readonly maxDigits: number;
  readonly slashTail: boolean;
}

const SHAPES = new Map<string, TiktokenShape>([
  [CL100K_PATTERN, { cl100k: true, contractions: true, maxDigits: 3, slashTail: false }],
  [O200K_PATTERN, { cl100k: false, contractions: true, maxDigits: 3, slashTail: true }],
  [TEKKEN_PATTERN, { cl100k: false, contractions: false, maxDigits: 1, slashTail: true }],
]);

/** o200k-style word `PRE? U* W+ | PRE? U+ W*` starting exactly at s, or -1. */
function casedWord(cc: CharClasses, text: string, s: number, end: number, upperFirst: boolean): number {
  let q = s;
  let lastLowerEnd = -1;
  while (q < end) {
    const fw = at(cc, text, q, end);
    if (((fw >> 2) & UPPERISH) === 0) break;
    q += fw & 3;
    if ((fw >> 2) & LOWERISH) lastLowerEnd = q;
  }
  if (upperFirst) return q > s ? run(cc, text, q, end, LOWERISH, false) : -1;
  if (q < end && (at(cc, text, q, end) >> 2) & LOWERISH) return run(cc, text, q, end, LOWERISH, false);
  return lastLowerEnd; // U* gives back up to its last character that is also in W
}

/** A matcher for a js-tiktoken pattern this file knows, else undefined. */
export function tiktokenScanner(pattern: string): Scanner | undefined {
  const shape = SHAPES.get(pattern);
  if (!shape) return undefined;
  const cc = charClasses();
  const { cl100k, contractions, maxDigits, slashTail } = shape;
  const punct = L | N | WS_JS;
  return (text, p, end) => {
    const c = text.charCodeAt(p);
    if (cl100k) {
      const k = contraction(text, p, end);
      if (k > 0) return p + k;
    }
    const fw0 = at(cc, text, p, end);
    const f0 = fw0 >> 2;
    const w0 = fw0 & 3;
    const prefixable = (f0 & (L | N)) === 0 && c !== 10 && c !== 13;
    if (cl100k) {
      if (prefixable && p + w0 < end && (at(cc, text, p + w0, end) >> 2) & L) return run(cc, text, p + w0, end, L, false);
      if (f0 & L) return run(cc, text, p, end, L, false);
    } else {
      // ASCII fast path: [A-Z]*[a-z]+ followed by end or ASCII is exactly what U*W+ matches there.
      const s0 = prefixable ? p + w0 : p;
      let q = s0;
      while (q < end && (text.charCodeAt(q) - 65) >>> 0 < 26) q++;
      const lowerStart = q;
      while (q < end && (text.charCodeAt(q) - 97) >>> 0 < 26) q++;
      if (q > lowerStart && (q === end || text.charCodeAt(q) < 0x80)) return contractions ? q + contraction(text, q, end) : q;
      const prefixed = prefixable && p + w0 < end;
      let e = prefixed ? casedWord(cc, text, p + w0, end, false) : -1;
      if (e < 0) e = casedWord(cc, text, p, end, false);
      if (e < 0 && prefixed) e = casedWord(cc, text, p + w0, end, true);
      if (e < 0) e = casedWord(cc, text, p, end, true);
      if (e >= 0) return contractions ? e + contraction(text, e, end) : e;
    }
    if (f0 & N) {
      let q = p + w0;
      for (let d = 1; d < maxDigits && q < end; d++) {
        const fw = at(cc, text, q, end);
        if (((fw >> 2) & N) === 0) break;
        q += fw & 3;
      }
      return q;
    }
    if (c === 32 && p + 1 < end && ((at(cc, text, p + 1, end) >> 2) & punct) === 0) {
      return newlineTail(text, run(cc, text, p + 1, end, punct, true), end, slashTail);
    }
    if ((f0 & punct) === 0) return newlineTail(text, run(cc, text, p, end, punct, true), end, slashTail);
    if (f0 & WS_JS) return whitespace(cc, text, p, end, WS_JS);
    return -1;
  };
}

const isAsciiLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isAsciiPunct = (c: number) =>
  (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
const isDeepSeekCjk = (c: number) => (c >= 0x4e00 && c <= 0x9fa5) || (c >= 0x3040 && c <= 0x30ff);

/** Matchers for DeepSeek's three Split patterns, if the header holds exactly the known ones. */
export function deepseekScanners(patterns: readonly string[]): [Scanner, Scanner, Scanner] | undefined {
  if (patterns.length !== 3 || patterns.some((p, i) => p !== DEEPSEEK_PATTERNS[i])) return undefined;
  const cc = charClasses();
  const digits: Scanner = (text, p, end) => {
    let q = p;
    for (let d = 0; d < 3 && q < end; d++) {
      const fw = at(cc, text, q, end);
      if (((fw >> 2) & N) === 0) break;
      q += fw & 3;
    }
    return q > p ? q : -1;
  };
  const cjk: Scanner = (text, p, end) => {
    let q = p;
    while (q < end && isDeepSeekCjk(text.charCodeAt(q))) q++;
    return q > p ? q : -1;
  };
  const main: Scanner = (text, p, end) => {
    const c = text.charCodeAt(p);
    if (isAsciiPunct(c) && p + 1 < end && isAsciiLetter(text.charCodeAt(p + 1))) {
      let q = p + 2;
      while (q < end && isAsciiLetter(text.charCodeAt(q))) q++;
      return q;
    }
    const fw0 = at(cc, text, p, end);
    const f0 = fw0 >> 2;
    const w0 = fw0 & 3;
    if ((f0 & (L | P | S)) === 0 && c !== 10 && c !== 13 && p + w0 < end && (at(cc, text, p + w0, end) >> 2) & (L | M)) {
      return run(cc, text, p + w0, end, L | M, false);
    }
    if (f0 & (L | M)) return run(cc, text, p, end, L | M, false);
    if (c === 32 && p + 1 < end && (at(cc, text, p + 1, end) >> 2) & (P | S)) {
      return newlineTail(text, run(cc, text, p + 1, end, P | S, false), end, false);
    }
    if (f0 & (P | S)) return newlineTail(text, run(cc, text, p, end, P | S, false), end, false);
    if (f0 & WS) return whitespace(cc, text, p, end, WS);
    return -1;
  };
  return [digits, cjk, main];
}

/** Width (1 or 2) of the code point at i, within end. */
export function codePointWidth(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Calls onPiece for each match of scan over [start, end), and (with keepGaps) for each unmatched stretch. */
export function scanPieces(
  text: string,
  start: number,
  end: number,
  scan: Scanner,
  keepGaps: boolean,
  onPiece: (start: number, end: number) => void,
): void {
  let gap = start;
  let p = start;
  while (p < end) {
    const e = scan(text, p, end);
    if (e > p) {
      if (keepGaps && gap < p) onPiece(gap, p);
      onPiece(p, e);
      p = gap = e;
    } else {
      p += codePointWidth(text, p, end);
    }
  }
  if (keepGaps && gap < end) onPiece(gap, end);
}
