/** "Clear xAI API key": removes the stored key; Grok counts go back to estimates. */
import * as vscode from '../vscodeApi';
import type { Notifier } from '../config/notifier';
import { XAI_KEY_SECRET } from '../counting/xaiCounter';
import { COMMANDS } from './ids';

/** Registers llmCost.clearXaiApiKey. */
export function registerClearXaiApiKey(secrets: vscode.SecretStorage, notifier: Notifier): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.clearXaiApiKey, async () => {
    const had = (await secrets.get(XAI_KEY_SECRET)) !== undefined;
    await secrets.delete(XAI_KEY_SECRET);
    void notifier.show('info', had ? 'xAI API key removed: Grok counts are estimates again.' : 'No xAI API key was stored.');
    return had;
  });
}
