/** Messages between CountingService (host) and the counting worker. No 'vscode' import: the worker bundles it. */
import type { ModelEntry } from '../../core/catalog/types';
import type { DocumentCount } from '../../core/prompt/documentCount';
import type { TextEdit } from '../../core/tokenize/incremental';

/** A UTF-16 offset range [start, end) of a document. */
export type OffsetRange = readonly [number, number];

/** A document the worker counts from its own mirror of the text, which the host keeps current with edits. */
export interface MirroredDocument {
  /** The document's URI. */
  readonly key: string;
  /** The version the host saw when it posted the job; the mirror must be at it. */
  readonly version: number;
  /** "notes.txt", for the messages about a document the worker refuses (binary, over the size limit). */
  readonly name: string;
  readonly maxBytes: number;
  /** With `parts`: each part's offsets in the document, so a long selection reuses the document's cached blocks. */
  readonly ranges?: readonly OffsetRange[];
}

export interface CountJob {
  readonly id: number;
  /** Texts counted separately and summed (one per selection, a tool's text). Empty for a whole mirrored document. */
  readonly parts: readonly string[];
  /** Set for a whole document, so prompt-file formats apply. */
  readonly fileName?: string;
  /** Whole document (no parts): counted from the worker's mirror; selections (parts): their ranges in it. */
  readonly document?: MirroredDocument;
  readonly models: readonly ModelEntry[];
  readonly plainTextFallback: boolean;
}

/** Host → worker: a count, or the mirror updates (the whole text once, then only the edits). */
export type WorkerRequest =
  | { readonly type: 'count'; readonly job: CountJob }
  | { readonly type: 'open'; readonly key: string; readonly version: number; readonly text: string }
  | { readonly type: 'edit'; readonly key: string; readonly version: number; readonly edits: readonly TextEdit[] }
  | { readonly type: 'close'; readonly key: string };

export type CountReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly counts: Readonly<Record<string, DocumentCount>>;
      /** Models that could not be counted, with the reason. */
      readonly failures: Readonly<Record<string, string>>;
    }
  /**
   * `resync`: the worker has no mirror of the document at that version (it restarted or dropped it): send the text.
   * `refused`: the text cannot be counted (binary, over the size limit); the error is a sentence for the user.
   */
  | { readonly id: number; readonly ok: false; readonly error: string; readonly reason?: 'resync' | 'refused' };

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
