// SentencePiece engine checks that need no reference files: ids recorded from sentencepiece itself
// (test/fixtures/sp/expected.json, made by generate.mjs), and a plain reference implementation on random strings.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { loadSentencePiece, readSentencePieceModel, type SentencePieceVersion } from '../../src/core/tokenize/sentencepiece/loader';
import { decodeSpModel } from '../../src/core/tokenize/sentencepiece/model';
import { textArbitraries } from '../fixtures/corpus/arbitraries';
import { corpusDir, loadCorpus } from '../fixtures/corpus/corpus';
import { naiveEncode } from '../fixtures/sp/naiveBpe';

interface RecordedCase {
  name: string;
  text: string;
  ids: Record<SentencePieceVersion, number[]>;
}

const VERSIONS: SentencePieceVersion[] = ['v1', 'v3', 'v7'];
const recorded = (): RecordedCase[] =>
  (JSON.parse(readFileSync(path.join(corpusDir(), '..', 'sp', 'expected.json'), 'utf8')) as { cases: RecordedCase[] }).cases;

// Longer than the engine's scan limit (64 symbols) or cache limit (48 units), so the heap path runs too.
const LONG_INPUTS = [
  'a'.repeat(700),
  ' '.repeat(300),
  '\u2581'.repeat(90) + 'x',
  'ab'.repeat(200),
  '中文分词器'.repeat(40),
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='.repeat(4),
  '=-'.repeat(150),
  '😀'.repeat(70),
  'x[REFERENCE_DOC_3]'.repeat(20),
  ' \n'.repeat(80),
  '0123456789'.repeat(30),
];

for (const version of VERSIONS) {
  describe(`SentencePiece ${version}`, function () {
    const tokenizer = loadSentencePiece(version);
    const model = readSentencePieceModel(version);

    it('gives the ids sentencepiece gave for every recorded case (no BOS)', function () {
      for (const c of recorded()) {
        assert.deepEqual(tokenizer.encode(c.text), c.ids[version], `${c.name}: ${JSON.stringify(c.text)}`);
        assert.equal(tokenizer.count(c.text), c.ids[version].length, `count of ${c.name}`);
      }
    });

    it('equals a plain reference BPE on long runs (heap merging)', function () {
      for (const text of LONG_INPUTS) assert.deepEqual(tokenizer.encode(text), naiveEncode(model, text), JSON.stringify(text.slice(0, 30)));
    });

    it('equals a plain reference BPE on random strings, and count() equals encode().length', function () {
      for (const { name, arbitrary } of textArbitraries()) {
        fc.assert(
          fc.property(arbitrary, (text) => {
            const ids = tokenizer.encode(text);
            assert.deepEqual(ids, naiveEncode(model, text), `${name}: ${JSON.stringify(text)}`);
            assert.equal(tokenizer.count(text), ids.length);
          }),
          { seed: 3, numRuns: 150 },
        );
      }
    });

    it('equals the plain reference word by word when distinct words overflow the chunk cache', function () {
      const words = Array.from({ length: 40_000 }, (_, i) => `w${(i * 7919) % 100_003}q${i % 7 ? '' : ','}`);
      const expected = words.flatMap((w) => naiveEncode(model, w));
      const fresh = loadSentencePiece(version);
      assert.deepEqual(fresh.encode(words.join(' ')), expected);
      assert.deepEqual(fresh.encode(words.join(' ')), expected);
    });

    it('encodes the same text the same way on a warm cache', function () {
      const text = loadCorpus()
        .map((e) => e.text)
        .join('\n');
      const cold = loadSentencePiece(version).encode(text);
      assert.deepEqual(tokenizer.encode(text), cold);
      assert.deepEqual(tokenizer.encode(text), cold);
    });
  });
}

describe('SentencePiece literal pieces and versions', function () {
  const id = (version: SentencePieceVersion, piece: string) => readSentencePieceModel(version).pieces.indexOf(piece);

  it('turns [REFERENCE_DOC_n] into one token in v3 and v7, not in v1', function () {
    for (const v of ['v3', 'v7'] as const) {
      assert.deepEqual(loadSentencePiece(v).encode('x[REFERENCE_DOC_19]'), [
        ...loadSentencePiece(v).encode('x'),
        id(v, '[REFERENCE_DOC_19]'),
      ]);
    }
    assert.equal(id('v1', '[REFERENCE_DOC_19]'), -1);
    assert.ok(loadSentencePiece('v1').count('[REFERENCE_DOC_19]') > 5);
  });

  it('turns [REF] into one token only in v7', function () {
    assert.deepEqual(loadSentencePiece('v7').encode('[REF]'), [29473, id('v7', '[REF]')]);
    assert.ok(!loadSentencePiece('v3').encode('[REF]').includes(id('v7', '[REF]')));
  });

  it('treats control strings typed in text ([INST], </s>, <s>) as plain text', function () {
    for (const v of VERSIONS) {
      const ids = loadSentencePiece(v).encode('[INST] </s> <s> [/INST] [SYSTEM_PROMPT]');
      for (const control of ['[INST]', '</s>', '<s>', '[/INST]', '[SYSTEM_PROMPT]']) {
        const controlId = id(v, control);
        if (controlId >= 0) assert.ok(!ids.includes(controlId), `${v} ${control}`);
      }
    }
  });

  it('gives v3 and v7 the same ids on text without their differing literals', function () {
    const [v3, v7] = [loadSentencePiece('v3'), loadSentencePiece('v7')];
    for (const { name, text } of loadCorpus()) {
      if (text.includes('[REF]') || text.includes('[/REF]')) continue;
      assert.deepEqual(v7.encode(text), v3.encode(text), name);
    }
  });

  it('rejects a damaged vocabulary file with a clear message', function () {
    const bytes = readFileSync(path.join(corpusDir(), '..', 'sp', 'expected.json'));
    assert.throws(() => decodeSpModel(bytes, 'sp-x.spm'), /sp-x\.spm is unreadable \(wrong magic\); rebuild it/);
  });
});
