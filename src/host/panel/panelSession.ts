/** One open comparison panel: answers its messages, counts the subject for every shown model, posts state. */
import { autoRefreshSetting } from '../prices/autoRefreshSetting';
import * as vscode from '../vscodeApi';
import { randomBytes } from 'node:crypto';
import type { DocumentCount } from '../../core/prompt/documentCount';
import type {
  BillInputs,
  FromWebviewMessage,
  PanelControls,
  PanelState,
  PersistedPanelState,
  SortOrder,
  ToWebviewMessage,
} from '../../shared/protocol';
import { isFromWebviewMessage } from '../../shared/protocol';
import type { ExportRow } from '../../core/view/exportTable';
import { csvTable, markdownTable } from '../../core/view/exportTable';
import type { CountingService } from '../counting/countingService';
import type { ConfigService, HostConfig } from '../config/configService';
import type { Subject } from '../subject/subject';
import type { SubjectTracker } from '../subject/subjectTracker';
import { Disposable } from '../dispose';
import { panelHtml } from './html';
import {
  DEFAULT_SORT,
  adoptSettingsChange,
  buildPanel,
  controlsFromSettings,
  currenciesOf,
  defaultBillInputs,
  knowsAllModels,
  restore,
  shownModelIds,
} from './panelState';
import { errorMessage } from '../../core/format/errorMessage';
import type { PromptModels } from '../counting/promptModels';
import { promptChoice } from '../counting/promptModels';

export interface PanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly subjects: SubjectTracker;
  readonly counting: CountingService;
  readonly config: ConfigService;
  readonly log: vscode.LogOutputChannel;
  readonly promptModels: PromptModels;
  /** ExtensionMode.Test: the webview reports its renders (for the test API); never in a user's editor. */
  readonly testMode: boolean;
}

/** Longest wait before re-pricing "now" at a window change (timers beyond ~24 days overflow). */
const MAX_REPRICE_DELAY_MS = 6 * 3600_000;
/** The counting service's channel for the panel: only the panel's own newer requests supersede its counts. */
const COUNT_CHANNEL = 'comparisonPanel';

export class PanelSession extends Disposable {
  private controls: PanelControls;
  private sort: SortOrder;
  private bill: BillInputs;
  /** Models the user picked for the bill; undefined follows the default model. */
  private billModels: readonly string[] | undefined;
  private config: HostConfig;
  private subject: Subject | undefined;
  /** The catalog model the subject, a prompt file, names for itself. */
  private promptModel: string | undefined;
  /** Counts of `subject`, by model id; cleared when the subject or the configuration changes. */
  private counts = new Map<string, DocumentCount>();
  /** Model ids asked of the counting service for `subject` (a failed one is not asked again). */
  private attempted = new Set<string>();
  private countError: string | undefined;
  private pending: vscode.CancellationTokenSource | undefined;
  private ready = false;
  private lastState: PanelState | undefined;
  /** The priced rows of the last state, in its order: what Copy and Save take away. */
  private exportRows: readonly ExportRow[] = [];
  private renderedRows: number | undefined;
  private repriceTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly renderedEmitter = this.register(new vscode.EventEmitter<number>());
  /** Fires with the row count each time the webview reports a finished render. */
  readonly onDidRender = this.renderedEmitter.event;
  private readonly disposedEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposedEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: PanelDeps,
    persisted?: PersistedPanelState,
  ) {
    super();
    this.config = deps.config.current();
    const restored = restore(persisted, {
      controls: controlsFromSettings(this.config.settings),
      sort: DEFAULT_SORT,
      bill: defaultBillInputs(new Date()),
    });
    // A restored currency may have lost its exchange rate since: fall back to the settings' currency then.
    const currencies = currenciesOf(this.config.catalog, this.config.settings.currency);
    this.controls = currencies.includes(restored.controls.currency)
      ? restored.controls
      : { ...restored.controls, currency: this.config.settings.currency };
    this.sort = restored.sort;
    this.bill = restored.bill;
    // Models removed from the catalog since (a custom model deleted) drop out of a restored bill selection.
    this.billModels = restored.billModels?.filter((id) => knowsAllModels(this.config.catalog, [id]));
    this.subject = deps.subjects.current();

    const webview = panel.webview;
    webview.options = panelOptions(deps.extensionUri);
    this.register(webview.onDidReceiveMessage((m: unknown) => this.receive(m)));
    this.register(deps.subjects.onDidChange((s) => this.onSubject(s)));
    this.register(deps.config.onDidChange((c) => this.onConfig(c)));
    // A hidden webview is torn down (no retained context); it sends `ready` again when shown.
    this.register(
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register({
      dispose: () => {
        clearTimeout(this.repriceTimer);
        this.pending?.cancel();
        this.pending?.dispose();
      },
    });
    webview.html = this.html();
    this.update();
    this.findPromptModel();
  }

  /** Looks up the model the subject names for itself; when it is a catalog model, shows it and bills it by default. */
  private findPromptModel(): void {
    const subject = this.subject;
    if (!subject) return;
    promptChoice(this.deps.promptModels, subject, undefined, COUNT_CHANNEL).then(
      (choice) => {
        const id = choice?.declared ? choice.model.id : undefined;
        if (this.isDisposed || this.subject !== subject || id === this.promptModel) return;
        this.promptModel = id;
        this.update();
      },
      () => undefined, // superseded by a newer subject, which looks again
    );
  }

  /** The state last built (what the webview shows, or will once it is ready). */
  state(): PanelState | undefined {
    return this.lastState;
  }

  /** Rows in the webview's last reported render. */
  rendered(): number | undefined {
    return this.renderedRows;
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.disposedEmitter.fire();
    super.dispose();
  }

  private html(): string {
    const webview = this.panel.webview;
    const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, ...path)).toString();
    return panelHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64url'),
      scriptUri: asset('dist', 'webview.js'),
      styleUri: asset('media', 'panel.css'),
      reportRenders: this.deps.testMode,
    });
  }

  private receive(message: unknown): void {
    if (!isFromWebviewMessage(message)) {
      this.deps.log.warn(`Comparison panel: ignored a malformed message: ${preview(message)}`);
      return;
    }
    this.handle(message);
  }

  private handle(message: FromWebviewMessage): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        return this.update();
      case 'setOutputRatio':
        return this.setControls({ ...this.controls, outputRatio: message.ratio });
      case 'setCache':
        return this.setControls({ ...this.controls, cache: message.cache });
      case 'setCurrency':
        return this.setControls({ ...this.controls, currency: message.currency });
      case 'setMoment':
        return this.setControls({ ...this.controls, moment: message.moment });
      case 'setShowRetired':
        return this.setControls({ ...this.controls, showRetired: message.showRetired });
      case 'setSort':
        this.sort = message.sort;
        return this.update();
      case 'setBill':
        this.bill = message.bill;
        return this.update();
      case 'copyMarkdown':
      case 'saveCsv':
        return void this.exportTable(message.type, this.exportRows).catch((err: unknown) => {
          this.deps.log.error(`Comparison panel: ${message.type} failed: ${String(err)}`);
          void vscode.window.showErrorMessage(
            `LLM Cost: could not ${message.type === 'saveCsv' ? 'save the CSV file' : 'copy the table'}: ${String(err)}`,
          );
        });
      case 'setBillModels':
        if (!knowsAllModels(this.config.catalog, message.modelIds)) {
          this.deps.log.warn(`Comparison panel: ignored a bill selection with a model not in the catalog: ${preview(message)}`);
          return;
        }
        this.billModels = message.modelIds;
        return this.update();
      case 'rendered':
        this.renderedRows = message.rows;
        this.renderedEmitter.fire(message.rows);
        return;
      default: {
        const unknown: never = message;
        this.deps.log.warn(`Comparison panel: unhandled message ${preview(unknown)}`);
      }
    }
  }

  /** Copies the Markdown table to the clipboard, or writes the CSV to the one file the user picks. */
  private async exportTable(kind: 'copyMarkdown' | 'saveCsv', rows: readonly ExportRow[]): Promise<void> {
    if (!rows.length) {
      void vscode.window.showInformationMessage('LLM Cost: nothing to export yet: no model is priced.');
      return;
    }
    const cache = this.controls.cache;
    const cached = cache.kind === 'share' ? cache.hitShare > 0 : cache.cachedPrefixTokens > 0;
    if (kind === 'copyMarkdown') {
      await vscode.env.clipboard.writeText(markdownTable(rows, cached));
      vscode.window.setStatusBarMessage(`LLM Cost: copied a Markdown table of ${rows.length} models`, 4000);
      return;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: 'Save the cost comparison as CSV',
      filters: { CSV: ['csv'] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, 'llm-cost.csv') } : {}),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(csvTable(rows, cached)));
    vscode.window.setStatusBarMessage(`LLM Cost: saved ${rows.length} models to ${vscode.workspace.asRelativePath(target)}`, 4000);
  }

  private setControls(controls: PanelControls): void {
    this.controls = controls;
    this.update();
  }

  private onSubject(subject: Subject | undefined): void {
    // Focus moving to the panel itself can clear the active editor: keep pricing the last text then.
    if (!subject || subject.key === this.subject?.key) return;
    this.subject = subject;
    this.resetCounts();
    this.update();
    this.findPromptModel();
  }

  private onConfig(config: HostConfig): void {
    this.controls = adoptSettingsChange(this.controls, this.config.settings, config.settings);
    this.config = config;
    this.resetCounts();
    this.update();
    this.findPromptModel(); // a custom model may now be the one the file names
  }

  private resetCounts(): void {
    this.pending?.cancel();
    this.pending?.dispose();
    this.pending = undefined;
    this.counts = new Map();
    this.attempted = new Set();
    this.countError = undefined;
  }

  /** Counts what is missing (never on a mere control change), rebuilds the state and posts it. */
  private update(): void {
    if (this.isDisposed) return;
    this.countMissing();
    const { state, nextChange } = this.build();
    this.post({ type: 'state', state });
    this.scheduleReprice(nextChange);
  }

  private countMissing(): void {
    const subject = this.subject;
    // A hidden panel does not count; it catches up when its webview is ready again.
    if (!subject || subject.problem || this.countError !== undefined || this.pending || !this.panel.visible) return;
    const missing = shownModelIds(this.config.catalog, this.config.settings, this.controls, this.promptModel).filter(
      (id) => !this.attempted.has(id),
    );
    if (missing.length === 0) return;
    for (const id of missing) this.attempted.add(id);
    const source = new vscode.CancellationTokenSource();
    this.pending = source;
    this.deps.counting.count(subject, missing, source.token, COUNT_CHANNEL).then(
      (counts) => {
        if (this.pending !== source) return;
        for (const [id, count] of counts) this.counts.set(id, count);
        this.finishCount(source);
      },
      (err: unknown) => {
        if (this.pending !== source) return;
        if (err instanceof vscode.CancellationError) {
          for (const id of missing) this.attempted.delete(id);
        } else {
          this.countError = errorMessage(err);
          this.deps.log.warn(`Comparison panel: ${this.countError}`);
        }
        this.finishCount(source);
      },
    );
  }

  private finishCount(source: vscode.CancellationTokenSource): void {
    source.dispose();
    this.pending = undefined;
    this.update();
  }

  private build(): { state: PanelState; nextChange?: Date } {
    const built = buildPanel({
      catalog: this.config.catalog,
      settings: this.config.settings,
      settingsProblems: this.config.problems,
      subject: this.subject,
      counts: this.counts,
      uncountable: new Set([...this.attempted].filter((id) => !this.counts.has(id) && !this.pending)),
      countError: this.countError,
      busy: this.pending !== undefined,
      controls: this.controls,
      sort: this.sort,
      bill: this.bill,
      ...(this.billModels ? { billModels: this.billModels } : {}),
      now: new Date(),
      autoRefresh: autoRefreshSetting(),
      ...(this.promptModel ? { promptModel: this.promptModel } : {}),
    });
    this.lastState = built.state;
    this.exportRows = built.exportRows;
    return built;
  }

  private post(message: ToWebviewMessage): void {
    if (!this.ready) return;
    this.panel.webview
      .postMessage(message)
      .then(undefined, (err: unknown) => this.deps.log.warn(`Comparison panel: post failed: ${String(err)}`));
  }

  /** While pricing "now", rebuild when a time-of-day window in force changes (peak ↔ off-peak). */
  private scheduleReprice(nextChange: Date | undefined): void {
    clearTimeout(this.repriceTimer);
    this.repriceTimer = undefined;
    if (this.controls.moment !== 'now' || !nextChange) return;
    const delay = Math.min(Math.max(nextChange.getTime() - Date.now(), 1000), MAX_REPRICE_DELAY_MS);
    this.repriceTimer = setTimeout(() => this.update(), delay);
  }
}

/** Webview options: scripts on, resources only from the extension's dist/ and media/. */
export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
