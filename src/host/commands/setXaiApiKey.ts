/** "Set xAI API key": stores the key in SecretStorage for exact Grok counts (used only when llmCost.xai.exactCounts is on). */
import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../config';
import { XAI_KEY_SECRET } from '../xaiCounter';
import { COMMANDS } from './ids';

/** Registers llmCost.setXaiApiKey. */
export function registerSetXaiApiKey(secrets: vscode.SecretStorage): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.setXaiApiKey, async () => {
    const key = await vscode.window.showInputBox({
      title: 'xAI API key for exact Grok counts',
      prompt: 'Stored in VS Code\'s secret storage. Text is sent to xAI only while "llmCost.xai.exactCounts" is on.',
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (/^\S{8,}$/.test(value.trim()) ? undefined : 'Paste the whole key (no spaces).'),
    });
    if (key === undefined) return false;
    await secrets.store(XAI_KEY_SECRET, key.trim());
    const enabled = vscode.workspace.getConfiguration(CONFIG_SECTION).get<boolean>('xai.exactCounts') === true;
    if (enabled) {
      void vscode.window.showInformationMessage('xAI API key stored: Grok models are now counted exactly by xAI.');
    } else {
      void vscode.window
        .showInformationMessage('xAI API key stored. Exact Grok counts send the counted text to xAI; they are off until you enable them.', 'Enable exact Grok counts')
        .then((choice) => choice && vscode.workspace.getConfiguration(CONFIG_SECTION).update('xai.exactCounts', true, vscode.ConfigurationTarget.Global));
    }
    return true;
  });
}
