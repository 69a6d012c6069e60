import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { countDocument } from '../../src/core/prompt/document';
import { extensionApi, openWorkspaceFile, waitFor, watchNotifications, suiteSettings } from './helpers';

const MODEL = 'deepseek-flash';

async function openUntitled(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ content, language: 'plaintext' });
  return vscode.window.showTextDocument(doc);
}

/** Runs "Estimate LLM cost" on a document that must be refused, and checks the refusal changed nothing. */
async function refused(editor: vscode.TextEditor, message: RegExp): Promise<void> {
  const api = await extensionApi();
  const document = editor.document;
  const before = { version: document.version, text: document.getText(), dirty: document.isDirty };
  const shown = await watchNotifications();
  const outcome = await vscode.commands.executeCommand('llmCost.estimate');
  assert.equal(outcome, undefined, 'nothing was estimated');
  const error = shown().find((m) => m.severity === 'error');
  assert.ok(error, `an error message was shown: ${JSON.stringify(shown())}`);
  assert.match(error.message, message);
  const status = await waitFor('the status bar shows the problem', async () => {
    await api.idle();
    const s = api.status();
    return s.visible && s.text.includes('LLM Cost') ? s : undefined;
  });
  assert.equal(status.tokens, undefined, `no count is shown: ${status.text}`);
  assert.doesNotMatch(status.text, /tok/);
  assert.match(status.tooltip, message);
  assert.deepEqual({ version: document.version, text: document.getText(), dirty: document.isDirty }, before, 'the document is unchanged');
}

describe('robustness', () => {
  const settings = suiteSettings({ defaultModel: MODEL, 'statusBar.mode': 'always' }, { closeEditors: 'both' });

  it('a binary-looking document (NUL bytes) gets a clear message, no count, and is not changed', async () => {
    const editor = await openUntitled(`PK\u0003\u0004\u0000\u0000header\u0000${'x'.repeat(200)}`);
    await refused(editor, /binary|NUL/);
  });

  it('a document over llmCost.maxFileSizeMB gets a clear message, no count, and is not changed', async () => {
    await settings.set('maxFileSizeMB', 0.01);
    const editor = await openUntitled('lorem ipsum '.repeat(2000));
    await refused(editor, /maxFileSizeMB/);
  });

  it('the size message keeps a file name as it is written (no "Big-lower.txt")', async () => {
    await settings.set('maxFileSizeMB', 0.01);
    const editor = await openWorkspaceFile('big-lower.txt');
    await refused(editor, /Not counted: big-lower\.txt\b.*maxFileSizeMB/);
  });

  it('a malformed .jsonl with the fallback off: the message names the bad line', async () => {
    await settings.set('promptFiles.plainTextFallback', false);
    const editor = await openWorkspaceFile('bad.jsonl');
    const version = editor.document.version;
    const shown = await watchNotifications();
    const outcome = await vscode.commands.executeCommand('llmCost.estimate');
    assert.equal(outcome, undefined);
    const error = shown().find((m) => m.severity === 'error');
    assert.ok(error, JSON.stringify(shown()));
    assert.match(error.message, /bad\.jsonl:2\b/);
    assert.equal(editor.document.version, version);
    assert.equal(editor.document.isDirty, false);
  });

  it('a malformed .jsonl with llmCost.promptFiles.plainTextFallback on is counted as plain text', async () => {
    await settings.set('promptFiles.plainTextFallback', true);
    const api = await extensionApi();
    const editor = await openWorkspaceFile('bad.jsonl');
    const model = findModel(defaultCatalog(), MODEL);
    assert.ok(model);
    const fileName = editor.document.fileName;
    const expected = countDocument(editor.document.getText(), fileName, model, { plainTextFallback: true });
    assert.ok(expected.fallback, 'the core falls back for this file');
    const plain = countDocument(editor.document.getText(), undefined, model);
    assert.equal(expected.tokens, plain.tokens, 'the fallback is the plain-text count');
    const outcome = await vscode.commands.executeCommand<{ tokens: number }>('llmCost.estimate');
    assert.equal(outcome?.tokens, expected.tokens);
    const status = await waitFor('status with the fallback count', async () => {
      await api.idle();
      return api.status().tokens === expected.tokens ? api.status() : undefined;
    });
    assert.match(status.tooltip, /Counted as plain text/);
    assert.match(status.tooltip, /bad\.jsonl:2/);
  });
});
