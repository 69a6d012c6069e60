// Issue 9 rows 5–7: a non-text editor keeps the last text editor's figure (status bar and panel); a fully selected prompt
// file is still counted as a prompt file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { countDocument } from '../../src/core/prompt/document';
import { extensionApi, openWorkspaceFile, waitFor, suiteSettings } from './helpers';

/** A 1×1 PNG: VS Code shows it in its image preview, an editor that is not text. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PROMPT_YML =
  'messages:\n  - role: system\n    content: You are terse.\n  - role: user\n    content: How many tokens does this prompt take?\n';

function coreTokens(text: string, fileName: string | undefined): number {
  const model = findModel(defaultCatalog(), 'deepseek-flash');
  assert.ok(model);
  return countDocument(text, fileName, model).tokens;
}

describe('editor focus and whole selections', () => {
  const settings = suiteSettings({}, { closeEditors: 'after' });

  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-cost-focus-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the last text editor’s figure in the status bar and the panel while an image or the Settings UI is focused', async () => {
    await settings.set('statusBar.mode', 'always');
    await settings.set('defaultModel', 'deepseek-flash');
    const api = await extensionApi();
    const editor = await openWorkspaceFile('prompt.md');
    const expected = coreTokens(editor.document.getText(), undefined);
    await api.idle();
    await waitFor('the status bar count of prompt.md', () => (api.status().tokens === expected ? true : undefined));
    await vscode.commands.executeCommand('llmCost.openComparison');
    await waitFor('panel rows', () => (api.panelState()?.rows.some((r) => r.tokens === expected) ? true : undefined), 60000);

    const image = path.join(dir, 'pixel.png');
    fs.writeFileSync(image, PNG);
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(image), { viewColumn: vscode.ViewColumn.One });
    await waitFor('image tab active', () => (vscode.window.tabGroups.activeTabGroup.activeTab?.label === 'pixel.png' ? true : undefined));
    for (const what of ['image preview', 'Settings UI']) {
      if (what === 'Settings UI') await vscode.commands.executeCommand('workbench.action.openSettings2');
      await new Promise((r) => setTimeout(r, 300));
      await api.idle();
      const status = api.status();
      assert.equal(status.tokens, expected, `${what}: the status bar shows ${JSON.stringify(status.text)}`);
      assert.doesNotMatch(status.text, /warning|LLM Cost$/);
      const state = api.panelState();
      assert.ok(
        state?.rows.some((r) => r.tokens === expected),
        `${what}: the panel lost its rows (${state?.subject})`,
      );
    }
  });

  it('counts a fully selected .prompt.yml as a prompt file, as with no selection', async () => {
    await settings.set('statusBar.mode', 'always');
    await settings.set('defaultModel', 'deepseek-flash');
    const api = await extensionApi();
    const file = path.join(dir, 'ask.prompt.yml');
    fs.writeFileSync(file, PROMPT_YML);
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
    const asPrompt = coreTokens(PROMPT_YML, file);
    assert.notEqual(asPrompt, coreTokens(PROMPT_YML, undefined), 'the prompt-file count differs from plain text');
    await api.idle();
    await waitFor('the prompt-file count with no selection', () => (api.status().tokens === asPrompt ? true : undefined));
    await vscode.commands.executeCommand('editor.action.selectAll');
    assert.equal(editor.document.getText(editor.selection), PROMPT_YML, 'everything is selected');
    await api.idle();
    assert.equal(api.status().tokens, asPrompt, `Ctrl+A shows ${api.status().text}`);
  });
});
