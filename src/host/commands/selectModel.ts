/** "Select model": picks the model the status bar and the estimate command price with, saved in llmCost.defaultModel. */
import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../config/configService';
import type { ConfigService } from '../config/configService';
import { pickModel } from '../modelPicker/modelPicker';
import { COMMANDS } from './ids';

/** Registers llmCost.selectModel. */
export function registerSelectModel(config: ConfigService): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.selectModel, async () => {
    const { catalog, settings } = config.current();
    const id = await pickModel(catalog, settings.defaultModel, settings.currency);
    if (!id || id === settings.defaultModel) return id;
    const section = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const inspected = section.inspect<string>('defaultModel');
    const target =
      inspected?.workspaceFolderValue !== undefined
        ? vscode.ConfigurationTarget.WorkspaceFolder
        : inspected?.workspaceValue !== undefined
          ? vscode.ConfigurationTarget.Workspace
          : vscode.ConfigurationTarget.Global;
    await section.update('defaultModel', id, target);
    config.sync();
    return id;
  });
}
