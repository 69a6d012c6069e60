import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TimeOfDaySchedule, WeeklyWindow } from '../../src/core/catalog/types';
import { nextWindowStart, windowAt } from '../../src/core/cost/schedule';
import { bundledHolidays } from '../../src/core/catalog/holidays';

const MIN = 60_000;
const DAY = 1440 * MIN;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Independent reading of the windows: is the moment inside one that started today or yesterday? */
function naiveInside(windows: readonly WeeklyWindow[], t: number): boolean {
  for (const back of [0, 1]) {
    const dayStart = Math.floor(t / DAY) * DAY - back * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    for (const w of windows) {
      if (!w.days.includes(weekday)) continue;
      const [fh, fm] = w.from.split(':').map(Number);
      const [th, tm] = w.to.split(':').map(Number);
      const from = dayStart + (fh * 60 + fm) * MIN;
      let to = dayStart + (th * 60 + tm) * MIN;
      if (to <= from) to += DAY;
      if (t >= from && t < to) return true;
    }
  }
  return false;
}

const windowArb = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    from: fc.integer({ min: 0, max: 47 }).map((h) => hhmm(h * 30)),
    to: fc.integer({ min: 1, max: 48 }).map((h) => hhmm(h * 30)),
  })
  .filter((w) => w.from !== w.to);
const scheduleArb = fc
  .record({
    windows: fc.array(windowArb, { minLength: 1, maxLength: 3 }),
    discountedWhen: fc.constantFrom('inside' as const, 'outside' as const),
  })
  .map((s): TimeOfDaySchedule => ({ ...s, multiplier: '0.5', discountLabel: 'off', fullLabel: 'full' }));
const momentArb = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) });

describe('time-of-day schedule (properties)', () => {
  it('agrees with an independent reading of the windows', () => {
    fc.assert(
      fc.property(scheduleArb, momentArb, (s, t) => {
        const inside = naiveInside(s.windows, t);
        assert.equal(windowAt(s, new Date(t), bundledHolidays).discounted, s.discountedWhen === 'inside' ? inside : !inside);
      }),
      { numRuns: 500 },
    );
  });
  it('nextChange is the first moment the state flips', () => {
    fc.assert(
      fc.property(scheduleArb, momentArb, (s, t) => {
        const w = windowAt(s, new Date(t), bundledHolidays);
        if (!w.nextChange) {
          // No flip: the state is the same every half hour for a week.
          for (let k = 1; k <= 336; k++) assert.equal(windowAt(s, new Date(t + k * 30 * MIN), bundledHolidays).discounted, w.discounted);
          return;
        }
        const next = w.nextChange.getTime();
        assert.ok(next > t && next - t <= 7 * DAY);
        assert.notEqual(windowAt(s, w.nextChange, bundledHolidays).discounted, w.discounted);
        assert.equal(windowAt(s, new Date(next - 1), bundledHolidays).discounted, w.discounted);
        // Windows sit on half hours, so sampling every half hour up to the change finds no earlier flip.
        for (let m = Math.ceil((t + 1) / (30 * MIN)) * 30 * MIN; m < next; m += 30 * MIN)
          assert.equal(windowAt(s, new Date(m), bundledHolidays).discounted, w.discounted);
      }),
      { numRuns: 300 },
    );
  });
  it('nextWindowStart lands on the start of a window of the asked kind', () => {
    fc.assert(
      fc.property(scheduleArb, momentArb, fc.boolean(), (s, t, discounted) => {
        const start = nextWindowStart(s, new Date(t), discounted, bundledHolidays);
        if (!start) return;
        assert.ok(start.getTime() > t);
        assert.equal(windowAt(s, start, bundledHolidays).discounted, discounted);
        assert.equal(windowAt(s, new Date(start.getTime() - 1), bundledHolidays).discounted, !discounted);
      }),
      { numRuns: 300 },
    );
  });
});
