/**
 * The cut rule of the byte-level BPE families (cl100k, o200k, Tekken, DeepSeek V3): a text may be cut before an
 * ASCII whitespace character (space, tab, LF, CR) that follows a BMP letter or number (\p{L} or \p{N}).
 *
 * Why the pieces (hence the count) of X + Y are those of X then those of Y at such a cut p = X.length:
 * 1. No piece crosses p. The piece holding the letter/number at p - 1 is a word (`PRE? \p{L}+`, o200k/Tekken's
 *    cased `PRE? U* W+ CONTR?`, DeepSeek's `[\p{L}\p{M}]+` and `[punct][A-Za-z]+`), a contraction, or a digit group
 *    (`\p{N}{1,3}`, `\p{N}`, DeepSeek's digit split); none of them can take a whitespace character after a letter or
 *    number (PRE comes first, contractions start with an apostrophe, newline tails follow punctuation only).
 * 2. Nothing before p looks past p. The regexes have no lookbehind; what a match at q < p reads beyond its end is a
 *    run of letters (o200k's U* giving back), a whitespace run (`\s*[\r\n]+`, `\s+(?!\S)`), a digit run, or one
 *    character. Letter and digit runs stop at the whitespace at p; a whitespace run cannot reach p across the
 *    letter at p - 1. At p itself they all see "not a letter, number, apostrophe", the same answer as at the end of
 *    X, so every match in X alone is the match in X + Y.
 * 3. The pieces from p depend only on the text from p: each match starts where the previous one ended and reads
 *    forwards. DeepSeek's nested splits (added tokens, then digits, CJK, the main pattern, each seeing the stretch
 *    the level above left) cut at p too: no added token contains ASCII whitespace (checked at load), the digit and
 *    CJK runs stop at it, and each level's scan visits p as a match start or inside a gap that ends or restarts there.
 * BMP only: a lone or paired surrogate at p - 1 has no class flags, so no cut is made next to one.
 */
import type { BlockCuts } from '../types';
import { charClasses, L, N } from './charClass';

/** True for the characters a cut may precede. */
const isAsciiWhitespace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** The rule above, counting each block with `count` (byte-level BPE has no dummy prefix, so `first` is irrelevant). */
export function whitespaceCuts(count: (text: string) => number): BlockCuts {
  const { bmp } = charClasses();
  return {
    isCut: (text, p) => isAsciiWhitespace(text.charCodeAt(p)) && (bmp[text.charCodeAt(p - 1)] & (L | N)) !== 0,
    countBlock: (block) => count(block),
  };
}

/** False when some added token holds a character a cut may precede (the rule would then be unproven). */
export function addedTokensAllowCuts(contents: readonly string[]): boolean {
  return !contents.some((content) => /[ \t\n\r]/.test(content));
}
