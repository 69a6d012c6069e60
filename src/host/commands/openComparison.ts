/** "Open cost comparison": shows (or focuses) the comparison panel. */
import * as vscode from '../vscodeApi';
import { COMMANDS } from './ids';

/** Registers llmCost.openComparison on the panel manager's show(). */
export function registerOpenComparison(panels: { show(): void }): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openComparison, () => panels.show());
}
