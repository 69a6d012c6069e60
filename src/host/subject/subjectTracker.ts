/** What is being priced: the active editor's selections, or its whole document, followed live. */
import * as vscode from 'vscode';
import type { ConfigService } from '../config/configService';
import { Disposable } from '../dispose';
import { COMPARISON_VIEW_TYPE } from '../panel/viewType';
import { editorStateKey, readSubject } from './subjectReader';
import type { Subject } from './subject';

const DEBOUNCE_MS = 250;

/** Follows the active editor and its selections (debounced) and reports the current Subject. */
export class SubjectTracker extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<Subject | undefined>());
  readonly onDidChange: vscode.Event<Subject | undefined> = this.changed.event;
  private subject: Subject | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last text editor that had focus, priced while focus is on a panel or webview. */
  private lastEditor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;

  constructor(
    private readonly config: ConfigService,
    private readonly debounceMs = DEBOUNCE_MS,
  ) {
    super();
    const schedule = () => this.schedule();
    this.register(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) this.lastEditor = editor;
        schedule();
      }),
    );
    this.register(vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor === vscode.window.activeTextEditor && schedule()));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => e.document === this.editor()?.document && schedule()));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => document === this.lastEditor?.document && schedule()));
    // After a reload focus may be on a restored panel: the visible editors are then all there is to price.
    this.register(vscode.window.onDidChangeVisibleTextEditors(schedule));
    this.register(vscode.window.onDidChangeActiveNotebookEditor(schedule));
    this.register(vscode.window.onDidChangeNotebookEditorSelection(schedule));
    this.register(vscode.window.tabGroups.onDidChangeTabs(schedule));
    this.register(vscode.window.tabGroups.onDidChangeTabGroups(schedule));
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
    const tab = unpriceableTab();
    const editor = tab ? undefined : this.editor();
    const key = tab ? unpriceableTabSubject(tab).key : editor ? editorStateKey(editor, this.maxBytes()) : '';
    if (key === (this.subject?.key ?? '')) return true;
    this.schedule();
    return false;
  }

  private schedule(): void {
    if (this.isDisposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refreshNow(), this.debounceMs);
  }

  /** The active editor's subject; a problem when the active tab cannot be priced (never another group's document). */
  private read(): Subject | undefined {
    const tab = unpriceableTab();
    if (tab) return unpriceableTabSubject(tab);
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

/**
 * The active tab when it is neither a text editor, a notebook nor our comparison panel (a binary or too-large file, an image,
 * the settings editor…): falling back to another group's document would then price the wrong text.
 */
function unpriceableTab(): vscode.Tab | undefined {
  const group = vscode.window.tabGroups.activeTabGroup;
  const editor = vscode.window.activeTextEditor;
  // A text editor of the active group is what is shown (the tab model may lag an instant behind the editors).
  if ((editor && editor.viewColumn === group.viewColumn) || vscode.window.activeNotebookEditor) return undefined;
  const tab = group.activeTab;
  if (!tab) return undefined;
  const input = tab.input;
  if (input instanceof vscode.TabInputWebview && input.viewType.endsWith(COMPARISON_VIEW_TYPE)) return undefined;
  if (input instanceof vscode.TabInputNotebook || input instanceof vscode.TabInputNotebookDiff) return undefined;
  return tab;
}

/** A subject that counts nothing and says why. */
function unpriceableTabSubject(tab: vscode.Tab): Subject {
  const input = tab.input;
  const uri = input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri.toString() : undefined;
  const problem =
    input instanceof vscode.TabInputText
      ? `${tab.label} is not open as text (binary or too large for the editor): nothing was counted.`
      : `${tab.label} is not a text editor: nothing was counted.`;
  return { text: '', parts: [], label: tab.label, selections: 0, problem, key: `tab:${uri ?? tab.label}`, ...(uri ? { uri } : {}) };
}

/** Documents of real editors: not the output panel's channels. */
function isPriceable(document: vscode.TextDocument): boolean {
  return document.uri.scheme !== 'output';
}
