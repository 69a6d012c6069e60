import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, openWorkspaceFile, waitFor, watchNotifications } from './helpers';

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

  it('"Select model" opens a quick pick on the current model that can be dismissed without changing it', async () => {
    const api = await extensionApi();
    const before = vscode.workspace.getConfiguration('llmCost').get<string>('defaultModel');
    const shown = vscode.commands.executeCommand<string | undefined>('llmCost.selectModel');
    const picker = await waitFor('the model picker', () => api.modelPicker());
    assert.equal(picker.activeId, before);
    assert.ok(picker.modelIds.length >= 5, picker.modelIds.join(', '));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await shown, undefined);
    assert.equal(api.modelPicker(), undefined);
    assert.equal(vscode.workspace.getConfiguration('llmCost').get('defaultModel'), before);
  });

  it('"Select model" persists the picked model', async () => {
    const api = await extensionApi();
    const before = vscode.workspace.getConfiguration('llmCost').inspect('defaultModel')?.globalValue;
    const shown = vscode.commands.executeCommand<string | undefined>('llmCost.selectModel');
    const picker = await waitFor('the model picker', () => api.modelPicker());
    const next = picker.modelIds[picker.modelIds.indexOf(picker.activeId ?? '') + 1];
    assert.ok(next, `a model after ${picker.activeId} in ${picker.modelIds.join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await waitFor(`${next} highlighted`, () => (api.modelPicker()?.activeId === next ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await shown, next);
    await waitFor(`${next} persisted`, () =>
      vscode.workspace.getConfiguration('llmCost').inspect<string>('defaultModel')?.globalValue === next ? true : undefined,
    );
    await vscode.workspace.getConfiguration('llmCost').update('defaultModel', before, vscode.ConfigurationTarget.Global);
  });

  it('"Clear xAI API key" without a key stored says so and reports that none was removed', async () => {
    await vscode.commands.executeCommand('llmCost.clearXaiApiKey'); // whatever an earlier test stored
    const shownSince = await watchNotifications();
    assert.equal(await vscode.commands.executeCommand<boolean>('llmCost.clearXaiApiKey'), false);
    assert.deepEqual(shownSince(), [{ severity: 'info', message: 'No xAI API key was stored.' }]);
  });
});
