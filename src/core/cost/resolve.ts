/** Which prices apply to one request: period, long-context tier, time-of-day window and currency. */
import type { CurrencyCode, FxTable, ModelEntry, PriceList } from '../catalog/types';
import type { PricingContext } from './types';
import { currentPeriod } from '../catalog/catalog';
import { displayMoment } from '../catalog/moments';
import { Rational } from '../money';
import { CostError } from './errors';
import { windowAt } from './schedule';

export interface ResolvedPricing {
  context: PricingContext;
  input: Rational;
  cacheHit: Rational | null;
  output: Rational;
}

/** Prices per million tokens for a request of `promptTokens` at a moment, in a currency (native list or converted). */
export function resolvePricing(model: ModelEntry, at: Date, promptTokens: number, currency: CurrencyCode | undefined, fx: FxTable): ResolvedPricing {
  if (Number.isNaN(at.getTime())) throw new CostError('bad-input', 'the moment to price is not a valid date');
  const period = currentPeriod(model, at);
  if (!period) throw new CostError('no-price-period', `${model.id} has no known price at ${displayMoment(at)} (${coverage(model)})`);
  const tier = period.longContext && promptTokens >= period.longContext.thresholdTokens ? period.longContext : undefined;
  const lists = tier ? tier.prices : period.prices;
  const native = Object.keys(lists).filter((c) => lists[c]);
  const target = (currency ?? Object.keys(period.prices)[0] ?? native[0]).trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(target)) throw new CostError('unknown-currency', `${JSON.stringify(currency)} is not a three-letter currency code (USD, CNY, EUR…)`);
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
  const window = period.schedule ? windowAt(period.schedule, at) : null;
  const factor = rate.mul(window ? window.multiplier : Rational.ONE);
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

/** Units of `to` per unit of `from` through the table's base currency. */
export function exchangeRate(fx: FxTable, from: CurrencyCode, to: CurrencyCode): Rational {
  const rateOf = (code: CurrencyCode): Rational => {
    if (code === fx.base) return Rational.ONE;
    const text = fx.rates[code];
    if (text === undefined) {
      const known = [fx.base, ...Object.keys(fx.rates).filter((c) => c !== fx.base)].join(', ');
      throw new CostError('unknown-currency', `no exchange rate for ${JSON.stringify(code)} (known: ${known}); add it with the llmCost.exchangeRates setting`);
    }
    return Rational.parse(text);
  };
  return rateOf(to).div(rateOf(from));
}

function coverage(model: ModelEntry): string {
  const first = model.periods[0];
  const last = model.periods[model.periods.length - 1];
  if (!first) return 'no prices at all';
  return `prices are known from ${displayMoment(first.from)}${last.until ? ` until ${displayMoment(last.until)}` : ''}${hasGaps(model) ? ', with gaps where no price is known' : ''}`;
}

function hasGaps(model: ModelEntry): boolean {
  return model.periods.some((p, i) => i > 0 && model.periods[i - 1].until !== p.from);
}
