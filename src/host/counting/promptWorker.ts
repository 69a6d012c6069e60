/** Worker side of PromptJob: declared model and limits, and the breakdown with message counts kept across versions. */
import type { TokenizerId } from '../../core/catalog/types';
import { promptBreakdown } from '../../core/prompt/breakdown';
import { declaredByPrompt } from '../../core/prompt/declared';
import { parsePromptDocument } from '../../core/prompt/document';
import type { TextCounter } from '../../core/prompt/templates/types';
import { getTokenizer } from '../../core/tokenize/registry';
import { errorMessage } from '../../core/format/errorMessage';
import { tooLargeMessage } from '../../core/format/textLimits';
import type { DocumentMirrors } from './documentMirrors';
import type { PromptDetails, PromptJob, PromptReply } from './promptJob';

/** Texts remembered per tokenizer (about 16 MB of UTF-16 at most); past that the memo starts again. */
const MEMO_CHARS = 8_000_000;

/** Reads documents from the count handler's mirrors; counts of message texts are kept by tokenizer, so an edit to one message recounts that message only. */
export class PromptWorker {
  private readonly memos = new Map<TokenizerId, { counts: Map<string, number>; chars: number }>();

  constructor(private readonly mirrors: DocumentMirrors) {}

  run(job: PromptJob): PromptReply {
    const { key, version } = job.document;
    const mirror = this.mirrors.at(key, version);
    if (!mirror) return { kind: 'prompt', id: job.id, ok: false, error: `no mirror of ${key}@${version}`, reason: 'resync' };
    if (mirror.bytes > job.document.maxBytes) {
      const problem = tooLargeMessage(job.document.name, mirror.bytes, job.document.maxBytes);
      return { kind: 'prompt', id: job.id, ok: true, details: { problem } };
    }
    try {
      return { kind: 'prompt', id: job.id, ok: true, details: this.details(job, mirror.text) };
    } catch (error) {
      return { kind: 'prompt', id: job.id, ok: false, error: errorMessage(error) };
    }
  }

  private details(job: PromptJob, text: string): PromptDetails {
    if (!job.model) {
      const declared = declaredByPrompt(text, job.fileName);
      return declared ? { declared } : {};
    }
    try {
      const breakdown = promptBreakdown(text, job.fileName, job.model, {}, this.counter(job.model.tokenizer));
      if (!breakdown) return {};
      const requests = parsePromptDocument(text, job.fileName).requests ?? [];
      return { breakdown, requestLimits: requests.map((r) => r.maxTokens ?? null), exact: getTokenizer(job.model.tokenizer).exact };
    } catch (error) {
      return { problem: errorMessage(error) }; // a malformed file: the status bar reports it
    }
  }

  /** The tokenizer's counter, memoised by text across jobs. */
  private counter(tokenizer: TokenizerId): TextCounter {
    const memo = this.memos.get(tokenizer) ?? { counts: new Map<string, number>(), chars: 0 };
    this.memos.set(tokenizer, memo);
    const inner = getTokenizer(tokenizer);
    return {
      count(text: string): number {
        const known = memo.counts.get(text);
        if (known !== undefined) return known;
        const n = inner.count(text);
        if (memo.chars + text.length > MEMO_CHARS) {
          memo.counts.clear();
          memo.chars = 0;
        }
        memo.counts.set(text, n);
        memo.chars += text.length;
        return n;
      },
    };
  }

  /** How many texts are remembered for a tokenizer (tests). */
  remembered(tokenizer: TokenizerId): number {
    return this.memos.get(tokenizer)?.counts.size ?? 0;
  }
}
