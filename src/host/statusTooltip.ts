/** The status bar tooltip as Markdown: cost table, price period, source and date, exact or estimate. */
import { formatAge } from '../core/format/dates';
import { formatMoney, formatPricePerMillion } from '../core/format/money';
import { describeConversion, describeTier, describeWindow } from '../core/format/pricing';
import { formatCount, formatErrorBand, formatTokens } from '../core/format/tokens';
import type { CostLine } from '../core/cost/types';
import type { PricedCount } from './priced';

/** Markdown source of the tooltip for a priced count. */
export function tooltipMarkdown(priced: PricedCount, now = new Date()): string {
  const { model, count, estimate: e, subject, settings } = priced;
  const currency = e.context.currency;
  const money = (line: CostLine) => formatMoney(line.cost, currency);
  const row = (label: string, line: CostLine) =>
    `| ${label} | ${formatTokens(line.tokens)} | ${formatPricePerMillion(line.pricePerMillion, currency)} | ${money(line)} |`;
  const share = `${Number((settings.cacheHitShare * 100).toFixed(2))}%`;
  const source = e.context.period.source;
  const lines = [
    `**${escape(model.displayName)}** (\`${model.id}\`): ${escape(subject.label)}`,
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
    `Prices: [${escape(hostOf(source.url))}](${source.url}), verified ${source.verified} (${formatAge(source.verified, now)})`,
  ];
  const conversion = describeConversion(e.context);
  if (conversion) lines.push('', `Currency: ${escape(conversion)}`);
  lines.push('', countLine(count));
  if (count.fallback) lines.push('', `Counted as plain text: ${escape(count.fallback)}`);
  for (const note of e.notes) lines.push('', `_${escape(note)}_`);
  lines.push('', 'Click to open the cost comparison.');
  return lines.join('\n');
}

function countLine(count: PricedCount['count']): string {
  const what = count.exact ? 'exact' : 'estimate';
  const band = !count.exact && count.errorBand ? `, error band ${formatErrorBand(count.errorBand)}` : '';
  const template = count.templateTokens > 0 ? `, incl. ${formatTokens(count.templateTokens)} template tokens` : '';
  return `Count: ${formatCount(count)} ${count.tokens === 1 ? 'token' : 'tokens'}, ${what} (${escape(count.label)}${band}${template})`;
}

function standardTier(e: PricedCount['estimate']): string {
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

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|]/g, (c) => `\\${c}`);
}
