import * as assert from 'node:assert/strict';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { countDocument } from '../../src/core/prompt/document';
import { sumCounts } from '../../src/host/counting/countProtocol';

const catalog = defaultCatalog();

function count(text: string, modelId: string) {
  const model = findModel(catalog, modelId);
  assert.ok(model, modelId);
  return countDocument(text, undefined, model);
}

describe('count protocol (host worker messages, pure part)', () => {
  it('sumCounts adds the tokens of every selection, as counting them one by one does', () => {
    const parts = ['First selected line.', 'Second one, a little longer than the first.', '第三个选择。'];
    const counts = parts.map((p) => count(p, 'deepseek-flash'));
    const sum = sumCounts(counts);
    assert.equal(
      sum.tokens,
      counts.reduce((n, c) => n + c.tokens, 0),
    );
    assert.equal(sum.exact, true);
    assert.equal(sum.model, 'deepseek-flash');
  });

  it('sumCounts is an estimate when any part is, and adds template tokens and requests', () => {
    const exact = count('plain text', 'deepseek-flash');
    const sum = sumCounts([exact, { ...exact, exact: false, templateTokens: 3, templateExact: false, requests: 1, messages: 2 }]);
    assert.equal(sum.exact, false);
    assert.equal(sum.templateTokens, exact.templateTokens * 2 + 3);
    assert.equal(sum.templateExact, false);
    assert.equal(sum.requests, exact.requests + 1);
    assert.equal(sum.messages, exact.messages + 2);
  });

  it('sumCounts of one count is that count; of none is an error, never zero tokens', () => {
    const one = count('only part', 'grok-4.7');
    assert.deepEqual(sumCounts([one]), one);
    assert.throws(() => sumCounts([]), RangeError);
  });
});
