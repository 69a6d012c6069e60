/** Quick pick of models grouped by provider, with prices per million and context window; retired ones on request. */
import * as vscode from 'vscode';
import type { Catalog, ModelEntry, Provider } from '../core/catalog/types';
import { estimate } from '../core/cost/estimate';
import { formatPricePerMillion } from '../core/format/money';
import { formatDate } from '../core/format/dates';

const PROVIDER_NAMES: Readonly<Record<Provider, string>> = { deepseek: 'DeepSeek', mistral: 'Mistral', xai: 'xAI (Grok)', custom: 'Your models' };
const PROVIDER_ORDER: readonly Provider[] = ['deepseek', 'mistral', 'xai', 'custom'];
const SHOW_ALL_LABEL = '$(history) Show retired and legacy models…';

interface ModelItem extends vscode.QuickPickItem {
  readonly modelId?: string;
  readonly showAll?: true;
}

/** Lets the user pick a model; resolves to its id, or undefined when dismissed. */
export function pickModel(catalog: Catalog, currentId: string, currency: string): Promise<string | undefined> {
  const picker = vscode.window.createQuickPick<ModelItem>();
  const toggle: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('history'), tooltip: 'Show retired and legacy models' };
  let showAll = false;
  const fill = () => {
    picker.items = items(catalog, currentId, currency, showAll);
    picker.buttons = showAll ? [] : [toggle];
    picker.activeItems = picker.items.filter((i) => i.modelId === currentId);
  };
  picker.title = 'LLM Cost: select the model to price with';
  picker.placeholder = `Current: ${currentId}. Prices per million tokens (input · cached input · output) in ${currency}, now`;
  picker.matchOnDescription = true;
  picker.matchOnDetail = true;
  fill();
  return new Promise((resolve) => {
    let chosen: string | undefined;
    picker.onDidTriggerButton(() => { showAll = true; fill(); });
    picker.onDidAccept(() => {
      const item = picker.selectedItems[0];
      if (item?.showAll) { showAll = true; fill(); return; }
      chosen = item?.modelId;
      picker.hide();
    });
    picker.onDidHide(() => { picker.dispose(); resolve(chosen); });
    picker.show();
  });
}

function items(catalog: Catalog, currentId: string, currency: string, showAll: boolean): ModelItem[] {
  const result: ModelItem[] = [];
  const now = new Date();
  for (const provider of PROVIDER_ORDER) {
    const models = catalog.models.filter((m) => m.provider === provider && (showAll || m.status.kind === 'current' || m.id === currentId));
    if (models.length === 0) continue;
    result.push({ label: PROVIDER_NAMES[provider], kind: vscode.QuickPickItemKind.Separator });
    for (const model of models) result.push(item(catalog, model, currentId, currency, now));
  }
  const hidden = catalog.models.some((m) => m.status.kind !== 'current' && m.id !== currentId);
  if (!showAll && hidden) result.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: SHOW_ALL_LABEL, alwaysShow: true, showAll: true });
  return result;
}

function item(catalog: Catalog, model: ModelEntry, currentId: string, currency: string, now: Date): ModelItem {
  const status = model.status.kind === 'retired'
    ? `retired ${formatDate(model.status.date)}${model.status.replacement ? ` → ${model.status.replacement}` : ''}`
    : model.status.kind === 'legacy' ? 'legacy' : '';
  return {
    label: `${model.id === currentId ? '$(check) ' : ''}${model.displayName}`,
    description: [model.id, status].filter(Boolean).join(' · '),
    detail: `${prices(catalog, model, currency, now)} · ${model.contextWindow > 0 ? `${compactTokens(model.contextWindow)} context` : 'context window not given'}`,
    modelId: model.id,
  };
}

/** "$0.30 · $0.006 · $1.20 /M", priced now (or at the last period of a retired model). */
function prices(catalog: Catalog, model: ModelEntry, currency: string, now: Date): string {
  const last = model.periods[model.periods.length - 1];
  const at = model.status.kind === 'retired' && last ? new Date(last.from) : now;
  try {
    const e = estimate(catalog, { modelId: model.id, inputTokens: 1000, at, output: { ratio: 1 }, cache: { hitRatio: 0.5 }, currency });
    const c = e.context.currency;
    const tags = [e.context.window ? `${e.context.window.label} now` : '', e.context.converted ? `converted from ${e.context.converted.from}` : ''];
    const price = (p: typeof e.cacheMiss.pricePerMillion) => formatPricePerMillion(p, c);
    const lists = Object.values(e.context.period.prices);
    const cached = lists.length > 0 && lists.every((l) => l?.cacheHit === null) ? 'no cache price' : `cached ${price(e.cacheHit.pricePerMillion)}`;
    const note = tags.filter(Boolean).join(', ');
    return `in ${price(e.cacheMiss.pricePerMillion)} · ${cached} · out ${price(e.output.pricePerMillion)}${note ? ` (${note})` : ''}`;
  } catch (error) {
    return `no price: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** "1M", "262K", "40K". */
function compactTokens(n: number): string {
  if (n >= 1_000_000) return `${Number((n / 1_000_000).toFixed(1))}M`;
  return n >= 1000 ? `${Math.round(n / 1000)}K` : String(n);
}
