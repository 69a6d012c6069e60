/** Regex pre-tokenization over a string, without allocating match arrays on the common path. */

/** A compiled split pattern: `sticky` matches at a position, `global` finds the next match after a gap. */
export interface SplitPattern {
  readonly sticky: RegExp;
  readonly global: RegExp;
}

/** Compiles a pattern with Unicode semantics (flags u + y / u + g). */
export function compilePattern(source: string): SplitPattern {
  return { sticky: new RegExp(source, 'uy'), global: new RegExp(source, 'ug') };
}

/**
 * Calls onPiece(start, end, matched) for every match of the pattern in text, in order; with keepGaps, also for
 * each run of unmatched text between matches (HF "Isolated" split); without, unmatched text is dropped (tiktoken).
 */
export function forEachPiece(text: string, pattern: SplitPattern, keepGaps: boolean, onPiece: (start: number, end: number) => void): void {
  const { sticky, global } = pattern;
  const length = text.length;
  let pos = 0;
  while (pos < length) {
    sticky.lastIndex = pos;
    if (sticky.test(text) && sticky.lastIndex > pos) {
      const end = sticky.lastIndex;
      onPiece(pos, end);
      pos = end;
      continue;
    }
    let from = pos;
    let m: RegExpExecArray | null;
    for (;;) {
      global.lastIndex = from;
      m = global.exec(text);
      if (m === null || m[0].length > 0) break;
      from = m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1); // empty matches isolate nothing
      if (from >= length) {
        m = null;
        break;
      }
    }
    const gapEnd = m === null ? length : m.index;
    if (keepGaps && gapEnd > pos) onPiece(pos, gapEnd);
    if (m === null) break;
    pos = gapEnd;
  }
}
