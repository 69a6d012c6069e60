/** What is being priced: the active editor's selections or its whole document, as read at one moment. */
import type * as vscode from 'vscode';
import type { OffsetRange } from '../counting/countProtocol';

export interface Subject {
  /**
   * Each selection's text (counted separately and summed), or a given text. Absent for a whole open document, which the
   * counting worker counts from its own mirror: the document's text is not copied on the main thread per keystroke.
   */
  readonly parts?: readonly string[];
  /** The open document: counted whole when `parts` is absent; with `parts`, the document they were selected in. */
  readonly document?: DocumentSource;
  /** Full path, set only when the whole document is the subject (prompt-file formats then apply). */
  readonly fileName?: string;
  readonly languageId?: string;
  /** "3 selections in prompt.md", "Untitled-1 (whole document)", "cell 2 of notes.ipynb (whole cell)". */
  readonly label: string;
  /** Non-empty selections counted; 0 for a whole document. */
  readonly selections: number;
  readonly uri?: string;
  /** UTF-16 length of what is counted. */
  readonly length: number;
  /** Why nothing can be counted (binary or too large), as a sentence for the user. */
  readonly problem?: string;
  /** Changes whenever the document version, the selections or the size limit change. */
  readonly key: string;
}

export interface DocumentSource {
  readonly document: vscode.TextDocument;
  /** The version the subject was read at. */
  readonly version: number;
  /** "notes.txt", for the worker's messages about it. */
  readonly name: string;
  readonly maxBytes: number;
  /** With `parts`: their offsets in the document at `version`. */
  readonly ranges?: readonly OffsetRange[];
}

/** The texts a subject counts, read now (a whole document is copied: only for a command or a network count, never per keystroke). */
export function subjectTexts(subject: Subject): readonly string[] {
  return subject.parts ?? (subject.document ? [subject.document.document.getText()] : []);
}
