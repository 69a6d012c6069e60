/**
 * The comparison panel's message protocol and state, shared by the host (src/host/panel) and the
 * webview (src/webview). Pure: no 'vscode', no DOM. Everything arriving from the webview goes through
 * `isFromWebviewMessage` before the host acts on it.
 */
import type {
  Moment,
  SortColumn,
  SortOrder,
  CacheControl,
  PanelControls,
  BillTiming,
  BillInputs,
  PanelRow,
  BillRow,
} from '../core/view/viewTypes';
export type {
  Moment,
  SortColumn,
  SortDirection,
  SortOrder,
  CacheControl,
  PanelControls,
  BillTiming,
  BillInputs,
  PriceNote,
  PanelRow,
  BillLineView,
  BillRow,
} from '../core/view/viewTypes';
import { MOMENTS, SORT_COLUMNS } from '../core/view/viewTypes';
import { OUTPUT_RATIO_MAX } from '../core/config/settings';
export { MOMENTS, SORT_COLUMNS, BILL_TIMING_KINDS, footnoteMarker } from '../core/view/viewTypes';

/** Everything the webview renders; the host posts it whole after every change. */
export interface PanelState {
  /** "3 selections in prompt.md", or a hint when there is nothing to count. */
  readonly subject: string;
  readonly busy: boolean;
  readonly controls: PanelControls;
  readonly sort: SortOrder;
  readonly rows: readonly PanelRow[];
  /** Currencies the user can pick. */
  readonly currencies: readonly string[];
  /** The instant priced, described ("now", "next off-peak: 2026-11-28 16:30 UTC"). */
  readonly momentNote: string;
  /** Footnotes: exchange-rate date and source, estimate caveats. */
  readonly footnotes: readonly string[];
  /** Long caveats the rows' price notes refer to by number (1-based), each once. */
  readonly caveats: readonly string[];
  readonly bill: {
    readonly inputs: BillInputs;
    /** Every model the bill can price (legacy and retired included), those billed marked `picked`. */
    readonly models: readonly BillModelOption[];
    /** True while the bill follows the default model (the user has not picked models for it). */
    readonly followsDefault: boolean;
    readonly rows: readonly BillRow[];
    readonly caveats: readonly string[];
  };
  /** Settings problems and counting failures, shown above the table. */
  readonly problems: readonly string[];
}

/** A model in the bill's own selector. */
export interface BillModelOption {
  readonly modelId: string;
  readonly displayName: string;
  /** "DeepSeek", "Mistral", "xAI (Grok)": the group it is listed under. */
  readonly provider: string;
  /** "retired 2026-07-24 15:59 UTC", "legacy", or empty (the short status label). */
  readonly statusNote: string;
  readonly picked: boolean;
}

/** What the webview keeps with setState so a restored panel starts where the user left it. */
export interface PersistedPanelState {
  readonly controls?: PanelControls;
  readonly sort?: SortOrder;
  readonly bill?: BillInputs;
  /** Models the user picked for the bill; absent while it follows the default model. */
  readonly billModels?: readonly string[];
}

// ---- host → webview ----

/** The full state to render (answer to `ready`, and after every change). */
export interface StateMessage {
  readonly type: 'state';
  readonly state: PanelState;
}

export type ToWebviewMessage = StateMessage;

// ---- webview → host ----

/** The webview has loaded and listens; the host answers with a `state`. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** Output tokens per input token changed. */
export interface SetOutputRatioMessage {
  readonly type: 'setOutputRatio';
  readonly ratio: number;
}

/** Cache assumption changed. */
export interface SetCacheMessage {
  readonly type: 'setCache';
  readonly cache: CacheControl;
}

/** Display currency changed. */
export interface SetCurrencyMessage {
  readonly type: 'setCurrency';
  readonly currency: string;
}

/** Priced moment changed. */
export interface SetMomentMessage {
  readonly type: 'setMoment';
  readonly moment: Moment;
}

/** Retired and legacy models shown or hidden. */
export interface SetShowRetiredMessage {
  readonly type: 'setShowRetired';
  readonly showRetired: boolean;
}

/** Table sort order changed. */
export interface SetSortMessage {
  readonly type: 'setSort';
  readonly sort: SortOrder;
}

/** Usage bill inputs changed. */
export interface SetBillMessage {
  readonly type: 'setBill';
  readonly bill: BillInputs;
}

/** "Copy as Markdown table": the host puts the table, as shown, on the clipboard. */
export interface CopyMarkdownMessage {
  readonly type: 'copyMarkdown';
}

/** "Save as CSV…": the host asks where, then writes the exact figures to that file only. */
export interface SaveCsvMessage {
  readonly type: 'saveCsv';
}

/** Models the usage bill prices changed (ids from the state's bill.models). */
export interface SetBillModelsMessage {
  readonly type: 'setBillModels';
  readonly modelIds: readonly string[];
}

/** The webview finished rendering a state with this many table rows (observed by UI tests). */
export interface RenderedMessage {
  readonly type: 'rendered';
  readonly rows: number;
}

export type FromWebviewMessage =
  | ReadyMessage
  | SetOutputRatioMessage
  | SetCacheMessage
  | SetCurrencyMessage
  | SetMomentMessage
  | SetShowRetiredMessage
  | SetSortMessage
  | SetBillMessage
  | CopyMarkdownMessage
  | SaveCsvMessage
  | SetBillModelsMessage
  | RenderedMessage;

// ---- limits and validation ----

/** Largest token count accepted in any input. */
export const MAX_TOKENS = 1e12;
/** Most models one bill may list (the catalog has far fewer; a longer list is not from the selector). */
export const MAX_BILL_MODELS = 500;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasOnlyKeys(v: Obj, keys: readonly string[]): boolean {
  return Object.keys(v).every((k) => keys.includes(k));
}

function isNumberIn(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
}

function isTokenCount(v: unknown): v is number {
  return isNumberIn(v, 0, MAX_TOKENS) && Number.isInteger(v);
}

/** True for "YYYY-MM-DD" naming a real calendar day. */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** True for "HH:MM" on a 24-hour clock. */
export function isTimeOfDay(v: unknown): v is string {
  return typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v);
}

/** True for an upper-case ISO 4217 style code. */
export function isCurrencyCode(v: unknown): v is string {
  return typeof v === 'string' && /^[A-Z]{3}$/.test(v);
}

/** True for a model id as the catalog and llmCost.customModels allow: trimmed, 1–200 characters, no control characters. */
export function isModelId(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 200 && v.trim() === v && /^[^\p{Cc}]+$/u.test(v);
}

/** A list of distinct model ids, at most MAX_BILL_MODELS (empty is allowed: the user unticked every model). */
export function isModelIdList(v: unknown): v is readonly string[] {
  return Array.isArray(v) && v.length <= MAX_BILL_MODELS && v.every(isModelId) && new Set(v).size === v.length;
}

export function isCacheControl(v: unknown): v is CacheControl {
  if (!isObj(v)) return false;
  if (v.kind === 'share') return hasOnlyKeys(v, ['kind', 'hitShare']) && isNumberIn(v.hitShare, 0, 1);
  if (v.kind === 'prefix') return hasOnlyKeys(v, ['kind', 'cachedPrefixTokens']) && isTokenCount(v.cachedPrefixTokens);
  return false;
}

export function isSortOrder(v: unknown): v is SortOrder {
  return (
    isObj(v) &&
    hasOnlyKeys(v, ['column', 'direction']) &&
    SORT_COLUMNS.includes(v.column as SortColumn) &&
    (v.direction === 'ascending' || v.direction === 'descending')
  );
}

export function isBillTiming(v: unknown): v is BillTiming {
  if (!isObj(v)) return false;
  if (v.kind === 'at-time' || v.kind === 'spread') return hasOnlyKeys(v, ['kind']);
  if (v.kind === 'share') return hasOnlyKeys(v, ['kind', 'discountedShare']) && isNumberIn(v.discountedShare, 0, 1);
  return false;
}

export function isBillInputs(v: unknown): v is BillInputs {
  return (
    isObj(v) &&
    hasOnlyKeys(v, ['cacheHit', 'cacheMiss', 'output', 'date', 'time', 'timing', 'longContext']) &&
    isTokenCount(v.cacheHit) &&
    isTokenCount(v.cacheMiss) &&
    isTokenCount(v.output) &&
    isIsoDate(v.date) &&
    isTimeOfDay(v.time) &&
    (v.timing === undefined || isBillTiming(v.timing)) &&
    (v.longContext === undefined || typeof v.longContext === 'boolean')
  );
}

export function isPanelControls(v: unknown): v is PanelControls {
  return (
    isObj(v) &&
    hasOnlyKeys(v, ['outputRatio', 'cache', 'currency', 'moment', 'showRetired']) &&
    isNumberIn(v.outputRatio, 0, OUTPUT_RATIO_MAX) &&
    isCacheControl(v.cache) &&
    isCurrencyCode(v.currency) &&
    MOMENTS.includes(v.moment as Moment) &&
    typeof v.showRetired === 'boolean'
  );
}

/** Validates what a webview saved (it comes back through the serializer, so it is untrusted too). */
export function isPersistedPanelState(v: unknown): v is PersistedPanelState {
  return (
    isObj(v) &&
    hasOnlyKeys(v, ['controls', 'sort', 'bill', 'billModels']) &&
    (v.controls === undefined || isPanelControls(v.controls)) &&
    (v.sort === undefined || isSortOrder(v.sort)) &&
    (v.bill === undefined || isBillInputs(v.bill)) &&
    (v.billModels === undefined || isModelIdList(v.billModels))
  );
}

/** Type guard for every message the webview may send; anything else is rejected. */
export function isFromWebviewMessage(value: unknown): value is FromWebviewMessage {
  if (!isObj(value) || typeof value.type !== 'string') return false;
  const v = value;
  const only = (...keys: string[]) => hasOnlyKeys(v, ['type', ...keys]);
  switch (v.type) {
    case 'ready':
      return only();
    case 'setOutputRatio':
      return only('ratio') && isNumberIn(v.ratio, 0, OUTPUT_RATIO_MAX);
    case 'setCache':
      return only('cache') && isCacheControl(v.cache);
    case 'setCurrency':
      return only('currency') && isCurrencyCode(v.currency);
    case 'setMoment':
      return only('moment') && MOMENTS.includes(v.moment as Moment);
    case 'setShowRetired':
      return only('showRetired') && typeof v.showRetired === 'boolean';
    case 'setSort':
      return only('sort') && isSortOrder(v.sort);
    case 'setBill':
      return only('bill') && isBillInputs(v.bill);
    case 'copyMarkdown':
    case 'saveCsv':
      return only();
    case 'setBillModels':
      return only('modelIds') && isModelIdList(v.modelIds);
    case 'rendered':
      return only('rows') && isTokenCount(v.rows);
    default:
      return false;
  }
}
