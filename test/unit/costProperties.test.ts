import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultCatalog, findModel, listModels } from '../../src/core/catalog/catalog';
import { estimate } from '../../src/core/cost/estimate';
import { Rational } from '../../src/core/cost/rational';

const catalog = defaultCatalog();
const current = listModels(catalog).map((m) => m.id);
const requestArb = fc.record({
  modelId: fc.constantFrom(...current),
  inputTokens: fc.integer({ min: 0, max: 2_000_000 }),
  ratio: fc.double({ min: 0, max: 4, noNaN: true }),
  hitRatio: fc.double({ min: 0, max: 1, noNaN: true }),
  at: fc.integer({ min: Date.UTC(2026, 9, 1), max: Date.UTC(2027, 11, 31) }).map((t) => new Date(t)),
});
/** `at`, or the model's first priced moment when it came later (Mistral Large 4 launched 2026-10-06). */
const pricedAt = (modelId: string, at: Date): Date =>
  new Date(Math.max(at.getTime(), Math.min(...findModel(catalog, modelId)!.periods.map((p) => Date.parse(p.from)))));

describe('estimate (properties over every current model)', () => {
  it('splits input exactly, sums its lines, and never makes caching cost more', () => {
    fc.assert(
      fc.property(requestArb, (r) => {
        const e = estimate(catalog, {
          modelId: r.modelId,
          inputTokens: r.inputTokens,
          output: { ratio: r.ratio },
          cache: { hitRatio: r.hitRatio },
          at: pricedAt(r.modelId, r.at),
        });
        assert.equal(e.cacheHit.tokens + e.cacheMiss.tokens, r.inputTokens);
        assert.ok(e.total.eq(e.cacheHit.cost.add(e.cacheMiss.cost).add(e.output.cost)));
        assert.ok(e.cacheSaving.eq(e.totalWithoutCache.sub(e.total)));
        assert.ok(!e.cacheSaving.isNegative());
        assert.ok(!e.total.isNegative());
        assert.ok(Math.abs(e.output.tokens - r.inputTokens * r.ratio) <= 0.5 + 1e-6);
      }),
      { numRuns: 300 },
    );
  });
  it('converts USD figures to EUR with exactly the table rate', () => {
    const usdOnly = current.filter((id) => !['deepseek-flash', 'deepseek-v4-pro'].includes(id));
    fc.assert(
      fc.property(requestArb, fc.constantFrom(...usdOnly), (r, modelId) => {
        const base = {
          modelId,
          inputTokens: r.inputTokens,
          output: { ratio: r.ratio },
          cache: { hitRatio: r.hitRatio },
          at: pricedAt(modelId, r.at),
        };
        const usd = estimate(catalog, base);
        const eur = estimate(catalog, { ...base, currency: 'EUR' });
        assert.ok(eur.total.eq(usd.total.mul(Rational.parse(catalog.fx.rates.EUR))));
      }),
      { numRuns: 200 },
    );
  });
});
