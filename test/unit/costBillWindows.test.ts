import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { bill } from '../../src/core/cost/bill';
import { CostError } from '../../src/core/cost/errors';
import { estimate } from '../../src/core/cost/estimate';
import { scheduleCoverage } from '../../src/core/cost/schedule';
import type { Bill } from '../../src/core/cost/types';

const catalog = defaultCatalog();
const s = (r: { toDecimalString(): string }) => r.toDecimalString();
const rows = (b: Bill) => b.lines.map((l) => [l.kind, l.window?.label ?? null, l.tokens, s(l.pricePerMillion), s(l.cost)]);
const badInput = (pattern: RegExp) => (e: unknown) => e instanceof CostError && e.code === 'bad-input' && pattern.test(e.message);
const WEDNESDAY = new Date('2026-11-25T00:00:00Z'); // a date-only moment: midnight is off-peak

describe('usage bill split by time of day', () => {
  it('bills a day in peak and off-peak lines by a share, instead of pricing it all at midnight', () => {
    // deepseek-flash, 75% of each kind off-peak. Peak 0.006 / 0.30 / 1.20, off-peak half.
    //   cache-hit   250,000 × 0.006 = 0.0015     750,000 × 0.003 = 0.00225
    //   cache-miss  500,000 × 0.30  = 0.15     1,500,000 × 0.15  = 0.225
    //   output      125,000 × 1.20  = 0.15       375,000 × 0.60  = 0.225
    //   total 0.75375
    const tokens = { cacheHit: 1_000_000, cacheMiss: 2_000_000, output: 500_000 };
    const b = bill(catalog, { modelId: 'deepseek-flash', at: WEDNESDAY, tokens, windowShares: { discounted: 0.75 } });
    assert.deepEqual(rows(b), [
      ['cache-hit', 'peak', 250_000, '0.006', '0.0015'],
      ['cache-hit', 'off-peak', 750_000, '0.003', '0.00225'],
      ['cache-miss', 'peak', 500_000, '0.3', '0.15'],
      ['cache-miss', 'off-peak', 1_500_000, '0.15', '0.225'],
      ['output', 'peak', 125_000, '1.2', '0.15'],
      ['output', 'off-peak', 375_000, '0.6', '0.225'],
    ]);
    assert.equal(s(b.total), '0.75375');
    assert.equal(b.context.window, null);
    assert.equal(b.windowSplit?.discounted.label, 'off-peak');
    assert.equal(s(b.windowSplit.discounted.multiplier), '0.5');
    assert.equal(b.windowSplit?.discountedShare, 0.75);
    assert.match(b.windowSplit.note!, /Chinese public holidays are off-peak all day/);
    assert.ok(
      b.notes.some((n) => n.text.startsWith('split by time of day: 75% of each kind in the off-peak window')),
      b.notes.map((n) => n.text).join('\n'),
    );
    // Without a split the same bill is still priced at the instant (midnight, off-peak): 0.003 + 0.3 + 0.3 = 0.603.
    const instant = bill(catalog, { modelId: 'deepseek-flash', at: WEDNESDAY, tokens });
    assert.equal(s(instant.total), '0.603');
    assert.equal(instant.context.window?.label, 'off-peak');
    assert.equal(instant.lines.length, 3);
  });

  it('spreads a weekday evenly with scheduleCoverage (17 of 24 hours off-peak)', () => {
    const { discountedHours } = scheduleCoverage(
      findModel(catalog, 'deepseek-flash')!.periods.at(-1)!.schedule!,
      WEDNESDAY,
      catalog.holidays,
    );
    // input 2,400,000 × 17/24 = 1,700,000 off-peak, 700,000 peak; output 240,000 → 170,000 / 70,000.
    //   700,000 × 0.30 = 0.21   1,700,000 × 0.15 = 0.255   70,000 × 1.20 = 0.084   170,000 × 0.60 = 0.102   total 0.651
    const b = bill(catalog, {
      modelId: 'deepseek-flash',
      at: WEDNESDAY,
      tokens: { input: 2_400_000, output: 240_000 },
      windowShares: { discounted: discountedHours / 24 },
    });
    assert.deepEqual(rows(b), [
      ['input', 'peak', 700_000, '0.3', '0.21'],
      ['input', 'off-peak', 1_700_000, '0.15', '0.255'],
      ['output', 'peak', 70_000, '1.2', '0.084'],
      ['output', 'off-peak', 170_000, '0.6', '0.102'],
    ]);
    assert.equal(s(b.total), '0.651');
  });

  it('takes explicit discounted-window counts (the 2025 night discount, 50% chat and 75% reasoner)', () => {
    // deepseek-chat 2025-03-03, standard 0.27 / 1.10, night × 0.5:
    //   input 600,000 × 0.27 = 0.162, 400,000 × 0.135 = 0.054; output 900,000 × 1.10 = 0.99, 100,000 × 0.55 = 0.055; total 1.261
    const at = new Date('2025-03-03T00:00:00Z');
    const chat = bill(catalog, {
      modelId: 'deepseek-chat',
      at,
      tokens: { input: 1_000_000, output: 1_000_000 },
      windowTokens: { discounted: { input: 400_000, output: 100_000 } },
    });
    assert.deepEqual(rows(chat), [
      ['input', 'standard', 600_000, '0.27', '0.162'],
      ['input', 'night discount', 400_000, '0.135', '0.054'],
      ['output', 'standard', 900_000, '1.1', '0.99'],
      ['output', 'night discount', 100_000, '0.55', '0.055'],
    ]);
    assert.equal(s(chat.total), '1.261');
    assert.equal(chat.windowSplit?.discountedShare, undefined);
    assert.ok(
      chat.notes.some((n) =>
        n.text.startsWith('split by time of day: 500,000 of 2,000,000 tokens in the night discount window (prices × 0.5)'),
      ),
      chat.notes.map((n) => n.text).join('\n'),
    );
    // deepseek-reasoner, all 1,000,000 cache-miss tokens at night, at the published night price 0.135 (not 0.55 × 0.25 = 0.1375).
    const reasoner = bill(catalog, {
      modelId: 'deepseek-reasoner',
      at,
      tokens: { cacheHit: 0, cacheMiss: 1_000_000, output: 0 },
      windowTokens: { discounted: { cacheHit: 0, cacheMiss: 1_000_000, output: 0 } },
    });
    assert.equal(s(reasoner.total), '0.135');
  });

  it('splits a native CNY list and a total with an input share', () => {
    // CNY peak miss ¥2: 500,000 × 2 = 1, 500,000 × 1 = 0.5 → 1.5, no conversion.
    const cny = bill(catalog, {
      modelId: 'deepseek-flash',
      at: WEDNESDAY,
      currency: 'CNY',
      tokens: { cacheHit: 0, cacheMiss: 1_000_000, output: 0 },
      windowShares: { discounted: 0.5 },
    });
    assert.equal(s(cny.total), '1.5');
    assert.equal(cny.context.converted, null);
    // total 1,000,000 with input share 0.8 → 800,000 input, 200,000 output; half of each off-peak:
    //   400,000 × 0.30 = 0.12 + 400,000 × 0.15 = 0.06 + 100,000 × 1.20 = 0.12 + 100,000 × 0.60 = 0.06 = 0.36
    const total = bill(catalog, {
      modelId: 'deepseek-flash',
      at: WEDNESDAY,
      tokens: { total: 1_000_000, inputShare: 0.8 },
      windowShares: { discounted: 0.5 },
    });
    assert.equal(s(total.total), '0.36');
  });

  it("gives the instant's prices at the edges: share 0 = peak, share 1 = off-peak", () => {
    const tokens = { cacheHit: 123_457, cacheMiss: 765_432, output: 98_765 };
    const peak = bill(catalog, { modelId: 'deepseek-v4-pro', at: new Date('2026-11-25T02:00:00Z'), tokens });
    const offPeak = bill(catalog, { modelId: 'deepseek-v4-pro', at: new Date('2026-11-25T12:00:00Z'), tokens });
    assert.equal(peak.context.window?.discounted, false);
    assert.equal(
      s(bill(catalog, { modelId: 'deepseek-v4-pro', at: WEDNESDAY, tokens, windowShares: { discounted: 0 } }).total),
      s(peak.total),
    );
    assert.equal(
      s(bill(catalog, { modelId: 'deepseek-v4-pro', at: WEDNESDAY, tokens, windowShares: { discounted: 1 } }).total),
      s(offPeak.total),
    );
  });

  it('keeps every token and lands between the all-peak and all-off-peak bills, for any split (property)', () => {
    const peakAt = new Date('2026-11-25T02:00:00Z');
    const offAt = new Date('2026-11-25T12:00:00Z');
    fc.assert(
      fc.property(
        fc.constantFrom('deepseek-flash', 'deepseek-v4-pro'),
        fc.record({ cacheHit: fc.nat(5_000_000), cacheMiss: fc.nat(5_000_000), output: fc.nat(5_000_000) }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('USD', 'CNY'),
        (modelId, tokens, share, currency) => {
          const split = bill(catalog, { modelId, at: WEDNESDAY, tokens, currency, windowShares: { discounted: share } });
          for (const kind of ['cache-hit', 'cache-miss', 'output'] as const) {
            const key = ({ 'cache-hit': 'cacheHit', 'cache-miss': 'cacheMiss', output: 'output' } as const)[kind];
            assert.equal(
              split.lines.filter((l) => l.kind === kind).reduce((n, l) => n + l.tokens, 0),
              tokens[key],
            );
          }
          const peak = bill(catalog, { modelId, at: peakAt, tokens, currency }).total;
          const off = bill(catalog, { modelId, at: offAt, tokens, currency }).total;
          assert.ok(split.total.cmp(off) >= 0 && split.total.cmp(peak) <= 0, `${s(off)} ≤ ${s(split.total)} ≤ ${s(peak)}`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('ignores a split, with a note, where prices do not depend on the time of day', () => {
    // grok-4.3: 1,000,000 input × 1.25 + 1,000,000 output × 2.50 = 3.75, one line each.
    const b = bill(catalog, {
      modelId: 'grok-4.3',
      at: new Date('2026-11-01T00:00:00Z'),
      tokens: { input: 1_000_000, output: 1_000_000 },
      windowShares: { discounted: 0.5 },
    });
    assert.equal(s(b.total), '3.75');
    assert.deepEqual(
      rows(b).map((r) => r[1]),
      [null, null],
    );
    assert.equal(b.windowSplit, undefined);
    assert.ok(
      b.notes.some(
        (n) =>
          n.kind === 'window-split-ignored' && n.text === 'grok-4.3 has no time-of-day prices at 2026-11-01: the window split is ignored',
      ),
      b.notes.map((n) => n.text).join('\n'),
    );
  });

  it('refuses a bad split and changes nothing', () => {
    const base = { modelId: 'deepseek-flash', at: WEDNESDAY, tokens: { cacheHit: 10, cacheMiss: 10, output: 10 } };
    assert.throws(
      () =>
        bill(catalog, {
          ...base,
          windowShares: { discounted: 0.5 },
          windowTokens: { discounted: { cacheHit: 1, cacheMiss: 1, output: 1 } },
        }),
      badInput(/not both/),
    );
    assert.throws(
      () => bill(catalog, { ...base, windowShares: { discounted: 1.5 } }),
      badInput(/discounted window share must be a number from 0 to 1 \(got 1\.5\)/),
    );
    assert.throws(
      () => bill(catalog, { ...base, windowTokens: { discounted: { input: 5, output: 5 } } }),
      badInput(/same kinds as the usage tokens/),
    );
    assert.throws(
      () => bill(catalog, { ...base, windowTokens: { discounted: { cacheHit: 1, cacheMiss: 11, output: 1 } } }),
      badInput(/discounted-window cache-miss tokens \(11\) exceed the cache-miss tokens of the bill \(10\)/),
    );
    assert.throws(
      () => bill(catalog, { ...base, windowTokens: { discounted: { cacheHit: 1, cacheMiss: -1, output: 1 } } }),
      badInput(/discounted-window cache-miss tokens must be a whole number/),
    );
  });
});

describe('time-of-day caveat in the pricing context', () => {
  it('carries the schedule note on the window, and in the notes', () => {
    const e = estimate(catalog, {
      modelId: 'deepseek-flash',
      at: new Date('2026-11-25T02:00:00Z'),
      inputTokens: 1000,
      cache: { hitRatio: 0 },
      output: { tokens: 0 },
    });
    assert.equal(e.context.window?.label, 'peak');
    assert.match(e.context.window.note!, /^Chinese public holidays are off-peak all day/);
    // A note of its own, so front ends that fold the window line into their own wording still show it.
    assert.deepEqual(
      e.notes.filter((n) => n.kind === 'window' || n.kind === 'window-caveat'),
      [
        { kind: 'window', text: 'peak window' },
        { kind: 'window-caveat', text: e.context.window.note },
      ],
    );
    const grok = estimate(catalog, {
      modelId: 'grok-4.3',
      at: new Date('2026-11-25T02:00:00Z'),
      inputTokens: 1000,
      cache: { hitRatio: 0 },
      output: { tokens: 0 },
    });
    assert.equal(grok.context.window, null);
  });
  it('bills a moved alias at the model it meant then', () => {
    // mistral-large-latest on 2025-06-01 = mistral-large-2411: 1,000,000 × 2 + 1,000,000 × 6 = 8.
    const b = bill(catalog, {
      modelId: 'mistral-large-latest',
      at: new Date('2025-06-01T00:00:00Z'),
      tokens: { input: 1_000_000, output: 1_000_000 },
    });
    assert.equal(b.modelId, 'mistral-large-2411');
    assert.equal(s(b.total), '8');
    assert.equal(b.notes[0].text, 'mistral-large-latest meant mistral-large-2411 at 2025-06-01 (until 2025-12-01)');
  });
});
