/** Resolves the model name a prompt file declares against a catalog. No parsing here, so the host bundle stays free of yaml. */
import type { Catalog, ModelEntry } from '../catalog/types';
import { findModel, suggestModels } from '../catalog/catalog';

export type DeclaredModel =
  | { readonly kind: 'known'; readonly model: ModelEntry; readonly name: string }
  | { readonly kind: 'unknown'; readonly name: string; readonly closest: readonly string[] };

/**
 * The catalog model a declared name means: an id or alias, also behind a provider prefix as GitHub Models
 * writes them ("mistral-ai/mistral-large-2411", "xai/grok-4"); case does not matter.
 */
export function resolveDeclaredModel(catalog: Catalog, name: string, at?: Date): DeclaredModel {
  const bare = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  for (const candidate of [name, bare]) {
    const model = findModel(catalog, candidate, at);
    if (model) return { kind: 'known', model, name };
  }
  return { kind: 'unknown', name, closest: suggestModels(catalog, bare.toLowerCase()) };
}
