/**
 * What a price source would change in the prices in force: per model and field, old → new, each checked.
 * A source speaks only for the current period of models it matches; ids we lack are reported, not added.
 * A holiday-calendar source adds years to our calendars (holidayRefresh.ts).
 */
import type { Catalog, ModelEntry, PriceList, PricePeriod } from './types';
import { currentPeriod } from './catalog';
import { Rational } from '../cost/rational';
import type { PriceQuote, QuotedList, QuoteSet } from '../remote/priceQuotes';
import { diffHolidays } from './holidayRefresh';
import type { CalendarYearChange } from './holidayRefresh';

export const PRICE_FIELDS = ['input', 'cacheHit', 'output', 'longContext.input', 'longContext.cacheHit', 'longContext.output'] as const;
export type PriceField = (typeof PRICE_FIELDS)[number];

/** Largest factor a refreshed price may move by, either way, before it is held back. */
export const MAX_CHANGE_FACTOR = Rational.fromInt(3);

export interface PriceChange {
  readonly model: string;
  readonly field: PriceField;
  /** USD per million; null where the catalog has no such price. */
  readonly old: string | null;
  readonly new: string;
  readonly source: string;
  /** Why it is not applied (zero, negative, more than 3×); absent for changes that may be accepted. */
  readonly held?: string;
}

export interface RefreshDiff {
  readonly source: string;
  /** What the source held: a price format, or 'holidays' for a holiday-calendar document. */
  readonly format: QuoteSet['format'];
  /** The address read, when it was one. */
  readonly url?: string;
  readonly fetchedAt: string;
  /** Changes that passed validation, to accept or not. */
  readonly changes: readonly PriceChange[];
  /** Changes held back, with the reason. */
  readonly held: readonly PriceChange[];
  /** Models of ours the source priced, changed or not. */
  readonly matched: readonly string[];
  /** Source ids that name none of our models: reported, never added. */
  readonly newIds: readonly string[];
  /** Where the source's own entries for one of our models disagree with each other. */
  readonly notes: readonly string[];
  /** Holiday-calendar years the source adds, to accept or not. */
  readonly years: readonly CalendarYearChange[];
  /** Calendar years held back (a known year changed, a calendar we lack), with the reason. */
  readonly heldYears: readonly CalendarYearChange[];
}

/** The differences between `quotes` and the USD prices in force at `now` in `catalog`. */
export function diffPrices(catalog: Catalog, set: QuoteSet, now: Date): RefreshDiff {
  const changes: PriceChange[] = [];
  const held: PriceChange[] = [];
  const matched: string[] = [];
  const notes: string[] = [];
  const used = new Set<PriceQuote>();
  for (const model of catalog.models) {
    const found = quotesFor(model, set.quotes);
    for (const q of found) used.add(q);
    const period = currentPeriod(model, now);
    const list = period?.prices.USD;
    if (!found.length || !period || !list) continue;
    const quote = found[0];
    if (found.length > 1 && found.some((q) => !sameList(q.prices, quote.prices))) {
      notes.push(
        `${model.id}: ${set.source} has ${found.length} entries that match it (${found.map((q) => q.id).join(', ')}); used ${quote.id}`,
      );
    }
    matched.push(model.id);
    for (const change of fieldChanges(model, period, list, quote, set.source)) (change.held ? held : changes).push(change);
  }
  const newIds = set.quotes.filter((q) => !used.has(q) && !knownSomewhere(catalog, q)).map((q) => `${q.provider}/${q.id}`);
  const calendars = set.holidays ? diffHolidays(catalog.holidays, set.holidays, set.source) : { years: [], held: [] };
  return {
    source: set.source,
    format: set.format,
    ...(set.url ? { url: set.url } : {}),
    fetchedAt: set.fetchedAt,
    changes,
    held,
    matched,
    newIds: [...new Set(newIds)].sort(),
    notes,
    years: calendars.years,
    heldYears: calendars.held,
  };
}

/** The source's entries for a model, best first: same id, then a shared alias, then the source's match rule. */
export function quotesFor(model: ModelEntry, quotes: readonly PriceQuote[]): PriceQuote[] {
  const names = [model.id, ...model.aliases].map((n) => n.toLowerCase());
  const own = quotes.filter((q) => q.provider === model.provider);
  const byId = own.filter((q) => q.id.toLowerCase() === names[0]);
  if (byId.length) return byId;
  const byAlias = own.filter((q) => [q.id, ...q.aliases].some((n) => names.includes(n.toLowerCase())));
  if (byAlias.length) return byAlias;
  return own.filter((q) => q.matches !== undefined && names.some((n) => q.matches!(n)));
}

function knownSomewhere(catalog: Catalog, quote: PriceQuote): boolean {
  return catalog.models.some((m) => quotesFor(m, [quote]).length > 0);
}

function fieldChanges(model: ModelEntry, period: PricePeriod, list: PriceList, quote: PriceQuote, source: string): PriceChange[] {
  const out: PriceChange[] = [];
  const compare = (field: PriceField, old: string | null | undefined, quoted: string | undefined) => {
    if (quoted === undefined || old === undefined) return;
    if (old !== null && Rational.parse(old).eq(Rational.parse(quoted))) return;
    const reason = holdReason(old, quoted);
    out.push({ model: model.id, field, old, new: quoted, source, ...(reason ? { held: reason } : {}) });
  };
  compare('input', list.input, quote.prices.input);
  compare('cacheHit', list.cacheHit, quote.prices.cacheHit);
  compare('output', list.output, quote.prices.output);
  const tier = period.longContext;
  const tierList = tier?.prices.USD;
  const quotedTier = quote.longContext;
  if (tier && tierList && quotedTier) {
    // A tier at another threshold is a different rule, not a price change: the catalog keeps its own (the audit reports it).
    if (quotedTier.thresholdTokens !== tier.thresholdTokens) return out;
    compare('longContext.input', tierList.input, quotedTier.prices.input);
    compare('longContext.cacheHit', tierList.cacheHit, quotedTier.prices.cacheHit);
    compare('longContext.output', tierList.output, quotedTier.prices.output);
  }
  return out;
}

/** Why a new price is not applied: zero, negative, more than 3× away from the old one, or replacing a deliberate zero. */
export function holdReason(old: string | null, quoted: string): string | undefined {
  const next = Rational.parse(quoted);
  if (next.isNegative()) return 'negative price';
  if (next.isZero()) return old === null ? 'zero price' : 'drops to zero';
  if (old === null) return undefined;
  const prev = Rational.parse(old);
  if (prev.isZero()) return 'the catalog prices it at zero: an input-only model';
  const ratio = next.div(prev);
  if (ratio.cmp(MAX_CHANGE_FACTOR) > 0) return 'more than 3× up';
  if (ratio.mul(MAX_CHANGE_FACTOR).cmp(Rational.ONE) < 0) return 'more than 3× down';
  return undefined;
}

function sameList(a: QuotedList, b: QuotedList): boolean {
  const same = (x?: string, y?: string) => (x === undefined || y === undefined ? x === y : Rational.parse(x).eq(Rational.parse(y)));
  return same(a.input, b.input) && same(a.cacheHit, b.cacheHit) && same(a.output, b.output);
}
