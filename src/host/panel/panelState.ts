/** Builds the comparison panel's state from settings, counts and the user's controls. Pure: no 'vscode'. */
import { stalePricesNote } from '../../core/config/priceSettings';
import type { AutoRefresh } from '../../core/config/priceSettings';
import type { Catalog } from '../../core/catalog/types';
import { currentPeriod } from '../../core/catalog/catalog';
import type { CacheAssumption } from '../../core/cost/types';
import type { Settings } from '../../core/config/settings';
import type { CountResult } from '../../core/tokenize/types';
import type { ExportRow } from '../../core/view/exportTable';
import { contextFit } from '../../core/cost/contextFit';
import type {
  BillInputs,
  BillModelOption,
  CacheControl,
  PanelControls,
  PanelState,
  PersistedPanelState,
  SortOrder,
} from '../../shared/protocol';
import { findModel, listModels } from '../../core/catalog/catalog';
import { formatTokens } from '../../core/format/tokens';
import { FROM_PROMPT_FILE } from '../../core/view/promptModel';
import { statusLabel } from '../../core/format/status';
import {
  Footnotes,
  billRows,
  compareModels,
  earliestWindowChange,
  resolveMoment,
  selectModels,
  sortRows,
  toPanelRow,
} from '../../core/view/compareRows';
import type { ComparisonRow } from '../../core/view/compareRows';

export const DEFAULT_SORT: SortOrder = { column: 'total', direction: 'ascending' };

/** What the panel shows about the text being counted. */
export interface SubjectView {
  readonly label: string;
  readonly problem?: string;
}

export interface PanelInputs {
  readonly catalog: Catalog;
  readonly settings: Settings;
  readonly settingsProblems: readonly string[];
  readonly subject: SubjectView | undefined;
  /** Counts by model id; a prompt file's carry its number of requests. */
  readonly counts: ReadonlyMap<string, CountResult & { readonly requests?: number }>;
  /** Models counted for this subject without a result. */
  readonly uncountable?: ReadonlySet<string>;
  readonly countError?: string;
  readonly busy: boolean;
  readonly controls: PanelControls;
  readonly sort: SortOrder;
  readonly bill: BillInputs;
  /** Models the user picked for the bill; undefined follows the default model. */
  readonly billModels?: readonly string[];
  readonly now: Date;
  /** llmCost.prices.autoRefresh: while off, prices over 60 days old get one line saying so. */
  readonly autoRefresh?: AutoRefresh;
  /** The catalog model a prompt file names for itself: always shown, and billed by default. */
  readonly promptModel?: string;
}

/** The panel's controls as the settings set them. */
export function controlsFromSettings(settings: Settings): PanelControls {
  return {
    outputRatio: settings.outputRatio,
    cache: { kind: 'share', hitShare: settings.cacheHitShare },
    currency: settings.currency,
    moment: 'now',
    showRetired: settings.showRetired,
  };
}

/** Controls after a settings change: a setting that changed wins over the panel's value, the rest stay. */
export function adoptSettingsChange(controls: PanelControls, before: Settings, after: Settings): PanelControls {
  return {
    ...controls,
    outputRatio: before.outputRatio !== after.outputRatio ? after.outputRatio : controls.outputRatio,
    cache: before.cacheHitShare !== after.cacheHitShare ? { kind: 'share', hitShare: after.cacheHitShare } : controls.cache,
    currency: before.currency !== after.currency ? after.currency : controls.currency,
    showRetired: before.showRetired !== after.showRetired ? after.showRetired : controls.showRetired,
  };
}

/** Today's bill inputs: a million cache-miss tokens spread evenly over the day (noon UTC when priced at a time). */
export function defaultBillInputs(now: Date): BillInputs {
  return { cacheHit: 0, cacheMiss: 1_000_000, output: 0, date: now.toISOString().slice(0, 10), time: '12:00', timing: { kind: 'spread' } };
}

/** Merges what a restored webview had saved over the defaults. */
export function restore(
  persisted: PersistedPanelState | undefined,
  defaults: { controls: PanelControls; sort: SortOrder; bill: BillInputs },
): { controls: PanelControls; sort: SortOrder; bill: BillInputs; billModels?: readonly string[] } {
  const restored = {
    controls: persisted?.controls ?? defaults.controls,
    sort: persisted?.sort ?? defaults.sort,
    bill: persisted?.bill ?? defaults.bill,
  };
  return persisted?.billModels ? { ...restored, billModels: persisted.billModels } : restored;
}

/**
 * The bill's models: those picked that the catalog still has, or while none were picked the model the prompt file
 * names (`promptModel`), else the default model.
 */
export function billModelIds(catalog: Catalog, settings: Settings, picked: readonly string[] | undefined, promptModel?: string): string[] {
  const ids = picked ?? [promptModel ?? settings.defaultModel];
  return ids.flatMap((id) => {
    const model = findModel(catalog, id);
    return model ? [model.id] : [];
  });
}

/** True when every id names a model of the catalog (a bill selection that could have come from the selector). */
export function knowsAllModels(catalog: Catalog, ids: readonly string[]): boolean {
  return ids.every((id) => findModel(catalog, id) !== undefined);
}

/** Every model for the bill's selector, legacy and retired included, the billed ones marked. */
export function billModelOptions(catalog: Catalog, billed: readonly string[]): BillModelOption[] {
  const picked = new Set(billed);
  return listModels(catalog, { includeRetired: true }).map((m) => ({
    modelId: m.id,
    displayName: m.displayName,
    provider: m.provider,
    statusNote: statusLabel(m, 'short'),
    picked: picked.has(m.id),
  }));
}

/** The cost engine's cache assumption for a panel control. */
export function cacheAssumption(control: CacheControl): CacheAssumption {
  return control.kind === 'share' ? { hitRatio: control.hitShare } : { cachedPrefixTokens: control.cachedPrefixTokens };
}

/** Ids of the models the panel shows for these controls (what has to be counted); a prompt file's own model always. */
export function shownModelIds(catalog: Catalog, settings: Settings, controls: PanelControls, promptModel?: string): string[] {
  return selectModels(catalog, { showRetired: controls.showRetired, pinned: shownPins(settings, promptModel) }).models.map((m) => m.id);
}

/** The pinned models, and the prompt file's own model (shown even when legacy or retired). */
function shownPins(settings: Settings, promptModel: string | undefined): readonly string[] {
  return promptModel === undefined ? settings.panelModels : [...settings.panelModels, promptModel];
}

/** Every currency a figure can be shown in: native lists and the exchange-rate table, the chosen one included. */
export function currenciesOf(catalog: Catalog, chosen: string): string[] {
  const codes = new Set<string>([catalog.fx.base, ...Object.keys(catalog.fx.rates), chosen]);
  for (const model of catalog.models) for (const period of model.periods) for (const code of Object.keys(period.prices)) codes.add(code);
  return [...codes].filter((c) => /^[A-Z]{3}$/.test(c)).sort();
}

/** The whole state the webview renders, and when prices "now" next change (to rebuild then). */
export function buildPanel(inputs: PanelInputs): { state: PanelState; nextChange?: Date; exportRows: ExportRow[] } {
  const { catalog, settings, controls } = inputs;
  const selection = selectModels(catalog, { showRetired: controls.showRetired, pinned: shownPins(settings, inputs.promptModel) });
  const moment = resolveMoment(catalog, selection.models, controls.moment, inputs.now);
  const compared = compareModels(catalog, selection.models, inputs.counts, {
    outputRatio: controls.outputRatio,
    cache: cacheAssumption(controls.cache),
    currency: controls.currency,
    at: moment.at,
    pinned: settings.panelModels,
    uncountable: inputs.uncountable,
  });
  const caveats = new Footnotes();
  const rows = sortRows(compared, inputs.sort).map((row) => toPanelRow(row, controls.currency, caveats));
  const problems = [
    ...inputs.settingsProblems,
    ...selection.unknownPinned.map((id) => `llmCost.panel.models: no model "${id}" in the catalog; ignored.`),
    ...(inputs.subject?.problem ? [inputs.subject.problem] : []),
    ...(inputs.countError ? [`Counting failed: ${inputs.countError}`] : []),
  ];
  const state: PanelState = {
    subject: inputs.subject
      ? `${inputs.subject.label}${inputs.promptModel ? ` · its model: ${inputs.promptModel} (${FROM_PROMPT_FILE})` : ''}${batchNote(inputs.counts)}`
      : 'Nothing to count yet: open a file or select text in an editor.',
    busy: inputs.busy,
    controls,
    sort: inputs.sort,
    rows,
    currencies: currenciesOf(catalog, controls.currency),
    momentNote: moment.note,
    footnotes: [
      ...staleLine(compared, inputs),
      ...footnotes(
        compared.some((r) => r.estimate?.context.converted),
        compared.some((r) => r.count && !r.count.exact),
        catalog,
      ),
    ],
    caveats: caveats.list(),
    bill: billState(inputs),
    problems,
  };
  const nextChange = earliestWindowChange(compared);
  const exportRows = sortRows(compared, inputs.sort).flatMap((r) =>
    r.count && r.estimate
      ? [{ modelId: r.model.id, count: r.count, estimate: r.estimate, fit: contextFit(r.model, r.count.tokens, r.estimate.output.tokens) }]
      : [],
  );
  return nextChange ? { state, nextChange, exportRows } : { state, exportRows };
}

/** " · 3 requests · each row is the batch total" for a file of several requests; empty otherwise. */
export function batchNote(counts: PanelInputs['counts']): string {
  const requests = Math.max(0, ...[...counts.values()].map((c) => c.requests ?? 0));
  return requests > 1 ? ` · ${formatTokens(requests)} requests · each row is the batch total` : '';
}

/** The stale-prices line for the current models shown, when refresh is off and they are over 60 days old. */
function staleLine(compared: readonly ComparisonRow[], inputs: PanelInputs): string[] {
  if (inputs.autoRefresh === undefined) return [];
  const dates = compared.flatMap((r) => {
    if (r.model.status.kind !== 'current') return [];
    const source = r.estimate?.context.period.source ?? currentPeriod(r.model, inputs.now)?.source;
    return source ? [source.verified] : [];
  });
  const note = stalePricesNote(dates, inputs.now, inputs.autoRefresh);
  return note ? [note] : [];
}

function billState(inputs: PanelInputs): PanelState['bill'] {
  const { catalog, settings } = inputs;
  const billed = billModelIds(catalog, settings, inputs.billModels, inputs.promptModel);
  const models = billed.flatMap((id) => findModel(catalog, id) ?? []);
  return {
    inputs: inputs.bill,
    models: billModelOptions(catalog, billed),
    followsDefault: inputs.billModels === undefined,
    ...billRows(catalog, models, inputs.bill, inputs.controls.currency),
  };
}

function footnotes(converted: boolean | undefined, estimated: boolean | undefined, catalog: Catalog): string[] {
  const notes: string[] = [];
  if (estimated) notes.push('≈ marks an estimated token count; the band is how far the true count may be off.');
  if (converted) notes.push(`Converted figures use ${catalog.fx.source} rates of ${catalog.fx.date} (base ${catalog.fx.base}).`);
  notes.push('Input cost counts cache hits and misses; the saving is against sending the same input with no cache.');
  return notes;
}
