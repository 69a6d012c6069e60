/** How a price refresh is shown, the same in the CLI and VS Code: model, field, old → new, source. Pure. */
import type { PriceChange, PriceField, RefreshDiff } from '../catalog/priceRefresh';
import type { CalendarYearChange } from '../catalog/holidayRefresh';
import { daysBetween } from '../catalog/holidays';
import { Rational } from '../cost/rational';

const FIELD_LABELS: Readonly<Record<PriceField, string>> = {
  input: 'input',
  cacheHit: 'cached input',
  output: 'output',
  'longContext.input': 'long-context input',
  'longContext.cacheHit': 'long-context cached input',
  'longContext.output': 'long-context output',
};

export function fieldLabel(field: PriceField): string {
  return FIELD_LABELS[field];
}

/** "$1.25" per million, exact; "none" where the catalog has no price. */
export function exactPrice(price: string | null): string {
  return price === null ? 'none' : `$${Rational.parse(price).toDecimalString()}`;
}

/** "+20%", "−50%", "new" — how far a price moves. */
export function changeRatio(change: PriceChange): string {
  if (change.old === null) return 'new';
  const old = Rational.parse(change.old);
  if (old.isZero()) return '';
  const pct = Rational.parse(change.new).sub(old).div(old).mul(Rational.fromInt(100));
  const text = pct.toFixed(pct.toNumber() % 1 === 0 ? 0 : 1);
  return pct.isNegative() ? `−${text.slice(1)}%` : `+${text}%`;
}

/** "grok-4.3 input: $1.25 → $1.5 (+20%, litellm)", with the reason when held back. */
export function priceChangeLine(change: PriceChange): string {
  const held = change.held ? `; held back: ${change.held}` : '';
  return `${change.model} ${fieldLabel(change.field)}: ${exactPrice(change.old)} → ${exactPrice(change.new)} per M (${changeRatio(change)}, ${change.source}${held})`;
}

/** "CN 2027 holidays: added, source https://… (9 days off, 2 make-up working days)", or why it is held back. */
export function calendarYearLine(change: CalendarYearChange): string {
  const { year } = change;
  const days = year.holidays.reduce((n, h) => n + daysBetween(h.from, h.to).length, 0);
  const what = change.held ? `held back: ${change.held}` : `added, source ${year.source.url}`;
  const workdays = `${year.workdays.length} make-up working ${year.workdays.length === 1 ? 'day' : 'days'}`;
  return `${change.calendar} ${year.year} holidays: ${what} (${days} ${days === 1 ? 'day' : 'days'} off, ${workdays})`;
}

/** One line saying what a refresh found, for a notification or the end of a listing. */
export function refreshSummary(diff: RefreshDiff): string {
  const n = diff.years.length;
  const parts =
    diff.format === 'holidays'
      ? [`${n} holiday-calendar ${n === 1 ? 'year' : 'years'} from ${diff.source} to add`]
      : [
          `${diff.matched.length} of our models priced by ${diff.source}`,
          `${diff.changes.length} ${diff.changes.length === 1 ? 'change' : 'changes'}`,
        ];
  const held = diff.held.length + diff.heldYears.length;
  if (held) parts.push(`${held} held back`);
  if (diff.newIds.length) parts.push(`${diff.newIds.length} ${diff.newIds.length === 1 ? 'id' : 'ids'} we do not list (not added)`);
  return `${parts.join(', ')}.`;
}

/** Where sources checked together give different new prices for the same model and field. */
export function disagreements(diffs: readonly RefreshDiff[]): string[] {
  const seen = new Map<string, PriceChange[]>();
  for (const d of diffs) {
    for (const c of [...d.changes, ...d.held])
      seen.set(`${c.model}\u0000${c.field}`, [...(seen.get(`${c.model}\u0000${c.field}`) ?? []), c]);
  }
  const out: string[] = [];
  for (const list of seen.values()) {
    const values = new Set(list.map((c) => Rational.parse(c.new).toDecimalString()));
    if (list.length > 1 && values.size > 1) {
      out.push(
        `sources disagree on ${list[0].model} ${fieldLabel(list[0].field)}: ${list.map((c) => `${c.source} ${exactPrice(c.new)}`).join(', ')}`,
      );
    }
  }
  return out;
}
