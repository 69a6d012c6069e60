/** Builds a Tokenizer from an encoder that appends ids to an array; count() reuses one scratch array. */
import type { TokenizerId } from '../../catalog/types';
import type { Tokenizer } from '../types';

/** Large scratch arrays are dropped after use rather than kept alive. */
const KEEP_SCRATCH = 1 << 16;

/** encode() returns a fresh array; count() appends into a reused one and only reads its length. */
export function tokenizerFrom(id: TokenizerId, exact: boolean, encodeInto: (text: string, out: number[]) => void): Tokenizer {
  let scratch: number[] = [];
  return {
    id,
    exact,
    encode: (text) => {
      const out: number[] = [];
      encodeInto(text, out);
      return out;
    },
    count: (text) => {
      scratch.length = 0;
      encodeInto(text, scratch);
      const n = scratch.length;
      if (n > KEEP_SCRATCH) scratch = [];
      return n;
    },
  };
}
