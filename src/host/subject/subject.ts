/** What is being priced: the active editor's selections or its whole document, as read at one moment. */
export interface Subject {
  /** The counted text: the selections joined by newlines, or the whole document. Empty when `problem` is set. */
  readonly text: string;
  /** Each selection's text (counted separately and summed), or the whole document as one part. */
  readonly parts: readonly string[];
  /** Full path, set only when the whole document is the subject (prompt-file formats then apply). */
  readonly fileName?: string;
  readonly languageId?: string;
  /** "3 selections in prompt.md", "Untitled-1 (whole document)", "cell 2 of notes.ipynb (whole cell)". */
  readonly label: string;
  /** Non-empty selections counted; 0 for a whole document. */
  readonly selections: number;
  readonly uri?: string;
  /** Why nothing can be counted (binary or too large), as a sentence for the user. */
  readonly problem?: string;
  /** Changes whenever the document version, the selections or the size limit change. */
  readonly key: string;
}
