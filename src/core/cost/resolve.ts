/** Which prices apply to one request: period, long-context tier, time-of-day window and currency. */
import type {
  Catalog,
  CurrencyCode,
  FxTable,
  HolidayCalendars,
  ModelEntry,
  PriceList,
  PricePeriod,
  TimeOfDaySchedule,
} from '../catalog/types';
import type { PricingContext } from './types';
import { currentPeriod } from '../catalog/catalog';
import { displayMoment, parseMoment } from '../catalog/moments';
import { Rational } from './rational';
import { CostError } from './errors';
import { discountedList, windowAt } from './schedule';

export interface ResolvedPricing {
  context: PricingContext;
  input: Rational;
  cacheHit: Rational | null;
  output: Rational;
}

/** The tables pricing reads besides the model: exchange rates and holiday calendars (a catalog has both). */
export type PricingTables = Pick<Catalog, 'fx' | 'holidays'>;

/**
 * Prices per million tokens for a request of `promptTokens` at a moment, in a currency (native list or
 * converted). `windowMode` 'full' leaves out the time-of-day discount (window null) and 'discounted' forces
 * it: for bills split by window. 'at' applies the window in force at the moment.
 */
export function resolvePricing(
  model: ModelEntry,
  at: Date,
  promptTokens: number,
  currency: CurrencyCode | undefined,
  tables: PricingTables,
  windowMode: 'at' | 'full' | 'discounted' = 'at',
): ResolvedPricing {
  if (Number.isNaN(at.getTime())) throw new CostError('bad-input', 'the moment to price is not a valid date');
  const { fx, holidays } = tables;
  const period = currentPeriod(model, at) ?? lastPublishedPeriod(model, at);
  if (!period) throw new CostError('no-price-period', noPriceMessage(model, at));
  const tier = period.longContext && promptTokens >= period.longContext.thresholdTokens ? period.longContext : undefined;
  const lists = tier ? tier.prices : period.prices;
  const native = Object.keys(lists).filter((c) => lists[c]);
  const target = (currency ?? Object.keys(period.prices)[0] ?? native[0]).trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(target))
    throw new CostError('unknown-currency', `${JSON.stringify(currency)} is not a three-letter currency code (USD, CNY, EUR…)`);
  let list: PriceList;
  let rate = Rational.ONE;
  let converted: PricingContext['converted'] = null;
  if (lists[target]) {
    list = lists[target]!;
  } else {
    const from = native[0];
    list = lists[from]!;
    rate = exchangeRate(fx, from, target);
    converted = { from, rate, fxDate: fx.date, fxSource: fx.source };
  }
  const schedule = windowMode === 'full' ? undefined : period.schedule;
  const window = schedule ? windowInForce(schedule, at, windowMode === 'discounted', holidays) : null;
  // A published discounted list (standard tier only) replaces list × multiplier.
  const published = window?.discounted && !tier ? discountedList(schedule, converted ? converted.from : target) : undefined;
  if (published) list = published;
  const factor = rate.mul(window && !published ? window.multiplier : Rational.ONE);
  const price = (text: string) => Rational.parse(text).mul(factor);
  const context: PricingContext = {
    period,
    currency: target,
    converted,
    tier: tier ? 'long-context' : 'standard',
    ...(period.longContext ? { longContextThreshold: period.longContext.thresholdTokens } : {}),
    window,
    at,
  };
  return { context, input: price(list.input), cacheHit: list.cacheHit === null ? null : price(list.cacheHit), output: price(list.output) };
}

/** A retired or legacy model after its last period: that period, whose prices are the last published ones. */
function lastPublishedPeriod(model: ModelEntry, at: Date): PricePeriod | undefined {
  if (model.status.kind === 'current') return undefined;
  const last = model.periods[model.periods.length - 1];
  const until = last?.until === undefined ? undefined : parseMoment(last.until);
  return until && at.getTime() >= until.getTime() ? last : undefined;
}

/** The window at `at` (or its discounted window, forced), with the schedule's note and the day's holiday note. */
function windowInForce(
  schedule: TimeOfDaySchedule,
  at: Date,
  forceDiscounted: boolean,
  calendars: HolidayCalendars,
): NonNullable<PricingContext['window']> {
  const w = windowAt(schedule, at, calendars);
  const note = [schedule.note, w.note].filter((n) => n).join(' ');
  const forced = forceDiscounted
    ? { discounted: true, label: schedule.discountLabel, multiplier: Rational.parse(schedule.multiplier) }
    : {};
  return { ...w, ...forced, ...(note ? { note } : {}) };
}

/** Units of `to` per unit of `from` through the table's base currency. */
export function exchangeRate(fx: FxTable, from: CurrencyCode, to: CurrencyCode): Rational {
  const rateOf = (code: CurrencyCode): Rational => {
    if (code === fx.base) return Rational.ONE;
    const text = fx.rates[code];
    if (text === undefined) {
      const known = [fx.base, ...Object.keys(fx.rates).filter((c) => c !== fx.base)].join(', ');
      throw new CostError(
        'unknown-currency',
        `no exchange rate for ${JSON.stringify(code)} (known: ${known}); add it with the llmCost.exchangeRates setting`,
      );
    }
    return Rational.parse(text);
  };
  return rateOf(to).div(rateOf(from));
}

/** Why a moment has no price: which spans are known and where the moment falls outside them. */
export function noPriceMessage(model: ModelEntry, at: Date): string {
  const head = `${model.id} has no known price at ${displayMoment(at)}`;
  const spans = knownSpans(model);
  if (spans.length === 0) return `${head}: the catalog has no prices for it at all`;
  const known = spans
    .map((s) => (s.until ? `from ${displayMoment(s.from)} until ${displayMoment(s.until)}` : `from ${displayMoment(s.from)}`))
    .join(' and ');
  const t = at.getTime();
  const next = spans.findIndex((s) => t < Date.parse(s.from));
  let where: string;
  if (next === 0) where = 'before that';
  else if (next > 0) where = `between ${displayMoment(spans[next - 1].until!)} and ${displayMoment(spans[next].from)}`;
  else where = `after that${model.status.kind === 'retired' ? ` (retired ${displayMoment(model.status.date)})` : ''}`;
  return `${head}: ${model.id} has prices ${known}; the catalog has no verified price ${where}`;
}

/** The model's periods merged where one ends as the next begins, as normalised ISO instants. */
function knownSpans(model: ModelEntry): { from: string; until?: string }[] {
  const spans: { from: string; until?: string }[] = [];
  for (const p of model.periods) {
    const from = parseMoment(p.from)?.toISOString();
    const until = p.until === undefined ? undefined : parseMoment(p.until)?.toISOString();
    if (!from) continue;
    const last = spans[spans.length - 1];
    if (last && last.until === from) last.until = until;
    else spans.push({ from, until });
  }
  return spans;
}
