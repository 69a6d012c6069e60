/** Counts a document as the provider bills it: plain text, or a prompt file's messages with template overhead. */
import type { ModelEntry } from '../catalog/types';
import type { CountResult } from '../tokenize/types';
import { countText } from '../tokenize/count';

export type DocumentFormat = 'plain' | 'markdown' | 'chat-json' | 'jsonl' | 'prompt-yaml';

export interface DocumentCount extends CountResult {
  readonly format: DocumentFormat;
  /** Requests counted (JSONL: one per line) and messages across them; 0 for plain text. */
  readonly requests: number;
  readonly messages: number;
  /** Tokens added by the chat template (BOS, role markers); 0 for plain text. */
  readonly templateTokens: number;
}

export interface DocumentOptions {
  /** When a prompt file is malformed, count it as plain text instead of throwing. */
  readonly plainTextFallback?: boolean;
}

/** STAND-IN: counts everything as plain text until prompt-file parsing lands. */
export function countDocument(text: string, fileName: string | undefined, model: ModelEntry, _options: DocumentOptions = {}): DocumentCount {
  return { ...countText(text, model), format: 'plain', requests: 0, messages: 0, templateTokens: 0 };
}
