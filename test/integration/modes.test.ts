import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, openWorkspaceFile, waitFor, suiteSettings } from './helpers';

function selectLine(editor: vscode.TextEditor, line: number): void {
  const range = editor.document.lineAt(line).range;
  editor.selection = new vscode.Selection(range.start, range.end);
}

function clearSelection(editor: vscode.TextEditor): void {
  editor.selection = new vscode.Selection(0, 0, 0, 0);
}

/** Waits until the extension is idle and the status bar's visibility is `visible`; returns the snapshot. */
async function statusWhen(
  visible: boolean,
  extra: (s: ReturnType<Awaited<ReturnType<typeof extensionApi>>['status']>) => boolean = () => true,
) {
  const api = await extensionApi();
  return waitFor(`status bar ${visible ? 'shown' : 'hidden'}`, async () => {
    await api.idle();
    const s = api.status();
    return s.visible === visible && extra(s) ? s : undefined;
  });
}

describe('status bar modes', () => {
  const settings = suiteSettings({ defaultModel: 'deepseek-flash' }, { closeEditors: 'before' });

  it('"selection" hides the item without a selection and shows it with one', async () => {
    await settings.set('statusBar.mode', 'selection');
    const editor = await openWorkspaceFile('prompt.md');
    clearSelection(editor);
    await statusWhen(false);
    selectLine(editor, 2);
    const shown = await statusWhen(true, (s) => s.tokens !== undefined);
    assert.ok(shown.tokens! > 0);
    clearSelection(editor);
    await statusWhen(false);
  });

  it('"afterCommand" shows the item only after "Estimate LLM cost", for that document', async () => {
    await settings.set('statusBar.mode', 'afterCommand');
    const editor = await openWorkspaceFile('prompt.md');
    selectLine(editor, 2);
    await statusWhen(false);
    const outcome = await vscode.commands.executeCommand<{ tokens: number }>('llmCost.estimate');
    const shown = await statusWhen(true, (s) => s.tokens === outcome?.tokens);
    assert.ok(shown.tokens! > 0);
    await openWorkspaceFile('chat.json');
    await statusWhen(false);
  });

  it('"always" shows the whole document without a selection, and the selection with one', async () => {
    await settings.set('statusBar.mode', 'always');
    const editor = await openWorkspaceFile('prompt.md');
    clearSelection(editor);
    const whole = await statusWhen(true, (s) => s.tokens !== undefined);
    selectLine(editor, 2);
    const part = await statusWhen(true, (s) => s.tokens !== undefined && s.tokens !== whole.tokens);
    assert.ok(part.tokens! < whole.tokens!, `selection ${part.tokens} < document ${whole.tokens}`);
  });
});
