import * as assert from 'node:assert/strict';
import { nextRefreshAt, refreshDue } from '../../src/core/config/priceSettings';
import type { AutoRefresh } from '../../src/core/config/priceSettings';

const NOW = new Date('2026-12-05T12:00:00Z');
const iso = (d: Date | undefined): string | undefined => d?.toISOString();

describe('llmCost.prices.autoRefresh schedule (nextRefreshAt, refreshDue)', () => {
  it('off is never due, whatever the last check', () => {
    for (const last of [undefined, '', 'garbage', '2020-01-01T00:00:00Z', '2030-01-01T00:00:00Z', NOW.toISOString()]) {
      assert.equal(nextRefreshAt('off', last, NOW), undefined, String(last));
      assert.equal(refreshDue('off', last, NOW), false, String(last));
    }
  });

  it('the next check is the last check plus one day (daily) or seven days (weekly)', () => {
    assert.equal(iso(nextRefreshAt('daily', '2026-12-05T08:30:00Z', NOW)), '2026-12-06T08:30:00.000Z');
    assert.equal(iso(nextRefreshAt('weekly', '2026-12-05T08:30:00Z', NOW)), '2026-12-12T08:30:00.000Z');
  });

  it('is due exactly at the interval, not a millisecond before', () => {
    const cases: [AutoRefresh, number][] = [
      ['daily', 86_400_000],
      ['weekly', 7 * 86_400_000],
    ];
    for (const [auto, interval] of cases) {
      const at = (ms: number): string => new Date(NOW.getTime() - ms).toISOString();
      assert.equal(refreshDue(auto, at(interval), NOW), true, `${auto} at the interval`);
      assert.equal(refreshDue(auto, at(interval - 1), NOW), false, `${auto} 1 ms early`);
      assert.equal(refreshDue(auto, at(interval * 30), NOW), true, `${auto} long overdue`);
    }
  });

  it('a week-old check is due daily but not weekly until the seventh day', () => {
    assert.equal(refreshDue('daily', '2026-11-30T12:00:00Z', NOW), true);
    assert.equal(refreshDue('weekly', '2026-11-30T12:00:00Z', NOW), false);
    assert.equal(refreshDue('weekly', '2026-11-28T12:00:00Z', NOW), true);
  });

  it('never checked, an unreadable date, or a date in the future: due now', () => {
    for (const last of [undefined, '', 'not a date', '2027-01-01T00:00:00Z']) {
      assert.equal(iso(nextRefreshAt('daily', last, NOW)), NOW.toISOString(), String(last));
      assert.equal(refreshDue('weekly', last, NOW), true, String(last));
    }
  });
});
