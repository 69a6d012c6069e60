/** A document's token count kept up to date from its edits (VS Code content changes) and reused for selections. */
import type { Tokenizer } from './types';

/** One replacement: UTF-16 offsets into the text as it is when this edit applies. */
export interface TextEdit {
  readonly offset: number;
  readonly deleteCount: number;
  readonly insert: string;
}

/** The count of one text under one tokenizer, updated edit by edit; always equal to tokenizer.count(text). */
export class IncrementalCounter {
  private current: string;
  private total: number;

  constructor(
    private readonly tokenizer: Tokenizer,
    text: string,
  ) {
    this.current = text;
    this.total = tokenizer.count(text);
  }

  /** Applies edits in array order, each relative to the text left by the previous one (VS Code's contentChanges of one event, which come in reverse document order, satisfy this). */
  apply(edits: readonly TextEdit[]): void {
    let next = this.current;
    for (const edit of edits) {
      checkEdit(edit, next.length);
      next = next.slice(0, edit.offset) + edit.insert + next.slice(edit.offset + edit.deleteCount);
    }
    this.total = this.tokenizer.count(next);
    this.current = next;
  }

  get text(): string {
    return this.current;
  }

  /** Exact count of the whole current text. */
  get tokens(): number {
    return this.total;
  }

  /** Exact count of text.slice(start, end). */
  countRange(start: number, end: number): number {
    checkEdit({ offset: start, deleteCount: end - start, insert: '' }, this.current.length);
    return this.tokenizer.count(this.current.slice(start, end));
  }
}

/** Throws a one-line message for an edit that is outside a text of this length. */
function checkEdit(edit: TextEdit, length: number): void {
  const { offset, deleteCount } = edit;
  if (!Number.isInteger(offset) || !Number.isInteger(deleteCount) || offset < 0 || deleteCount < 0 || offset + deleteCount > length) {
    throw new RangeError(`edit [${offset}, ${offset + deleteCount}) is outside a text of ${length} characters`);
  }
}
