import * as assert from 'node:assert/strict';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { applyStore, EMPTY_STORE, withAccepted } from '../../src/core/catalog/priceStore';
import { refreshDue, stalePricesNote, parsePriceSettings } from '../../src/core/config/priceSettings';
import { DEFAULT_SETTINGS } from '../../src/core/config/settings';
import { countDocument } from '../../src/core/prompt/document';
import { pickerContent } from '../../src/core/view/pickerRows';
import { priceChangeLine } from '../../src/core/view/priceDiffRows';
import { priceCount, tooltipMarkdown } from '../../src/core/view/statusText';
import { DEFAULT_SORT, buildPanel, controlsFromSettings, defaultBillInputs } from '../../src/host/panel/panelState';

const FETCHED = '2026-12-05T12:00:00.000Z';
const LATER = new Date('2026-12-06T12:00:00Z');
const refreshed = applyStore(
  defaultCatalog(),
  withAccepted(EMPTY_STORE, { source: 'litellm', url: 'https://example.test/prices.json', fetchedAt: FETCHED }, [
    { model: 'grok-4.3', field: 'input', old: '1.25', new: '1.5', source: 'litellm' },
  ]),
).catalog;

describe('refreshed prices in the views; the stale-prices line', () => {
  it('the tooltip, picker and panel say "from <source>, fetched <date>"', () => {
    const model = findModel(refreshed, 'grok-4.3')!;
    const priced = priceCount(
      { settings: DEFAULT_SETTINGS, catalog: refreshed },
      { label: 'x' },
      model,
      countDocument('hello', undefined, model),
      LATER,
    );
    assert.match(tooltipMarkdown(priced, LATER), /Prices: from litellm, fetched 2026-12-05 \(1 day ago\)/);
    assert.match(tooltipMarkdown(priced, LATER, ['Prices are old.']), /_Prices are old\._\n\nClick to open the cost comparison\.$/);
    const row = pickerContent(refreshed, 'grok-4.3', 'USD', false, LATER)
      .groups.flatMap((g) => g.rows)
      .find((r) => r.modelId === 'grok-4.3')!;
    assert.match(row.detail, /in \$1\.50.* · from litellm, fetched 2026-12-05 · context 1,000,000$/);
    const settings = { ...DEFAULT_SETTINGS, defaultModel: 'grok-4.3' };
    const { state } = buildPanel({
      catalog: refreshed,
      settings,
      settingsProblems: [],
      subject: { label: 'x' },
      counts: new Map([['grok-4.3', { model: 'grok-4.3', tokenizer: 'openai-o200k', tokens: 10, exact: false, label: 't' }]]),
      busy: false,
      controls: controlsFromSettings(settings),
      sort: DEFAULT_SORT,
      bill: defaultBillInputs(LATER),
      now: LATER,
    });
    const panelRow = state.rows.find((r) => r.modelId === 'grok-4.3')!;
    assert.equal(panelRow.origin, 'from litellm, fetched 2026-12-05');
    assert.equal(panelRow.sourceUrl, 'https://example.test/prices.json');
    assert.equal(state.rows.find((r) => r.modelId === 'grok-4.7')?.origin, undefined);
  });

  it('says prices are stale once, only past 60 days and only while refresh is off', () => {
    const now = new Date('2026-12-05T00:00:00Z');
    assert.match(
      stalePricesNote(['2026-10-01', '2026-11-30'], now, 'off') ?? '',
      /^Prices last checked 65 days ago: run "LLM Cost: Update prices"/,
    );
    assert.equal(stalePricesNote(['2026-10-06'], now, 'off'), undefined, '60 days is not yet stale');
    assert.equal(stalePricesNote(['2026-10-01'], now, 'weekly'), undefined);
    const panel = (autoRefresh: 'off' | 'daily') =>
      buildPanel({
        catalog: defaultCatalog(),
        settings: DEFAULT_SETTINGS,
        settingsProblems: [],
        subject: undefined,
        counts: new Map(),
        busy: false,
        controls: controlsFromSettings(DEFAULT_SETTINGS),
        sort: DEFAULT_SORT,
        bill: defaultBillInputs(now),
        now,
        autoRefresh,
      }).state.footnotes.filter((f) => f.startsWith('Prices last checked'));
    assert.equal(panel('off').length, 1);
    assert.deepEqual(panel('daily'), []);
  });

  it('refresh is due after its interval, never when off; bad settings fall back with a message', () => {
    const now = new Date('2026-12-05T00:00:00Z');
    assert.equal(refreshDue('off', undefined, now), false);
    assert.equal(refreshDue('daily', undefined, now), true);
    assert.equal(refreshDue('daily', '2026-12-04T01:00:00Z', now), false);
    assert.equal(refreshDue('weekly', '2026-11-28T00:00:00Z', now), true);
    const { settings, problems } = parsePriceSettings({ 'prices.autoRefresh': 'hourly', 'prices.litellmUrl': 'ftp://x' });
    assert.equal(settings.autoRefresh, 'off');
    assert.match(problems.join('\n'), /prices\.autoRefresh: "hourly" is not one of off, daily, weekly/);
    assert.match(problems.join('\n'), /prices\.litellmUrl: "ftp:\/\/x" is not an http\(s\) address/);
  });

  it('describes a change with model, field, old → new and source', () => {
    assert.equal(
      priceChangeLine({ model: 'grok-4.3', field: 'longContext.cacheHit', old: '0.40', new: '0.3', source: 'xai', held: 'x' }),
      'grok-4.3 long-context cached input: $0.4 → $0.3 per M (−25%, xai; held back: x)',
    );
  });
});
