import { strict as assert } from 'node:assert';
import { IncrementalCounter } from '../../src/core/tokenize/incremental';
import { getTokenizer } from '../../src/core/tokenize/registry';

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
