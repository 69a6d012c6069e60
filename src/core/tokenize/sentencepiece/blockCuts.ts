/**
 * The cut rule of SentencePiece BPE (engine.ts): a text may be cut (a) before a space (or "▁") that follows any
 * other character, or (b) where the engine makes its bigram cut: between two characters, one outside ASCII, that
 * occur side by side in no piece (most CJK text). Why the pieces of X + Y are those of X (with the dummy prefix)
 * then those of Y (without) at p = X.length:
 * - run() always starts a chunk at such a p: (a) it cuts before every "▁" that follows a unit that is not "▁", (b) it
 *   cuts between such characters; and after a user-defined piece a new chunk starts anyway;
 * - no user-defined piece holds a space or "▁" (checked at load), and user-defined pieces are in the bigram set,
 *   so no literal match crosses p, and a literal match attempted before p fails at p just as at the end of X;
 * - from p the scan is in the state a fresh scan of Y starts in without the dummy prefix (previous unit -1, empty
 *   hash; the first character of Y cuts nothing), and the dummy prefix goes only to the first chunk, which is in X;
 * - lone surrogates are replaced one unit for one, and no cut is made next to a surrogate, so none changes status.
 */
import type { BlockCuts } from '../types';
import type { SentencePieceBpe } from './engine';

const SPACE = 0x20;
const META = 0x2581;

/** The rule above for one engine, or undefined when its user-defined pieces rule it out. */
export function spaceCuts(engine: SentencePieceBpe): BlockCuts | undefined {
  if (!engine.literalsAllowCuts()) return undefined;
  return {
    isCut: (text, p) => {
      const c = text.charCodeAt(p);
      const before = text.charCodeAt(p - 1);
      if (c === SPACE || c === META) return before !== SPACE && before !== META;
      return engine.bigramCut(before, c);
    },
    countBlock: (block, first) => engine.countBlock(block, first),
  };
}
