// Behaviour of the byte-level BPE engine that the differential tests do not pin down.
import assert from 'node:assert/strict';
import { deepseekSpecialTokenId, describeTokenizer, getTokenizer } from '../../src/core/tokenize/registry';

describe('bpe engine', () => {
  it('encodes the empty string to no tokens', () => {
    for (const id of ['openai-cl100k', 'openai-o200k', 'mistral-tekken', 'deepseek-v3'] as const) {
      assert.deepEqual(getTokenizer(id).encode(''), [], id);
      assert.equal(getTokenizer(id).count(''), 0, id);
    }
  });

  it('gives Tekken ids above the 1000 special ids', () => {
    const ids = getTokenizer('mistral-tekken').encode('Hello, world! [INST] </s>');
    assert.ok(ids.length > 0 && ids.every((i) => i >= 1000), JSON.stringify(ids));
  });

  it('labels exact families and keeps Grok an estimate on o200k ids', () => {
    assert.equal(describeTokenizer('openai-cl100k').label, 'OpenAI cl100k');
    assert.equal(describeTokenizer('openai-o200k').label, 'OpenAI o200k');
    assert.equal(describeTokenizer('mistral-tekken').label, 'Mistral Tekken');
    const grok = getTokenizer('grok-estimate');
    assert.equal(grok.exact, false);
    assert.equal(describeTokenizer('grok-estimate').label, '≈ o200k estimate for Grok');
    assert.ok(describeTokenizer('grok-estimate').errorBand);
    const text = 'Grok counts are estimated with o200k: 中文 and code `x => x + 1`.';
    assert.deepEqual(grok.encode(text), getTokenizer('openai-o200k').encode(text));
  });

  it('gives the same ids for a text whether its pieces were cached or not', () => {
    const tok = getTokenizer('openai-o200k');
    const text = 'repeat these words; repeat these words again and again, 123 456 and again';
    const first = tok.encode(text);
    assert.deepEqual(tok.encode(text), first);
    assert.deepEqual(tok.encode(`${text}\n${text}`), [...first, ...tok.encode('\n'), ...first]);
  });

  it('merges a long run of one character into long tokens (linear path)', () => {
    const tok = getTokenizer('openai-cl100k');
    const ids = tok.encode('a'.repeat(100_000));
    assert.ok(ids.length < 100_000 / 4, `${ids.length} tokens`);
  });
});

describe('deepseek added tokens', () => {
  it('names the control tokens and nothing else', () => {
    assert.equal(deepseekSpecialTokenId('<｜begin▁of▁sentence｜>'), 0);
    assert.equal(deepseekSpecialTokenId('<｜end▁of▁sentence｜>'), 1);
    assert.equal(typeof deepseekSpecialTokenId('<｜User｜>'), 'number');
    assert.equal(typeof deepseekSpecialTokenId('<｜Assistant｜>'), 'number');
    assert.equal(deepseekSpecialTokenId('<|User|>'), undefined);
    assert.equal(deepseekSpecialTokenId('User'), undefined);
  });

  it('turns control strings typed in text into single tokens, without a BOS', () => {
    const tok = getTokenizer('deepseek-v3');
    const user = deepseekSpecialTokenId('<｜User｜>')!;
    const assistant = deepseekSpecialTokenId('<｜Assistant｜>')!;
    const ids = tok.encode('<｜User｜>hi<｜Assistant｜>');
    assert.equal(ids[0], user);
    assert.equal(ids[ids.length - 1], assistant);
    assert.deepEqual(ids.slice(1, -1), tok.encode('hi'));
    assert.notEqual(tok.encode('hi')[0], 0);
  });
});
