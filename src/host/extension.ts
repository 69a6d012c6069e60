/** Activation: composes the services, commands, status bar and comparison panel; returns the test API in test runs only. */
import * as vscode from 'vscode';
import type { LlmCostApi } from './api';
import { registerClearXaiApiKey } from './commands/clearXaiApiKey';
import { registerEstimate } from './commands/estimate';
import { registerOpenComparison } from './commands/openComparison';
import { registerSelectModel } from './commands/selectModel';
import { registerSetXaiApiKey } from './commands/setXaiApiKey';
import { ConfigService } from './config/configService';
import { CountingService } from './counting/countingService';
import { idleApi } from './idle';
import { Notifier } from './config/notifier';
import { shownModelPicker } from './modelPicker/modelPicker';
import { ComparisonPanelManager } from './panel/comparisonPanel';
import { StatusBar } from './statusBar/statusBar';
import { SubjectTracker } from './subject/subjectTracker';
import { XaiExactCounter } from './counting/xaiCounter';

/** Entry point called by VS Code; returns the test API only to test runs (ExtensionMode.Test). */
export function activate(context: vscode.ExtensionContext): LlmCostApi | undefined {
  const own = <T extends vscode.Disposable>(disposable: T): T => {
    context.subscriptions.push(disposable);
    return disposable;
  };
  const log = own(vscode.window.createOutputChannel('LLM Cost', { log: true }));
  const notifier = new Notifier();
  const config = own(new ConfigService(log, notifier));
  const subjects = own(new SubjectTracker(config));
  const xai = own(new XaiExactCounter(context.secrets, log, notifier));
  const workerPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'countWorker.js').fsPath;
  const counting = own(new CountingService({ workerPath, config, xai, log }));
  const statusBar = own(new StatusBar({ subjects, counting, config, log }));
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const panels = own(new ComparisonPanelManager({ extensionUri: context.extensionUri, subjects, counting, config, log, testMode }));

  own(registerEstimate({ subjects, counting, config, statusBar, log, notifier }));
  own(registerSelectModel(config));
  own(registerOpenComparison(panels));
  own(registerSetXaiApiKey(context.secrets, notifier));
  own(registerClearXaiApiKey(context.secrets, notifier));

  if (!testMode) return undefined;
  return {
    status: () => statusBar.snapshot(),
    idle: idleApi(() => {
      config.sync();
      return subjects.isSettled() && statusBar.isSettled() && !counting.isBusy();
    }),
    panelState: () => panels.state(),
    panelRenderedRows: () => panels.renderedRows(),
    modelPicker: shownModelPicker,
    configProblems: () => config.reportedProblems(),
    notifications: () => notifier.history(),
  };
}

/** Nothing to do: every object is disposed through context.subscriptions. */
export function deactivate(): void {}
