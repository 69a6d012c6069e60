/** Opens, reveals and restores the single comparison panel (webview view type llmCost.comparison). */
import * as vscode from '../vscodeApi';
import type { PanelState, PersistedPanelState } from '../../shared/protocol';
import { isPersistedPanelState } from '../../shared/protocol';
import { Disposable } from '../dispose';
import { COMPARISON_VIEW_TYPE } from './viewType';
import type { PanelDeps } from './panelSession';
import { PanelSession, panelOptions } from './panelSession';

const TITLE = 'LLM Cost Comparison';

export class ComparisonPanelManager extends Disposable {
  private session: PanelSession | undefined;
  private readonly renderedEmitter = this.register(new vscode.EventEmitter<number>());
  /** Fires with the row count whenever the open panel's webview finishes a render. */
  readonly onDidRender: vscode.Event<number> = this.renderedEmitter.event;

  constructor(private readonly deps: PanelDeps) {
    super();
    this.register(
      vscode.window.registerWebviewPanelSerializer(COMPARISON_VIEW_TYPE, {
        deserializeWebviewPanel: (panel: vscode.WebviewPanel, saved: unknown) => {
          this.attach(panel, this.restorable(saved));
          return Promise.resolve();
        },
      }),
    );
    // The panel itself stays open on shutdown so the workbench can restore it after a reload.
    this.register({ dispose: () => this.session?.dispose() });
  }

  /** Reveals the panel, creating it beside the active editor when none is open. */
  show(): void {
    if (this.session) {
      this.session.panel.reveal(undefined, false);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      COMPARISON_VIEW_TYPE,
      TITLE,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      {
        ...panelOptions(this.deps.extensionUri),
        retainContextWhenHidden: false,
      },
    );
    this.attach(panel, undefined);
  }

  /** The open panel's state as last posted, or undefined when no panel is open. */
  state(): PanelState | undefined {
    return this.session?.state();
  }

  /** Table rows in the open panel's last render, as its webview reported. */
  renderedRows(): number | undefined {
    return this.session?.rendered();
  }

  private attach(panel: vscode.WebviewPanel, persisted: PersistedPanelState | undefined): void {
    this.session?.panel.dispose();
    panel.title = TITLE;
    panel.iconPath = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'icon.png');
    const session = new PanelSession(panel, this.deps, persisted);
    this.session = session;
    session.onDidRender((rows) => this.renderedEmitter.fire(rows));
    session.onDidDispose(() => {
      if (this.session === session) this.session = undefined;
    });
  }

  /** A restored webview's saved state, if it is valid; anything else is logged and dropped. */
  private restorable(saved: unknown): PersistedPanelState | undefined {
    if (saved === undefined || saved === null) return undefined;
    if (isPersistedPanelState(saved)) return saved;
    this.deps.log.warn('Comparison panel: ignored an invalid saved state; starting from the settings.');
    return undefined;
  }
}
