import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { currentPeriod, defaultCatalog } from '../../src/core/catalog/catalog';
import { diffPrices } from '../../src/core/catalog/priceRefresh';
import { applyStore, EMPTY_STORE, withAccepted } from '../../src/core/catalog/priceStore';
import type { PriceList } from '../../src/core/catalog/types';
import { Rational } from '../../src/core/cost/rational';
import type { PriceQuote, QuotedList } from '../../src/core/remote/priceQuotes';

const NOW = new Date('2026-12-05T12:00:00Z');
const LATER = new Date('2026-12-06T00:00:00Z');

/** Prices a source might send: zero, negative, tiny, huge, ordinary, as decimal strings. */
const price = fc.oneof(
  fc.constant('0'),
  fc.constant('-0.5'),
  fc.integer({ min: -1_000_000, max: 100_000_000 }).map((n) => Rational.of(BigInt(n), 1_000_000n).toDecimalString()),
  fc.integer({ min: 1, max: 999 }).map((n) => `0.${String(n).padStart(9, '0')}`),
);
const list: fc.Arbitrary<QuotedList> = fc.record({ input: price, cacheHit: price, output: price }, { requiredKeys: [] });

describe('price refresh (property): no accepted refresh makes a priced model free', () => {
  const catalog = defaultCatalog();
  const priced = catalog.models.filter((m) => currentPeriod(m, NOW)?.prices.USD && m.provider !== 'custom');
  const quote = fc.record({
    model: fc.constantFrom(...priced),
    prices: list,
    long: fc.option(list, { nil: undefined }),
  });

  it('every non-zero price in force stays above zero after accepting every change offered', () => {
    fc.assert(
      fc.property(fc.array(quote, { minLength: 1, maxLength: 12 }), (raw) => {
        const quotes: PriceQuote[] = raw.map(({ model, prices, long }) => ({
          provider: model.provider as PriceQuote['provider'],
          id: model.id,
          aliases: [],
          prices,
          ...(long
            ? { longContext: { thresholdTokens: currentPeriod(model, NOW)?.longContext?.thresholdTokens ?? 200_000, prices: long } }
            : {}),
        }));
        const diff = diffPrices(catalog, { source: 'prop', format: 'litellm', fetchedAt: NOW.toISOString(), quotes }, NOW);
        const { catalog: next } = applyStore(catalog, withAccepted(EMPTY_STORE, diff, [...diff.changes, ...diff.held]));
        for (const model of priced) {
          const before = currentPeriod(model, NOW)!;
          const after = currentPeriod(
            next.models.find((m) => m.id === model.id)!,
            LATER,
          )!;
          assertNotFree(before.prices.USD!, after.prices.USD!, model.id);
          const tierBefore = before.longContext?.prices.USD;
          const tierAfter = after.longContext?.prices.USD;
          if (tierBefore) assertNotFree(tierBefore, tierAfter!, `${model.id} long context`);
        }
      }),
      { numRuns: 300 },
    );
  });
});

function assertNotFree(before: PriceList, after: PriceList, what: string): void {
  for (const field of ['input', 'cacheHit', 'output'] as const) {
    const old = before[field];
    const now = after[field];
    if (old === null || Rational.parse(old).isZero()) continue;
    assert.ok(now !== null && Rational.parse(now).cmp(Rational.ZERO) > 0, `${what} ${field}: ${old} became ${String(now)}`);
  }
}
