/** What `activate` returns: a read-only view of the extension's state, used by the integration tests. */
import type { PanelState } from '../shared/protocol';
import type { CacheUse } from './codeCache';
import type { ShownModelPicker } from './modelPicker/modelPicker';

export interface StatusSnapshot {
  /** The status bar item's text as shown ("1,234 tok · $0.0021", "≈1,234 tok · $0.0021", "$(sync~spin) counting…"). */
  readonly text: string;
  /** The tooltip rendered as plain text (markdown source). */
  readonly tooltip: string;
  /** The plain sentence screen readers announce (accessibilityInformation.label). */
  readonly accessibilityLabel: string;
  /** The theme background: 'error' when the prompt does not fit the window, 'warning' from 90% of it; absent otherwise. */
  readonly background?: 'warning' | 'error';
  readonly visible: boolean;
  /** The model and token count behind the text, when a result is shown. */
  readonly modelId?: string;
  readonly tokens?: number;
  readonly exact?: boolean;
}

export interface LlmCostApi {
  /** Current status bar state. */
  status(): StatusSnapshot;
  /** Resolves when no counting is pending (debounce and worker both idle). */
  idle(): Promise<void>;
  /** The comparison panel's last state as posted to the webview, or undefined when it is not open. */
  panelState(): PanelState | undefined;
  /** Rows the webview reported after its last render (the host → webview → host round trip), or undefined. */
  panelRenderedRows(): number | undefined;
  /** The "Select model" quick pick while it is open, else undefined. */
  modelPicker(): ShownModelPicker | undefined;
  /** Whole document texts the host has sent to the counting worker since activation (edits are sent as changes). */
  documentTextsSent(): number;
  /** Problems reported about settings since activation (invalid price overrides etc.). */
  configProblems(): readonly string[];
  /** Info, warning and error messages shown to the user since activation, oldest first (the last hundred). */
  notifications(): readonly { readonly severity: 'info' | 'warning' | 'error'; readonly message: string }[];
  /** Runs the automatic price refresh's timer step now (the same code the hourly wake-up runs); resolves when done. */
  pricesAutoCheck(): Promise<void>;
  /** Sets (or with undefined forgets) the stored time of the last price check, to make a refresh overdue. */
  setPricesLastCheck(at: string | undefined): Promise<void>;
  /** Added by the entry module: how the host bundle was compiled at this start, where its cache lives, and a way to store it now. */
  codeCache?(): { readonly use: CacheUse; readonly dir: string; readonly store: () => Promise<boolean> };
}
