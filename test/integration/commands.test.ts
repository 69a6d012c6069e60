import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, openWorkspaceFile, waitFor } from './helpers';

describe('commands', () => {
  it('"Open cost comparison" opens the panel, which renders every current model', async () => {
    const api = await extensionApi();
    await openWorkspaceFile('prompt.md');
    await vscode.commands.executeCommand('llmCost.openComparison');
    const state = await waitFor(
      'panel state with rows',
      () => {
        const s = api.panelState();
        return s && !s.busy && s.rows.length > 0 ? s : undefined;
      },
      60000,
    );
    const ids = state.rows.map((r) => r.modelId);
    for (const id of ['deepseek-flash', 'mistral-large-2512', 'grok-4.7']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    const flash = state.rows.find((r) => r.modelId === 'deepseek-flash')!;
    assert.ok(flash.tokens > 0);
    assert.match(flash.total, /\d/);
    // Round trip: the webview rendered the state it was sent and reported its rows back.
    await waitFor(
      'the webview to report its rendered rows',
      () => (api.panelRenderedRows() === state.rows.length ? true : undefined),
      30000,
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('"Select model" opens a quick pick that can be dismissed without changing the model', async () => {
    const before = vscode.workspace.getConfiguration('llmCost').get('defaultModel');
    const shown = vscode.commands.executeCommand('llmCost.selectModel');
    await new Promise((r) => setTimeout(r, 1500));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await shown;
    assert.equal(vscode.workspace.getConfiguration('llmCost').get('defaultModel'), before);
  });

  it('"Select model" persists the picked model', async () => {
    const before = vscode.workspace.getConfiguration('llmCost').inspect('defaultModel')?.globalValue;
    const shown = vscode.commands.executeCommand('llmCost.selectModel');
    await new Promise((r) => setTimeout(r, 1500));
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await shown;
    const after = await waitFor(
      'a persisted model',
      () => vscode.workspace.getConfiguration('llmCost').inspect<string>('defaultModel')?.globalValue,
    );
    assert.equal(typeof after, 'string');
    await vscode.workspace.getConfiguration('llmCost').update('defaultModel', before, vscode.ConfigurationTarget.Global);
  });

  it('"Clear xAI API key" runs without a key stored', async () => {
    await vscode.commands.executeCommand('llmCost.clearXaiApiKey');
  });
});
