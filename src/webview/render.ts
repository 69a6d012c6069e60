/** Draws the comparison table, the bar chart of totals and the usage bill from a PanelState. Text only via textContent. */
import type { BillRow, PanelRow, PanelState, PriceNote, SortColumn } from '../shared/protocol';
import { footnoteMarker } from '../shared/protocol';

/** Creates an element with a class and text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Looks up an element that the page skeleton must contain. */
export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id}`);
  return node as T;
}

/** Replaces a list's items with one per text. */
export function renderList(list: HTMLElement, items: readonly string[]): void {
  list.replaceChildren(...items.map((text) => el('li', undefined, text)));
  list.hidden = items.length === 0;
}

/** Fills the table body, one `tr[data-model]` per row, and marks the sorted column with aria-sort. */
export function renderTable(table: HTMLTableElement, state: PanelState): void {
  for (const th of table.querySelectorAll<HTMLTableCellElement>('th[data-column]')) {
    const column = th.dataset.column as SortColumn;
    if (column === state.sort.column) th.setAttribute('aria-sort', state.sort.direction);
    else th.removeAttribute('aria-sort');
  }
  table.setAttribute('aria-busy', String(state.busy));
  const body = table.tBodies[0] ?? table.createTBody();
  body.replaceChildren(...state.rows.map(renderRow));
}

function renderRow(row: PanelRow): HTMLTableRowElement {
  const fit = row.fit;
  const tr = el('tr', `status-${row.status}${row.error ? ' failed' : ''}${fit ? ` fit-${fit.level}` : ''}`);
  tr.dataset.model = row.modelId;

  const model = el('th', 'model');
  model.scope = 'row';
  model.append(el('span', 'name', row.displayName), ' ', el('span', 'provider', row.provider));
  if (row.pinned) model.append(' ', el('span', 'badge', 'pinned'));
  if (row.statusNote) model.append(el('span', 'status-note', row.statusNote));
  // Not fitting (or nearly full) is said in words, with a mark, not by colour alone.
  if (fit?.note) model.append(el('span', `fit-note fit-${fit.level}`, `${fit.level === 'over' ? '✖' : '⚠'} ${fit.note}`));
  model.title = row.modelId;

  const tokens = el('td', 'tokens num', row.tokensText);
  if (row.tokenizerLabel) tokens.title = row.tokenizerLabel;
  if (row.errorBand) tokens.append(el('span', 'band', row.errorBand));
  if (fit) tokens.append(el('span', 'fit-share', fit.shareText));

  const notes = el('td', 'notes');
  notes.append(...priceNotes(row));
  // Narrow panels hide the notes column; the same notes then sit behind a toggle under the model name.
  const inline = el('details', 'notes-inline');
  inline.append(el('summary', undefined, 'Prices applied'), ...priceNotes(row));
  if (inline.childElementCount > 1) model.append(inline);

  // Narrow panels hide the saving column and show the figure under the input cost instead.
  const input = el('td', 'input num', row.input);
  input.append(el('span', 'saving-inline', `saving ${row.cacheSaving}`));
  tr.append(
    model,
    tokens,
    input,
    el('td', 'saving num', row.cacheSaving),
    el('td', 'output num', row.output),
    el('td', 'total num', row.total),
    notes,
  );
  return tr;
}

/** The error, price notes and source link of a row. */
function priceNotes(row: PanelRow): HTMLElement[] {
  const nodes: HTMLElement[] = [];
  if (row.error) nodes.push(el('span', 'error', row.error));
  for (const note of row.priceNotes) nodes.push(renderNote(note, 'span', 'caveat'));
  if (row.sourceUrl) {
    const link = el('a', 'source', row.origin ?? (row.verified ? `source, verified ${row.verified}` : 'source'));
    link.href = row.sourceUrl;
    nodes.push(link);
  } else if (row.origin) nodes.push(el('span', 'source', row.origin));
  return nodes;
}

/** A short note; a footnote reference links to the caveat `${prefix}-<n>`. */
export function renderNote(note: PriceNote, tag: 'span' | 'p', prefix: string): HTMLElement {
  const node = el(tag, 'note', note.text);
  if (note.footnote !== undefined) {
    const ref = el('a', 'footnote-ref', footnoteMarker(note.footnote));
    ref.href = `#${prefix}-${note.footnote}`;
    ref.setAttribute('aria-label', `note ${note.footnote}`);
    node.append(' ', ref);
  }
  return node;
}

/** Numbered caveats, item n with id `${prefix}-<n>`. */
export function renderCaveats(list: HTMLElement, caveats: readonly string[], prefix: string): void {
  list.replaceChildren(
    ...caveats.map((text, i) => {
      const item = el('li', undefined, text);
      item.id = `${prefix}-${i + 1}`;
      return item;
    }),
  );
  list.hidden = caveats.length === 0;
}

/** A bar per priced model, in table order, widths relative to the largest total; the label and value are text. */
export function renderChart(chart: HTMLElement, rows: readonly PanelRow[]): void {
  const priced = rows.filter((r) => !r.error);
  const max = Math.max(0, ...priced.map((r) => r.totalNumber));
  const bars = priced.map((row) => {
    const line = el('div', 'chart-row');
    line.dataset.model = row.modelId;
    const over = row.fit?.level === 'over';
    const label = el('span', over ? 'label fit-over' : 'label', `${over ? '✖ ' : ''}${row.displayName}`);
    label.title = over && row.fit ? `${row.displayName}: ${row.fit.note}` : row.displayName;
    const track = el('span', 'track');
    const bar = el('span', row.exact ? 'bar' : 'bar estimate');
    // A visible sliver even for a zero total, so every model has a bar.
    bar.style.width = `${Math.max(max > 0 ? (row.totalNumber / max) * 100 : 0, 0.5).toFixed(2)}%`;
    track.append(bar);
    line.append(label, track, el('span', 'value', row.total));
    return line;
  });
  const summary = priced.map((r) => `${r.displayName} ${r.total}${r.fit?.level === 'over' ? ' (does not fit)' : ''}`).join('; ');
  chart.setAttribute('aria-label', priced.length ? `Total cost per model: ${summary}` : 'No totals yet');
  chart.replaceChildren(...(bars.length ? bars : [el('p', 'help', 'No totals yet.')]));
}

/** One small table per model: each billed line and the total. */
export function renderBill(container: HTMLElement, rows: readonly BillRow[]): void {
  container.replaceChildren(
    ...(rows.length ? rows.map(renderBillRow) : [el('p', 'help', 'No model billed: tick one under "Models billed".')]),
  );
}

function renderBillRow(row: BillRow): HTMLElement {
  const section = el('section', 'bill');
  section.dataset.model = row.modelId;
  const heading = el('h3', undefined, row.displayName);
  heading.id = `bill-${cssSafe(row.modelId)}`;
  section.setAttribute('aria-labelledby', heading.id);
  section.append(heading);
  if (row.error) {
    section.append(el('p', 'error', row.error));
    return section;
  }
  const table = el('table');
  const head = table.createTHead().insertRow();
  for (const [text, num] of [
    ['Line', false],
    ['Tokens', true],
    ['Price', true],
    ['Cost', true],
  ] as const) {
    const th = el('th', num ? 'num' : undefined, text);
    th.scope = 'col';
    head.append(th);
  }
  const body = table.createTBody();
  for (const line of row.lines) {
    const tr = body.insertRow();
    const label = el('th', undefined, line.label);
    label.scope = 'row';
    tr.append(label, el('td', 'num', line.tokens), el('td', 'num', line.price), el('td', 'num', line.cost));
  }
  const foot = table.createTFoot().insertRow();
  const label = el('th', undefined, 'Total');
  label.scope = 'row';
  label.colSpan = 3;
  foot.append(label, el('td', 'num bill-total', row.total));
  section.append(table);
  for (const note of row.notes) section.append(renderNote(note, 'p', 'bill-caveat'));
  return section;
}

function cssSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}
