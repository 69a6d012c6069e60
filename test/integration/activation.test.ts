import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi } from './helpers';

describe('activation', () => {
  it('activates on startup and exposes the test API', async () => {
    const api = await extensionApi();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    for (const fn of ['status', 'idle', 'panelState', 'panelRenderedRows', 'configProblems', 'notifications'] as const)
      assert.equal(typeof api[fn], 'function', fn);
  });

  it('registers every contributed command', async () => {
    await extensionApi();
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command } of pkg.contributes.commands) assert.ok(registered.has(command), `${command} not registered`);
    assert.ok(pkg.contributes.commands.some((c) => c.command === 'llmCost.estimate'));
  });
});
