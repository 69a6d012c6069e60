/** The "LLM Cost" status bar item: tokens and cost of the current subject for the chosen model, live. */
import * as vscode from '../vscodeApi';
import { findModel } from '../../core/catalog/catalog';
import { CostError } from '../../core/cost/errors';
import type { StatusSnapshot } from '../api';
import { COMMANDS } from '../commands/ids';
import type { ConfigService } from '../config/configService';
import { CountError } from '../counting/countingService';
import type { CountingService } from '../counting/countingService';
import { Disposable } from '../dispose';
import { accessibleSummary, priceCount, statusText, tooltipMarkdown } from '../../core/view/statusText';
import { stalePricesNote } from '../../core/config/priceSettings';
import { autoRefreshSetting } from '../prices/autoRefreshSetting';
import type { PricedCount } from '../../core/view/statusText';
import type { Subject } from '../subject/subject';
import type { SubjectTracker } from '../subject/subjectTracker';
import { fitBackground, fitIcon } from './fitColours';
import { errorMessage } from '../../core/format/errorMessage';
import type { PromptModels } from '../counting/promptModels';
import { promptChoice } from '../counting/promptModels';

/** How long a refresh may keep the last figure (marked stale in the tooltip) before "counting…" replaces it. */
const SPINNER_DELAY_MS = 500;
const STALE_NOTE = '*Updating: this figure is for the text as it was a moment ago.*';
export const STATUS_ITEM_ID = 'llmCost.status';

export interface StatusBarDeps {
  readonly subjects: SubjectTracker;
  readonly counting: CountingService;
  readonly config: ConfigService;
  readonly log: vscode.LogOutputChannel;
  readonly promptModels: PromptModels;
}

export class StatusBar extends Disposable {
  private readonly item: vscode.StatusBarItem;
  private shown: { text: string; tooltip: string; label: string; visible: boolean; priced?: PricedCount<Subject> } = {
    text: '',
    tooltip: '',
    label: '',
    visible: false,
  };
  private source: vscode.CancellationTokenSource | undefined;
  private pending = 0;
  /** afterCommand mode: the document whose result the command revealed; selection mode: the exact subject. */
  private revealed: { uri?: string; key: string } | undefined;

  constructor(private readonly deps: StatusBarDeps) {
    super();
    this.item = this.register(vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Right, 100));
    this.item.name = 'LLM Cost';
    this.item.command = COMMANDS.openComparison;
    this.register(deps.subjects.onDidChange(() => void this.refresh()));
    this.register(deps.config.onDidChange(() => void this.refresh()));
    this.register({ dispose: () => this.source?.cancel() });
    // No refresh here: the first figure follows the subject tracker's first reading, right after activation returns.
  }

  snapshot(): StatusSnapshot {
    const { text, tooltip, label, visible, priced } = this.shown;
    const background = priced ? fitBackground(priced.fit.level) : undefined;
    const shown = { text, tooltip, accessibilityLabel: label, visible, ...(background ? { background } : {}) };
    return priced ? { ...shown, modelId: priced.model.id, tokens: priced.count.tokens, exact: priced.count.exact } : shown;
  }

  /** True when no refresh is running. */
  isSettled(): boolean {
    return this.pending === 0;
  }

  /** Shows a result computed by the estimate command and, whatever the mode, keeps the item visible for that subject. */
  reveal(priced: PricedCount<Subject>): void {
    this.revealed = { uri: priced.subject.uri, key: priced.subject.key };
    this.supersede();
    this.render(priced);
  }

  /** Recounts the current subject for the default model, cancelling any earlier refresh. */
  async refresh(): Promise<void> {
    const subject = this.deps.subjects.current();
    const source = this.supersede();
    const config = this.deps.config.current();
    if (!subject || !this.shouldShow(subject)) return this.hide();
    if (subject.problem) return this.show('$(warning) LLM Cost', subject.problem);
    this.pending++;
    this.markStale();
    const spinner = setTimeout(() => {
      if (!source.token.isCancellationRequested)
        this.show('$(sync~spin) counting…', `Counting ${subject.label}…`, `LLM Cost: counting ${subject.label}`);
    }, SPINNER_DELAY_MS);
    try {
      const prompt = await promptChoice(this.deps.promptModels, subject, source.token);
      const modelId = prompt?.model.id ?? config.settings.defaultModel;
      const counts = await this.deps.counting.count(subject, [modelId], source.token, 'statusBar');
      const count = counts.get(modelId);
      const model = findModel(config.catalog, modelId);
      if (source.token.isCancellationRequested) return;
      if (!count || !model) return this.show('$(warning) LLM Cost', `${modelId} could not be counted; see the "LLM Cost" output.`);
      this.render(priceCount(config, subject, model, count, new Date(), prompt));
    } catch (error) {
      if (error instanceof vscode.CancellationError || source.token.isCancellationRequested) return;
      const message = errorMessage(error);
      if (!(error instanceof CountError || error instanceof CostError)) this.deps.log.error(`Status bar: ${message}`);
      this.show('$(warning) LLM Cost', message);
    } finally {
      clearTimeout(spinner);
      this.pending--;
    }
  }

  /** Cancels the running refresh and starts a new token for the next one. */
  private supersede(): vscode.CancellationTokenSource {
    this.source?.cancel();
    this.source = new vscode.CancellationTokenSource();
    return this.source;
  }

  private shouldShow(subject: Subject): boolean {
    const mode = this.deps.config.current().settings.statusBarMode;
    if (this.revealed && this.revealed.uri !== subject.uri) this.revealed = undefined;
    if (mode === 'always') return true;
    if (mode === 'selection') return subject.selections > 0 || this.revealed?.key === subject.key;
    return this.revealed !== undefined;
  }

  /** Keeps the figure on screen while it is recounted, saying in the tooltip that it may be out of date. */
  private markStale(): void {
    const { tooltip, visible, priced } = this.shown;
    if (!visible || !priced || tooltip.startsWith(STALE_NOTE)) return;
    this.item.tooltip = new vscode.MarkdownString(`${STALE_NOTE}\n\n${tooltip}`, true);
    this.shown = { ...this.shown, tooltip: this.item.tooltip.value };
  }

  private render(priced: PricedCount<Subject>): void {
    const stale = stalePricesNote([priced.estimate.context.period.source.verified], new Date(), autoRefreshSetting());
    const icon = fitIcon(priced.fit.level);
    this.show(
      `${icon ? `${icon} ` : ''}${statusText(priced)}`,
      tooltipMarkdown(priced, new Date(), stale ? [stale] : []),
      `LLM Cost: ${accessibleSummary(priced)}`,
      priced,
    );
  }

  /** Shows text and tooltip; `label` is the plain sentence screen readers announce (default: the tooltip as plain text). */
  private show(text: string, tooltip: string, label = `LLM Cost: ${tooltip}`, priced?: PricedCount<Subject>): void {
    this.item.text = text;
    this.item.tooltip = new vscode.MarkdownString(tooltip, true);
    this.item.accessibilityInformation = { label };
    const background = priced ? fitBackground(priced.fit.level) : undefined;
    this.item.backgroundColor = background ? new vscode.ThemeColor(`statusBarItem.${background}Background`) : undefined;
    this.item.show();
    this.shown = { text, tooltip, label, visible: true, ...(priced ? { priced } : {}) };
  }

  private hide(): void {
    this.item.hide();
    this.shown = { ...this.shown, visible: false };
  }
}
