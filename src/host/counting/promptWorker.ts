/** Worker side of PromptJob: declared model and limits, and the breakdown with message counts kept across versions. */
import type { TokenizerId } from '../../core/catalog/types';
import { breakdownOfParsed } from '../../core/prompt/breakdown';
import { declaredByPrompt } from '../../core/prompt/declared';
import { parsePromptDocument } from '../../core/prompt/document';
import { memoCounter } from '../../core/prompt/chatTemplate';
import type { MemoCounter } from '../../core/prompt/chatTemplate';
import { getTokenizer } from '../../core/tokenize/registry';
import { errorMessage } from '../../core/format/errorMessage';
import { tooLargeMessage } from '../../core/format/textLimits';
import type { DocumentMirrors } from './documentMirrors';
import type { PromptDetails, PromptJob, PromptReply } from './promptJob';

/** Texts remembered per tokenizer (about 16 MB of UTF-16 at most); past that the memo starts again. */
const MEMO_CHARS = 8_000_000;

/** Reads documents from the count handler's mirrors; counts of message texts are kept by tokenizer, so an edit to one message recounts that message only. */
export class PromptWorker {
  private readonly memos = new Map<TokenizerId, MemoCounter>();

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
      const parsed = parsePromptDocument(text, job.fileName);
      const breakdown = breakdownOfParsed(text, parsed, job.model, {}, this.counter(job.model.tokenizer));
      if (!breakdown) return {};
      const limits = (parsed.requests ?? []).map((r) => r.maxTokens ?? null);
      return { breakdown, requestLimits: limits, exact: getTokenizer(job.model.tokenizer).exact };
    } catch (error) {
      return { problem: errorMessage(error) }; // a malformed file: the status bar reports it
    }
  }

  /** The tokenizer's counter, memoised by text across jobs. */
  private counter(tokenizer: TokenizerId): MemoCounter {
    let memo = this.memos.get(tokenizer);
    if (!memo) this.memos.set(tokenizer, (memo = memoCounter(getTokenizer(tokenizer), MEMO_CHARS)));
    return memo;
  }

  /** How many texts are remembered for a tokenizer (tests). */
  remembered(tokenizer: TokenizerId): number {
    return this.memos.get(tokenizer)?.size ?? 0;
  }
}
