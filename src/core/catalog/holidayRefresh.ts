/**
 * Holiday calendars from a refresh source (a document shaped like data/holidays.json): which years it adds to the
 * calendars in force, and those years merged in. A source only adds years; a year we already have is never changed.
 */
import type { HolidayCalendar, HolidayCalendars, HolidayYear } from './types';
import { daysBetween } from './holidays';
import { validateHolidays } from './validateHolidays';

/** One year a source gives for one of our calendars: addable, or held back with the reason. */
export interface CalendarYearChange {
  /** The calendar id ("CN"). */
  readonly calendar: string;
  readonly year: HolidayYear;
  /** The refresh source it came from ("holidays-2027.json", a URL). */
  readonly source: string;
  /** Why it is not added (a changed known year, a calendar we lack); absent for years that may be accepted. */
  readonly held?: string;
}

/** The years `given` adds to `inForce` and the ones held back; years equal to ours are left out. */
export function diffHolidays(
  inForce: HolidayCalendars,
  given: HolidayCalendars,
  source: string,
): { years: CalendarYearChange[]; held: CalendarYearChange[] } {
  const years: CalendarYearChange[] = [];
  const held: CalendarYearChange[] = [];
  for (const [id, calendar] of Object.entries(given)) {
    const ours = Object.hasOwn(inForce, id) ? inForce[id] : undefined;
    for (const year of calendar.years) {
      const known = ours?.years.find((y) => y.year === year.year);
      const reason = !ours
        ? `the catalog has no "${id}" calendar (it has ${Object.keys(inForce).join(', ') || 'none'})`
        : calendar.utcOffset !== ours.utcOffset
          ? `its utcOffset ${calendar.utcOffset} is not the calendar's ${ours.utcOffset}`
          : known && !sameDays(known, year)
            ? `the catalog already has ${year.year} with other days: a known year is never changed by a refresh`
            : undefined;
      if (reason) held.push({ calendar: id, year, source, held: reason });
      else if (!known) years.push({ calendar: id, year, source });
    }
  }
  return { years, held };
}

/**
 * The calendars with `added` years inserted in order. A year the calendar already has, a calendar it lacks, or a
 * result that fails validation is not added and is named in `skipped`.
 */
export function withHolidayYears(
  calendars: HolidayCalendars,
  added: readonly { readonly calendar: string; readonly year: HolidayYear; readonly label: string }[],
): { calendars: HolidayCalendars; skipped: string[] } {
  const out: Record<string, HolidayCalendar> = { ...calendars };
  const skipped: string[] = [];
  for (const { calendar: id, year, label } of added) {
    const calendar = Object.hasOwn(out, id) ? out[id] : undefined;
    if (!calendar || calendar.years.some((y) => y.year === year.year)) {
      skipped.push(label);
      continue;
    }
    const next = { ...calendar, years: [...calendar.years, year].sort((a, b) => a.year - b.year) };
    if (validateHolidays({ [id]: next }).length) skipped.push(label);
    else out[id] = next;
  }
  return { calendars: out, skipped };
}

/** A document shaped like data/holidays.json, checked whole: the calendars (known fields only), or every problem. */
export function readHolidayDocument(body: unknown): { calendars: HolidayCalendars } | { problems: string[] } {
  const problems = validateHolidays(body as HolidayCalendars);
  if (problems.length) return { problems };
  const calendars: Record<string, HolidayCalendar> = {};
  for (const [id, c] of Object.entries(body as HolidayCalendars)) {
    calendars[id] = { name: c.name, utcOffset: c.utcOffset, years: c.years.map(cleanYear) };
  }
  return { calendars };
}

/** A year with only the fields the catalog reads (a source's extra fields are not stored). */
export function cleanYear(y: HolidayYear): HolidayYear {
  const { url, verified, note } = y.source;
  return {
    year: y.year,
    source: { url, verified, ...(typeof note === 'string' ? { note } : {}) },
    holidays: y.holidays.map((h) => ({ name: h.name, from: h.from, to: h.to })),
    workdays: [...y.workdays],
  };
}

/** Same days off and make-up days: what prices depend on (names, source and note may differ). */
function sameDays(a: HolidayYear, b: HolidayYear): boolean {
  const days = (y: HolidayYear) => JSON.stringify([y.holidays.flatMap((h) => daysBetween(h.from, h.to)).sort(), [...y.workdays].sort()]);
  return days(a) === days(b);
}
