/** Public-holiday calendars (data/holidays.json): what kind of day a moment falls on, in the calendar's local time. */
import type { HolidayCalendar, HolidayCalendars } from './types';
import holidayData from './data/holidays.json';

/** A local day: an ordinary day, a day off, a weekend day worked instead, or a year the calendar does not know. */
export type DayKind =
  | { readonly kind: 'ordinary' }
  | { readonly kind: 'holiday'; readonly name: string; readonly day: string }
  | { readonly kind: 'workday'; readonly day: string }
  | { readonly kind: 'unknown'; readonly year: number; readonly knownYears: readonly number[] };

const DAY_MS = 86_400_000;
const OFFSET = /^([+-])([01]\d|2[0-3]):([0-5]\d)$/;

/** The calendars shipped with the catalog. */
export const bundledHolidays: HolidayCalendars = holidayData;

interface Index {
  readonly offsetMs: number;
  readonly years: ReadonlySet<number>;
  readonly holidays: ReadonlyMap<string, string>;
  readonly workdays: ReadonlySet<string>;
}
const indexes = new WeakMap<HolidayCalendar, Index>();

/** The calendar's offset from UTC in milliseconds ("+08:00" → 28,800,000), or undefined when malformed. */
export function offsetMs(text: unknown): number | undefined {
  const m = typeof text === 'string' ? OFFSET.exec(text) : null;
  if (!m) return undefined;
  const ms = (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  return m[1] === '-' ? -ms : ms;
}

/** Every local date from `from` to `to` inclusive ("YYYY-MM-DD"); empty when `to` is before `from`. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The local date of an instant in the calendar's time ("2026-10-01" for 2026-09-30T16:00Z in Beijing). */
export function localDay(calendar: HolidayCalendar, t: number): string {
  return new Date(t + indexOf(calendar).offsetMs).toISOString().slice(0, 10);
}

/** What kind of local day the instant `t` (ms) falls on in the calendar. */
export function dayKind(calendar: HolidayCalendar, t: number): DayKind {
  const index = indexOf(calendar);
  const day = localDay(calendar, t);
  const year = Number(day.slice(0, 4));
  if (!index.years.has(year)) return { kind: 'unknown', year, knownYears: [...index.years].sort((a, b) => a - b) };
  const name = index.holidays.get(day);
  if (name !== undefined) return { kind: 'holiday', name, day };
  return index.workdays.has(day) ? { kind: 'workday', day } : { kind: 'ordinary' };
}

/** Start of the local day holding `t`, as a UTC instant in ms. */
export function localDayStart(calendar: HolidayCalendar, t: number): number {
  const offset = indexOf(calendar).offsetMs;
  return Math.floor((t + offset) / DAY_MS) * DAY_MS - offset;
}

function indexOf(calendar: HolidayCalendar): Index {
  let index = indexes.get(calendar);
  if (!index) {
    const holidays = new Map<string, string>();
    for (const y of calendar.years) for (const h of y.holidays) for (const d of daysBetween(h.from, h.to)) holidays.set(d, h.name);
    index = {
      offsetMs: offsetMs(calendar.utcOffset) ?? 0,
      years: new Set(calendar.years.map((y) => y.year)),
      holidays,
      workdays: new Set(calendar.years.flatMap((y) => y.workdays)),
    };
    indexes.set(calendar, index);
  }
  return index;
}
