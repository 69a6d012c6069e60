/**
 * The cut rule of SentencePiece BPE (engine.ts): a text may be cut before a space (or "▁") that follows any other
 * character. Why the pieces of X + Y are those of X (with the dummy prefix) then those of Y (without) at p = X.length:
 * - the engine merges chunk by chunk and always starts a chunk at such a space: it cuts before every "▁" that follows
 *   a unit that is not "▁", and after a user-defined piece a new chunk starts anyway;
 * - no user-defined piece holds a space or "▁" (checked at load), so no literal match crosses p, and a literal match
 *   attempted before p fails at p just as it fails at the end of X;
 * - from p the scan is in the state a fresh scan of Y starts in without the dummy prefix (previous unit -1, empty
 *   hash), and the dummy prefix goes only to the first chunk, which lies in X;
 * - lone surrogates are replaced one unit for one, and a space is no surrogate, so no pair is split by a cut.
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
      return (c === SPACE || c === META) && before !== SPACE && before !== META;
    },
    countBlock: (block, first) => engine.countBlock(block, first),
  };
}
