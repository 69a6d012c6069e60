/** Which model prices a prompt file: the one it declares when the catalog knows it, else the user's. Pure. */
import type { Catalog, ModelEntry } from '../catalog/types';
import { findModel } from '../catalog/catalog';
import type { Declared } from '../prompt/declared';
import { resolveDeclaredModel } from '../prompt/declaredModel';

export const FROM_PROMPT_FILE = 'from the prompt file';
export const CHOSEN_MODEL = 'your chosen model';

export interface PromptModelChoice {
  readonly model: ModelEntry;
  /** True when the prompt file named the model. */
  readonly declared: boolean;
  /** The requests' own output limits added up (max_tokens), when every request sets one. */
  readonly maxTokens?: number;
  /** Why the file's model was not taken (unknown name, different names), as a sentence; said once in the log. */
  readonly note?: string;
}

/** The model for a file that declares `declared` (undefined: not a prompt file, or it declares nothing). */
export function choosePromptModel(
  catalog: Catalog,
  chosenId: string,
  declared: Declared | undefined,
  at?: Date,
): PromptModelChoice | undefined {
  const chosen = findModel(catalog, chosenId, at);
  if (!chosen) return undefined;
  const limit = declared?.maxTokens !== undefined ? { maxTokens: declared.maxTokens } : {};
  if (declared?.mixedModels) {
    const names = declared.mixedModels.join(', ');
    return { model: chosen, declared: false, ...limit, note: `The requests name different models (${names}); priced for ${CHOSEN_MODEL}.` };
  }
  if (declared?.modelName === undefined) return { model: chosen, declared: false, ...limit };
  const resolved = resolveDeclaredModel(catalog, declared.modelName, at);
  if (resolved.kind === 'unknown') {
    const near = resolved.closest.length ? ` (closest: ${resolved.closest.join(', ')})` : '';
    return {
      model: chosen,
      declared: false,
      ...limit,
      note: `The prompt file names model "${resolved.name}", which is not in the catalog${near}; priced for ${CHOSEN_MODEL}.`,
    };
  }
  return { model: resolved.model, declared: true, ...limit };
}
