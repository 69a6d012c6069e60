/** Builds a Subject from an editor's document and selections; refuses binary and oversized text. */
import * as vscode from '../vscodeApi';
import path from 'node:path';
import { BINARY_PROBE_CHARS, binaryMessage, looksBinary, tooLargeMessage } from '../../core/format/textLimits';
import type { Subject } from './subject';

type DocumentEditor = Pick<vscode.TextEditor, 'document' | 'selections'>;

/** Identifies what readSubject would return, without reading any text. */
export function editorStateKey(editor: DocumentEditor, maxBytes: number): string {
  const ranges = editor.selections
    .filter((s) => !s.isEmpty)
    .map((s) => `${s.start.line}:${s.start.character}-${s.end.line}:${s.end.character}`);
  return `${editor.document.uri.toString()}@${editor.document.version}|${ranges.join(',')}|${maxBytes}`;
}

/**
 * The selections of the editor (summed), or its whole document when nothing is selected. A whole document's text is not
 * read here (O(1) per keystroke): the worker counts it from its mirror and checks its size in bytes and for NUL bytes.
 */
export function readSubject(editor: DocumentEditor, maxBytes: number): Subject {
  const document = editor.document;
  const key = editorStateKey(editor, maxBytes);
  const name = documentName(document);
  const ranges = editor.selections.filter((s) => !s.isEmpty);
  const whole = ranges.length === 0;
  const label = whole
    ? `${name} (${isCell(document) ? 'whole cell' : 'whole document'})`
    : ranges.length === 1
      ? `selection in ${name}`
      : `${ranges.length} selections in ${name}`;
  const end = document.lineAt(document.lineCount - 1).range.end;
  const documentLength = document.offsetAt(end);
  // A selection of the whole document (Ctrl+A) is the document: a prompt file keeps its prompt-file count.
  const wholeText =
    whole || (ranges.length === 1 && ranges[0].start.line === 0 && ranges[0].start.character === 0 && ranges[0].end.isEqual(end));
  const fileName = wholeText && !document.isUntitled && document.uri.scheme === 'file' ? document.fileName : undefined;
  const source = { document, version: document.version, name, maxBytes };
  const base = { languageId: document.languageId, uri: document.uri.toString(), key, label, selections: ranges.length };
  if (wholeText) {
    const what = whole ? name : `the selected text in ${name}`;
    // UTF-8 takes at least one byte per UTF-16 unit: over the limit in units is over it in bytes.
    if (documentLength > maxBytes) return { ...base, length: 0, problem: tooLargeMessage(what, documentLength, maxBytes) };
    const head = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(BINARY_PROBE_CHARS)));
    if (looksBinary(head)) return { ...base, length: 0, problem: binaryMessage(name) };
    return { ...base, length: documentLength, document: source, ...(fileName ? { fileName } : {}) };
  }
  const parts = ranges.map((r) => document.getText(r));
  const bytes = parts.reduce((sum, p) => sum + Buffer.byteLength(p, 'utf8'), 0);
  const what = `the selected text in ${name}`;
  if (bytes > maxBytes) return { ...base, length: 0, problem: tooLargeMessage(what, bytes, maxBytes) };
  if (parts.some(looksBinary)) return { ...base, length: 0, problem: binaryMessage(name) };
  const offsets = ranges.map((r) => [document.offsetAt(r.start), document.offsetAt(r.end)] as const);
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  return { ...base, parts, length, document: { ...source, ranges: offsets } };
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
