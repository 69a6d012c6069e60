/** The Language Model Tool's input (validated) and its answer: counts, costs and context fit per model, as text a model reads. Pure. */
import type { ModelEntry } from '../catalog/types';
import type { ContextFit } from '../cost/contextFit';
import type { CacheAssumption, Estimate, OutputProjection } from '../cost/types';
import { formatDateTime } from '../format/dates';
import { formatMoney } from '../format/money';
import { formatCount, formatErrorBand, formatTokens } from '../format/tokens';
import type { DocumentCount } from '../prompt/documentCount';

/** What the tool was asked, validated: exactly one of text and file. */
export interface ToolRequest {
  readonly text?: string;
  readonly file?: string;
  readonly models: readonly string[];
  readonly output?: OutputProjection;
  readonly cacheHitShare?: number;
  readonly currency?: string;
}

const MAX_MODELS = 50;

/** Validates the tool's raw input; a string is the one-line reason it was refused. */
export function parseToolRequest(raw: unknown): ToolRequest | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'the input must be an object';
  const input = raw as Record<string, unknown>;
  const known = ['text', 'file', 'models', 'outputRatio', 'outputTokens', 'cacheHitShare', 'currency'];
  const unknown = Object.keys(input).filter((k) => !known.includes(k));
  if (unknown.length) return `unknown input ${unknown.map((k) => `"${k}"`).join(', ')} (expected ${known.join(', ')})`;
  const { text, file, models, outputRatio, outputTokens, cacheHitShare, currency } = input;
  if ((text === undefined) === (file === undefined)) return 'give exactly one of "text" and "file"';
  if (text !== undefined && typeof text !== 'string') return '"text" must be a string';
  if (file !== undefined && (typeof file !== 'string' || file.trim() === '')) return '"file" must be a workspace file path';
  if (
    models !== undefined &&
    (!Array.isArray(models) || models.some((m) => typeof m !== 'string' || m === '') || models.length > MAX_MODELS)
  ) {
    return `"models" must be a list of up to ${MAX_MODELS} model ids`;
  }
  if (outputRatio !== undefined && outputTokens !== undefined) return 'give either "outputRatio" or "outputTokens", not both';
  if (outputRatio !== undefined && !(typeof outputRatio === 'number' && outputRatio >= 0 && outputRatio <= 1000)) {
    return '"outputRatio" must be a number from 0 to 1000';
  }
  if (outputTokens !== undefined && !(typeof outputTokens === 'number' && Number.isSafeInteger(outputTokens) && outputTokens >= 0)) {
    return '"outputTokens" must be a whole number, 0 or more';
  }
  if (cacheHitShare !== undefined && !(typeof cacheHitShare === 'number' && cacheHitShare >= 0 && cacheHitShare <= 1)) {
    return '"cacheHitShare" must be a number from 0 to 1';
  }
  if (currency !== undefined && !(typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency))) {
    return '"currency" must be a currency code such as USD, CNY or EUR';
  }
  return {
    ...(text !== undefined ? { text } : {}),
    ...(file !== undefined ? { file: file.trim() } : {}),
    models: (models as string[] | undefined) ?? [],
    ...(outputTokens !== undefined
      ? { output: { tokens: outputTokens } }
      : outputRatio !== undefined
        ? { output: { ratio: outputRatio } }
        : {}),
    ...(cacheHitShare !== undefined ? { cacheHitShare } : {}),
    ...(currency !== undefined ? { currency: currency.toUpperCase() } : {}),
  };
}

/** One model's figures. */
export interface ToolRow {
  readonly model: ModelEntry;
  readonly count: DocumentCount;
  readonly estimate: Estimate;
  readonly fit: ContextFit;
}

export interface ToolReportContext {
  /** What was counted ("notes/prompt.md", "the given text (1,234 characters)"). */
  readonly label: string;
  readonly at: Date;
  readonly output: OutputProjection;
  readonly cache: CacheAssumption;
  /** Models asked for that could not be priced, with the reason. */
  readonly failures: readonly string[];
}

/** The answer: one header line of assumptions, then one line per model with exact decimals beside rounded figures. */
export function toolReport(rows: readonly ToolRow[], c: ToolReportContext): string {
  const currency = rows[0]?.estimate.context.currency ?? 'USD';
  const output =
    'ratio' in c.output
      ? `output projected at ${c.output.ratio} × the input tokens`
      : `output projected at ${formatTokens(c.output.tokens)} tokens`;
  const cache =
    'hitRatio' in c.cache
      ? `${+(c.cache.hitRatio * 100).toFixed(4)}% of the input a cache hit`
      : `the first ${formatTokens(c.cache.cachedPrefixTokens)} input tokens a cache hit`;
  const lines = [
    `LLM cost estimate for ${c.label}: prices in ${currency} at ${formatDateTime(c.at)}; ${output}; ${cache}. Counted locally; the text was not sent anywhere.`,
    ...rows.map((row) => rowLine(row, currency)),
    ...c.failures.map((f) => `- not priced: ${f}`),
  ];
  return lines.join('\n');
}

function rowLine({ model, count, estimate: e, fit }: ToolRow, currency: string): string {
  const money = (label: string, amount: Estimate['total']) =>
    `${label} ${formatMoney(amount, currency)} (exact ${amount.toDecimalString()})`;
  const kind = count.exact ? 'exact count' : `estimated count${count.errorBand ? `, error band ${formatErrorBand(count.errorBand)}` : ''}`;
  const template =
    count.requests > 0
      ? `, ${formatTokens(count.templateTokens)} of them chat-template tokens over ${formatTokens(count.requests)} request(s)`
      : '';
  const parts = [
    `${formatCount(count)} input tokens (${kind}${template})`,
    money('input', e.cacheHit.cost.add(e.cacheMiss.cost)),
    money(`output (${formatTokens(e.output.tokens)} tokens)`, e.output.cost),
    ...(e.cacheSaving.isZero() ? [] : [money('cache saving', e.cacheSaving)]),
    money('total', e.total),
    fitText(fit),
  ];
  return `- ${model.id} (${model.displayName}): ${parts.join('; ')}`;
}

function fitText(fit: ContextFit): string {
  const outMax = fit.outputOverMax > 0 ? `; projected output exceeds the maximum output of ${formatTokens(fit.maxOutput ?? 0)} tokens` : '';
  if (fit.level === 'unknown') return `context window unknown${outMax}`;
  const used = `${formatTokens(fit.usedTokens)} of ${formatTokens(fit.contextWindow)} context tokens (${((fit.share ?? 0) * 100).toFixed(1)}%)`;
  const verdict =
    fit.overBy > 0 ? `does NOT fit: over by ${formatTokens(fit.overBy)}` : fit.level === 'near' ? 'fits, near the limit' : 'fits';
  return `context: ${used}, ${verdict}${outMax}`;
}
