/** DeepSeek-style time-of-day pricing: which window a moment falls in and when it changes. */
import type { ModelEntry, TimeOfDaySchedule } from '../catalog/types';
import { currentPeriod } from '../catalog/catalog';
import { Rational } from './rational';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const WEEK = 7 * DAY;

interface Span {
  readonly start: number;
  readonly end: number;
}

/** The window in force at a moment: discounted or not, its label, the price multiplier and the next change. */
export function windowAt(
  schedule: TimeOfDaySchedule,
  at: Date,
): { discounted: boolean; label: string; multiplier: Rational; nextChange?: Date } {
  const discounted = isDiscounted(schedule, at.getTime());
  const nextChange = nextFlip(schedule, at.getTime(), (t) => isDiscounted(schedule, t) !== discounted);
  return {
    discounted,
    label: discounted ? schedule.discountLabel : schedule.fullLabel,
    multiplier: discounted ? Rational.parse(schedule.multiplier) : Rational.ONE,
    ...(nextChange ? { nextChange } : {}),
  };
}

/** The next moment after `at` when a discounted (or full-price) window begins; undefined if none ever does. */
export function nextWindowStart(schedule: TimeOfDaySchedule, at: Date, discounted: boolean): Date | undefined {
  return nextFlip(schedule, at.getTime(), (t) => isDiscounted(schedule, t) === discounted && isDiscounted(schedule, t - 1) !== discounted);
}

/** Hours of the 24 from `dayStartUtc` spent in the discounted and in the full-price window (windows are whole minutes). */
export function scheduleCoverage(schedule: TimeOfDaySchedule, dayStartUtc: Date): { discountedHours: number; fullHours: number } {
  const start = dayStartUtc.getTime();
  let discountedMinutes = 0;
  for (let m = 0; m < 1440; m++) if (isDiscounted(schedule, start + m * MINUTE)) discountedMinutes++;
  return { discountedHours: discountedMinutes / 60, fullHours: (1440 - discountedMinutes) / 60 };
}

/** True when the price in force for the model at `at` depends on the time of day (a day alone cannot be priced at one instant). */
export function hasTimeOfDayPricing(model: ModelEntry, at: Date): boolean {
  return currentPeriod(model, at)?.schedule !== undefined;
}

function isDiscounted(schedule: TimeOfDaySchedule, t: number): boolean {
  const inside = insideWindows(schedule, t);
  return schedule.discountedWhen === 'inside' ? inside : !inside;
}

function insideWindows(schedule: TimeOfDaySchedule, t: number): boolean {
  const offset = weekOffset(t);
  return spans(schedule).some((s) => (offset >= s.start && offset < s.end) || (offset + WEEK >= s.start && offset + WEEK < s.end));
}

/** Window spans in ms from Sunday 00:00 UTC; a span wrapping past midnight (or past Saturday) may end after WEEK. */
function spans(schedule: TimeOfDaySchedule): Span[] {
  const out: Span[] = [];
  for (const w of schedule.windows) {
    const from = clock(w.from);
    let to = clock(w.to);
    if (to <= from) to += DAY;
    for (const day of w.days) out.push({ start: day * DAY + from, end: day * DAY + to });
  }
  return out;
}

/** First boundary after t (within two weeks) at which `test` holds. */
function nextFlip(schedule: TimeOfDaySchedule, t: number, test: (moment: number) => boolean): Date | undefined {
  const weekStart = t - weekOffset(t);
  const marks = new Set<number>();
  for (const s of spans(schedule)) for (const b of [s.start, s.end]) marks.add(b % WEEK);
  const candidates: number[] = [];
  for (const k of [0, 1, 2]) for (const b of marks) candidates.push(weekStart + k * WEEK + b);
  candidates.sort((a, b) => a - b);
  const found = candidates.find((c) => c > t && test(c));
  return found === undefined ? undefined : new Date(found);
}

function weekOffset(t: number): number {
  const d = new Date(t);
  return d.getUTCDay() * DAY + (t - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function clock(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h * 60 + m) * MINUTE;
}
