import * as assert from 'node:assert/strict';
import { runCli } from '../fixtures/cli/fakeIo';

interface Line {
  kind: string;
  tokens: number;
  pricePerMillionExact: string;
  costExact: string;
  window: string | null;
}
interface BillJson {
  model: string;
  lines: Line[];
  totalExact: string;
  windowSplit: { full: string; discounted: string; multiplier: string; discountedShare: number | null } | null;
  notes: { kind: string; text: string }[];
}

const M = ['--cache-hit-tokens', '1000000', '--cache-miss-tokens', '2000000', '--output-tokens', '500000'];
const usage = async (args: string[]): Promise<BillJson> => {
  const r = await runCli(['usage', '--json', ...args]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as BillJson;
};
const rows = (b: BillJson) => b.lines.map((l) => [l.kind, l.window, l.tokens, l.pricePerMillionExact, l.costExact]);

describe('llm-cost usage: a day on a model with time-of-day prices', () => {
  it('refuses a date without a time on DeepSeek (exit 2, one line naming the three ways out)', async () => {
    const r = await runCli(['usage', '--model', 'deepseek-flash', '--at', '2026-11-27', ...M]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      'llm-cost: prices depend on the time of day: give a time (--at 2026-11-27T02:00Z), --spread-evenly or --discounted-share\n',
    );
  });

  it('--spread-evenly on a Friday: 17 of 24 hours off-peak (peak 01–04 and 06–10 UTC)', async () => {
    const b = await usage(['--model', 'deepseek-flash', '--at', '2026-11-27', '--spread-evenly', ...M]);
    // 1M × 17/24 = 708,333 off-peak; 2M → 1,416,667; 0.5M → 354,167. Peak $0.006 / $0.30 / $1.20, off-peak half.
    assert.deepEqual(rows(b), [
      ['cache-hit', 'peak', 291_667, '0.006', '0.001750002'],
      ['cache-hit', 'off-peak', 708_333, '0.003', '0.002124999'],
      ['cache-miss', 'peak', 583_333, '0.3', '0.1749999'],
      ['cache-miss', 'off-peak', 1_416_667, '0.15', '0.21250005'],
      ['output', 'peak', 145_833, '1.2', '0.1749996'],
      ['output', 'off-peak', 354_167, '0.6', '0.2125002'],
    ]);
    assert.equal(b.totalExact, '0.778874751');
    assert.equal(b.windowSplit?.discounted, 'off-peak');
    assert.equal(b.windowSplit?.full, 'peak');
    assert.equal(b.windowSplit?.multiplier, '0.5');
  });

  it('--spread-evenly on a Saturday bills every token off-peak', async () => {
    const b = await usage(['--model', 'deepseek-flash', '--at', '2026-11-28', '--spread-evenly', ...M]);
    // 0.5 × (1M × 0.006 + 2M × 0.30 + 0.5M × 1.20) / 1M = 0.5 × 1.206 = 0.603
    assert.equal(b.totalExact, '0.603');
    assert.ok(b.lines.filter((l) => l.window === 'peak').every((l) => l.tokens === 0));
  });

  it('--discounted-share 25% (and 0.25) splits each kind', async () => {
    const b = await usage(['--model', 'deepseek-flash', '--at', '2026-11-27', '--discounted-share', '25%', ...M]);
    // peak: 0.75M × 0.006 + 1.5M × 0.30 + 0.375M × 1.20 = 0.0045 + 0.45 + 0.45; off-peak: 0.00075 + 0.075 + 0.075
    assert.equal(b.totalExact, '1.05525');
    assert.equal(b.windowSplit?.discountedShare, 0.25);
    const same = await usage(['--model', 'deepseek-flash', '--at', '2026-11-27', '--discounted-share', '0.25', ...M]);
    assert.equal(same.totalExact, '1.05525');
  });

  it('shows the window in the table and the holiday caveat once', async () => {
    const r = await runCli(['usage', '--model', 'deepseek-flash', '--at', '2026-11-27', '--spread-evenly', ...M]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^cache miss \(off-peak\) +1,416,667 +\$0\.15 /m);
    assert.match(r.stdout, /^cache miss \(peak\) +583,333 +\$0\.30 /m);
    assert.equal(r.stdout.split('Chinese public holidays').length - 1, 1);
  });

  it('a time still prices at that instant, without a split; JSON window null on each line', async () => {
    const b = await usage(['--model', 'deepseek-flash', '--at', '2026-11-27T02:00Z', ...M]);
    // 02:00 Friday is peak: 0.006 + 0.6 + 0.6
    assert.equal(b.totalExact, '1.206');
    assert.equal(b.windowSplit, null);
    assert.ok(b.lines.every((l) => l.window === null));
  });

  it('a date alone stays fine on a model without time-of-day prices', async () => {
    const b = await usage(['--model', 'mistral-small-2409', '--at', '2025-01-15', '--input-tokens', '1000000', '--output-tokens', '0']);
    assert.equal(b.windowSplit, null);
  });

  it('rejects both split options, and a share above 1', async () => {
    const both = await runCli([
      'usage',
      '--model',
      'deepseek-flash',
      '--at',
      '2026-11-27',
      '--spread-evenly',
      '--discounted-share',
      '0.5',
      ...M,
    ]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /^llm-cost: give either --spread-evenly or --discounted-share, not both\n$/);
    const big = await runCli(['usage', '--model', 'deepseek-flash', '--at', '2026-11-27', '--discounted-share', '1.5', ...M]);
    assert.equal(big.code, 2);
    assert.match(big.stderr, /--discounted-share: '1\.5' is more than 1/);
  });
});
