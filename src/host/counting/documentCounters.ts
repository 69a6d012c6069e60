/**
 * Worker side: each recently counted document's IncrementalCounter per tokenizer. A new version of a document is
 * applied as one edit (the span between the common prefix and suffix of the old and new text), so typing in a 2 MB
 * file recounts only the blocks around the edit instead of the whole text. No 'vscode' import: the worker bundles it.
 */
import { IncrementalCounter } from '../../core/tokenize/incremental';
import type { TextEdit } from '../../core/tokenize/incremental';
import { getTokenizer } from '../../core/tokenize/registry';
import type { TokenizerId } from '../../core/catalog/types';

/** Documents kept (least recently counted dropped first): the active one and a few the user switches between. */
const DOCUMENT_LIMIT = 4;

export class DocumentCounters {
  private readonly documents = new Map<string, Map<TokenizerId, IncrementalCounter>>();

  /** The exact count of `text`, the current text of document `key`, reusing the count of its previous text. */
  count(key: string, tokenizer: TokenizerId, text: string): number {
    const counters = this.documents.get(key) ?? new Map<TokenizerId, IncrementalCounter>();
    this.documents.delete(key);
    this.documents.set(key, counters);
    if (this.documents.size > DOCUMENT_LIMIT) this.documents.delete(this.documents.keys().next().value as string);
    const counter = counters.get(tokenizer);
    if (!counter) {
      const created = new IncrementalCounter(getTokenizer(tokenizer), text);
      counters.set(tokenizer, created);
      return created.tokens;
    }
    const edit = diffEdit(counter.text, text);
    if (edit) counter.apply([edit]);
    return counter.tokens;
  }
}

/** The one replacement that turns `before` into `after`, never splitting a surrogate pair; undefined when equal. */
export function diffEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix))
    suffix++;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { offset: prefix, deleteCount: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
