/** DeepSeek-style time-of-day pricing: which window a moment falls in and when it changes, holidays included. */
import type { CurrencyCode, HolidayCalendar, HolidayCalendars, ModelEntry, PriceList, TimeOfDaySchedule } from '../catalog/types';
import { currentPeriod } from '../catalog/catalog';
import { dayKind, localDay, localDayStart, type DayKind } from '../catalog/holidays';
import { Rational } from './rational';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const WEEK = 7 * DAY;

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The window in force at a moment: discounted or not, its label, the price multiplier, the next change and a holiday note.
 * `calendars` are the catalog's (`catalog.holidays`), which a refresh may have extended.
 */
export function windowAt(
  schedule: TimeOfDaySchedule,
  at: Date,
  calendars: HolidayCalendars,
): { discounted: boolean; label: string; multiplier: Rational; nextChange?: Date; note?: string } {
  const calendar = calendarOf(schedule, calendars);
  const t = at.getTime();
  const discounted = isDiscounted(schedule, t, calendar);
  const nextChange = nextFlip(schedule, t, (c) => isDiscounted(schedule, c, calendar) !== discounted, calendar);
  const note = calendar ? holidayNote(schedule, calendar, dayKind(calendar, t)) : undefined;
  return {
    discounted,
    label: discounted ? schedule.discountLabel : schedule.fullLabel,
    multiplier: discounted ? Rational.parse(schedule.multiplier) : Rational.ONE,
    ...(nextChange ? { nextChange } : {}),
    ...(note ? { note } : {}),
  };
}

/** The next moment after `at` when a discounted (or full-price) window begins; undefined if none ever does. */
export function nextWindowStart(schedule: TimeOfDaySchedule, at: Date, discounted: boolean, calendars: HolidayCalendars): Date | undefined {
  const calendar = calendarOf(schedule, calendars);
  const is = (t: number) => isDiscounted(schedule, t, calendar);
  return nextFlip(schedule, at.getTime(), (t) => is(t) === discounted && is(t - 1) !== discounted, calendar);
}

/** The published discounted list in a currency, where the schedule gives one instead of list × multiplier. */
export function discountedList(schedule: TimeOfDaySchedule | undefined, currency: CurrencyCode): PriceList | undefined {
  return schedule?.discountedPrices?.[currency];
}

/** Hours of the 24 from `dayStartUtc` spent in the discounted and in the full-price window (windows are whole minutes). */
export function scheduleCoverage(
  schedule: TimeOfDaySchedule,
  dayStartUtc: Date,
  calendars: HolidayCalendars,
): { discountedHours: number; fullHours: number } {
  const calendar = calendarOf(schedule, calendars);
  const start = dayStartUtc.getTime();
  let discountedMinutes = 0;
  for (let m = 0; m < 1440; m++) if (isDiscounted(schedule, start + m * MINUTE, calendar)) discountedMinutes++;
  return { discountedHours: discountedMinutes / 60, fullHours: (1440 - discountedMinutes) / 60 };
}

/** True when the price in force for the model at `at` depends on the time of day (a day alone cannot be priced at one instant). */
export function hasTimeOfDayPricing(model: ModelEntry, at: Date): boolean {
  return currentPeriod(model, at)?.schedule !== undefined;
}

/**
 * Discounted at `t`: always on the calendar's holidays; on its make-up working days the hours of the nearest
 * weekday apply (Saturday as Friday, Sunday as Monday); otherwise the weekly windows decide.
 */
function isDiscounted(schedule: TimeOfDaySchedule, t: number, calendar?: HolidayCalendar): boolean {
  const day = calendar ? dayKind(calendar, t) : undefined;
  if (day?.kind === 'holiday') return true;
  const probe = day?.kind === 'workday' && calendar ? asNearestWeekday(calendar, t) : t;
  const inside = insideWindows(schedule, probe);
  return schedule.discountedWhen === 'inside' ? inside : !inside;
}

function asNearestWeekday(calendar: HolidayCalendar, t: number): number {
  const weekday = new Date(Date.parse(`${localDay(calendar, t)}T00:00:00Z`)).getUTCDay();
  return weekday === 6 ? t - DAY : weekday === 0 ? t + DAY : t;
}

function calendarOf(schedule: TimeOfDaySchedule, calendars: HolidayCalendars): HolidayCalendar | undefined {
  return schedule.holidays === undefined ? undefined : calendars[schedule.holidays];
}

/** What people need to know about the day: a holiday, a make-up working day, or a year whose holidays are unknown. */
function holidayNote(schedule: TimeOfDaySchedule, calendar: HolidayCalendar, day: DayKind): string | undefined {
  if (day.kind === 'holiday') return `${day.day} is a ${calendar.name} (${day.name}): ${schedule.discountLabel} all day.`;
  if (day.kind === 'workday')
    return `${day.day} is a make-up working day (${calendar.name} calendar): weekday ${schedule.fullLabel} hours apply.`;
  if (day.kind === 'unknown') {
    const known = day.knownYears.length ? `; it knows ${day.knownYears.join(', ')}` : '';
    return `Holiday calendar unknown for ${day.year}: the catalog has no ${calendar.name} calendar for that year${known}. A holiday's ${schedule.fullLabel} hours are priced at ${schedule.fullLabel} rates, up to twice the bill.`;
  }
  return undefined;
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

/**
 * First boundary after t at which `test` holds, within three weeks (six with a holiday calendar, whose
 * longest runs of days off are about ten days). Boundaries are the windows' times of day on every day,
 * plus the calendar's local midnight, where holidays and make-up days begin and end.
 */
function nextFlip(schedule: TimeOfDaySchedule, t: number, test: (moment: number) => boolean, calendar?: HolidayCalendar): Date | undefined {
  const clocks = new Set<number>();
  for (const s of spans(schedule)) for (const b of [s.start, s.end]) clocks.add(b % DAY);
  if (calendar) clocks.add(localDayStart(calendar, t) - Math.floor(localDayStart(calendar, t) / DAY) * DAY);
  const times = [...clocks].sort((a, b) => a - b);
  const dayStart = Math.floor(t / DAY) * DAY;
  const horizon = calendar ? 42 : 21;
  for (let d = 0; d <= horizon; d++) {
    for (const clock of times) {
      const c = dayStart + d * DAY + clock;
      if (c > t && test(c)) return new Date(c);
    }
  }
  return undefined;
}

function weekOffset(t: number): number {
  const d = new Date(t);
  return d.getUTCDay() * DAY + (t - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function clock(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h * 60 + m) * MINUTE;
}
