import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TokenizerId } from '../../src/core/catalog/types';
import { getTokenizer } from '../../src/core/tokenize/registry';
import { DocumentCounters, diffEdit } from '../../src/host/counting/documentCounters';

const BASE = Array.from({ length: 900 }, (_, i) => `Line ${i}: the model reads 12 345 tokens, café 東京 🙂 <|end|>\n`).join('');

describe('worker document counters (a new version recounts only what changed)', () => {
  it('diffEdit turns the old text into the new one and never splits a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (before, after) => {
        const edit = diffEdit(before, after);
        if (!edit) return assert.equal(before, after);
        const result = before.slice(0, edit.offset) + edit.insert + before.slice(edit.offset + edit.deleteCount);
        assert.equal(result, after);
      }),
      { numRuns: 2000 },
    );
    const edit = diffEdit('a\u{1F642}b', 'a\u{1F643}b');
    assert.deepEqual(edit, { offset: 1, deleteCount: 2, insert: '\u{1F643}' }, 'the whole emoji is replaced');
  });

  for (const id of ['deepseek-v3', 'mistral-tekken', 'grok-estimate'] as TokenizerId[]) {
    it(`${id}: after every typed, deleted or pasted piece the count equals a full count`, () => {
      const tokenizer = getTokenizer(id);
      const piece = fc.constantFrom(' ', '\n', '\n\n', '7', '2026', 'é', '東京', '🙂', '<|end|>', 'word', '  ', '\t', '');
      const step = fc.record({
        at: fc.nat(),
        remove: fc.nat({ max: 40 }),
        insert: fc.array(piece, { maxLength: 4 }).map((p) => p.join('')),
      });
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
          const counters = new DocumentCounters();
          let text = BASE;
          assert.equal(counters.count('doc', id, text), tokenizer.count(text));
          for (const { at, remove, insert } of steps) {
            const offset = at % (text.length + 1);
            text = text.slice(0, offset) + insert + text.slice(Math.min(text.length, offset + remove));
            assert.equal(counters.count('doc', id, text), tokenizer.count(text));
          }
        }),
        { numRuns: 15 },
      );
    });
  }

  it('keeps documents apart', () => {
    const counters = new DocumentCounters();
    const tokenizer = getTokenizer('deepseek-v3');
    assert.equal(counters.count('a', 'deepseek-v3', BASE), tokenizer.count(BASE));
    assert.equal(counters.count('b', 'deepseek-v3', 'short'), tokenizer.count('short'));
    assert.equal(counters.count('a', 'deepseek-v3', BASE + 'x'), tokenizer.count(BASE + 'x'));
  });
});
