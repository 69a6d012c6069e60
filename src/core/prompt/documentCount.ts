/** A document's count (what every front end shows), and its exact variant; no parsing here, so no yaml in the host bundle. */
import type { CountResult } from '../tokenize/types';

export type DocumentFormat = 'plain' | 'markdown' | 'chat-json' | 'jsonl' | 'prompt-yaml';

export interface DocumentCount extends CountResult {
  readonly format: DocumentFormat;
  /** Requests counted (JSONL: one per line) and messages across them; 0 for plain text. */
  readonly requests: number;
  readonly messages: number;
  /** Tokens added by the chat template (BOS, role markers); 0 for plain text. */
  readonly templateTokens: number;
  /** True when the template overhead is the provider's exact layout (always true when there is none). */
  readonly templateExact: boolean;
  /** Why the template part is an estimate or inexact. */
  readonly templateNotes?: readonly string[];
  /** Set when a malformed prompt file was counted as plain text (options.plainTextFallback): the parse error. */
  readonly fallback?: string;
  /** Content parts that were not counted (images, audio, files), by type. */
  readonly uncountedParts?: readonly { readonly type: string; readonly count: number }[];
}

/** A count with no chat template: plain text, Markdown, or a prompt file counted as plain text. */
export function plainDocumentCount(count: CountResult, format: DocumentFormat): DocumentCount {
  return { ...count, format, requests: 0, messages: 0, templateTokens: 0, templateExact: true };
}

/** Replaces the text part of a count with an exact one (xAI tokenize-text); the template part stays as counted. */
export function withExactTextCount(count: DocumentCount, exactTextTokens: number, label: string): DocumentCount {
  const { errorBand: band, ...rest } = count;
  const exact = count.templateExact && !count.uncountedParts;
  return {
    ...rest,
    tokens: exactTextTokens + count.templateTokens,
    exact,
    label,
    ...(exact || !band ? {} : { errorBand: band }),
  };
}
