/**
 * The module VS Code loads (dist/extension.js): runs the host bundle (dist/host.js) from V8's code cache, so every
 * start after the first skips parsing it, then stores the cache once start-up work is done, in idle time.
 */
import type * as vscode from 'vscode';
import path from 'node:path';
import type { LlmCostApi } from './api';
import { loadWithCodeCache } from './codeCache';
import type * as host from './extension';

/** Long enough for the first figure, whose functions the cache then holds as well; short enough to beat a quick reload. */
const STORE_DELAY_MS = 3_000;

/** Entry point called by VS Code; the test API gains the code cache's state. */
export function activate(context: vscode.ExtensionContext): LlmCostApi | undefined {
  const cacheDir = path.join(context.globalStorageUri.fsPath, 'code-cache');
  const loaded = loadWithCodeCache<typeof host>(path.join(__dirname, 'host.js'), cacheDir);
  const api = loaded.exports.activate(context);
  const timer = setTimeout(() => void loaded.store(), STORE_DELAY_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  return api && { ...api, codeCache: () => ({ use: loaded.cache, dir: cacheDir, store: loaded.store }) };
}

/** Nothing to do: the host disposes everything through context.subscriptions. */
export function deactivate(): void {}
