/** Plain-language descriptions of which prices applied and when they change. Pure: also used by the webview. */
import type { TimeOfDaySchedule, WeeklyWindow } from '../catalog/types';
import type { PricingContext } from '../cost/types';
import { formatDate, formatDateTime } from './dates';
import { formatTokens } from './tokens';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon–Fri 01:00–04:00, 06:00–10:00 UTC". */
export function formatWindows(windows: readonly WeeklyWindow[]): string {
  const byDays = new Map<string, string[]>();
  for (const w of windows) {
    const days = formatDays(w.days);
    byDays.set(days, [...(byDays.get(days) ?? []), `${w.from}–${w.to}`]);
  }
  return [...byDays].map(([days, spans]) => `${days} ${spans.join(', ')}`).join('; ') + ' UTC';
}

/** "off-peak (50% of the price) outside Mon–Fri 01:00–04:00, 06:00–10:00 UTC". */
export function formatSchedule(schedule: TimeOfDaySchedule): string {
  const pct = `${trimNumber(Number(schedule.multiplier) * 100)}%`;
  const where = schedule.discountedWhen === 'outside' ? 'outside' : 'during';
  return `${schedule.discountLabel} (${pct} of the ${schedule.fullLabel} price) ${where} ${formatWindows(schedule.windows)}`;
}

/** "50%" from a multiplier of 0.5. */
export function formatMultiplier(multiplier: string | number): string {
  return `${trimNumber(Number(multiplier) * 100)}%`;
}

/** "off-peak prices (50% of the full price) at 2026-11-27 23:30 UTC, until 2026-11-30 01:00 UTC", or null. */
export function describeWindow(context: PricingContext): string | null {
  const { window } = context;
  if (!window) return null;
  const pct = window.discounted ? ` (${formatMultiplier(window.multiplier.toNumber())} of the full price)` : '';
  const change = window.nextChange ? `, until ${formatDateTime(window.nextChange)}` : '';
  return `${window.label} prices${pct} at ${formatDateTime(context.at)}${change}`;
}

/** "long-context prices on every token (prompt of 200,000 tokens or more)", or null. */
export function describeTier(context: PricingContext): string | null {
  if (context.tier !== 'long-context') return null;
  const at = context.longContextThreshold !== undefined ? ` (prompt of ${formatTokens(context.longContextThreshold)} tokens or more)` : '';
  return `long-context prices on every token${at}`;
}

/** True for a period the user's llmCost.priceOverrides setting made (its source reads "user setting", not a URL). */
export function fromUserSettings(period: { readonly source: { readonly url: string } }): boolean {
  return period.source.url === 'user setting';
}

/** "converted from USD at 7.1 CNY/USD (rates of 2026-10-28, source)", or null for a native list. */
export function describeConversion(context: PricingContext): string | null {
  const c = context.converted;
  if (!c) return null;
  return `converted from ${c.from} at ${c.rate.toDecimalString()} ${context.currency}/${c.from} (rates of ${c.fxDate}, ${c.fxSource})`;
}

/** "price period since 2026-04-24; source URL, verified 2026-10-28". */
export function describePeriod(context: PricingContext): string {
  const { period } = context;
  const span = period.until ? `${formatMoment(period.from)} to ${formatMoment(period.until)}` : `since ${formatMoment(period.from)}`;
  return `price period ${span}; source ${period.source.url}, verified ${period.source.verified}`;
}

/** Every line about the prices behind a figure: window, tier, conversion, period. */
export function describePricing(context: PricingContext): string[] {
  return [describeWindow(context), describeTier(context), describeConversion(context), describePeriod(context)].filter(
    (line): line is string => line !== null,
  );
}

/** A catalog moment: "2025-02-08" stays a date, "2025-02-08T16:00:00Z" gets its time. */
function formatMoment(moment: string): string {
  return moment.includes('T') ? formatDateTime(new Date(moment)) : formatDate(moment);
}

function formatDays(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const contiguous = sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
  if (sorted.length > 2 && contiguous) return `${DAY_NAMES[sorted[0]]}–${DAY_NAMES[sorted[sorted.length - 1]]}`;
  return sorted.map((d) => DAY_NAMES[d]).join(', ');
}

function trimNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}
