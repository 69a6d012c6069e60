import * as assert from 'node:assert/strict';
import type { EstimateRequest } from '../../src/core/cost/types';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { estimate } from '../../src/core/cost/estimate';
import { CostError } from '../../src/core/cost/errors';

const catalog = defaultCatalog();
const run = (req: Partial<EstimateRequest> & { modelId: string }) =>
  estimate(catalog, { inputTokens: 0, output: { tokens: 0 }, cache: { hitRatio: 0 }, ...req });
const s = (r: { toDecimalString(): string }) => r.toDecimalString();
const costError = (code: string) => (e: unknown) => e instanceof CostError && e.code === code;

describe('estimate', () => {
  describe('DeepSeek peak vs off-peak (deepseek-flash, USD)', () => {
    // 100,000 input tokens, hit ratio 0.25 → 25,000 hit, 75,000 miss; output ratio 0.5 → 50,000.
    const req = { modelId: 'deepseek-flash', inputTokens: 100_000, cache: { hitRatio: 0.25 }, output: { ratio: 0.5 } };
    it('prices a weekday at 02:00 UTC at peak rates', () => {
      const e = run({ ...req, at: new Date('2026-11-25T02:00:00Z') });
      assert.equal(e.cacheHit.tokens, 25_000);
      assert.equal(s(e.cacheHit.cost), '0.00015'); // 25,000 × 0.006 / 1e6
      assert.equal(e.cacheMiss.tokens, 75_000);
      assert.equal(s(e.cacheMiss.cost), '0.0225'); // 75,000 × 0.30 / 1e6
      assert.equal(e.output.tokens, 50_000);
      assert.equal(s(e.output.cost), '0.06'); // 50,000 × 1.20 / 1e6
      assert.equal(s(e.total), '0.08265'); // 0.00015 + 0.0225 + 0.06
      assert.equal(s(e.totalWithoutCache), '0.09'); // 100,000 × 0.30 / 1e6 + 0.06
      assert.equal(s(e.cacheSaving), '0.00735'); // 0.09 − 0.08265
      assert.equal(e.context.window?.label, 'peak');
      assert.equal(e.context.window?.nextChange?.toISOString(), '2026-11-25T04:00:00.000Z');
    });
    it('halves every price at 05:00 UTC on a weekday and at 02:00 on Saturday', () => {
      for (const at of ['2026-11-25T05:00:00Z', '2026-11-28T02:00:00Z']) {
        const e = run({ ...req, at: new Date(at) });
        assert.equal(s(e.cacheHit.pricePerMillion), '0.003');
        assert.equal(s(e.cacheMiss.pricePerMillion), '0.15');
        assert.equal(s(e.output.pricePerMillion), '0.6');
        assert.equal(s(e.total), '0.041325'); // 0.08265 / 2
        assert.equal(s(e.cacheSaving), '0.003675'); // 0.00735 / 2
        assert.equal(e.context.window?.label, 'off-peak');
        assert.equal(e.context.window?.discounted, true);
      }
    });
  });

  describe('xAI long-context tier on every token (grok-4.7)', () => {
    // 100,000 cached prefix tokens, 1,000 output tokens.
    const base = {
      modelId: 'grok-4.7',
      cache: { cachedPrefixTokens: 100_000 },
      output: { tokens: 1000 },
      at: new Date('2026-11-01T00:00:00Z'),
    };
    it('199,999 prompt tokens: standard prices', () => {
      const e = run({ ...base, inputTokens: 199_999 });
      assert.equal(e.context.tier, 'standard');
      assert.equal(s(e.cacheHit.cost), '0.05'); // 100,000 × 0.50 / 1e6
      assert.equal(s(e.cacheMiss.cost), '0.199998'); // 99,999 × 2.00 / 1e6
      assert.equal(s(e.output.cost), '0.006'); // 1,000 × 6.00 / 1e6
      assert.equal(s(e.total), '0.255998');
      assert.equal(s(e.totalWithoutCache), '0.405998'); // 199,999 × 2 / 1e6 + 0.006
      assert.equal(s(e.cacheSaving), '0.15');
    });
    it('200,000 prompt tokens: the higher rate on input, cached AND output tokens', () => {
      const e = run({ ...base, inputTokens: 200_000 });
      assert.equal(e.context.tier, 'long-context');
      assert.equal(e.context.longContextThreshold, 200_000);
      assert.equal(s(e.cacheHit.cost), '0.1'); // 100,000 × 1.00 / 1e6
      assert.equal(s(e.cacheMiss.cost), '0.4'); // 100,000 × 4.00 / 1e6
      assert.equal(s(e.output.cost), '0.012'); // 1,000 × 12.00 / 1e6
      assert.equal(s(e.total), '0.512');
      assert.ok(e.notes.some((n) => n.includes('long-context')));
    });
    it('a tier without a cached price bills cached tokens at the tier input price (grok-4-0709 above 128k)', () => {
      // 130,000 tokens ≥ 128,000: all 130,000 at 6.00 → 0.78; output 1,000 × 30 / 1e6 = 0.03.
      const e = run({ ...base, modelId: 'grok-4-0709', inputTokens: 130_000, at: new Date('2026-01-10T00:00:00Z') });
      assert.equal(e.context.tier, 'long-context');
      assert.equal(e.cacheHit.tokens, 0);
      assert.equal(s(e.cacheMiss.cost), '0.78');
      assert.equal(s(e.output.cost), '0.03');
      assert.equal(s(e.cacheSaving), '0');
      assert.ok(e.notes.some((n) => n.includes('long-context tier') && n.includes('input price')));
      // Below the threshold the standard cached price (0.75) applies: 100,000 × 0.75 + 27,999 × 3.00.
      const below = run({
        ...base,
        modelId: 'grok-4-0709',
        inputTokens: 127_999,
        output: { tokens: 0 },
        at: new Date('2026-01-10T00:00:00Z'),
      });
      assert.equal(s(below.total), '0.158997'); // 0.075 + 0.083997
    });
  });

  describe('currencies', () => {
    it("uses DeepSeek's native CNY list, not a conversion", () => {
      // Peak CNY: 500,000 × 0.04 + 500,000 × 2 + 500,000 × 8 (per 1e6) = 0.02 + 1 + 4.
      const e = run({
        modelId: 'deepseek-flash',
        currency: 'CNY',
        inputTokens: 1_000_000,
        cache: { hitRatio: 0.5 },
        output: { ratio: 0.5 },
        at: new Date('2026-11-25T02:00:00Z'),
      });
      assert.equal(e.context.currency, 'CNY');
      assert.equal(e.context.converted, null);
      assert.equal(s(e.total), '5.02');
      assert.equal(s(e.cacheSaving), '0.98'); // 0.5 × (2 − 0.04)
    });
    it("converts Mistral's USD list to CNY with the dated table and labels it", () => {
      // 1M in × 0.50 + 1M out × 1.50 = 2.00 USD; × 7.10 = 14.20 CNY; per million 3.55 and 10.65.
      const e = run({
        modelId: 'mistral-large-2512',
        currency: 'cny',
        inputTokens: 1_000_000,
        output: { tokens: 1_000_000 },
        at: new Date('2026-11-01T00:00:00Z'),
      });
      assert.equal(e.context.currency, 'CNY');
      assert.equal(e.context.converted?.from, 'USD');
      assert.equal(s(e.context.converted.rate), '7.1');
      assert.equal(e.context.converted?.fxDate, '2026-10-31');
      assert.equal(s(e.cacheMiss.pricePerMillion), '3.55');
      assert.equal(s(e.output.pricePerMillion), '10.65');
      assert.equal(s(e.total), '14.2');
      assert.ok(e.notes.some((n) => n.startsWith('converted from USD')));
    });
    it('uses a caller-supplied rate table and rejects an unknown currency', () => {
      const fx = { ...catalog.fx, rates: { ...catalog.fx.rates, EUR: '0.9' } };
      const e = run({ modelId: 'mistral-large-2512', currency: 'EUR', fx, inputTokens: 1_000_000, at: new Date('2026-11-01T00:00:00Z') });
      assert.equal(s(e.total), '0.45'); // 0.50 × 0.9
      assert.throws(() => run({ modelId: 'mistral-large-2512', currency: 'XYZ', inputTokens: 1 }), costError('unknown-currency'));
      assert.throws(
        () => run({ modelId: 'mistral-large-2512', currency: 'dollars', inputTokens: 1 }),
        (e: unknown) => e instanceof CostError && e.code === 'unknown-currency' && e.message.includes('not a three-letter currency code'),
      );
    });
  });

  describe('history', () => {
    const oneMillion = { inputTokens: 1_000_000, cache: { hitRatio: 0.5 }, output: { tokens: 1_000_000 } };
    it('prices deepseek-chat on 2025-01-15 at the seed-era CNY 0.1 / 1 / 2', () => {
      // 500,000 × 0.1 + 500,000 × 1 + 1,000,000 × 2 (per 1e6) = 0.05 + 0.5 + 2.
      const e = run({ modelId: 'deepseek-chat', currency: 'CNY', at: new Date('2025-01-15T12:00:00Z'), ...oneMillion });
      assert.equal(e.context.converted, null);
      assert.equal(s(e.total), '2.55');
      assert.equal(e.context.window, null);
    });
    it('applies the 2025 night discount on 2025-03-01 at 17:00 UTC', () => {
      // 0.27 / 0.07 / 1.10 × 0.5 = 0.135 / 0.035 / 0.55: 0.0175 + 0.0675 + 0.55.
      const e = run({ modelId: 'deepseek-chat', at: new Date('2025-03-01T17:00:00Z'), ...oneMillion });
      assert.equal(s(e.cacheMiss.pricePerMillion), '0.135');
      assert.equal(s(e.total), '0.635');
      assert.equal(e.context.window?.label, 'night discount');
      assert.equal(e.context.window?.nextChange?.toISOString(), '2025-03-02T00:30:00.000Z');
      // deepseek-reasoner got 75% off, at the USD night prices DeepSeek published: 0.135 / 0.035 / 0.55, not
      // 0.55 / 0.14 / 2.19 × 0.25 = 0.1375 / 0.035 / 0.5475 (the catalog's figure before 2026-12).
      const r = run({ modelId: 'deepseek-reasoner', at: new Date('2025-03-01T17:00:00Z'), ...oneMillion });
      assert.equal(s(r.cacheMiss.pricePerMillion), '0.135');
      assert.equal(s(r.total), '0.635'); // 0.0175 + 0.0675 + 0.55
      // In CNY the night list is exactly a quarter: 4 / 1 / 16 × 0.25 = 1 / 0.25 / 4.
      const cny = run({ modelId: 'deepseek-reasoner', at: new Date('2025-03-01T17:00:00Z'), currency: 'CNY', ...oneMillion });
      assert.equal(s(cny.total), '4.625'); // 0.125 + 0.5 + 4
      // The discount began at 00:30 Beijing on 2025-02-27 (16:30 UTC on the 26th), not at 00:00 UTC on the 26th.
      assert.equal(run({ modelId: 'deepseek-reasoner', at: new Date('2025-02-26T16:29:59Z'), ...oneMillion }).context.window, null);
      assert.equal(
        run({ modelId: 'deepseek-reasoner', at: new Date('2025-02-26T16:30:00Z'), ...oneMillion }).context.window?.discounted,
        true,
      );
    });
    it('prices deepseek-chat on 2025-10-01 at the V3.2 list (0.28 / 0.028 / 0.42)', () => {
      const e = run({ modelId: 'deepseek-chat', at: new Date('2025-10-01T00:00:00Z'), ...oneMillion });
      assert.equal(s(e.total), '0.574'); // 0.014 + 0.14 + 0.42
    });
    it('switches from the seed era exactly at 2025-02-08 16:00 UTC', () => {
      const before = run({ modelId: 'deepseek-chat', at: new Date('2025-02-08T15:59:59Z'), ...oneMillion });
      const after = run({ modelId: 'deepseek-chat', at: new Date('2025-02-08T16:00:00Z'), ...oneMillion });
      assert.equal(s(before.cacheMiss.pricePerMillion), '0.14');
      assert.equal(s(before.total), '0.357'); // 0.007 + 0.07 + 0.28
      assert.equal(s(after.cacheMiss.pricePerMillion), '0.27');
      assert.equal(s(after.total), '1.27'); // 0.035 + 0.135 + 1.10
    });
    it('refuses a moment outside every period (before the history, after retirement, in a gap)', () => {
      assert.throws(
        () => run({ modelId: 'deepseek-chat', at: new Date('2024-08-01T23:59:59Z') }),
        (e: unknown) =>
          e instanceof CostError &&
          e.code === 'no-price-period' &&
          e.message ===
            'deepseek-chat has no known price at 2024-08-01 23:59:59 UTC: deepseek-chat has prices from 2024-08-02 until 2026-07-24 15:59 UTC; the catalog has no verified price before that',
      );
      assert.throws(
        () => run({ modelId: 'deepseek-chat', at: new Date('2026-07-24T15:59:00Z') }),
        (e: unknown) =>
          e instanceof CostError &&
          e.code === 'no-price-period' &&
          e.message.endsWith('; the catalog has no verified price after that (retired 2026-07-24 15:59 UTC)'),
      );
      assert.equal(
        s(run({ modelId: 'deepseek-chat', at: new Date('2026-07-24T15:58:59Z'), ...oneMillion }).cacheHit.pricePerMillion),
        '0.0028',
      );
      assert.equal(
        s(run({ modelId: 'deepseek-chat', at: new Date('2026-04-26T12:14:59Z'), ...oneMillion }).cacheHit.pricePerMillion),
        '0.028',
      );
      assert.throws(
        () => run({ modelId: 'grok-build-0.1', at: new Date('2026-07-01T00:00:00Z') }),
        (e: unknown) =>
          e instanceof CostError &&
          e.code === 'no-price-period' &&
          e.message ===
            'grok-build-0.1 has no known price at 2026-07-01: grok-build-0.1 has prices from 2025-08-25 until 2026-05-15 19:00 UTC and from 2026-10-01;' +
              ' the catalog has no verified price between 2026-05-15 19:00 UTC and 2026-10-01',
      );
    });
    it('says which prices are known when a current model has none yet', () => {
      assert.throws(
        () => run({ modelId: 'grok-4.3', at: new Date('2026-09-30T23:59:59Z') }),
        (e: unknown) =>
          e instanceof CostError &&
          e.code === 'no-price-period' &&
          e.message ===
            'grok-4.3 has no known price at 2026-09-30 23:59:59 UTC: grok-4.3 has prices from 2026-10-01; the catalog has no verified price before that',
      );
    });
    it("prices grok-code-fast-1 usage before its retirement at the old model's rates", () => {
      const e = run({ modelId: 'grok-code-fast-1', at: new Date('2026-03-01T00:00:00Z'), ...oneMillion });
      assert.equal(e.modelId, 'grok-build-0.1');
      assert.equal(s(e.total), '1.61'); // 500,000 × 0.02 + 500,000 × 0.20 + 1,000,000 × 1.50 (per 1e6) = 0.01 + 0.1 + 1.5
    });
  });

  describe('cache and output rules', () => {
    it('floors hit tokens, caps cached prefixes at the input and rounds the output ratio', () => {
      const e = run({ modelId: 'mistral-small-2603', inputTokens: 999, cache: { hitRatio: 0.5 }, output: { ratio: 0.3333 } });
      assert.equal(e.cacheHit.tokens, 499); // floor(499.5)
      assert.equal(e.cacheMiss.tokens, 500);
      assert.equal(e.output.tokens, 333); // round(332.9667)
      // Exact products, not floating point: 100 × 0.29 = 29 hits (Math.floor(100 * 0.29) is 28);
      // 100 × 0.145 = 14.5 output tokens → 15 (Math.round(100 * 0.145) is 14); 3 × 0.7 = 2.1 → 2.
      const exact = run({ modelId: 'mistral-small-2603', inputTokens: 100, cache: { hitRatio: 0.29 }, output: { ratio: 0.145 } });
      assert.equal(exact.cacheHit.tokens, 29);
      assert.equal(exact.output.tokens, 15);
      assert.equal(run({ modelId: 'mistral-small-2603', inputTokens: 3, output: { ratio: 0.7 } }).output.tokens, 2);
      const capped = run({ modelId: 'mistral-small-2603', inputTokens: 100, cache: { cachedPrefixTokens: 5000 } });
      assert.equal(capped.cacheHit.tokens, 100);
      assert.equal(capped.cacheMiss.tokens, 0);
    });
    it('bills everything as cache miss, with a note, when no cached price is published', () => {
      // grok-2-1212: 2.00 input, no cached price. 1,000 tokens half "cached" → all 1,000 at 2.00 = 0.002.
      const e = run({ modelId: 'grok-2', inputTokens: 1000, cache: { hitRatio: 0.5 }, at: new Date('2025-01-01T00:00:00Z') });
      assert.equal(e.cacheHit.tokens, 0);
      assert.equal(e.cacheMiss.tokens, 1000);
      assert.equal(s(e.total), '0.002');
      assert.equal(s(e.cacheSaving), '0');
      assert.ok(e.notes.some((n) => n.includes('no cached price')));
    });
    it('computes the saving of a full cache hit on Mistral (cached = 10% of input)', () => {
      // 2,000,000 × (1.50 − 0.15) / 1e6 = 2.7 saved; total 0.3.
      const e = run({
        modelId: 'mistral-medium-latest',
        inputTokens: 2_000_000,
        cache: { hitRatio: 1 },
        at: new Date('2026-11-01T00:00:00Z'),
      });
      assert.equal(s(e.total), '0.3');
      assert.equal(s(e.cacheSaving), '2.7');
    });
  });

  describe('bad input', () => {
    it('rejects negative, fractional and non-finite tokens, bad ratios and hit ratios', () => {
      for (const bad of [
        { inputTokens: -1 },
        { inputTokens: 1.5 },
        { inputTokens: Number.NaN },
        { inputTokens: Infinity },
        { output: { ratio: -0.1 } },
        { output: { ratio: Number.NaN } },
        { output: { tokens: -3 } },
        { cache: { hitRatio: 1.01 } },
        { cache: { hitRatio: -0.01 } },
        { cache: { cachedPrefixTokens: 2.5 } },
        { at: new Date('not a date') },
      ]) {
        assert.throws(() => run({ modelId: 'deepseek-flash', inputTokens: 10, ...bad }), costError('bad-input'), JSON.stringify(bad));
      }
    });
    it('names an unknown model and suggests the closest ids', () => {
      assert.throws(
        () => run({ modelId: 'deepseek-flsh' }),
        (e: unknown) => {
          assert.ok(e instanceof CostError);
          assert.equal(e.code, 'unknown-model');
          assert.equal(e.suggestions[0], 'deepseek-flash');
          assert.match(e.message, /unknown model "deepseek-flsh"; did you mean deepseek-flash/);
          return true;
        },
      );
    });
  });
});
