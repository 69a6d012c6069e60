/** Checks holiday calendars: real dates inside their year, no overlaps, make-up days on weekends, years in order. */
import type { HolidayCalendar, HolidayCalendars, HolidayYear } from './types';
import { isDay } from './moments';
import { daysBetween, offsetMs } from './holidays';

/** All problems found in a set of calendars, one readable line each; empty when they are valid. */
export function validateHolidays(calendars: HolidayCalendars): string[] {
  if (typeof calendars !== 'object' || calendars === null) return ['holiday calendars: not an object'];
  return Object.entries(calendars).flatMap(([id, calendar]) => validateCalendar(calendar, `holiday calendar ${id}`));
}

function validateCalendar(calendar: HolidayCalendar, where: string): string[] {
  if (typeof calendar !== 'object' || calendar === null) return [`${where}: not an object`];
  const out: string[] = [];
  if (typeof calendar.name !== 'string' || !calendar.name) out.push(`${where}: name is missing`);
  if (offsetMs(calendar.utcOffset) === undefined) out.push(`${where}: bad utcOffset ${JSON.stringify(calendar.utcOffset)} (want "+08:00")`);
  if (!isList(calendar.years) || calendar.years.length === 0) return [...out, `${where}: no year`];
  let previous = -Infinity;
  for (const y of calendar.years) {
    if (Number.isInteger(y?.year) && y.year <= previous) out.push(`${where}, ${y.year}: years must be listed once each, in order`);
    if (Number.isInteger(y?.year)) previous = y.year;
    out.push(...validateHolidayYear(y, where));
  }
  return out;
}

/** Problems of one year of a calendar: its source, its holidays (real days inside the year, none twice) and make-up days. */
export function validateHolidayYear(y: HolidayYear, where: string): string[] {
  if (typeof y !== 'object' || y === null) return [`${where}: a year is not an object`];
  const at = `${where}, ${y.year}`;
  if (!Number.isInteger(y.year)) return [`${at}: year must be a whole number`];
  const out: string[] = [];
  if (typeof y.source?.url !== 'string' || !y.source.url || !isDay(y.source.verified))
    out.push(`${at}: source needs a URL and a verified day`);
  const seen = new Set<string>();
  const inYear = (day: unknown): day is string => isDay(day) && (day as string).startsWith(`${y.year}-`);
  for (const h of isList(y.holidays) ? y.holidays : []) {
    if (typeof h?.name !== 'string' || !h.name) out.push(`${at}: a holiday has no name`);
    if (!inYear(h?.from) || !inYear(h?.to) || h.to < h.from) {
      out.push(`${at}: holiday ${JSON.stringify(h?.name)} needs days from ≤ to inside ${y.year} (${h?.from} to ${h?.to})`);
      continue;
    }
    for (const d of daysBetween(h.from, h.to)) {
      if (seen.has(d)) out.push(`${at}: ${d} is listed twice`);
      seen.add(d);
    }
  }
  if (!isList(y.holidays)) out.push(`${at}: holidays must be a list`);
  for (const d of isList(y.workdays) ? y.workdays : []) {
    if (!inYear(d)) out.push(`${at}: make-up working day ${JSON.stringify(d)} is not a day of ${y.year}`);
    else if (seen.has(d)) out.push(`${at}: ${d} is both a holiday and a make-up working day`);
    else if (![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))
      out.push(`${at}: make-up working day ${d} is not a Saturday or Sunday`);
  }
  if (!isList(y.workdays)) out.push(`${at}: workdays must be a list`);
  return out;
}

/** Array.isArray without its type guard, which would widen a typed list to any[]. */
function isList(value: unknown): boolean {
  return Array.isArray(value);
}
