import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { contextFit } from '../../src/core/cost/contextFit';
import { estimate } from '../../src/core/cost/estimate';
import { formatTokens } from '../../src/core/format/tokens';
import { countDocument } from '../../src/core/prompt/document';
import type { EstimateOutcome } from '../../src/host/commands/estimate';
import { closeAllEditors, extensionApi } from './helpers';

const TOOL = 'llm-cost_estimate';

async function invoke(input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(TOOL, { input, toolInvocationToken: undefined });
  return result.content
    .filter((p): p is vscode.LanguageModelTextPart => p instanceof vscode.LanguageModelTextPart)
    .map((p) => p.value)
    .join('');
}

const modelLine = (report: string, id: string) => report.split('\n').find((l) => l.startsWith(`- ${id} (`)) ?? '';

describe('Language Model Tool llm-cost_estimate', () => {
  before(async () => {
    await extensionApi();
  });
  after(closeAllEditors);

  it('is contributed and registered with its input schema', () => {
    const tool = vscode.lm.tools.find((t) => t.name === TOOL);
    assert.ok(tool, `${TOOL} in ${vscode.lm.tools.map((t) => t.name).join(', ')}`);
    const schema = tool.inputSchema as { properties?: Record<string, unknown> };
    for (const key of ['text', 'file', 'models', 'outputRatio', 'outputTokens', 'cacheHitShare', 'currency'])
      assert.ok(schema.properties?.[key], key);
  });

  it('invokeTool gives the tokens and total of the Estimate command for the same text', async () => {
    const text = 'Explain, in two short paragraphs, why prompt caching lowers the cost of long system prompts.\n';
    const doc = await vscode.workspace.openTextDocument({ content: text });
    await vscode.window.showTextDocument(doc);
    const outcome = await vscode.commands.executeCommand<EstimateOutcome | undefined>('llmCost.estimate');
    assert.ok(outcome, 'the Estimate command returned a result');
    const line = modelLine(await invoke({ text, models: [outcome.modelId] }), outcome.modelId);
    assert.ok(line.includes(`${outcome.exact ? '' : '≈'}${formatTokens(outcome.tokens)} input tokens`), line);
    assert.ok(line.includes(`total ${outcome.total} (exact `), `${outcome.total} in ${line}`);
  });

  it('counts a workspace prompt file with its chat template and prices it exactly as the core does', async () => {
    const root = process.env.LLM_COST_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const catalog = defaultCatalog();
    const model = findModel(catalog, 'mistral-large-2512');
    assert.ok(model);
    const count = countDocument(readFileSync(path.join(root, 'chat.json'), 'utf8'), 'chat.json', model);
    assert.equal(count.format, 'chat-json');
    const e = estimate(catalog, {
      modelId: model.id,
      inputTokens: count.tokens,
      output: { tokens: 200 },
      cache: { hitRatio: 0 },
      currency: 'EUR',
    });
    const fit = contextFit(model, count.tokens, 200);
    const report = await invoke({
      file: 'chat.json',
      models: ['mistral-large-2512'],
      outputTokens: 200,
      currency: 'eur',
      cacheHitShare: 0,
    });
    const line = modelLine(report, model.id);
    assert.ok(line.includes(`${formatTokens(count.tokens)} input tokens`), line);
    assert.ok(line.includes(`(exact ${e.total.toDecimalString()})`), `${e.total.toDecimalString()} in ${line}`);
    assert.ok(line.includes(`${formatTokens(fit.usedTokens)} of ${formatTokens(fit.contextWindow)} context tokens`), line);
    assert.match(report, /prices in EUR/);
  });

  it('refuses bad input with a one-line reason', async () => {
    const cases: [object, RegExp][] = [
      [{}, /exactly one of "text" and "file"/],
      [{ text: 'hi', models: ['deepsek-flash'] }, /unknown model "deepsek-flash".*deepseek-flash/],
      [{ text: 'hi', cacheHitShare: 2 }, /cacheHitShare/],
      [{ file: '../outside.txt' }, /not inside the workspace/],
    ];
    for (const [input, message] of cases) {
      await assert.rejects(invoke(input), (err: Error) => {
        assert.match(err.message, message);
        return true;
      });
    }
  });
});
