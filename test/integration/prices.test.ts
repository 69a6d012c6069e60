import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defaultCatalog, currentPeriod, findModel } from '../../src/core/catalog/catalog';
import { STALE_AFTER_DAYS } from '../../src/core/config/priceSettings';
import { daysSince } from '../../src/core/format/dates';
import { startPriceServer } from '../fixtures/prices/priceServer';
import type { PriceServer } from '../fixtures/prices/priceServer';
import { LITELLM } from '../fixtures/prices/sources';
import { closeAllEditors, extensionApi, openWorkspaceFile, waitFor, watchNotifications, withSetting } from './helpers';

const MODEL = 'grok-4.3';

describe('"Update prices" and "Revert to bundled prices" (LiteLLM file from a loopback server)', () => {
  let server: PriceServer;
  const restore: (() => Thenable<unknown>)[] = [];

  before(async () => {
    server = await startPriceServer({ '/litellm.json': LITELLM });
    restore.push(await withSetting('prices.litellmUrl', `${server.base}/litellm.json`));
    restore.push(await withSetting('defaultModel', MODEL));
    restore.push(await withSetting('statusBar.mode', 'always'));
  });
  after(async () => {
    await vscode.commands.executeCommand('llmCost.revertPrices');
    while (restore.length) await restore.pop()!();
    await server.close();
    await closeAllEditors();
  });

  const tooltip = async (has: RegExp): Promise<string> => {
    const api = await extensionApi();
    await api.idle();
    return waitFor(`a tooltip matching ${String(has)}`, () => (has.test(api.status().tooltip) ? api.status().tooltip : undefined));
  };

  it('contacts nothing unasked, then keeps the accepted prices with their source and fetch date', async () => {
    await openWorkspaceFile('prompt.md');
    const bundled = await tooltip(/verified 20/);
    assert.equal(server.seen.length, 0, 'no request while llmCost.prices.autoRefresh is off and the command has not run');
    const verified = currentPeriod(findModel(defaultCatalog(), MODEL)!, new Date())!.source.verified;
    assert.equal(/Prices last checked \d+ days ago/.test(bundled), daysSince(verified, new Date()) > STALE_AFTER_DAYS, bundled);

    const accepted = await vscode.commands.executeCommand<number>('llmCost.updatePrices', { source: 'litellm', acceptAll: true });
    assert.equal(accepted, 1, 'grok-4.3 input 1.25 → 1.5 is the one difference in the fixture');
    assert.deepEqual(
      server.seen.map((s) => s.split(' ').slice(0, 2).join(' ')),
      ['GET /litellm.json'],
    );
    const today = new Date().toISOString().slice(0, 10);
    const refreshed = await tooltip(new RegExp(`from litellm, fetched ${today}`));
    assert.doesNotMatch(refreshed, /Prices last checked/);

    assert.equal(await vscode.commands.executeCommand('llmCost.revertPrices'), true);
    await tooltip(/verified 20/);
  });

  it('a failing source (HTTP 500) shows one message and changes nothing', async () => {
    const off = await withSetting('prices.litellmUrl', `${server.base}/500`);
    try {
      const shown = await watchNotifications();
      assert.equal(await vscode.commands.executeCommand('llmCost.updatePrices', { source: 'litellm', acceptAll: true }), undefined);
      assert.ok(
        shown().some((m) => m.severity === 'error' && /answered 500; prices unchanged/.test(m.message)),
        JSON.stringify(shown()),
      );
      await tooltip(/verified 20/);
    } finally {
      await off();
    }
  });
});

describe('llmCost.prices.autoRefresh (LiteLLM file from a loopback server counting requests)', () => {
  let server: PriceServer;
  const restore: (() => Thenable<unknown>)[] = [];
  const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString();

  before(async () => {
    server = await startPriceServer({ '/litellm.json': LITELLM });
    restore.push(await withSetting('prices.source', 'litellm'));
    restore.push(await withSetting('prices.litellmUrl', `${server.base}/litellm.json`));
    restore.push(await withSetting('prices.autoRefresh', 'off'));
  });
  after(async () => {
    while (restore.length) await restore.pop()!();
    await (await extensionApi()).setPricesLastCheck(undefined);
    await vscode.commands.executeCommand('llmCost.revertPrices');
    await server.close();
  });

  it('off: the timer step makes no request, even when the last check is 60 days old', async () => {
    const api = await extensionApi();
    await api.setPricesLastCheck(daysAgo(60));
    await api.pricesAutoCheck();
    await api.pricesAutoCheck();
    assert.deepEqual(server.seen, [], 'no request while llmCost.prices.autoRefresh is off');
  });

  it('daily with a check 30 days old: one request, the changes offered for review and not applied', async () => {
    const api = await extensionApi();
    await api.setPricesLastCheck(daysAgo(30));
    const off = await withSetting('prices.autoRefresh', 'daily');
    try {
      await api.pricesAutoCheck();
      await waitFor('the automatic request', () => (server.seen.length ? true : undefined));
      await api.pricesAutoCheck();
      assert.deepEqual(
        server.seen.map((s) => s.split(' ').slice(0, 2).join(' ')),
        ['GET /litellm.json'],
        'exactly one request: the check just made is not due again for a day',
      );
      await waitFor('the review offer', () =>
        api.notifications().some((n) => n.severity === 'info' && /^LLM Cost: .*, 1 change[,.]/.test(n.message)) ? true : undefined,
      );
      const store = await vscode.commands.executeCommand<boolean>('llmCost.revertPrices');
      assert.equal(store, false, 'nothing was accepted without the user');
    } finally {
      await off();
    }
  });
});
