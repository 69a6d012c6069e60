/** The pricing catalog's shape. Prices are decimal strings per one million tokens, parsed with Rational. */

export type Provider = 'deepseek' | 'mistral' | 'xai' | 'custom';

/** A tokenizer the project can count with; see core/tokenize/registry.ts for which are exact. */
export type TokenizerId =
  | 'deepseek-v3'
  | 'mistral-tekken'
  | 'mistral-sp-v1'
  | 'mistral-sp-v3'
  | 'mistral-sp-v7'
  | 'openai-cl100k'
  | 'openai-o200k'
  | 'grok-estimate';

/** ISO 4217 code, upper case ("USD", "CNY", "EUR"). */
export type CurrencyCode = string;

/** One price list in one currency. `cacheHit` null: no cached price published (no prompt caching). */
export interface PriceList {
  readonly input: string;
  readonly cacheHit: string | null;
  readonly output: string;
}

/** A time window inside a UTC week: days are 0 (Sunday) … 6, times "HH:MM" UTC; `to` may wrap past midnight. */
export interface WeeklyWindow {
  readonly days: readonly number[];
  readonly from: string;
  readonly to: string;
}

/**
 * A time-of-day rule. `discountedWhen: 'outside'` with windows = peak hours (DeepSeek 2026: off-peak
 * everywhere but the listed weekday hours); `'inside'` = the windows themselves are discounted (the 2025
 * night discount). `multiplier` applies to every price in force while discounted ("0.5").
 */
export interface TimeOfDaySchedule {
  readonly windows: readonly WeeklyWindow[];
  readonly discountedWhen: 'inside' | 'outside';
  readonly multiplier: string;
  /** What the discounted window is called: "off-peak", "night discount". The other one is "peak" / "standard". */
  readonly discountLabel: string;
  readonly fullLabel: string;
  /**
   * Published prices for the discounted window, per currency; where given they replace list × multiplier
   * (DeepSeek's 2025 night prices were rounded: reasoner USD 0.135 / 0.035 / 0.55, not 0.1375 / 0.035 / 0.5475).
   */
  readonly discountedPrices?: Readonly<Partial<Record<CurrencyCode, PriceList>>>;
  /**
   * Id of a holiday calendar (data/holidays.json): its public holidays are discounted all day and its
   * make-up working days follow a weekday's hours. Beyond the calendar's known years holidays are unknown.
   */
  readonly holidays?: string;
  readonly note?: string;
}

/** A long-context tier: once the prompt reaches `thresholdTokens`, these prices apply to every token. */
export interface LongContextTier {
  readonly thresholdTokens: number;
  readonly prices: Readonly<Partial<Record<CurrencyCode, PriceList>>>;
}

export interface PriceSource {
  readonly url: string;
  /** Date the price was last checked against the source, "YYYY-MM-DD". */
  readonly verified: string;
  readonly note?: string;
  /** Set on a period continued with prices accepted from a live source ("Update prices", `llm-cost prices update`). */
  readonly refreshed?: { readonly source: string; readonly fetchedAt: string };
}

/**
 * A span of time during which one set of prices applied. `until` is exclusive; absent = still in force.
 * Moments are "YYYY-MM-DD" (00:00 UTC) or "YYYY-MM-DDTHH:MM[:SS[.sss]]Z".
 */
export interface PricePeriod {
  readonly from: string;
  readonly until?: string;
  /** Native lists, one per currency the provider publishes (DeepSeek: USD and CNY). */
  readonly prices: Readonly<Partial<Record<CurrencyCode, PriceList>>>;
  readonly longContext?: LongContextTier;
  readonly schedule?: TimeOfDaySchedule;
  readonly source: PriceSource;
  /** What this period is and how its dates were chosen (shown to users). */
  readonly note?: string;
  /** Remarks for maintainers (which sources disagreed, what was inferred); never displayed. */
  readonly maintainerNote?: string;
}

export type ModelStatus =
  | { readonly kind: 'current' }
  | { readonly kind: 'legacy'; readonly note?: string }
  | { readonly kind: 'retired'; readonly date: string; readonly replacement?: string };

/** An alias that meant a model from `from` (inclusive; absent = as far back as known) until `until` (exclusive). */
export interface FormerAlias {
  readonly alias: string;
  readonly from?: string;
  readonly until: string;
  readonly note?: string;
}

export interface ModelEntry {
  readonly provider: Provider;
  readonly id: string;
  /** Names that mean this model now. */
  readonly aliases: readonly string[];
  /** Names that meant this model for a while and have since moved (mistral-large-latest → mistral-large-2411 until Large 3). */
  readonly formerAliases?: readonly FormerAlias[];
  readonly displayName: string;
  readonly tokenizer: TokenizerId;
  /** Tokens; 0 = unknown (custom models that do not set it). */
  readonly contextWindow: number;
  readonly maxOutput?: number | null;
  readonly status: ModelStatus;
  /** An embedding model: it bills input tokens only and produces no output (its output price is 0). */
  readonly inputOnly?: boolean;
  /** Oldest first, non-overlapping. */
  readonly periods: readonly PricePeriod[];
  readonly notes?: string;
}

/** Exchange rates: units of each currency per one unit of `base`, as decimal strings, dated. */
export interface FxTable {
  readonly base: CurrencyCode;
  readonly date: string;
  readonly rates: Readonly<Record<CurrencyCode, string>>;
  readonly source: string;
}

/** A public-holiday calendar: days off (all day discounted) and make-up working days, by local date. */
export interface HolidayCalendar {
  readonly name: string;
  /** The calendar's local time as an offset from UTC, "+08:00". */
  readonly utcOffset: string;
  /** Each year the official arrangement is known for, in order; other years are unknown. */
  readonly years: readonly HolidayYear[];
}

export interface HolidayYear {
  readonly year: number;
  readonly source: PriceSource;
  /** Days off, `from` to `to` inclusive, local dates "YYYY-MM-DD". */
  readonly holidays: readonly { readonly name: string; readonly from: string; readonly to: string }[];
  /** Weekend days worked instead (调休 make-up working days), local dates. */
  readonly workdays: readonly string[];
}

/** Holiday calendars by id ("CN"), as a schedule's `holidays` names them. */
export type HolidayCalendars = Readonly<Record<string, HolidayCalendar>>;

export interface Catalog {
  readonly models: readonly ModelEntry[];
  readonly fx: FxTable;
  /** The holiday calendars schedules use: the bundled ones, extended by accepted refreshes. */
  readonly holidays: HolidayCalendars;
}
