import * as assert from 'node:assert/strict';
import type { HolidayCalendar, TimeOfDaySchedule } from '../../src/core/catalog/types';
import { bundledHolidays, dayKind } from '../../src/core/catalog/holidays';
import { validateHolidays } from '../../src/core/catalog/validateHolidays';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { validateCatalog } from '../../src/core/catalog/validate';
import { nextWindowStart, scheduleCoverage, windowAt } from '../../src/core/cost/schedule';
import { estimate } from '../../src/core/cost/estimate';
import fc from 'fast-check';
import { DEEPSEEK_PEAK_HOURS } from '../fixtures/models';

const cn = bundledHolidays.CN;
const d = (iso: string) => new Date(iso);
const peak: TimeOfDaySchedule = { ...DEEPSEEK_PEAK_HOURS, holidays: 'CN' };
const copy = (): Record<string, HolidayCalendar> => structuredClone(bundledHolidays);
type LooseYear = { year: number; holidays: { name: string; from: string; to: string }[]; workdays: string[] };
const year = (c: Record<string, HolidayCalendar>, y: number) => c.CN.years.find((x) => x.year === y) as unknown as LooseYear;

describe('Chinese public holidays in the DeepSeek schedule', () => {
  it('knows 2025 and 2026 from the State Council notices, by Beijing date', () => {
    assert.deepEqual(validateHolidays(bundledHolidays), []);
    // 2026-09-30 16:00 UTC is 00:00 Beijing on 2026-10-01 (National Day).
    assert.deepEqual(dayKind(cn, d('2026-09-30T15:59:59Z').getTime()), { kind: 'ordinary' });
    assert.deepEqual(dayKind(cn, d('2026-09-30T16:00:00Z').getTime()), { kind: 'holiday', name: 'National Day', day: '2026-10-01' });
    assert.deepEqual(dayKind(cn, d('2025-01-26T02:00:00Z').getTime()), { kind: 'workday', day: '2025-01-26' });
    assert.equal(dayKind(cn, d('2027-03-03T02:00:00Z').getTime()).kind, 'unknown');
  });
  it('is off-peak all day on a weekday holiday, with a note naming it', () => {
    // 2026-10-01 is a Thursday: 02:00 UTC would be peak on an ordinary Thursday.
    const w = windowAt(peak, d('2026-10-01T02:00:00Z'), bundledHolidays);
    assert.equal(w.discounted, true);
    assert.equal(w.note, '2026-10-01 is a Chinese public holiday (National Day): off-peak all day.');
    // The whole holiday week is off-peak; peak returns on Thursday 2026-10-08 at 01:00 UTC.
    assert.equal(w.nextChange?.toISOString(), '2026-10-08T01:00:00.000Z');
    assert.equal(nextWindowStart(peak, d('2026-09-30T12:00:00Z'), false, bundledHolidays)?.toISOString(), '2026-10-08T01:00:00.000Z');
    assert.deepEqual(scheduleCoverage(peak, d('2026-10-01T00:00:00Z'), bundledHolidays), { discountedHours: 24, fullHours: 0 });
    // An ordinary Thursday has 7 peak hours.
    assert.deepEqual(scheduleCoverage(peak, d('2026-10-15T00:00:00Z'), bundledHolidays), { discountedHours: 17, fullHours: 7 });
  });
  it('has weekday peak hours on a make-up working day (Saturday 2026-10-10, Sunday 2026-09-20)', () => {
    const saturday = windowAt(peak, d('2026-10-10T02:00:00Z'), bundledHolidays);
    assert.equal(saturday.discounted, false);
    assert.equal(saturday.note, '2026-10-10 is a make-up working day (Chinese public holiday calendar): weekday peak hours apply.');
    assert.equal(saturday.nextChange?.toISOString(), '2026-10-10T04:00:00.000Z');
    assert.equal(windowAt(peak, d('2026-09-20T07:00:00Z'), bundledHolidays).discounted, false);
    assert.equal(windowAt(peak, d('2026-09-20T12:00:00Z'), bundledHolidays).discounted, true);
    assert.deepEqual(scheduleCoverage(peak, d('2026-10-10T00:00:00Z'), bundledHolidays), { discountedHours: 17, fullHours: 7 });
    // An ordinary Saturday stays off-peak all day.
    assert.equal(windowAt(peak, d('2026-10-17T02:00:00Z'), bundledHolidays).discounted, true);
  });
  it('says "holiday calendar unknown" beyond the last known year and prices ordinary hours there', () => {
    const w = windowAt(peak, d('2027-01-01T02:00:00Z'), bundledHolidays);
    assert.equal(w.discounted, false);
    assert.match(w.note!, /^Holiday calendar unknown for 2027: .* it knows 2025, 2026\. .*up to twice the bill/);
  });
  it('halves a holiday estimate that an ordinary weekday would price at peak', () => {
    const run = (at: string) =>
      estimate(defaultCatalog(), {
        modelId: 'deepseek-flash',
        at: d(at),
        inputTokens: 1_000_000,
        cache: { hitRatio: 0 },
        output: { tokens: 0 },
      });
    // Thursday 2026-10-01 02:00 UTC (National Day) against Thursday 2026-10-15 02:00 UTC.
    assert.equal(run('2026-10-01T02:00:00Z').total.toDecimalString(), '0.15');
    assert.equal(run('2026-10-15T02:00:00Z').total.toDecimalString(), '0.3');
    assert.ok(run('2026-10-01T02:00:00Z').notes.some((n) => n.text.includes('National Day')));
  });
  it('applies the 2026 Mid-Autumn Festival to deepseek-v4-pro too (Friday 2026-09-25)', () => {
    const e = estimate(defaultCatalog(), {
      modelId: 'deepseek-v4-pro',
      at: d('2026-09-25T02:00:00Z'),
      inputTokens: 1_000_000,
      cache: { hitRatio: 0 },
      output: { tokens: 0 },
    });
    assert.equal(e.total.toDecimalString(), '0.66');
  });
  it('reports the next change exactly: the window holds until it and flips there (property, 2025-2027)', () => {
    const from = Date.parse('2025-01-01T00:00:00Z');
    const to = Date.parse('2027-12-01T00:00:00Z');
    // Random moments, and moments in and around holidays and make-up days (Spring Festival 2026, National Day 2025 and 2026).
    const near = ['2026-02-13T20:00:00Z', '2026-02-20T02:00:00Z', '2025-09-27T23:00:00Z', '2025-10-10T12:00:00Z', '2026-09-30T15:00:00Z'];
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: from, max: to }), fc.constantFrom(...near.map((iso) => Date.parse(iso)))), (t) => {
        const w = windowAt(peak, new Date(t), bundledHolidays);
        const change = w.nextChange!.getTime();
        for (let probe = t; probe < change; probe += 3_600_000)
          assert.equal(windowAt(peak, new Date(probe), bundledHolidays).discounted, w.discounted);
        assert.equal(windowAt(peak, new Date(change - 1), bundledHolidays).discounted, w.discounted);
        assert.notEqual(windowAt(peak, new Date(change), bundledHolidays).discounted, w.discounted);
      }),
      { numRuns: 40 },
    );
  });
  const defects: [string, (c: Record<string, HolidayCalendar>) => void, RegExp][] = [
    [
      'a make-up day on a weekday',
      (c) => year(c, 2026).workdays.push('2026-10-09'),
      /make-up working day 2026-10-09 is not a Saturday or Sunday/,
    ],
    [
      'a day both off and worked',
      (c) => year(c, 2026).workdays.push('2026-10-03'),
      /2026-10-03 is both a holiday and a make-up working day/,
    ],
    ['a holiday outside its year', (c) => year(c, 2026).holidays.push({ name: 'x', from: '2027-01-01', to: '2027-01-01' }), /inside 2026/],
    [
      'a range ending before it starts',
      (c) => year(c, 2026).holidays.push({ name: 'x', from: '2026-12-02', to: '2026-12-01' }),
      /from ≤ to/,
    ],
    [
      'overlapping holidays',
      (c) => year(c, 2025).holidays.push({ name: 'x', from: '2025-02-04', to: '2025-02-05' }),
      /2025-02-04 is listed twice/,
    ],
    ['years out of order', (c) => (c.CN as unknown as { years: unknown[] }).years.reverse(), /years must be listed once each, in order/],
    ['a bad offset', (c) => ((c.CN as unknown as { utcOffset: string }).utcOffset = 'Beijing'), /bad utcOffset "Beijing"/],
  ];
  for (const [name, mutate, expected] of defects) {
    it(`refuses ${name}`, () => {
      const c = copy();
      mutate(c);
      const problems = validateHolidays(c);
      assert.ok(
        problems.some((p) => expected.test(p)),
        `expected ${expected} in:\n${problems.join('\n')}`,
      );
    });
  }
  it('refuses a schedule naming an unknown calendar', () => {
    const c = structuredClone(defaultCatalog()) as unknown as { models: { id: string; periods: { schedule?: { holidays?: string } }[] }[] };
    c.models.find((m) => m.id === 'deepseek-flash')!.periods.at(-1)!.schedule!.holidays = 'XX';
    assert.ok(validateCatalog(c as never).some((p) => /unknown holiday calendar "XX" \(known: CN\)/.test(p)));
  });
});
