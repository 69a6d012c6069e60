import * as assert from 'node:assert/strict';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { DEFAULT_SETTINGS } from '../../src/core/config/settings';
import type { CountResult } from '../../src/core/tokenize/types';
import { isPanelControls } from '../../src/shared/protocol';
import {
  DEFAULT_SORT,
  adoptSettingsChange,
  billModelIds,
  buildPanel,
  controlsFromSettings,
  currenciesOf,
  defaultBillInputs,
  knowsAllModels,
  restore,
  shownModelIds,
} from '../../src/host/panel/panelState';

const catalog = defaultCatalog();
const settings = { ...DEFAULT_SETTINGS, outputRatio: 0.5, cacheHitShare: 0.25 };
const now = new Date('2026-11-25T12:00:00Z');
const controls = controlsFromSettings(settings);

function inputs(
  counts: ReadonlyMap<string, CountResult>,
  overrides: Partial<Parameters<typeof buildPanel>[0]> = {},
): Parameters<typeof buildPanel>[0] {
  return {
    catalog,
    settings,
    settingsProblems: [],
    subject: { label: '2 selections in prompt.md' },
    counts,
    busy: false,
    controls,
    sort: DEFAULT_SORT,
    bill: defaultBillInputs(now),
    now,
    ...overrides,
  };
}

function countsFor(ids: readonly string[], tokens: number): Map<string, CountResult> {
  return new Map(ids.map((id) => [id, { model: id, tokenizer: 'openai-o200k', tokens, exact: !id.startsWith('grok'), label: 'test' }]));
}

describe('panel state', () => {
  it('starts from the settings, valid by the protocol', () => {
    assert.deepEqual(controls, {
      outputRatio: 0.5,
      cache: { kind: 'share', hitShare: 0.25 },
      currency: 'USD',
      moment: 'now',
      showRetired: false,
    });
    assert.equal(isPanelControls(controls), true);
  });

  it('has a row for every shown model, sorted by total, with the subject label', () => {
    const ids = shownModelIds(catalog, settings, controls);
    const { state } = buildPanel(inputs(countsFor(ids, 10_000)));
    assert.equal(state.subject, '2 selections in prompt.md');
    assert.deepEqual(new Set(state.rows.map((r) => r.modelId)), new Set(ids));
    const totals = state.rows.map((r) => r.totalNumber);
    assert.deepEqual(
      totals,
      [...totals].sort((a, b) => a - b),
    );
    assert.ok(
      state.rows.every((r) => !r.error && r.total.startsWith('$')),
      JSON.stringify(state.rows.find((r) => r.error)),
    );
    assert.ok(
      state.footnotes.some((f) => f.startsWith('≈ marks')),
      'estimate footnote when a count is not exact',
    );
  });

  it('names the number of requests of a multi-request file, each row being the batch total', () => {
    const ids = shownModelIds(catalog, settings, controls);
    const batch = new Map([...countsFor(ids, 10_000)].map(([id, c]) => [id, { ...c, requests: 3 }]));
    const subject = { label: 'batch.jsonl (whole document)' };
    assert.equal(
      buildPanel(inputs(batch, { subject })).state.subject,
      'batch.jsonl (whole document) · 3 requests · each row is the batch total',
    );
    const single = new Map([...batch].map(([id, c]) => [id, { ...c, requests: 1 }]));
    assert.equal(buildPanel(inputs(single, { subject })).state.subject, 'batch.jsonl (whole document)');
  });

  it('shows and bills by default the model a prompt file names, even a legacy one, and says so', () => {
    const legacy = catalog.models.find((m) => m.status.kind !== 'current' && !m.inputOnly);
    assert.ok(legacy, 'the catalog has a legacy or retired model');
    assert.ok(!shownModelIds(catalog, settings, controls).includes(legacy.id));
    assert.ok(shownModelIds(catalog, settings, controls, legacy.id).includes(legacy.id));
    const subject = { label: 'a.prompt.yml (whole document)' };
    const { state } = buildPanel(inputs(new Map(), { subject, promptModel: legacy.id }));
    assert.equal(state.subject, `a.prompt.yml (whole document) · its model: ${legacy.id} (from the prompt file)`);
    assert.ok(state.rows.some((r) => r.modelId === legacy.id));
    assert.deepEqual(
      state.bill.models.filter((m) => m.picked).map((m) => m.modelId),
      [legacy.id],
    );
    assert.deepEqual(billModelIds(catalog, settings, ['grok-4.3'], legacy.id), ['grok-4.3'], 'a picked bill keeps its models');
  });

  it('changing the ratio changes output and totals but needs no new counts', () => {
    const counts = countsFor(shownModelIds(catalog, settings, controls), 10_000);
    const before = buildPanel(inputs(counts)).state;
    const after = buildPanel(inputs(counts, { controls: { ...controls, outputRatio: 3 } })).state;
    // The first row of a model that produces output (embedding models bill input only, so the ratio cannot change them).
    const id = before.rows.find((r) => !findModel(catalog, r.modelId)?.inputOnly)!.modelId;
    const row = (s: typeof before) => s.rows.find((r) => r.modelId === id)!;
    assert.ok(row(after).totalNumber > row(before).totalNumber);
    assert.equal(row(after).input, row(before).input);
    assert.equal(row(after).tokens, row(before).tokens);
  });

  it('shows retired models when asked, which then need counting', () => {
    const shown = shownModelIds(catalog, settings, controls);
    const all = shownModelIds(catalog, settings, { ...controls, showRetired: true });
    assert.ok(all.length > shown.length);
    const { state } = buildPanel(inputs(countsFor(shown, 100), { controls: { ...controls, showRetired: true } }));
    const uncounted = state.rows.filter((r) => r.error === 'not counted yet');
    assert.equal(uncounted.length, all.length - shown.length);
    assert.ok(
      state.rows.slice(-uncounted.length).every((r) => r.error),
      'uncounted rows go last',
    );
  });

  it('reports the subject problem, counting failures and setting problems, and says when nothing is open', () => {
    const { state } = buildPanel(
      inputs(new Map(), {
        subject: undefined,
        countError: 'worker crashed',
        settingsProblems: ['llmCost.currency: bad'],
        busy: true,
      }),
    );
    assert.match(state.subject, /Nothing to count/);
    assert.deepEqual(state.problems, ['llmCost.currency: bad', 'Counting failed: worker crashed']);
    assert.equal(state.busy, true);
    const binary = buildPanel(inputs(new Map(), { subject: { label: 'image.png', problem: 'image.png looks binary.' } })).state;
    assert.deepEqual(binary.problems, ['image.png looks binary.']);
  });

  it('bills the bill inputs for every model picked, a day spread over DeepSeek’s windows by default', () => {
    const { state } = buildPanel(inputs(new Map(), { billModels: shownModelIds(catalog, settings, controls) }));
    assert.equal(state.bill.rows.length, shownModelIds(catalog, settings, controls).length);
    for (const b of state.bill.rows) {
      if (b.error) continue;
      // Time-of-day prices: every kind in a peak and an off-peak line; flat prices: one line per kind.
      assert.equal(b.lines.length, b.modelId.startsWith('deepseek') ? 6 : 3, b.modelId);
    }
    assert.equal(state.bill.caveats.filter((c) => c.startsWith('Chinese public holidays')).length, 1, 'the DeepSeek holiday caveat, once');
    assert.equal(new Set(state.bill.caveats).size, state.bill.caveats.length, 'no caveat twice');
  });
  it('bills only the default model until models are picked, then only those (retired ones at their day’s prices)', () => {
    const day = { ...defaultBillInputs(now), date: '2025-01-20' };
    const byDefault = buildPanel(inputs(new Map(), { bill: day })).state.bill;
    assert.deepEqual(
      byDefault.rows.map((r) => r.modelId),
      [settings.defaultModel],
    );
    assert.equal(byDefault.followsDefault, true);
    assert.ok(
      byDefault.models.length > shownModelIds(catalog, settings, controls).length,
      'the selector lists legacy and retired models too',
    );
    assert.deepEqual(
      byDefault.models.filter((m) => m.picked).map((m) => m.modelId),
      [settings.defaultModel],
    );
    const picked = buildPanel(inputs(new Map(), { bill: day, billModels: ['deepseek-chat'] })).state.bill;
    assert.deepEqual(
      picked.rows.map((r) => r.modelId),
      ['deepseek-chat'],
    );
    assert.equal(picked.rows[0].error, undefined, 'deepseek-chat had prices on 2025-01-20');
    assert.equal(picked.followsDefault, false);
    assert.match(picked.models.find((m) => m.modelId === 'deepseek-chat')!.statusNote, /retired/);
    assert.deepEqual(buildPanel(inputs(new Map(), { billModels: [] })).state.bill.rows, []);
  });

  it('drops bill models the catalog no longer has', () => {
    assert.deepEqual(billModelIds(catalog, settings, ['grok-4.7', 'gone-model']), ['grok-4.7']);
    assert.deepEqual(billModelIds(catalog, settings, undefined), [settings.defaultModel]);
    assert.equal(knowsAllModels(catalog, ['grok-4.7', 'gone-model']), false);
  });

  it('lists the DeepSeek schedule caveat once and refers every DeepSeek row to it', () => {
    const ids = shownModelIds(catalog, settings, controls);
    const { state } = buildPanel(inputs(countsFor(ids, 1000)));
    assert.equal(state.caveats.filter((c) => c.startsWith('Chinese public holidays')).length, 1);
    const n = state.caveats.findIndex((c) => c.startsWith('Chinese public holidays')) + 1;
    const deepseek = state.rows.filter((r) => r.provider === 'deepseek' && !r.error);
    assert.ok(deepseek.length >= 2);
    for (const row of deepseek) assert.deepEqual(row.priceNotes[0], { text: 'off-peak ×0.5, peak from 2026-11-26 01:00 UTC', footnote: n });
    for (const row of state.rows) for (const note of row.priceNotes) assert.ok(note.text.length <= 80, note.text);
  });

  it('gives the moment when "now" prices change, for a rebuild then', () => {
    const ids = shownModelIds(catalog, settings, controls);
    const { nextChange } = buildPanel(inputs(countsFor(ids, 1000)));
    assert.ok(nextChange && nextChange > now, 'DeepSeek has peak hours, so a change is due');
  });

  it('lets a changed setting override the panel, keeps the panel’s other choices', () => {
    const panel = { ...controls, outputRatio: 4, currency: 'EUR' };
    const next = adoptSettingsChange(panel, settings, { ...settings, cacheHitShare: 0.9 });
    assert.deepEqual(next, { ...panel, cache: { kind: 'share', hitShare: 0.9 } });
  });

  it('restores what the webview saved, defaults for the rest', () => {
    const defaults = { controls, sort: DEFAULT_SORT, bill: defaultBillInputs(now) };
    const sort = { column: 'model', direction: 'descending' } as const;
    assert.deepEqual(restore({ sort }, defaults), { ...defaults, sort });
    assert.deepEqual(restore(undefined, defaults), defaults);
    assert.deepEqual(restore({ billModels: ['deepseek-chat'] }, defaults), { ...defaults, billModels: ['deepseek-chat'] });
  });

  it('offers native and exchange-table currencies', () => {
    const codes = currenciesOf(catalog, 'USD');
    for (const code of ['USD', 'CNY', 'EUR']) assert.ok(codes.includes(code), code);
  });
});
