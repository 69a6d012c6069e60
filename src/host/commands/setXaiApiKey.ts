/** "Set xAI API key": stores the key in SecretStorage for exact Grok counts (used only when llmCost.xai.exactCounts is on). */
import * as vscode from '../vscodeApi';
import { CONFIG_SECTION } from '../config/configService';
import type { Notifier } from '../config/notifier';
import { XAI_KEY_SECRET } from '../counting/xaiCounter';
import { COMMANDS } from './ids';

const KEY_SHAPE = /^\S{8,}$/;
const KEY_HINT = 'Paste the whole key (no spaces).';

/** Registers llmCost.setXaiApiKey; an optional string argument is stored without asking (for automation). */
export function registerSetXaiApiKey(secrets: vscode.SecretStorage, notifier: Notifier): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.setXaiApiKey, async (given?: unknown) => {
    const key = given === undefined ? await askForKey() : typeof given === 'string' ? given : '';
    if (key === undefined) return false;
    if (!KEY_SHAPE.test(key.trim())) {
      void notifier.show('error', `xAI API key not stored: ${KEY_HINT}`);
      return false;
    }
    await secrets.store(XAI_KEY_SECRET, key.trim());
    const enabled = vscode.workspace.getConfiguration(CONFIG_SECTION).get<boolean>('xai.exactCounts') === true;
    if (enabled) {
      void notifier.show('info', 'xAI API key stored: Grok models are now counted exactly by xAI.');
    } else {
      void notifier
        .show(
          'info',
          'xAI API key stored. Exact Grok counts send the counted text to xAI; they are off until you enable them.',
          'Enable exact Grok counts',
        )
        .then((choice) => {
          if (choice)
            void vscode.workspace.getConfiguration(CONFIG_SECTION).update('xai.exactCounts', true, vscode.ConfigurationTarget.Global);
        });
    }
    return true;
  });
}

function askForKey(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'xAI API key for exact Grok counts',
    prompt: 'Stored in VS Code\'s secret storage. Text is sent to xAI only while "llmCost.xai.exactCounts" is on.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (KEY_SHAPE.test(value.trim()) ? undefined : KEY_HINT),
  });
}
