// Shared helpers for the integration suites: the extension's test API and editor setup.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LlmCostApi } from '../../src/host/api';

export const EXTENSION_ID = 'llm-cost-tools.llm-cost';

/** Activates the extension (if needed) and returns its test API. */
export async function extensionApi(): Promise<LlmCostApi> {
  const ext = vscode.extensions.getExtension<LlmCostApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in the test host`);
  return ext.isActive ? ext.exports : await ext.activate();
}

/** Opens a file of the test workspace in an editor. */
export async function openWorkspaceFile(name: string): Promise<vscode.TextEditor> {
  const root = process.env.LLM_COST_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(root, 'no test workspace');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, name)));
  return vscode.window.showTextDocument(doc);
}

/** Polls until `check` returns a value that is not undefined, or fails after `ms`. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 20000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sets a user setting for the duration of a test and returns a function that restores it. */
export async function withSetting(key: string, value: unknown): Promise<() => Thenable<void>> {
  const config = vscode.workspace.getConfiguration('llmCost');
  const before = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  return () => vscode.workspace.getConfiguration('llmCost').update(key, before, vscode.ConfigurationTarget.Global);
}

/** Closes every editor; untitled and changed documents are reverted first so no save prompt can block. */
export async function closeAllEditors(): Promise<void> {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (!tab.isDirty || !(tab.input instanceof vscode.TabInputText)) continue;
      await vscode.window.showTextDocument(tab.input.uri, { viewColumn: group.viewColumn, preview: false });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor('no open tabs', () => (vscode.window.tabGroups.all.every((g) => g.tabs.length === 0) ? true : undefined), 10000);
}

type Shown = ReturnType<LlmCostApi['notifications']>[number];

/** Records the messages the extension shows from now on; call the result to get them. */
export async function watchNotifications(): Promise<() => readonly Shown[]> {
  const api = await extensionApi();
  const before = new Set(api.notifications());
  return () => api.notifications().filter((m) => !before.has(m));
}

export interface SuiteSettings {
  /** Sets one more setting for the current test (or suite, with `once`); restored with the others. */
  set(key: string, value: unknown): Promise<void>;
}

/**
 * The settings a suite runs with: before each test (once, with `once`) closes the editors if asked and applies
 * `initial`; after it, restores every setting changed through it, latest first, and closes the editors if asked.
 */
export function suiteSettings(
  initial: Readonly<Record<string, unknown>> = {},
  options: { readonly once?: boolean; readonly closeEditors?: 'before' | 'after' | 'both' } = {},
): SuiteSettings {
  const restore: (() => Thenable<void>)[] = [];
  const close = options.closeEditors;
  const set = async (key: string, value: unknown) => {
    restore.push(await withSetting(key, value));
  };
  (options.once ? before : beforeEach)(async () => {
    if (close === 'before' || close === 'both') await closeAllEditors();
    for (const [key, value] of Object.entries(initial)) await set(key, value);
  });
  (options.once ? after : afterEach)(async () => {
    while (restore.length) await restore.pop()!();
    if (close === 'after' || close === 'both') await closeAllEditors();
  });
  return { set };
}
