import * as assert from 'node:assert/strict';
import type { PricePeriod } from '../../src/core/catalog/types';
import type { PricingContext } from '../../src/core/cost/types';
import { Rational } from '../../src/core/cost/rational';
import {
  describeConversion,
  describePeriod,
  describePricing,
  describeTier,
  describeWindow,
  formatMultiplier,
  formatSchedule,
  formatWindows,
} from '../../src/core/format/pricing';
import { DEEPSEEK_PEAK_HOURS } from '../fixtures/models';

const peakHours = DEEPSEEK_PEAK_HOURS;
const period: PricePeriod = {
  from: '2025-02-08T16:00:00Z',
  until: '2025-02-26',
  prices: { USD: { input: '0.27', cacheHit: '0.07', output: '1.10' } },
  source: { url: 'https://example.invalid/pricing', verified: '2026-10-01' },
};
const base: PricingContext = {
  period,
  currency: 'USD',
  converted: null,
  tier: 'standard',
  window: null,
  at: new Date('2025-02-10T12:00:00Z'),
};

describe('format/pricing', () => {
  it('describes weekly windows compactly', () => {
    assert.equal(formatWindows(peakHours.windows), 'Mon–Fri 01:00–04:00, 06:00–10:00 UTC');
    assert.equal(formatWindows([{ days: [0, 6], from: '16:30', to: '00:30' }]), 'Sun, Sat 16:30–00:30 UTC');
    assert.equal(formatWindows([{ days: [0, 1, 2, 3, 4, 5, 6], from: '16:30', to: '00:30' }]), 'Sun–Sat 16:30–00:30 UTC');
  });
  it('describes a schedule and a multiplier', () => {
    assert.equal(formatSchedule(peakHours), 'off-peak (50% of the peak price) outside Mon–Fri 01:00–04:00, 06:00–10:00 UTC');
    assert.equal(formatMultiplier('0.25'), '25%');
  });
  it('says which window applied and when it changes', () => {
    const ctx: PricingContext = {
      ...base,
      window: { discounted: true, label: 'off-peak', multiplier: Rational.parse('0.5'), nextChange: new Date('2026-11-26T01:00:00Z') },
      at: new Date('2026-11-25T12:00:00Z'),
    };
    assert.equal(describeWindow(ctx), 'off-peak prices (50% of the full price) at 2026-11-25 12:00 UTC, until 2026-11-26 01:00 UTC');
    const peak: PricingContext = { ...ctx, window: { discounted: false, label: 'peak', multiplier: Rational.ONE } };
    assert.equal(describeWindow(peak), 'peak prices at 2026-11-25 12:00 UTC');
    assert.equal(describeWindow(base), null);
  });
  it('names the long-context tier and a conversion', () => {
    assert.equal(
      describeTier({ ...base, tier: 'long-context', longContextThreshold: 200_000 }),
      'long-context prices on every token (prompt of 200,000 tokens or more)',
    );
    assert.equal(describeTier(base), null);
    const converted: PricingContext = {
      ...base,
      currency: 'EUR',
      converted: { from: 'USD', rate: Rational.parse('0.86'), fxDate: '2026-10-31', fxSource: 'reference rates' },
    };
    assert.equal(describeConversion(converted), 'converted from USD at 0.86 EUR/USD (rates of 2026-10-31, reference rates)');
    assert.equal(describeConversion(base), null);
  });
  it('gives the period with its exact boundary times and source', () => {
    assert.equal(
      describePeriod(base),
      'price period 2025-02-08 16:00 UTC to 2025-02-26; source https://example.invalid/pricing, verified 2026-10-01',
    );
    assert.deepEqual(describePricing(base), [describePeriod(base)]);
    const open: PricingContext = { ...base, period: { ...period, from: '2026-10-01', until: undefined } };
    assert.match(describePeriod(open), /^price period since 2026-10-01;/);
  });
});
