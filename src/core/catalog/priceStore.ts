/**
 * Accepted refreshed prices, as stored (the extension's global storage, the CLI's $LLM_COST_HOME) and laid
 * over the bundled catalog: each update ends the period in force at its fetch moment and continues it with
 * the new USD prices, keeping everything else of ours (other currencies, schedules, tiers' thresholds, history).
 * An update may also carry holiday-calendar years, added to the catalog's calendars (never replacing a year).
 */
import type { Catalog, HolidayYear, ModelEntry, PriceList, PricePeriod } from './types';
import { currentPeriod } from './catalog';
import { parseMoment } from './moments';
import { Rational } from '../cost/rational';
import { PRICE_FIELDS } from './priceRefresh';
import type { PriceChange, PriceField } from './priceRefresh';
import { cleanYear, withHolidayYears } from './holidayRefresh';
import type { CalendarYearChange } from './holidayRefresh';
import { validateHolidayYear } from './validateHolidays';

export interface StoredChange {
  readonly model: string;
  readonly field: PriceField;
  readonly price: string;
}

export interface StoredUpdate {
  /** "xai", "litellm", "genai-prices", a URL or a file name. */
  readonly source: string;
  /** The address read, when it was one (shown as the period's link). */
  readonly url?: string;
  /** ISO instant the source was read. */
  readonly fetchedAt: string;
  readonly changes: readonly StoredChange[];
  /** Calendar years accepted with this update; absent in stores written before calendars could be refreshed. */
  readonly holidayYears?: readonly StoredHolidayYear[];
}

/** One accepted year of a holiday calendar ("CN"), as data/holidays.json writes a year. */
export interface StoredHolidayYear {
  readonly calendar: string;
  readonly year: HolidayYear;
}

/** Version 1 throughout: `holidayYears` is optional, so stores written before it load unchanged. */
export interface PriceStore {
  readonly version: 1;
  readonly updates: readonly StoredUpdate[];
}

export const EMPTY_STORE: PriceStore = { version: 1, updates: [] };

/** The store with accepted changes and calendar years appended as one update; held ones never reach it. */
export function withAccepted(
  store: PriceStore,
  from: { readonly source: string; readonly url?: string; readonly fetchedAt: string },
  accepted: readonly PriceChange[],
  years: readonly CalendarYearChange[] = [],
): PriceStore {
  const changes = accepted.filter((c) => !c.held).map((c) => ({ model: c.model, field: c.field, price: c.new }));
  const holidayYears = years.filter((y) => !y.held).map((y) => ({ calendar: y.calendar, year: cleanYear(y.year) }));
  const update: StoredUpdate = {
    source: from.source,
    ...(from.url ? { url: from.url } : {}),
    fetchedAt: from.fetchedAt,
    changes,
    ...(holidayYears.length ? { holidayYears } : {}),
  };
  return changes.length || holidayYears.length ? { version: 1, updates: [...store.updates, update] } : store;
}

/** A store read from JSON, or the problem with it (then nothing of it is used). */
export function parseStore(text: string): { store: PriceStore } | { problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problem: 'the refreshed-prices file is not valid JSON; using the bundled prices' };
  }
  const bad = (what: string) => ({ problem: `the refreshed-prices file is malformed (${what}); using the bundled prices` });
  if (!isObject(raw) || raw.version !== 1 || !Array.isArray(raw.updates)) return bad('expected {"version": 1, "updates": [...]}');
  const updates: StoredUpdate[] = [];
  for (const [i, u] of raw.updates.entries()) {
    if (!isObject(u) || typeof u.source !== 'string' || typeof u.fetchedAt !== 'string' || !Array.isArray(u.changes)) {
      return bad(`update ${i}`);
    }
    if (Number.isNaN(Date.parse(u.fetchedAt))) return bad(`update ${i}: fetchedAt`);
    if (u.url !== undefined && (typeof u.url !== 'string' || !/^https?:\/\//i.test(u.url))) return bad(`update ${i}: url`);
    const changes: StoredChange[] = [];
    for (const c of u.changes) {
      if (!isObject(c) || typeof c.model !== 'string' || typeof c.price !== 'string') return bad(`update ${i}: a change`);
      if (!(PRICE_FIELDS as readonly unknown[]).includes(c.field)) return bad(`update ${i}: field ${JSON.stringify(c.field)}`);
      if (!isPositive(c.price)) return bad(`update ${i}: ${c.model} ${String(c.field)} must be a positive price`);
      changes.push({ model: c.model, field: c.field as PriceField, price: c.price });
    }
    const years = readHolidayYears(u.holidayYears, `update ${i}`);
    if (typeof years === 'string') return bad(years);
    updates.push({
      source: u.source,
      ...(typeof u.url === 'string' ? { url: u.url } : {}),
      fetchedAt: new Date(Date.parse(u.fetchedAt)).toISOString(),
      changes,
      ...(years.length ? { holidayYears: years } : {}),
    });
  }
  return { store: { version: 1, updates } };
}

/** An update's calendar years, each checked like a year of data/holidays.json; a string says what is wrong. */
function readHolidayYears(raw: unknown, where: string): StoredHolidayYear[] | string {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return `${where}: holidayYears must be a list`;
  const out: StoredHolidayYear[] = [];
  for (const entry of raw) {
    if (!isObject(entry) || typeof entry.calendar !== 'string' || !entry.calendar) return `${where}: a holiday year has no calendar`;
    const year = entry.year as HolidayYear;
    const problems = validateHolidayYear(year, `${where}: holiday calendar ${entry.calendar}`);
    if (problems.length) return problems[0];
    out.push({ calendar: entry.calendar, year: cleanYear(year) });
  }
  return out;
}

/**
 * The catalog with every stored update applied in order; `skipped` names the changes the bundled catalog has
 * overtaken (a later bundled period, a calendar year it now has itself).
 */
export function applyStore(catalog: Catalog, store: PriceStore): { catalog: Catalog; skipped: string[] } {
  if (!store.updates.length) return { catalog, skipped: [] };
  const byId = new Map(catalog.models.map((m) => [m.id, m]));
  const skipped: string[] = [];
  const years = store.updates.flatMap((u) =>
    (u.holidayYears ?? []).map((y) => ({
      ...y,
      label: `${y.calendar} ${y.year.year} holidays (${u.source}, fetched ${u.fetchedAt.slice(0, 10)})`,
    })),
  );
  const holidays = years.length ? withHolidayYears(catalog.holidays, years) : { calendars: catalog.holidays, skipped: [] };
  skipped.push(...holidays.skipped);
  for (const update of store.updates) {
    const at = new Date(update.fetchedAt);
    const perModel = new Map<string, StoredChange[]>();
    for (const c of update.changes) perModel.set(c.model, [...(perModel.get(c.model) ?? []), c]);
    for (const [id, changes] of perModel) {
      const model = byId.get(id);
      const next = model && refreshed(model, changes, update, at);
      if (next) byId.set(id, next);
      else skipped.push(`${id} (${update.source}, fetched ${update.fetchedAt.slice(0, 10)})`);
    }
  }
  return { catalog: { ...catalog, models: catalog.models.map((m) => byId.get(m.id) ?? m), holidays: holidays.calendars }, skipped };
}

/** The model with the period in force at `at` split there and continued with the new prices; undefined when it no longer applies. */
function refreshed(model: ModelEntry, changes: readonly StoredChange[], update: StoredUpdate, at: Date): ModelEntry | undefined {
  const source = update.source;
  const period = currentPeriod(model, at);
  if (!period?.prices.USD) return undefined;
  // A bundled period that starts after the fetch is newer knowledge than the refresh.
  if (model.periods.some((p) => parseMoment(p.from)!.getTime() > at.getTime())) return undefined;
  const fetchedAt = at.toISOString();
  let usd: PriceList = period.prices.USD;
  let tier = period.longContext;
  for (const c of changes) {
    if (c.field.startsWith('longContext.')) {
      const tierList = tier?.prices.USD;
      if (!tier || !tierList) return undefined;
      tier = { ...tier, prices: { ...tier.prices, USD: { ...tierList, [c.field.slice('longContext.'.length)]: c.price } } };
    } else usd = { ...usd, [c.field]: c.price };
  }
  const day = fetchedAt.slice(0, 10);
  const next: PricePeriod = {
    ...period,
    from: fetchedAt,
    prices: { ...period.prices, USD: usd },
    ...(tier ? { longContext: tier } : {}),
    source: {
      url: update.url ?? '',
      verified: day,
      note: `USD prices from ${source}, fetched ${day}; other lists and rules from the bundled catalog`,
      refreshed: { source, fetchedAt },
    },
  };
  const periods = model.periods.flatMap((p) => (p === period ? (samePrefix(p, at) ? [next] : [{ ...p, until: fetchedAt }, next]) : [p]));
  return { ...model, periods };
}

/** True when the period starts exactly at the fetch moment (nothing of it is left before). */
function samePrefix(period: PricePeriod, at: Date): boolean {
  return parseMoment(period.from)!.getTime() === at.getTime();
}

function isPositive(text: string): boolean {
  try {
    const r = Rational.parse(text);
    return !r.isNegative() && !r.isZero();
  } catch {
    return false;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
