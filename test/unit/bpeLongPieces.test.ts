// Long pre-tokens (over 48 bytes) take the heap merge path: compare its ids with the references on random long pieces.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TokenizerId } from '../../src/core/catalog/types';
import { getTokenizer } from '../../src/core/tokenize/registry';
import { idMismatch } from '../fixtures/corpus/differential';
import { oracleOrSkip, type Oracle } from '../fixtures/corpus/oracles';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261127);
/** Letters and marks only, so most strings are one pre-token; repeats make many equal-rank ties. */
const UNITS = ['a', 'a', 'b', 'ab', 'aa', 'A', 'e', 'r', 'er', 'ing', 'é', 'ß', '中', '文', '中文', 'の', 'ー', 'Ж', 'ة'];
const longPiece = fc.array(fc.constantFrom(...UNITS), { minLength: 30, maxLength: 220 }).map((u) => u.join(''));

for (const id of ['openai-cl100k', 'openai-o200k', 'mistral-tekken', 'deepseek-v3'] as TokenizerId[]) {
  describe(`long pieces: ${id}`, function () {
    this.timeout(120_000);
    let oracle: Oracle;
    before(async function () {
      const loaded = await oracleOrSkip(this, id);
      oracle = loaded.oracle;
    });

    it('gives the reference ids on random long runs of letters', () => {
      const tokenizer = getTokenizer(id);
      fc.assert(
        fc.property(longPiece, (text) => {
          const mismatch = idMismatch(text, tokenizer.encode(text), oracle(text));
          assert.equal(mismatch, '', mismatch);
        }),
        { seed: SEED, numRuns: 300 },
      );
    });
  });
}
