/** What is being priced: the active editor's selections, or its whole document, followed live. */
import * as vscode from '../vscodeApi';
import type { ConfigService } from '../config/configService';
import { Disposable } from '../dispose';
import { editorStateKey, readSubject } from './subjectReader';
import { probeFile } from './textProbe';
import type { Subject } from './subject';

/** Edits to a document: the recount of a big document is worth batching over a burst of keystrokes. */
const EDIT_DEBOUNCE_MS = 250;
/**
 * Selections, editor switches, settings: only coalesces the burst of events one user action fires. The first event
 * after a quiet spell this long is read at once (next task), so a single selection change waits for nothing.
 */
const SELECTION_DEBOUNCE_MS = 25;
/**
 * A file tab with no text editor yet may still be loading (a 2 MB file took 13 s on a loaded 2-core machine): unless its
 * first bytes show it is binary, the last figure stays until its editor appears, for at most this long.
 */
const LOADING_LIMIT_MS = 30_000;

/** Follows the active editor and its selections (debounced) and reports the current Subject. */
export class SubjectTracker extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<Subject | undefined>());
  readonly onDidChange: vscode.Event<Subject | undefined> = this.changed.event;
  private subject: Subject | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the last selection-kind event arrived (Date.now()), for the leading-edge read. */
  private lastEventAt = 0;
  /** The file tab (by key) that has shown no text editor since `since`: still loading, or binary / too large. */
  private loading: { key: string; since: number; kind?: 'binary' | 'text' } | undefined;
  /** The last text editor that had focus, priced while focus is on a panel or webview. */
  private lastEditor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;

  constructor(
    private readonly config: ConfigService,
    private readonly editDebounceMs = EDIT_DEBOUNCE_MS,
  ) {
    super();
    const schedule = () => this.scheduleSoon();
    this.register(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) this.lastEditor = editor;
        schedule();
      }),
    );
    this.register(vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor === vscode.window.activeTextEditor && schedule()));
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => e.document === this.editor()?.document && this.schedule(this.editDebounceMs)),
    );
    this.register(vscode.workspace.onDidCloseTextDocument((document) => document === this.lastEditor?.document && schedule()));
    // After a reload focus may be on a restored panel: the visible editors are then all there is to price.
    this.register(vscode.window.onDidChangeVisibleTextEditors(schedule));
    this.register(vscode.window.onDidChangeActiveNotebookEditor(schedule));
    this.register(vscode.window.onDidChangeNotebookEditorSelection(schedule));
    this.register(vscode.window.tabGroups.onDidChangeTabs(schedule));
    this.register(vscode.window.tabGroups.onDidChangeTabGroups(schedule));
    this.register(config.onDidChange(schedule));
    this.register({ dispose: () => clearTimeout(this.timer) });
    // Read right after activation (or on the first current()), not during it.
    this.schedule(0);
  }

  /** The current subject; when an update is pending it is applied now (firing onDidChange) rather than returning stale text. */
  current(): Subject | undefined {
    return this.timer === undefined ? this.subject : this.update(true);
  }

  /** Reads the live editor state now, skipping the debounce and any loading grace (a command wants the truth); fires onDidChange when it changed. */
  refreshNow(): Subject | undefined {
    return this.update(false);
  }

  /** Applies the live editor state; with `grace`, a text tab that may still be loading keeps the last subject for a while. */
  private update(grace: boolean): Subject | undefined {
    clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.read(grace);
    if (next?.key !== this.subject?.key) {
      this.subject = next;
      this.changed.fire(next);
    }
    return this.subject;
  }

  /** False while an update is pending, or when the live editor state differs from the last subject (then one is scheduled). */
  isSettled(): boolean {
    if (this.timer !== undefined) return false;
    const tab = unopenedTextTab();
    const editor = tab ? undefined : this.editor();
    const key = tab ? unopenedTextTabSubject(tab).key : editor ? editorStateKey(editor, this.maxBytes()) : '';
    if (key === (this.subject?.key ?? '')) return true;
    this.schedule(SELECTION_DEBOUNCE_MS);
    return false;
  }

  /** Leading edge: an event after a quiet spell is read in the next task; one within a burst waits for the burst to end. */
  private scheduleSoon(): void {
    const now = Date.now();
    const quiet = this.timer === undefined && now - this.lastEventAt >= SELECTION_DEBOUNCE_MS;
    this.lastEventAt = now;
    this.schedule(quiet ? 0 : SELECTION_DEBOUNCE_MS);
  }

  private schedule(delayMs: number): void {
    if (this.isDisposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(true), delayMs);
  }

  /**
   * The active editor's subject. A text tab with no text editor (binary, too large for the editor) is a problem, never
   * another group's document; while it may still be loading (`grace`) the last subject stays, and a re-read is scheduled.
   */
  private read(grace: boolean): Subject | undefined {
    const tab = unopenedTextTab();
    if (!tab) this.loading = undefined;
    else {
      const problem = unopenedTextTabSubject(tab);
      if (this.loading?.key !== problem.key) this.startProbe(tab, problem.key);
      const loading = this.loading!;
      const waited = Date.now() - loading.since;
      if (!grace || loading.kind === 'binary' || waited >= LOADING_LIMIT_MS) return problem;
      if (loading.kind === 'text') this.schedule(LOADING_LIMIT_MS - waited);
      return this.subject;
    }
    const editor = this.editor();
    return editor ? readSubject(editor, this.maxBytes()) : undefined;
  }

  /**
   * The active editor; while focus is elsewhere (a panel, a webview, an image, the Settings UI): the last focused editor while
   * it is visible or still has a tab, else a visible text editor (none had focus yet, e.g. a panel restored after a reload),
   * else the last one while its document is open.
   */
  private editor(): DocumentEditor | undefined {
    const active = activeDocumentEditor();
    if (active) return active;
    const last = this.lastEditor;
    const visible = vscode.window.visibleTextEditors.filter((e) => isPriceable(e.document));
    if (last && visible.includes(last)) return last;
    const sameDocument = visible.find((e) => e.document === last?.document);
    if (sameDocument) return sameDocument;
    // Still in a tab, behind an image or the Settings UI: keep its figure rather than another group's document.
    if (last && !last.document.isClosed && hasTab(last.document.uri)) return last;
    return visible[0] ?? (last && !last.document.isClosed ? last : undefined);
  }

  /** Starts reading the tab's first bytes; re-reads the editor state once it is known whether the file is binary. */
  private startProbe(tab: vscode.Tab, key: string): void {
    const loading: { key: string; since: number; kind?: 'binary' | 'text' } = { key, since: Date.now() };
    this.loading = loading;
    if (!(tab.input instanceof vscode.TabInputText)) return;
    void probeFile(tab.input.uri).then((kind) => {
      loading.kind = kind;
      if (this.loading === loading) this.schedule(0);
    });
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
 * The active tab when it is a file tab with no text editor (a binary or too-large file): falling back to another group's
 * document would then price the wrong text. Other editors that are not text (an image, the Settings UI, Running Extensions,
 * a webview) keep the last text editor's figure.
 */
function unopenedTextTab(): vscode.Tab | undefined {
  const group = vscode.window.tabGroups.activeTabGroup;
  const editor = vscode.window.activeTextEditor;
  // A text editor of the active group is what is shown (the tab model may lag an instant behind the editors).
  if ((editor && editor.viewColumn === group.viewColumn) || vscode.window.activeNotebookEditor) return undefined;
  const tab = group.activeTab;
  return tab?.input instanceof vscode.TabInputText ? tab : undefined;
}

/** A subject that counts nothing and says why. */
function unopenedTextTabSubject(tab: vscode.Tab): Subject {
  const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri.toString() : undefined;
  const problem = `${tab.label} is not open as text (binary or too large for the editor): nothing was counted.`;
  return { label: tab.label, selections: 0, length: 0, problem, key: `tab:${uri ?? tab.label}`, ...(uri ? { uri } : {}) };
}

function hasTab(uri: vscode.Uri): boolean {
  const wanted = uri.toString();
  return vscode.window.tabGroups.all.some((g) =>
    g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === wanted),
  );
}

/** Documents of real editors: not the output panel's channels. */
function isPriceable(document: vscode.TextDocument): boolean {
  return document.uri.scheme !== 'output';
}
