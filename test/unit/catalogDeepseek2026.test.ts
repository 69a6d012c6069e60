import * as assert from 'node:assert/strict';
import { currentPeriod, defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { estimate } from '../../src/core/cost/estimate';

const catalog = defaultCatalog();
const s = (r: { toDecimalString(): string }) => r.toDecimalString();
/** One million tokens of each kind (cache hit, cache miss, output): the total is the sum of the three prices in force. */
const perMillion = (modelId: string, at: string, currency?: string) =>
  estimate(catalog, {
    modelId,
    at: new Date(at),
    inputTokens: 2_000_000,
    cache: { cachedPrefixTokens: 1_000_000 },
    output: { tokens: 1_000_000 },
    ...(currency ? { currency } : {}),
  });
const prices = (modelId: string, at: string, currency?: string) => {
  const e = perMillion(modelId, at, currency);
  return [s(e.cacheHit.pricePerMillion), s(e.cacheMiss.pricePerMillion), s(e.output.pricePerMillion)];
};

// Moments (UTC): 2026-08-18 is a Tuesday, 2026-08-22 a Saturday, 2026-08-29 a Saturday, 2026-09-01 a Tuesday.
describe('DeepSeek history from July to October 2026 (issue 10)', () => {
  it('prices deepseek-flash flat at 0.0028 / 0.14 / 0.28 until the regime change of 2026-08-16 16:00 UTC', () => {
    assert.deepEqual(prices('deepseek-flash', '2026-07-25T02:00:00Z'), ['0.0028', '0.14', '0.28']);
    assert.deepEqual(prices('deepseek-flash', '2026-08-16T15:59:59Z'), ['0.0028', '0.14', '0.28']);
    assert.equal(perMillion('deepseek-flash', '2026-08-16T15:59:59Z').context.window, null);
  });
  it('prices deepseek-flash at 0.014 / 0.44 / 1.32 peak and half that off-peak from 2026-08-16 16:00 UTC', () => {
    assert.deepEqual(prices('deepseek-flash', '2026-08-18T02:00:00Z'), ['0.014', '0.44', '1.32']);
    assert.deepEqual(prices('deepseek-flash', '2026-08-18T05:00:00Z'), ['0.007', '0.22', '0.66']);
    // The native CNY list (peak 0.10 / 3 / 9), not a conversion.
    const cny = perMillion('deepseek-flash', '2026-08-18T02:00:00Z', 'CNY');
    assert.equal(cny.context.converted, null);
    assert.equal(s(cny.total), '12.1');
  });
  it('has peak hours on weekends in the first week only (weekends off-peak from 2026-08-23)', () => {
    const firstSaturday = perMillion('deepseek-flash', '2026-08-22T02:00:00Z');
    assert.equal(firstSaturday.context.window?.label, 'peak');
    assert.equal(s(firstSaturday.total), '1.774'); // 0.014 + 0.44 + 1.32
    const laterSaturday = perMillion('deepseek-flash', '2026-08-29T02:00:00Z');
    assert.equal(laterSaturday.context.window?.label, 'off-peak');
    assert.equal(s(laterSaturday.total), '0.887');
  });
  it('applies the weekday schedule in September 2026 (usage --at 2026-09-01T12:00Z prices)', () => {
    const noon = perMillion('deepseek-flash', '2026-09-01T12:00:00Z');
    assert.equal(noon.context.window?.label, 'off-peak');
    assert.equal(noon.context.window?.nextChange?.toISOString(), '2026-09-02T01:00:00.000Z');
    assert.deepEqual(prices('deepseek-flash', '2026-09-01T12:00:00Z'), ['0.007', '0.22', '0.66']);
    assert.equal(perMillion('deepseek-flash', '2026-09-01T02:00:00Z').context.window?.label, 'peak');
    assert.deepEqual(prices('deepseek-v4-pro', '2026-09-01T12:00:00Z'), ['0.022', '0.66', '1.98']);
    assert.deepEqual(prices('deepseek-v4-pro', '2026-09-01T02:00:00Z'), ['0.044', '1.32', '3.96']);
  });
  it('prices V4.1 Flash at 0.006 / 0.30 / 1.20 peak from its launch, 2026-09-10 04:00 UTC', () => {
    assert.deepEqual(prices('deepseek-flash', '2026-09-10T03:59:59Z'), ['0.014', '0.44', '1.32']);
    // 2026-09-10 04:00 UTC is off-peak (peak resumes at 06:00): half of 0.006 / 0.30 / 1.20.
    assert.deepEqual(prices('deepseek-flash', '2026-09-10T04:00:00Z'), ['0.003', '0.15', '0.6']);
    assert.deepEqual(prices('deepseek-flash', '2026-09-15T02:00:00Z'), ['0.006', '0.3', '1.2']);
    assert.equal(currentPeriod(findModel(catalog, 'deepseek-flash')!, new Date('2026-09-15T02:00:00Z'))?.from, '2026-09-10T04:00:00Z');
  });
  it('prices deepseek-v4-pro from its launch: 1.74 list, the 75% discount, the cache cut, then peak/off-peak', () => {
    assert.deepEqual(prices('deepseek-v4-pro', '2026-04-24T12:00:00Z'), ['0.145', '1.74', '3.48']);
    assert.deepEqual(prices('deepseek-v4-pro', '2026-04-26T00:00:00Z'), ['0.03625', '0.435', '0.87']);
    assert.deepEqual(prices('deepseek-v4-pro', '2026-06-01T00:00:00Z'), ['0.003625', '0.435', '0.87']);
    assert.deepEqual(prices('deepseek-v4-pro', '2026-08-16T15:59:59Z'), ['0.003625', '0.435', '0.87']);
    assert.deepEqual(prices('deepseek-v4-pro', '2026-08-18T02:00:00Z'), ['0.044', '1.32', '3.96']);
  });
  it('keeps V4 Pro prices after 2026-09-14 04:00 UTC: the announced routing to V4.1 Flash was withdrawn', () => {
    assert.deepEqual(prices('deepseek-v4-pro', '2026-09-15T02:00:00Z'), ['0.044', '1.32', '3.96']);
    const pro = findModel(catalog, 'deepseek-v4-pro')!;
    assert.doesNotMatch(pro.notes!, /UNRESOLVED/);
    assert.match(pro.notes!, /withdrew/);
    const period = currentPeriod(pro, new Date('2026-09-15T02:00:00Z'))!;
    assert.match(period.note!, /ai-sdk-cost-calculator 7\.1\.14 applies the Flash price/);
    assert.match(period.maintainerNote!, /Followed: the withdrawal/);
  });
  it('leaves no gap in either model from launch to today', () => {
    for (const id of ['deepseek-flash', 'deepseek-v4-pro']) {
      const periods = findModel(catalog, id)!.periods;
      for (let i = 1; i < periods.length; i++)
        assert.equal(new Date(periods[i].from).getTime(), new Date(periods[i - 1].until!).getTime(), `${id} period ${i + 1}`);
      assert.equal(periods.at(-1)!.until, undefined, id);
    }
  });
});
