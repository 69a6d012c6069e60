/** Lenses above each message and request of a prompt file, and a hover on a message with its breakdown. */
import * as vscode from '../vscodeApi';
import { promptHover, promptLenses, requestViews } from '../../core/view/promptLenses';
import type { LensPricing } from '../../core/view/promptLenses';
import { CHOSEN_MODEL, FROM_PROMPT_FILE } from '../../core/view/promptModel';
import { COMMANDS } from '../commands/ids';
import type { ConfigService } from '../config/configService';
import { Disposable } from '../dispose';
import type { Figures, PromptFigures } from './promptFigures';
import { errorMessage } from '../../core/format/errorMessage';

/** Chat JSON, JSON Lines and GitHub prompt files (see kindFromName). */
export const PROMPT_FILE_SELECTOR: vscode.DocumentSelector = [
  { pattern: '**/*.{json,jsonl,ndjson}' },
  { pattern: '**/*.prompt.{yml,yaml}' },
];

export class PromptLensProvider extends Disposable implements vscode.CodeLensProvider, vscode.HoverProvider {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses: vscode.Event<void> = this.changed.event;

  constructor(
    private readonly figures: PromptFigures,
    private readonly config: ConfigService,
  ) {
    super();
    this.register(vscode.languages.registerCodeLensProvider(PROMPT_FILE_SELECTOR, this));
    this.register(vscode.languages.registerHoverProvider(PROMPT_FILE_SELECTOR, this));
    this.register(config.onDidChange(() => this.changed.fire()));
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!this.config.current().settings.codeLensEnabled) return [];
    const figures = await this.figures.get(document, token);
    const views = figures && requestViewsOf(figures);
    if (!figures || !views || token.isCancellationRequested) return [];
    let lenses;
    try {
      lenses = promptLenses(views, this.pricing(figures));
    } catch (error) {
      // A model without a price at this moment: say so once at the top instead of failing silently.
      const title = `LLM Cost: ${errorMessage(error)}`;
      return [new vscode.CodeLens(document.lineAt(0).range, { title, command: COMMANDS.openComparison })];
    }
    return lenses.map((lens) => {
      const line = Math.min(lens.line - 1, document.lineCount - 1);
      return new vscode.CodeLens(document.lineAt(line).range, {
        title: lens.title,
        tooltip: lens.tooltip,
        command: COMMANDS.openComparison,
      });
    });
  }

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    if (!this.config.current().settings.codeLensEnabled) return undefined;
    const figures = await this.figures.get(document, token);
    const views = figures && requestViewsOf(figures);
    if (!figures || !views || token.isCancellationRequested) return undefined;
    let markdown: string | undefined;
    try {
      markdown = promptHover(views, position.line + 1, this.pricing(figures));
    } catch (error) {
      markdown = `LLM Cost: ${errorMessage(error)}`;
    }
    return markdown === undefined ? undefined : new vscode.Hover(new vscode.MarkdownString(markdown));
  }

  private pricing(figures: Figures): LensPricing {
    const { catalog, settings } = this.config.current();
    return {
      catalog,
      model: figures.model,
      exact: figures.details.exact ?? false,
      modelOrigin: figures.choice?.declared ? FROM_PROMPT_FILE : CHOSEN_MODEL,
      outputRatio: settings.outputRatio,
      cacheHitShare: settings.cacheHitShare,
      currency: settings.currency,
      at: new Date(),
    };
  }
}

function requestViewsOf(figures: Figures): ReturnType<typeof requestViews> | undefined {
  const { breakdown, requestLimits } = figures.details;
  return breakdown ? requestViews(breakdown, requestLimits) : undefined;
}
