/** The model and output limit a prompt file names for itself, for `count` and `estimate` without --model. */
import type { Catalog, ModelEntry } from '../core/catalog/types';
import { declaredByPrompt, resolveDeclaredModel } from '../core/prompt/declared';
import type { InputText } from './io';
import type { Warnings } from './warnings';

export interface PromptModel {
  readonly model: ModelEntry;
  /** The name as the file writes it. */
  readonly name: string;
  /** The requests' own output limits added up (max_tokens), when every request sets one. */
  readonly maxTokens?: number;
}

/** The catalog model the input names, if it is a prompt file naming a known one; an unknown or mixed name is warned about once. */
export function promptModel(catalog: Catalog, input: InputText, at: Date, warnings: Warnings): PromptModel | undefined {
  const declared = declaredByPrompt(input.text, input.fileName);
  if (!declared) return undefined;
  if (declared.mixedModels) {
    warnings.warn(`${input.label}: its requests name different models (${declared.mixedModels.join(', ')}); none is taken`);
    return undefined;
  }
  if (declared.modelName === undefined) return undefined;
  const resolved = resolveDeclaredModel(catalog, declared.modelName, at);
  if (resolved.kind === 'unknown') {
    const near = resolved.closest.length ? ` (closest: ${resolved.closest.join(', ')})` : '';
    warnings.warn(`${input.label} names model '${resolved.name}', which is not in the catalog${near}`);
    return undefined;
  }
  return { model: resolved.model, name: resolved.name, ...(declared.maxTokens !== undefined ? { maxTokens: declared.maxTokens } : {}) };
}
