/** Counting a document for one model, as the CLI prints it. */
import type { ModelEntry } from '../core/catalog/types';
import type { DocumentCount } from '../core/prompt/documentCount';
import { countDocument, PromptParseError } from '../core/prompt/document';
import { UsageError } from './errors';
import type { CliIo, InputText } from './io';
import { canCountExactly, ExactSession, grokExactCount } from './exact';
import { Warnings } from './warnings';

export interface CliCount extends DocumentCount {
  /** Where the count comes from: the local tokenizer, or xAI's tokenize-text (--exact). */
  readonly source: 'local' | 'xai-tokenize-text';
}

/** Counting options and per-run state shared by the models of one command. */
export class Counter {
  private readonly session = new ExactSession();
  private readonly warnings: Warnings;
  /** Plain-text counts depend on the tokenizer alone: models sharing one reuse its count. */
  private readonly plainByTokenizer = new Map<string, DocumentCount>();

  constructor(
    private readonly io: CliIo,
    private readonly opts: { readonly plain: boolean; readonly exact: boolean },
  ) {
    this.warnings = new Warnings(io);
  }

  /** Counts `input` for `model`; a malformed prompt file is a UsageError carrying the parser's message (line included). */
  async count(input: InputText, model: ModelEntry): Promise<CliCount> {
    const count = this.countLocally(input, model);
    if (count.fallback !== undefined) this.warnings.warn(`${count.fallback}; counted as plain text`);
    if (this.opts.exact && canCountExactly(model)) {
      const tokens = await grokExactCount(model, input.text, count, this.io, this.session, this.warnings);
      if (tokens !== null) {
        const { errorBand: _band, ...rest } = count;
        return { ...rest, tokens, exact: true, label: 'xAI tokenize-text', source: 'xai-tokenize-text' };
      }
    }
    return { ...count, source: 'local' };
  }

  private countLocally(input: InputText, model: ModelEntry): DocumentCount {
    const known = this.plainByTokenizer.get(model.tokenizer);
    if (known) return { ...known, model: model.id };
    let count: DocumentCount;
    try {
      count = countDocument(input.text, input.fileName, model, { plainTextFallback: this.opts.plain });
    } catch (err) {
      if (err instanceof PromptParseError) throw new UsageError(`${err.message} (--plain counts it as plain text)`);
      throw err;
    }
    if (count.format === 'plain' || count.format === 'markdown') this.plainByTokenizer.set(model.tokenizer, count);
    return count;
  }
}
