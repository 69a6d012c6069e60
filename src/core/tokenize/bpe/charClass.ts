/** Unicode classes the pre-tokenizer patterns use, per code point (dist/vocab/unicode-classes.bin). */
import { readFileSync } from 'node:fs';
import { vocabFile } from '../vocabPath';
import unicodeClasses from './unicodeClasses.json';

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

/** Class sources in bit order (unicodeClasses.json, also read by scripts/vocab/bpe-vocab.mjs to build the table). */
const CLASSES: readonly string[] = unicodeClasses;

/** Class flags of every code point, from the table built with the pattern engine's own classes at build time. */
export class CharClasses {
  /** Flags of each BMP code unit (lone surrogates have none). */
  readonly bmp = new Uint16Array(0x10000);
  private readonly runStarts: Uint32Array;
  private readonly runFlags: Uint16Array;

  constructor() {
    const file = readFileSync(vocabFile('unicode-classes.bin'));
    if (file.toString('latin1', 0, 8) !== 'LCUCL01\n') throw new Error('unicode-classes.bin is damaged; rebuild with "npm run build".');
    const headLength = file.readUInt32LE(8);
    const header = JSON.parse(file.toString('utf8', 12, 12 + headLength)) as { classes: string[]; runs: number };
    if (JSON.stringify(header.classes) !== JSON.stringify(CLASSES)) {
      throw new Error('unicode-classes.bin was built for other classes; rebuild with "npm run build".');
    }
    const at = file.byteOffset + 12 + headLength + ((4 - ((12 + headLength) % 4)) % 4);
    this.runStarts = new Uint32Array(file.buffer.slice(at, at + header.runs * 4));
    this.runFlags = new Uint16Array(file.buffer.slice(at + header.runs * 4, at + header.runs * 6));
    for (let r = 0; r < header.runs && this.runStarts[r] < 0x10000; r++) {
      const stop = r + 1 < header.runs ? Math.min(this.runStarts[r + 1], 0x10000) : 0x10000;
      this.bmp.fill(this.runFlags[r], this.runStarts[r], stop);
    }
  }

  /** Flags of a code point above U+FFFF. */
  astralFlags(cp: number): number {
    let lo = 0;
    let hi = this.runStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.runStarts[mid] <= cp) lo = mid;
      else hi = mid - 1;
    }
    return this.runFlags[lo];
  }
}

let shared: CharClasses | undefined;

/** The class table, read on first use and shared by every family. */
export function charClasses(): CharClasses {
  shared ??= new CharClasses();
  return shared;
}
