/** The Language Model Tool `llm-cost_estimate` (#llmCost): counts and prices text or a workspace file for agents. Local only. */
import * as vscode from '../vscodeApi';
import path from 'node:path';
import type { ModelEntry } from '../../core/catalog/types';
import { findModel, suggestModels } from '../../core/catalog/catalog';
import { contextFit } from '../../core/cost/contextFit';
import { estimate } from '../../core/cost/estimate';
import { formatTokens } from '../../core/format/tokens';
import { parseToolRequest, toolReport } from '../../core/view/toolReport';
import type { ToolRequest, ToolRow } from '../../core/view/toolReport';
import type { ConfigService } from '../config/configService';
import type { CountingService } from '../counting/countingService';
import type { Subject } from '../subject/subject';

export const ESTIMATE_TOOL = 'llm-cost_estimate';

export interface EstimateToolDeps {
  readonly config: ConfigService;
  readonly counting: CountingService;
}

/** Registers the tool; package.json's contributes.languageModelTools declares its name and input schema. */
export function registerEstimateTool(deps: EstimateToolDeps): vscode.Disposable {
  return vscode.lm.registerTool<unknown>(ESTIMATE_TOOL, {
    prepareInvocation(options) {
      const request = parseToolRequest(options.input);
      if (typeof request === 'string') return { invocationMessage: 'Checking the LLM cost estimate request' };
      const models = request.models.length ? request.models.join(', ') : deps.config.current().settings.defaultModel;
      const what = request.file !== undefined ? request.file : `${formatTokens(request.text?.length ?? 0)} characters of text`;
      return { invocationMessage: `Counting the tokens of ${what} for ${models} (locally, nothing is sent)` };
    },
    async invoke(options, token) {
      const request = parseToolRequest(options.input);
      if (typeof request === 'string') throw new Error(`llm-cost_estimate: ${request}`);
      const text = await estimateText(deps, request, token);
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
    },
  });
}

/** The report for a validated request; throws an Error with a one-line message for anything that cannot be counted. */
async function estimateText(deps: EstimateToolDeps, request: ToolRequest, token: vscode.CancellationToken): Promise<string> {
  const { catalog, settings } = deps.config.current();
  const ids = request.models.length ? request.models : [settings.defaultModel];
  const models = ids.map((id) => resolve(id, findModel(catalog, id), suggestModels(catalog, id, 3)));
  const subject =
    request.file !== undefined
      ? await fileSubject(request.file, settings.maxFileSizeMB)
      : textSubject(request.text ?? '', settings.maxFileSizeMB);
  const counts = await deps.counting.count(subject, ids, token, 'lmTool');
  const at = new Date();
  const output = request.output ?? { ratio: settings.outputRatio };
  const cache = { hitRatio: request.cacheHitShare ?? settings.cacheHitShare };
  const currency = request.currency ?? settings.currency;
  const rows: ToolRow[] = [];
  const failures: string[] = [];
  for (const [i, model] of models.entries()) {
    const count = counts.get(ids[i]);
    if (!count) {
      failures.push(`${model.id}: could not be counted`);
      continue;
    }
    try {
      const e = estimate(catalog, { modelId: model.id, inputTokens: count.tokens, at, output, cache, currency });
      rows.push({ model, count, estimate: e, fit: contextFit(model, count.tokens, e.output.tokens) });
    } catch (err) {
      failures.push(`${model.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (!rows.length) throw new Error(`llm-cost_estimate: nothing could be priced (${failures.join('; ')})`);
  return toolReport(rows, { label: subject.label, at, output, cache, failures });
}

function resolve(id: string, model: ModelEntry | undefined, near: readonly string[]): ModelEntry {
  if (model) return model;
  throw new Error(`llm-cost_estimate: unknown model "${id}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`);
}

function textSubject(text: string, maxFileSizeMB: number): Subject {
  if (Buffer.byteLength(text, 'utf8') > maxFileSizeMB * 1024 * 1024)
    throw new Error('llm-cost_estimate: the text is over the llmCost.maxFileSizeMB limit');
  return {
    parts: [text],
    length: text.length,
    label: `the given text (${formatTokens(text.length)} characters)`,
    selections: 0,
    key: `lmTool:${text.length}`,
  };
}

/** A file inside a workspace folder: the open editor's text when it has one (unsaved edits included), else the file. */
async function fileSubject(file: string, maxFileSizeMB: number): Promise<Subject> {
  const uri = workspaceUri(file);
  const label = vscode.workspace.asRelativePath(uri);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  let text: string;
  if (open) text = open.getText();
  else {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      throw new Error(`llm-cost_estimate: cannot read ${label}`);
    }
    if (bytes.length > maxFileSizeMB * 1024 * 1024) throw new Error(`llm-cost_estimate: ${label} is over the llmCost.maxFileSizeMB limit`);
    if (bytes.includes(0)) throw new Error(`llm-cost_estimate: ${label} looks like a binary file`);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new Error(`llm-cost_estimate: ${label} is not UTF-8 text`);
    }
  }
  return { parts: [text], length: text.length, fileName: uri.fsPath, label, selections: 0, key: `lmTool:${uri.toString()}` };
}

/** Resolves a path against the workspace folders; refuses anything outside them. */
function workspaceUri(file: string): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) throw new Error('llm-cost_estimate: no workspace folder is open; give "text" instead of "file"');
  const candidates = path.isAbsolute(file) ? [vscode.Uri.file(file)] : folders.map((f) => vscode.Uri.joinPath(f.uri, file));
  const inside = candidates.find((uri) =>
    folders.some((f) => {
      const rel = path.relative(f.uri.fsPath, uri.fsPath);
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    }),
  );
  if (!inside) throw new Error(`llm-cost_estimate: ${file} is not inside the workspace`);
  return inside;
}
