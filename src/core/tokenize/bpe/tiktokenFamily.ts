/** tiktoken-style families (OpenAI cl100k/o200k, Mistral Tekken): one split pattern, ranks, no special tokens in text. */
import type { TokenizerId } from '../../catalog/types';
import type { Tokenizer } from '../types';
import { PieceEncoder } from './pieceEncoder';
import { codePointWidth, tiktokenScanner } from './scanners';
import { compilePattern, forEachPiece } from './split';
import { loadBpeVocab } from './vocab';
import { warmUp } from './warmUp';
import { tokenizerFrom } from './counting';
import { wordEndCuts } from './blockCuts';

/** A tokenizer over dist/vocab/<vocabName>.bpe; special-token text is encoded as plain text. */
export function loadTiktokenFamily(id: TokenizerId, vocabName: string, exact: boolean): Tokenizer {
  const vocab = loadBpeVocab(vocabName);
  if (vocab.header.kind !== 'ranks' || vocab.header.patterns.length !== 1) {
    throw new Error(`${vocabName}.bpe is not a tiktoken-style vocabulary; rebuild with "npm run build".`);
  }
  const pieces = new PieceEncoder(vocab);
  const scan = tiktokenScanner(vocab.header.patterns[0]);
  let encodeInto: (text: string, out: number[] | null) => number;
  if (scan) {
    encodeInto = (text, out) => {
      const end = text.length;
      let count = 0;
      for (let p = 0; p < end;) {
        const e = scan(text, p, end);
        if (e > p) {
          count += pieces.encode(text, p, e, out);
          p = e;
        } else {
          p += codePointWidth(text, p, end); // unmatched text is dropped, as js-tiktoken does
        }
      }
      return count;
    };
  } else {
    const pattern = compilePattern(vocab.header.patterns[0]);
    encodeInto = (text, out) => {
      let count = 0;
      forEachPiece(text, pattern, false, (start, end) => {
        count += pieces.encode(text, start, end, out);
      });
      return count;
    };
  }
  // The cut rule is proven for the known patterns only (blockCuts.ts).
  const count = (text: string) => encodeInto(text, null);
  const tokenizer = tokenizerFrom(id, exact, encodeInto, scan ? wordEndCuts(count) : undefined);
  warmUp((text) => tokenizer.count(text));
  pieces.clearCache();
  return tokenizer;
}
