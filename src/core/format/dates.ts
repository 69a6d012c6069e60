/** Dates for display, always UTC. Pure: also used by the webview. */

const DAY_MS = 86_400_000;

/** "2026-10-28" (UTC) from a Date or an ISO string. */
export function formatDate(value: Date | string): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return d.toISOString().slice(0, 10);
}

/** "2026-10-28 01:00 UTC". */
export function formatDateTime(value: Date): string {
  return `${value.toISOString().slice(0, 10)} ${value.toISOString().slice(11, 16)} UTC`;
}

/** Whole UTC days from `date` ("YYYY-MM-DD" or ISO) to `now`; negative when in the future. */
export function daysSince(date: string, now: Date): number {
  const then = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const day = Date.UTC(new Date(then).getUTCFullYear(), new Date(then).getUTCMonth(), new Date(then).getUTCDate());
  return Math.round((today - day) / DAY_MS);
}

/** "today", "1 day ago", "34 days ago", "in 2 days". */
export function formatAge(date: string, now: Date): string {
  const days = daysSince(date, now);
  if (days === 0) return 'today';
  if (days < 0) return days === -1 ? 'in 1 day' : `in ${-days} days`;
  return days === 1 ? '1 day ago' : `${days} days ago`;
}
