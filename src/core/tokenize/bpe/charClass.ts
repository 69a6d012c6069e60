/** Unicode classes the pre-tokenizer patterns use, per code point, taken from this runtime's own RegExp engine. */

export const L = 1;
export const N = 2;
export const M = 4;
/** JavaScript \s (what js-tiktoken's patterns mean by \s). */
export const WS_JS = 8;
/** \p{White_Space} (what tokenizers.js makes of Oniguruma's \s). */
export const WS = 16;
/** [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}] */
export const UPPERISH = 32;
/** [\p{Ll}\p{Lm}\p{Lo}\p{M}] */
export const LOWERISH = 64;
export const P = 128;
export const S = 256;

const CLASSES: readonly [number, string][] = [
  [L, '\\p{L}'], [N, '\\p{N}'], [M, '\\p{M}'], [WS_JS, '\\s'], [WS, '\\p{White_Space}'],
  [UPPERISH, '[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]'], [LOWERISH, '[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]'], [P, '\\p{P}'], [S, '\\p{S}'],
];

/** Class flags of every code point, computed once with the same regular expressions the patterns use. */
export class CharClasses {
  /** Flags of each BMP code unit (lone surrogates have none). */
  readonly bmp = new Uint16Array(0x10000);
  private readonly astral = new Map<number, number>();
  private readonly testers = CLASSES.map(([flag, source]) => [flag, new RegExp(`^${source}$`, 'u')] as const);

  constructor() {
    let all = '';
    const chunk: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      chunk.push(c >= 0xd800 && c <= 0xdfff ? 0 : c);
      if (chunk.length === 4096) {
        all += String.fromCharCode(...chunk);
        chunk.length = 0;
      }
    }
    for (const [flag, source] of CLASSES) {
      const runs = new RegExp(`${source}+`, 'gu');
      for (let m = runs.exec(all); m !== null; m = runs.exec(all)) {
        for (let i = m.index; i < m.index + m[0].length; i++) this.bmp[i] |= flag;
      }
    }
    const nul = this.testers.reduce((f, [flag, re]) => (re.test('\0') ? f | flag : f), 0);
    for (let c = 0xd800; c <= 0xdfff; c++) this.bmp[c] = 0;
    if (nul !== this.bmp[0]) throw new Error('character class table is inconsistent');
  }

  /** Flags of a code point above U+FFFF. */
  astralFlags(cp: number): number {
    let flags = this.astral.get(cp);
    if (flags === undefined) {
      const ch = String.fromCodePoint(cp);
      flags = 0;
      for (const [flag, re] of this.testers) if (re.test(ch)) flags |= flag;
      if (this.astral.size > 50_000) this.astral.clear();
      this.astral.set(cp, flags);
    }
    return flags;
  }
}

let shared: CharClasses | undefined;

/** The class table, built on first use (about 10 ms) and shared by every family. */
export function charClasses(): CharClasses {
  shared ??= new CharClasses();
  return shared;
}
