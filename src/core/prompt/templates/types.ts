/** What a chat template adds to a request, counted segment by segment. */

/** Anything that counts the tokens of raw text (a Tokenizer, or a memo in front of one). */
export interface TextCounter {
  count(text: string): number;
}

export interface TemplateCount {
  /** Tokens of the messages' own text (and of text the template joins into it). */
  readonly textTokens: number;
  /** Control tokens, literal markers, and estimated allowances the template adds. */
  readonly templateTokens: number;
  /** False where the layout is an estimate or not known exactly for this request. */
  readonly exact: boolean;
  /** Why the template is an estimate or inexact, for display. */
  readonly notes: readonly string[];
}

/** A running tally: text segments are counted, control tokens added one by one. */
export class Tally {
  text = 0;
  template = 0;
  exact = true;
  readonly notes = new Set<string>();

  constructor(private readonly counter: TextCounter) {}

  /** Counts a text segment (bounded by control tokens) as message text. */
  addText(segment: string): void {
    if (segment !== '') this.text += this.counter.count(segment);
  }

  /** Counts a literal marker string (template text, not message text). */
  addMarker(segment: string): void {
    if (segment !== '') this.template += this.counter.count(segment);
  }

  control(n = 1): void {
    this.template += n;
  }

  inexact(note: string): void {
    this.exact = false;
    this.notes.add(note);
  }

  result(): TemplateCount {
    return { textTokens: this.text, templateTokens: this.template, exact: this.exact, notes: [...this.notes] };
  }
}
