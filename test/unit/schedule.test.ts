import * as assert from 'node:assert/strict';
import type { TimeOfDaySchedule } from '../../src/core/catalog/types';
import { nextWindowStart, windowAt } from '../../src/core/cost/schedule';
import { bundledHolidays } from '../../src/core/catalog/holidays';
import { DEEPSEEK_PEAK_HOURS } from '../fixtures/models';

const peak = DEEPSEEK_PEAK_HOURS;
// DeepSeek 2025 night discount: 16:30-00:30 UTC every day (wraps past midnight), x0.5.
const night: TimeOfDaySchedule = {
  windows: [{ days: [0, 1, 2, 3, 4, 5, 6], from: '16:30', to: '00:30' }],
  discountedWhen: 'inside',
  multiplier: '0.5',
  discountLabel: 'night discount',
  fullLabel: 'standard',
};
const d = (iso: string) => new Date(iso);

describe('time-of-day schedule', () => {
  // 2026-11-25 is a Wednesday, 2026-11-28 a Saturday, 2026-11-30 a Monday.
  it('is peak on a weekday at 02:00 UTC, changing at 04:00', () => {
    const w = windowAt(peak, d('2026-11-25T02:00:00Z'), bundledHolidays);
    assert.equal(w.discounted, false);
    assert.equal(w.label, 'peak');
    assert.equal(w.multiplier.toDecimalString(), '1');
    assert.equal(w.nextChange?.toISOString(), '2026-11-25T04:00:00.000Z');
  });
  it('is off-peak on a weekday at 05:00 UTC, changing at 06:00', () => {
    const w = windowAt(peak, d('2026-11-25T05:00:00Z'), bundledHolidays);
    assert.equal(w.discounted, true);
    assert.equal(w.label, 'off-peak');
    assert.equal(w.multiplier.toDecimalString(), '0.5');
    assert.equal(w.nextChange?.toISOString(), '2026-11-25T06:00:00.000Z');
  });
  it('is off-peak all Saturday, next change Monday 01:00', () => {
    const w = windowAt(peak, d('2026-11-28T02:00:00Z'), bundledHolidays);
    assert.equal(w.discounted, true);
    assert.equal(w.nextChange?.toISOString(), '2026-11-30T01:00:00.000Z');
  });
  it('treats window ends as exclusive and starts as inclusive', () => {
    assert.equal(windowAt(peak, d('2026-11-25T04:00:00Z'), bundledHolidays).discounted, true);
    assert.equal(windowAt(peak, d('2026-11-25T03:59:59.999Z'), bundledHolidays).discounted, false);
    assert.equal(windowAt(peak, d('2026-11-25T01:00:00Z'), bundledHolidays).discounted, false);
    const beforeOpen = windowAt(peak, d('2026-11-25T00:59:59Z'), bundledHolidays);
    assert.equal(beforeOpen.discounted, true);
    assert.equal(beforeOpen.nextChange?.toISOString(), '2026-11-25T01:00:00.000Z');
    // Friday 10:00 ends the week's last peak: next change is Monday 01:00.
    assert.equal(windowAt(peak, d('2026-11-27T10:00:00Z'), bundledHolidays).nextChange?.toISOString(), '2026-11-30T01:00:00.000Z');
  });
  it('finds the next peak and the next off-peak moments', () => {
    assert.equal(nextWindowStart(peak, d('2026-11-25T02:00:00Z'), false, bundledHolidays)?.toISOString(), '2026-11-25T06:00:00.000Z');
    assert.equal(nextWindowStart(peak, d('2026-11-25T02:00:00Z'), true, bundledHolidays)?.toISOString(), '2026-11-25T04:00:00.000Z');
    assert.equal(nextWindowStart(peak, d('2026-11-28T02:00:00Z'), false, bundledHolidays)?.toISOString(), '2026-11-30T01:00:00.000Z');
    // Already off-peak on Saturday: the next off-peak run starts when Monday's first peak ends.
    assert.equal(nextWindowStart(peak, d('2026-11-28T02:00:00Z'), true, bundledHolidays)?.toISOString(), '2026-11-30T04:00:00.000Z');
  });
  it('handles a window that wraps past midnight', () => {
    // 2025-03-01 is a Saturday; its night window runs 16:30 to 00:30 on Sunday.
    const evening = windowAt(night, d('2025-03-01T17:00:00Z'), bundledHolidays);
    assert.equal(evening.discounted, true);
    assert.equal(evening.label, 'night discount');
    assert.equal(evening.nextChange?.toISOString(), '2025-03-02T00:30:00.000Z');
    const earlyMorning = windowAt(night, d('2025-03-01T00:15:00Z'), bundledHolidays); // tail of Friday's window
    assert.equal(earlyMorning.discounted, true);
    assert.equal(earlyMorning.nextChange?.toISOString(), '2025-03-01T00:30:00.000Z');
    const noon = windowAt(night, d('2025-03-01T12:00:00Z'), bundledHolidays);
    assert.equal(noon.discounted, false);
    assert.equal(noon.label, 'standard');
    assert.equal(noon.nextChange?.toISOString(), '2025-03-01T16:30:00.000Z');
  });
  it('handles a window that wraps past the end of the week (Saturday night into Sunday)', () => {
    const s: TimeOfDaySchedule = { ...night, windows: [{ days: [6], from: '23:00', to: '01:00' }] };
    assert.equal(windowAt(s, d('2026-11-29T00:30:00Z'), bundledHolidays).discounted, true); // Sunday 00:30
    assert.equal(windowAt(s, d('2026-11-29T00:30:00Z'), bundledHolidays).nextChange?.toISOString(), '2026-11-29T01:00:00.000Z');
    assert.equal(windowAt(s, d('2026-11-29T01:00:00Z'), bundledHolidays).nextChange?.toISOString(), '2026-12-05T23:00:00.000Z');
  });
  it('has no next change when the window covers every hour', () => {
    const always: TimeOfDaySchedule = { ...night, windows: [{ days: [0, 1, 2, 3, 4, 5, 6], from: '00:00', to: '24:00' }] };
    const w = windowAt(always, d('2026-11-25T12:00:00Z'), bundledHolidays);
    assert.equal(w.discounted, true);
    assert.equal(w.nextChange, undefined);
    assert.equal(nextWindowStart(always, d('2026-11-25T12:00:00Z'), false, bundledHolidays), undefined);
  });
});
