/** Checks a catalog's data: sources, dates, prices, periods, aliases, tokenizers, schedules, rates. */
import type {
  Catalog,
  FormerAlias,
  FxTable,
  HolidayCalendars,
  LongContextTier,
  ModelEntry,
  PriceList,
  PricePeriod,
  TimeOfDaySchedule,
  TokenizerId,
  WeeklyWindow,
} from './types';
import { Rational } from '../cost/rational';
import { isDay, parseMoment } from './moments';
import { retirementMoment } from './catalog';
import { validateHolidays } from './validateHolidays';

/** Every tokenizer family the project knows (mirrors TokenizerId). */
export const TOKENIZER_IDS: readonly TokenizerId[] = [
  'deepseek-v3',
  'mistral-tekken',
  'mistral-sp-v1',
  'mistral-sp-v3',
  'mistral-sp-v7',
  'openai-cl100k',
  'openai-o200k',
  'grok-estimate',
];
const PROVIDERS = ['deepseek', 'mistral', 'xai', 'custom'];
const CURRENCY = /^[A-Z]{3}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** All problems found in a catalog, one readable line each; empty when it is valid. */
export function validateCatalog(catalog: Catalog): string[] {
  const problems: string[] = [];
  const owners = new Map<string, { index: number; id: string }>();
  for (const [i, model] of catalog.models.entries()) {
    const where = `model ${typeof model?.id === 'string' && model.id ? model.id : `#${i}`}`;
    problems.push(...validateModel(model, where, catalog.holidays));
    const aliases: readonly unknown[] = Array.isArray(model?.aliases) ? (model.aliases as readonly unknown[]) : [];
    for (const name of [model?.id, ...aliases]) {
      if (typeof name !== 'string' || !name) continue;
      const key = name.toLowerCase();
      const owner = owners.get(key);
      if (owner && owner.index !== i)
        problems.push(`${where}: id or alias "${name}" is also claimed by model ${owner.id} (#${owner.index + 1})`);
      else if (owner) problems.push(`${where}: "${name}" is listed twice`);
      else owners.set(key, { index: i, id: model.id });
    }
  }
  problems.push(...validateFormerAliases(catalog, owners));
  problems.push(...validateFx(catalog.fx));
  problems.push(...validateHolidays(catalog.holidays));
  return problems;
}

/** Former aliases: real spans, never an id, never meaning two models (or one twice) at the same moment. */
function validateFormerAliases(catalog: Catalog, owners: ReadonlyMap<string, { index: number; id: string }>): string[] {
  const out: string[] = [];
  const spans = new Map<string, { id: string; from: number; until: number }[]>();
  for (const model of catalog.models) {
    if (model?.formerAliases === undefined) continue;
    const where = `model ${model.id}`;
    if (!Array.isArray(model.formerAliases)) {
      out.push(`${where}: formerAliases must be a list`);
      continue;
    }
    for (const [i, former] of (model.formerAliases as readonly FormerAlias[]).entries()) {
      const at = `${where}, former alias ${i + 1}`;
      if (typeof former?.alias !== 'string' || !former.alias) {
        out.push(`${at}: alias is missing`);
        continue;
      }
      const key = former.alias.toLowerCase();
      const from = former.from === undefined ? Number.NEGATIVE_INFINITY : parseMoment(former.from)?.getTime();
      const until = parseMoment(former.until)?.getTime();
      if (from === undefined) out.push(`${at}: bad start date ${JSON.stringify(former.from)}`);
      if (until === undefined) out.push(`${at}: bad end date ${JSON.stringify(former.until)}`);
      if (from === undefined || until === undefined) continue;
      if (until <= from) out.push(`${at}: ends (${former.until}) before it starts`);
      const owner = owners.get(key);
      if (owner && catalog.models[owner.index]?.id.toLowerCase() === key)
        out.push(`${at}: "${former.alias}" is the id of model ${owner.id}; ids never move`);
      else if (owner && owner.id === model.id) out.push(`${at}: "${former.alias}" is also a current alias of this model`);
      const list = spans.get(key) ?? [];
      for (const other of list) {
        if (from < other.until && other.from < until)
          out.push(`${at}: "${former.alias}" also meant model ${other.id} during part of this span`);
      }
      list.push({ id: model.id, from, until });
      spans.set(key, list);
    }
  }
  return out;
}

/** Problems of one model entry. */
export function validateModel(model: ModelEntry, where: string, calendars: HolidayCalendars): string[] {
  const out: string[] = [];
  if (typeof model !== 'object' || model === null) return [`${where}: not an object`];
  if (typeof model.id !== 'string' || !model.id.trim()) out.push(`${where}: id is missing`);
  if (!PROVIDERS.includes(model.provider)) out.push(`${where}: unknown provider ${JSON.stringify(model.provider)}`);
  if (typeof model.displayName !== 'string' || !model.displayName) out.push(`${where}: displayName is missing`);
  if (!Array.isArray(model.aliases) || model.aliases.some((a) => typeof a !== 'string' || !a))
    out.push(`${where}: aliases must be non-empty strings`);
  if (!TOKENIZER_IDS.includes(model.tokenizer)) out.push(`${where}: unknown tokenizer ${JSON.stringify(model.tokenizer)}`);
  if (!Number.isSafeInteger(model.contextWindow) || model.contextWindow < 0)
    out.push(`${where}: contextWindow must be a whole number of tokens`);
  if (model.maxOutput != null && (!Number.isSafeInteger(model.maxOutput) || model.maxOutput <= 0))
    out.push(`${where}: maxOutput must be a positive whole number`);
  const status = model.status;
  if (!status || !['current', 'legacy', 'retired'].includes(status.kind)) out.push(`${where}: unknown status`);
  else if (status.kind === 'retired' && !parseMoment(status.date))
    out.push(`${where}: retired status has a bad date ${JSON.stringify(status.date)}`);
  if (!Array.isArray(model.periods) || model.periods.length === 0) return [...out, `${where}: no price period`];
  const periods = model.periods as readonly PricePeriod[];
  if (model.inputOnly !== undefined && model.inputOnly !== true) out.push(`${where}: inputOnly must be true when given`);
  const outputs = periods.flatMap((p) => Object.values<PriceList | undefined>(p?.prices ?? {}).map((l) => l?.output));
  if (model.inputOnly === true && !outputs.every(isZeroPrice)) out.push(`${where}: an input-only model's output price must be 0`);
  if (model.inputOnly !== true && outputs.some(isZeroPrice))
    out.push(`${where}: an output price of 0 is only for input-only (embedding) models`);
  let previousEnd: Date | undefined;
  let open = false;
  for (const [i, period] of periods.entries()) {
    const at = `${where}, period ${i + 1} (${period?.from})`;
    out.push(...validatePeriod(period, at, calendars));
    const from = parseMoment(period?.from);
    const until = period?.until === undefined ? undefined : parseMoment(period.until);
    if (!from) continue;
    if (open) out.push(`${at}: overlaps the previous period, which has no end`);
    else if (previousEnd && from.getTime() < previousEnd.getTime())
      out.push(`${at}: overlaps or precedes the previous period (which ends ${periods[i - 1].until})`);
    if (period.until === undefined) open = true;
    previousEnd = until ?? previousEnd;
  }
  const retired = retirementMoment(model);
  const last = periods[periods.length - 1];
  const lastEnd = last?.until === undefined ? undefined : parseMoment(last.until);
  if (retired && lastEnd?.getTime() !== retired.getTime()) {
    out.push(
      `${where}: retired ${status.kind === 'retired' ? status.date : ''} but the last period ends ${last?.until ?? 'never'} (a retirement instant ends the last period there; a day alone ends it at the next midnight)`,
    );
  }
  return out;
}

function validatePeriod(period: PricePeriod, at: string, calendars: HolidayCalendars): string[] {
  if (typeof period !== 'object' || period === null) return [`${at}: not an object`];
  const out: string[] = [];
  const from = parseMoment(period.from);
  if (!from) out.push(`${at}: bad start date ${JSON.stringify(period.from)}`);
  if (period.until !== undefined) {
    const until = parseMoment(period.until);
    if (!until) out.push(`${at}: bad end date ${JSON.stringify(period.until)}`);
    else if (from && until.getTime() <= from.getTime()) out.push(`${at}: ends (${period.until}) before it starts`);
  }
  out.push(...validateLists(period.prices, `${at}: prices`));
  if (period.longContext !== undefined) out.push(...validateTier(period.longContext, `${at}: long-context tier`));
  if (period.schedule !== undefined)
    out.push(...validateSchedule(period.schedule, `${at}: schedule`, calendars), ...validateDiscountedPrices(period, at));
  if (period.maintainerNote !== undefined && typeof period.maintainerNote !== 'string') out.push(`${at}: maintainerNote must be text`);
  const src = period.source;
  if (!src || typeof src.url !== 'string' || !src.url.trim()) out.push(`${at}: source URL is missing`);
  if (!src || !isDay(src.verified)) out.push(`${at}: verified date is missing or not "YYYY-MM-DD" (${JSON.stringify(src?.verified)})`);
  return out;
}

function validateLists(prices: Readonly<Partial<Record<string, PriceList>>>, at: string): string[] {
  if (typeof prices !== 'object' || prices === null || Object.keys(prices).length === 0) return [`${at}: no price list`];
  const out: string[] = [];
  for (const [currency, list] of Object.entries(prices)) {
    if (!CURRENCY.test(currency)) out.push(`${at}: bad currency code ${JSON.stringify(currency)}`);
    if (typeof list !== 'object' || list === null) {
      out.push(`${at} ${currency}: not a price list`);
      continue;
    }
    for (const field of ['input', 'cacheHit', 'output'] as const) {
      const value = list[field];
      if (field === 'cacheHit' && value === null) continue;
      const problem = priceProblem(value);
      if (problem) out.push(`${at} ${currency}.${field}: ${problem}`);
    }
  }
  return out;
}

function isZeroPrice(value: unknown): boolean {
  return typeof value === 'string' && !priceProblem(value) && Rational.parse(value).isZero();
}

/** Why a value is not a usable price string, or undefined when it is one. */
export function priceProblem(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return 'price is missing';
  if (typeof value !== 'string') return `price must be a decimal string, got ${JSON.stringify(value)}`;
  let r: Rational;
  try {
    r = Rational.parse(value);
  } catch {
    return `not a number: ${JSON.stringify(value)}`;
  }
  return r.isNegative() ? `negative price ${value}` : undefined;
}

function validateTier(tier: LongContextTier, at: string): string[] {
  const out: string[] = [];
  if (!Number.isSafeInteger(tier?.thresholdTokens) || tier.thresholdTokens <= 0)
    out.push(`${at}: threshold must be a positive whole number of tokens`);
  out.push(...validateLists(tier?.prices, `${at} prices`));
  return out;
}

function validateSchedule(s: TimeOfDaySchedule, at: string, calendars: HolidayCalendars): string[] {
  const out: string[] = [];
  if (!Array.isArray(s?.windows) || s.windows.length === 0) out.push(`${at}: no windows`);
  const windows: readonly WeeklyWindow[] = Array.isArray(s?.windows) ? s.windows : [];
  for (const [i, w] of windows.entries()) {
    const where = `${at} window ${i + 1}`;
    if (!Array.isArray(w?.days) || w.days.length === 0 || w.days.some((d) => !Number.isInteger(d) || d < 0 || d > 6))
      out.push(`${where}: days must be 0 (Sunday) to 6`);
    if (typeof w?.from !== 'string' || !CLOCK.test(w.from) || w.from === '24:00')
      out.push(`${where}: bad start time ${JSON.stringify(w?.from)}`);
    if (typeof w?.to !== 'string' || !CLOCK.test(w.to)) out.push(`${where}: bad end time ${JSON.stringify(w?.to)}`);
    else if (w.from === w.to) out.push(`${where}: starts and ends at the same time`);
  }
  if (s?.discountedWhen !== 'inside' && s?.discountedWhen !== 'outside') out.push(`${at}: discountedWhen must be "inside" or "outside"`);
  const problem = priceProblem(s?.multiplier);
  if (problem) out.push(`${at}: multiplier: ${problem}`);
  else if (Rational.parse(s.multiplier).cmp(Rational.ONE) > 0) out.push(`${at}: multiplier ${s.multiplier} is above 1`);
  if (typeof s?.discountLabel !== 'string' || !s.discountLabel || typeof s?.fullLabel !== 'string' || !s.fullLabel)
    out.push(`${at}: labels are missing`);
  if (s?.holidays !== undefined && (typeof s.holidays !== 'string' || !Object.hasOwn(calendars, s.holidays)))
    out.push(`${at}: unknown holiday calendar ${JSON.stringify(s.holidays)} (known: ${Object.keys(calendars).join(', ')})`);
  return out;
}

/** A published discounted list: one per currency of the period, each price at most the list price; not with a long-context tier. */
function validateDiscountedPrices(period: PricePeriod, at: string): string[] {
  const published = period.schedule?.discountedPrices;
  if (published === undefined) return [];
  const out = validateLists(published, `${at}: schedule discounted prices`);
  if (period.longContext !== undefined) out.push(`${at}: discounted prices cannot be combined with a long-context tier`);
  const lists = period.prices ?? {};
  for (const currency of Object.keys(lists)) if (!published[currency]) out.push(`${at}: schedule discounted prices lack ${currency}`);
  for (const [currency, d] of Object.entries(published)) {
    const list = lists[currency];
    if (!list) {
      out.push(`${at}: schedule discounted prices in ${currency}, which has no list price`);
      continue;
    }
    for (const field of ['input', 'cacheHit', 'output'] as const) {
      const [full, cut] = [list[field], d?.[field]];
      if ((full === null) !== (cut === null))
        out.push(`${at}: discounted ${currency}.${field} must be null exactly where the list price is`);
      else if (full && cut && !priceProblem(full) && !priceProblem(cut) && Rational.parse(cut).cmp(Rational.parse(full)) > 0)
        out.push(`${at}: discounted ${currency}.${field} ${cut} is above the list price ${full}`);
    }
  }
  return out;
}

function validateFx(fx: FxTable): string[] {
  if (typeof fx !== 'object' || fx === null) return ['exchange rates: missing'];
  const out: string[] = [];
  if (!CURRENCY.test(fx.base)) out.push(`exchange rates: bad base currency ${JSON.stringify(fx.base)}`);
  if (!isDay(fx.date)) out.push(`exchange rates: bad date ${JSON.stringify(fx.date)}`);
  if (typeof fx.source !== 'string' || !fx.source) out.push('exchange rates: source is missing');
  for (const [code, rate] of Object.entries(fx.rates ?? {})) {
    if (!CURRENCY.test(code)) out.push(`exchange rates: bad currency code ${JSON.stringify(code)}`);
    const problem = priceProblem(rate);
    if (problem) out.push(`exchange rates ${code}: ${problem}`);
    else if (Rational.parse(rate).isZero()) out.push(`exchange rates ${code}: rate is zero`);
    else if (code === fx.base && !Rational.parse(rate).eq(Rational.ONE))
      out.push(`exchange rates ${code}: the base currency's rate must be 1`);
  }
  return out;
}
