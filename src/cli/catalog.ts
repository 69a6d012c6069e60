/** Model lookup for the CLI: ids and aliases, with the closest ids suggested for a typo. */
import type { Catalog, ModelEntry, PricePeriod } from '../core/catalog/types';
import { currentPeriod, findModel, suggestModels } from '../core/catalog/catalog';
import { UsageError } from './errors';
import { statusLabel } from '../core/format/status';

/** The model `idOrAlias` meant at `at` (now if absent), or a UsageError that names the closest ids. */
export function resolveModel(catalog: Catalog, idOrAlias: string, at?: Date): ModelEntry {
  const model = findModel(catalog, idOrAlias, at);
  if (model) return model;
  const near = suggestModels(catalog, idOrAlias, 3);
  const hint = near.length ? ` (did you mean ${near.join(', ')}?)` : '';
  throw new UsageError(`unknown model '${idOrAlias}'${hint}; see 'llm-cost models --all'`);
}

/** The period in force at `at`, or the last one for models that no longer have a current price. */
export function displayPeriod(model: ModelEntry, at: Date): PricePeriod | undefined {
  return currentPeriod(model, at) ?? model.periods[model.periods.length - 1];
}

/** "current", "legacy", "retired 2026-07-24 15:59 UTC": the short status label. */
export function formatStatus(model: ModelEntry): string {
  return statusLabel(model, 'short') || 'current';
}
