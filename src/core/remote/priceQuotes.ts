/** What a price source says about one model, in the catalog's terms: USD per million tokens as decimal strings. */
import type { HolidayCalendars, Provider } from '../catalog/types';

export type QuotedProvider = Exclude<Provider, 'custom'>;

/** Prices per million tokens in USD; a field the source does not give is absent. May be negative or zero (validation holds those back). */
export interface QuotedList {
  readonly input?: string;
  readonly cacheHit?: string;
  readonly output?: string;
}

export interface PriceQuote {
  readonly provider: QuotedProvider;
  /** The source's own id for the model. */
  readonly id: string;
  /** Other names the source gives the model (xAI aliases). */
  readonly aliases: readonly string[];
  /** genai-prices: the source's own match rule over model names. */
  readonly matches?: (name: string) => boolean;
  readonly prices: QuotedList;
  readonly longContext?: { readonly thresholdTokens: number; readonly prices: QuotedList };
  readonly contextWindow?: number;
}

/** Price lists, or a holiday-calendar document shaped like the catalog's data/holidays.json. */
export type SourceFormat = 'xai' | 'litellm' | 'genai-prices' | 'holidays';

/** Everything one fetch of one source said, with where and when it came from. */
export interface QuoteSet {
  /** Short name shown to users: "xai", "litellm", "genai-prices", or the URL or file given. */
  readonly source: string;
  readonly format: SourceFormat | 'npm-package';
  /** The address read, when it was one (not for a local file). */
  readonly url?: string;
  /** ISO instant the source was read. */
  readonly fetchedAt: string;
  readonly quotes: readonly PriceQuote[];
  /** Holiday calendars the source gives (format 'holidays'; its quotes are then empty). */
  readonly holidays?: HolidayCalendars;
}
