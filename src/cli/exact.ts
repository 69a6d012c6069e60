/** --exact for Grok: xAI's tokenize-text endpoint, opt-in, with a fallback to the local estimate. */
import type { ModelEntry } from '../core/catalog/types';
import type { DocumentCount } from '../core/prompt/document';
import { XaiCountCache, xaiExactCount } from '../core/remote/xaiTokenize';
import type { CliIo } from './io';

/** Asks xAI for the exact count of `text`; on any failure prints one warning line and returns null. */
export async function grokExactCount(model: ModelEntry, text: string, count: DocumentCount, io: CliIo, cache: XaiCountCache): Promise<number | null> {
  const warn = (why: string) => {
    io.stderr.write(`llm-cost: warning: --exact for ${model.id}: ${why}; showing the estimate\n`);
    return null;
  };
  if (count.format !== 'plain' && count.format !== 'markdown') {
    return warn(`xAI counts plain text only, not a ${count.format} prompt file with its chat template`);
  }
  const apiKey = io.env.XAI_API_KEY;
  if (!apiKey) return warn('XAI_API_KEY is not set');
  try {
    return await xaiExactCount(model.id, text, {
      apiKey,
      cache,
      ...(io.env.LLM_COST_XAI_BASE_URL ? { baseUrl: io.env.LLM_COST_XAI_BASE_URL } : {}),
    });
  } catch (err) {
    return warn(err instanceof Error ? err.message : String(err));
  }
}

/** True for models whose local count is only an estimate that xAI can make exact. */
export function canCountExactly(model: ModelEntry): boolean {
  return model.provider === 'xai' && model.tokenizer === 'grok-estimate';
}

export { XaiCountCache };
