import { strict as assert } from 'node:assert';
import { IncrementalCounter } from '../../src/core/tokenize/incremental';
import { getTokenizer } from '../../src/core/tokenize/registry';
import type { TokenizerId } from '../../src/core/catalog/types';
import { loadCorpus } from '../fixtures/corpus/corpus';

describe('IncrementalCounter', () => {
  it('keeps the exact count through edits and counts ranges', () => {
    const tokenizer = getTokenizer('openai-o200k');
    const counter = new IncrementalCounter(tokenizer, 'hello world');
    counter.apply([
      { offset: 11, deleteCount: 0, insert: '!' },
      { offset: 0, deleteCount: 5, insert: 'Goodbye, cruel' },
    ]);
    assert.equal(counter.text, 'Goodbye, cruel world!');
    assert.equal(counter.tokens, tokenizer.count('Goodbye, cruel world!'));
    assert.equal(counter.countRange(9, 20), tokenizer.count('cruel world'));
  });

  it('rejects an edit outside the text and changes nothing', () => {
    const counter = new IncrementalCounter(getTokenizer('openai-o200k'), 'abc');
    assert.throws(
      () =>
        counter.apply([
          { offset: 0, deleteCount: 1, insert: 'x' },
          { offset: 2, deleteCount: 5, insert: '' },
        ]),
      /outside a text of 3 characters/,
    );
    assert.equal(counter.text, 'abc');
  });
});

describe('IncrementalCounter on corpus text with the default block size', () => {
  const corpus = loadCorpus()
    .filter((entry) => /^(prose-english|code-typescript|chinese|emoji|run-spaces|special-token-lookalikes)/.test(entry.name))
    .map((entry) => entry.text)
    .join('\n');
  const families: TokenizerId[] = ['deepseek-v3', 'mistral-tekken', 'mistral-sp-v7', 'openai-cl100k', 'openai-o200k'];
  for (const id of families) {
    it(`${id}: typing, deleting a line and pasting keep the full count; selections agree`, () => {
      const tokenizer = getTokenizer(id);
      const counter = new IncrementalCounter(tokenizer, corpus);
      assert.ok(counter.blockCount > 4, `only ${counter.blockCount} blocks in ${corpus.length} characters`);
      let text = corpus;
      const step = (offset: number, deleteCount: number, insert: string) => {
        counter.apply([{ offset, deleteCount, insert }]);
        text = text.slice(0, offset) + insert + text.slice(offset + deleteCount);
        assert.equal(counter.tokens, tokenizer.count(text), `after editing at ${offset}`);
      };
      for (const at of [0, 1, 511, 512, 513, text.length >> 1, text.length - 1, text.length]) step(at, 0, 'x');
      for (const ch of ' word\n😀') step(text.length >> 2, 0, ch);
      const lineStart = text.indexOf('\n', text.length >> 1) + 1;
      step(lineStart, text.indexOf('\n', lineStart) + 1 - lineStart, '');
      step(100, 0, corpus.slice(0, 3000));
      step(0, text.length >> 1, '');
      assert.equal(counter.text, text);
      for (const [start, end] of [
        [0, text.length],
        [3, 1500],
        [700, 701],
        [10, text.length - 10],
      ]) {
        assert.equal(counter.countRange(start, end), tokenizer.count(text.slice(start, end)), `range ${start}..${end}`);
      }
    });
  }

  it('many scattered edits leave the text in about as many blocks as a fresh split', () => {
    const tokenizer = getTokenizer('openai-o200k');
    const counter = new IncrementalCounter(tokenizer, corpus);
    let text = corpus;
    for (let i = 0; i < 400; i++) {
      const offset = (i * 7919) % text.length;
      const edit = i % 2 === 0 ? { offset, deleteCount: 0, insert: 'x ' } : { offset, deleteCount: 1, insert: '' };
      counter.apply([edit]);
      text = text.slice(0, offset) + edit.insert + text.slice(offset + edit.deleteCount);
    }
    assert.equal(counter.tokens, tokenizer.count(text));
    const fresh = new IncrementalCounter(tokenizer, text).blockCount;
    assert.ok(counter.blockCount <= fresh * 1.5, `${counter.blockCount} blocks after the edits, ${fresh} when split afresh`);
  });

  it('a tokenizer without a cut rule is one block and still exact', () => {
    const { cuts: _unused, ...plain } = getTokenizer('openai-o200k');
    const counter = new IncrementalCounter(plain, corpus);
    counter.apply([{ offset: 10, deleteCount: 3, insert: ' new ' }]);
    const text = corpus.slice(0, 10) + ' new ' + corpus.slice(13);
    assert.equal(counter.blockCount, 1);
    assert.equal(counter.tokens, plain.count(text));
  });
});
