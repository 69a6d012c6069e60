import * as assert from 'node:assert/strict';
import { runCli } from '../fixtures/cli/fakeIo';
import type { RunResult } from '../fixtures/cli/fakeIo';

interface BillJson {
  model: string;
  currency: string;
  at: string;
  lines: { kind: string; tokens: number; pricePerMillion: number; pricePerMillionExact: string; cost: number; costExact: string }[];
  total: number;
  totalExact: string;
  pricing: { window: { label: string; discounted: boolean } | null; tier: string; converted: { from: string; rate: string } | null };
  notes: { kind: string; text: string }[];
}

const usage = async (args: string[]): Promise<BillJson> => {
  const r = await runCli(['usage', '--json', ...args]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as BillJson;
};
const M = ['--cache-hit-tokens', '1000000', '--cache-miss-tokens', '2000000', '--output-tokens', '500000'];

function assertUsageError(r: RunResult, pattern: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^llm-cost: [^\n]+\n$/);
  assert.match(r.stderr, pattern);
}

describe('llm-cost usage', () => {
  it('prices the seed-era DeepSeek period in USD, line by line', async () => {
    const b = await usage(['--model', 'deepseek-chat', '--at', '2025-01-15', ...M]);
    assert.equal(b.model, 'deepseek-chat');
    assert.equal(b.currency, 'USD');
    assert.equal(b.at, '2025-01-15T00:00:00.000Z');
    // 1M hit × $0.014 = 0.014; 2M miss × $0.14 = 0.28; 0.5M output × $0.28 = 0.14; total 0.434
    assert.deepEqual(
      b.lines.map((l) => [l.kind, l.tokens, l.pricePerMillionExact, l.costExact]),
      [
        ['cache-hit', 1_000_000, '0.014', '0.014'],
        ['cache-miss', 2_000_000, '0.14', '0.28'],
        ['output', 500_000, '0.28', '0.14'],
      ],
    );
    assert.deepEqual(
      b.lines.map((l) => l.cost),
      [0.014, 0.28, 0.14],
    );
    assert.equal(b.totalExact, '0.434');
    assert.equal(b.total, 0.434);
  });
  it('uses the native CNY list, and switches period at 2025-02-08 16:00 UTC', async () => {
    // seed era CNY 0.1 / 1 / 2: 0.1 + 2×1 + 0.5×2 = 3.1
    const before = await usage(['--model', 'deepseek-chat', '--at', '2025-02-08T15:59:59Z', '--currency', 'CNY', ...M]);
    assert.equal(before.totalExact, '3.1');
    assert.equal(before.pricing.converted, null);
    // from 16:00 CNY 0.5 / 2 / 8: 0.5 + 2×2 + 0.5×8 = 8.5
    const after = await usage(['--model', 'deepseek-chat', '--at', '2025-02-08T16:00:00Z', '--currency', 'CNY', ...M]);
    assert.equal(after.totalExact, '8.5');
  });
  it('applies the 2025 night discount inside its window only', async () => {
    // 2025-03-03 17:00 UTC is inside 16:30–00:30: CNY (0.5 + 2×2 + 0.5×8) × 0.5 = 4.25
    const night = await usage(['--model', 'deepseek-chat', '--at', '2025-03-03T17:00:00Z', '--currency', 'CNY', ...M]);
    assert.equal(night.totalExact, '4.25');
    assert.equal(night.pricing.window?.discounted, true);
    const day = await usage(['--model', 'deepseek-chat', '--at', '2025-03-03T12:00:00Z', '--currency', 'CNY', ...M]);
    assert.equal(day.totalExact, '8.5');
  });
  it('prices DeepSeek peak and off-peak hours of today', async () => {
    const tokens = ['--cache-hit-tokens', '1000000', '--cache-miss-tokens', '1000000', '--output-tokens', '1000000'];
    // Wednesday 02:00 UTC is peak: 0.006 + 0.30 + 1.20 = 1.506
    const peak = await usage(['--model', 'deepseek-flash', '--at', '2026-11-25T02:00:00Z', ...tokens]);
    assert.equal(peak.totalExact, '1.506');
    assert.equal(peak.pricing.window?.discounted, false);
    // Wednesday 12:00 UTC is off-peak at 50%: 1.506 / 2 = 0.753
    const off = await usage(['--model', 'deepseek-flash', '--at', '2026-11-25T12:00:00Z', ...tokens]);
    assert.equal(off.totalExact, '0.753');
    assert.equal(off.pricing.window?.label, 'off-peak');
  });
  it('splits total tokens by input share, and bills the long-context tier when asked', async () => {
    // grok-4.7: 300,000 × 0.9 = 270,000 input × $2 = 0.54; 30,000 output × $6 = 0.18; total 0.72
    const std = await usage(['--model', 'grok-4.7', '--at', '2026-11-25', '--total-tokens', '300000', '--input-share', '0.9']);
    assert.deepEqual(
      std.lines.map((l) => [l.kind, l.tokens, l.costExact]),
      [
        ['input', 270_000, '0.54'],
        ['output', 30_000, '0.18'],
      ],
    );
    assert.equal(std.totalExact, '0.72');
    // long context: 100,000 × $4 = 0.4; 10,000 × $12 = 0.12; total 0.52
    const long = await usage([
      '--model',
      'grok-4.7',
      '--at',
      '2026-11-25',
      '--long-context',
      '--input-tokens',
      '100000',
      '--output-tokens',
      '10000',
    ]);
    assert.equal(long.pricing.tier, 'long-context');
    assert.equal(long.totalExact, '0.52');
  });
  it('converts where no native list exists, with the rate it used', async () => {
    const b = await usage([
      '--model',
      'mistral-large-2512',
      '--at',
      '2026-11-25',
      '--currency',
      'EUR',
      '--input-tokens',
      '1000000',
      '--output-tokens',
      '0',
    ]);
    assert.equal(b.currency, 'EUR');
    assert.equal(b.pricing.converted?.from, 'USD');
    // 1M input × $0.50 × rate
    const rate = Number(b.pricing.converted?.rate);
    assert.ok(rate > 0.5 && rate < 1.5, `EUR per USD ${rate}`);
    assert.equal(b.lines[0].cost, Number((0.5 * rate).toFixed(12)));
  });
  it('prints a readable table with the exact figures', async () => {
    const r = await runCli(['usage', '--model', 'deepseek-chat', '--at', '2025-01-15', ...M]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^deepseek-chat at 2025-01-15 00:00 UTC, USD$/m);
    // Three significant figures on the total, the lines at its precision (the line read "$0.01" before)
    assert.match(r.stdout, /^cache hit\s+1,000,000\s+\$0\.014\s+\$0\.0140\s+0\.014$/m);
    assert.match(r.stdout, /^total\s+3,500,000\s+\$0\.434\s+0\.434$/m);
    assert.match(r.stdout, /price period 2024-08-02 to 2025-02-08 16:00 UTC/);
    assert.match(r.stdout, /^retired 2026-07-24 15:59 UTC — last published price; replacement: deepseek-flash$/m);
  });
  it('rejects incomplete or conflicting token options, bad numbers, dates and currencies', async () => {
    assertUsageError(await runCli(['usage', '--output-tokens', '1', '--input-tokens', '1']), /needs --model/);
    assertUsageError(await runCli(['usage', '--model', 'grok-4.7', '--output-tokens', '1']), /no input tokens/);
    assertUsageError(
      await runCli(['usage', '--model', 'grok-4.7', '--cache-hit-tokens', '1', '--output-tokens', '1']),
      /--cache-miss-tokens is missing/,
    );
    assertUsageError(
      await runCli(['usage', '--model', 'grok-4.7', '--input-tokens', '1', '--total-tokens', '5', '--input-share', '0.5']),
      /one way/,
    );
    assertUsageError(await runCli(['usage', '--model', 'grok-4.7', '--input-tokens', '1']), /needs --output-tokens/);
    assertUsageError(
      await runCli(['usage', '--model', 'grok-4.7', '--total-tokens', '5', '--input-share', '0.5', '--output-tokens', '1']),
      /implied/,
    );
    assertUsageError(
      await runCli(['usage', '--model', 'grok-4.7', '--input-tokens', '-5', '--output-tokens', '1']),
      /--input-tokens: '-5' is not a whole number/,
    );
    assertUsageError(
      await runCli(['usage', '--model', 'grok-4.7', '--input-tokens', 'lots', '--output-tokens', '1']),
      /--input-tokens: 'lots'/,
    );
    assertUsageError(
      await runCli(['usage', '--model', 'grok-4.7', '--total-tokens', '5', '--input-share', '2']),
      /--input-share: '2' is more than 1/,
    );
    assertUsageError(
      await runCli(['usage', '--model', 'grok-4.7', '--at', 'last tuesday', '--input-tokens', '1', '--output-tokens', '1']),
      /--at: 'last tuesday' is not an ISO date/,
    );
    assertUsageError(
      await runCli(['usage', '--model', 'deepseek-chat', '--at', '2020-01-01', '--input-tokens', '1', '--output-tokens', '1']),
      /deepseek-chat has no known price at 2020-01-01/,
    );
    assertUsageError(
      await runCli(['usage', '--model', 'grok-4.7', '--currency', 'XYZ', '--input-tokens', '1', '--output-tokens', '1']),
      /no exchange rate for "XYZ"/,
    );
    assertUsageError(
      await runCli(['usage', '--model', 'grok4.7', '--input-tokens', '1', '--output-tokens', '1']),
      /unknown model 'grok4\.7' \(did you mean grok-4\.7/,
    );
  });
});
