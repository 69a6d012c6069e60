/** --exact for Grok: xAI's tokenize-text endpoint, opt-in, with a fallback to the local estimate. */
import type { ModelEntry } from '../core/catalog/types';
import type { DocumentCount } from '../core/prompt/documentCount';
import { XaiCountCache, XaiTokenizeError, xaiExactCount } from '../core/remote/xaiTokenize';
import type { CliIo } from './io';
import type { Warnings } from './warnings';
import { errorMessage } from '../core/format/errorMessage';

/** Per-run state: a cache, and whether a failure already ruled out further calls. */
export class ExactSession {
  readonly cache = new XaiCountCache();
  stopped = false;
}

/** Asks xAI for the exact count of `text`; on failure warns once and returns null (the caller keeps the estimate). */
export async function grokExactCount(
  model: ModelEntry,
  text: string,
  count: DocumentCount,
  io: CliIo,
  session: ExactSession,
  warnings: Warnings,
): Promise<number | null> {
  const fallBack = (why: string) => {
    warnings.warn(`--exact: ${why}; showing the Grok estimate`);
    return null;
  };
  if (session.stopped) return null;
  if (count.format !== 'plain' && count.format !== 'markdown') {
    return fallBack(`xAI counts plain text only, not a ${count.format} prompt file with its chat template`);
  }
  const apiKey = io.env.XAI_API_KEY;
  if (!apiKey) {
    session.stopped = true;
    return fallBack('XAI_API_KEY is not set');
  }
  try {
    return await xaiExactCount(model.id, text, {
      apiKey,
      cache: session.cache,
      ...(io.env.LLM_COST_XAI_BASE_URL ? { baseUrl: io.env.LLM_COST_XAI_BASE_URL } : {}),
    });
  } catch (err) {
    // A model the endpoint refuses may be alone in that; anything else will fail for every model.
    if (!(err instanceof XaiTokenizeError) || err.kind !== 'http') session.stopped = true;
    return fallBack(errorMessage(err));
  }
}

/** True for models whose local count is an estimate that xAI's endpoint can make exact. */
export function canCountExactly(model: ModelEntry): boolean {
  return model.provider === 'xai';
}
