/** "Estimate LLM cost": counts the current selection(s) or document with the chosen model and shows the breakdown. */
import * as vscode from '../vscodeApi';
import { findModel } from '../../core/catalog/catalog';
import { CostError } from '../../core/cost/errors';
import { formatMoney } from '../../core/format/money';
import type { ConfigService } from '../config/configService';
import type { Notifier } from '../config/notifier';
import { CountError } from '../counting/countingService';
import type { CountingService } from '../counting/countingService';
import { estimateSummary, priceCount, statusText } from '../../core/view/statusText';
import type { PricedCount } from '../../core/view/statusText';
import type { StatusBar } from '../statusBar/statusBar';
import type { Subject } from '../subject/subject';
import type { SubjectTracker } from '../subject/subjectTracker';
import { COMMANDS } from './ids';
import { errorMessage } from '../../core/format/errorMessage';
import type { PromptModels } from '../counting/promptModels';
import { promptChoice } from '../counting/promptModels';

export interface EstimateDeps {
  readonly subjects: SubjectTracker;
  readonly counting: CountingService;
  readonly config: ConfigService;
  readonly statusBar: StatusBar;
  readonly log: vscode.LogOutputChannel;
  readonly notifier: Notifier;
  readonly promptModels: PromptModels;
}

/** What the command resolves to (undefined when nothing could be estimated). */
export interface EstimateOutcome {
  readonly modelId: string;
  readonly tokens: number;
  readonly exact: boolean;
  readonly total: string;
  readonly text: string;
}

/** Registers llmCost.estimate. */
export function registerEstimate(deps: EstimateDeps): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.estimate, () => runEstimate(deps));
}

async function runEstimate(deps: EstimateDeps): Promise<EstimateOutcome | undefined> {
  const subject = deps.subjects.refreshNow();
  if (!subject) {
    void deps.notifier.show('warning', 'Open a file or select some text to estimate its LLM cost.');
    return undefined;
  }
  if (subject.problem) {
    void deps.notifier.show('error', subject.problem);
    return undefined;
  }
  const config = deps.config.current();
  let priced: PricedCount<Subject>;
  try {
    const { prompt, counts } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Counting ${subject.label}`, cancellable: false },
      async () => {
        const chosen = await promptChoice(deps.promptModels, subject, undefined, 'command');
        const id = chosen?.model.id ?? config.settings.defaultModel;
        return { prompt: chosen, counts: await deps.counting.count(subject, [id], undefined, 'command') };
      },
    );
    const modelId = prompt?.model.id ?? config.settings.defaultModel;
    const count = counts.get(modelId);
    const model = findModel(config.catalog, modelId);
    if (!count || !model) throw new CountError(`${modelId} could not be counted; see the "LLM Cost" output.`);
    priced = priceCount(config, subject, model, count, new Date(), prompt);
  } catch (error) {
    if (error instanceof vscode.CancellationError) return undefined;
    const message = errorMessage(error);
    if (!(error instanceof CountError || error instanceof CostError)) deps.log.error(`Estimate: ${message}`);
    void deps.notifier.show('error', `Could not estimate the cost of ${subject.label}: ${message}`);
    return undefined;
  }
  deps.statusBar.reveal(priced);
  void deps.notifier.show('info', estimateSummary(priced), 'Compare models', 'Select model').then((choice) => {
    if (choice === 'Compare models') void vscode.commands.executeCommand(COMMANDS.openComparison);
    if (choice === 'Select model') void vscode.commands.executeCommand(COMMANDS.selectModel);
  });
  const { estimate, count, model } = priced;
  return {
    modelId: model.id,
    tokens: count.tokens,
    exact: count.exact,
    total: formatMoney(estimate.total, estimate.context.currency),
    text: statusText(priced),
  };
}
