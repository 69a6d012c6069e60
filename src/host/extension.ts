/** Activation: composes the services, commands, status bar and comparison panel; returns the test API in test runs only. */
import * as vscode from './vscodeApi';
import type { LlmCostApi } from './api';
import { registerClearXaiApiKey } from './commands/clearXaiApiKey';
import { registerEstimate } from './commands/estimate';
import { registerOpenComparison } from './commands/openComparison';
import { registerSelectModel } from './commands/selectModel';
import { registerSetXaiApiKey } from './commands/setXaiApiKey';
import { registerRevertPrices } from './commands/revertPrices';
import { registerUpdatePrices, reviewPrices } from './commands/updatePrices';
import { PriceStorage } from './prices/priceStorage';
import { PricesService } from './prices/pricesService';
import { ConfigService } from './config/configService';
import { CountingService } from './counting/countingService';
import { scheduleWarmUp } from './counting/warmUp';
import { DisposableStore } from './dispose';
import { idleApi } from './idle';
import { Notifier } from './config/notifier';
import { shownModelPicker } from './modelPicker/modelPicker';
import { ComparisonPanelManager } from './panel/comparisonPanel';
import { StatusBar } from './statusBar/statusBar';
import { SubjectTracker } from './subject/subjectTracker';
import { XaiExactCounter } from './counting/xaiCounter';
import { registerEstimateTool } from './lmTool/estimateTool';
import { registerMcpProvider } from './lmTool/mcpProvider';
import { PromptModels } from './counting/promptModels';
import { PromptFigures } from './codeLens/promptFigures';
import { PromptLensProvider } from './codeLens/promptLensProvider';

/** Entry point called by VS Code; returns the test API only to test runs (ExtensionMode.Test). */
export function activate(context: vscode.ExtensionContext): LlmCostApi | undefined {
  const store = new DisposableStore();
  context.subscriptions.push(store);
  const own = <T extends vscode.Disposable>(disposable: T): T => store.add(disposable);
  const log = own(vscode.window.createOutputChannel('LLM Cost', { log: true }));
  const notifier = new Notifier();
  const priceStorage = new PriceStorage(context.globalState);
  const config = own(new ConfigService(log, notifier, () => priceStorage.read()));
  const subjects = own(new SubjectTracker(config));
  const xai = own(new XaiExactCounter(context.secrets, log, notifier));
  const workerPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'countWorker.js').fsPath;
  const counting = own(new CountingService({ workerPath, config, xai, log }));
  const prices: PricesService = own(
    new PricesService({
      storage: priceStorage,
      secrets: context.secrets,
      config,
      log,
      notifier,
      review: (diff) => reviewPrices(prices, notifier, diff),
    }),
  );
  const promptModels = new PromptModels(counting, config, log);
  const statusBar = own(new StatusBar({ subjects, counting, config, log, promptModels }));
  own(new PromptLensProvider(own(new PromptFigures({ counting, config, promptModels })), config));
  own(scheduleWarmUp(counting, config));
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const panels = own(
    new ComparisonPanelManager({ extensionUri: context.extensionUri, subjects, counting, config, log, promptModels, testMode }),
  );

  own(registerEstimate({ subjects, counting, config, statusBar, log, notifier, promptModels }));
  own(registerSelectModel(config, notifier));
  own(registerOpenComparison(panels));
  own(registerSetXaiApiKey(context.secrets, notifier));
  own(registerClearXaiApiKey(context.secrets, notifier));
  own(registerEstimateTool({ config, counting }));
  own(registerMcpProvider(context.extensionUri, packageVersion(context)));
  own(registerUpdatePrices(prices, notifier));
  own(registerRevertPrices(prices, notifier));

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
    documentTextsSent: () => counting.documentTextsSent(),
    configProblems: () => config.reportedProblems(),
    notifications: () => notifier.history(),
    pricesAutoCheck: () => prices.autoCheck(),
    setPricesLastCheck: (at) => priceStorage.setLastCheck(at === undefined ? undefined : new Date(at)),
  };
}

/** The extension's version from its package.json, for the MCP server definition. */
function packageVersion(context: vscode.ExtensionContext): string {
  const version = (context.extension.packageJSON as { version?: unknown }).version;
  return typeof version === 'string' ? version : '';
}

/** Nothing to do: every object is disposed through context.subscriptions (one store, in reverse order of creation). */
export function deactivate(): void {}
