/**
 * Accepted refreshed prices, as stored (the extension's global storage, the CLI's $LLM_COST_HOME) and laid
 * over the bundled catalog: each update ends the period in force at its fetch moment and continues it with
 * the new USD prices, keeping everything else of ours (other currencies, schedules, tiers' thresholds, history).
 */
import type { Catalog, ModelEntry, PriceList, PricePeriod } from './types';
import { currentPeriod } from './catalog';
import { parseMoment } from './moments';
import { Rational } from '../cost/rational';
import { PRICE_FIELDS } from './priceRefresh';
import type { PriceChange, PriceField } from './priceRefresh';

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
}

export interface PriceStore {
  readonly version: 1;
  readonly updates: readonly StoredUpdate[];
}

export const EMPTY_STORE: PriceStore = { version: 1, updates: [] };

/** The store with accepted changes appended as one update; held changes never reach it. */
export function withAccepted(
  store: PriceStore,
  from: { readonly source: string; readonly url?: string; readonly fetchedAt: string },
  accepted: readonly PriceChange[],
): PriceStore {
  const changes = accepted.filter((c) => !c.held).map((c) => ({ model: c.model, field: c.field, price: c.new }));
  const update: StoredUpdate = { source: from.source, ...(from.url ? { url: from.url } : {}), fetchedAt: from.fetchedAt, changes };
  return changes.length ? { version: 1, updates: [...store.updates, update] } : store;
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
    updates.push({
      source: u.source,
      ...(typeof u.url === 'string' ? { url: u.url } : {}),
      fetchedAt: new Date(Date.parse(u.fetchedAt)).toISOString(),
      changes,
    });
  }
  return { store: { version: 1, updates } };
}

/** The catalog with every stored update applied in order; `skipped` names the changes the bundled catalog has overtaken. */
export function applyStore(catalog: Catalog, store: PriceStore): { catalog: Catalog; skipped: string[] } {
  if (!store.updates.length) return { catalog, skipped: [] };
  const byId = new Map(catalog.models.map((m) => [m.id, m]));
  const skipped: string[] = [];
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
  return { catalog: { ...catalog, models: catalog.models.map((m) => byId.get(m.id) ?? m) }, skipped };
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
