/** Counting a document for one model, as the CLI prints it. */
import type { ModelEntry } from '../core/catalog/types';
import type { DocumentCount } from '../core/prompt/document';
import { countDocument } from '../core/prompt/document';
import { UsageError } from './errors';
import type { CliIo, InputText } from './io';
import { canCountExactly, grokExactCount, XaiCountCache } from './exact';

export interface CliCount extends DocumentCount {
  /** Where the count comes from: the local tokenizer, or xAI's tokenize-text (--exact). */
  readonly source: 'local' | 'xai-tokenize-text';
}

export interface CountOptions {
  readonly plain: boolean;
  readonly exact: boolean;
  /** Shared across the models of one run so one text is sent once per model at most. */
  readonly xaiCache: XaiCountCache;
}

/** Counts `input` for `model`; a malformed prompt file is a UsageError carrying the parser's message. */
export async function countFor(input: InputText, model: ModelEntry, opts: CountOptions, io: CliIo): Promise<CliCount> {
  let count: DocumentCount;
  try {
    count = countDocument(input.text, input.fileName, model, { plainTextFallback: opts.plain });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new UsageError(input.fileName && !message.includes(input.fileName) ? `${input.fileName}: ${message}` : message);
  }
  if (opts.exact && canCountExactly(model)) {
    const tokens = await grokExactCount(model, input.text, count, io, opts.xaiCache);
    if (tokens !== null) {
      const { errorBand: _band, ...rest } = count;
      return { ...rest, tokens, exact: true, label: "xAI tokenize-text (exact)", source: 'xai-tokenize-text' };
    }
  }
  return { ...count, source: 'local' };
}

/** Options for countFor with a fresh per-run cache. */
export function countOptions(plain: boolean, exact: boolean): CountOptions {
  return { plain, exact, xaiCache: new XaiCountCache() };
}
