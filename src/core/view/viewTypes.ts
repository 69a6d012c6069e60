/** View-model types the engine's presentation layer produces and the panel protocol carries. */

/** When prices are taken: now, or the next start of a full-price or discounted window. */
export type Moment = 'now' | 'next-peak' | 'next-off-peak';
export const MOMENTS: readonly Moment[] = ['now', 'next-peak', 'next-off-peak'];

export type SortColumn = 'model' | 'tokens' | 'input' | 'saving' | 'output' | 'total';
export const SORT_COLUMNS: readonly SortColumn[] = ['model', 'tokens', 'input', 'saving', 'output', 'total'];

export type SortDirection = 'ascending' | 'descending';

export interface SortOrder {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}

/** Cache assumption: a share of the input (0…1) served from cache, or a cached prefix of N tokens. */
export type CacheControl =
  { readonly kind: 'share'; readonly hitShare: number } | { readonly kind: 'prefix'; readonly cachedPrefixTokens: number };

/** What the user set in the panel; everything a recompute needs besides the counts. */
export interface PanelControls {
  readonly outputRatio: number;
  readonly cache: CacheControl;
  readonly currency: string;
  readonly moment: Moment;
  readonly showRetired: boolean;
}

/**
 * How a day's tokens fall across time-of-day price windows (models without such prices ignore it):
 * all at `time`, spread evenly over the day, or a share (0…1) of every kind in the discounted window.
 */
export type BillTiming =
  { readonly kind: 'at-time' } | { readonly kind: 'spread' } | { readonly kind: 'share'; readonly discountedShare: number };
export const BILL_TIMING_KINDS: readonly BillTiming['kind'][] = ['at-time', 'spread', 'share'];

/** The usage bill's inputs: tokens by kind and when they were used ("YYYY-MM-DD" and "HH:MM", UTC). */
export interface BillInputs {
  readonly cacheHit: number;
  readonly cacheMiss: number;
  readonly output: number;
  readonly date: string;
  /** Time of day priced with timing "at-time". */
  readonly time: string;
  /** Absent means "at-time" (what states saved before timing existed meant). */
  readonly timing?: BillTiming;
  /** True bills every token at the long-context tier where a model has one (a bill cannot know each request's size). */
  readonly longContext?: boolean;
}

/** "¹", "²³": a footnote number as a superscript marker. */
export function footnoteMarker(n: number): string {
  return String(n)
    .split('')
    .map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)])
    .join('');
}

/** A short note on the prices applied; `footnote` is the 1-based number of a longer caveat it refers to. */
export interface PriceNote {
  readonly text: string;
  readonly footnote?: number;
}

/** How a row's prompt and projected output fit the model's context window, for display. */
export interface FitView {
  /** 'fits', 'near' (from 90% of the window), 'over' (does not fit), 'unknown' (window not given). */
  readonly level: 'fits' | 'near' | 'over' | 'unknown';
  /** "26% of 131,072", or "window not given". */
  readonly shareText: string;
  /** Empty when it fits with room; "does not fit: 209,187 tokens over the 131,072 window"; "near the limit: 93% of the 131,072 window". */
  readonly note: string;
}

/** One model's line in the comparison table; money as display strings, `totalNumber` for the chart only. */
export interface PanelRow {
  readonly modelId: string;
  readonly displayName: string;
  readonly provider: string;
  readonly status: 'current' | 'legacy' | 'retired';
  /** "retired 2026-07-24 15:59 UTC — last published price; replacement: deepseek-flash", "legacy — last published price", or empty. */
  readonly statusNote: string;
  readonly pinned: boolean;
  readonly tokens: number;
  /** "1,234" or "≈1,234". */
  readonly tokensText: string;
  readonly exact: boolean;
  /** Tokenizer label ("DeepSeek V3 BPE"). */
  readonly tokenizerLabel: string;
  /** "−18% … +5%" for estimates, empty when exact. */
  readonly errorBand: string;
  readonly input: string;
  readonly cacheSaving: string;
  readonly output: string;
  readonly total: string;
  readonly totalNumber: number;
  /** Context-window fit of the counted prompt and its projected output; absent until the model is counted. */
  readonly fit?: FitView;
  /** Which prices applied, short: window and when it changes, long-context tier, conversion. */
  readonly priceNotes: readonly PriceNote[];
  readonly sourceUrl: string;
  readonly verified: string;
  /** "from litellm, fetched 2026-12-05" when the prices were accepted from a live source. */
  readonly origin?: string;
  /** Set when this model could not be priced or counted; money fields are then "—". */
  readonly error?: string;
}

export interface BillLineView {
  /** "Input (cache hit)", "Input (cache miss), off-peak", "Output". */
  readonly label: string;
  readonly tokens: string;
  readonly price: string;
  readonly cost: string;
}

/** One model's usage bill, as a provider console would show it. */
export interface BillRow {
  readonly modelId: string;
  readonly displayName: string;
  readonly lines: readonly BillLineView[];
  readonly total: string;
  readonly notes: readonly PriceNote[];
  readonly error?: string;
}
