/** Inputs and results of the cost engine (estimate.ts, bill.ts). All money is Rational. */
import type { Rational } from '../money';
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
  };
  readonly at: Date;
}

export interface CostLine {
  readonly kind: 'cache-hit' | 'cache-miss' | 'input' | 'output';
  readonly tokens: number;
  readonly pricePerMillion: Rational;
  readonly cost: Rational;
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
}

export interface Bill {
  readonly modelId: string;
  readonly context: PricingContext;
  readonly lines: readonly CostLine[];
  readonly total: Rational;
  readonly notes: readonly string[];
}
