import * as assert from 'node:assert/strict';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { hasTimeOfDayPricing, scheduleCoverage } from '../../src/core/cost/schedule';
import { bundledHolidays } from '../../src/core/catalog/holidays';

const catalog = defaultCatalog();
const model = (id: string) => findModel(catalog, id)!;
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const flashSchedule = model('deepseek-flash').periods.at(-1)!.schedule!;
const nightSchedule = model('deepseek-chat').periods.find((p) => p.schedule?.discountedWhen === 'inside')!.schedule!;

describe('scheduleCoverage', () => {
  it('counts the hours of a UTC day in each DeepSeek 2026 window', () => {
    // Wednesday: peak 01:00–04:00 (3 h) and 06:00–10:00 (4 h) = 7 h; off-peak 24 − 7 = 17 h.
    assert.deepEqual(scheduleCoverage(flashSchedule, day('2026-11-25'), bundledHolidays), { discountedHours: 17, fullHours: 7 });
    // Saturday and Sunday: off-peak all day.
    assert.deepEqual(scheduleCoverage(flashSchedule, day('2026-11-28'), bundledHolidays), { discountedHours: 24, fullHours: 0 });
    assert.deepEqual(scheduleCoverage(flashSchedule, day('2026-11-29'), bundledHolidays), { discountedHours: 24, fullHours: 0 });
  });
  it('counts a window that wraps past midnight on both days it touches', () => {
    // 2025 night discount 16:30–00:30 every day: 00:00–00:30 (0.5 h, from the evening before) + 16:30–24:00 (7.5 h) = 8 h.
    assert.deepEqual(scheduleCoverage(nightSchedule, day('2025-03-03'), bundledHolidays), { discountedHours: 8, fullHours: 16 });
  });
  it('covers the 24 hours from any start, not only midnight', () => {
    // From Wednesday 2026-11-25 02:00 to Thursday 02:00: peak Wed 02:00–04:00 (2 h) + 06:00–10:00 (4 h) + Thu 01:00–02:00 (1 h) = 7 h.
    assert.deepEqual(scheduleCoverage(flashSchedule, new Date('2026-11-25T02:00:00Z'), bundledHolidays), {
      discountedHours: 17,
      fullHours: 7,
    });
    // From Friday 2026-11-27 09:30: peak Fri 09:30–10:00 only (0.5 h), the rest of Friday and Saturday morning off-peak.
    assert.deepEqual(scheduleCoverage(flashSchedule, new Date('2026-11-27T09:30:00Z'), bundledHolidays), {
      discountedHours: 23.5,
      fullHours: 0.5,
    });
  });
});

describe('hasTimeOfDayPricing', () => {
  it('is true where the period in force has a schedule, so a date alone cannot be priced at one instant', () => {
    assert.equal(hasTimeOfDayPricing(model('deepseek-flash'), day('2026-11-25')), true);
    assert.equal(hasTimeOfDayPricing(model('deepseek-chat'), day('2025-03-01')), true); // the 2025 night discount
  });
  it('is false for flat prices and for moments without a price', () => {
    assert.equal(hasTimeOfDayPricing(model('grok-4.3'), day('2026-11-25')), false);
    assert.equal(hasTimeOfDayPricing(model('deepseek-chat'), day('2025-02-10')), false); // before the night discount began
    assert.equal(hasTimeOfDayPricing(model('deepseek-flash'), day('2026-05-01')), false); // the V4 launch list had no schedule
    assert.equal(hasTimeOfDayPricing(model('deepseek-flash'), day('2020-01-01')), false);
  });
});
