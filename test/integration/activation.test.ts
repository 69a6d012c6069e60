import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi } from './helpers';

describe('activation', () => {
  it('activates on startup and exposes the test API', async () => {
    const api = await extensionApi();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    for (const fn of ['status', 'idle', 'panelState', 'panelRenderedRows', 'configProblems', 'notifications'] as const)
      assert.equal(typeof api[fn], 'function', fn);
  });

  it('registers every contributed command', async () => {
    await extensionApi();
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command } of pkg.contributes.commands) assert.ok(registered.has(command), `${command} not registered`);
    assert.ok(pkg.contributes.commands.some((c) => c.command === 'llmCost.estimate'));
  });

  it('runs the host bundle through a V8 code cache it stores in its global storage', async () => {
    const cache = (await extensionApi()).codeCache?.();
    assert.ok(cache, 'the entry module added no codeCache() to the test API');
    assert.ok(['none', 'used', 'rejected'].includes(cache.use), cache.use);
    const stored = await cache.store();
    assert.equal(stored, cache.use !== 'used', `store() after a start that found the cache ${cache.use}`);
    const files = readdirSync(cache.dir);
    assert.equal(files.filter((f) => /^host-[0-9a-f]{20}\.cache$/.test(f)).length, 1, files.join(', '));
  });
});
