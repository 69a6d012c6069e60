import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, openWorkspaceFile, waitFor, suiteSettings } from './helpers';

const section = () => vscode.workspace.getConfiguration('llmCost');

/** Runs "Select model" for `id`, waits for its confirmation list, then does `answer` there. */
async function selectWith(id: string, answer: () => Thenable<unknown>): Promise<unknown> {
  const shown = vscode.commands.executeCommand('llmCost.selectModel', id);
  await new Promise((r) => setTimeout(r, 1500));
  await answer();
  return shown;
}

describe('choosing a retired model as the default', () => {
  const settings = suiteSettings({ defaultModel: 'deepseek-flash' });

  it('asks first: dismissing the question keeps the current model', async () => {
    const result = await selectWith('deepseek-chat', () => vscode.commands.executeCommand('workbench.action.closeQuickOpen'));
    assert.equal(result, undefined);
    assert.equal(section().get('defaultModel'), 'deepseek-flash');
  });

  it('sets it once confirmed, and the status bar prices it', async () => {
    const result = await selectWith('deepseek-chat', () => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'));
    assert.equal(result, 'deepseek-chat');
    assert.equal(section().inspect('defaultModel')?.globalValue, 'deepseek-chat');
    const editor = await openWorkspaceFile('prompt.md');
    const line = editor.document.lineAt(2).range;
    editor.selection = new vscode.Selection(line.start, line.end);
    await vscode.commands.executeCommand('llmCost.estimate');
    const api = await extensionApi();
    const status = await waitFor('the status bar on deepseek-chat', async () => {
      await api.idle();
      const s = api.status();
      return s.modelId === 'deepseek-chat' ? s : undefined;
    });
    assert.match(status.text, /tok · \S*\d/, `priced with its last published prices: ${status.text}`);
  });

  it('offers the replacement as the second answer', async () => {
    await settings.set('defaultModel', 'grok-4.7');
    const result = await selectWith('deepseek-chat', async () => {
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    });
    assert.equal(result, 'deepseek-flash', 'deepseek-chat was replaced by deepseek-flash');
    assert.equal(section().get('defaultModel'), 'deepseek-flash');
  });

  it('refuses an id that names no model, with one message, and changes nothing', async () => {
    const api = await extensionApi();
    const before = api.notifications().length;
    const result = await vscode.commands.executeCommand('llmCost.selectModel', 'no-such-model');
    assert.equal(result, undefined);
    const shown = await waitFor('a message', () =>
      api
        .notifications()
        .slice(before)
        .find((n) => /no-such-model/.test(n.message)),
    );
    assert.equal(shown.severity, 'error');
    assert.equal(section().get('defaultModel'), 'deepseek-flash');
  });

  it('sets a current model without asking', async () => {
    const result = await vscode.commands.executeCommand('llmCost.selectModel', 'grok-4.7');
    assert.equal(result, 'grok-4.7');
    assert.equal(section().get('defaultModel'), 'grok-4.7');
  });
});
