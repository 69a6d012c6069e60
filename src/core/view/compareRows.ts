/** The comparison panel's logic: which models to show, their estimates and bills, sorting, display rows. Pure. */
import { refreshedOrigin } from '../format/priceOrigin';
import type { Catalog, CurrencyCode, ModelEntry } from '../catalog/types';
import type { CacheAssumption, Estimate } from '../cost/types';
import type { CountResult } from '../tokenize/types';
import type { FitView, Moment, PanelRow, PriceNote, SortOrder } from './viewTypes';
import { contextFit } from '../cost/contextFit';
import { fitNote, fitShareText } from '../format/fit';
import { statusLabel } from '../format/status';
import { Rational } from '../cost/rational';
import { currentPeriod, findModel, listModels } from '../catalog/catalog';
import { estimate, inputCost } from '../cost/estimate';
import { nextWindowStart } from '../cost/schedule';
import { formatBreakdown, formatMoney } from '../format/money';
import { formatCount, formatErrorBand } from '../format/tokens';
import { formatDateTime } from '../format/dates';
import { Footnotes, shortNotes } from './noteLines';
import { errorMessage } from '../format/errorMessage';

export { billMoment, billRows, billTiming, discountedShare } from './billRows';
export { Footnotes, noteText } from './noteLines';

export interface ModelSelection {
  readonly models: readonly ModelEntry[];
  /** Pinned ids that name no model in the catalog. */
  readonly unknownPinned: readonly string[];
}

/** Current models, every pinned one, and legacy/retired ones when asked; provider then catalog order. */
export function selectModels(
  catalog: Catalog,
  options: { readonly showRetired: boolean; readonly pinned: readonly string[] },
): ModelSelection {
  const pinnedIds = new Set<string>();
  const unknownPinned: string[] = [];
  for (const id of options.pinned) {
    const model = findModel(catalog, id);
    if (model) pinnedIds.add(model.id);
    else unknownPinned.push(id);
  }
  // Embedding models (input only) answer nothing, so they are compared only when pinned.
  const models = listModels(catalog, { includeRetired: true }).filter(
    (m) => pinnedIds.has(m.id) || (!m.inputOnly && (m.status.kind === 'current' || options.showRetired)),
  );
  return { models, unknownPinned };
}

export interface PricedMoment {
  readonly at: Date;
  /** "now", "next off-peak: 2026-11-28 10:00 UTC", or why the moment fell back to now. */
  readonly note: string;
}

/** The instant to price: now, or the earliest next start of a full-price / discounted window among the models. */
export function resolveMoment(catalog: Catalog, models: readonly ModelEntry[], moment: Moment, now: Date): PricedMoment {
  if (moment === 'now') return { at: now, note: `now (${formatDateTime(now)})` };
  const discounted = moment === 'next-off-peak';
  let best: { at: Date; label: string } | undefined;
  for (const model of models) {
    const schedule = currentPeriod(model, now)?.schedule;
    if (!schedule) continue;
    const start = nextWindowStart(schedule, now, discounted, catalog.holidays);
    if (start && (!best || start < best.at)) best = { at: start, label: discounted ? schedule.discountLabel : schedule.fullLabel };
  }
  if (!best) return { at: now, note: 'no model shown has time-of-day prices: priced now' };
  return { at: best.at, note: `next ${best.label}: ${formatDateTime(best.at)}` };
}

export interface EstimateOptions {
  readonly outputRatio: number;
  readonly cache: CacheAssumption;
  readonly currency: CurrencyCode;
  readonly at: Date;
  readonly pinned?: readonly string[];
  /** Models whose count was attempted and failed: reported as such instead of "not counted yet". */
  readonly uncountable?: ReadonlySet<string>;
}

/** One model's comparison result: the estimate, or why there is none. */
export interface ComparisonRow {
  readonly model: ModelEntry;
  readonly pinned: boolean;
  readonly count?: CountResult;
  readonly estimate?: Estimate;
  readonly error?: string;
}

/** Estimates every model from its own token count; a model without a count or price gets an error instead. */
export function compareModels(
  catalog: Catalog,
  models: readonly ModelEntry[],
  counts: ReadonlyMap<string, CountResult>,
  options: EstimateOptions,
): ComparisonRow[] {
  const pinned = new Set((options.pinned ?? []).map((id) => findModel(catalog, id)?.id ?? id));
  return models.map((model) => {
    const base = { model, pinned: pinned.has(model.id) };
    const count = counts.get(model.id);
    if (!count)
      return { ...base, error: options.uncountable?.has(model.id) ? 'could not be counted (see the LLM Cost log)' : 'not counted yet' };
    const cache: CacheAssumption =
      'cachedPrefixTokens' in options.cache
        ? { cachedPrefixTokens: Math.min(options.cache.cachedPrefixTokens, count.tokens) }
        : options.cache;
    try {
      const result = estimate(catalog, {
        modelId: model.id,
        inputTokens: count.tokens,
        at: options.at,
        output: { ratio: options.outputRatio },
        cache,
        currency: options.currency,
      });
      return { ...base, count, estimate: result };
    } catch (err) {
      return { ...base, count, error: errorMessage(err) };
    }
  });
}

/** Sorts rows by a column (stable, ties by model name); rows without an estimate always go last. */
export function sortRows(rows: readonly ComparisonRow[], sort: SortOrder): ComparisonRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const failed = Number(a.row.error !== undefined) - Number(b.row.error !== undefined);
      if (failed !== 0) return failed;
      const byColumn = compareBy(a.row, b.row, sort.column);
      if (byColumn !== 0) return sign * byColumn;
      return compareNames(a.row, b.row) || a.index - b.index;
    })
    .map((x) => x.row);
}

function compareBy(a: ComparisonRow, b: ComparisonRow, column: SortOrder['column']): number {
  switch (column) {
    case 'model':
      return compareNames(a, b);
    case 'tokens':
      return (a.count?.tokens ?? 0) - (b.count?.tokens ?? 0);
    case 'input':
      return cmp(rowInputCost(a.estimate), rowInputCost(b.estimate));
    case 'saving':
      return cmp(a.estimate?.cacheSaving, b.estimate?.cacheSaving);
    case 'output':
      return cmp(a.estimate?.output.cost, b.estimate?.output.cost);
    case 'total':
      return cmp(a.estimate?.total, b.estimate?.total);
    default: {
      const unknown: never = column;
      throw new RangeError(`unknown sort column ${String(unknown)}`);
    }
  }
}

/** By the name the table shows; the provider only breaks ties. */
function compareNames(a: ComparisonRow, b: ComparisonRow): number {
  return a.model.displayName.localeCompare(b.model.displayName) || a.model.provider.localeCompare(b.model.provider);
}

function cmp(a: Rational | undefined, b: Rational | undefined): number {
  return (a ?? Rational.ZERO).cmp(b ?? Rational.ZERO);
}

/** Input cost of a row's estimate, when it has one. */
function rowInputCost(e: Estimate | undefined): Rational | undefined {
  return e && inputCost(e);
}

const DASH = '—';

/** The display row the webview shows: money as strings in `currency`, the total as a number for the chart; long caveats go to `footnotes`. */
export function toPanelRow(row: ComparisonRow, currency: CurrencyCode, footnotes: Footnotes = new Footnotes()): PanelRow {
  const { model, count, estimate: e } = row;
  const money = (r: Rational | undefined) => (r === undefined ? DASH : formatMoney(r, currency));
  // Input and output add up to the total at the precision shown.
  const shown = e ? formatBreakdown([inputCost(e) ?? Rational.ZERO, e.output.cost], e.total, currency) : undefined;
  const source = e ? e.context.period.source : model.periods[model.periods.length - 1]?.source;
  return {
    modelId: model.id,
    displayName: model.displayName,
    provider: model.provider,
    status: model.status.kind,
    statusNote: statusLabel(model),
    pinned: row.pinned,
    tokens: count?.tokens ?? 0,
    tokensText: count ? formatCount(count) : DASH,
    exact: count?.exact ?? false,
    tokenizerLabel: count?.label ?? '',
    errorBand: count && !count.exact && count.errorBand ? formatErrorBand(count.errorBand) : '',
    input: shown?.parts[0] ?? DASH,
    cacheSaving: money(e?.cacheSaving),
    output: shown?.parts[1] ?? DASH,
    total: shown?.total ?? DASH,
    totalNumber: e ? e.total.toNumber() : 0,
    ...(count ? { fit: fitView(model, count.tokens, e?.output.tokens ?? 0) } : {}),
    priceNotes: e ? priceNotes(e, footnotes) : [],
    sourceUrl: source?.url ?? '',
    verified: source?.verified ?? '',
    ...(source?.refreshed ? { origin: refreshedOrigin(source) } : {}),
    ...(row.error !== undefined ? { error: row.error } : {}),
  };
}

/** The fit of input plus projected output in the model's window, in words. */
export function fitView(model: ModelEntry, inputTokens: number, outputTokens: number): FitView {
  const fit = contextFit(model, inputTokens, outputTokens);
  return { level: fit.level, shareText: fitShareText(fit), note: fitNote(fit) };
}

/** Which prices applied, in short: window and when it changes, tier, conversion; long caveats as footnotes. */
export function priceNotes(e: Estimate, footnotes: Footnotes = new Footnotes()): PriceNote[] {
  return shortNotes(e.context, e.notes, footnotes);
}

/** The earliest moment at which a time-of-day window in force changes, across the rows. */
export function earliestWindowChange(rows: readonly ComparisonRow[]): Date | undefined {
  let best: Date | undefined;
  for (const row of rows) {
    const next = row.estimate?.context.window?.nextChange;
    if (next && (!best || next < best)) best = next;
  }
  return best;
}
