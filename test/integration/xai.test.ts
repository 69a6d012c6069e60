import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { countDocument } from '../../src/core/prompt/document';
import { closeAllEditors, extensionApi, openWorkspaceFile, waitFor, watchNotifications, withSetting } from './helpers';

const MODEL = 'grok-4.7';
const KEY = 'xai-test-key-0123456789';

interface Seen {
  readonly authorization: string | undefined;
  readonly model: unknown;
  readonly text: unknown;
}

/** The stand-in's count: deliberately unlike any tokenizer, so an exact result can only have come from it. */
const standInTokens = (text: string): number => 7 + 2 * [...text].length;

/** A local server answering POST /v1/tokenize-text like xAI's: token ids for a valid key, 401 otherwise. */
function standIn(): { server: http.Server; seen: Seen[]; setUnauthorized(on: boolean): void } {
  const seen: Seen[] = [];
  let unauthorized = false;
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/tokenize-text') {
        res.writeHead(404).end();
        return;
      }
      const parsed = JSON.parse(body) as { model?: unknown; text?: unknown };
      seen.push({ authorization: req.headers.authorization, model: parsed.model, text: parsed.text });
      if (unauthorized || req.headers.authorization !== `Bearer ${KEY}` || typeof parsed.text !== 'string') {
        res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'Incorrect API key provided' }));
        return;
      }
      const ids = Array.from({ length: standInTokens(parsed.text) }, (_, i) => 1000 + i);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token_ids: ids }));
    });
  });
  return {
    server,
    seen,
    setUnauthorized: (on) => {
      unauthorized = on;
    },
  };
}

function selectLine(editor: vscode.TextEditor, line: number): string {
  const range = editor.document.lineAt(line).range;
  editor.selection = new vscode.Selection(range.start, range.end);
  return editor.document.getText(range);
}

/** The offline count of `text` for the model: the estimate to fall back to, and the template tokens it includes. */
function offline(text: string): { tokens: number; templateTokens: number } {
  const model = findModel(defaultCatalog(), MODEL);
  assert.ok(model, MODEL);
  return countDocument(text, undefined, model);
}

interface Outcome {
  readonly tokens: number;
  readonly exact: boolean;
  readonly text: string;
}

describe('exact Grok counts (xAI tokenize-text, local stand-in)', () => {
  const stand = standIn();
  const restore: (() => Thenable<unknown>)[] = [];

  before(async () => {
    await new Promise<void>((resolve) => stand.server.listen(0, '127.0.0.1', resolve));
    const { port } = stand.server.address() as AddressInfo;
    restore.push(await withSetting('xai.baseUrl', `http://127.0.0.1:${port}`));
    restore.push(await withSetting('defaultModel', MODEL));
    restore.push(await withSetting('statusBar.mode', 'always'));
    restore.push(() => vscode.commands.executeCommand('llmCost.clearXaiApiKey'));
    assert.equal(await vscode.commands.executeCommand('llmCost.setXaiApiKey', KEY), true);
  });

  after(async () => {
    while (restore.length) await restore.pop()!();
    await new Promise<void>((resolve) => stand.server.close(() => resolve()));
    await closeAllEditors();
  });

  it('"Set xAI API key" refuses a malformed key given as an argument, with a message, and keeps the stored one', async () => {
    const shown = await watchNotifications();
    assert.equal(await vscode.commands.executeCommand('llmCost.setXaiApiKey', 'two words'), false);
    assert.equal(await vscode.commands.executeCommand('llmCost.setXaiApiKey', 42), false);
    assert.equal(shown().filter((m) => m.severity === 'error' && /not stored/.test(m.message)).length, 2);
  });

  it("opted in: the status shows the stand-in's count as exact, and the server saw the selection with the key", async () => {
    const api = await extensionApi();
    const off = await withSetting('xai.exactCounts', true);
    try {
      const editor = await openWorkspaceFile('prompt.md');
      const text = selectLine(editor, 2);
      const expected = standInTokens(text) + offline(text).templateTokens;
      const outcome = await vscode.commands.executeCommand<Outcome>('llmCost.estimate');
      assert.equal(outcome?.tokens, expected);
      assert.equal(outcome?.exact, true);
      await api.idle();
      const status = await waitFor('exact status', () => (api.status().tokens === expected ? api.status() : undefined));
      assert.equal(status.exact, true);
      assert.ok(!status.text.includes('≈'), status.text);
      assert.ok(status.text.startsWith(expected.toLocaleString('en-US')), status.text);
      const request = stand.seen.find((s) => s.text === text);
      assert.ok(request, `the stand-in saw the selection (saw ${stand.seen.length} requests)`);
      assert.equal(request.authorization, `Bearer ${KEY}`);
      assert.equal(request.model, MODEL);
    } finally {
      await off();
    }
  });

  it('a 401 answer warns once and falls back to the estimate (≈)', async () => {
    const api = await extensionApi();
    const off = await withSetting('xai.exactCounts', true);
    stand.setUnauthorized(true);
    try {
      const shown = await watchNotifications();
      const editor = await openWorkspaceFile('prompt.md');
      const text = selectLine(editor, 4);
      const estimate = offline(text).tokens;
      for (let run = 0; run < 2; run++) {
        const outcome = await vscode.commands.executeCommand<Outcome>('llmCost.estimate');
        assert.equal(outcome?.exact, false);
        assert.equal(outcome?.tokens, estimate);
      }
      await api.idle();
      const status = await waitFor('estimated status', () => (api.status().tokens === estimate ? api.status() : undefined));
      assert.equal(status.exact, false);
      assert.ok(status.text.startsWith('≈'), status.text);
      assert.ok(
        stand.seen.some((s) => s.text === text),
        'the stand-in was asked and refused',
      );
      const warnings = shown().filter((m) => m.severity === 'warning' && /unauthori[sz]ed/i.test(m.message));
      assert.equal(warnings.length, 1, JSON.stringify(shown()));
    } finally {
      stand.setUnauthorized(false);
      await off();
    }
  });

  it('not opted in: nothing is sent, even with a key stored', async () => {
    const api = await extensionApi();
    assert.notEqual(vscode.workspace.getConfiguration('llmCost').get('xai.exactCounts'), true);
    await api.idle();
    const before = stand.seen.length;
    const editor = await openWorkspaceFile('prompt.md');
    const text = selectLine(editor, 6);
    const outcome = await vscode.commands.executeCommand<Outcome>('llmCost.estimate');
    assert.equal(outcome?.exact, false);
    assert.equal(outcome?.tokens, offline(text).tokens);
    await vscode.commands.executeCommand('llmCost.openComparison');
    await waitFor(
      'panel rows',
      () => (api.panelState()?.rows.some((r) => r.modelId === MODEL) && !api.panelState()?.busy ? true : undefined),
      60000,
    );
    await api.idle();
    assert.equal(stand.seen.length, before, 'no request reached the stand-in');
  });
});
