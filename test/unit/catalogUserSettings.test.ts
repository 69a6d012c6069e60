import * as assert from 'node:assert/strict';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { applyUserSettings } from '../../src/core/catalog/userSettings';
import { validateCatalog } from '../../src/core/catalog/validate';
import { estimate } from '../../src/core/cost/estimate';

const bundled = defaultCatalog();
const NOW = new Date('2026-11-27T00:00:00Z'); // a Friday
const s = (r: { toDecimalString(): string }) => r.toDecimalString();
const price = (catalog: typeof bundled, modelId: string, at: string, currency?: string, inputTokens = 1_000_000) =>
  estimate(catalog, {
    modelId,
    inputTokens,
    output: { tokens: 0 },
    cache: { hitRatio: 0 },
    at: new Date(at),
    ...(currency ? { currency } : {}),
  }).total;

describe('applyUserSettings', () => {
  it("discounts an override by the schedule's multiplier, not with the provider's published night prices", () => {
    const now = new Date('2025-03-01T12:00:00Z');
    const { catalog, problems } = applyUserSettings(
      bundled,
      { priceOverrides: [{ model: 'deepseek-reasoner', input: 1, output: 4 }] },
      now,
    );
    assert.deepEqual(problems, []);
    // 17:00 UTC is in the night window (×0.25): 1,000,000 × 1 × 0.25 = 0.25, not DeepSeek's published 0.135.
    assert.equal(s(price(catalog, 'deepseek-reasoner', '2025-03-01T17:00:00Z')), '0.25');
    assert.equal(s(price(bundled, 'deepseek-reasoner', '2025-03-01T17:00:00Z')), '0.135');
  });
  it('applies a price override from now on and keeps the history', () => {
    const { catalog, problems } = applyUserSettings(
      bundled,
      { priceOverrides: [{ model: 'DeepSeek-V4-Flash', input: 0.5, cacheHit: '0.01', output: 2, source: 'my contract' }] },
      NOW,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(validateCatalog(catalog), []);
    const m = findModel(catalog, 'deepseek-flash')!;
    const bundledCount = findModel(bundled, 'deepseek-flash')!.periods.length;
    assert.equal(m.periods.length, bundledCount + 1);
    assert.equal(m.periods[bundledCount - 1].until, '2026-11-27T00:00:00.000Z');
    assert.equal(m.periods[bundledCount].source.url, 'user setting');
    assert.equal(m.periods[bundledCount].source.note, 'my contract');
    // Before now: the bundled 0.30 (Thursday 2026-11-26 02:00 UTC, peak). After: 0.5 at peak (Wednesday 2026-12-02 02:00).
    assert.equal(s(price(catalog, 'deepseek-flash', '2026-11-26T02:00:00Z')), '0.3');
    assert.equal(s(price(catalog, 'deepseek-flash', '2026-12-02T02:00:00Z')), '0.5');
    // The provider's off-peak schedule still applies: Saturday → 0.25.
    assert.equal(s(price(catalog, 'deepseek-flash', '2026-11-28T02:00:00Z')), '0.25');
    // The bundled catalog is untouched.
    assert.equal(findModel(bundled, 'deepseek-flash')!.periods.at(-1)!.until, undefined);
  });
  it("converts the override into other currencies instead of keeping the provider's list beside it", () => {
    const { catalog, problems } = applyUserSettings(
      bundled,
      { priceOverrides: [{ model: 'deepseek-flash', currency: 'CNY', input: '1.8', cacheHit: '0.03', output: '7' }] },
      NOW,
    );
    assert.deepEqual(problems, []);
    const last = findModel(catalog, 'deepseek-flash')!.periods.at(-1)!;
    assert.deepEqual(Object.keys(last.prices), ['CNY']);
    assert.equal(s(price(catalog, 'deepseek-flash', '2026-12-02T02:00:00Z', 'CNY')), '1.8');
    // USD: 1.8 CNY ÷ 7.10 CNY/USD (bundled rate) = 0.253521126…, labelled converted.
    const usd = estimate(catalog, {
      modelId: 'deepseek-flash',
      inputTokens: 1_000_000,
      output: { tokens: 0 },
      cache: { hitRatio: 0 },
      at: new Date('2026-12-02T02:00:00Z'),
      currency: 'USD',
    });
    assert.equal(usd.total.toFixed(9), '0.253521127');
    assert.equal(usd.context.converted?.from, 'CNY');
    assert.match(last.note!, /Prices in CNY from the llmCost\.priceOverrides setting/);
  });
  it('merges overrides of one model in two currencies into one period', () => {
    const { catalog, problems } = applyUserSettings(
      bundled,
      {
        priceOverrides: [
          { model: 'mistral-large-2512', input: '0.4', output: '1.2' },
          { model: 'mistral-large-latest', currency: 'eur', input: '0.37', output: '1.1' },
        ],
      },
      NOW,
    );
    assert.deepEqual(problems, []);
    assert.equal(s(price(catalog, 'mistral-large-2512', '2026-12-01T00:00:00Z')), '0.4');
    const eur = estimate(catalog, {
      modelId: 'mistral-large-2512',
      inputTokens: 1_000_000,
      output: { tokens: 0 },
      cache: { hitRatio: 0 },
      currency: 'EUR',
      at: new Date('2026-12-01T00:00:00Z'),
    });
    assert.equal(s(eur.total), '0.37');
    assert.equal(eur.context.converted, null);
  });
  it('adds a custom model priced exactly from JSON numbers', () => {
    const { catalog, problems } = applyUserSettings(
      bundled,
      { customModels: [{ id: 'my-llama', tokenizer: 'openai-o200k', input: 0.1, output: 0.2, contextWindow: 8192 }] },
      NOW,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(validateCatalog(catalog), []);
    const m = findModel(catalog, 'MY-LLAMA')!;
    assert.equal(m.provider, 'custom');
    assert.equal(m.status.kind, 'current');
    // 1M input × 0.1 + 1M output × 0.2 = 0.3 exactly (0.1 + 0.2 in floating point is 0.30000000000000004).
    const e = estimate(catalog, { modelId: 'my-llama', inputTokens: 1_000_000, output: { ratio: 1 }, cache: { hitRatio: 0.5 } });
    assert.equal(s(e.total), '0.3');
    assert.ok(e.notes.some((n) => n.includes('no cached price')));
  });
  it('merges exchange rates over the bundled table', () => {
    const { catalog, problems } = applyUserSettings(
      bundled,
      { exchangeRates: { date: '2026-11-20', rates: { EUR: 0.9, chf: '0.88' } } },
      NOW,
    );
    assert.deepEqual(problems, []);
    assert.equal(catalog.fx.rates.EUR, '0.9');
    assert.equal(catalog.fx.rates.CHF, '0.88');
    assert.equal(catalog.fx.rates.CNY, '7.10');
    assert.equal(catalog.fx.date, '2026-11-20');
    assert.match(catalog.fx.source, /user setting/);
    assert.equal(s(price(catalog, 'mistral-large-2512', '2026-12-01T00:00:00Z', 'EUR')), '0.45'); // 0.50 × 0.9
  });

  const bad: [string, Parameters<typeof applyUserSettings>[1], RegExp][] = [
    [
      'an unknown model',
      { priceOverrides: [{ model: 'deepseek-flsh', input: 1, output: 1 }] },
      /priceOverrides\[0\] \(deepseek-flsh\): "model": unknown model "deepseek-flsh"; did you mean deepseek-flash/,
    ],
    [
      'a negative price',
      { priceOverrides: [{ model: 'grok-4.7', input: -1, output: 1 }] },
      /priceOverrides\[0\] \(grok-4\.7\): "input": must not be negative/,
    ],
    [
      'a missing price',
      { priceOverrides: [{ model: 'grok-4.7', input: 1 }] },
      /priceOverrides\[0\] \(grok-4\.7\): "output": price is missing/,
    ],
    [
      'a non-numeric price',
      { priceOverrides: [{ model: 'grok-4.7', input: 'two dollars', output: 1 }] },
      /"input": not a number: "two dollars"/,
    ],
    ['a boolean price', { priceOverrides: [{ model: 'grok-4.7', input: 1, output: true }] }, /"output": not a number: true/],
    ['an infinite price', { priceOverrides: [{ model: 'grok-4.7', input: 1, output: Infinity }] }, /"output": not a finite number/],
    [
      'a negative cached price',
      { priceOverrides: [{ model: 'grok-4.7', input: 1, cacheHit: -0.1, output: 1 }] },
      /"cacheHit": must not be negative/,
    ],
    [
      'a bad currency code',
      { priceOverrides: [{ model: 'grok-4.7', currency: 'dollars', input: 1, output: 1 }] },
      /"currency": "dollars" is not a three-letter currency code/,
    ],
    [
      'a second override in the same currency',
      {
        priceOverrides: [
          { model: 'grok-4.7', input: 1, output: 1 },
          { model: 'grok-4.7', input: 2, output: 2 },
        ],
      },
      /priceOverrides\[1\] \(grok-4\.7\): "currency": a second override/,
    ],
    ['a missing model field', { priceOverrides: [{ input: 1, output: 1 }] }, /priceOverrides\[0\]: "model" must be a model id/],
    ['an override list that is not a list', { priceOverrides: { model: 'grok-4.7' } }, /llmCost\.priceOverrides: must be a list/],
    ['an entry that is not an object', { customModels: ['my-model'] }, /llmCost\.customModels\[0\]: must be an object/],
    [
      'a bad custom-model currency',
      { customModels: [{ id: 'x4', tokenizer: 'openai-o200k', currency: 'US', input: 1, output: 1 }] },
      /customModels\[0\] \(x4\): "currency": "US" is not a three-letter/,
    ],
    [
      'an unknown tokenizer',
      { customModels: [{ id: 'x1', tokenizer: 'llama3', input: 1, output: 1 }] },
      /customModels\[0\] \(x1\): "tokenizer": unknown tokenizer "llama3"/,
    ],
    [
      'a custom id that is already an alias',
      { customModels: [{ id: 'grok-2', tokenizer: 'grok-estimate', input: 1, output: 1 }] },
      /customModels\[0\] \(grok-2\): "id": "grok-2" is already a model id or alias/,
    ],
    [
      'a custom id given twice',
      {
        customModels: [
          { id: 'x1', tokenizer: 'openai-o200k', input: 1, output: 1 },
          { id: 'X1', tokenizer: 'openai-o200k', input: 1, output: 1 },
        ],
      },
      /customModels\[1\] \(X1\): "id": "X1" is already/,
    ],
    [
      'a custom model without an id',
      { customModels: [{ tokenizer: 'openai-o200k', input: 1, output: 1 }] },
      /customModels\[0\]: "id" must be a non-empty name/,
    ],
    [
      'a bad context window',
      { customModels: [{ id: 'x2', tokenizer: 'openai-o200k', input: 1, output: 1, contextWindow: -5 }] },
      /"contextWindow" must be a positive whole number/,
    ],
    [
      'a custom model without an output price',
      { customModels: [{ id: 'x3', tokenizer: 'openai-o200k', input: 1 }] },
      /customModels\[0\] \(x3\): "output": price is missing/,
    ],
    ['a negative exchange rate', { exchangeRates: { rates: { GBP: -1 } } }, /exchangeRates\.rates\.GBP: must not be negative/],
    ['a zero exchange rate', { exchangeRates: { rates: { GBP: 0 } } }, /exchangeRates\.rates\.GBP: a rate must be above 0/],
    [
      'a bad currency in the rates',
      { exchangeRates: { rates: { EURO: 1 } } },
      /exchangeRates\.rates\.EURO: not a three-letter currency code/,
    ],
    ['a base rate other than 1', { exchangeRates: { rates: { usd: 2 } } }, /exchangeRates\.rates\.usd: USD is the base currency/],
    ['rates that are not an object', { exchangeRates: { rates: [1, 2] } }, /exchangeRates: "rates" must be an object/],
  ];
  for (const [name, input, expected] of bad) {
    it(`reports ${name} once and ignores the entry`, () => {
      const { catalog, problems } = applyUserSettings(bundled, input, NOW);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0], expected);
      assert.deepEqual(validateCatalog(catalog), []);
      // Nothing got cheaper: 100,000 grok-4.7 input tokens cost 100,000 × 2.00 / 1e6 = 0.2 at the bundled price,
      // or 0.1 where the first of two overrides (input 1) is valid and kept.
      const grok = s(price(catalog, 'grok-4.7', '2026-12-01T00:00:00Z', undefined, 100_000));
      assert.equal(grok, name.includes('second override') ? '0.1' : '0.2');
      assert.equal(catalog.fx.rates.GBP, '0.76');
      assert.equal(catalog.models.filter((m) => m.provider === 'custom').length, name === 'a custom id given twice' ? 1 : 0);
    });
  }
});
