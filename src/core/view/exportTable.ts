/** Estimates to take away: a Markdown table (display rounding) and CSV (exact decimals), same columns as the CLI table. Pure. */
import type { Estimate } from '../cost/types';
import { formatMoney } from '../format/money';
import { formatCount } from '../format/tokens';

/** One model's estimate as both the CLI and the panel hold it. */
export interface ExportRow {
  readonly modelId: string;
  readonly count: { readonly tokens: number; readonly exact: boolean };
  readonly estimate: Estimate;
}

const HEADERS = ['model', 'tokens', 'input', 'cache saving', 'output', 'total'] as const;

/** The figures of a row, each through `money`; `cached` false shows no cache saving (nothing was assumed cached). */
function cells(row: ExportRow, cached: boolean, money: (amount: Estimate['total']) => string, tokens: string): string[] {
  const e = row.estimate;
  return [
    row.modelId,
    tokens,
    money(e.cacheHit.cost.add(e.cacheMiss.cost)),
    cached ? money(e.cacheSaving) : '',
    money(e.output.cost),
    money(e.total),
  ];
}

/** A GitHub-flavoured Markdown table: figures rounded as the table shows them ("≈" before estimated counts). */
export function markdownTable(rows: readonly ExportRow[], cached: boolean): string {
  const escape = (cell: string) => cell.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  const line = (values: readonly string[]) => `| ${values.map(escape).join(' | ')} |`;
  const body = rows.map((row) => {
    const currency = row.estimate.context.currency;
    const values = cells(row, cached, (amount) => formatMoney(amount, currency), formatCount(row.count));
    return line(cached ? values : values.map((v, i) => (i === 3 ? '—' : v)));
  });
  return [line([...HEADERS]), `|:--|${'--:|'.repeat(HEADERS.length - 1)}`, ...body].join('\n') + '\n';
}

/** RFC 4180 CSV: exact decimal amounts, the currency and whether each count is exact in their own columns. */
export function csvTable(rows: readonly ExportRow[], cached: boolean): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const header = [...HEADERS, 'currency', 'tokens exact'];
  const body = rows.map((row) => [
    ...cells(row, cached, (amount) => amount.toDecimalString(), String(row.count.tokens)),
    row.estimate.context.currency,
    String(row.count.exact),
  ]);
  return [header, ...body].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}
