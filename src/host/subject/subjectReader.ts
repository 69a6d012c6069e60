/** Builds a Subject from an editor's document and selections; refuses binary and oversized text. */
import * as vscode from 'vscode';
import path from 'node:path';
import type { Subject } from './subject';

type DocumentEditor = Pick<vscode.TextEditor, 'document' | 'selections'>;

const BINARY_PROBE_CHARS = 8192;
const MB = 1024 * 1024;

/** Identifies what readSubject would return, without reading any text. */
export function editorStateKey(editor: DocumentEditor, maxBytes: number): string {
  const ranges = editor.selections
    .filter((s) => !s.isEmpty)
    .map((s) => `${s.start.line}:${s.start.character}-${s.end.line}:${s.end.character}`);
  return `${editor.document.uri.toString()}@${editor.document.version}|${ranges.join(',')}|${maxBytes}`;
}

/** The selections of the editor (summed), or its whole document when nothing is selected. */
export function readSubject(editor: DocumentEditor, maxBytes: number): Subject {
  const document = editor.document;
  const key = editorStateKey(editor, maxBytes);
  const name = documentName(document);
  const ranges = editor.selections.filter((s) => !s.isEmpty);
  const base = { languageId: document.languageId, uri: document.uri.toString(), key, selections: ranges.length };
  const whole = ranges.length === 0;
  const label = whole
    ? `${name} (${isCell(document) ? 'whole cell' : 'whole document'})`
    : ranges.length === 1
      ? `selection in ${name}`
      : `${ranges.length} selections in ${name}`;
  const what = whole ? name : `the selected text in ${name}`;
  const end = document.lineAt(document.lineCount - 1).range.end;
  const utf16Length = whole ? document.offsetAt(end) : 0;
  if (utf16Length > maxBytes) return { ...base, label, text: '', parts: [], problem: tooLarge(what, utf16Length, maxBytes) };
  // A selection of the whole document (Ctrl+A) is the document: a prompt file keeps its prompt-file count.
  const wholeText =
    whole || (ranges.length === 1 && ranges[0].start.line === 0 && ranges[0].start.character === 0 && ranges[0].end.isEqual(end));

  const parts = whole ? [document.getText()] : ranges.map((r) => document.getText(r));
  const bytes = parts.reduce((sum, p) => sum + Buffer.byteLength(p, 'utf8'), 0);
  if (bytes > maxBytes) return { ...base, label, text: '', parts: [], problem: tooLarge(what, bytes, maxBytes) };
  if (parts.some((p) => p.slice(0, BINARY_PROBE_CHARS).includes('\u0000'))) {
    return {
      ...base,
      label,
      text: '',
      parts: [],
      problem: `${name} looks like a binary file (it contains NUL bytes): nothing was counted.`,
    };
  }
  const fileName = wholeText && !document.isUntitled && document.uri.scheme === 'file' ? document.fileName : undefined;
  return { ...base, label, text: parts.join('\n'), parts, ...(fileName ? { fileName } : {}) };
}

function tooLarge(what: string, bytes: number, maxBytes: number): string {
  // The sentence does not start with `what`: a file name keeps its own case ("big-2mb.txt", not "Big-2mb.txt").
  return `Not counted: ${what} is ${megabytes(bytes)}, over the ${megabytes(maxBytes)} limit of llmCost.maxFileSizeMB.`;
}

function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? Math.round(mb) : Number(mb.toPrecision(2))} MB`;
}

function isCell(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'vscode-notebook-cell';
}

/** "prompt.md", "Untitled-1", "cell 2 of notes.ipynb". */
function documentName(document: vscode.TextDocument): string {
  if (isCell(document)) {
    for (const notebook of vscode.workspace.notebookDocuments) {
      const cell = notebook.getCells().find((c) => c.document === document);
      if (cell) return `cell ${cell.index + 1} of ${path.posix.basename(notebook.uri.path)}`;
    }
    return 'notebook cell';
  }
  if (document.isUntitled) return document.uri.path || 'Untitled';
  return path.posix.basename(document.uri.path) || document.uri.toString();
}
