/** The model and output limit a prompt file declares for itself (`model:`, `max_tokens`), resolved against a catalog. */
import { parsePromptDocument } from './document';
import type { ChatRequest } from './messages';

export { resolveDeclaredModel } from './declaredModel';
export type { DeclaredModel } from './declaredModel';

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

function parsedRequests(text: string, fileName: string | undefined): readonly ChatRequest[] | undefined {
  try {
    return parsePromptDocument(text, fileName).requests;
  } catch {
    return undefined; // a malformed file: counting reports it
  }
}
