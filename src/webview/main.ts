/**
 * The comparison panel's script (bundled to dist/webview.js). It renders what the host posts and sends the
 * user's changes back; the host computes every figure. In test runs (body[data-report-renders], set by the host
 * in ExtensionMode.Test) it also posts `{type: 'rendered', rows: <table rows>}` after every render.
 *
 * Protocol (src/shared/protocol.ts): on load the page posts `{type: 'ready'}`; the host answers with
 * `{type: 'state', state}` and posts a new one after every change. Controls post `setOutputRatio`,
 * `setCache`, `setCurrency`, `setMoment`, `setShowRetired`, `setSort`, `setBill`, `setBillModels`. After every
 * render the page (in test runs only: the host marks it) posts `{type: 'rendered', rows: <table rows>}`; it saves controls, sort, bill and the bill's
 * models (once picked) with setState.
 *
 * Stable DOM hooks (UI tests rely on them):
 *   #subject (what is counted), #busy (visible while counting), #problems, #footnotes, #moment-note
 *   table #comparison: header buttons `button[data-sort=model|tokens|input|saving|output|total]` inside
 *     `th[data-column]` carrying aria-sort; rows `tr[data-model="<model id>"]` with `th.model` and cells
 *     `td.tokens`, `td.input`, `td.saving`, `td.output`, `td.total`, `td.notes`; a counted row has class
 *     `fit-fits|fit-near|fit-over|fit-unknown`, its share of the window in `td.tokens .fit-share` and, when
 *     nearly full or not fitting, `th.model .fit-note` saying by how much
 *   controls: #ratio (range 0–10), #ratio-number (0–100) with #ratio-error (why a typed value is not used),
 *     #ratio-used (the ratio the table is priced with), #cache-mode (share|prefix), #cache-hit
 *     (percent for share, tokens for prefix), #currency, #moment (now|next-peak|next-off-peak), #show-retired
 *   chart: #chart with one `.chart-row[data-model]` per priced row (label, bar, value as text)
 *   price notes: `.note` with an optional `a.footnote-ref` to `#caveat-<n>` in the list #caveats
 *   bill: #bill-hit, #bill-miss, #bill-output, #bill-date (YYYY-MM-DD), #bill-timing (at-time|spread|share),
 *     #bill-time (HH:MM, UTC; shown for at-time), #bill-share (percent; shown for share),
 *     #bill-long-context (checkbox), #bill-error,
 *     models billed: #bill-models (details) with #bill-models-summary and `#bill-model-list input[data-model]`
 *     (one checkbox per model, legacy and retired included; posts `setBillModels`),
 *     results #bill-results with one `section.bill[data-model]` per billed model, total in `td.bill-total`;
 *     caveats #bill-caveats (`#bill-caveat-<n>`)
 *   export: #copy-markdown and #save-csv (the host copies / saves the table in its current order)
 *   document.body.dataset.rendered: the number of renders so far.
 */
import type { BillInputs, BillTiming, CacheControl, Moment, PanelState, SortColumn, SortOrder, ToWebviewMessage } from '../shared/protocol';
import { MAX_TOKENS, isBillInputs, isCurrencyCode, MOMENTS } from '../shared/protocol';
import { OUTPUT_RATIO_MAX } from '../core/config/settings';
import { renderBillModels, watchBillModels } from './billModels';
import { byId, renderBill, renderCaveats, renderChart, renderList, renderTable } from './render';
import { connect } from './vscodeApi';

const host = connect();
/** Set by the host only in test runs (ExtensionMode.Test). */
const reportRenders = document.body.hasAttribute('data-report-renders');
const ids = {
  subject: byId('subject'),
  busy: byId('busy'),
  problems: byId('problems'),
  footnotes: byId('footnotes'),
  caveats: byId('caveats'),
  table: byId<HTMLTableElement>('comparison'),
  chart: byId('chart'),
  ratio: byId<HTMLInputElement>('ratio'),
  ratioNumber: byId<HTMLInputElement>('ratio-number'),
  ratioError: byId('ratio-error'),
  ratioUsed: byId('ratio-used'),
  cacheMode: byId<HTMLSelectElement>('cache-mode'),
  cacheHit: byId<HTMLInputElement>('cache-hit'),
  cacheHitLabel: byId('cache-hit-label'),
  cacheHitError: byId('cache-hit-error'),
  currency: byId<HTMLSelectElement>('currency'),
  moment: byId<HTMLSelectElement>('moment'),
  momentNote: byId('moment-note'),
  showRetired: byId<HTMLInputElement>('show-retired'),
  billHit: byId<HTMLInputElement>('bill-hit'),
  billMiss: byId<HTMLInputElement>('bill-miss'),
  billOutput: byId<HTMLInputElement>('bill-output'),
  billDate: byId<HTMLInputElement>('bill-date'),
  billTime: byId<HTMLInputElement>('bill-time'),
  billTiming: byId<HTMLSelectElement>('bill-timing'),
  billTimeControl: byId('bill-time-control'),
  billShare: byId<HTMLInputElement>('bill-share'),
  billShareControl: byId('bill-share-control'),
  billLongContext: byId<HTMLInputElement>('bill-long-context'),
  billCaveats: byId('bill-caveats'),
  billError: byId('bill-error'),
  billResults: byId('bill-results'),
  billModelList: byId('bill-model-list'),
  billModelsSummary: byId('bill-models-summary'),
};

let current: PanelState | undefined;
let renders = 0;
/** Last values per cache mode, so switching modes back and forth keeps what was typed. */
const cacheMemory = { hitShare: 0, cachedPrefixTokens: 0 };

window.addEventListener('message', (event: MessageEvent<ToWebviewMessage | undefined>) => {
  const message = event.data;
  if (typeof message !== 'object' || message === null) return;
  switch (message.type) {
    case 'state':
      render(message.state);
      return;
    default: {
      const unknown: never = message.type;
      console.warn(`comparison panel: unknown message ${String(unknown)}`);
    }
  }
});

function render(state: PanelState): void {
  current = state;
  ids.subject.textContent = state.subject;
  ids.busy.hidden = !state.busy;
  renderList(ids.problems, state.problems);
  renderList(ids.footnotes, state.footnotes);
  renderCaveats(ids.caveats, state.caveats, 'caveat');
  ids.momentNote.textContent = state.momentNote;
  applyControls(state);
  renderTable(ids.table, state);
  renderChart(ids.chart, state.rows);
  applyBillInputs(state.bill.inputs);
  renderBillModels(ids.billModelList, ids.billModelsSummary, state.bill.models, state.bill.followsDefault);
  renderBill(ids.billResults, state.bill.rows);
  renderCaveats(ids.billCaveats, state.bill.caveats, 'bill-caveat');
  renders++;
  document.body.dataset.rendered = String(renders);
  const billModels = state.bill.followsDefault ? undefined : state.bill.models.filter((m) => m.picked).map((m) => m.modelId);
  host.save({ controls: state.controls, sort: state.sort, bill: state.bill.inputs, billModels });
  if (reportRenders) host.post({ type: 'rendered', rows: state.rows.length });
}

/** Sets a field's value unless the user is typing in it. */
function setValue(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  if (document.activeElement === input && input instanceof HTMLInputElement && input.type !== 'range') return;
  if (input.value !== value) input.value = value;
}

function applyControls(state: PanelState): void {
  const c = state.controls;
  setValue(ids.ratio, String(Math.min(c.outputRatio, Number(ids.ratio.max))));
  if (document.activeElement !== ids.ratioNumber) {
    ids.ratioNumber.value = String(c.outputRatio);
    ids.ratioNumber.removeAttribute('aria-invalid');
    ids.ratioError.textContent = '';
  }
  ids.ratioUsed.textContent = ratioInUse(c.outputRatio);
  if (c.cache.kind === 'share') cacheMemory.hitShare = c.cache.hitShare;
  else cacheMemory.cachedPrefixTokens = c.cache.cachedPrefixTokens;
  ids.cacheMode.value = c.cache.kind;
  describeCacheInput(c.cache.kind);
  if (document.activeElement !== ids.cacheHit) {
    ids.cacheHit.value = c.cache.kind === 'share' ? String(round(c.cache.hitShare * 100)) : String(c.cache.cachedPrefixTokens);
    ids.cacheHit.removeAttribute('aria-invalid');
    ids.cacheHitError.textContent = '';
  }
  const options = [...ids.currency.options].map((o) => o.value);
  if (options.join() !== state.currencies.join()) {
    ids.currency.replaceChildren(...state.currencies.map((code) => new Option(code, code)));
  }
  ids.currency.value = c.currency;
  ids.moment.value = c.moment;
  ids.showRetired.checked = c.showRetired;
}

function describeCacheInput(kind: CacheControl['kind']): void {
  const share = kind === 'share';
  ids.cacheHitLabel.textContent = share ? 'Cache-hit share (%)' : 'Cached prefix (tokens)';
  ids.cacheHit.max = share ? '100' : '';
  ids.cacheHit.step = '1';
}

/** Last share typed, kept while another timing is chosen. */
let billSharePercent = 50;

function applyBillInputs(bill: BillInputs): void {
  const fields = [ids.billHit, ids.billMiss, ids.billOutput, ids.billDate, ids.billTime, ids.billShare];
  if (!fields.includes(document.activeElement as HTMLInputElement)) {
    for (const field of fields) field.removeAttribute('aria-invalid');
    ids.billError.textContent = '';
  }
  setValue(ids.billHit, String(bill.cacheHit));
  setValue(ids.billMiss, String(bill.cacheMiss));
  setValue(ids.billOutput, String(bill.output));
  setValue(ids.billDate, bill.date);
  setValue(ids.billTime, bill.time);
  const timing = bill.timing ?? { kind: 'at-time' };
  ids.billTiming.value = timing.kind;
  if (timing.kind === 'share') billSharePercent = round(timing.discountedShare * 100);
  setValue(ids.billShare, String(billSharePercent));
  showTimingFields(timing.kind);
  ids.billLongContext.checked = bill.longContext === true;
}

function showTimingFields(kind: BillTiming['kind']): void {
  ids.billTimeControl.hidden = kind !== 'at-time';
  ids.billShareControl.hidden = kind !== 'share';
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Reads a number field; undefined (and the field marked invalid) when empty or out of range. */
function readNumber(input: HTMLInputElement, min: number, max: number, integer: boolean): number | undefined {
  const text = input.value.trim();
  const value = text === '' ? NaN : Number(text);
  const ok = Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
  if (ok) input.removeAttribute('aria-invalid');
  else input.setAttribute('aria-invalid', 'true');
  return ok ? value : undefined;
}

// ---- controls → host ----

let ratioFrame = 0;
function postRatio(ratio: number): void {
  cancelAnimationFrame(ratioFrame);
  ratioFrame = requestAnimationFrame(() => host.post({ type: 'setOutputRatio', ratio }));
}

ids.ratio.addEventListener('input', () => {
  const ratio = Number(ids.ratio.value);
  ids.ratioNumber.value = ids.ratio.value;
  ids.ratioNumber.removeAttribute('aria-invalid');
  ids.ratioError.textContent = '';
  postRatio(ratio);
});

/** "Output projected at ×0.5 the input tokens.": the ratio the table is priced with. */
function ratioInUse(ratio: number): string {
  return `Output projected at ×${ratio} the input tokens.`;
}

ids.ratioNumber.addEventListener('input', () => {
  const ratio = readNumber(ids.ratioNumber, 0, OUTPUT_RATIO_MAX, false);
  const inUse = current ? ` The table still uses ×${current.controls.outputRatio}.` : '';
  ids.ratioError.textContent = ratio === undefined ? `Enter a number from 0 to ${OUTPUT_RATIO_MAX}, such as 0.5.${inUse}` : '';
  if (ratio === undefined) return;
  ids.ratio.value = String(Math.min(ratio, Number(ids.ratio.max)));
  postRatio(ratio);
});

ids.cacheMode.addEventListener('change', () => {
  const kind = ids.cacheMode.value === 'prefix' ? 'prefix' : 'share';
  describeCacheInput(kind);
  ids.cacheHit.value = kind === 'share' ? String(round(cacheMemory.hitShare * 100)) : String(cacheMemory.cachedPrefixTokens);
  postCache();
});

ids.cacheHit.addEventListener('input', postCache);

function postCache(): void {
  const share = ids.cacheMode.value !== 'prefix';
  const value = share ? readNumber(ids.cacheHit, 0, 100, false) : readNumber(ids.cacheHit, 0, MAX_TOKENS, true);
  ids.cacheHitError.textContent =
    value === undefined ? (share ? 'Enter a percentage from 0 to 100.' : 'Enter a whole number of tokens.') : '';
  if (value === undefined) return;
  const cache: CacheControl = share ? { kind: 'share', hitShare: value / 100 } : { kind: 'prefix', cachedPrefixTokens: value };
  host.post({ type: 'setCache', cache });
}

ids.currency.addEventListener('change', () => {
  if (isCurrencyCode(ids.currency.value)) host.post({ type: 'setCurrency', currency: ids.currency.value });
});

ids.moment.addEventListener('change', () => {
  const moment = ids.moment.value as Moment;
  if (MOMENTS.includes(moment)) host.post({ type: 'setMoment', moment });
});

ids.showRetired.addEventListener('change', () => host.post({ type: 'setShowRetired', showRetired: ids.showRetired.checked }));
byId('copy-markdown').addEventListener('click', () => host.post({ type: 'copyMarkdown' }));
byId('save-csv').addEventListener('click', () => host.post({ type: 'saveCsv' }));

// Screen readers hear what each header button does, not only the column name.
for (const button of ids.table.querySelectorAll<HTMLButtonElement>('thead button[data-sort]')) {
  button.setAttribute('aria-label', `Sort by ${(button.textContent ?? '').trim().toLowerCase()}`);
}

ids.table.tHead?.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-sort]');
  if (!button) return;
  const column = button.dataset.sort as SortColumn;
  const previous = current?.sort;
  const sort: SortOrder = {
    column,
    direction: previous?.column === column && previous.direction === 'ascending' ? 'descending' : 'ascending',
  };
  host.post({ type: 'setSort', sort });
});

watchBillModels(ids.billModelList, (message) => host.post(message));
ids.billLongContext.addEventListener('change', postBill);
ids.billTiming.addEventListener('change', () => {
  showTimingFields(readTimingKind());
  postBill();
});

for (const input of [ids.billHit, ids.billMiss, ids.billOutput, ids.billDate, ids.billTime, ids.billShare]) {
  input.addEventListener('change', postBill);
  if (input.type === 'number') input.addEventListener('input', postBill);
}
byId<HTMLFormElement>('bill-form').addEventListener('submit', (event) => {
  event.preventDefault();
  postBill();
});

function readTimingKind(): BillTiming['kind'] {
  const kind = ids.billTiming.value;
  return kind === 'spread' || kind === 'share' ? kind : 'at-time';
}

/** The timing chosen; undefined (the share field marked invalid) when the share is not a percentage. */
function readTiming(): BillTiming | undefined {
  const kind = readTimingKind();
  if (kind !== 'share') {
    ids.billShare.removeAttribute('aria-invalid');
    return { kind };
  }
  const percent = readNumber(ids.billShare, 0, 100, false);
  if (percent === undefined) return undefined;
  billSharePercent = percent;
  return { kind, discountedShare: percent / 100 };
}

function postBill(): void {
  const timing = readTiming();
  if (timing === undefined) {
    ids.billError.textContent = 'Enter the share in the discounted window as a percentage from 0 to 100.';
    return;
  }
  const bill = {
    cacheHit: readNumber(ids.billHit, 0, MAX_TOKENS, true),
    cacheMiss: readNumber(ids.billMiss, 0, MAX_TOKENS, true),
    output: readNumber(ids.billOutput, 0, MAX_TOKENS, true),
    date: ids.billDate.value,
    time: ids.billTime.value.slice(0, 5),
    timing,
    longContext: ids.billLongContext.checked,
  };
  if (isBillInputs(bill)) {
    ids.billError.textContent = '';
    host.post({ type: 'setBill', bill });
  } else {
    ids.billError.textContent = 'Enter whole token counts (0 or more), a date and a time.';
  }
}

host.post({ type: 'ready' });
