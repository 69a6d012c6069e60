import * as assert from 'node:assert/strict';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { Rational } from '../../src/core/cost/rational';
import { bill } from '../../src/core/cost/bill';
import { CostError } from '../../src/core/cost/errors';
import { exchangeRate, resolvePricing } from '../../src/core/cost/resolve';

const catalog = defaultCatalog();
const s = (r: { toDecimalString(): string }) => r.toDecimalString();
const costError = (code: string) => (e: unknown) => e instanceof CostError && e.code === code;

describe('usage bill', () => {
  it('reproduces a DeepSeek console day line by line (Saturday, off-peak all day)', () => {
    // Console for 2026-11-28 (Saturday): deepseek-flash, 12,345,678 cache-hit, 2,345,678 cache-miss, 987,654 output.
    // Off-peak USD = peak × 0.5: 0.003 / 0.15 / 0.60.
    //   12,345,678 × 0.003 / 1e6 = 0.037037034
    //    2,345,678 × 0.15  / 1e6 = 0.3518517
    //      987,654 × 0.60  / 1e6 = 0.5925924
    //   total = 0.981481134 → the console's $0.98
    const b = bill(catalog, {
      modelId: 'deepseek-flash',
      at: new Date('2026-11-28T12:00:00Z'),
      tokens: { cacheHit: 12_345_678, cacheMiss: 2_345_678, output: 987_654 },
    });
    assert.deepEqual(
      b.lines.map((l) => [l.kind, l.tokens, s(l.pricePerMillion), s(l.cost)]),
      [
        ['cache-hit', 12_345_678, '0.003', '0.037037034'],
        ['cache-miss', 2_345_678, '0.15', '0.3518517'],
        ['output', 987_654, '0.6', '0.5925924'],
      ],
    );
    assert.equal(s(b.total), '0.981481134');
    assert.equal(b.total.toFixed(2), '0.98');
    assert.equal(b.context.window?.label, 'off-peak');
  });
  it('bills the same usage in native CNY at peak (a weekday 02:00 UTC)', () => {
    // Peak CNY 0.04 / 2 / 8: 1,000,000 hit = 0.04; 250,000 miss = 0.5; 100,000 output = 0.8 → 1.34.
    const b = bill(catalog, {
      modelId: 'deepseek-flash',
      currency: 'CNY',
      at: new Date('2026-11-25T02:00:00Z'),
      tokens: { cacheHit: 1_000_000, cacheMiss: 250_000, output: 100_000 },
    });
    assert.equal(b.context.converted, null);
    assert.equal(s(b.total), '1.34');
  });
  it('bills plain input and output at the cache-miss price', () => {
    // mistral-medium-2604: 3,000,000 × 1.50 / 1e6 = 4.5; 400,000 × 7.50 / 1e6 = 3 → 7.5.
    const b = bill(catalog, {
      modelId: 'mistral-medium-2604',
      at: new Date('2026-11-01T00:00:00Z'),
      tokens: { input: 3_000_000, output: 400_000 },
    });
    assert.deepEqual(
      b.lines.map((l) => [l.kind, s(l.cost)]),
      [
        ['input', '4.5'],
        ['output', '3'],
      ],
    );
    assert.equal(s(b.total), '7.5');
    assert.ok(b.notes.some((n) => n.text.includes('cache-miss price')));
  });
  it('splits total tokens by an input share, at the standard tier unless told otherwise', () => {
    // grok-4.3, 1,000,000 tokens, share 0.8 → 800,000 × 1.25 + 200,000 × 2.50 (per 1e6) = 1.0 + 0.5.
    const req = { modelId: 'grok-4.3', at: new Date('2026-11-01T00:00:00Z'), tokens: { total: 1_000_000, inputShare: 0.8 } };
    const standard = bill(catalog, req);
    assert.equal(s(standard.total), '1.5');
    assert.equal(standard.context.tier, 'standard');
    assert.ok(standard.notes.some((n) => n.text.includes('standard tier')));
    // Forced long context: 800,000 × 2.50 + 200,000 × 5.00 (per 1e6) = 2.0 + 1.0.
    const long = bill(catalog, { ...req, longContext: true });
    assert.equal(long.context.tier, 'long-context');
    assert.equal(s(long.total), '3');
    // Rounding of the split: 3 tokens at share 0.5 → round(1.5) = 2 input, 1 output.
    const odd = bill(catalog, { ...req, tokens: { total: 3, inputShare: 0.5 } });
    assert.deepEqual(
      odd.lines.map((l) => l.tokens),
      [2, 1],
    );
    // 100 tokens at share 0.145 → exactly 14.5 → 15 input, 85 output (Math.round(100 * 0.145) would give 14).
    const exact = bill(catalog, { ...req, tokens: { total: 100, inputShare: 0.145 } });
    assert.deepEqual(
      exact.lines.map((l) => l.tokens),
      [15, 85],
    );
  });
  it('never bills cache hits as free when no cached price exists', () => {
    // mistral-large-2411 has no cached price: 1,000,000 "hit" tokens at the 2.00 input price.
    const b = bill(catalog, {
      modelId: 'mistral-large-2411',
      at: new Date('2025-06-01T00:00:00Z'),
      tokens: { cacheHit: 1_000_000, cacheMiss: 0, output: 0 },
    });
    assert.equal(s(b.lines[0].pricePerMillion), '2');
    assert.equal(s(b.total), '2');
    assert.ok(b.notes.some((n) => n.text.includes('no cached price')));
  });
  it('prices an old bill under a retired id, and rejects bad usage', () => {
    // deepseek-chat on 2025-05-05 14:00 UTC (outside the 16:30-00:30 night window): 0.07 / 0.27 / 1.10.
    const b = bill(catalog, {
      modelId: 'DeepSeek-Chat',
      at: new Date('2025-05-05T14:00:00Z'),
      tokens: { cacheHit: 1_000_000, cacheMiss: 1_000_000, output: 1_000_000 },
    });
    assert.equal(s(b.total), '1.44'); // 0.07 + 0.27 + 1.10
    assert.ok(b.notes.some((n) => n.text.includes('retired')));
    const at = new Date('2026-11-01T00:00:00Z');
    for (const tokens of [
      { cacheHit: -1, cacheMiss: 0, output: 0 },
      { input: 1.5, output: 0 },
      { total: 10, inputShare: 1.2 },
      {},
    ] as never[]) {
      assert.throws(() => bill(catalog, { modelId: 'grok-4.3', at, tokens }), costError('bad-input'), JSON.stringify(tokens));
    }
    assert.throws(
      () => bill(catalog, { modelId: 'grok-4.3', at: new Date('2020-01-01T00:00:00Z'), tokens: { input: 1, output: 1 } }),
      costError('no-price-period'),
    );
    assert.throws(() => bill(catalog, { modelId: 'nope', at, tokens: { input: 1, output: 1 } }), costError('unknown-model'));
  });
});

describe('resolvePricing and exchange rates', () => {
  it('converts through the base currency (CNY → EUR = 0.86 / 7.10)', () => {
    assert.ok(exchangeRate(catalog.fx, 'CNY', 'EUR').eq(Rational.of(43n, 355n))); // 0.86 / 7.10 = 86/710 = 43/355
    assert.equal(exchangeRate(catalog.fx, 'CNY', 'EUR').toFixed(6), '0.121127'); // 86/710 = 0.1211267…
    assert.equal(s(exchangeRate(catalog.fx, 'USD', 'USD')), '1');
  });
  it('converts a period without a CNY list and labels it (deepseek-chat V3.2 in CNY)', () => {
    const model = findModel(catalog, 'deepseek-chat')!;
    const r = resolvePricing(model, new Date('2025-10-01T00:00:00Z'), 1000, 'CNY', catalog);
    assert.equal(r.context.converted?.from, 'USD');
    assert.equal(s(r.input), '1.988'); // 0.28 × 7.10
    assert.equal(s(r.cacheHit!), '0.1988'); // 0.028 × 7.10
    assert.equal(s(r.output), '2.982'); // 0.42 × 7.10
  });
  it('defaults to the first native currency and applies the tier at the threshold', () => {
    const model = findModel(catalog, 'grok-4.20')!;
    const at = new Date('2026-11-01T00:00:00Z');
    assert.equal(resolvePricing(model, at, 0, undefined, catalog).context.currency, 'USD');
    assert.equal(s(resolvePricing(model, at, 199_999, undefined, catalog).input), '1.25');
    assert.equal(s(resolvePricing(model, at, 200_000, undefined, catalog).input), '2.5');
  });
});
