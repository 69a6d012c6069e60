/** The model picker's content: models grouped by provider, each with its prices and context window. Pure. */
import type { Catalog, ModelEntry, Provider } from '../catalog/types';
import { estimate } from '../cost/estimate';
import { formatContextSize } from '../format/fit';
import { statusLabel } from '../format/status';
import { formatPricePerMillion } from '../format/money';
import { refreshedOrigin } from '../format/priceOrigin';
import { errorMessage } from '../format/errorMessage';

export interface PickerRow {
  readonly modelId: string;
  /** Display name, "$(check) " before the current model. */
  readonly label: string;
  /** "grok-4-0709 · retired 2026-05-15 19:00 UTC — last published price; replacement: grok-4.3". */
  readonly description: string;
  /** "in $0.30/M · cached $0.03/M · out $1.20/M · context 1,000,000". */
  readonly detail: string;
}

export interface PickerGroup {
  readonly provider: Provider;
  readonly title: string;
  readonly rows: readonly PickerRow[];
}

export interface PickerContent {
  readonly groups: readonly PickerGroup[];
  /** True when retired or legacy models were left out (offer to show them). */
  readonly hiddenModels: boolean;
}

const PROVIDER_NAMES: Readonly<Record<Provider, string>> = {
  deepseek: 'DeepSeek',
  mistral: 'Mistral',
  xai: 'xAI (Grok)',
  custom: 'Your models',
};
const PROVIDER_ORDER: readonly Provider[] = ['deepseek', 'mistral', 'xai', 'custom'];

/** Current models (and the chosen one) by provider, or every model when `showAll`; prices in `currency` at `now`. */
export function pickerContent(catalog: Catalog, currentId: string, currency: string, showAll: boolean, now: Date): PickerContent {
  const groups: PickerGroup[] = [];
  for (const provider of PROVIDER_ORDER) {
    const models = catalog.models.filter((m) => m.provider === provider && (showAll || m.status.kind === 'current' || m.id === currentId));
    if (models.length > 0)
      groups.push({ provider, title: PROVIDER_NAMES[provider], rows: models.map((m) => pickerRow(catalog, m, currentId, currency, now)) });
  }
  const hiddenModels = !showAll && catalog.models.some((m) => m.status.kind !== 'current' && m.id !== currentId);
  return { groups, hiddenModels };
}

function pickerRow(catalog: Catalog, model: ModelEntry, currentId: string, currency: string, now: Date): PickerRow {
  const status = statusLabel(model);
  return {
    modelId: model.id,
    label: `${model.id === currentId ? '$(check) ' : ''}${model.displayName}`,
    description: [model.id, status].filter(Boolean).join(' · '),
    detail: `${prices(catalog, model, currency, now)} · context ${formatContextSize(model.contextWindow)}`,
  };
}

/** "in $0.30 · cached $0.006 · out $1.20", priced now (a retired model at its last published prices). */
function prices(catalog: Catalog, model: ModelEntry, currency: string, now: Date): string {
  try {
    const e = estimate(catalog, {
      modelId: model.id,
      inputTokens: 1000,
      at: now,
      output: { ratio: 1 },
      cache: { hitRatio: 0.5 },
      currency,
    });
    const c = e.context.currency;
    const tags = [
      e.context.window ? `${e.context.window.label} now` : '',
      e.context.converted ? `converted from ${e.context.converted.from}` : '',
    ];
    const price = (p: typeof e.cacheMiss.pricePerMillion) => formatPricePerMillion(p, c);
    const lists = Object.values(e.context.period.prices);
    const cached =
      lists.length > 0 && lists.every((l) => l?.cacheHit === null) ? 'no cache price' : `cached ${price(e.cacheHit.pricePerMillion)}`;
    const note = tags.filter(Boolean).join(', ');
    const origin = refreshedOrigin(e.context.period.source);
    return `in ${price(e.cacheMiss.pricePerMillion)} · ${cached} · out ${price(e.output.pricePerMillion)}${note ? ` (${note})` : ''}${origin ? ` · ${origin}` : ''}`;
  } catch (error) {
    return `no price: ${errorMessage(error)}`;
  }
}
