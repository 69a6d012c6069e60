import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { formatMoney } from '../../src/core/format/money';
import { countDocument } from '../../src/core/prompt/document';
import { DEFAULT_SETTINGS } from '../../src/core/config/settings';
import { priceCount } from '../../src/core/view/statusText';
import { EXTENSION_ID, extensionApi, openWorkspaceFile, waitFor, suiteSettings } from './helpers';

const OUR_COMMAND = 'llmCost.openComparison';

/** Our lenses on the document, once the provider has answered with at least `atLeast` of them. */
async function lensesOf(uri: vscode.Uri, atLeast = 1): Promise<vscode.CodeLens[]> {
  return waitFor(`${atLeast} lens(es) on ${path.basename(uri.fsPath)}`, async () => {
    const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const ours = all.filter((l) => l.command?.command === OUR_COMMAND);
    return ours.length >= atLeast ? ours : undefined;
  });
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** `llm-cost count --json` of the bundled CLI, run with VS Code's own Node. */
function cliCount(file: string, model: string): { tokens: number; requests: number } {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const out = execFileSync(
    process.execPath,
    [path.join(extension.extensionPath, 'dist', 'cli.js'), 'count', '--json', '--model', model, file],
    {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      encoding: 'utf8',
    },
  );
  return JSON.parse(out) as { tokens: number; requests: number };
}

describe('prompt files: lenses, hover and the file’s own model', () => {
  const settings = suiteSettings({ defaultModel: 'deepseek-flash' }, { closeEditors: 'before' });

  it('a 3-request JSONL: 3 request lenses whose tokens add up to the CLI’s count, and the status bar names the batch', async () => {
    const editor = await openWorkspaceFile('batch.jsonl');
    const lenses = await lensesOf(editor.document.uri, 3 + 7);
    const requests = lenses.filter((l) => /^request \d/.test(l.command?.title ?? ''));
    assert.equal(requests.length, 3);
    assert.deepEqual(
      requests.map((l) => l.range.start.line),
      [0, 1, 2],
    );
    const tokens = requests.map((l) => Number(/ · ([\d,]+) tok/.exec(l.command!.title)![1].replace(/,/g, '')));
    const cli = cliCount(editor.document.fileName, 'deepseek-flash');
    assert.equal(cli.requests, 3);
    assert.equal(
      tokens.reduce((a, b) => a + b, 0),
      cli.tokens,
    );
    const messages = lenses.filter((l) => /^(system|user|assistant) · /.test(l.command?.title ?? ''));
    assert.equal(messages.length, 7);
    const api = await extensionApi();
    const status = await waitFor('status bar for batch.jsonl', async () => {
      await api.idle();
      const s = api.status();
      return s.tokens === cli.tokens ? s : undefined;
    });
    assert.match(status.tooltip, /\n3 requests · batch total [\d,]+ tok · \$/);
  });

  it('a hover on a message line gives its breakdown; an edit updates the lenses', async () => {
    const editor = await openWorkspaceFile('chat.json');
    const uri = editor.document.uri;
    const before = await lensesOf(uri, 3);
    const hovers = await waitFor('a hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(3, 10));
      return hoverText(h).includes('message 2 of 2') ? h : undefined;
    });
    const text = hoverText(hovers);
    assert.match(text, /\*\*user\*\* · message 2 of 2, request 1/);
    assert.match(text, /Input, cache miss/);
    assert.match(text, /Share of its request: \d/);
    const userBefore = before.find((l) => l.command?.title.startsWith('user · '))!.command!.title;
    const line = editor.document.lineAt(3);
    const at = line.text.indexOf('How many');
    await editor.edit((e) => e.insert(new vscode.Position(3, at), 'Please count carefully, one by one. '));
    const after = await waitFor('the user lens to change', async () => {
      const now = await lensesOf(uri, 3);
      const user = now.find((l) => l.command?.title.startsWith('user · '))?.command?.title;
      return user && user !== userBefore ? now : undefined;
    });
    assert.equal(
      after.find((l) => l.command?.title.startsWith('system · '))?.command?.title,
      before.find((l) => l.command?.title.startsWith('system · '))?.command?.title,
      'the untouched message keeps its figure',
    );
  });

  it('a .prompt.yml naming mistral-large-2512: the status bar names and prices that model with its max_tokens', async () => {
    const editor = await openWorkspaceFile('release.prompt.yml');
    const api = await extensionApi();
    const status = await waitFor('status bar priced for mistral-large-2512', async () => {
      await api.idle();
      const s = api.status();
      return s.modelId === 'mistral-large-2512' ? s : undefined;
    });
    const catalog = defaultCatalog();
    const model = findModel(catalog, 'mistral-large-2512')!;
    const count = countDocument(editor.document.getText(), editor.document.fileName, model);
    assert.equal(status.tokens, count.tokens);
    assert.match(status.tooltip, /`mistral-large-2512` \(from the prompt file\)/);
    assert.match(status.tooltip, /\| Output \(projected at the request's own limit \(max_tokens\)\) \| 400 \|/);
    const expected = priceCount({ settings: DEFAULT_SETTINGS, catalog }, { label: '' }, model, count, new Date(), {
      declared: true,
      maxTokens: 400,
    });
    assert.ok(
      status.text.includes(formatMoney(expected.estimate.total, 'USD')),
      `${status.text} vs ${formatMoney(expected.estimate.total, 'USD')}`,
    );
    await lensesOf(editor.document.uri, 3);
    const hover = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      new vscode.Position(8, 4),
    );
    assert.match(hoverText(hover), /message 2 of 2/);
    assert.match(hoverText(hover), /mistral-large-2512, from the prompt file/);
  });

  it('the comparison panel shows the file’s model, bills it by default, and names the requests of a batch', async () => {
    const api = await extensionApi();
    const editor = await openWorkspaceFile('release.prompt.yml');
    await vscode.commands.executeCommand('llmCost.openComparison');
    const state = await waitFor('the panel names the prompt file’s model', async () => {
      await api.idle();
      const s = api.panelState();
      return s && s.subject.includes('its model: mistral-large-2512 (from the prompt file)') && !s.busy ? s : undefined;
    });
    assert.deepEqual(
      state.bill.models.filter((m) => m.picked).map((m) => m.modelId),
      ['mistral-large-2512'],
    );
    assert.ok(state.rows.some((r) => r.modelId === 'mistral-large-2512' && r.tokens > 0));
    // Beside the panel, which counts only while visible.
    const batch = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(editor.document.uri, '..', 'batch.jsonl'));
    await vscode.window.showTextDocument(batch, { viewColumn: vscode.ViewColumn.One });
    await waitFor('the panel names the batch', async () => {
      await api.idle();
      const s = api.panelState();
      return s && s.subject.includes('batch.jsonl') && s.subject.includes('· 3 requests · each row is the batch total') ? s : undefined;
    });
  });

  it('an unknown model name is noted in the tooltip with the closest ids, and the chosen model prices the file', async () => {
    await openWorkspaceFile('unknown-model.prompt.yml');
    const api = await extensionApi();
    const status = await waitFor('status bar with the unknown-model note', async () => {
      await api.idle();
      const s = api.status();
      return s.tooltip.includes('mistral-large-9999') ? s : undefined;
    });
    assert.equal(status.modelId, 'deepseek-flash');
    assert.match(status.tooltip, /not in the catalog \(closest: [^)]*mistral-large-/);
  });

  it('lenses and hovers disappear with llmCost.codeLens.enabled off and come back on', async () => {
    const editor = await openWorkspaceFile('batch.jsonl');
    const uri = editor.document.uri;
    await lensesOf(uri, 10);
    await settings.set('codeLens.enabled', false);
    await waitFor('no lenses', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return all.some((l) => l.command?.command === OUR_COMMAND) ? undefined : true;
    });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 5));
    assert.doesNotMatch(hoverText(hovers), /message 1 of/);
    await settings.set('codeLens.enabled', true);
    await lensesOf(uri, 10);
  });
});
