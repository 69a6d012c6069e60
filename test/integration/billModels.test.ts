import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, openWorkspaceFile, waitFor, suiteSettings } from './helpers';

describe('usage bill models', () => {
  const settings = suiteSettings({}, { closeEditors: 'after' });

  it('bills the default model until others are picked, and follows a change of it', async () => {
    const api = await extensionApi();
    await settings.set('defaultModel', 'deepseek-flash');
    await openWorkspaceFile('prompt.md');
    await vscode.commands.executeCommand('llmCost.openComparison');
    const first = await waitFor('a bill for the default model', () => {
      const bill = api.panelState()?.bill;
      return bill?.rows.length === 1 ? bill : undefined;
    });
    assert.deepEqual(
      first.rows.map((r) => r.modelId),
      ['deepseek-flash'],
    );
    assert.equal(first.followsDefault, true);
    const offered = first.models.map((m) => m.modelId);
    for (const id of ['deepseek-chat', 'grok-4.7', 'ministral-3b-2512']) assert.ok(offered.includes(id), `${id} offered`);
    assert.match(first.models.find((m) => m.modelId === 'deepseek-chat')!.statusNote, /retired/);

    await settings.set('defaultModel', 'grok-4.7');
    const next = await waitFor('the bill to follow the default model', () => {
      const bill = api.panelState()?.bill;
      return bill?.rows[0]?.modelId === 'grok-4.7' ? bill : undefined;
    });
    assert.equal(next.rows.length, 1);
  });
});
