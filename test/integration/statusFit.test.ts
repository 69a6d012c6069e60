import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { countDocument } from '../../src/core/prompt/document';
import { extensionApi, openWorkspaceFile, waitFor, suiteSettings } from './helpers';

/** A custom model on DeepSeek's tokenizer whose window is `contextWindow` tokens. */
function tinyModel(contextWindow: number) {
  return [{ id: 'tiny-window', displayName: 'Tiny Window', tokenizer: 'deepseek-v3', contextWindow, input: 1, output: 2 }];
}

/** Line 2 of prompt.md selected; its count on DeepSeek's tokenizer (what the custom model counts). */
async function selectPromptLine(): Promise<number> {
  const editor = await openWorkspaceFile('prompt.md');
  const line = editor.document.lineAt(2).range;
  editor.selection = new vscode.Selection(line.start, line.end);
  const flash = findModel(defaultCatalog(), 'deepseek-flash');
  assert.ok(flash);
  return countDocument(editor.document.getText(editor.selection), undefined, flash).tokens;
}

/** The status item once it shows `tokens` on the tiny model. */
async function statusFor(tokens: number) {
  const api = await extensionApi();
  await vscode.commands.executeCommand('llmCost.estimate');
  return waitFor(`status bar with ${tokens} tokens on tiny-window`, async () => {
    await api.idle();
    const s = api.status();
    return s.modelId === 'tiny-window' && s.tokens === tokens ? s : undefined;
  });
}

describe('status bar and the context window', () => {
  const settings = suiteSettings();

  /** With no projected output, the window used is the prompt itself. */
  async function withWindow(window: (tokens: number) => number) {
    const tokens = await selectPromptLine();
    assert.ok(tokens > 10, `line 2 has ${tokens} tokens`);
    await settings.set('outputRatio', 0);
    await settings.set('customModels', tinyModel(window(tokens)));
    await settings.set('defaultModel', 'tiny-window');
    return statusFor(tokens);
  }

  it('turns to errorBackground and says so when the prompt does not fit', async () => {
    const status = await withWindow((tokens) => tokens - 1);
    assert.equal(status.background, 'error');
    assert.match(status.text, /does not fit/);
    assert.match(status.accessibilityLabel, /does not fit/);
  });

  it('turns to warningBackground from 90% of the window', async () => {
    const status = await withWindow((tokens) => Math.ceil(tokens / 0.95));
    assert.equal(status.background, 'warning');
    assert.match(status.text, /of window/);
  });

  it('keeps the normal background while the prompt fits with room', async () => {
    const status = await withWindow((tokens) => tokens * 4);
    assert.equal(status.background, undefined);
    assert.doesNotMatch(status.text, /fit|window/);
  });

  it('gives screen readers a plain sentence, not the tooltip Markdown', async () => {
    const status = await withWindow((tokens) => tokens * 4);
    const label = status.accessibilityLabel;
    assert.match(label, /^LLM Cost: /);
    assert.ok(label.includes('Tiny Window') && label.includes(`${status.tokens!.toLocaleString('en-US')} tokens`), label);
    assert.doesNotMatch(label, /[|*`]|\$\(/, `no table, emphasis or icon syntax: ${label}`);
    assert.ok(label.length < 300, `one sentence, not the tooltip: ${label}`);
  });

  it('marks the panel row of a model the prompt does not fit, saying by how much', async () => {
    const api = await extensionApi();
    const tokens = await selectPromptLine();
    await settings.set('outputRatio', 0);
    await settings.set('customModels', tinyModel(tokens - 3));
    await vscode.commands.executeCommand('llmCost.openComparison');
    const row = await waitFor('the tiny model counted in the panel', () =>
      api.panelState()?.rows.find((r) => r.modelId === 'tiny-window' && r.tokens === tokens && r.fit),
    );
    assert.equal(row.fit?.level, 'over');
    assert.match(row.fit?.note ?? '', /does not fit: 3 tokens over/);
    const roomy = api.panelState()!.rows.find((r) => r.modelId === 'deepseek-flash');
    assert.equal(roomy?.fit?.level, 'fits');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
