/** The usage bill's own model selector: one checkbox per model, grouped by provider; posts the ticked ids. */
import type { BillModelOption, FromWebviewMessage } from '../shared/protocol';
import { el } from './render';

/** Draws the selector (only when the list of models changed, so focus stays put) and ticks the billed models. */
export function renderBillModels(
  list: HTMLElement,
  summary: HTMLElement,
  options: readonly BillModelOption[],
  followsDefault: boolean,
): void {
  const key = options.map((o) => `${o.modelId}\u0000${o.statusNote}`).join('\u0001');
  if (list.dataset.key !== key) {
    list.dataset.key = key;
    list.replaceChildren(...groups(options));
  }
  for (const box of list.querySelectorAll<HTMLInputElement>('input[data-model]')) {
    box.checked = options.some((o) => o.picked && o.modelId === box.dataset.model);
  }
  const picked = options.filter((o) => o.picked).map((o) => o.displayName);
  const names = picked.length === 0 ? 'none: tick at least one' : picked.length <= 3 ? picked.join(', ') : `${picked.length} models`;
  summary.textContent = `Models billed: ${names}${followsDefault ? ' (the default model)' : ''}`;
}

/** Posts the ticked models whenever a box changes. */
export function watchBillModels(list: HTMLElement, post: (message: FromWebviewMessage) => void): void {
  list.addEventListener('change', () => {
    const modelIds = [...list.querySelectorAll<HTMLInputElement>('input[data-model]')]
      .filter((box) => box.checked)
      .map((box) => box.dataset.model ?? '');
    post({ type: 'setBillModels', modelIds });
  });
}

function groups(options: readonly BillModelOption[]): HTMLElement[] {
  const byProvider = new Map<string, BillModelOption[]>();
  for (const option of options) byProvider.set(option.provider, [...(byProvider.get(option.provider) ?? []), option]);
  return [...byProvider].map(([provider, models]) => {
    const fieldset = el('fieldset');
    fieldset.append(el('legend', undefined, provider), ...models.map(choice));
    return fieldset;
  });
}

function choice(option: BillModelOption): HTMLElement {
  const label = el('label', 'bill-model');
  const box = el('input');
  box.type = 'checkbox';
  box.dataset.model = option.modelId;
  label.title = option.modelId;
  label.append(box, ' ', el('span', 'name', option.displayName));
  if (option.statusNote) label.append(' ', el('span', 'status-note', option.statusNote));
  return label;
}
