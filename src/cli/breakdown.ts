/** `breakdown` in count and estimate --json: per-message figures of a prompt file and, for JSONL, per-request ones. */
import type { ModelEntry } from '../core/catalog/types';
import { promptBreakdown } from '../core/prompt/breakdown';
import type { CliCount } from './counting';
import type { InputText } from './io';

/** The JSON for a counted input, or undefined for plain text, Markdown and prompt files counted as plain text. */
export function breakdownJson(input: InputText, model: ModelEntry, count: CliCount): object | undefined {
  if (count.requests === 0 || count.fallback !== undefined) return undefined;
  const breakdown = promptBreakdown(input.text, input.fileName, model);
  if (!breakdown) return undefined;
  return {
    messages: breakdown.messages,
    ...(count.format === 'jsonl' ? { requests: breakdown.requests } : {}),
  };
}
