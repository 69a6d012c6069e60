import * as assert from 'node:assert/strict';
import { defaultCatalog, currentPeriod, findModel } from '../../src/core/catalog/catalog';
import { diffPrices, holdReason } from '../../src/core/catalog/priceRefresh';
import { applyStore, EMPTY_STORE, parseStore, withAccepted } from '../../src/core/catalog/priceStore';
import type { PriceQuote, QuoteSet } from '../../src/core/remote/priceQuotes';

const NOW = new Date('2026-12-05T12:00:00Z');
const set = (quotes: PriceQuote[]): QuoteSet => ({ source: 'test', format: 'litellm', fetchedAt: NOW.toISOString(), quotes });
const q = (provider: PriceQuote['provider'], id: string, prices: PriceQuote['prices'], extra: Partial<PriceQuote> = {}): PriceQuote => ({
  provider,
  id,
  aliases: [],
  prices,
  ...extra,
});

describe('price refresh: diff, validation, overlay', () => {
  const catalog = defaultCatalog();

  it('lists model, field, old and new for each changed price, and nothing for equal ones', () => {
    const diff = diffPrices(catalog, set([q('xai', 'grok-4.3', { input: '1.5', cacheHit: '0.20', output: '2.5' })]), NOW);
    assert.deepEqual(diff.changes, [{ model: 'grok-4.3', field: 'input', old: '1.25', new: '1.5', source: 'test' }]);
    assert.deepEqual(diff.matched, ['grok-4.3']);
  });

  it('matches by alias and by the source match rule; ids we lack are reported, not added', () => {
    const matcher = (name: string) => name.startsWith('deepseek-v4-flash');
    const diff = diffPrices(
      catalog,
      set([
        q('mistral', 'mistral-large-latest', { input: '0.6' }),
        q('deepseek', 'flash-by-rule', { output: '1.5' }, { matches: matcher }),
        q('deepseek', 'deepseek-v9', { input: '1' }),
      ]),
      NOW,
    );
    assert.deepEqual(
      diff.changes.map((c) => `${c.model} ${c.field} ${c.old}→${c.new}`),
      ['deepseek-flash output 1.20→1.5', 'mistral-large-2512 input 0.50→0.6'],
    );
    assert.deepEqual(diff.newIds, ['deepseek/deepseek-v9']);
    assert.equal(findModel(catalog, 'deepseek-v9'), undefined);
  });

  it('holds back a price that drops to zero, turns negative or moves more than 3×, and says why', () => {
    const diff = diffPrices(
      catalog,
      set([q('xai', 'grok-4.3', { input: '0', cacheHit: '-0.1', output: '7.51' }), q('xai', 'grok-4.7', { input: '0.66', output: '18' })]),
      NOW,
    );
    assert.deepEqual(diff.changes, [{ model: 'grok-4.7', field: 'output', old: '6.00', new: '18', source: 'test' }]);
    assert.deepEqual(diff.held.map((c) => `${c.model} ${c.field}: ${c.held}`).sort(), [
      'grok-4.3 cacheHit: negative price',
      'grok-4.3 input: drops to zero',
      'grok-4.3 output: more than 3× up',
      'grok-4.7 input: more than 3× down',
    ]);
    assert.equal(holdReason('2', '6'), undefined, 'exactly 3× is allowed');
    assert.equal(holdReason(null, '0'), 'zero price');
    assert.equal(holdReason('0', '0.1'), 'the catalog prices it at zero: an input-only model');
  });

  it('updates only the current period: history and CNY lists and the schedule stay ours', () => {
    const diff = diffPrices(catalog, set([q('deepseek', 'deepseek-v4-flash', { input: '0.33' })]), NOW);
    const store = withAccepted(EMPTY_STORE, diff, diff.changes);
    const { catalog: next } = applyStore(catalog, store);
    const before = findModel(catalog, 'deepseek-flash')!;
    const after = findModel(next, 'deepseek-flash')!;
    assert.equal(after.periods.length, before.periods.length + 1);
    const old = currentPeriod(after, new Date('2026-12-01T00:00:00Z'))!;
    const now = currentPeriod(after, NOW)!;
    assert.equal(old.prices.USD?.input, '0.30');
    assert.equal(old.until, NOW.toISOString());
    assert.equal(now.prices.USD?.input, '0.33');
    assert.equal(now.prices.USD?.output, before.periods.at(-1)!.prices.USD?.output);
    assert.deepEqual(now.prices.CNY, before.periods.at(-1)!.prices.CNY);
    assert.deepEqual(now.schedule, before.periods.at(-1)!.schedule);
    assert.deepEqual(now.source.refreshed, { source: 'test', fetchedAt: NOW.toISOString() });
    // A second check against the refreshed catalog finds nothing left to change.
    assert.deepEqual(diffPrices(next, set([q('deepseek', 'deepseek-v4-flash', { input: '0.33' })]), NOW).changes, []);
  });

  it('drops a stored update the bundled catalog has overtaken (a later bundled period)', () => {
    const early = new Date('2026-01-01T00:00:00Z');
    const store = withAccepted(EMPTY_STORE, { source: 'old', fetchedAt: early.toISOString() }, [
      { model: 'deepseek-flash', field: 'input', old: '0.1', new: '0.2', source: 'old' },
    ]);
    const { catalog: next, skipped } = applyStore(catalog, store);
    assert.equal(findModel(next, 'deepseek-flash'), findModel(catalog, 'deepseek-flash'));
    assert.equal(skipped.length, 1);
  });

  it('reads back what it writes, and refuses a damaged store as a whole', () => {
    const store = withAccepted(EMPTY_STORE, { source: 'litellm', url: 'https://example.test/p.json', fetchedAt: NOW.toISOString() }, [
      { model: 'grok-4.3', field: 'longContext.output', old: '5.00', new: '5.5', source: 'litellm' },
    ]);
    assert.deepEqual(parseStore(JSON.stringify(store)), { store });
    const zero = JSON.stringify({
      version: 1,
      updates: [{ ...store.updates[0], changes: [{ model: 'grok-4.3', field: 'input', price: '0' }] }],
    });
    assert.match((parseStore(zero) as { problem: string }).problem, /must be a positive price/);
    assert.match((parseStore('{"version":2}') as { problem: string }).problem, /malformed/);
  });
});
