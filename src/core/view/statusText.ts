/** What the status bar and the estimate command say about a priced count: text, tooltip table, summary. Pure. */
import type { Catalog, ModelEntry, PricePeriod } from '../catalog/types';
import { contextFit } from '../cost/contextFit';
import type { ContextFit } from '../cost/contextFit';
import { estimate } from '../cost/estimate';
import type { CostLine, Estimate, NoteKind } from '../cost/types';
import { formatAge } from '../format/dates';
import { refreshedOrigin } from '../format/priceOrigin';
import { formatBreakdown, formatMoney, formatPricePerMillion } from '../format/money';
import { fitNote, fitShareText, fitUsage, formatShare } from '../format/fit';
import { describeConversion, describeTier, describeWindow, fromUserSettings } from '../format/pricing';
import { formatCount, formatErrorBand, formatTokens } from '../format/tokens';
import type { DocumentCount } from '../prompt/documentCount';
import type { Settings } from '../config/settings';
import type { PromptModelChoice } from './promptModel';
import { FROM_PROMPT_FILE } from './promptModel';

/** What a prompt file decided about its pricing: its own model, its own output limit, or why its model was not taken. */
export type PromptPricing = Pick<PromptModelChoice, 'declared' | 'maxTokens' | 'note'>;

/** What was counted, as far as the texts need it ("selection in prompt.md"). */
export interface LabelledSubject {
  readonly label: string;
}

/** A count priced with the user's settings: the one shape the status bar, the estimate command and the API share. */
export interface PricedCount<S extends LabelledSubject = LabelledSubject> {
  readonly subject: S;
  readonly model: ModelEntry;
  readonly count: DocumentCount;
  readonly estimate: Estimate;
  readonly settings: Settings;
  /** Input plus projected output against the model's context window and maximum output. */
  readonly fit: ContextFit;
  /** Set for a prompt file whose model or output limit was looked at. */
  readonly prompt?: PromptPricing;
}

/**
 * Prices a count for the model at `at` with the output ratio, cache share and currency from the settings; a prompt
 * file's own output limit (`prompt.maxTokens`) replaces the ratio.
 */
export function priceCount<S extends LabelledSubject>(
  config: { readonly settings: Settings; readonly catalog: Catalog },
  subject: S,
  model: ModelEntry,
  count: DocumentCount,
  at = new Date(),
  prompt?: PromptPricing,
): PricedCount<S> {
  const { settings, catalog } = config;
  const result = estimate(catalog, {
    modelId: model.id,
    inputTokens: count.tokens,
    at,
    output: prompt?.maxTokens !== undefined ? { tokens: prompt.maxTokens } : { ratio: settings.outputRatio },
    cache: { hitRatio: settings.cacheHitShare },
    currency: settings.currency,
  });
  const fit = contextFit(model, count.tokens, result.output.tokens);
  return { subject, model, count, estimate: result, settings, fit, ...(prompt ? { prompt } : {}) };
}

/** "Mistral Large 3 (from the prompt file)", or the model's name alone. */
function modelName(priced: PricedCount): string {
  return priced.prompt?.declared ? `${priced.model.displayName} (${FROM_PROMPT_FILE})` : priced.model.displayName;
}

/** How output was projected: "at ×1", or "at the request's own limit (max_tokens)". */
function outputBasis(priced: PricedCount): string {
  if (priced.prompt?.maxTokens === undefined) return `at ×${priced.settings.outputRatio}`;
  return priced.count.requests > 1 ? "at the requests' own limits (max_tokens)" : "at the request's own limit (max_tokens)";
}

/** "3 requests · batch total 1,234 tok · $0.0034" for a file of several requests; undefined otherwise. */
export function batchLine(priced: PricedCount): string | undefined {
  const { count, estimate: e } = priced;
  if (count.requests < 2) return undefined;
  return `${formatTokens(count.requests)} requests · batch total ${formatCount(count)} tok · ${formatMoney(e.total, e.context.currency)}`;
}

/** "1,234 tok · $0.0021", with "≈" before an estimated count; "· does not fit" or "· 93% of window" when the window is (nearly) full. */
export function statusText(priced: PricedCount): string {
  const base = `${formatCount(priced.count)} tok · ${formatMoney(priced.estimate.total, priced.estimate.context.currency)}`;
  const { fit } = priced;
  if (fit.level === 'over') return `${base} · does not fit`;
  if (fit.level === 'near' && fit.share !== undefined) return `${base} · ${formatShare(fit.share)} of window`;
  return base;
}

/**
 * The status item as one plain sentence for screen readers (no Markdown, no icons):
 * "DeepSeek V4 Flash: 1,234 tokens in selection in prompt.md, $0.0021; 0.1% of the 1,000,000-token context window."
 */
export function accessibleSummary(priced: PricedCount): string {
  const { subject, count, estimate: e, fit } = priced;
  const tokens = `${count.exact ? '' : 'about '}${formatTokens(count.tokens)} ${count.tokens === 1 ? 'token' : 'tokens'}`;
  const window =
    fit.share === undefined
      ? 'context window not given'
      : `${formatShare(fit.share)} of the ${formatTokens(fit.contextWindow)}-token context window`;
  const note = fitNote(fit);
  const batch = count.requests > 1 ? ` (${formatTokens(count.requests)} requests)` : '';
  return `${modelName(priced)}: ${tokens} in ${subject.label}${batch}, ${formatMoney(e.total, e.context.currency)}; ${note || window}.`;
}

/** "DeepSeek V4 Flash: ≈1,234 tokens (estimated count) in prompt.md (whole document) → $0.0021 (input …, output …, cache saving …)." */
export function estimateSummary(priced: PricedCount): string {
  const { subject, count, estimate: e } = priced;
  const currency = e.context.currency;
  const shown = formatBreakdown([e.cacheMiss.cost.add(e.cacheHit.cost), e.output.cost], e.total, currency);
  const input = shown.parts[0];
  const output = `output ${formatTokens(e.output.tokens)} tok ${outputBasis(priced)} ${shown.parts[1]}`;
  const saving = `cache saving ${formatMoney(e.cacheSaving, currency)}`;
  const kind = count.exact ? '' : ' (estimated count)';
  const fallback = count.fallback ? ` Counted as plain text: ${count.fallback}` : '';
  const fit = fitNote(priced.fit);
  const window = fit ? ` Context window: ${fit}.` : '';
  const batch = count.requests > 1 ? ` (${formatTokens(count.requests)} requests, batch total)` : '';
  return `${modelName(priced)}: ${formatCount(count)} tokens${kind} in ${subject.label}${batch} → ${shown.total} (input ${input}, ${output}, ${saving}).${window}${fallback}`;
}

/** Markdown source of the status bar tooltip: cost table, price period, source and date, exact or estimate. */
export function tooltipMarkdown(priced: PricedCount, now = new Date(), extraNotes: readonly string[] = []): string {
  const { model, count, estimate: e, subject, settings } = priced;
  const currency = e.context.currency;
  const shown = formatBreakdown([e.cacheMiss.cost, e.cacheHit.cost, e.output.cost], e.total, currency);
  const row = (label: string, line: CostLine, cost: string) =>
    `| ${label} | ${formatTokens(line.tokens)} | ${formatPricePerMillion(line.pricePerMillion, currency)} | ${cost} |`;
  const share = `${Number((settings.cacheHitShare * 100).toFixed(2))}%`;
  const source = e.context.period.source;
  const origin = priced.prompt?.declared ? ` (${FROM_PROMPT_FILE})` : '';
  const batch = batchLine(priced);
  const lines = [
    `**${escapeMarkdown(model.displayName)}** · \`${model.id}\`${origin} · ${escapeMarkdown(subject.label)}`,
    '',
    ...(batch ? [batch, ''] : []),
    '| | Tokens | Price | Cost |',
    '|:--|--:|--:|--:|',
    row('Input, cache miss', e.cacheMiss, shown.parts[0]),
    row(`Input, cache hit (${share})`, e.cacheHit, shown.parts[1]),
    row(`Output (projected ${outputBasis(priced)})`, e.output, shown.parts[2]),
    `| **Total** | | | **${shown.total}** |`,
    '',
    `Saving from caching: **${formatMoney(e.cacheSaving, currency)}** (without cache: ${formatMoney(e.totalWithoutCache, currency)})`,
    '',
    `Price period: ${[describeWindow(e.context) ?? 'one price at all hours', describeTier(e.context) ?? standardTier(e)].join('; ')}`,
    '',
    source.refreshed
      ? `Prices: ${escapeMarkdown(refreshedOrigin(source) ?? '')} (${formatAge(source.verified, now)})`
      : `Prices: ${priceSource(e.context.period)}, verified ${source.verified} (${formatAge(source.verified, now)})`,
  ];
  const overrideWindow = fromUserSettings(e.context.period) ? e.context.window : null;
  if (overrideWindow?.discounted)
    lines.push(
      '',
      `Your prices from settings are multiplied by ${overrideWindow.multiplier.toDecimalString()} now: the provider's ${escapeMarkdown(overrideWindow.label)} discount applies to them.`,
    );
  const conversion = describeConversion(e.context);
  if (conversion) lines.push('', `Currency: ${escapeMarkdown(conversion)}`);
  lines.push('', countLine(count));
  lines.push('', fitLine(priced.fit));
  if (count.fallback) lines.push('', `Counted as plain text: ${escapeMarkdown(count.fallback)}`);
  for (const note of e.notes) {
    if (SAID_ABOVE.has(note.kind)) continue;
    const text = note.kind === 'window-caveat' ? firstSentence(note.text) : note.text;
    lines.push('', `_${escapeMarkdown(text)}_`);
  }
  for (const note of [...(priced.prompt?.note ? [priced.prompt.note] : []), ...extraNotes]) lines.push('', `_${escapeMarkdown(note)}_`);
  lines.push('', 'Click to open the cost comparison.');
  return lines.join('\n');
}

function countLine(count: DocumentCount): string {
  const what = count.exact ? 'exact' : 'estimate';
  const band =
    !count.exact && count.errorBand ? `; the true count may be ${formatErrorBand(count.errorBand)} of this: ${count.errorBand.basis}` : '';
  const template = count.templateTokens > 0 ? `, incl. ${formatTokens(count.templateTokens)} template tokens` : '';
  return `Count: ${formatCount(count)} ${count.tokens === 1 ? 'token' : 'tokens'}, ${what} (${escapeMarkdown(count.label)}${band}${template})`;
}

/** "Context window: 26% of 131,072 (input 1,234 + projected output 1,234 = 2,468 tokens)", bold when it does not fit. */
function fitLine(fit: ContextFit): string {
  const note = fitNote(fit);
  const line = `Context window: ${fitShareText(fit)} (${fitUsage(fit)})`;
  return note ? `${line}: **${escapeMarkdown(note)}**` : line;
}

function standardTier(e: Estimate): string {
  const threshold = e.context.period.longContext?.thresholdTokens;
  return threshold ? `standard prices (long-context prices from ${formatTokens(threshold)} prompt tokens)` : 'no long-context tier';
}

/** The price-period, currency and tier lines above already say these. */
const SAID_ABOVE: ReadonlySet<NoteKind> = new Set<NoteKind>(['window', 'converted', 'long-context']);

/** A link to the source page ("[api-docs.deepseek.com](https://…)"), or "your settings (llmCost.priceOverrides)". */
function priceSource(period: PricePeriod): string {
  if (fromUserSettings(period)) return 'your settings (llmCost.priceOverrides)';
  const url = period.source.url;
  try {
    return `[${escapeMarkdown(new URL(url).host || url)}](${url})`;
  } catch {
    return escapeMarkdown(url);
  }
}

/** The first sentence of a caveat, so a tooltip keeps it to one line (the panel footnotes carry it whole). */
function firstSentence(text: string): string {
  const end = text.indexOf('. ');
  return end < 0 ? text : text.slice(0, end + 1);
}

/** Escapes the characters Markdown would interpret (tables included). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|]/g, (c) => `\\${c}`);
}
