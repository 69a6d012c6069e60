/** Parsing of the catalog's moments: "YYYY-MM-DD" (00:00 UTC) or "YYYY-MM-DDTHH:MM[:SS[.sss]]Z". */

const MOMENT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z)?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC instant a catalog moment names, or undefined when it is malformed or not a real date. */
export function parseMoment(text: unknown): Date | undefined {
  if (typeof text !== 'string') return undefined;
  const m = MOMENT.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((v) => (v === undefined ? 0 : Number(v)));
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date;
}

/** True for a real calendar day written "YYYY-MM-DD". */
export function isDay(text: unknown): boolean {
  return typeof text === 'string' && DAY.test(text) && parseMoment(text) !== undefined;
}

/** The UTC day of an instant, "YYYY-MM-DD". */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A catalog moment or instant for people: "2026-07-24 15:59 UTC", or the day alone at midnight. */
export function displayMoment(moment: string | Date): string {
  const at = typeof moment === 'string' ? parseMoment(moment) : moment;
  if (!at || Number.isNaN(at.getTime())) return String(moment);
  const iso = at.toISOString();
  const time = iso.slice(11, 19) === '00:00:00' ? '' : ` ${iso.slice(11, iso.slice(17, 19) === '00' ? 16 : 19)} UTC`;
  return iso.slice(0, 10) + time;
}
