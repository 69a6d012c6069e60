/** Applies the user's settings (price overrides, custom models, exchange rates) over a catalog, reporting every bad entry. */
import type { Catalog, CurrencyCode, FxTable, ModelEntry, PriceList, PricePeriod, TokenizerId } from './types';
import { Rational } from '../cost/rational';
import { findModel, suggestModels } from './catalog';
import { dayOf, isDay, parseMoment } from './moments';
import { TOKENIZER_IDS } from './validate';

export interface UserSettingsInput {
  priceOverrides?: unknown;
  customModels?: unknown;
  exchangeRates?: unknown;
}

type Entry = Record<string, unknown>;
const CURRENCY = /^[A-Za-z]{3}$/;

/** A new catalog with the settings applied from `now` on; invalid entries are ignored and reported, never priced as free. */
export function applyUserSettings(
  catalog: Catalog,
  input: UserSettingsInput,
  now: Date = new Date(),
): { catalog: Catalog; problems: string[] } {
  const problems: string[] = [];
  let models = [...catalog.models];
  const customs = applyCustomModels(models, input.customModels, now, problems);
  models = [...models, ...customs];
  models = applyOverrides(models, input.priceOverrides, now, problems);
  const fx = applyRates(catalog.fx, input.exchangeRates, now, problems);
  return { catalog: { ...catalog, models, fx }, problems };
}

function applyOverrides(models: ModelEntry[], raw: unknown, now: Date, problems: string[]): ModelEntry[] {
  const lists = new Map<string, { model: ModelEntry; prices: Record<CurrencyCode, PriceList>; sources: string[] }>();
  for (const [i, entry] of entries(raw, 'llmCost.priceOverrides', problems)) {
    const name = typeof entry.model === 'string' && entry.model.trim() ? entry.model.trim() : undefined;
    const where = `llmCost.priceOverrides[${i}]${name ? ` (${name})` : ''}`;
    if (!name) {
      problems.push(`${where}: "model" must be a model id`);
      continue;
    }
    const model = findModel({ models }, name);
    if (!model) {
      const near = suggestModels({ models }, name);
      problems.push(`${where}: "model": unknown model ${JSON.stringify(name)}${near.length ? `; did you mean ${near.join(', ')}?` : ''}`);
      continue;
    }
    const given = readCurrency(entry.currency, where, problems);
    if (given === null) continue;
    const currency = given ?? defaultCurrency(model, now);
    const list = readList(entry, where, problems);
    if (!list) continue;
    const slot = lists.get(model.id) ?? { model, prices: {}, sources: [] };
    if (slot.prices[currency]) {
      problems.push(`${where}: "currency": a second override for ${model.id} in ${currency}; the first one is kept`);
      continue;
    }
    if (entry.source !== undefined && typeof entry.source !== 'string') {
      problems.push(`${where}: "source" must be text`);
      continue;
    }
    slot.prices[currency] = list;
    if (typeof entry.source === 'string' && entry.source.trim()) slot.sources.push(entry.source.trim());
    lists.set(model.id, slot);
  }
  return models.map((m) => {
    const slot = lists.get(m.id);
    return slot ? withOverride(m, slot.prices, slot.sources, now) : m;
  });
}

/** Ends the history at `now` and appends a period from then on: the user's lists, plus the other currencies' lists then in force. */
function withOverride(model: ModelEntry, prices: Record<CurrencyCode, PriceList>, sources: string[], now: Date): ModelEntry {
  const t = now.getTime();
  const nowText = now.toISOString();
  const kept: PricePeriod[] = [];
  let inForce: PricePeriod | undefined;
  for (const p of model.periods) {
    const from = parseMoment(p.from)!.getTime();
    const until = p.until === undefined ? Infinity : parseMoment(p.until)!.getTime();
    if (from >= t) continue;
    if (until > t) {
      kept.push({ ...p, until: nowText });
      inForce = p;
    } else kept.push(p);
  }
  // The provider's published discounted lists price the provider's list, not the user's: the multiplier applies instead.
  const schedule = inForce?.schedule && { ...inForce.schedule, discountedPrices: undefined };
  const override: PricePeriod = {
    from: nowText,
    // Only the user's lists: a provider list left beside them would contradict the override, so other
    // currencies are converted from it (and labelled converted).
    prices: { ...prices },
    ...(schedule ? { schedule } : {}),
    source: { url: 'user setting', verified: dayOf(now), ...(sources.length ? { note: sources.join('; ') } : {}) },
    note: `Prices in ${Object.keys(prices).join(', ')} from the llmCost.priceOverrides setting, in force from ${nowText}; other currencies are converted from them.${schedule ? " The provider's time-of-day schedule still applies." : ''} No long-context tier applies to overridden prices.`,
  };
  return { ...model, periods: [...kept, override] };
}

function applyCustomModels(models: ModelEntry[], raw: unknown, now: Date, problems: string[]): ModelEntry[] {
  const added: ModelEntry[] = [];
  for (const [i, entry] of entries(raw, 'llmCost.customModels', problems)) {
    const id = typeof entry.id === 'string' && entry.id.trim() ? entry.id.trim() : undefined;
    const where = `llmCost.customModels[${i}]${id ? ` (${id})` : ''}`;
    if (!id) {
      problems.push(`${where}: "id" must be a non-empty name`);
      continue;
    }
    if (findModel({ models: [...models, ...added] }, id)) {
      problems.push(`${where}: "id": ${JSON.stringify(id)} is already a model id or alias`);
      continue;
    }
    if (!TOKENIZER_IDS.includes(entry.tokenizer as TokenizerId)) {
      problems.push(`${where}: "tokenizer": unknown tokenizer ${JSON.stringify(entry.tokenizer)} (one of ${TOKENIZER_IDS.join(', ')})`);
      continue;
    }
    if (entry.displayName !== undefined && typeof entry.displayName !== 'string') {
      problems.push(`${where}: "displayName" must be text`);
      continue;
    }
    const cw = entry.contextWindow;
    if (cw !== undefined && (typeof cw !== 'number' || !Number.isSafeInteger(cw) || cw <= 0)) {
      problems.push(`${where}: "contextWindow" must be a positive whole number of tokens (got ${JSON.stringify(cw)})`);
      continue;
    }
    const given = readCurrency(entry.currency, where, problems);
    if (given === null) continue;
    const currency = given ?? 'USD';
    const list = readList(entry, where, problems);
    if (!list) continue;
    added.push({
      provider: 'custom',
      id,
      aliases: [],
      displayName: typeof entry.displayName === 'string' && entry.displayName.trim() ? entry.displayName.trim() : id,
      tokenizer: entry.tokenizer as TokenizerId,
      contextWindow: typeof cw === 'number' ? cw : 0,
      status: { kind: 'current' },
      periods: [
        {
          from: '1970-01-01',
          prices: { [currency]: list },
          source: { url: 'user setting', verified: dayOf(now) },
          note: 'A custom model from the llmCost.customModels setting; its prices apply at every date.',
        },
      ],
      notes: `Custom model from the llmCost.customModels setting.${typeof cw === 'number' ? '' : ' Context window not set.'}`,
    });
  }
  return added;
}

function applyRates(fx: FxTable, raw: unknown, now: Date, problems: string[]): FxTable {
  if (raw === undefined || raw === null) return fx;
  const where = 'llmCost.exchangeRates';
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`${where}: must be an object { "date"?: "YYYY-MM-DD", "rates": { "EUR": 0.92, ... } }`);
    return fx;
  }
  const { date, rates } = raw as Entry;
  if (date !== undefined && !isDay(date))
    problems.push(`${where}: "date" must be "YYYY-MM-DD" (got ${JSON.stringify(date)}); today's date is used`);
  if (typeof rates !== 'object' || rates === null || Array.isArray(rates)) {
    problems.push(`${where}: "rates" must be an object of currency codes to rates`);
    return fx;
  }
  const merged: Record<string, string> = { ...fx.rates };
  let changed = false;
  for (const [codeRaw, value] of Object.entries(rates)) {
    const at = `${where}.rates.${codeRaw}`;
    if (!CURRENCY.test(codeRaw)) {
      problems.push(`${at}: not a three-letter currency code`);
      continue;
    }
    const code = codeRaw.toUpperCase();
    const rate = readNumber(value);
    if (typeof rate === 'string') {
      problems.push(`${at}: ${rate}`);
      continue;
    }
    if (rate.isZero()) {
      problems.push(`${at}: a rate must be above 0`);
      continue;
    }
    if (code === fx.base && !rate.eq(Rational.ONE)) {
      problems.push(`${at}: ${fx.base} is the base currency, its rate is always 1`);
      continue;
    }
    merged[code] = rate.toDecimalString();
    changed = true;
  }
  if (!changed) return fx;
  return {
    base: fx.base,
    date: isDay(date) ? (date as string) : dayOf(now),
    rates: merged,
    source: `user setting (llmCost.exchangeRates) over ${fx.source} of ${fx.date}`,
  };
}

function entries(raw: unknown, where: string, problems: string[]): [number, Entry][] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push(`${where}: must be a list`);
    return [];
  }
  const out: [number, Entry][] = [];
  raw.forEach((e, i) => {
    if (typeof e === 'object' && e !== null && !Array.isArray(e)) out.push([i, e as Entry]);
    else problems.push(`${where}[${i}]: must be an object`);
  });
  return out;
}

/** The entry's prices, or undefined after reporting the first bad field. */
function readList(entry: Entry, where: string, problems: string[]): PriceList | undefined {
  const values: Partial<Record<'input' | 'cacheHit' | 'output', string | null>> = {};
  for (const field of ['input', 'cacheHit', 'output'] as const) {
    const value = entry[field];
    if (field === 'cacheHit' && (value === undefined || value === null)) {
      values.cacheHit = null;
      continue;
    }
    const parsed = readNumber(value);
    if (typeof parsed === 'string') {
      problems.push(`${where}: "${field}": ${parsed}`);
      return undefined;
    }
    values[field] = parsed.toDecimalString();
  }
  return { input: values.input!, cacheHit: values.cacheHit ?? null, output: values.output! };
}

/** A non-negative exact number from a JSON number or decimal string, or the reason it is not one. */
function readNumber(value: unknown): Rational | string {
  if (value === undefined || value === null || value === '') return 'price is missing';
  let r: Rational;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `not a finite number (${value})`;
    r = Rational.fromNumber(value);
  } else if (typeof value === 'string') {
    try {
      r = Rational.parse(value);
    } catch {
      return `not a number: ${JSON.stringify(value)}`;
    }
  } else {
    return `not a number: ${JSON.stringify(value)}`;
  }
  return r.isNegative() ? `must not be negative (got ${JSON.stringify(value)})` : r;
}

/** An upper-case currency code; undefined when absent; null after reporting a bad one. */
function readCurrency(value: unknown, where: string, problems: string[]): CurrencyCode | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && CURRENCY.test(value.trim())) return value.trim().toUpperCase();
  problems.push(`${where}: "currency": ${JSON.stringify(value)} is not a three-letter currency code`);
  return null;
}

function defaultCurrency(model: ModelEntry, now: Date): CurrencyCode {
  const t = now.getTime();
  const period = [...model.periods].reverse().find((p) => parseMoment(p.from)!.getTime() <= t) ?? model.periods[0];
  return Object.keys(period?.prices ?? {})[0] ?? 'USD';
}
