import * as assert from 'node:assert/strict';
import type { Catalog, ModelEntry, PricePeriod } from '../../src/core/catalog/types';
import type { CountResult } from '../../src/core/tokenize/types';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import {
  Footnotes,
  billMoment,
  billRows,
  compareModels,
  noteText,
  resolveMoment,
  selectModels,
  sortRows,
  toPanelRow,
} from '../../src/core/view/compareRows';
import { splitLongNote } from '../../src/core/view/noteLines';

const source = { url: 'https://example.invalid/prices', verified: '2026-10-01' };
const weekdays = [1, 2, 3, 4, 5];

function model(
  id: string,
  provider: ModelEntry['provider'],
  period: Omit<PricePeriod, 'source' | 'from'>,
  status: ModelEntry['status'] = { kind: 'current' },
): ModelEntry {
  return {
    provider,
    id,
    aliases: [`${id}-alias`],
    displayName: id.toUpperCase(),
    tokenizer: 'openai-o200k',
    contextWindow: 1_000_000,
    status,
    periods: [{ from: '2026-01-01', ...period, source }],
  };
}

/** Prices chosen so every figure below can be checked by hand. */
const catalog: Catalog = {
  holidays: {},
  fx: { base: 'USD', date: '2026-10-31', rates: { USD: '1', CNY: '7.1', EUR: '0.9' }, source: 'test rates' },
  models: [
    model('ds', 'deepseek', {
      prices: { USD: { input: '0.28', cacheHit: '0.028', output: '0.42' }, CNY: { input: '2', cacheHit: '0.2', output: '3' } },
      schedule: {
        windows: [
          { days: weekdays, from: '01:00', to: '04:00' },
          { days: weekdays, from: '06:00', to: '10:00' },
        ],
        discountedWhen: 'outside',
        multiplier: '0.5',
        discountLabel: 'off-peak',
        fullLabel: 'peak',
      },
    }),
    model('mi', 'mistral', { prices: { USD: { input: '0.4', cacheHit: null, output: '2' } } }),
    model('gk', 'xai', {
      prices: { USD: { input: '0.2', cacheHit: '0.05', output: '0.5' } },
      longContext: { thresholdTokens: 200_000, prices: { USD: { input: '0.4', cacheHit: '0.1', output: '1' } } },
    }),
    model(
      'old',
      'deepseek',
      { prices: { USD: { input: '1', cacheHit: '0.1', output: '2' } } },
      { kind: 'retired', date: '2026-06-01', replacement: 'ds' },
    ),
  ],
};

const count = (id: string, tokens: number, exact = true): CountResult => ({
  model: id,
  tokenizer: 'openai-o200k',
  tokens,
  exact,
  label: exact ? 'exact test tokenizer' : '≈ test estimate',
  ...(exact ? {} : { errorBand: { low: 0.9, high: 1.1, basis: 'test' } }),
});
const counts = new Map(['ds', 'mi', 'gk', 'old'].map((id) => [id, count(id, 1_000_000, id !== 'gk')]));
/** Wednesday 2026-11-25 07:00 UTC: inside DeepSeek's 06:00–10:00 peak window. */
const peak = new Date('2026-11-25T07:00:00Z');
const offPeak = new Date('2026-11-25T12:00:00Z');
const options = { outputRatio: 0.5, cache: { hitRatio: 0.5 }, currency: 'USD', at: peak };

const rowsById = (rows: ReturnType<typeof compareModels>) => new Map(rows.map((r) => [r.model.id, r]));

describe('comparison: which models', () => {
  it('shows current models, and pinned or retired ones only when asked', () => {
    const ids = (opts: { showRetired: boolean; pinned: string[] }) => selectModels(catalog, opts).models.map((m) => m.id);
    assert.deepEqual(ids({ showRetired: false, pinned: [] }), ['ds', 'mi', 'gk']);
    assert.deepEqual(ids({ showRetired: false, pinned: ['old-alias'] }), ['ds', 'old', 'mi', 'gk']);
    assert.deepEqual(ids({ showRetired: true, pinned: [] }), ['ds', 'old', 'mi', 'gk']);
  });
  it('reports pinned ids the catalog does not know', () => {
    assert.deepEqual(selectModels(catalog, { showRetired: false, pinned: ['gpt-5', 'ds'] }).unknownPinned, ['gpt-5']);
  });
  it('lists every current model of the bundled catalog but the embedding (input-only) ones', () => {
    const bundled = defaultCatalog();
    const shown = selectModels(bundled, { showRetired: false, pinned: [] }).models;
    assert.equal(shown.length, bundled.models.filter((m) => m.status.kind === 'current' && !m.inputOnly).length);
    assert.ok(shown.length >= 10, `only ${shown.length} current models`);
    for (const provider of ['deepseek', 'mistral', 'xai'])
      assert.ok(
        shown.some((m) => m.provider === provider),
        provider,
      );
  });
});

describe('comparison: estimates per model (hand-computed)', () => {
  it('prices DeepSeek at peak: half the input cached, output at half the input', () => {
    const ds = rowsById(compareModels(catalog, catalog.models, counts, options)).get('ds')!;
    // hit 500k × 0.028 = 0.014; miss 500k × 0.28 = 0.14; output 500k × 0.42 = 0.21
    assert.equal(ds.estimate!.total.toDecimalString(), '0.364');
    assert.equal(ds.estimate!.cacheSaving.toDecimalString(), '0.126');
    const row = toPanelRow(ds, 'USD');
    assert.deepEqual(
      [row.tokensText, row.input, row.cacheSaving, row.output, row.total],
      ['1,000,000', '$0.154', '$0.126', '$0.210', '$0.364'],
    );
    assert.equal(row.totalNumber, 0.364);
    assert.deepEqual(row.priceNotes, [{ text: 'peak, off-peak from 2026-11-25 10:00 UTC' }]);
  });
  it('halves DeepSeek off-peak', () => {
    const ds = rowsById(compareModels(catalog, catalog.models, counts, { ...options, at: offPeak })).get('ds')!;
    assert.equal(ds.estimate!.total.toDecimalString(), '0.182');
  });
  it('bills every input token as a miss where no cached price exists (Mistral)', () => {
    const mi = rowsById(compareModels(catalog, catalog.models, counts, options)).get('mi')!;
    // 1M × 0.4 + 500k × 2 = 0.4 + 1.0
    assert.equal(mi.estimate!.total.toDecimalString(), '1.4');
    assert.ok(mi.estimate!.cacheSaving.isZero());
  });
  it('applies the long-context tier to every token of a long prompt (Grok)', () => {
    const gk = rowsById(compareModels(catalog, catalog.models, counts, options)).get('gk')!;
    // 500k × 0.1 + 500k × 0.4 + 500k × 1 = 0.75
    assert.equal(gk.estimate!.total.toDecimalString(), '0.75');
    const row = toPanelRow(gk, 'USD');
    assert.equal(row.tokensText, '≈1,000,000');
    assert.equal(row.exact, false);
    assert.equal(row.errorBand, '−10% … +10%');
  });
  it('uses a native CNY list where one exists and converts otherwise, saying so', () => {
    const rows = rowsById(compareModels(catalog, catalog.models, counts, { ...options, currency: 'CNY' }));
    // DeepSeek CNY list: 500k × 0.2 + 500k × 2 + 500k × 3 = 2.6
    assert.equal(rows.get('ds')!.estimate!.total.toDecimalString(), '2.6');
    assert.equal(rows.get('ds')!.estimate!.context.converted, null);
    const mi = toPanelRow(rows.get('mi')!, 'CNY');
    assert.equal(mi.total, '¥9.94');
    assert.ok(
      mi.priceNotes.some((n) => n.text === 'converted from USD at 7.1 CNY/USD'),
      JSON.stringify(mi.priceNotes),
    );
  });
  it('caps a cached prefix at the prompt length', () => {
    const small = new Map([['ds', count('ds', 1000)]]);
    const ds = compareModels(catalog, [catalog.models[0]], small, { ...options, cache: { cachedPrefixTokens: 5000 } })[0];
    assert.equal(ds.estimate!.cacheHit.tokens, 1000);
    assert.equal(ds.estimate!.cacheMiss.tokens, 0);
  });
  it('reports a model without a count or without a price instead of pricing it as free', () => {
    const rows = rowsById(
      compareModels(catalog, catalog.models, new Map([['ds', count('ds', 10)]]), { ...options, uncountable: new Set(['mi']) }),
    );
    assert.equal(rows.get('gk')!.error, 'not counted yet');
    assert.match(rows.get('mi')!.error!, /could not be counted/);
    const panel = toPanelRow(rows.get('gk')!, 'USD');
    assert.deepEqual([panel.total, panel.totalNumber], ['—', 0]);
    const early = compareModels(catalog, [catalog.models[0]], counts, { ...options, at: new Date('2025-06-01T00:00:00Z') })[0];
    assert.match(early.error!, /no known price/);
  });
});

describe('comparison: sorting', () => {
  const rows = compareModels(catalog, catalog.models, new Map([...counts].filter(([id]) => id !== 'old')), options);
  const order = (column: Parameters<typeof sortRows>[1]['column'], direction: 'ascending' | 'descending') =>
    sortRows(rows, { column, direction }).map((r) => r.model.id);

  it('sorts by total both ways, rows without a price last either way', () => {
    assert.deepEqual(order('total', 'ascending'), ['ds', 'gk', 'mi', 'old']);
    assert.deepEqual(order('total', 'descending'), ['mi', 'gk', 'ds', 'old']);
  });
  it('sorts by every money column and by name', () => {
    assert.deepEqual(order('input', 'ascending'), ['ds', 'gk', 'mi', 'old']); // 0.154, 0.25, 0.4
    assert.deepEqual(order('output', 'descending'), ['mi', 'gk', 'ds', 'old']); // 1.0, 0.5, 0.21
    assert.deepEqual(order('saving', 'descending'), ['gk', 'ds', 'mi', 'old']); // 0.15, 0.126, 0
    assert.deepEqual(order('model', 'ascending'), ['ds', 'gk', 'mi', 'old']); // by display name (DS, GK, MI), not provider first
  });
  it('breaks ties by model name and keeps the input untouched', () => {
    const before = rows.map((r) => r.model.id);
    assert.deepEqual(order('tokens', 'descending').slice(0, 3), ['ds', 'gk', 'mi']);
    assert.deepEqual(
      rows.map((r) => r.model.id),
      before,
    );
  });
});

describe('comparison: moments', () => {
  it('finds the next off-peak and the next peak start from a peak moment', () => {
    assert.equal(resolveMoment(catalog, catalog.models, 'next-off-peak', peak).at.toISOString(), '2026-11-25T10:00:00.000Z');
    const nextPeak = resolveMoment(catalog, catalog.models, 'next-peak', peak);
    assert.equal(nextPeak.at.toISOString(), '2026-11-26T01:00:00.000Z');
    assert.equal(nextPeak.note, 'next peak: 2026-11-26 01:00 UTC');
  });
  it('falls back to now, saying why, when no model has time-of-day prices', () => {
    const m = resolveMoment(catalog, catalog.models.slice(1, 3), 'next-peak', peak);
    assert.equal(m.at, peak);
    assert.match(m.note, /no model shown has time-of-day prices/);
  });
});

describe('comparison: usage bill', () => {
  it('bills tokens by kind for each model, line by line', () => {
    const inputs = { cacheHit: 1_000_000, cacheMiss: 2_000_000, output: 500_000, date: '2026-11-25', time: '07:00' };
    assert.equal(billMoment(inputs).toISOString(), '2026-11-25T07:00:00.000Z');
    const [ds, mi] = billRows(catalog, catalog.models.slice(0, 2), inputs, 'USD').rows;
    // 1M × 0.028 + 2M × 0.28 + 500k × 0.42 = 0.028 + 0.56 + 0.21 (the lines read 0.03 + 0.56 + 0.21 = 0.80 before)
    assert.equal(ds.total, '$0.798');
    assert.deepEqual(
      ds.lines.map((l) => [l.label, l.tokens, l.price, l.cost]),
      [
        ['Input (cache hit)', '1,000,000', '$0.028/M', '$0.028'],
        ['Input (cache miss)', '2,000,000', '$0.28/M', '$0.560'],
        ['Output', '500,000', '$0.42/M', '$0.210'],
      ],
    );
    // No cached price: hits billed at the input price, 3M × 0.4 + 500k × 2 = 2.2
    assert.equal(mi.total, '$2.20');
    const offPeakBill = billRows(catalog, catalog.models.slice(0, 1), { ...inputs, time: '12:00' }, 'USD').rows[0];
    assert.equal(offPeakBill.total, '$0.399');
  });
  it('gives a clear error for a date before any known price', () => {
    const [row] = billRows(
      catalog,
      catalog.models.slice(0, 1),
      { cacheHit: 0, cacheMiss: 1, output: 0, date: '2020-01-01', time: '00:00' },
      'USD',
    ).rows;
    assert.equal(
      row.error,
      'ds has no known price at 2020-01-01: ds has prices from 2026-01-01; the catalog has no verified price before that',
    );
    assert.equal(row.total, '—');
  });
});

describe('comparison: footnotes for long caveats', () => {
  it('numbers distinct caveats once, in first-seen order', () => {
    const notes = new Footnotes();
    assert.equal(notes.ref('holidays are not modelled: long text'), 1);
    assert.equal(notes.ref('another caveat'), 2);
    assert.equal(notes.ref('holidays are not modelled: long text'), 1);
    assert.deepEqual(notes.list(), ['holidays are not modelled: long text', 'another caveat']);
  });
  it('keeps a short note inline and turns a long "head: detail" note into its head plus a footnote', () => {
    const notes = new Footnotes();
    const long = 'no cached price is published for this model: all input is billed as cache miss';
    assert.deepEqual(splitLongNote('legacy model', notes), { text: 'legacy model' });
    assert.deepEqual(splitLongNote(long, notes), { text: 'no cached price is published for this model', footnote: 1 });
    assert.deepEqual(notes.list(), [long]);
    assert.equal(noteText({ text: 'off-peak ×0.5', footnote: 12 }), 'off-peak ×0.5 ¹²');
    assert.equal(noteText({ text: 'peak' }), 'peak');
  });
  it('gives both DeepSeek rows of a table the same footnote for the schedule caveat', () => {
    const withNote: Catalog = {
      ...catalog,
      models: catalog.models.map((m) =>
        m.provider !== 'deepseek'
          ? m
          : {
              ...m,
              periods: m.periods.map((p) =>
                p.schedule ? { ...p, schedule: { ...p.schedule, note: 'Holidays are not modelled: a long caveat.' } } : p,
              ),
            },
      ),
    };
    const twin = { ...withNote.models[0], id: 'ds2', aliases: [] };
    const all = { ...withNote, models: [...withNote.models, twin] };
    const rows = compareModels(
      all,
      [all.models[0], twin],
      new Map([
        ['ds', count('ds', 10)],
        ['ds2', count('ds2', 10)],
      ]),
      { ...options, at: offPeak },
    );
    const footnotes = new Footnotes();
    const panel = rows.map((r) => toPanelRow(r, 'USD', footnotes));
    assert.deepEqual(footnotes.list(), ['Holidays are not modelled: a long caveat.']);
    for (const row of panel) assert.deepEqual(row.priceNotes, [{ text: 'off-peak ×0.5, peak from 2026-11-26 01:00 UTC', footnote: 1 }]);
  });
});
