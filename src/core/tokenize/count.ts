/** count(text, model): the token count of raw text with the model's own tokenizer. */
import type { ModelEntry } from '../catalog/types';
import type { CountResult } from './types';
import { describeTokenizer, getTokenizer } from './registry';

/** Counts raw text (no chat template) for a model. */
export function countText(text: string, model: ModelEntry): CountResult {
  const tokenizer = getTokenizer(model.tokenizer);
  const { label, errorBand } = describeTokenizer(model.tokenizer);
  return {
    model: model.id,
    tokenizer: model.tokenizer,
    tokens: tokenizer.count(text),
    exact: tokenizer.exact,
    label,
    ...(errorBand && !tokenizer.exact ? { errorBand } : {}),
  };
}
