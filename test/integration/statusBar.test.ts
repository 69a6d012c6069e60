import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { countDocument } from '../../src/core/prompt/document';
import { extensionApi, openWorkspaceFile, waitFor, watchNotifications, suiteSettings } from './helpers';

/** The core's count of a text for a model: what the status bar must agree with. */
function coreCount(text: string, modelId: string): { tokens: number; exact: boolean } {
  const model = findModel(defaultCatalog(), modelId);
  assert.ok(model, modelId);
  return countDocument(text, undefined, model);
}

function lineSelection(doc: vscode.TextDocument, line: number): vscode.Selection {
  const l = doc.lineAt(line);
  return new vscode.Selection(l.range.start, l.range.end);
}

/** Runs the command and waits until the status bar shows a result for `tokens`. */
async function estimateShows(tokens: number): Promise<ReturnType<Awaited<ReturnType<typeof extensionApi>>['status']>> {
  const api = await extensionApi();
  await vscode.commands.executeCommand('llmCost.estimate');
  await api.idle();
  return waitFor(`status bar with ${tokens} tokens`, () => {
    const s = api.status();
    return s.tokens === tokens ? s : undefined;
  });
}

describe('status bar', () => {
  const settings = suiteSettings();

  it('shows the token count and cost of one selection with the chosen model', async () => {
    await settings.set('defaultModel', 'deepseek-flash');
    const editor = await openWorkspaceFile('prompt.md');
    editor.selection = lineSelection(editor.document, 2);
    const expected = coreCount(editor.document.getText(editor.selection), 'deepseek-flash');
    const status = await estimateShows(expected.tokens);
    assert.equal(status.modelId, 'deepseek-flash');
    assert.equal(status.exact, expected.exact);
    assert.equal(status.visible, true);
    assert.match(status.text, new RegExp(`^${expected.exact ? '' : '≈'}${expected.tokens.toLocaleString('en-US')} tok · \\$\\d`));
    assert.match(status.tooltip, /cache/i);
    assert.match(status.tooltip, /total/i);
  });

  it('sums several selections', async () => {
    await settings.set('defaultModel', 'deepseek-flash');
    const editor = await openWorkspaceFile('prompt.md');
    const doc = editor.document;
    editor.selections = [lineSelection(doc, 2), lineSelection(doc, 4), lineSelection(doc, 6)];
    const expected = [2, 4, 6].reduce((sum, l) => sum + coreCount(doc.lineAt(l).text, 'deepseek-flash').tokens, 0);
    const status = await estimateShows(expected);
    assert.equal(status.tokens, expected);
  });

  it('follows a settings change without a reload (model and currency)', async () => {
    const editor = await openWorkspaceFile('prompt.md');
    editor.selection = lineSelection(editor.document, 2);
    const text = editor.document.getText(editor.selection);
    await settings.set('defaultModel', 'mistral-large-2512');
    await settings.set('currency', 'EUR');
    const expected = coreCount(text, 'mistral-large-2512');
    const status = await estimateShows(expected.tokens);
    assert.equal(status.modelId, 'mistral-large-2512');
    assert.match(status.text, /€/);
  });

  it('reports an invalid price override once and never prices it as free', async () => {
    const api = await extensionApi();
    const shownSince = await watchNotifications();
    await settings.set('defaultModel', 'deepseek-flash');
    await settings.set('priceOverrides', [{ model: 'deepseek-flash', input: -1, cacheHit: 0, output: 1 }]);
    const problem = await waitFor('a config problem about the override', () =>
      api.configProblems().find((p) => /deepseek-flash/.test(p) && /input|negative/i.test(p)),
    );
    assert.ok(problem);
    const editor = await openWorkspaceFile('prompt.md');
    editor.selection = lineSelection(editor.document, 2);
    const expected = coreCount(editor.document.getText(editor.selection), 'deepseek-flash');
    const status = await estimateShows(expected.tokens);
    const cost = /· \$(\d+(?:\.\d+)?)/.exec(status.text);
    assert.ok(cost, status.text);
    assert.ok(Number(cost[1]) > 0, `a bad override must not make the model free: ${status.text}`);
    // Another settings change rebuilds the configuration with the same problem: it must not be reported again.
    await settings.set('currency', 'EUR');
    await api.idle();
    const reports = shownSince().filter((m) => m.message.includes(problem));
    assert.equal(reports.length, 1, JSON.stringify(reports));
  });
});
