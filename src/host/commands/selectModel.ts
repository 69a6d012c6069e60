/** "Select model": picks the model the status bar and the estimate command price with, saved in llmCost.defaultModel. */
import * as vscode from '../vscodeApi';
import { findModel } from '../../core/catalog/catalog';
import { CONFIG_SECTION } from '../config/configService';
import type { ConfigService } from '../config/configService';
import type { Notifier } from '../config/notifier';
import { confirmModel } from '../modelPicker/confirmRetired';
import { pickModel } from '../modelPicker/modelPicker';
import { COMMANDS } from './ids';

/**
 * Registers llmCost.selectModel. With a model id argument (a keybinding's `args`) it skips the list;
 * a retired or legacy model is set only after the user confirms it. Resolves to the id now in force, if changed.
 */
export function registerSelectModel(config: ConfigService, notifier: Notifier): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.selectModel, async (requested?: unknown) => {
    const { catalog, settings } = config.current();
    let id: string | undefined;
    if (requested === undefined) {
      id = await pickModel(catalog, settings.defaultModel, settings.currency);
    } else if (typeof requested === 'string' && findModel(catalog, requested)) {
      id = requested;
    } else {
      void notifier.show('error', `LLM Cost: no model ${JSON.stringify(requested)} in the catalog; the model is unchanged.`);
      return undefined;
    }
    const model = id ? findModel(catalog, id) : undefined;
    if (!model) return undefined;
    const confirmed = await confirmModel(catalog, model, settings.defaultModel);
    if (!confirmed || confirmed === settings.defaultModel) return undefined;
    const section = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const inspected = section.inspect<string>('defaultModel');
    const target =
      inspected?.workspaceFolderValue !== undefined
        ? vscode.ConfigurationTarget.WorkspaceFolder
        : inspected?.workspaceValue !== undefined
          ? vscode.ConfigurationTarget.Workspace
          : vscode.ConfigurationTarget.Global;
    await section.update('defaultModel', confirmed, target);
    config.sync();
    return confirmed;
  });
}
