/**
 * The cut rule of the byte-level BPE families (cl100k, o200k, Tekken, DeepSeek V3). A text may be cut at p
 * (a) before ASCII whitespace or an ASCII punctuation/symbol other than the apostrophe that follows a letter or
 *     number (BMP \p{L} or \p{N}), or
 * (b) after a line feed, before a letter or number (so Chinese paragraphs and unindented lines cut too).
 *
 * Why the pieces (hence the count) of X + Y are those of X then those of Y at such a cut p = X.length:
 * 1. No piece crosses p. (a) The piece holding the letter/number at p - 1 is a word (`PRE? \p{L}+`, o200k/Tekken's
 *    cased `PRE? U* W+ CONTR?`, DeepSeek's `[\p{L}\p{M}]+` and `[punct][A-Za-z]+`), a contraction, or a digit group
 *    (`\p{N}{1,3}`, `\p{N}`, DeepSeek's digit split); none of them goes on with whitespace or punctuation (PRE comes
 *    first, contractions start with the apostrophe, newline tails follow punctuation). (b) A line feed ends a
 *    whitespace piece (`\s*[\r\n]+` matches before `\s+(?!\S)` whenever the run holds a newline, and ends at its
 *    last one) or a newline tail (`[\r\n]*`, `[\r\n/]*`), and no PRE may be a newline.
 * 2. Nothing before p looks past p. The regexes have no lookbehind; what a match at q < p reads beyond its end is a
 *    run of letters (o200k's U* giving back), a whitespace run, a digit run, or one character. (a) Letter and digit
 *    runs stop at p, and a whitespace run cannot reach p across the letter at p - 1; (b) the whitespace run and the
 *    newline tail stop at the letter at p, as at the end of X, and a word cannot cross the line feed. So at p every
 *    match sees what it sees at the end of X, and every match in X alone is the match in X + Y.
 * 3. The pieces from p depend only on the text from p: each match starts where the previous one ended and reads
 *    forwards. DeepSeek's nested splits (added tokens, then digits, CJK, the main pattern, each seeing the stretch
 *    the level above left) cut at p too: no added token holds a place where this rule would cut (the characters that
 *    would be cut before inside one, such as "|" in "<|EOT|>", are excluded from the rule, and this is checked),
 *    so no added-token match crosses p and its trie walk stops there as at the end of X; digit and CJK runs start
 *    or stop at p, and each level's scan visits p as a match start or inside a gap that ends or restarts there.
 * BMP only: a surrogate has no class flags, so no cut is made next to one.
 */
import type { BlockCuts } from '../types';
import { charClasses, L, N } from './charClass';

/** True for the characters a cut may precede: ASCII whitespace, punctuation and symbols except the apostrophe. */
const mayFollowCut = (c: number) =>
  c === 32 || c === 10 || c === 9 || c === 13 || (c > 32 && c < 127 && c !== 39 && !/[0-9A-Za-z]/.test(String.fromCharCode(c)));

/** The rule above (less the `excluded` characters), counting each block with `count` (byte-level BPE has no dummy prefix, so `first` is irrelevant). */
export function wordEndCuts(count: (text: string) => number, excluded = ''): BlockCuts {
  const { bmp } = charClasses();
  const follows = new Uint8Array(128);
  for (let c = 0; c < 128; c++) follows[c] = mayFollowCut(c) && !excluded.includes(String.fromCharCode(c)) ? 1 : 0;
  return {
    isCut: (text, p) => {
      const c = text.charCodeAt(p);
      const before = text.charCodeAt(p - 1);
      if ((bmp[before] & (L | N)) !== 0) return c < 128 && follows[c] === 1;
      return before === 10 && (bmp[c] & (L | N)) !== 0 && !excluded.includes(text[p]);
    },
    countBlock: (block) => count(block),
  };
}

/** The characters the rule would cut before inside some added token (DeepSeek's "<|EOT|>": "|" after "T"). */
export function cutCharsInside(contents: readonly string[]): string {
  const cuts = wordEndCuts(() => 0);
  const found = new Set<string>();
  for (const content of contents) for (let k = 1; k < content.length; k++) if (cuts.isCut(content, k)) found.add(content[k]);
  return [...found].join('');
}

/** False when some added token holds a place where `cuts` would cut (the rule would then be unproven). */
export function addedTokensAllowCuts(contents: readonly string[], cuts: BlockCuts): boolean {
  return !contents.some((content) => {
    for (let k = 1; k < content.length; k++) if (cuts.isCut(content, k)) return true;
    return false;
  });
}
