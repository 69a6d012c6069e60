/** Estimates to take away: a Markdown table (display rounding) and CSV (exact decimals), same columns as the CLI table. Pure. */
import type { ContextFit } from '../cost/contextFit';
import { inputCost } from '../cost/estimate';
import type { Estimate } from '../cost/types';
import { formatShare } from '../format/fit';
import { formatBreakdown, formatMoney } from '../format/money';
import { formatCount } from '../format/tokens';

/** One model's estimate as both the CLI and the panel hold it. */
export interface ExportRow {
  readonly modelId: string;
  readonly count: { readonly tokens: number; readonly exact: boolean };
  readonly estimate: Estimate;
  /** Input plus projected output against the model's context window. */
  readonly fit: ContextFit;
}

export const EXPORT_HEADERS = ['model', 'tokens', 'input', 'cache saving', 'output', 'total', 'window'] as const;

/** The `window` cell: the share of the context window, "over" when it does not fit, "near" from 90%. */
export function windowCell(fit: ContextFit): string {
  const share = fit.share === undefined ? '—' : formatShare(fit.share);
  return fit.level === 'over' ? `${share} over` : fit.level === 'near' ? `${share} near` : share;
}

/** A row's cells as the table shows them: the parts rounded so they add up to the shown total. */
export function displayCells(row: ExportRow, cached: boolean): string[] {
  const e = row.estimate;
  const currency = e.context.currency;
  const shown = formatBreakdown([inputCost(e), e.output.cost], e.total, currency);
  return [
    row.modelId,
    formatCount(row.count),
    shown.parts[0],
    cached ? formatMoney(e.cacheSaving, currency) : '—',
    shown.parts[1],
    shown.total,
    windowCell(row.fit),
  ];
}

/** A GitHub-flavoured Markdown table: figures rounded as the table shows them ("≈" before estimated counts). */
export function markdownTable(rows: readonly ExportRow[], cached: boolean): string {
  const escape = (cell: string) => cell.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  const line = (values: readonly string[]) => `| ${values.map(escape).join(' | ')} |`;
  const body = rows.map((row) => line(displayCells(row, cached)));
  return [line([...EXPORT_HEADERS]), `|:--|${'--:|'.repeat(EXPORT_HEADERS.length - 1)}`, ...body].join('\n') + '\n';
}

/** RFC 4180 CSV: exact decimal amounts and the exact share of the window, plus the currency, exactness and fit in their own columns. */
export function csvTable(rows: readonly ExportRow[], cached: boolean): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const header = [...EXPORT_HEADERS, 'currency', 'tokens exact', 'fits'];
  const body = rows.map(({ modelId, count, estimate: e, fit }) => [
    modelId,
    String(count.tokens),
    inputCost(e).toDecimalString(),
    cached ? e.cacheSaving.toDecimalString() : '',
    e.output.cost.toDecimalString(),
    e.total.toDecimalString(),
    fit.share === undefined ? '' : String(fit.share),
    e.context.currency,
    String(count.exact),
    String(fit.fits),
  ]);
  return [header, ...body].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}
