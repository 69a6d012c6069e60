/** Messages between CountingService (host) and the counting worker. No 'vscode' import: the worker bundles it. */
import type { ModelEntry } from '../../core/catalog/types';
import type { DocumentCount } from '../../core/prompt/documentCount';

export interface CountJob {
  readonly id: number;
  /** Texts counted separately and summed (one per selection, or the whole document). */
  readonly parts: readonly string[];
  /** Set for a whole document, so prompt-file formats apply. */
  readonly fileName?: string;
  /** Set for a whole document (its URI): the worker keeps the document's count and recounts only what an edit changed. */
  readonly documentKey?: string;
  readonly models: readonly ModelEntry[];
  readonly plainTextFallback: boolean;
}

export type CountReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly counts: Readonly<Record<string, DocumentCount>>;
      /** Models that could not be counted, with the reason. */
      readonly failures: Readonly<Record<string, string>>;
    }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** Total UTF-16 length of a job's text, to judge whether a cancelled job is worth killing the worker for. */
export function jobSize(parts: readonly string[]): number {
  return parts.reduce((sum, p) => sum + p.length, 0);
}

/** Sums the per-part counts of one model into one DocumentCount. */
export function sumCounts(counts: readonly DocumentCount[]): DocumentCount {
  const [first, ...rest] = counts;
  if (!first) throw new RangeError('sumCounts: nothing to sum');
  return rest.reduce<DocumentCount>(
    (a, b) => ({
      ...a,
      tokens: a.tokens + b.tokens,
      exact: a.exact && b.exact,
      requests: a.requests + b.requests,
      messages: a.messages + b.messages,
      templateTokens: a.templateTokens + b.templateTokens,
      templateExact: a.templateExact && b.templateExact,
    }),
    first,
  );
}
