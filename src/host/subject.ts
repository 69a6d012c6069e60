/** What is being priced: the active editor's selections, or its whole document, followed live. */
import * as vscode from 'vscode';
import type { ConfigService } from './config';
import { Disposable } from './dispose';
import { editorStateKey, readSubject } from './subjectReader';

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

const DEBOUNCE_MS = 250;

/** Follows the active editor and its selections (debounced) and reports the current Subject. */
export class SubjectTracker extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<Subject | undefined>());
  readonly onDidChange: vscode.Event<Subject | undefined> = this.changed.event;
  private subject: Subject | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last text editor that had focus, priced while focus is on a panel or webview. */
  private lastEditor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;

  constructor(private readonly config: ConfigService, private readonly debounceMs = DEBOUNCE_MS) {
    super();
    const schedule = () => this.schedule();
    this.register(vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor) this.lastEditor = editor;
      schedule();
    }));
    this.register(vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor === vscode.window.activeTextEditor && schedule()));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => e.document === this.editor()?.document && schedule()));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => document === this.lastEditor?.document && schedule()));
    // After a reload focus may be on a restored panel: the visible editors are then all there is to price.
    this.register(vscode.window.onDidChangeVisibleTextEditors(schedule));
    this.register(vscode.window.onDidChangeActiveNotebookEditor(schedule));
    this.register(vscode.window.onDidChangeNotebookEditorSelection(schedule));
    this.register(config.onDidChange(schedule));
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.subject = this.read();
  }

  /** The current subject; when an update is pending it is applied now (firing onDidChange) rather than returning stale text. */
  current(): Subject | undefined {
    return this.timer === undefined ? this.subject : this.refreshNow();
  }

  /** Reads the live editor state now, skipping the debounce; fires onDidChange when it changed. */
  refreshNow(): Subject | undefined {
    clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.read();
    if (next?.key !== this.subject?.key) {
      this.subject = next;
      this.changed.fire(next);
    }
    return this.subject;
  }

  /** False while an update is pending, or when the live editor state differs from the last subject (then one is scheduled). */
  isSettled(): boolean {
    if (this.timer !== undefined) return false;
    const editor = this.editor();
    if ((editor ? editorStateKey(editor, this.maxBytes()) : '') === (this.subject?.key ?? '')) return true;
    this.schedule();
    return false;
  }

  private schedule(): void {
    if (this.isDisposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refreshNow(), this.debounceMs);
  }

  private read(): Subject | undefined {
    const editor = this.editor();
    return editor ? readSubject(editor, this.maxBytes()) : undefined;
  }

  /**
   * The active editor; while focus is elsewhere (a panel, a webview): the last focused editor if still visible, else a
   * visible text editor (none had focus yet, e.g. a panel restored after a reload), else the last one while its document is open.
   */
  private editor(): DocumentEditor | undefined {
    const active = activeDocumentEditor();
    if (active) return active;
    const last = this.lastEditor;
    const visible = vscode.window.visibleTextEditors.filter((e) => isPriceable(e.document));
    if (last && visible.includes(last)) return last;
    const fallback = visible.find((e) => e.document === last?.document) ?? visible[0];
    if (fallback) return fallback;
    return last && !last.document.isClosed ? last : undefined;
  }

  private maxBytes(): number {
    return Math.round(this.config.current().settings.maxFileSizeMB * 1024 * 1024);
  }
}

type DocumentEditor = Pick<vscode.TextEditor, 'document' | 'selections'>;

/** The editor to price: the active text editor, or the selected cell of the active notebook. */
function activeDocumentEditor(): DocumentEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && isPriceable(editor.document)) return editor;
  const notebook = vscode.window.activeNotebookEditor;
  if (notebook && notebook.notebook.cellCount > 0) {
    const index = Math.min(notebook.selection.start, notebook.notebook.cellCount - 1);
    return { document: notebook.notebook.cellAt(index).document, selections: [] };
  }
  return undefined;
}

/** Documents of real editors: not the output panel's channels. */
function isPriceable(document: vscode.TextDocument): boolean {
  return document.uri.scheme !== 'output';
}
