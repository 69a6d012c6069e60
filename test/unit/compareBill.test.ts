import * as assert from 'node:assert/strict';
import type { BillInputs } from '../../src/shared/protocol';
import { currentPeriod, defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { bill } from '../../src/core/cost/bill';
import { scheduleCoverage } from '../../src/core/cost/schedule';
import { Rational } from '../../src/core/cost/rational';
import { billMoment, billRows, discountedShare } from '../../src/core/view/compareRows';

const catalog = defaultCatalog();
const model = (id: string) => {
  const m = findModel(catalog, id);
  assert.ok(m, `${id} is in the bundled catalog`);
  return m;
};
const flash = model('deepseek-flash');
const pro = model('deepseek-v4-pro');
const mistral = model('mistral-small-latest');
/** Wednesday 2026-11-25: a weekday, so DeepSeek has its peak hours. */
const weekday: BillInputs = { cacheHit: 0, cacheMiss: 1_000_000, output: 0, date: '2026-11-25', time: '12:00', timing: { kind: 'spread' } };

describe('usage bill by time of day: the schedule', () => {
  it('deepseek-flash has 7 peak hours on a weekday (01–04 and 06–10 UTC) and none on a Saturday', () => {
    const schedule = currentPeriod(flash, new Date('2026-11-25T00:00:00Z'))!.schedule!;
    assert.deepEqual(scheduleCoverage(schedule, new Date('2026-11-25T00:00:00Z'), catalog.holidays), { discountedHours: 17, fullHours: 7 });
    assert.deepEqual(scheduleCoverage(schedule, new Date('2026-11-28T00:00:00Z'), catalog.holidays), { discountedHours: 24, fullHours: 0 });
  });
  it('prices a spread or shared day from the start of the day, an instant at its time', () => {
    assert.equal(billMoment(weekday).toISOString(), '2026-11-25T00:00:00.000Z');
    assert.equal(billMoment({ ...weekday, timing: { kind: 'share', discountedShare: 0.5 } }).toISOString(), '2026-11-25T00:00:00.000Z');
    assert.equal(billMoment({ ...weekday, timing: { kind: 'at-time' } }).toISOString(), '2026-11-25T12:00:00.000Z');
    assert.equal(billMoment({ date: '2026-11-25', time: '07:30' }).toISOString(), '2026-11-25T07:30:00.000Z', 'no timing: at the time');
  });
  it('gives the discounted share per model: hours / 24 when spread, the share given, none for flat prices or a given time', () => {
    assert.equal(discountedShare(catalog, flash, weekday), 17 / 24);
    assert.equal(discountedShare(catalog, flash, { ...weekday, date: '2026-11-28' }), 1);
    assert.equal(discountedShare(catalog, flash, { ...weekday, timing: { kind: 'share', discountedShare: 0.3 } }), 0.3);
    assert.equal(discountedShare(catalog, flash, { ...weekday, timing: { kind: 'at-time' } }), undefined);
    assert.equal(discountedShare(catalog, mistral, weekday), undefined);
  });
});

describe('usage bill by time of day: hand-computed figures', () => {
  it('1,000,000 cache-miss tokens on deepseek-flash spread over a weekday: 7/24 at $0.30/M, 17/24 at $0.15/M', () => {
    // 7/24 × 1M × 0.30/M + 17/24 × 1M × 0.15/M = 0.0875 + 0.10625 = 0.19375, with tokens rounded to whole ones:
    // 708,333 off-peak (17/24 of 1M, half up) and 291,667 peak → 0.0875001 + 0.10624995 = 0.19375005.
    const result = bill(catalog, {
      modelId: 'deepseek-flash',
      at: billMoment(weekday),
      tokens: { cacheHit: 0, cacheMiss: 1_000_000, output: 0 },
      windowShares: { discounted: discountedShare(catalog, flash, weekday)! },
    });
    const miss = result.lines.filter((l) => l.kind === 'cache-miss');
    assert.deepEqual(
      miss.map((l) => [l.window?.label, l.tokens, l.pricePerMillion.toDecimalString(), l.cost.toDecimalString()]),
      [
        ['peak', 291_667, '0.3', '0.0875001'],
        ['off-peak', 708_333, '0.15', '0.10624995'],
      ],
    );
    assert.equal(result.total.toDecimalString(), '0.19375005');
    const ideal = Rational.parse('0.19375');
    assert.ok(
      result.total.sub(ideal).cmp(Rational.parse('0.00000015')) < 0,
      'off from the fractional figure by less than one token at peak',
    );
  });
  it('2,400,000 tokens divide exactly: 700,000 at peak, 1,700,000 off-peak = $0.465', () => {
    const inputs = { ...weekday, cacheMiss: 2_400_000 };
    const [row] = billRows(catalog, [flash], inputs, 'USD').rows;
    assert.deepEqual(
      row.lines.map((l) => [l.label, l.tokens, l.price, l.cost]),
      [
        ['Input (cache hit), peak', '0', '$0.006/M', '$0.000'],
        ['Input (cache hit), off-peak', '0', '$0.003/M', '$0.000'],
        ['Input (cache miss), peak', '700,000', '$0.30/M', '$0.210'],
        ['Input (cache miss), off-peak', '1,700,000', '$0.15/M', '$0.255'],
        ['Output, peak', '0', '$1.20/M', '$0.000'],
        ['Output, off-peak', '0', '$0.60/M', '$0.000'],
      ],
    );
    // 0.21 + 0.255 = 0.465: three significant figures, and the lines add up to the total shown (they read 0.21 + 0.26 = 0.47)
    assert.equal(row.total, '$0.465');
    assert.deepEqual(row.notes[0], { text: 'spread evenly over the day: 17 of 24 h off-peak ×0.5, the rest peak', footnote: 1 });
  });
  it('a share of 25% in the discounted window: 1M output tokens on deepseek-flash = 750k × 1.20 + 250k × 0.60 = $1.05', () => {
    const inputs: BillInputs = { ...weekday, cacheMiss: 0, output: 1_000_000, timing: { kind: 'share', discountedShare: 0.25 } };
    const [row] = billRows(catalog, [flash], inputs, 'USD').rows;
    assert.equal(row.total, '$1.05');
    assert.deepEqual(
      row.lines.slice(4).map((l) => [l.label, l.tokens, l.cost]),
      [
        ['Output, peak', '750,000', '$0.90'],
        ['Output, off-peak', '250,000', '$0.15'],
      ],
    );
    assert.equal(row.notes[0].text, '25% of each kind off-peak ×0.5, the rest peak');
  });
  it('a Saturday spread is all off-peak: 1M cache-miss tokens = $0.15', () => {
    const [row] = billRows(catalog, [flash], { ...weekday, date: '2026-11-28' }, 'USD').rows;
    assert.equal(row.total, '$0.150');
    assert.equal(row.notes[0].text, 'spread evenly over the day: all 24 h off-peak ×0.5');
  });
  it('at a given time the whole day takes that window: 07:00 is peak ($0.30), 12:00 off-peak ($0.15)', () => {
    const at = (time: string) => billRows(catalog, [flash], { ...weekday, time, timing: { kind: 'at-time' } }, 'USD').rows[0];
    assert.equal(at('07:00').total, '$0.300');
    assert.equal(at('07:00').lines.length, 3);
    assert.deepEqual(at('12:00').notes[0], { text: 'off-peak ×0.5', footnote: 1 });
    assert.equal(at('12:00').total, '$0.150');
  });
  it('models without time-of-day prices ignore the timing: the same single lines and no split note', () => {
    const spread = billRows(catalog, [mistral], weekday, 'USD').rows[0];
    const atTime = billRows(catalog, [mistral], { ...weekday, timing: { kind: 'at-time' } }, 'USD').rows[0];
    assert.equal(spread.lines.length, 3);
    assert.deepEqual(spread, atTime);
    assert.ok(spread.lines.every((l) => !l.label.includes('peak')));
    assert.ok(
      spread.notes.every((n) => !n.text.includes('time-of-day')),
      JSON.stringify(spread.notes),
    );
  });
});

describe('usage bill: long-context requests', () => {
  const grok = model('grok-4.3');
  const inputs: BillInputs = {
    cacheHit: 1_000_000,
    cacheMiss: 1_000_000,
    output: 1_000_000,
    date: '2026-11-25',
    time: '12:00',
    timing: { kind: 'spread' },
  };
  it('bills grok-4.3 at the standard tier unless told, saying so: 0.20 + 1.25 + 2.50 = $3.95', () => {
    const [row] = billRows(catalog, [grok], inputs, 'USD').rows;
    assert.equal(row.total, '$3.95');
    assert.deepEqual(row.notes, [{ text: 'billed at the standard tier', footnote: 1 }]);
  });
  it('bills every token at the long-context tier when asked: 0.40 + 2.50 + 5.00 = $7.90; flat models unchanged', () => {
    const { rows, caveats } = billRows(catalog, [grok, mistral], { ...inputs, longContext: true }, 'USD');
    assert.equal(rows[0].total, '$7.90');
    assert.deepEqual(rows[0].notes, [{ text: 'prompt ≥ 200,000 tokens: every token at the higher long-context rate' }]);
    assert.deepEqual(caveats, []);
    assert.deepEqual(rows[1], billRows(catalog, [mistral], inputs, 'USD').rows[0]);
  });
});

describe('usage bill: caveats once, errors clear', () => {
  it('shows the DeepSeek holiday caveat once for both DeepSeek models', () => {
    const { rows, caveats } = billRows(catalog, [flash, mistral, pro], weekday, 'USD');
    assert.equal(caveats.length, 1);
    assert.match(caveats[0], /^Chinese public holidays are off-peak all day/);
    for (const id of ['deepseek-flash', 'deepseek-v4-pro']) {
      const row = rows.find((r) => r.modelId === id)!;
      assert.equal(row.notes.filter((n) => n.footnote === 1).length, 1, id);
      assert.ok(
        row.notes.every((n) => !n.text.includes('Chinese')),
        id,
      );
    }
  });
  it('a date before a model’s known prices gives the engine’s message and goes last', () => {
    const grok = model('grok-4.3');
    const inputs: BillInputs = { ...weekday, date: '2026-05-01' };
    const { rows } = billRows(catalog, [grok, mistral], inputs, 'USD');
    assert.deepEqual(
      rows.map((r) => r.modelId),
      [mistral.id, 'grok-4.3'],
    );
    const failed = rows[1];
    assert.equal(failed.total, '—');
    assert.deepEqual(failed.lines, []);
    assert.match(
      failed.error!,
      /^grok-4\.3 has no known price at 2026-05-01: grok-4\.3 has prices from 2026-10-01; the catalog has no verified price before that/,
    );
  });
});
