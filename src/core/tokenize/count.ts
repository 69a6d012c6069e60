/** count(text, model): the token count of raw text with the model's own tokenizer. */
import type { ModelEntry } from '../catalog/types';
import type { CountResult } from './types';
import { describeTokenizer, getTokenizer } from './registry';

/** Counts raw text (no chat template) for a model. */
export function countText(text: string, model: ModelEntry): CountResult {
  return countResult(model, getTokenizer(model.tokenizer).count(text));
}

/** A count of `tokens` for a model, labelled with its tokenizer (and its error band where it estimates). */
export function countResult(model: ModelEntry, tokens: number): CountResult {
  const { exact } = getTokenizer(model.tokenizer);
  const { label, errorBand } = describeTokenizer(model.tokenizer);
  return { model: model.id, tokenizer: model.tokenizer, tokens, exact, label, ...(errorBand && !exact ? { errorBand } : {}) };
}
