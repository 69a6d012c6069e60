import * as assert from 'node:assert/strict';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { contextFit } from '../../src/core/cost/contextFit';
import { estimate } from '../../src/core/cost/estimate';
import { countDocument } from '../../src/core/prompt/document';
import { parseToolRequest, toolReport } from '../../src/core/view/toolReport';

describe('Language Model Tool input and report', () => {
  it('accepts text or file with optional models, output, cache share and currency', () => {
    assert.deepEqual(parseToolRequest({ text: 'hi' }), { text: 'hi', models: [] });
    assert.deepEqual(parseToolRequest({ file: ' a.md ', models: ['grok-4.3'], outputTokens: 10, cacheHitShare: 0.5, currency: 'eur' }), {
      file: 'a.md',
      models: ['grok-4.3'],
      output: { tokens: 10 },
      cacheHitShare: 0.5,
      currency: 'EUR',
    });
    assert.deepEqual(parseToolRequest({ text: '', outputRatio: 0.25 }), { text: '', models: [], output: { ratio: 0.25 } });
  });

  it('refuses bad input with one line naming the field', () => {
    const cases: [unknown, RegExp][] = [
      [null, /object/],
      [{}, /exactly one of "text" and "file"/],
      [{ text: 'a', file: 'b' }, /exactly one/],
      [{ text: 3 }, /"text" must be a string/],
      [{ text: 'a', models: 'grok-4.3' }, /"models"/],
      [{ text: 'a', outputRatio: 1, outputTokens: 2 }, /not both/],
      [{ text: 'a', outputTokens: 1.5 }, /"outputTokens"/],
      [{ text: 'a', cacheHitShare: -0.1 }, /"cacheHitShare"/],
      [{ text: 'a', currency: 'dollars' }, /"currency"/],
      [{ text: 'a', colour: 'red' }, /unknown input "colour"/],
    ];
    for (const [input, message] of cases) {
      const result = parseToolRequest(input);
      assert.equal(typeof result, 'string', JSON.stringify(input));
      assert.match(result as string, message);
      assert.ok(!(result as string).includes('\n'));
    }
  });

  it('reports each model with rounded and exact figures and its context fit', () => {
    const catalog = defaultCatalog();
    const at = new Date('2026-11-25T12:00:00Z');
    const rows = ['mistral-large-2512', 'grok-4.3'].map((id) => {
      const model = findModel(catalog, id)!;
      const count = countDocument('Translate to French: the invoice is overdue.', undefined, model);
      const e = estimate(catalog, { modelId: id, inputTokens: count.tokens, at, output: { tokens: 300_000 }, cache: { hitRatio: 0.5 } });
      return { model, count, estimate: e, fit: contextFit(model, count.tokens, 300_000) };
    });
    const report = toolReport(rows, {
      label: 'the given text',
      at,
      output: { tokens: 300_000 },
      cache: { hitRatio: 0.5 },
      failures: ['nope: unknown'],
    });
    const lines = report.split('\n');
    assert.match(
      lines[0],
      /prices in USD at 2026-11-25 12:00 UTC; output projected at 300,000 tokens; 50% of the input a cache hit\. .*not sent anywhere/,
    );
    for (const [i, row] of rows.entries()) {
      const line = lines[i + 1];
      assert.ok(line.startsWith(`- ${row.model.id} (`), line);
      assert.ok(line.includes(`total`) && line.includes(`(exact ${row.estimate.total.toDecimalString()})`), line);
      assert.ok(line.includes(`of ${row.fit.contextWindow.toLocaleString('en-US')} context tokens`), line);
      if (!row.fit.fits) assert.match(line, /does NOT fit|exceeds the maximum output/);
    }
    assert.match(lines[2], /≈\d+ input tokens \(estimated count/);
    assert.equal(lines[3], '- not priced: nope: unknown');
  });
});
