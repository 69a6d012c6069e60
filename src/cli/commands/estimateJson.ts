/** The JSON shape of `llm-cost estimate --json`: numbers for tools, exact decimal strings beside them. */
import type { CacheAssumption, CostLine, OutputProjection, PricingContext } from '../../core/cost/types';
import type { Rational } from '../../core/cost/rational';
import type { Row } from './estimateRows';
import { inputCost } from '../../core/cost/estimate';

interface JsonAssumptions {
  readonly at: Date;
  readonly output: OutputProjection;
  readonly cache: CacheAssumption;
  readonly maxCost?: Rational;
}

/** The whole --json document. */
export function estimateJson(
  rows: readonly Row[],
  input: string,
  a: JsonAssumptions,
  over: readonly Row[],
  skipped: readonly string[],
): unknown {
  return {
    at: a.at.toISOString(),
    input,
    currency: rows[0].estimate.context.currency,
    output: a.output,
    cache: a.cache,
    maxCost: a.maxCost ? { ...money('amount', a.maxCost), exceededBy: over.map((r) => r.model.id) } : null,
    models: rows.map(rowJson),
    skipped,
  };
}

function rowJson({ model, count, estimate: e, fit, breakdown }: Row): unknown {
  return {
    model: model.id,
    tokens: count.tokens,
    exact: count.exact,
    tokenizer: count.tokenizer,
    label: count.label,
    errorBand: count.errorBand ?? null,
    format: count.format,
    templateTokens: count.templateTokens,
    countSource: count.source,
    contextWindow: fit.contextWindow > 0 ? fit.contextWindow : null,
    contextUsed: fit.share ?? null,
    fits: fit.fits,
    lines: [e.cacheHit, e.cacheMiss, e.output].map(lineJson),
    ...money('input', inputCost(e)),
    ...money('cacheSaving', e.cacheSaving),
    ...money('output', e.output.cost),
    ...money('total', e.total),
    ...money('totalWithoutCache', e.totalWithoutCache),
    pricing: contextJson(e.context),
    notes: e.notes,
    ...(breakdown ? { breakdown } : {}),
  };
}

/** A cost line with numbers and exact strings. */
export function lineJson(line: CostLine): unknown {
  return { kind: line.kind, tokens: line.tokens, ...money('pricePerMillion', line.pricePerMillion), ...money('cost', line.cost) };
}

/** Which prices applied, for JSON. */
export function contextJson(c: PricingContext): unknown {
  return {
    currency: c.currency,
    at: c.at.toISOString(),
    tier: c.tier,
    longContextThreshold: c.longContextThreshold ?? null,
    window: c.window
      ? {
          label: c.window.label,
          discounted: c.window.discounted,
          multiplier: c.window.multiplier.toDecimalString(),
          nextChange: c.window.nextChange?.toISOString() ?? null,
        }
      : null,
    converted: c.converted
      ? { from: c.converted.from, rate: c.converted.rate.toDecimalString(), fxDate: c.converted.fxDate, fxSource: c.converted.fxSource }
      : null,
    period: { from: c.period.from, until: c.period.until ?? null, source: c.period.source },
  };
}

/** { name: 1.23, nameExact: "1.23" }. */
export function money(name: string, value: Rational): Record<string, number | string> {
  return { [name]: value.toNumber(), [`${name}Exact`]: value.toDecimalString() };
}
