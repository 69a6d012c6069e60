/** Chooses the chat template of a model's family and counts a request with it. */
import type { ModelEntry } from '../catalog/types';
import type { ChatRequest } from './messages';
import type { TemplateCount, TextCounter } from './templates/types';
import type { DeepSeekTemplate } from './templates/deepseek';
import { countDeepSeekChat } from './templates/deepseek';
import { countMistralChat, mistralLayout } from './templates/mistral';
import { countGrokChat, countOpenAiChat } from './templates/estimate';

export interface TemplateOptions {
  /** DeepSeek template generation: 'v3' (default, the template shipped with the vocabulary) or 'v3.1' (hybrid thinking). */
  readonly deepseekTemplate?: DeepSeekTemplate;
  /** Overrides the Grok hidden-prefix allowance (tokens a request). */
  readonly grokPrefixAllowance?: number;
}

/** Counts one chat request as the model's provider renders it: message text plus template tokens. */
export function countChatRequest(
  request: ChatRequest,
  model: Pick<ModelEntry, 'id' | 'tokenizer'>,
  counter: TextCounter,
  options: TemplateOptions = {},
): TemplateCount {
  switch (model.tokenizer) {
    case 'deepseek-v3':
      return countDeepSeekChat(request, counter, options.deepseekTemplate);
    case 'mistral-tekken':
    case 'mistral-sp-v1':
    case 'mistral-sp-v3':
    case 'mistral-sp-v7': {
      const counted = countMistralChat(request, counter, mistralLayout(model.tokenizer, model.id));
      if (!/magistral/.test(model.id)) return counted;
      const note = 'Magistral: the API adds its default reasoning system prompt unless prompt_mode is null; not counted';
      return { ...counted, exact: false, notes: [...counted.notes, note] };
    }
    case 'grok-estimate':
      return countGrokChat(request, counter, model.id, options.grokPrefixAllowance);
    case 'openai-cl100k':
    case 'openai-o200k':
      return countOpenAiChat(request, counter);
  }
}

/**
 * A counter that counts each distinct text once (repeated system prompts, markers); kept across versions of a
 * document, `maxChars` bounds the texts it remembers (past it, it starts again).
 */
export function memoCounter(counter: TextCounter, maxChars = Infinity): MemoCounter {
  const memo = new Map<string, number>();
  let chars = 0;
  return {
    count(text: string): number {
      let n = memo.get(text);
      if (n === undefined) {
        n = counter.count(text);
        if (chars + text.length > maxChars) {
          memo.clear();
          chars = 0;
        }
        memo.set(text, n);
        chars += text.length;
      }
      return n;
    },
    get size() {
      return memo.size;
    },
  };
}

/** A counter that remembers the counts of the texts it saw. */
export interface MemoCounter extends TextCounter {
  /** Texts remembered. */
  readonly size: number;
}
