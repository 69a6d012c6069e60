import * as assert from 'node:assert/strict';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import type { Catalog, ModelEntry } from '../../src/core/catalog/types';
import { applyUserSettings } from '../../src/core/catalog/userSettings';
import { DEFAULT_SETTINGS } from '../../src/core/config/settings';
import type { Settings } from '../../src/core/config/settings';
import type { DocumentCount } from '../../src/core/prompt/documentCount';
import { billRows } from '../../src/core/view/billRows';
import { compareModels, toPanelRow } from '../../src/core/view/compareRows';
import { priceCount, statusText, tooltipMarkdown } from '../../src/core/view/statusText';

const bundled = defaultCatalog();
const OFF_PEAK = new Date('2026-11-27T12:00:00Z'); // a Friday, off-peak for DeepSeek

function count(tokens: number): DocumentCount {
  return {
    tokens,
    exact: true,
    tokenizer: 'deepseek-v3',
    label: 'DeepSeek V3 BPE',
    format: 'plain',
    requests: 1,
    messages: 0,
    templateTokens: 0,
    templateExact: true,
  } as DocumentCount;
}

function model(catalog: Catalog, id: string): ModelEntry {
  const m = findModel(catalog, id);
  assert.ok(m, id);
  return m;
}

function tip(catalog: Catalog, id: string, settings: Partial<Settings> = {}): string {
  const p = priceCount(
    { settings: { ...DEFAULT_SETTINGS, ...settings }, catalog },
    { label: 'prompt.md' },
    model(catalog, id),
    count(1_000),
    OFF_PEAK,
  );
  return tooltipMarkdown(p, OFF_PEAK);
}

describe('tooltip wording (issue 9 rows 8 and 12)', () => {
  it('prices from settings read "your settings", not the raw Markdown "[user setting](user setting)"', () => {
    const { catalog } = applyUserSettings(
      bundled,
      { priceOverrides: [{ model: 'deepseek-flash', input: 0.5, cacheHit: '0.01', output: 2 }] },
      new Date('2026-11-01T00:00:00Z'),
    );
    const text = tip(catalog, 'deepseek-flash');
    assert.doesNotMatch(text, /\[user setting\]/);
    assert.match(text, /^Prices: your settings \(llmCost\.priceOverrides\), verified /m);
    // The off-peak halving of an override is said plainly.
    assert.match(text, /^Your prices from settings are multiplied by 0\.5 now: the provider's off-peak discount applies to them\.$/m);
  });

  it('the exchange-rate note appears once', () => {
    const text = tip(bundled, 'mistral-large-2512', { currency: 'EUR' });
    assert.equal(text.match(/converted from USD/g)?.length, 1, text);
  });

  it('the DeepSeek holiday caveat is one line', () => {
    const caveat = tip(bundled, 'deepseek-flash')
      .split('\n')
      .filter((line) => /holiday/i.test(line));
    assert.equal(caveat.length, 1);
    assert.doesNotMatch(caveat[0], /Peak = Mon-Fri/);
  });

  it('the name and id are not two parenthesised groups ("Mistral Large 3 (25.12) (mistral-large-2512)")', () => {
    const first = tip(bundled, 'mistral-large-2512').split('\n')[0];
    assert.doesNotMatch(first, /\) \(`/);
    assert.match(first, /^\*\*.*\*\* · `mistral-large-2512` · prompt\.md$/);
  });

  it('notes meant for catalog maintainers never reach users', () => {
    for (const id of ['mistral-medium-2508', 'grok-2-1212']) {
      const text = tip(bundled, id);
      assert.doesNotMatch(text, /UNVERIFIED|a retired status needs one/, id);
      assert.match(text, /legacy — last published price/, id);
    }
  });
});

describe('retired models priced with their last published prices', () => {
  it('the status bar prices a retired default model instead of "⚠ LLM Cost"', () => {
    const p = priceCount(
      { settings: DEFAULT_SETTINGS, catalog: bundled },
      { label: 'prompt.md' },
      model(bundled, 'deepseek-chat'),
      count(1_000),
      OFF_PEAK,
    );
    assert.match(statusText(p), /^1,000 tok · \$\d/);
    assert.match(tooltipMarkdown(p, OFF_PEAK), /retired 2026-07-24 15:59 UTC — last published price; replacement: deepseek-flash/);
  });

  it('the panel prices retired rows (they read "—" with an error) and labels them', () => {
    const retired = bundled.models.filter((m) => m.status.kind === 'retired');
    const counts = new Map(retired.map((m) => [m.id, count(1_000)]));
    const rows = compareModels(bundled, retired, counts, { outputRatio: 1, cache: { hitRatio: 0 }, currency: 'USD', at: OFF_PEAK }).map(
      (r) => toPanelRow(r, 'USD'),
    );
    for (const row of rows) {
      assert.equal(row.error, undefined, `${row.modelId}: ${row.error}`);
      assert.match(row.total, /^\$\d/);
      assert.match(row.statusNote, /^retired \d{4}-\d\d-\d\d.* — last published price; replacement: /);
    }
  });

  it('the bill prices a retired model after its retirement', () => {
    const [row] = billRows(
      bundled,
      [model(bundled, 'deepseek-chat')],
      { cacheHit: 0, cacheMiss: 1_000_000, output: 0, date: '2026-11-27', time: '12:00' },
      'USD',
    ).rows;
    assert.equal(row.error, undefined);
    assert.match(row.total, /^\$\d/);
  });

  it('a Saturday spread reads "all 24 h off-peak", not "24 of 24 h off-peak ×0.5, the rest peak"', () => {
    const [row] = billRows(
      bundled,
      [model(bundled, 'deepseek-flash')],
      { cacheHit: 0, cacheMiss: 1_000_000, output: 0, date: '2026-11-28', time: '00:00', timing: { kind: 'spread' } },
      'USD',
    ).rows;
    assert.equal(row.notes[0].text, 'spread evenly over the day: all 24 h off-peak ×0.5');
  });
});
