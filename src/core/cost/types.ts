/** Inputs and results of the cost engine (estimate.ts, bill.ts). All money is Rational. */
import type { Rational } from './rational';
import type { CurrencyCode, FxTable, PricePeriod } from '../catalog/types';

/** Output projection: a ratio of output to input tokens, or a fixed number of output tokens. */
export type OutputProjection = { readonly ratio: number } | { readonly tokens: number };

/** Cache hits: a share of the input (0…1), or a number of cached prefix tokens. */
export type CacheAssumption = { readonly hitRatio: number } | { readonly cachedPrefixTokens: number };

/** Which prices applied, and why. */
export interface PricingContext {
  readonly period: PricePeriod;
  /** The currency of the figures, and whether they come from a native list or a conversion. */
  readonly currency: CurrencyCode;
  readonly converted: null | { readonly from: CurrencyCode; readonly rate: Rational; readonly fxDate: string; readonly fxSource: string };
  readonly tier: 'standard' | 'long-context';
  readonly longContextThreshold?: number;
  /** Time-of-day window in force at the moment priced; null where the period has no schedule. */
  readonly window: null | {
    readonly discounted: boolean;
    readonly label: string;
    readonly multiplier: Rational;
    /** When the window next changes (UTC), if it does. */
    readonly nextChange?: Date;
    /** The schedule's caveat and the day's holiday note for people ("Chinese public holidays are off-peak all day…"), when it has one. */
    readonly note?: string;
  };
  readonly at: Date;
}

export interface CostLine {
  readonly kind: 'cache-hit' | 'cache-miss' | 'input' | 'output';
  readonly tokens: number;
  readonly pricePerMillion: Rational;
  readonly cost: Rational;
  /** On a bill split by time of day: the window these tokens were used in (label "peak", "off-peak"…). */
  readonly window?: { readonly discounted: boolean; readonly label: string };
}

export interface EstimateRequest {
  readonly modelId: string;
  readonly inputTokens: number;
  readonly at?: Date;
  readonly output: OutputProjection;
  readonly cache: CacheAssumption;
  readonly currency?: CurrencyCode;
  /** Overrides the catalog's rates (user settings). */
  readonly fx?: FxTable;
}

export interface Estimate {
  readonly modelId: string;
  readonly context: PricingContext;
  readonly cacheHit: CostLine;
  readonly cacheMiss: CostLine;
  readonly output: CostLine;
  readonly total: Rational;
  /** Total had nothing been cached, and the difference. */
  readonly totalWithoutCache: Rational;
  readonly cacheSaving: Rational;
  /** Human-readable caveats ("no cached price published: all input billed as cache miss"). */
  readonly notes: readonly string[];
}

/** Tokens of a past period by kind. */
export type UsageTokens =
  | { readonly cacheHit: number; readonly cacheMiss: number; readonly output: number }
  | { readonly input: number; readonly output: number }
  | { readonly total: number; readonly inputShare: number };

export interface BillRequest {
  readonly modelId: string;
  readonly at: Date;
  readonly tokens: UsageTokens;
  readonly currency?: CurrencyCode;
  readonly fx?: FxTable;
  /** A bill aggregates requests, so the long-context tier cannot be inferred: true bills every token at it. */
  readonly longContext?: boolean;
  /**
   * A day's usage on a model with time-of-day prices cannot be priced at one instant. With a split, the
   * period in force at `at` applies and each kind of token is billed in two lines, full-price and
   * discounted window. Without, every token gets the window at `at`. Ignored (with a note) where the
   * period has no schedule. Give one of the two.
   */
  readonly windowShares?: WindowShares;
  readonly windowTokens?: WindowTokens;
}

/** The share (0…1) of every kind of token used in the discounted window; scheduleCoverage()/24 spreads a day evenly. */
export interface WindowShares {
  readonly discounted: number;
}

/** The tokens used in the discounted window, of the same kind as the bill's tokens and at most them; the rest were full price. */
export interface WindowTokens {
  readonly discounted: UsageTokens;
}

/** How a bill was split between the windows of a time-of-day schedule. */
export interface BillWindowSplit {
  readonly full: { readonly label: string };
  readonly discounted: { readonly label: string; readonly multiplier: Rational };
  /** The share given, when split by share. */
  readonly discountedShare?: number;
  readonly note?: string;
}

export interface Bill {
  readonly modelId: string;
  /** With a window split, `context.window` is null and this says how the tokens were divided. */
  readonly windowSplit?: BillWindowSplit;
  readonly context: PricingContext;
  readonly lines: readonly CostLine[];
  readonly total: Rational;
  readonly notes: readonly string[];
}
