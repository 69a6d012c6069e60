// Byte-level BPE families against their reference implementations on the shared corpus and the BPE cases, by ids.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TokenizerId } from '../../src/core/catalog/types';
import { getTokenizer } from '../../src/core/tokenize/registry';
import { corpusDir, loadCorpus, type CorpusEntry } from '../fixtures/corpus/corpus';
import { idMismatch } from '../fixtures/corpus/differential';
import { oracleOrSkip, type Oracle } from '../fixtures/corpus/oracles';

const FAMILIES: TokenizerId[] = ['openai-cl100k', 'openai-o200k', 'mistral-tekken', 'deepseek-v3'];

function bpeCases(): CorpusEntry[] {
  const file = path.join(corpusDir(), '..', 'bpe', 'cases.json');
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { cases: CorpusEntry[] };
  return parsed.cases.map((c) => ({ name: `bpe/${c.name}`, text: c.text }));
}

for (const id of FAMILIES) {
  describe(`differential: ${id} ids equal the reference on the corpus`, function () {
    this.timeout(120_000);
    let oracle: Oracle;

    before(async function () {
      const loaded = await oracleOrSkip(this, id);
      oracle = loaded.oracle;
    });

    const entries = [...loadCorpus(), ...bpeCases()];
    it('is marked exact (a family with a reference must be)', () => assert.equal(getTokenizer(id).exact, true));
    it(`has cases to compare (${entries.length})`, () => assert.ok(entries.length > 40));
    for (const { name, text } of entries) {
      it(name, () => {
        const tokenizer = getTokenizer(id);
        const ours = tokenizer.encode(text);
        const mismatch = idMismatch(text, ours, oracle(text));
        assert.equal(mismatch, '', mismatch);
        assert.equal(tokenizer.count(text), ours.length);
      });
    }
  });
}
