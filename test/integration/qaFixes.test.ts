import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionApi, openWorkspaceFile, waitFor, watchNotifications, suiteSettings } from './helpers';

describe('QA fixes', () => {
  const settings = suiteSettings({}, { closeEditors: 'after' });

  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("a binary file in the active tab is not priced as another group's document", async () => {
    await settings.set('statusBar.mode', 'always');
    const api = await extensionApi();
    await openWorkspaceFile('prompt.md');
    await api.idle();
    await waitFor('status bar count for prompt.md', () => api.status().tokens);

    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-cost-qa-'));
    const binary = path.join(dir, 'blob.bin');
    fs.writeFileSync(binary, Buffer.from([0, 1, 2, 0, 255, 0, 0, 7, 0]));
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(binary), { viewColumn: vscode.ViewColumn.Beside });
    await waitFor('binary tab active', () => (vscode.window.tabGroups.activeTabGroup.activeTab?.label === 'blob.bin' ? true : undefined));
    assert.notEqual(vscode.window.activeTextEditor?.document.uri.fsPath, binary, 'VS Code opened the binary file as text');

    const shown = await watchNotifications();
    const outcome = await vscode.commands.executeCommand('llmCost.estimate');
    await api.idle();
    assert.equal(outcome, undefined);
    const message = await waitFor('a notification', () => shown().at(-1));
    assert.equal(message.severity, 'error');
    assert.match(message.message, /blob\.bin is not open as text \(binary or too large for the editor\): nothing was counted/);
    const status = api.status();
    assert.equal(status.tokens, undefined, `status bar still shows a count: ${status.text}`);
    assert.doesNotMatch(status.text, /tok/);
  });
});
