import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { countDocument } from '../../src/core/prompt/document';
import { extensionApi, waitFor, suiteSettings } from './helpers';

const MODEL = 'deepseek-flash';

function coreTokens(text: string): number {
  const model = findModel(defaultCatalog(), MODEL);
  assert.ok(model);
  return countDocument(text, undefined, model).tokens;
}

async function statusShows(tokens: number, what: string): Promise<void> {
  const api = await extensionApi();
  await waitFor(`status bar shows ${tokens} tokens (${what})`, async () => {
    await api.idle();
    return api.status().tokens === tokens ? true : undefined;
  });
}

describe('live readout while typing (the worker mirrors the document from its edits)', () => {
  suiteSettings({ defaultModel: MODEL, 'statusBar.mode': 'always' }, { once: true, closeEditors: 'after' });

  it('stays exact through multi-cursor edits without sending the text again, and a long selection reuses it', async () => {
    const api = await extensionApi();
    const lines = Array.from({ length: 4000 }, (_, i) => `Line ${i}: 12 345 tokens, café 東京 🙂 <|end|> and some words.`);
    const document = await vscode.workspace.openTextDocument({ content: lines.join('\n'), language: 'plaintext' });
    const editor = await vscode.window.showTextDocument(document);
    await statusShows(coreTokens(document.getText()), 'opened');
    const sent = api.documentTextsSent();
    const pieces = [' ', '\n', '2026', '東京', '🙂', '<|end|>', 'word'];
    for (let round = 0; round < 6; round++) {
      await editor.edit((edit) => {
        for (let c = 0; c < 3; c++) {
          const line = (round * 977 + c * 1301) % (document.lineCount - 1);
          edit.insert(new vscode.Position(line, (round + c) % 10), pieces[(round + c) % pieces.length]);
        }
        const line = (round * 313 + 50) % (document.lineCount - 1);
        edit.delete(new vscode.Range(line, 2, line + 1, 5));
      });
      await statusShows(coreTokens(document.getText()), `after edit ${round + 1}`);
    }
    assert.equal(api.documentTextsSent(), sent, 'typing sent edits, never the whole text again');
    const selection = new vscode.Selection(new vscode.Position(100, 3), new vscode.Position(900, 7));
    editor.selection = selection;
    await statusShows(coreTokens(document.getText(selection)), 'a long selection');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
