/** The model and output limit a prompt file declares for itself (`model:`, `max_tokens`), resolved against a catalog. */
import type { Catalog, ModelEntry } from '../catalog/types';
import { findModel, suggestModels } from '../catalog/catalog';
import { parsePromptDocument } from './document';
import type { ChatRequest } from './messages';

export interface Declared {
  /** The model name as written, when every request that names one names the same. */
  readonly modelName?: string;
  /** Set when requests name different models (then none is taken). */
  readonly mixedModels?: readonly string[];
  /** The requests' own output limits added up, when every request sets one. */
  readonly maxTokens?: number;
  readonly requests: number;
}

/** What a prompt file declares; undefined for plain text, Markdown or a malformed file (counting reports those). */
export function declaredByPrompt(text: string, fileName: string | undefined): Declared | undefined {
  const requests = parsedRequests(text, fileName);
  if (!requests?.length) return undefined;
  const names = [...new Set(requests.map((r) => r.model).filter((m): m is string => m !== undefined))];
  const limits = requests.map((r) => r.maxTokens);
  const maxTokens = limits.every((l): l is number => l !== undefined) ? limits.reduce((a, b) => a + b, 0) : undefined;
  return {
    requests: requests.length,
    ...(names.length === 1 ? { modelName: names[0] } : {}),
    ...(names.length > 1 ? { mixedModels: names } : {}),
    ...(maxTokens !== undefined ? { maxTokens } : {}),
  };
}

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

function parsedRequests(text: string, fileName: string | undefined): readonly ChatRequest[] | undefined {
  try {
    return parsePromptDocument(text, fileName).requests;
  } catch {
    return undefined; // a malformed file: counting reports it
  }
}
