/** What the status bar and the estimate command say about a priced count: text, tooltip table, summary. Pure. */
import type { Catalog, ModelEntry } from '../catalog/types';
import { estimate } from '../cost/estimate';
import type { CostLine, Estimate } from '../cost/types';
import { formatAge } from '../format/dates';
import { formatMoney, formatPricePerMillion } from '../format/money';
import { describeConversion, describeTier, describeWindow } from '../format/pricing';
import { formatCount, formatErrorBand, formatTokens } from '../format/tokens';
import type { DocumentCount } from '../prompt/documentCount';
import type { Settings } from '../config/settings';

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
}

/** Prices a count for the model at `at` with the output ratio, cache share and currency from the settings. */
export function priceCount<S extends LabelledSubject>(
  config: { readonly settings: Settings; readonly catalog: Catalog },
  subject: S,
  model: ModelEntry,
  count: DocumentCount,
  at = new Date(),
): PricedCount<S> {
  const { settings, catalog } = config;
  const result = estimate(catalog, {
    modelId: model.id,
    inputTokens: count.tokens,
    at,
    output: { ratio: settings.outputRatio },
    cache: { hitRatio: settings.cacheHitShare },
    currency: settings.currency,
  });
  return { subject, model, count, estimate: result, settings };
}

/** "1,234 tok · $0.0021", with "≈" before an estimated count. */
export function statusText(priced: PricedCount): string {
  return `${formatCount(priced.count)} tok · ${formatMoney(priced.estimate.total, priced.estimate.context.currency)}`;
}

/** "prompt.md (whole document): ≈1,234 tokens (estimated count) on DeepSeek V4 Flash → $0.0021 (input …, output …, cache saving …)." */
export function estimateSummary({ subject, model, count, estimate: e, settings }: PricedCount): string {
  const currency = e.context.currency;
  const input = formatMoney(e.cacheMiss.cost.add(e.cacheHit.cost), currency);
  const output = `output ${formatTokens(e.output.tokens)} tok at ×${settings.outputRatio} ${formatMoney(e.output.cost, currency)}`;
  const saving = `cache saving ${formatMoney(e.cacheSaving, currency)}`;
  const kind = count.exact ? '' : ' (estimated count)';
  const fallback = count.fallback ? ` Counted as plain text: ${count.fallback}` : '';
  return `${subject.label}: ${formatCount(count)} tokens${kind} on ${model.displayName} → ${formatMoney(e.total, currency)} (input ${input}, ${output}, ${saving}).${fallback}`;
}

/** Markdown source of the status bar tooltip: cost table, price period, source and date, exact or estimate. */
export function tooltipMarkdown(priced: PricedCount, now = new Date()): string {
  const { model, count, estimate: e, subject, settings } = priced;
  const currency = e.context.currency;
  const money = (line: CostLine) => formatMoney(line.cost, currency);
  const row = (label: string, line: CostLine) =>
    `| ${label} | ${formatTokens(line.tokens)} | ${formatPricePerMillion(line.pricePerMillion, currency)} | ${money(line)} |`;
  const share = `${Number((settings.cacheHitShare * 100).toFixed(2))}%`;
  const source = e.context.period.source;
  const lines = [
    `**${escapeMarkdown(model.displayName)}** (\`${model.id}\`): ${escapeMarkdown(subject.label)}`,
    '',
    '| | Tokens | Price | Cost |',
    '|:--|--:|--:|--:|',
    row('Input, cache miss', e.cacheMiss),
    row(`Input, cache hit (${share})`, e.cacheHit),
    row(`Output (projected at ×${settings.outputRatio})`, e.output),
    `| **Total** | | | **${formatMoney(e.total, currency)}** |`,
    '',
    `Saving from caching: **${formatMoney(e.cacheSaving, currency)}** (without cache: ${formatMoney(e.totalWithoutCache, currency)})`,
    '',
    `Price period: ${[describeWindow(e.context) ?? 'one price at all hours', describeTier(e.context) ?? standardTier(e)].join('; ')}`,
    '',
    `Prices: [${escapeMarkdown(hostOf(source.url))}](${source.url}), verified ${source.verified} (${formatAge(source.verified, now)})`,
  ];
  const conversion = describeConversion(e.context);
  if (conversion) lines.push('', `Currency: ${escapeMarkdown(conversion)}`);
  lines.push('', countLine(count));
  if (count.fallback) lines.push('', `Counted as plain text: ${escapeMarkdown(count.fallback)}`);
  // The price-period line already names the time-of-day window; skip the engine's short note for it.
  const windowNote = e.context.window ? `${e.context.window.label} window` : undefined;
  for (const note of e.notes) if (!windowNote || !note.startsWith(windowNote)) lines.push('', `_${escapeMarkdown(note)}_`);
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

function standardTier(e: Estimate): string {
  const threshold = e.context.period.longContext?.thresholdTokens;
  return threshold ? `standard prices (long-context prices from ${formatTokens(threshold)} prompt tokens)` : 'no long-context tier';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** Escapes the characters Markdown would interpret (tables included). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|]/g, (c) => `\\${c}`);
}
