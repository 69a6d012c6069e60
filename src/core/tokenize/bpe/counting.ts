/** Builds a Tokenizer from an encoder that appends ids to an array, or only counts them when given null. */
import type { TokenizerId } from '../../catalog/types';
import type { BlockCuts, Tokenizer } from '../types';

/** encode() collects the ids; count() adds up piece lengths without building an array. */
export function tokenizerFrom(
  id: TokenizerId,
  exact: boolean,
  encodeInto: (text: string, out: number[] | null) => number,
  cuts?: BlockCuts,
): Tokenizer {
  return {
    ...(cuts ? { cuts } : {}),
    id,
    exact,
    encode: (text) => {
      const out: number[] = [];
      encodeInto(text, out);
      return out;
    },
    count: (text) => encodeInto(text, null),
  };
}
