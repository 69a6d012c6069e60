import * as assert from 'node:assert/strict';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { pickerContent } from '../../src/core/view/pickerRows';

const catalog = defaultCatalog();
const NOW = new Date('2026-11-20T12:00:00Z');

describe('model picker content (host quick pick, pure part)', () => {
  it('groups current models by provider in a fixed order, each once', () => {
    const { groups } = pickerContent(catalog, 'deepseek-flash', 'USD', false, NOW);
    assert.deepEqual(
      groups.map((g) => g.provider),
      ['deepseek', 'mistral', 'xai'],
    );
    const ids = groups.flatMap((g) => g.rows.map((r) => r.modelId));
    assert.equal(new Set(ids).size, ids.length);
    const current = catalog.models.filter((m) => m.status.kind === 'current').map((m) => m.id);
    assert.deepEqual([...ids].sort(), [...current].sort());
  });

  it('marks the chosen model and keeps it listed even when it is retired', () => {
    const retired = catalog.models.find((m) => m.status.kind === 'retired');
    assert.ok(retired, 'the catalog has a retired model');
    const { groups } = pickerContent(catalog, retired.id, 'USD', false, NOW);
    const rows = groups.flatMap((g) => g.rows);
    const row = rows.find((r) => r.modelId === retired.id);
    assert.ok(row);
    assert.ok(row.label.startsWith('$(check) '));
    assert.match(row.description, /retired \d{4}-\d{2}-\d{2}.* — last published price/);
    assert.equal(rows.filter((r) => r.label.startsWith('$(check)')).length, 1);
  });

  it('hides retired and legacy models unless asked, and says so', () => {
    const some = pickerContent(catalog, 'deepseek-flash', 'USD', false, NOW);
    const all = pickerContent(catalog, 'deepseek-flash', 'USD', true, NOW);
    assert.equal(some.hiddenModels, true);
    assert.equal(all.hiddenModels, false);
    assert.equal(all.groups.flatMap((g) => g.rows).length, catalog.models.length);
  });

  it('each line shows input, cached and output prices in the currency and the context window', () => {
    const usd = pickerContent(catalog, 'deepseek-flash', 'USD', false, NOW).groups.flatMap((g) => g.rows);
    for (const row of usd)
      assert.match(
        row.detail,
        /^in \$[\d.]+.* · (cached \$[\d.]+|no cache price).* · out \$[\d.]+.* · context (\d{1,3}(,\d{3})*|not given)$/,
        row.detail,
      );
    const grok = usd.find((r) => r.modelId === 'grok-4.7');
    assert.match(grok!.detail, / · context 500,000$/); // one context format on every surface (it read "500K" here, "256k" in the CLI)
    const eur = pickerContent(catalog, 'deepseek-flash', 'EUR', false, NOW).groups.flatMap((g) => g.rows);
    assert.ok(
      eur.every((r) => r.detail.includes('€')),
      'EUR prices',
    );
  });
});
