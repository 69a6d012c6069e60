/** The price-refresh settings (llmCost.prices.*) as plain values, and when prices count as stale. Pure. */
import { daysSince } from '../format/dates';
import { PRICE_SOURCE_URLS } from '../remote/priceSources';
import type { NamedSource } from '../remote/priceSources';

export type AutoRefresh = 'off' | 'daily' | 'weekly';

export interface PriceSettings {
  readonly autoRefresh: AutoRefresh;
  /** The source automatic refresh and "Update prices" read by default. */
  readonly source: NamedSource;
  readonly litellmUrl: string;
  readonly genaiPricesUrl: string;
}

export const PRICE_SETTING_KEYS = {
  autoRefresh: 'prices.autoRefresh',
  source: 'prices.source',
  litellmUrl: 'prices.litellmUrl',
  genaiPricesUrl: 'prices.genaiPricesUrl',
} as const;

export const DEFAULT_PRICE_SETTINGS: PriceSettings = {
  autoRefresh: 'off',
  source: 'litellm',
  litellmUrl: PRICE_SOURCE_URLS.litellm,
  genaiPricesUrl: PRICE_SOURCE_URLS['genai-prices'],
};

/** Prices whose verified (or fetched) date is older than this are called stale while refresh is off. */
export const STALE_AFTER_DAYS = 60;

const REFRESH_DAYS: Readonly<Record<Exclude<AutoRefresh, 'off'>, number>> = { daily: 1, weekly: 7 };

/** Settings from raw values; a bad value is reported and replaced by its default. */
export function parsePriceSettings(raw: Readonly<Record<string, unknown>>): { settings: PriceSettings; problems: string[] } {
  const problems: string[] = [];
  const pick = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const v = raw[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    problems.push(`llmCost.${key}: ${JSON.stringify(v)} is not one of ${allowed.join(', ')}; using ${fallback}.`);
    return fallback;
  };
  const url = (key: string, fallback: string): string => {
    const v = raw[key];
    if (v === undefined || v === null || v === '') return fallback;
    if (typeof v === 'string' && /^https?:\/\/\S+$/i.test(v.trim())) return v.trim();
    problems.push(`llmCost.${key}: ${JSON.stringify(v)} is not an http(s) address; using ${fallback}.`);
    return fallback;
  };
  const settings: PriceSettings = {
    autoRefresh: pick(PRICE_SETTING_KEYS.autoRefresh, ['off', 'daily', 'weekly'], 'off'),
    source: pick(PRICE_SETTING_KEYS.source, ['litellm', 'genai-prices', 'xai'], 'litellm'),
    litellmUrl: url(PRICE_SETTING_KEYS.litellmUrl, DEFAULT_PRICE_SETTINGS.litellmUrl),
    genaiPricesUrl: url(PRICE_SETTING_KEYS.genaiPricesUrl, DEFAULT_PRICE_SETTINGS.genaiPricesUrl),
  };
  return { settings, problems };
}

/**
 * When the next automatic check is due: undefined while refresh is off (never; no request), `now` when there
 * was no readable last check or it lies in the future (a clock set back must not postpone checks for
 * weeks), else the last check plus the interval.
 */
export function nextRefreshAt(auto: AutoRefresh, lastCheck: string | undefined, now: Date): Date | undefined {
  if (auto === 'off') return undefined;
  const last = lastCheck === undefined ? NaN : Date.parse(lastCheck);
  if (Number.isNaN(last) || last > now.getTime()) return now;
  return new Date(last + REFRESH_DAYS[auto] * 86_400_000);
}

/** True when automatic refresh is on and its next check (`nextRefreshAt`) is not after `now`. */
export function refreshDue(auto: AutoRefresh, lastCheck: string | undefined, now: Date): boolean {
  const next = nextRefreshAt(auto, lastCheck, now);
  return next !== undefined && next.getTime() <= now.getTime();
}

/** One line when the oldest of the shown prices is over 60 days old and refresh is off; undefined otherwise. */
export function stalePricesNote(dates: readonly string[], now: Date, auto: AutoRefresh): string | undefined {
  if (auto !== 'off' || dates.length === 0) return undefined;
  const oldest = Math.max(...dates.map((d) => daysSince(d, now)));
  if (!(oldest > STALE_AFTER_DAYS)) return undefined;
  return `Prices last checked ${oldest} days ago: run "LLM Cost: Update prices" to compare them with a live source, or turn on llmCost.prices.autoRefresh.`;
}
